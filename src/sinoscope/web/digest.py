"""The digest: what changed in the corpus over a period, each line linked to the documents it comes from.

One `Digest` is built from the store and written as Markdown, HTML (a standalone page or a
fragment inside the web app) or an entry of the Atom feed served at /digest.atom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from jinja2 import Environment, FileSystemLoader
from sqlalchemy import Engine

from ..store import queries as store
from . import queries as webq
from .highlight import span_anchor
from .i18n import label, translator

FEED_ENTRIES = 6
_SINCE = re.compile(r"^\s*(\d{1,4})\s*([dw]?)\s*$", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def parse_since(value: str, default: int = 7) -> int:
    """Days in '7d', '2w', '30' (days); anything else gives the default."""
    match = _SINCE.match(value or "")
    if not match:
        return default
    days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
    return max(1, min(days, 3660))


@dataclass
class Line:
    text: str
    sources: list[str] = field(default_factory=list)  # web-app URLs of the documents behind the line
    note: str = ""


@dataclass
class Digest:
    lang: str
    since: str
    until: str
    base_url: str
    sections: list[tuple[str, list[Line]]]

    @property
    def title(self) -> str:
        return translator(self.lang)("digest_title", since=self.since, until=self.until)

    @property
    def empty(self) -> bool:
        return not any(lines for _, lines in self.sections)


def _doc_url(base: str, document_id: int, anchor: str | None = None) -> str:
    return f"{base}/doc/{document_id}" + (f"#{anchor}" if anchor else "")


def _story_title(story: dict, docs: list[dict], lang: str) -> str:
    preferred = next((d["title"] for d in docs if d["lang"] == lang and d["title"]), None)
    return preferred or story.get("title") or f"#{story['id']}"


def build_digest(engine: Engine, *, days: int = 7, until: str | None = None, lang: str = "en",
                 base_url: str = "http://127.0.0.1:8000") -> Digest:
    t = translator(lang)
    until = until or date.today().isoformat()
    since = (date.fromisoformat(until) - timedelta(days=days - 1)).isoformat()
    base = base_url.rstrip("/")
    top = webq.stories_in_window(engine, since, until, limit=8)
    blind = store.list_stories(engine, blindspot=True, since=since, until=until, limit=8)["items"]
    docs_by_story = webq.story_documents(engine, [s["id"] for s in top + blind])

    def story_line(story: dict, note: str = "") -> Line:
        docs = [d for d in docs_by_story.get(story["id"], []) if not d["duplicate_of"]][:5]
        langs = ", ".join(label(lang, "lang", x) for x in (story.get("languages") or "").split(",") if x)
        return Line(_story_title(story, docs, lang), [_doc_url(base, d["id"]) for d in docs],
                    note or f"{t('docs_count', n=story['doc_count'])} · {langs}")

    leads = []
    for story in top:
        docs = [d for d in docs_by_story.get(story["id"], []) if not d["duplicate_of"]]
        docs.sort(key=lambda d: 0 if d["lang"] == lang else 1)
        if docs:
            leads.append(docs[0]["id"])
    points = [Line(p["text"], [_doc_url(base, p["document_id"], f"p-{p['idx']}")])
              for p in webq.key_points(engine, leads, limit=6)]

    def forecast_line(f: dict) -> Line:
        who = f.get("holder") or "—"
        chance = f" ({f['probability'] * 100:.0f}%)" if f.get("probability") is not None else ""
        due = f" · {t('due')} {f['due']}" if f.get("due") else ""
        return Line(f"{who}: {f.get('text') or ''}{chance}", [_doc_url(base, f["document_id"],
                    span_anchor("forecast", f["id"]))], (f.get("document_title") or "") + due)

    new = webq.forecasts_between(engine, created_since=since, created_until=until)
    due_until = (date.fromisoformat(until) + timedelta(days=30)).isoformat()
    due = webq.forecasts_between(engine, due_since=since, due_until=due_until)
    shifts = webq.stance_shifts(engine, until=until, since=since, limit=8)
    names = webq.entity_names(engine, [s["entity_id"] for s in shifts if s["entity_id"]])
    shift_lines = []
    for s in shifts:
        name = webq.display_name(names.get(s["entity_id"]), lang, s["key"])
        link = f"{base}/entity/{s['entity_id']}" if s["entity_id"] else f"{base}/search?outlet={s['key']}"
        shift_lines.append(Line(f"{name}: {s['before']:+.2f} → {s['after']:+.2f} ({s['delta']:+.2f})", [link]))
    blind_lines = [story_line(s, t("blindspot_only", lang=label(lang, "lang", s["coverage"]["blindspot_language"])))
                   for s in blind]
    sections = [("key_points", points), ("top_stories", [story_line(s) for s in top]),
                ("new_forecasts", [forecast_line(f) for f in new]), ("due_forecasts", [forecast_line(f) for f in due]),
                ("stance_shifts", shift_lines), ("blindspots", blind_lines)]
    return Digest(lang, since, until, base, sections)


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def to_markdown(digest: Digest) -> str:
    t = translator(digest.lang)
    out = [f"# {_md(digest.title)}", ""]
    for key, lines in digest.sections:
        out += [f"## {t(key)}", ""]
        if not lines:
            out += [f"_{t('nothing_yet')}_", ""]
            continue
        for line in lines:
            links = ", ".join(f"[{n}]({url})" for n, url in enumerate(line.sources, 1))
            note = f" — {_md(line.note)}" if line.note else ""
            out.append(f"- {_md(line.text)}{note}" + (f" ({links})" if links else ""))
        out.append("")
    return "\n".join(out)


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True)


def to_html(digest: Digest, env: Environment | None = None, standalone: bool = True) -> str:
    env = env or environment()
    name = "digest_standalone.html" if standalone else "digest_body.html"
    return env.get_template(name).render(digest=digest, t=translator(digest.lang), lang=digest.lang)


def atom_feed(engine: Engine, *, lang: str, base_url: str, env: Environment | None = None,
              entries: int = FEED_ENTRIES) -> str:
    """Weekly digests ending at the newest document's date, newest first; empty weeks are left out.

    Building it runs several digests, so it is cached like the other corpus-wide aggregates."""
    return webq.cached(engine, ("atom", lang, base_url, entries),
                       lambda: _atom_feed(engine, lang=lang, base_url=base_url, env=env, entries=entries))


def _atom_feed(engine: Engine, *, lang: str, base_url: str, env: Environment | None, entries: int) -> str:
    base = base_url.rstrip("/")
    anchor = date.fromisoformat(webq.latest_event_date(engine))
    items = []
    for week in range(entries):
        until = (anchor - timedelta(days=7 * week)).isoformat()
        digest = build_digest(engine, days=7, until=until, lang=lang, base_url=base)
        if not digest.empty:
            items.append(digest)
    t = translator(lang)
    updated = f"{anchor.isoformat()}T00:00:00Z"
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{xml_escape(t('app_name'))} — {xml_escape(t('digest'))}</title>",
             f"<id>{xml_escape(base)}/digest.atom?lang={lang}</id>", f"<updated>{updated}</updated>",
             f'<link rel="self" href="{xml_escape(base)}/digest.atom?lang={lang}"/>',
             f'<link rel="alternate" href="{xml_escape(base)}/digest?lang={lang}"/>']
    for digest in items:
        link = f"{base}/digest?since=7d&until={digest.until}&lang={lang}"
        body = to_html(digest, env, standalone=False)
        parts += ["<entry>", f"<title>{xml_escape(digest.title)}</title>",
                  f"<id>tag:sinoscope,{digest.until}:digest-{lang}</id>",
                  f"<updated>{digest.until}T00:00:00Z</updated>",
                  f'<link rel="alternate" href="{xml_escape(link)}"/>',
                  f'<content type="html">{xml_escape(body)}</content>', "</entry>"]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
