"""A small corpus for the web, digest and browser tests: the sample pages in fixtures/web, ingested
once per test session through the real pipeline, then copied for each test module (sample data)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "web"
TOKEN = "sample-token-7f3a"
PAYLOAD_TEXT = "<script>window.__pwned=1</script>"


def _build(db_path: Path) -> None:
    from sinoscope.store.db import open_store
    from sinoscope.store.ingest import Ingestor

    engine = open_store(str(db_path))
    results = list(Ingestor(engine).ingest_specs(sorted(str(p) for p in FIXTURES.glob("*.txt"))))
    failed = [r for r in results if r.status == "failed"]
    assert not failed, failed
    engine.dispose()


def shared_store(factory: pytest.TempPathFactory) -> Path:
    folder = factory.getbasetemp() / "web-corpus"
    db_path, done = folder / "corpus.db", folder / "done"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        _build(db_path)
        done.touch()
    return db_path


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A private copy of the sample corpus (tests may write to it)."""
    source = shared_store(tmp_path_factory)
    target = tmp_path_factory.mktemp("web-db") / "corpus.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)


def document_id(db_path: str, source_suffix: str) -> int:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT id FROM documents WHERE source LIKE ?", (f"%{source_suffix}",)).fetchone()
    assert row, source_suffix
    return row[0]


def bilingual_story(db_path: str) -> int:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT id FROM stories WHERE languages = 'en,zh' ORDER BY id").fetchone()
    assert row, "the sample corpus should group the en and zh cluster articles into one story"
    return row[0]


# A fictional lab followed over six months in both languages (sample records written for these tests, ingested
# without the analysis stages so they are quick): the entity page's timeline, stance chart, quotes and
# forecasts have several months to show. Tidewater Lab, its director Mara Quillon and both outlets are fictional.
TIDEWATER = [("2026-05-14", "en"), ("2026-06-09", "zh"), ("2026-06-10", "en"), ("2026-08-02", "zh"),
             ("2026-09-17", "en"), ("2026-10-05", "zh")]


def tidewater_record(n: int, published: str, lang: str) -> dict:
    if lang == "zh":
        title, lab, person = f"潮水实验室第{n}次发布推理芯片进展（样例）", "潮水实验室", "柯玛拉"
        body = [f"{lab}周二公布推理芯片的第{n}阶段进展，百度是其首个客户。这是一篇样例报道。",
                f"实验室主任{person}表示：“我们的设计已经追上了同类产品。”她预计明年出货量将翻倍。"]
        quote, forecast = "我们的设计已经追上了同类产品。", "明年出货量将翻倍"
    else:
        title, lab, person = f"Tidewater Lab reports inference chip progress, part {n} (sample)", "Tidewater Lab", \
            "Mara Quillon"
        body = [f"{lab} on Tuesday reported stage {n} of its inference chip, with Baidu as its first customer. "
                "This is a sample report.",
                f"\u201cOur design has caught up with its peers,\u201d said {person}, the lab's director, who expects "
                "shipments to double next year."]
        quote, forecast = "Our design has caught up with its peers,", "expects shipments to double next year"
    parts = [title, *body]
    starts = [sum(len(p) + 2 for p in parts[:i]) for i in range(len(parts))]
    text = "\n\n".join(parts)

    def at(needle: str) -> dict:
        start = text.index(needle)
        return {"start": start, "end": start + len(needle)}

    baidu = "百度" if lang == "zh" else "Baidu"
    return {
        "source": f"tidewater-{n}-{lang}.txt", "format": "text", "lang": lang, "title": title, "published": published,
        "authors": [], "site_name": "东桥观察" if lang == "zh" else "Eastbridge Courier", "body_text": "\n".join(body),
        "text": text,
        "paragraphs": [{"text": p, "lang": lang, "section": "title" if i == 0 else "body", "role": None,
                        "start": starts[i], "end": starts[i] + len(p)} for i, p in enumerate(parts)],
        "entities": [{"id": "new:org:tidewaterlab", "name": "Tidewater Lab", "name_zh": "潮水实验室", "type": "org",
                      "known": False, "aliases": ["Tidewater", "潮水"], "mentions": [at(lab)]},
                     {"id": "baidu", "name": "Baidu", "name_zh": "百度", "type": "org", "kb_type": "org",
                      "known": True, "aliases": [], "mentions": [at(baidu)]},
                     {"id": "new:person:maraquillon", "name": "Mara Quillon", "name_zh": "柯玛拉", "type": "person",
                      "known": False, "aliases": [], "mentions": [at(person)]}],
        "quotes": [{"speaker": "Mara Quillon", "speaker_id": "new:person:maraquillon", "text": quote, "kind": "direct",
                    "cue": "said", "section": "body", **at(quote)}],
        "forecasts": [{"holder": "Mara Quillon", "holder_id": "new:person:maraquillon", "text": forecast,
                       "horizon": "next year", **at(forecast)}],
        "figures": [],
        "stance": {"china_ai": "china_ahead_or_catching_up", "score": round(0.2 + 0.1 * n, 2),
                   "by_speaker": {"Mara Quillon": {"china_ai": "china_ahead_or_catching_up", "score": 0.9 - 0.15 * n,
                                                   "speaker_id": "new:person:maraquillon"}}},
        "comments": [], "pairs": [], "removed_blocks": [],
    }


@pytest.fixture(scope="module")
def rich_db(web_db: str) -> str:
    """The sample corpus plus the Tidewater records."""
    from sinoscope.store.db import open_store
    from sinoscope.store.ingest import Ingestor

    engine = open_store(web_db)
    ingestor = Ingestor(engine)
    for n, (published, lang) in enumerate(TIDEWATER, 1):
        assert ingestor.ingest_record(tidewater_record(n, published, lang)).status == "added"
    engine.dispose()
    return web_db
