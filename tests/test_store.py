"""The store on real SQLite files and a real PostgreSQL: migrations, facts with offsets, search."""
# ruff: noqa: F811 - pytest fixtures imported from store_fixtures are redefined as parameters

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from sinoscope.store.db import make_engine, open_store, resolve_url
from sinoscope.store.ingest import store_record
from sinoscope.store.migrations import LATEST_VERSION, current_version, migrate
from sinoscope.store.queries import get_document, list_forecasts, resolve_forecast
from sinoscope.store.records import content_hash, iso_date
from sinoscope.store.schema import documents, quotes
from sinoscope.store.search import SearchQuery, search
from store_fixtures import db_url, pg_url, row_counts, sample_record  # noqa: F401 - pytest fixtures


def test_migrations_from_empty(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert current_version(conn) == 0
    assert migrate(engine) == list(range(1, LATEST_VERSION + 1))
    assert migrate(engine) == []  # a second run has nothing to do
    with engine.connect() as conn:
        assert current_version(conn) == LATEST_VERSION
        tables = set(inspect(conn).get_table_names())
    assert {"documents", "paragraphs", "entities", "mentions", "quotes", "figures", "forecasts", "stances",
            "stories", "schema_version"} <= tables


def test_migrating_in_steps_reaches_the_same_schema(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "steps.db"))
    assert migrate(engine, target=1) == [1]
    assert migrate(engine) == list(range(2, LATEST_VERSION + 1))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM document_fts")).scalar() == 0


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "wal.db"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert resolve_url(str(tmp_path / "x.db")).startswith("sqlite:////")
    assert resolve_url("postgresql://u@h/db").startswith("postgresql+psycopg://")


def test_record_facts_keep_their_offsets(db_url: str) -> None:
    engine = open_store(db_url)
    record = sample_record(1, "en")
    result = store_record(engine, record)
    assert result.status == "added"
    doc = get_document(engine, result.document_id)
    assert doc["title"] == record["title"] and doc["outlet"] == "Sample Wire en"
    assert doc["published_date"] == "2031-05-02" and doc["stance_label"] == "competitive"
    assert len(doc["paragraphs"]) == 3
    for fact in doc["paragraphs"] + doc["quotes"] + doc["mentions"]:
        assert doc["text"][fact["start"]:fact["end"]] == (fact.get("text") or doc["text"][fact["start"]:fact["end"]])
    assert doc["mentions"][0]["entity_id"] == "nvidia" and doc["mentions"][0]["text"] == "Nvidia"
    assert doc["entities"][0]["name_zh"] == "英伟达"
    assert doc["figures"][0]["value"] == 40.0
    assert doc["forecasts"][0]["due"] == "2032-12-31" and doc["forecasts"][0]["status"] == "open"
    speakers = {s["speaker"]: s["label"] for s in doc["stances"]}
    assert speakers == {None: "competitive", "Odile Farrant": "hawkish"}


def test_same_text_is_stored_once(db_url: str) -> None:
    engine = open_store(db_url)
    record = sample_record(2, "zh")
    first = store_record(engine, record)
    before = row_counts(engine)
    again = store_record(engine, {**record, "source": "elsewhere.txt", "text": record["text"].replace("\n\n", "\n \n")})
    assert (first.status, again.status) == ("added", "duplicate")
    assert again.document_id == first.document_id
    assert row_counts(engine) == before


def test_malformed_layers_do_not_lose_the_document(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "odd.db"))
    record = sample_record(3, "en")
    record.update(quotes=[None, "x", {"text": 5, "start": "a"}], figures={"not": "a list"}, entities=[{"no_id": 1}],
                  stance=["odd"], mentions=[{"entity": "new:x", "start": 1.0, "end": None}], published="sometime")
    result = store_record(engine, record)
    assert result.status == "added"
    doc = get_document(engine, result.document_id)
    assert doc["published_date"] is None and doc["figures"] == [] and doc["stances"] == []
    assert [q["text"] for q in doc["quotes"]] == ["5"]
    assert store_record(engine, {"source": "", "text": "", "body_text": ""}).status == "added"


def test_forecast_resolution(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "ledger.db"))
    store_record(engine, sample_record(4, "en"))
    due = list_forecasts(engine, status="due", today="2033-01-01")
    assert due["total"] == 1 and list_forecasts(engine, status="due", today="2031-01-01")["total"] == 0
    forecast_id = due["items"][0]["id"]
    with pytest.raises(ValueError):
        resolve_forecast(engine, forecast_id, "true", "  ")
    resolved = resolve_forecast(engine, forecast_id, "false", "Shipments fell, per a sample filing.")
    assert resolved["status"] == "resolved" and resolved["outcome"] == "false"
    assert list_forecasts(engine, status="open")["total"] == 0
    assert list_forecasts(engine, status="resolved")["total"] == 1
    assert resolve_forecast(engine, 999, "true", "x") is None


def test_search_chinese_and_english(db_url: str) -> None:
    engine = open_store(db_url)
    for n in range(3):
        store_record(engine, sample_record(n, "en", published=f"2031-05-0{n + 1}"))
        store_record(engine, sample_record(n, "zh", published=f"2031-05-0{n + 1}"))
    zh_two_chars = search(engine, SearchQuery(q="芯片"))  # under 3 characters: the LIKE fallback
    assert zh_two_chars["total"] == 3 and all("芯片" in hit["title"] for hit in zh_two_chars["results"])
    assert "芯片" in zh_two_chars["results"][0]["snippet"]
    assert search(engine, SearchQuery(q="寒武纪"))["total"] == 3  # trigram index
    english = search(engine, SearchQuery(q="accelerator"))
    assert english["total"] == 3 and {hit["lang"] for hit in english["results"]} == {"en"}
    assert search(engine, SearchQuery(q="ACCELERATOR bandwidth"))["total"] == 3
    assert search(engine, SearchQuery(q='"report number 1"'))["total"] == 1
    assert search(engine, SearchQuery(q="quantum teleportation"))["total"] == 0


def test_search_facets(db_url: str) -> None:
    engine = open_store(db_url)
    for n in range(4):
        store_record(engine, sample_record(n, "en", published=f"2031-05-0{n + 1}"))
        store_record(engine, sample_record(n, "zh", published=f"2031-05-0{n + 1}"))
    assert search(engine, SearchQuery(q="sample", lang="en"))["total"] == 4
    assert search(engine, SearchQuery(lang="zh", since="2031-05-02", until="2031-05-03"))["total"] == 2
    assert search(engine, SearchQuery(q="新芯片", entity="cambricon"))["total"] == 4
    assert search(engine, SearchQuery(q="芯片", entity="nvidia"))["total"] == 0
    assert search(engine, SearchQuery(speaker="Odile Farrant"))["total"] == 4
    assert search(engine, SearchQuery(stance="competitive", outlet="Sample Wire zh"))["total"] == 4
    counted = search(engine, SearchQuery(facets=True))
    assert {f["value"]: f["count"] for f in counted["facets"]["lang"]} == {"en": 4, "zh": 4}
    by_date = search(engine, SearchQuery(q="sample", sort="date", limit=2, offset=1))
    assert [hit["published_date"] for hit in by_date["results"]] == ["2031-05-03", "2031-05-02"]


@pytest.mark.parametrize("query", ["", " ", '"', "%", "_", "\\", "a\"b", "NEAR(", "芯", "🙂🙂🙂", "x" * 400, "-", "*"])
def test_odd_queries_never_fail(tmp_path: Path, query: str) -> None:
    engine = open_store(str(tmp_path / "odd.db"))
    store_record(engine, sample_record(0, "en"))
    result = search(engine, SearchQuery(q=query, limit=10_000, offset=-5))
    assert result["query"]["limit"] == 100 and result["query"]["offset"] == 0
    assert result["total"] >= 0


def test_record_helpers() -> None:
    assert iso_date("2031年3月4日 10:00") == "2031-03-04"
    assert iso_date("Tue, 04 Mar 2031 10:00:00 GMT") == "2031-03-04"
    assert iso_date("2031-02-30") is None and iso_date(None) is None
    assert content_hash("a  b\n") == content_hash("a b")


def test_quote_rows_link_to_documents(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "q.db"))
    store_record(engine, sample_record(5, "zh"))
    with engine.connect() as conn:
        row = conn.execute(select(quotes.c.speaker, documents.c.title).join(documents)).one()
    assert row.speaker == "林若川" and "样例" in row.title
