"""WARC files (plain or gzipped, as Common Crawl's CC-NEWS ships them) → `CrawlRecord`s, with FastWARC.

Only `response` records are read. A page is an HTTP 200 response whose Content-Type is HTML (or,
when it has none, whose body looks like HTML); other responses are skipped with a reason and their
bodies are never read. FastWARC runs in quirks mode, so junk between records is stepped over; HTTP
content and transfer encodings are undone here rather than by FastWARC, because its decoder ends the
whole iteration on one bad body, and one bad record must cost one record.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from .crawl import CrawlRecord
from .inputs import DEFAULT_MAX_BYTES, RawInput

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(location: str, stream: IO[bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[CrawlRecord]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, quirks_mode=True,
                              auto_decode="none")
    offset = 0
    try:
        for record in records:
            offset = record.stream_pos
            try:
                yield page_of(location, record, max_bytes)
            except Exception as exc:  # noqa: BLE001 - a record FastWARC parsed but we cannot read
                yield CrawlRecord(location, offset, error=f"unreadable record: {type(exc).__name__}: {exc}")
    except OSError as exc:  # a stream broken past repair (truncated or corrupt gzip): the rest is lost
        yield CrawlRecord(location, offset, error=f"archive unreadable after offset {offset}: {exc}")


def page_of(location: str, record: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> CrawlRecord:  # noqa: ANN401
    """One FastWARC response record as a page, a skip or an error."""
    headers = record.headers
    found = {"archive": location, "offset": record.stream_pos, "url": headers.get("WARC-Target-URI"),
             "date": headers.get("WARC-Date"), "record_id": record.record_id}
    http = record.http_headers if record.is_http_parsed else None
    if not found["url"] or http is None or http.status_code is None:
        return CrawlRecord(**found, error="not an HTTP response record")
    mime = (record.http_content_type or "").strip().lower()
    found["content_type"] = mime or None
    if http.status_code != 200:
        return CrawlRecord(**found, skip="status")
    if mime and mime not in HTML_TYPES:
        return CrawlRecord(**found, skip="not_html")
    data = record.reader.read(max_bytes + 1)
    if len(data) > max_bytes:
        return CrawlRecord(**found, skip="too_large")
    try:
        data = _undo_encodings(data, http.get("Transfer-Encoding"), http.get("Content-Encoding"), max_bytes)
    except ValueError as exc:
        return CrawlRecord(**found, error=str(exc))
    if len(data) > max_bytes:
        return CrawlRecord(**found, skip="too_large")
    if not mime and not RawInput(found["url"], data).looks_html:
        return CrawlRecord(**found, skip="not_html")
    return CrawlRecord(**found, data=data)


def _undo_encodings(data: bytes, transfer: str | None, content: str | None, max_bytes: int) -> bytes:
    """Common Crawl stores bodies decoded, but other crawlers keep them as sent."""
    if transfer and "chunked" in transfer.lower():
        data = _dechunk(data)
    encoding = (content or "").strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ValueError(f"unsupported content encoding {encoding!r}")
    # wbits 47: a gzip or zlib header; raw deflate (what some servers send as "deflate") on a retry
    for wbits in (47, -15):
        try:  # the output is capped: a small body can hide gigabytes
            return zlib.decompressobj(wbits).decompress(data, max_bytes + 1)
        except zlib.error:
            continue
    raise ValueError(f"body is not valid {encoding}")


def _dechunk(data: bytes) -> bytes:
    out, pos = bytearray(), 0
    try:
        while True:
            eol = data.index(b"\r\n", pos)
            size = int(data[pos:eol].split(b";")[0].strip(), 16)
            if size == 0:
                return bytes(out)
            out += data[eol + 2 : eol + 2 + size]
            pos = eol + 2 + size + 2
    except ValueError as exc:
        raise ValueError("body is not valid chunked encoding") from exc
