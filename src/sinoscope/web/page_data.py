"""What each list page hands over as data (its `.json` / `.csv` alternates, see `alternates`):
the rows the page shows, with the columns an analyst wants in a spreadsheet; plus the data of the
plain list pages this module also feeds: stories, quotes and an outlet's documents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from ..store import queries as store
from .alternates import Tables
from .pages import PAGE_SIZE, _pages

STORY = ["id", "title", "first_date", "last_date", "doc_count", "languages"]
DOCUMENT = ["id", "title", "lang", "outlet", "published_date", "story_id", "duplicate_of", "stance_label", "url"]
QUOTE = ["id", "document_id", "speaker", "speaker_zh", "speaker_id", "text", "text_zh", "kind", "cue",
         "document_title", "event_date", "start", "end"]
FORECAST = ["id", "document_id", "holder", "holder_id", "text", "probability", "horizon", "due", "status",
            "outcome", "evidence", "resolved_at", "document_title", "event_date"]
FIGURE = ["id", "document_id", "text", "value", "unit", "kind", "span_start", "span_end"]
SEARCH = ["id", "title", "lang", "outlet", "published_date", "story_id", "stance_label", "url", "snippet", "matched"]


def _paged(listing: dict[str, Any]) -> dict[str, Any]:
    return {"total": listing.get("total"), "limit": listing.get("limit"), "offset": listing.get("offset")}


def home(data: dict[str, Any]) -> Tables:
    return Tables({"stories": data["stories"], "blindspots": data["blindspots"], "forecasts": data["forecasts"],
                   "stance_shifts": data["shifts"]},
                  {"stories": STORY, "blindspots": STORY, "forecasts": FORECAST})


def story(data: dict[str, Any]) -> Tables:
    found = data["story"]
    facts = data["facts"]
    return Tables({"documents": found["documents"], "quotes": facts["quotes"], "figures": facts["figures"],
                   "forecasts": facts["forecasts"], "key_points": data["key_points"]},
                  {"documents": DOCUMENT, "quotes": [c for c in QUOTE if c not in ("start", "end")],
                   "figures": FIGURE, "forecasts": FORECAST},
                  {"story": {k: found.get(k) for k in STORY}, "coverage": found.get("coverage")})


def ledger(data: dict[str, Any]) -> Tables:
    return Tables({"forecasts": data["forecasts"]["items"]}, {"forecasts": FORECAST},
                  {"status": data["status"], **_paged(data["forecasts"])})


def search(data: dict[str, Any]) -> Tables:
    result = data["result"]
    return Tables({"results": result["results"]}, {"results": SEARCH},
                  {"total": result["total"], "total_is_lower_bound": result["total_is_lower_bound"],
                   "terms": result["terms"], "expansions": result.get("expansions", []), "page": data["page"]})


def stories_page(engine: Engine, lang: str | None, blindspots: bool, page: int) -> dict[str, Any]:
    listing = store.list_stories(engine, lang=lang, blindspot=True if blindspots else None, limit=PAGE_SIZE,
                                 offset=(page - 1) * PAGE_SIZE)
    return {"stories": listing, "filter_lang": lang, "blindspots": blindspots, "page": page,
            "pages": _pages(listing["total"], page)}


def stories(data: dict[str, Any]) -> Tables:
    return Tables({"stories": data["stories"]["items"]}, {"stories": [*STORY, "coverage"]}, _paged(data["stories"]))


def quotes_page(engine: Engine, speaker: str | None, q: str | None, page: int) -> dict[str, Any]:
    listing = store.list_quotes(engine, speaker=speaker, q=q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return {"quotes": listing, "speaker": speaker, "q": q, "page": page, "pages": _pages(listing["total"], page)}


def quotes(data: dict[str, Any]) -> Tables:
    return Tables({"quotes": data["quotes"]["items"]}, {"quotes": QUOTE}, _paged(data["quotes"]))


def outlet_page(engine: Engine, outlet: str, lang: str | None, page: int) -> dict[str, Any] | None:
    listing = store.list_documents(engine, outlet=outlet, lang=lang, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    if not listing["total"]:
        return None
    return {"outlet": outlet, "documents": listing, "filter_lang": lang, "page": page,
            "pages": _pages(listing["total"], page)}


def outlet(data: dict[str, Any]) -> Tables:
    return Tables({"documents": data["documents"]["items"]}, {"documents": DOCUMENT},
                  {"outlet": data["outlet"], **_paged(data["documents"])})

