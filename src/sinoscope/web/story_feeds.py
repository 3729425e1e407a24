"""Atom feeds of stories: one entry per story for the newest stories, one entry per document for a story.

A feed's `updated` times are the corpus's own (when a story was started or last changed here); an entry
names a page's publication date only when the page printed one. Links are absolute, from the configured
base URL, never from the request.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import Engine, select

from ..store import queries as store
from ..store.schema import documents, stories
from .i18n import label, translator

FEED_STORIES = 30


def _stamp(value: str | None) -> str:
    """An RFC 3339 time from a stored ISO time or day (Atom requires one)."""
    value = (value or "1970-01-01")[:19]
    if len(value) == 10:
        value += "T00:00:00"
    return value + "Z"


def _feed(*, title: str, feed_id: str, updated: str, self_url: str, page_url: str, entries: list[str]) -> str:
    head = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
            f"<title>{escape(title)}</title>", f"<id>{escape(feed_id)}</id>", f"<updated>{updated}</updated>",
            f'<link rel="self" href="{escape(self_url)}"/>', f'<link rel="alternate" href="{escape(page_url)}"/>']
    return "\n".join([*head, *entries, "</feed>"]) + "\n"


def _entry(*, title: str, entry_id: str, updated: str, link: str, summary: str) -> str:
    return "\n".join(["<entry>", f"<title>{escape(title)}</title>", f"<id>{escape(entry_id)}</id>",
                      f"<updated>{updated}</updated>", f'<link rel="alternate" href="{escape(link)}"/>',
                      f"<summary>{escape(summary)}</summary>", "</entry>"])


def _story_summary(story: dict[str, Any], lang: str) -> str:
    t = translator(lang)
    langs = ", ".join(label(lang, "lang", x) for x in (story.get("languages") or "").split(",") if x)
    span = story.get("first_date") or t("undated")
    if story.get("last_date") and story["last_date"] != story.get("first_date"):
        span += f" – {story['last_date']}"
    return " · ".join(x for x in (span, t("docs_count", n=story.get("doc_count") or 0), langs) if x)


def new_stories_feed(engine: Engine, *, lang: str, base_url: str, limit: int = FEED_STORIES) -> str:
    """The newest stories, newest first (by when the corpus started them): one entry each."""
    t = translator(lang)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(stories).where(stories.c.doc_count > 0)
                                              .order_by(stories.c.id.desc()).limit(limit)).mappings()]
    entries = [_entry(title=s["title"] or f"{t('story')} #{s['id']}", entry_id=f"{base_url}/story/{s['id']}",
                      updated=_stamp(s["updated_at"]), link=f"{base_url}/story/{s['id']}?lang={lang}",
                      summary=_story_summary(s, lang)) for s in rows]
    updated = max((_stamp(s["updated_at"]) for s in rows), default=_stamp(None))
    return _feed(title=f"{t('app_name')} — {t('new_stories')}", feed_id=f"{base_url}/stories.atom",
                 updated=updated, self_url=f"{base_url}/stories.atom?lang={lang}",
                 page_url=f"{base_url}/stories?lang={lang}", entries=entries)


def story_feed(engine: Engine, story_id: int, *, lang: str, base_url: str) -> str | None:
    """One story's documents, in the story's order (dated first): one entry each; None if no such story."""
    found = store.get_story(engine, story_id)
    if found is None:
        return None
    t = translator(lang)
    ids = [d["id"] for d in found["documents"]]
    with engine.connect() as conn:
        ingested = dict(conn.execute(select(documents.c.id, documents.c.ingested_at)
                                     .where(documents.c.id.in_(ids or [0]))).all())
    entries = []
    for doc in found["documents"]:
        note = [doc.get("outlet") or "", doc.get("published_date") or t("undated"), label(lang, "lang", doc["lang"])]
        if doc.get("duplicate_of"):
            note.append(t("repost_of", id=doc["duplicate_of"]))
        entries.append(_entry(title=doc.get("title") or f"#{doc['id']}", entry_id=f"{base_url}/doc/{doc['id']}",
                              updated=_stamp(ingested.get(doc["id"])), link=f"{base_url}/doc/{doc['id']}?lang={lang}",
                              summary=" · ".join(x for x in note if x)))
    title = found["title"] or f"{t('story')} #{story_id}"
    return _feed(title=f"{t('app_name')} — {title}", feed_id=f"{base_url}/story/{story_id}.atom",
                 updated=_stamp(found["updated_at"]), self_url=f"{base_url}/story/{story_id}.atom?lang={lang}",
                 page_url=f"{base_url}/story/{story_id}?lang={lang}", entries=entries)
