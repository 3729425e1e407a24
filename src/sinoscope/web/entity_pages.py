"""Entity pages: the entity browser (/entities, faceted by type, country, language and outlet) and an entity's
page (/entity/ID): mention timeline by language, aliases in both languages, co-occurring entities, the
outlets that mention it, its stance over time, and its quotes and forecasts under one set of filters.

Both pages hand their lists to `render` as `Tables`, so their .json/.csv alternates hold what they show,
under the same filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from ..store import queries as store
from . import entity_queries as eq
from . import page_data, pages
from . import queries as webq
from .alternates import Tables
from .charts import NARROW, stance_chart, timeline_chart

PAGE_SIZE = pages.PAGE_SIZE
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def _text(value: str | None, cap: int = 200) -> str | None:
    value = (value or "").replace("\x00", "").strip()[:cap]
    return value or None


def _page(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


def entity_filters(params: Any) -> eq.EntityFilters:
    country = (params.get("country") or "").upper()
    return eq.EntityFilters(type=_text(params.get("type"), 40), country=country if _COUNTRY.match(country) else None,
                            lang=_text(params.get("filter_lang"), 10), outlet=_text(params.get("outlet")),
                            q=_text(params.get("q"), 100))


def fact_filters(params: Any) -> eq.FactFilters:
    day = {k: params.get(k) if _DAY.match(params.get(k) or "") else None for k in ("since", "until")}
    return eq.FactFilters(lang=_text(params.get("filter_lang"), 10), outlet=_text(params.get("outlet")),
                          since=day["since"], until=day["until"], q=_text(params.get("q"), 100))


def entities_data(engine: Engine, f: eq.EntityFilters, page: int, lang: str) -> dict[str, Any]:
    """The /entities rows and facets, in the reader's language."""
    found = eq.browse(engine, f, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    rows = [{"id": e["id"], "name": webq.display_name(e, lang, e["id"]), "name_en": e["name"], "name_zh": e["name_zh"],
             "type": e["type"], "country": e["country"], "known": bool(e["known"]), "documents": e["documents"],
             "url": f"/entity/{e['id']}"} for e in found["items"]]
    return {"rows": rows, "total": found["total"], "facets": found["facets"],
            "pages": pages._pages(found["total"], page),
            "filters": {"type": f.type, "country": f.country, "lang": f.lang, "outlet": f.outlet, "q": f.q}}


def entity_data(engine: Engine, entity_id: str, lang: str, f: eq.FactFilters, page: int) -> dict[str, Any] | None:
    found = store.get_entity(engine, entity_id)
    if found is None:
        return None
    names = webq.speaker_names(engine, entity_id, found)
    offset = (page - 1) * PAGE_SIZE
    said = eq.entity_quotes(engine, entity_id, names, f, limit=PAGE_SIZE, offset=offset)
    held = eq.entity_forecasts(engine, entity_id, names, f, limit=PAGE_SIZE, offset=offset)
    series = webq.entity_stance_series(engine, entity_id, names)
    timeline = eq.mention_timeline(engine, entity_id)
    co = eq.co_occurring(engine, entity_id)
    for row in co:
        row["label"] = webq.display_name(row, lang, row["id"])
    stance = [("their_stance", "own", series["own"]), ("coverage_stance", "coverage", series["coverage"])]
    rows = timeline["rows"]
    # each chart drawn twice, for wide screens and for phones (CSS shows one)
    return {"entity": found, "name": webq.display_name(found, lang, entity_id), "aliases": eq.aliases(found),
            "timeline": timeline_chart(rows), "timeline_narrow": timeline_chart(rows, width=NARROW),
            "timeline_rows": rows, "undated": timeline["undated"],
            "chart": stance_chart(stance), "chart_narrow": stance_chart(stance, NARROW),
            "co_occurring": co, "outlets": eq.outlets_mentioning(engine, entity_id),
            "quotes": said, "forecasts": held, "filters": f, "fact_outlets": eq.fact_outlets(engine, entity_id, names),
            "documents": webq.entity_documents(engine, entity_id), "page": page,
            "pages": pages._pages(max(said["total"], held["total"]), page)}


ENTITY_ROW = ["id", "name", "name_en", "name_zh", "type", "country", "known", "documents", "url"]
CO_ROW = ["id", "name", "name_zh", "type", "documents"]


def entities_tables(data: dict[str, Any]) -> Tables:
    """The browser's data alternates: its rows, the facets and filters in the meta."""
    return Tables({"entities": data["rows"]}, {"entities": ENTITY_ROW},
                  {"total": data["total"], "facets": data["facets"], "page": data["pages"]["current"]})


def entity_tables(data: dict[str, Any]) -> Tables:
    """The entity page's data alternates: what it lists, quotes first (the CSV's default table)."""
    e = data["entity"]
    spans = [{**q, "start": q.get("span_start"), "end": q.get("span_end")} for q in data["quotes"]["items"]]
    return Tables({"quotes": spans, "forecasts": data["forecasts"]["items"],
                   "co_occurring": data["co_occurring"], "outlets": data["outlets"], "timeline": data["timeline_rows"],
                   "documents": data["documents"]},
                  {"quotes": page_data.QUOTE, "forecasts": page_data.FORECAST, "co_occurring": CO_ROW,
                   "documents": ["id", "title", "lang", "outlet", "event_date"]},
                  {"entity": {k: e.get(k) for k in ("id", "name", "name_zh", "type", "kb_type", "known", "documents",
                                                    "quotes")},
                   "aliases": data["aliases"], "undated_documents": data["undated"],
                   "quotes_total": data["quotes"]["total"], "forecasts_total": data["forecasts"]["total"]})


def register(app: FastAPI, engine: Engine, render: Callable[..., HTMLResponse], not_found: Callable[..., Any],
             language: Callable[[Request], str]) -> None:
    """Add the entity routes to the web app."""

    @app.get("/entities", response_class=HTMLResponse)
    def entity_browser(request: Request) -> HTMLResponse:
        params = request.query_params
        data = entities_data(engine, entity_filters(params), _page(params.get("page")), language(request))
        return render(request, "entities.html", {"data": data}, data=entities_tables(data))

    @app.get("/entity/{entity_id:path}", response_class=HTMLResponse)
    def entity(request: Request, entity_id: str) -> HTMLResponse:
        params = request.query_params
        data = entity_data(engine, entity_id[:200].replace("\x00", ""), language(request), fact_filters(params),
                           _page(params.get("page")))
        if data is None:
            return not_found(request)
        return render(request, "entity.html", {"entity": data, "name": data["name"]}, data=entity_tables(data))
