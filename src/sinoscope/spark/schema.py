"""The Parquet tables the Spark job writes: one definition, used by the job, the loader and the README.

Fact tables hold the store's own rows (store/records.py) for each kept page, so a table read from
Parquet and the same table in SQLite agree column for column. Every row of every table carries the
partition columns (`lang`, `month`) and the page's trace (`warc_filename`, `warc_record_offset`,
`content_hash`); `documents` also keeps the whole analysis record as `record_json`, the line
`sinoscope analyze --format jsonl` prints for the page, which is what the loader stores.
"""

from __future__ import annotations

PARTITION_COLUMNS = ("lang", "month")

# (column, Spark SQL type) in the order rows are built
TRACE: tuple[tuple[str, str], ...] = (
    ("warc_filename", "string"),  # the archive as the manifest lists it
    ("warc_record_offset", "bigint"),  # byte offset of the record in it (WARC.gz: of its gzip member)
    ("content_hash", "string"),  # the document's identity in the store
)

DOCUMENT: tuple[tuple[str, str], ...] = (
    ("warc_record_id", "string"),
    ("warc_date", "string"),  # crawl time (WARC-Date)
    ("url", "string"),
    ("input_hash", "string"),  # sha256 of the page's bytes: the store's record of inputs seen
    ("source", "string"),
    ("outlet", "string"),
    ("format", "string"),
    ("title", "string"),
    ("title_alt", "string"),
    ("published", "string"),
    ("published_date", "string"),
    ("authors", "array<string>"),
    ("translator", "string"),
    ("body_text", "string"),
    ("text", "string"),
    ("stance_label", "string"),
    ("stance_score", "double"),
    ("extra", "string"),  # JSON: comments, pairs, removed blocks, meta spans, warnings
    ("record_json", "string"),  # JSON: the whole analysis record
)

_SPAN = (("span_start", "int"), ("span_end", "int"))

FACTS: dict[str, tuple[tuple[str, str], ...]] = {
    "paragraphs": (("idx", "int"), ("text", "string"), ("paragraph_lang", "string"), ("section", "string"),
                   ("role", "string"), *_SPAN),
    "mentions": (("entity_id", "string"), ("text", "string"), *_SPAN),
    "entities": (("id", "string"), ("name", "string"), ("name_zh", "string"), ("type", "string"),
                 ("kb_type", "string"), ("known", "boolean"), ("aliases", "array<string>")),
    "quotes": (("speaker", "string"), ("speaker_zh", "string"), ("speaker_surface", "string"), ("text", "string"),
               ("text_zh", "string"), ("cue", "string"), ("speaker_id", "string"), ("kind", "string"),
               ("section", "string"), *_SPAN),
    "figures": (("text", "string"), ("value", "double"), ("unit", "string"), ("kind", "string"),
                ("extra", "string"), *_SPAN),  # extra: JSON
    "forecasts": (("holder", "string"), ("holder_id", "string"), ("text", "string"), ("probability", "double"),
                  ("horizon", "string"), ("horizon_start", "string"), ("horizon_end", "string"), ("due", "string"),
                  ("status", "string"), *_SPAN),
    "stances": (("subject", "string"), ("speaker", "string"), ("speaker_id", "string"), ("label", "string"),
                ("score", "double"), ("evidence", "string")),  # evidence: JSON
}

TABLES = ("documents", *FACTS)

# Columns that hold JSON text in Parquet (dicts and lists of varying shape in the store's rows).
JSON_COLUMNS = {"documents": ("extra",), "figures": ("extra",), "stances": ("evidence",)}


def _partition() -> tuple[tuple[str, str], ...]:
    return tuple((name, "string") for name in PARTITION_COLUMNS)


def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """The columns of one output table, partition columns first."""
    own = DOCUMENT if table == "documents" else FACTS[table]
    return (*_partition(), *TRACE, *own)


def page_columns() -> tuple[tuple[str, str], ...]:
    """One row per kept page as the partitions emit it: the document's columns, then each fact table
    as an array of structs (exploded into its own table when written)."""
    facts = tuple((table, "array<struct<" + ",".join(f"{n}:{t}" for n, t in cols) + ">>")
                  for table, cols in FACTS.items())
    return (*_partition(), *TRACE, *DOCUMENT, *facts)


def ddl(columns: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)
