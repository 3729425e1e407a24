"""RSS/Atom feeds: each entry becomes a page (its full text if the feed carries it, else its
link fetched), and `watch` polls a list of feeds on an interval.

FEEDS.yaml:
    interval: 900          # seconds between polls (default 900)
    allow_private: false   # fetch links on private/loopback addresses
    feeds:
      - https://example.org/rss.xml
      - {url: https://example.com/atom, outlet: Example Daily}
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import yaml

from ..sources.inputs import RawInput, iter_inputs
from ..sources.urls import FetchError, fetch_url, redact

if TYPE_CHECKING:
    from .ingest import Ingestor, IngestResult

FULL_TEXT_CHARS = 600  # an entry whose content is longer than this is taken as the article itself
DEFAULT_INTERVAL = 900
_TAGS = re.compile(r"<[^>]+>")


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.startswith(b"<?xml") and not head.startswith((b"<rss", b"<feed", b"<rdf")):
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _entry_content(entry: dict) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents if isinstance(c, dict)), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _entry_page(title: str, content_html: str) -> bytes:
    """Wrap a feed entry's HTML in a page so the HTML reader treats it like an article."""
    safe_title = html.escape(title)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{safe_title}</title></head>"
            f"<body><article><h1>{safe_title}</h1>{content_html}</article></body></html>").encode()


def iter_feed(ingestor: Ingestor, raw: RawInput, outlet: str | None = None) -> Iterator[IngestResult]:
    import feedparser

    from .ingest import IngestResult, known_url

    parsed = feedparser.parse(raw.data or b"")
    feed_outlet = outlet or (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        yield IngestResult(raw.source, "failed", message="feed has no entries")
        return
    settings = ingestor.settings
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id") or ""
        title = (entry.get("title") or "").strip()
        published = entry.get("published") or entry.get("updated")
        content = _entry_content(entry)
        if link and known_url(ingestor.engine, link):
            yield IngestResult(link, "seen")
            continue
        if len(_TAGS.sub("", content)) >= FULL_TEXT_CHARS:
            page = RawInput(link or f"{raw.source}#{title[:40]}", _entry_page(title, content),
                            content_type="text/html")
        elif not link.startswith(("http://", "https://")):
            yield IngestResult(link or raw.source, "failed", message="entry has no full text and no http(s) link")
            continue
        else:
            try:
                fetched = fetch_url(link, max_bytes=settings.max_bytes, allow_private=settings.allow_private)
            except FetchError as exc:
                yield IngestResult(redact(link), "failed", message=str(exc))
                continue
            page = RawInput(link, fetched.data, content_type=fetched.content_type)
        yield ingestor.ingest_raw(page, url=link or None, outlet=feed_outlet, published=published, title=title or None)


@dataclass
class FeedSpec:
    url: str
    outlet: str | None = None


def load_feeds(path: str | Path) -> tuple[list[FeedSpec], int, bool]:
    """(feeds, interval seconds, allow_private) from a FEEDS.yaml; a bare list of URLs also works."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if isinstance(data, list):
        data = {"feeds": data}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with a 'feeds' list")
    feeds = []
    for item in data.get("feeds") or []:
        if isinstance(item, str):
            feeds.append(FeedSpec(item))
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            feeds.append(FeedSpec(item["url"], item.get("outlet")))
    interval = int(data.get("interval") or DEFAULT_INTERVAL)
    return feeds, max(interval, 1), bool(data.get("allow_private", False))


def poll_once(ingestor: Ingestor, feeds: list[FeedSpec]) -> Iterator[IngestResult]:
    from .ingest import IngestResult

    settings = ingestor.settings
    for spec in feeds:
        for raw in iter_inputs([spec.url], max_bytes=settings.max_bytes, allow_private=settings.allow_private):
            if not raw.ok:
                yield IngestResult(spec.url, "failed", message=raw.error)
            elif not is_feed(raw.data or b""):
                yield IngestResult(spec.url, "failed", message="not an RSS or Atom feed")
            else:
                yield from iter_feed(ingestor, raw, outlet=spec.outlet)


def watch(ingestor: Ingestor, feeds: list[FeedSpec], interval: int, once: bool = False,
          stream: TextIO | None = None) -> None:
    from .ingest import report_progress

    while True:
        report_progress(poll_once(ingestor, feeds), stream or sys.stderr)
        if once:
            return
        time.sleep(interval)
