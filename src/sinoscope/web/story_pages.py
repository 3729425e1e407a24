"""Story pages: a story (/story/N) with its coverage bars and first report, and the Atom feeds of stories
(/stories.atom: one entry per new story; /story/N.atom: one entry per document). The story list itself is
page_data's; a story's .json/.csv alternates are page_data.story's tables with the coverage added.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from . import page_data, pages
from .alternates import Tables
from .coverage import story_coverage
from .story_feeds import new_stories_feed, story_feed

MAX_ID = 2**62
ATOM = "application/atom+xml; charset=utf-8"


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(int(value or default), high))
    except ValueError:
        return default


def story_data(engine: Engine, story_id: int, lang: str) -> dict[str, Any] | None:
    data = pages.story(engine, story_id, lang)
    if data is None:
        return None
    data["coverage"] = story_coverage(data["story"]["documents"])
    return data


def story_tables(data: dict[str, Any]) -> Tables:
    """The story's data alternates: page_data's tables, the coverage bars and first report in the meta."""
    tables = page_data.story(data)
    tables.meta["coverage"] = {**(tables.meta.get("coverage") or {}), **data["coverage"]}
    return tables


def register(app: FastAPI, engine: Engine, render: Callable[..., HTMLResponse], not_found: Callable[..., Any],
             language: Callable[[Request], str], base_url: str) -> None:
    """Add the story routes to the web app (the feeds before /story/{id}, which would take "N.atom")."""

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
        return render(request, "story.html", {"story": data}, data=story_tables(data)) if data else not_found(request)
