"""Discovered entities that share a normalised name and a type are one corpus entity (SQLite and PostgreSQL)."""
# ruff: noqa: F811 - pytest fixtures imported from store_fixtures are redefined as parameters

from __future__ import annotations

from sqlalchemy import select

from sinoscope.store.db import open_store
from sinoscope.store.entity_merge import corpus_id, merge_discovered
from sinoscope.store.ingest import store_record
from sinoscope.store.schema import entities, mentions, quotes
from store_fixtures import db_url, pg_url, sample_record  # noqa: F401 - pytest fixtures


def _with_analyst(n: int, entity_id: str, name: str, aliases: list[str], kind: str = "person") -> dict:
    """A sample record naming the fictional analyst Odile Farrant (sample data) under `entity_id`."""
    record = sample_record(n, "en")
    at = record["text"].index("Odile Farrant")
    record["entities"].append({"id": entity_id, "name": name, "name_zh": None, "type": kind, "kb_type": kind,
                               "aliases": aliases, "known": False, "mentions": [{"start": at, "end": at + 13}]})
    record["mentions"] = [{"start": at, "end": at + 13, "text": "Odile Farrant", "entity": entity_id,
                           "type": kind, "source": "spacy"}]
    for quote in record["quotes"]:
        quote["speaker_id"] = entity_id
    return record


def test_corpus_id_is_type_and_normalised_name() -> None:
    assert corpus_id({"id": "new:person:farrant", "name": "Odile Farrant", "type": "person"}) == \
        "new:person:odilefarrant"
    assert corpus_id({"id": "new:org:x", "name": "U.S. Grain Board", "type": "org"}) == \
        corpus_id({"id": "new:org:y", "name": "US Grain Board", "type": "org"})
    assert corpus_id({"id": "nvidia", "name": "Nvidia", "type": "org"}) is None  # knowledge-base ids stay
    assert corpus_id({"id": "new:org:x", "name": "", "type": "org"}) is None


def test_references_follow_and_duplicates_join() -> None:
    record = _with_analyst(1, "new:person:farrant", "Odile Farrant", ["Farrant"])
    record["entities"].append({"id": "new:person:odile", "name": "Odile Farrant", "type": "person",
                               "aliases": ["Odile"], "known": False, "mentions": [{"start": 0, "end": 1}]})
    merged = merge_discovered(record)
    people = [e for e in merged["entities"] if e["type"] == "person"]
    assert [e["id"] for e in people] == ["new:person:odilefarrant"]
    assert people[0]["aliases"] == ["Farrant", "Odile"] and len(people[0]["mentions"]) == 2
    assert merged["mentions"][0]["entity"] == "new:person:odilefarrant"
    assert merged["quotes"][0]["speaker_id"] == "new:person:odilefarrant"
    assert merged["entities"][0]["id"] == "nvidia"
    assert record["entities"][1]["id"] == "new:person:farrant"  # the caller's record is not changed


def test_same_name_and_type_across_documents_is_one_entity(db_url: str) -> None:
    engine = open_store(db_url)
    first = store_record(engine, _with_analyst(1, "new:person:farrant", "Odile Farrant", ["Farrant"]))
    second = store_record(engine, _with_analyst(2, "new:person:odilefarrant", "Odile Farrant", ["Ms Farrant"]))
    other_type = store_record(engine, _with_analyst(3, "new:org:odilefarrant", "Odile Farrant", [], kind="org"))
    assert {r.status for r in (first, second, other_type)} == {"added"}
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(entities).where(entities.c.known.is_(False)))}
        linked = conn.execute(select(mentions.c.entity_id, mentions.c.document_id)).all()
        speakers = {r.speaker_id for r in conn.execute(select(quotes.c.speaker_id))}
    assert set(rows) == {"new:person:odilefarrant", "new:org:odilefarrant"}  # one person; the org stays apart
    assert rows["new:person:odilefarrant"].aliases == ["Farrant", "Ms Farrant"]
    person_docs = {doc for ident, doc in linked if ident == "new:person:odilefarrant"}
    assert person_docs == {first.document_id, second.document_id}
    assert speakers == {"new:person:odilefarrant", "new:org:odilefarrant"}


def test_migration_joins_entities_stored_before_the_merge(db_url: str, monkeypatch) -> None:  # noqa: ANN001
    """Rows written without the merge on write (as before it existed) are joined by migration 6."""
    import sinoscope.store.ingest as ingest
    from sinoscope.store.db import make_engine
    from sinoscope.store.migrations import migrate
    from sinoscope.store.schema import doc_features, forecasts

    engine = make_engine(db_url)
    migrate(engine, target=5)
    monkeypatch.setattr(ingest, "merge_discovered", lambda record: record)
    store_record(engine, _with_analyst(1, "new:person:farrant", "Odile Farrant", ["Farrant"]))
    store_record(engine, _with_analyst(2, "new:person:odile", "Odile Farrant", ["Odile"]))
    store_record(engine, _with_analyst(3, "new:person:odilefarrant", "Odile Farrant", ["Ms Farrant"]))
    store_record(engine, _with_analyst(4, "new:org:odilefarrant", "Odile Farrant", [], kind="org"))
    with engine.begin() as conn:
        doc_id = conn.execute(select(mentions.c.document_id).where(mentions.c.entity_id == "new:person:odile")).scalar()
        conn.execute(doc_features.insert().values(document_id=doc_id, entity_ids=["new:person:odile", "nvidia"]))
        conn.execute(forecasts.insert().values(document_id=doc_id, holder="Odile Farrant",
                                               holder_id="new:person:farrant", text="Prices will rise."))
    assert migrate(engine) == [6]
    with engine.connect() as conn:
        people = {r.id: r for r in conn.execute(select(entities).where(entities.c.type == "person")
                                                .where(entities.c.known.is_(False)))}
        linked = {r.entity_id for r in conn.execute(select(mentions.c.entity_id))}
        speakers = {r.speaker_id for r in conn.execute(select(quotes.c.speaker_id))}
        holders = {r.holder_id for r in conn.execute(select(forecasts.c.holder_id))}
        features = conn.execute(select(doc_features.c.entity_ids)).scalar()
        orgs = {r.id for r in conn.execute(select(entities.c.id).where(entities.c.type == "org"))}
    assert list(people) == ["new:person:odilefarrant"]
    assert set(people["new:person:odilefarrant"].aliases) == {"Farrant", "Odile", "Ms Farrant"}
    assert "new:person:farrant" not in linked and "new:person:odile" not in linked
    assert {"new:person:odilefarrant", "new:org:odilefarrant"} <= linked
    assert "new:person:odilefarrant" in speakers and "new:person:farrant" not in speakers
    assert "new:person:odilefarrant" in holders and "new:person:farrant" not in holders
    assert features == ["new:person:odilefarrant", "nvidia"]
    assert "new:org:odilefarrant" in orgs  # another type stays another entity
    assert migrate(engine) == []
