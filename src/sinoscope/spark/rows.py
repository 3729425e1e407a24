"""An analysis record and the crawl record it came from → one page row of the Spark job's output.

The fact rows are the store's own (store/records.py), so Parquet and the database hold the same
values; this module only adds the trace, the partition values and types Spark can check.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..sources.crawl import CrawlRecord
from ..store import records as rec
from ..store.ingest import input_hash
from .schema import DOCUMENT, FACTS, JSON_COLUMNS, page_columns

_MONTH = re.compile(r"^\d{4}-\d{2}")
UNKNOWN_MONTH = "unknown"

_FACT_ROWS = {
    "paragraphs": rec.paragraph_rows, "mentions": rec.mention_rows, "entities": rec.entity_rows,
    "quotes": rec.quote_rows, "figures": rec.figure_rows, "forecasts": rec.forecast_rows,
    "stances": rec.stance_rows,
}
_RENAMED = {"paragraphs": {"lang": "paragraph_lang"}}  # the partition column is the document's language


def month_of(published_date: str | None, crawled: str | None) -> str:
    """YYYY-MM of publication, else of the crawl: the month partition."""
    for value in (published_date, crawled):
        if value and _MONTH.match(value):
            return value[:7]
    return UNKNOWN_MONTH


def _json(value: Any) -> str | None:  # noqa: ANN401
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell(value: Any, kind: str) -> Any:  # noqa: ANN401
    """A value of the column's Spark type (Spark refuses an int in a double column)."""
    if value is None:
        return None
    if kind == "double":
        return float(value)
    if kind in ("int", "bigint"):
        return int(value)
    if kind == "boolean":
        return bool(value)
    return value


def fact_rows(table: str, record: dict) -> list[tuple]:
    columns = FACTS[table]
    renamed = _RENAMED.get(table, {})
    json_columns = JSON_COLUMNS.get(table, ())
    out = []
    for row in _FACT_ROWS[table](record):
        row = {renamed.get(k, k): v for k, v in row.items()}
        out.append(tuple(_json(row.get(name)) if name in json_columns else _cell(row.get(name), kind)
                         for name, kind in columns))
    return out


def page_row(record: dict, crawl: CrawlRecord) -> tuple:
    """The page's row in `schema.page_columns()` order."""
    url = crawl.url if crawl.url and crawl.url.startswith(("http://", "https://")) else None
    doc = rec.document_row(record, url=url, outlet=None, now="")
    doc.update(warc_record_id=crawl.record_id, warc_date=crawl.date, input_hash=input_hash(crawl.raw_input()),
               record_json=json.dumps(record, ensure_ascii=False))
    values = {"lang": doc["lang"], "month": month_of(doc["published_date"], crawl.date),
              "warc_filename": crawl.archive, "warc_record_offset": crawl.offset, "content_hash": doc["content_hash"]}
    for name, kind in DOCUMENT:
        values[name] = _json(doc.get(name)) if name in JSON_COLUMNS["documents"] else _cell(doc.get(name), kind)
    for table in FACTS:
        values[table] = fact_rows(table, record)
    return tuple(values[name] for name, _ in page_columns())
