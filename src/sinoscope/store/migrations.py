"""Versioned schema migrations, recorded in the `schema_version` table.

Each migration is idempotent (it checks before it creates), so a fresh database simply
runs them all. They run inside one write transaction that also re-reads the version,
so two processes opening a new database at once do not both migrate it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text

from .db import is_sqlite, write_transaction
from .schema import metadata, schema_version

Migration = tuple[int, str, Callable[[Connection], None]]
_PG_MIGRATION_LOCK = 74_201_001  # pg_advisory_xact_lock key: one migrator at a time


def _create_tables(conn: Connection) -> None:
    metadata.create_all(conn, checkfirst=True)


_SQLITE_FTS = [
    # External-content FTS5 over documents: the index holds trigrams, the text stays in documents.
    # The trigram tokenizer matches any substring of 3+ characters, so Chinese needs no word segmenter.
    """CREATE VIRTUAL TABLE IF NOT EXISTS document_fts USING fts5(
        title, body_text, content='documents', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE OF title, body_text ON documents BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO document_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END""",
]

_PG_TRGM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_documents_body_trgm ON documents USING gin (body_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_documents_title_trgm ON documents USING gin (title gin_trgm_ops)",
]


def _create_search_index(conn: Connection) -> None:
    for statement in _SQLITE_FTS if conn.dialect.name == "sqlite" else _PG_TRGM:
        conn.exec_driver_sql(statement)


def _create_fact_indexes(conn: Connection) -> None:
    """Indexes for the facet filters and the date-ordered listings."""
    statements = [
        "CREATE INDEX IF NOT EXISTS ix_documents_story_date ON documents (story_id, event_date)",
        "CREATE INDEX IF NOT EXISTS ix_documents_lang_date ON documents (lang, published_date)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_entity_doc ON mentions (entity_id, document_id)",
        "CREATE INDEX IF NOT EXISTS ix_quotes_speaker_doc ON quotes (speaker_id, document_id)",
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)


def _create_word_index(conn: Connection) -> None:
    """SQLite: a second FTS5 index of words and Chinese character bigrams, for the short terms
    (most Chinese words are 2 characters) that trigrams cannot match; filled for existing rows."""
    if conn.dialect.name != "sqlite":
        return
    from .search import index_words

    conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS document_words USING fts5("
                         "words, content='', tokenize='unicode61 remove_diacritics 2')")
    if conn.exec_driver_sql("SELECT count(*) FROM document_words").scalar():
        return
    for row in conn.exec_driver_sql("SELECT id, title, body_text FROM documents").all():
        index_words(conn, row[0], row[1], row[2])


def _create_pg_word_index(conn: Connection) -> None:
    """PostgreSQL: the same words and Chinese bigrams as SQLite's word index, as a tsvector with
    the 'simple' configuration (no stemming, no stop words) under a GIN index; filled for
    existing rows. ILIKE over pg_trgm stays for symbol-only and 1-character terms."""
    if conn.dialect.name != "postgresql":
        return
    from .search import index_words

    conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN IF NOT EXISTS words tsvector")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_documents_words ON documents USING gin (words)")
    for row in conn.exec_driver_sql("SELECT id, title, body_text FROM documents WHERE words IS NULL").all():
        index_words(conn, row[0], row[1], row[2])


def _merge_discovered_entities(conn: Connection) -> None:
    """Rows stored before the merge on write (`new:person:daley` beside `new:person:tomdaley`) joined."""
    from .entity_merge import merge_stored_entities

    merge_stored_entities(conn)


MIGRATIONS: list[Migration] = [
    (1, "tables", _create_tables),
    (2, "full-text search index", _create_search_index),
    (3, "facet indexes", _create_fact_indexes),
    (4, "word and bigram index", _create_word_index),
    (5, "word and bigram index on PostgreSQL", _create_pg_word_index),
    (6, "discovered entities joined by type and normalised name", _merge_discovered_entities),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar() or 0


def migrate(engine: Engine, target: int = LATEST_VERSION) -> list[int]:
    """Apply the migrations the database lacks, up to `target`; returns the versions applied."""
    applied: list[int] = []
    with engine.connect() as conn:  # an up-to-date database needs no write: a read-only corpus can be served
        if current_version(conn) >= target:
            return applied
    with write_transaction(engine) as conn:
        if not is_sqlite(engine):
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        version = current_version(conn)
        for number, name, run in MIGRATIONS:
            if version < number <= target:
                run(conn)
                conn.execute(schema_version.insert().values(
                    version=number, name=name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
                applied.append(number)
    return applied
