"""Story pages: the story list (/stories), a story (/story/N) with its coverage bars and first report, and
their Atom feeds (/stories.atom: one entry per new story; /story/N.atom: one entry per document).

Each list page's rows are a JSON-ready dict (`data`) the template renders, so other renderings of the
same rows (JSON, CSV) can be served from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from ..store import queries as store
from . import pages
from .coverage import story_coverage
from .story_feeds import new_stories_feed, story_feed

PAGE_SIZE = pages.PAGE_SIZE
MAX_ID = 2**62
ATOM = "application/atom+xml; charset=utf-8"


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(int(value or default), high))
    except ValueError:
        return default


def stories_data(engine: Engine, *, lang: str | None, blindspot: bool | None, page: int) -> dict[str, Any]:
    """The /stories rows: newest first, with the filters that chose them."""
    listing = store.list_stories(engine, lang=lang, blindspot=blindspot, limit=PAGE_SIZE,
                                 offset=(page - 1) * PAGE_SIZE)
    rows = [{"id": s["id"], "title": s["title"], "first_date": s["first_date"], "last_date": s["last_date"],
             "documents": s["doc_count"], "languages": [x for x in (s["languages"] or "").split(",") if x],
             "blindspot_language": s["coverage"]["blindspot_language"], "url": f"/story/{s['id']}"}
            for s in listing["items"]]
    return {"rows": rows, "total": listing["total"], "pages": pages._pages(listing["total"], page),
            "filters": {"lang": lang, "blindspot": blindspot}}


def story_data(engine: Engine, story_id: int, lang: str) -> dict[str, Any] | None:
    data = pages.story(engine, story_id, lang)
    if data is None:
        return None
    data["coverage"] = story_coverage(data["story"]["documents"])
    return data


def story_rows(data: dict[str, Any]) -> dict[str, Any]:
    """The story page's lists as plain data (for .json/.csv renderings of the page)."""
    story = {k: v for k, v in data["story"].items() if k != "documents"}
    return {"story": story, "documents": data["story"]["documents"], "coverage": data["coverage"],
            "key_points": data["key_points"], "facts": data["facts"]}


def register(app: FastAPI, engine: Engine, render: Callable[..., HTMLResponse], not_found: Callable[..., Any],
             language: Callable[[Request], str], base_url: str) -> None:
    """Add the story routes to the web app (the feeds before /story/{id}, which would take "N.atom")."""

    @app.get("/stories", response_class=HTMLResponse)
    def story_list(request: Request) -> HTMLResponse:
        params = request.query_params
        lang = params.get("filter_lang") if params.get("filter_lang") in ("en", "zh") else None
        blind = {"1": True, "0": False}.get(params.get("blindspot") or "")
        data = stories_data(engine, lang=lang, blindspot=blind, page=_int(params.get("page"), 1, 1, 100_000))
        return render(request, "stories.html", {"data": data})

    @app.get("/stories.atom")
    def stories_atom(request: Request) -> Response:
        return Response(new_stories_feed(engine, lang=language(request), base_url=base_url), media_type=ATOM)

    @app.get("/story/{story_id}.atom")
    def story_atom(request: Request, story_id: str) -> Response:
        xml = story_feed(engine, _int(story_id, 0, 0, MAX_ID), lang=language(request), base_url=base_url)
        return Response(xml, media_type=ATOM) if xml else not_found(request)

    @app.get("/story/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        data = story_data(engine, _int(story_id, 0, 0, MAX_ID), language(request))
        return render(request, "story.html", {"story": data, "data": story_rows(data)}) if data else not_found(request)
