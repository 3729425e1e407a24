"""Shared fixtures and sample data for the store, ingest, story and API tests.

PostgreSQL tests take the server URL from $SINOSCOPE_TEST_PG_URL; each test session creates
its own database (random name) and drops it at the end, so runs never collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

FIXTURES = Path(__file__).parent / "fixtures" / "store"
PG_ENV = "SINOSCOPE_TEST_PG_URL"
# The anatomy stages only: subprocess tests exercise the store, not the slower extraction stages.
ANATOMY = "segment,language,furniture,header,sections,bilingual"


def pg_server_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    server = pg_server_url()
    if not server:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    url = make_url(server.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"sinoscope_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def reset_pg(url: str) -> None:
    """Empty every table of the test database (tests on PostgreSQL share one database)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty database of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url = request.getfixturevalue("pg_url")
    reset_pg(url)
    return url


def row_counts(engine) -> dict[str, int]:  # noqa: ANN001 - sqlalchemy Engine
    from sinoscope.store.schema import metadata

    with engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in metadata.tables.items() if name not in ("schema_version", "inputs")}


def sample_record(n: int = 0, lang: str = "en", published: str = "2031-05-02") -> dict:
    """A record shaped like the analysis output, with every fact layer filled (sample data)."""
    if lang == "zh":
        title = f"样例新闻{n}:寒武纪发布新芯片"
        body = [f"这是第{n}篇样例报道。寒武纪周二发布新一代芯片,性能提升百分之四十。",
                "虚构分析师林若川表示:\u201c这款芯片将改变市场格局。\u201d他预计明年出货量将翻倍。"]
    else:
        title = f"Sample story {n}: Nvidia ships a new accelerator"
        body = [f"This is sample report number {n}. Nvidia on Tuesday shipped a new accelerator with 40 per cent "
                "more memory bandwidth.",
                "\u201cDemand will double next year,\u201d said Odile Farrant, a fictional analyst at Brightwater."]
    text_parts = [title, *body]
    starts, offset = [], 0
    for part in text_parts:
        starts.append(offset)
        offset += len(part) + 2
    full = "\n\n".join(text_parts)
    company = "cambricon" if lang == "zh" else "nvidia"
    name = "寒武纪" if lang == "zh" else "Nvidia"
    at = full.index(name, starts[1])
    quote_start = starts[2]
    return {
        "source": f"sample-{lang}-{n}.txt", "format": "text", "lang": lang, "title": title, "title_alt": None,
        "published": published, "authors": ["Sample Author"], "translator": None, "site_name": f"Sample Wire {lang}",
        "body_text": "\n".join(body), "text": full,
        "paragraphs": [{"text": p, "lang": lang, "section": "title" if i == 0 else "body", "role": None,
                        "start": starts[i], "end": starts[i] + len(p)} for i, p in enumerate(text_parts)],
        "entities": [{"id": company, "name": "Cambricon" if lang == "zh" else "Nvidia", "name_zh": name if lang == "zh"
                      else "英伟达", "type": "org", "kb_type": "company", "aliases": [name], "known": True,
                      "mentions": [{"start": at, "end": at + len(name)}]}],
        "quotes": [{"speaker": "Odile Farrant" if lang == "en" else "林若川", "speaker_zh": None,
                    "speaker_id": "new:sample-analyst", "speaker_surface": "analyst", "text": body[1], "text_zh": None,
                    "kind": "direct", "cue": "said", "section": "body", "start": quote_start,
                    "end": quote_start + len(body[1])}],
        "figures": [{"text": "40", "value": 40.0, "unit": "percent", "kind": "change", "start": starts[1],
                     "end": starts[1] + 10}],
        "forecasts": [{"holder": "Odile Farrant", "text": "Demand will double next year", "probability": 0.7,
                       "horizon": "next year", "horizon_start": "2032-01-01", "horizon_end": "2032-12-31",
                       "due": "2032-12-31", "start": quote_start, "end": quote_start + 20}],
        "stance": {"china_ai": "competitive", "score": 0.3, "evidence": [{"start": starts[1], "end": starts[1] + 5}],
                   "by_speaker": {"Odile Farrant": {"china_ai": "hawkish", "score": -0.4,
                                                    "speaker_id": "new:sample-analyst"}}},
        "comments": [], "pairs": [], "removed_blocks": [],
    }
