"""Crawl archives (WARC files, JSONL dumps) → one `CrawlRecord` per page, with where it came from.

A crawl archive holds thousands of pages; each record keeps the archive's location and the
record's byte offset so a row computed from it can be traced back. Nothing here raises for a bad
record: it becomes a record with an `error` (a failure to count) or a `skip` reason (a record that
is not a page we analyse, e.g. an image), and the next record is read.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .inputs import DEFAULT_MAX_BYTES, RawInput
from .urls import USER_AGENT

STREAM_TIMEOUT_SECONDS = 120.0  # per network read; a WARC is streamed, never read whole
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
LOCAL_SCHEMES = ("", "file")
HTTP_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class CrawlRecord:
    archive: str  # the archive's location as the manifest lists it
    offset: int  # byte offset of the record in the archive (a WARC.gz: of its gzip member)
    url: str | None = None
    date: str | None = None  # when it was crawled (WARC-Date), ISO 8601
    record_id: str | None = None
    content_type: str | None = None
    data: bytes | None = None  # the page as served (the HTTP body)
    skip: str | None = None  # not a page we analyse: "not_html", "status", "too_large"
    error: str | None = None  # a record that cannot be read

    def raw_input(self) -> RawInput:
        """The page as the analyser's input, named by its URL like a fetched page."""
        return RawInput(self.url or f"{self.archive}@{self.offset}", self.data, content_type=self.content_type)


def scheme_of(location: str) -> str:
    scheme = urllib.parse.urlsplit(location).scheme.lower()
    return "" if len(scheme) == 1 else scheme  # "C:\\..." is a path, not a URL


def is_streamable(location: str) -> bool:
    """Read by this process itself (a path, file:// or http(s)); other schemes need Hadoop's file systems."""
    return scheme_of(location) in LOCAL_SCHEMES + HTTP_SCHEMES


@contextlib.contextmanager
def open_archive(location: str) -> Iterator[IO[bytes]]:
    """A byte stream of a local path, a file:// URL or an http(s) URL (streamed, not downloaded first).

    The locations come from the operator's manifest, not from page content, so any host is allowed."""
    scheme = scheme_of(location)
    if scheme in HTTP_SCHEMES:
        request = urllib.request.Request(location, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=STREAM_TIMEOUT_SECONDS) as response:  # noqa: S310
            yield response
        return
    if scheme == "file":
        location = urllib.request.url2pathname(urllib.parse.urlsplit(location).path)
    elif scheme:
        raise ValueError(f"{location}: {scheme}:// archives are read through Spark's Hadoop file systems")
    with open(location, "rb") as stream:
        yield stream


def is_jsonl(location: str) -> bool:
    return urllib.parse.urlsplit(location).path.lower().endswith(JSONL_SUFFIXES)


def iter_archive(location: str, stream: IO[bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[CrawlRecord]:
    """The records of one archive, WARC or JSONL by its name (a WARC may be gzipped, or not)."""
    if is_jsonl(location):
        if location.lower().endswith(".gz"):
            stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        yield from iter_jsonl(location, stream, max_bytes)
    else:
        from .warc import iter_warc

        yield from iter_warc(location, stream, max_bytes)


def iter_jsonl(location: str, stream: IO[bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[CrawlRecord]:
    """One page a line: {"url": ..., "html": ...} or {"url": ..., "text": ...}, optionally "date"."""
    offset = 0
    for line in stream:
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield CrawlRecord(location, start, error=f"not a JSON line: {exc}")
            continue
        if not isinstance(item, dict):
            yield CrawlRecord(location, start, error="a JSON line must be an object")
            continue
        html, text = item.get("html"), item.get("text")
        body = html if isinstance(html, str) else text if isinstance(text, str) else None
        url = item.get("url") if isinstance(item.get("url"), str) else None
        date = item.get("date") if isinstance(item.get("date"), str) else None
        if body is None:
            yield CrawlRecord(location, start, url, date, error='a JSON line needs "html" or "text"')
            continue
        data = body.encode("utf-8", "surrogatepass")
        content_type = "text/html" if isinstance(html, str) else "text/plain"
        too_large = "too_large" if len(data) > max_bytes else None
        yield CrawlRecord(location, start, url, date, content_type=content_type, data=None if too_large else data,
                          skip=too_large)


def read_manifest(path: str | Path) -> list[str]:
    """Archive locations, one a line; blank lines and '#' comments are ignored. Relative paths are
    taken from the manifest's folder, so a manifest can sit beside its archives."""
    base = Path(path).resolve().parent
    locations = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not scheme_of(line) and not Path(line).is_absolute():
            line = str(base / line)
        locations.append(line)
    return locations
