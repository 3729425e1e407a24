"""`sinoscope load DIR`: the Parquet tables of `sinoscope spark analyze` into the store.

Each page's `record_json` (the record `sinoscope analyze` prints) goes through the ingest path every
other input takes (`Ingestor.ingest_record`: one transaction per document, the content hash as its
identity, story placement as it lands), so loading is idempotent and safe to interrupt: a page whose
bytes the store has seen is skipped before its embedding is computed, a known text is a duplicate.
Pages load month by month (then by language), so stories grow in the order their news happened.
Only pyarrow is needed, not Spark.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from .ingest import Ingestor, IngestResult, known_input

COLUMNS = ("record_json", "url", "input_hash", "warc_filename", "warc_record_offset")
BATCH_ROWS = 256
_PARTITION = re.compile(r"(lang|month)=([^/]+)")


def _order(path: str) -> tuple[str, str, str]:
    values = dict(_PARTITION.findall(path))
    return values.get("month", ""), values.get("lang", ""), path


def iter_pages(directory: str | Path) -> Iterator[dict]:
    """The rows of DIR/documents, month by month, a batch at a time (a month of news never sits in memory)."""
    import pyarrow.dataset as ds

    location = str(directory).rstrip("/") + "/documents"
    dataset = ds.dataset(location, format="parquet", partitioning="hive")
    for fragment in sorted(dataset.get_fragments(), key=lambda f: _order(f.path)):
        for batch in fragment.to_batches(columns=list(COLUMNS), batch_size=BATCH_ROWS):
            yield from batch.to_pylist()


def load_parquet(ingestor: Ingestor, directory: str | Path) -> Iterator[IngestResult]:
    """One IngestResult per page of the Spark job's output."""
    for row in iter_pages(directory):
        source = row.get("url") or f"{row.get('warc_filename')}@{row.get('warc_record_offset')}"
        raw_hash = row.get("input_hash")
        if raw_hash and known_input(ingestor.engine, raw_hash):
            yield IngestResult(source, "seen")
            continue
        try:
            record = json.loads(row["record_json"])
            yield ingestor.ingest_record(record, url=row.get("url"), raw_hash=raw_hash)
        except Exception as exc:  # noqa: BLE001 - one bad row must not stop the load; the rest still land
            yield IngestResult(source, "failed", message=f"{type(exc).__name__}: {exc}")
