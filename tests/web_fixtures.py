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
