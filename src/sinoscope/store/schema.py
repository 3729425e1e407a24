"""The corpus tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

Every fact row keeps `span_start`/`span_end`, character offsets into its document's
`text`, so any quote, figure or forecast can be shown where it was read. This file
describes the latest schema; `migrations.py` brings older databases up to it.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)


def _span() -> list[Column]:
    return [Column("span_start", Integer), Column("span_end", Integer)]


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_date", String(10), index=True),  # earliest publication date of its documents (YYYY-MM-DD)
    Column("last_date", String(10), index=True),
    Column("doc_count", Integer, nullable=False, default=0),
    Column("languages", String(40)),  # sorted, comma-separated, e.g. "en,zh"
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of the whitespace-normalised text: the identity that makes ingestion idempotent.
    Column("content_hash", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", String(200), index=True),
    Column("format", String(20)),
    Column("lang", String(10), index=True),
    Column("title", Text),
    Column("title_alt", Text),
    Column("published", String(40)),  # as the page gives it
    Column("published_date", String(10), index=True),  # YYYY-MM-DD when known: the date facet
    Column("event_date", String(10), index=True),  # published_date, else the ingestion date: story windows
    Column("authors", JSON),
    Column("translator", Text),
    Column("body_text", Text),
    Column("text", Text),
    Column("stance_label", String(40), index=True),
    Column("stance_score", Float),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL"), index=True),
    Column("duplicate_of", Integer, ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("ingested_at", String(40), nullable=False),
    Column("extra", JSON),  # the rest of the record: comments, pairs, removed blocks, meta spans, warnings
    UniqueConstraint("content_hash", name="uq_documents_content_hash"),
)
Index("ix_documents_url", documents.c.url)

# Raw inputs already seen (hash of the bytes): a re-run skips them before any analysis.
inputs = Table(
    "inputs", metadata,
    Column("input_hash", String(64), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE")),
    Column("source", Text),
    Column("seen_at", String(40), nullable=False),
)

paragraphs = Table(
    "paragraphs", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("lang", String(10)),
    Column("section", String(20)),
    Column("role", String(40)),
    *_span(),
)

entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),  # knowledge-base id, or "new:<key>"
    Column("name", Text),
    Column("name_zh", Text),
    Column("type", String(40), index=True),
    Column("kb_type", String(40)),
    Column("known", Boolean),
    Column("aliases", JSON),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("entity_id", String(200), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text),
    *_span(),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("speaker", Text),
    Column("speaker_zh", Text),
    Column("speaker_id", String(200), index=True),
    Column("speaker_surface", Text),
    Column("text", Text),
    Column("text_zh", Text),
    Column("kind", String(40)),
    Column("cue", Text),
    Column("section", String(20)),
    *_span(),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("text", Text),
    Column("value", Float),
    Column("unit", String(60), index=True),
    Column("kind", String(60), index=True),
    Column("extra", JSON),
    *_span(),
)

forecasts = Table(
    "forecasts", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("holder", Text),
    Column("holder_id", String(200), index=True),
    Column("text", Text),
    Column("probability", Float),
    Column("horizon", Text),
    Column("horizon_start", String(40)),
    Column("horizon_end", String(40)),
    Column("due", String(10), index=True),
    Column("status", String(20), nullable=False, default="open", index=True),  # open | resolved
    Column("outcome", String(20)),  # true | false | partial | void
    Column("evidence", Text),
    Column("resolved_at", String(40)),
    *_span(),
)

stances = Table(
    "stances", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("subject", String(60), nullable=False),  # what the stance is about, e.g. "china_ai"
    Column("speaker", Text),  # None: the document's own stance
    Column("speaker_id", String(200), index=True),
    Column("label", String(40)),
    Column("score", Float),
    Column("evidence", JSON),
)

# Per-document features for story grouping: a sentence embedding and a MinHash signature.
doc_features = Table(
    "doc_features", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("embedding", LargeBinary),  # float32 x 512, L2-normalised
    Column("minhash", LargeBinary),  # uint64 x NUM_PERM
    Column("entity_ids", JSON),
    Column("figure_keys", JSON),
)

# Locality-sensitive hashing bands of the MinHash signatures, kept in SQL so near-duplicate
# look-ups stay incremental and indexed however large the corpus grows.
doc_bands = Table(
    "doc_bands", metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(32), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

FACT_TABLES = (paragraphs, mentions, quotes, figures, forecasts, stances)
