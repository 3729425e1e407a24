"""Export a table of the corpus as CSV or JSONL, streamed in batches (no full load in memory)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select

from .schema import documents, entities, figures, forecasts, mentions, quotes, stories

BATCH = 1000
EXPORTS: dict[str, Any] = {
    "documents": [documents.c[k] for k in ("id", "content_hash", "title", "title_alt", "outlet", "lang", "published",
                                           "published_date", "url", "source", "authors", "translator", "story_id",
                                           "duplicate_of", "stance_label", "stance_score", "ingested_at",
                                           "body_text")],
    "stories": list(stories.c),
    "entities": list(entities.c),
    "mentions": list(mentions.c),
    "quotes": list(quotes.c),
    "figures": list(figures.c),
    "forecasts": list(forecasts.c),
}
FORMATS = ("csv", "jsonl")


def iter_rows(engine: Engine, table: str, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
    columns = EXPORTS[table]
    key = columns[0]  # every export starts with its integer or string primary key
    remaining = limit
    position = offset
    while remaining is None or remaining > 0:
        size = BATCH if remaining is None else min(BATCH, remaining)
        with engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(key).limit(size).offset(position)).mappings().all()
        if not rows:
            return
        for row in rows:
            yield dict(row)
        position += len(rows)
        if remaining is not None:
            remaining -= len(rows)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: Any) -> Any:
    """A CSV cell no spreadsheet runs as a formula: text starting like one (=, +, -, @, a tab or newline,
    or their full-width forms) gets a leading apostrophe, as OWASP advises. Numbers stay numbers."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def iter_export(engine: Engine, table: str, fmt: str, limit: int | None = None, offset: int = 0) -> Iterator[str]:
    """Chunks of text: a CSV with a header line, or one JSON object per line."""
    if table not in EXPORTS:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORTS)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    names = [c.name for c in EXPORTS[table]]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=names)
        writer.writeheader()
        yield buffer.getvalue()
    for row in iter_rows(engine, table, limit, offset):
        if fmt == "jsonl":
            yield json.dumps(row, ensure_ascii=False, default=str) + "\n"
        else:
            buffer = io.StringIO()
            csv.DictWriter(buffer, fieldnames=names).writerow({k: csv_cell(v) for k, v in row.items()})
            yield buffer.getvalue()
