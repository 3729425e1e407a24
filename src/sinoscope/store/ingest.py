"""Ingest pages, URLs and feeds into the store: idempotent, crash-safe, concurrent-safe.

- Idempotent: a document's identity is the hash of its text (a unique constraint), and the
  hash of every raw input seen is kept, so a re-run skips known inputs before analysing them.
- Crash-safe: each document (its row, its facts, its story placement) is one transaction;
  a process killed at any point leaves whole documents or none, and a re-run fills the rest.
- Concurrent-safe: inserts are insert-or-ignore on the content hash; SQLite writers queue
  on the busy timeout, PostgreSQL's ON CONFLICT waits for the other transaction.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..sources.inputs import DEFAULT_MAX_BYTES, RawInput, iter_inputs
from . import records as rec
from .db import write_transaction
from .entity_merge import merge_discovered
from .schema import documents, entities, figures, forecasts, inputs, mentions, paragraphs, quotes, stances
from .search import index_words
from .stories import Features, compute_features, place_document


@dataclass
class IngestResult:
    source: str
    status: str  # "added" | "duplicate" | "seen" | "failed"
    document_id: int | None = None
    story_id: int | None = None
    duplicate_of: int | None = None
    message: str | None = None


@dataclass
class IngestSettings:
    allow_private: bool = False  # URLs on private/loopback addresses (off: a URL must not probe our network)
    max_bytes: int = DEFAULT_MAX_BYTES
    stories: bool = True  # compute embeddings and place documents in stories
    pipeline: list[str] | None = None
    exclude: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def input_hash(raw: RawInput) -> str:
    return hashlib.sha256(raw.data or b"").hexdigest()


def without_nul(value: Any) -> Any:
    """The value with every NUL character marked as damage (U+FFFD, same length: offsets hold).
    PostgreSQL cannot store NUL in text; SQLite can, but one corpus must read the same on both."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {key: without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [without_nul(item) for item in value]
    return value


def _failure(exc: Exception) -> str:
    """A database error's own message, without the statement and its parameters (the page's whole text)."""
    orig = getattr(exc, "orig", None)
    return f"{type(orig or exc).__name__}: {str(orig or exc).splitlines()[0] if str(orig or exc) else ''}"[:500]


def _insert_ignore(conn: Connection, table: Any):  # noqa: ANN202 - dialect-specific Insert
    return (sqlite_insert if conn.dialect.name == "sqlite" else pg_insert)(table)


def _upsert_entities(conn: Connection, rows: list[dict]) -> None:
    for row in rows:
        existing = conn.execute(select(entities).where(entities.c.id == row["id"])).mappings().first()
        if existing is None:
            conn.execute(_insert_ignore(conn, entities).values(**row).on_conflict_do_nothing())
            continue
        aliases = list(dict.fromkeys([*(existing["aliases"] or []), *row["aliases"]]))[:200]
        fill = {k: row[k] for k in ("name", "name_zh", "type", "kb_type") if not existing[k] and row[k]}
        if fill or aliases != (existing["aliases"] or []):
            conn.execute(entities.update().where(entities.c.id == row["id"]).values(aliases=aliases, **fill))


def _insert_facts(conn: Connection, document_id: int, record: dict) -> None:
    _upsert_entities(conn, rec.entity_rows(record))
    for table, rows in ((paragraphs, rec.paragraph_rows(record)), (mentions, rec.mention_rows(record)),
                        (quotes, rec.quote_rows(record)), (figures, rec.figure_rows(record)),
                        (forecasts, rec.forecast_rows(record)), (stances, rec.stance_rows(record))):
        if rows:
            conn.execute(table.insert(), [{**row, "document_id": document_id} for row in rows])


def store_record(engine: Engine, record: dict, *, url: str | None = None, outlet: str | None = None,
                 raw_hash: str | None = None, features: Features | None = None) -> IngestResult:
    """Store one analysed record in one transaction; a known text is left as it is. A discovered entity is
    stored under its type and normalised name, so the same name from other documents is one entity."""
    record = merge_discovered(record)
    source = str(record.get("source") or "<unknown>")
    now = _now()
    row = rec.document_row(record, url=url, outlet=outlet, now=now)
    with write_transaction(engine) as conn:
        inserted = conn.execute(_insert_ignore(conn, documents).values(**row)
                                .on_conflict_do_nothing(index_elements=["content_hash"])
                                .returning(documents.c.id)).scalar()
        if inserted is None:
            existing = conn.execute(select(documents.c.id, documents.c.story_id)
                                    .where(documents.c.content_hash == row["content_hash"])).first()
            document_id = existing.id if existing else None
            _remember_input(conn, raw_hash, document_id, source, now)
            return IngestResult(source, "duplicate", document_id, existing.story_id if existing else None)
        index_words(conn, inserted, row["title"], row["body_text"])
        _insert_facts(conn, inserted, record)
        placement = None
        if features is not None:
            placement = place_document(conn, inserted, record, row["event_date"], features, now)
        _remember_input(conn, raw_hash, inserted, source, now)
    return IngestResult(source, "added", inserted, placement.story_id if placement else None,
                        placement.duplicate_of if placement else None)


def _remember_input(conn: Connection, raw_hash: str | None, document_id: int | None, source: str, now: str) -> None:
    if raw_hash:
        conn.execute(_insert_ignore(conn, inputs).values(
            input_hash=raw_hash, document_id=document_id, source=source[:2000], seen_at=now).on_conflict_do_nothing())


def known_input(engine: Engine, raw_hash: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(inputs.c.input_hash).where(inputs.c.input_hash == raw_hash)).first() is not None


def known_url(engine: Engine, url: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(documents.c.id).where(documents.c.url == url).limit(1)).first() is not None


class Ingestor:
    """Analyses raw inputs with one pipeline (built once) and stores them."""

    def __init__(self, engine: Engine, settings: IngestSettings | None = None) -> None:
        self.engine = engine
        self.settings = settings or IngestSettings()
        self._pipeline = None

    @property
    def pipeline(self):  # noqa: ANN201 - sinoscope.pipeline.Pipeline, imported lazily (it loads models)
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.settings.pipeline, exclude=self.settings.exclude)
        return self._pipeline

    def ingest_record(self, record: dict, *, url: str | None = None, outlet: str | None = None,
                      raw_hash: str | None = None) -> IngestResult:
        record, url, outlet = merge_discovered(without_nul(record)), without_nul(url), without_nul(outlet)
        features = compute_features(record) if self.settings.stories else None
        return store_record(self.engine, record, url=url, outlet=outlet, raw_hash=raw_hash, features=features)

    def ingest_raw(self, raw: RawInput, *, url: str | None = None, outlet: str | None = None,
                   published: str | None = None, title: str | None = None) -> IngestResult:
        from ..analyze import AnalysisError, analyze
        from ..export.record import to_record

        if not raw.ok:
            return IngestResult(raw.source, "failed", message=raw.error)
        digest = input_hash(raw)
        if known_input(self.engine, digest):
            return IngestResult(raw.source, "seen")
        result = analyze(raw, self.pipeline)
        if isinstance(result, AnalysisError):
            return IngestResult(raw.source, "failed", message=result.message)
        record = to_record(result)
        if published and rec.iso_date(published):  # a feed's structured date beats one guessed from the page
            record["published"] = published
        if title and not record.get("title"):
            record["title"] = title
        try:
            return self.ingest_record(record, url=url or (raw.source if raw.source.startswith("http") else None),
                                      outlet=outlet, raw_hash=digest)
        except Exception as exc:  # one bad document must not stop a batch; the rest still land
            return IngestResult(raw.source, "failed", message=_failure(exc))

    def ingest_specs(self, specs: Iterable[str], jobs: int = 1, worker_mb: int | None = None) -> Iterator[IngestResult]:
        """Files, folders, URLs and feeds (RSS/Atom, recognised by their content); with `jobs` > 1, worker
        processes analyse the pages while this process alone writes to the store, in input order."""
        from .feeds import is_feed, iter_feed

        raws = iter_inputs(specs, max_bytes=self.settings.max_bytes, allow_private=self.settings.allow_private)
        if jobs > 1:
            yield from self._ingest_parallel(raws, jobs, worker_mb)
            return
        for raw in raws:
            if raw.ok and is_feed(raw.data or b""):
                yield from iter_feed(self, raw)
            else:
                yield self.ingest_raw(raw)

    def _ingest_parallel(self, raws: Iterable[RawInput], jobs: int, worker_mb: int | None) -> Iterator[IngestResult]:
        """The same results as one process: inputs known before analysis (unreadable, seen, feeds — whose
        entries are fetched and analysed here) are settled in place; the rest are analysed by the pool."""
        from ..parallel import Local, WorkerConfig, ordered_map
        from .feeds import is_feed, iter_feed

        queued: collections.deque[str] = collections.deque()  # input hashes of the pages in the pool, in order

        def items() -> Iterator[RawInput | Local]:
            for raw in raws:
                if raw.ok and is_feed(raw.data or b""):
                    yield Local(functools.partial(iter_feed, self, raw))
                elif not raw.ok or known_input(self.engine, input_hash(raw)):
                    yield Local(functools.partial(lambda r: [self.ingest_raw(r)], raw))
                else:
                    queued.append(input_hash(raw))
                    yield raw

        config = WorkerConfig(self.settings.pipeline, list(self.settings.exclude), features=self.settings.stories)
        for item in ordered_map(items(), jobs, config, lambda raw, kind, message: (
                {"source": raw.source, "error": {"kind": kind, "message": message}}, None), budget_mb=worker_mb):
            if isinstance(item, IngestResult):
                yield item
            else:  # a worker's (record, story features), or its bare record when stories are off
                record, features = item if isinstance(item, tuple) else (item, None)
                yield self._store_analysed(record, features, raw_hash=queued.popleft())

    def _store_analysed(self, record: dict, features: Features | None, raw_hash: str) -> IngestResult:
        """A worker's record, stored as `ingest_raw` stores it (a page met twice in one batch is 'seen')."""
        source = str(record.get("source") or "<unknown>")
        if "error" in record:
            return IngestResult(source, "failed", message=record["error"]["message"])
        if known_input(self.engine, raw_hash):
            return IngestResult(source, "seen")
        record, source = without_nul(record), without_nul(source)
        try:
            return store_record(self.engine, record, url=source if source.startswith("http") else None,
                                raw_hash=raw_hash, features=features)
        except Exception as exc:  # one bad document must not stop a batch; the rest still land
            return IngestResult(source, "failed", message=_failure(exc))


def report_progress(results: Iterable[IngestResult], stream: TextIO | None = None,
                    on_result: Callable[[IngestResult], None] | None = None) -> dict[str, int]:
    """Report progress on `stream` (standard error) and return counts by status.

    On a terminal, one status line is redrawn in place (count, rate, tallies, current input) and
    only failures keep a line of their own; in a log, every input gets a line."""
    stream = stream or sys.stderr
    live = stream.isatty()
    started = time.monotonic()
    counts: dict[str, int] = {"added": 0, "duplicate": 0, "seen": 0, "failed": 0}
    for n, result in enumerate(results, 1):
        counts[result.status] = counts.get(result.status, 0) + 1
        detail = f"document {result.document_id}" if result.document_id else (result.message or "")
        if result.story_id:
            detail += f", story {result.story_id}"
        if result.duplicate_of:
            detail += f", repost of {result.duplicate_of}"
        line = f"[{n}] {result.status:<9} {result.source}  {detail}".rstrip()
        if not live:
            print(line, file=stream, flush=True)
        else:
            if result.status == "failed":
                print("\r\033[K" + line, file=stream)
            rate = n / max(time.monotonic() - started, 1e-6)
            tallies = " ".join(f"{k} {v}" for k, v in counts.items() if v)
            print(f"\r\033[K{n} inputs, {rate:.1f}/s | {tallies} | {result.source[-60:]}", end="", file=stream,
                  flush=True)
        if on_result:
            on_result(result)
    if live:
        print(file=stream)
    print("sinoscope: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=stream, flush=True)
    return counts
