"""The web app: server-rendered pages (Jinja2, autoescaped) and the JSON API under /api, in one process.

Reads are open. Resolving a forecast is a POST that needs the same token as the API's writes
(`create_web_app(token=...)` or $SINOSCOPE_API_TOKEN), given as a form field or a bearer header.
Everything the pages need (CSS, the table sorter) is served from /static: nothing is fetched
from elsewhere, so the app works offline.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import threading
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import budget
from ..api.guards import guard
from ..store import queries as store
from ..store import search_terms
from ..store.db import open_store
from ..store.search import SearchQuery
from ..store.snippets import parts as snippet_parts
from . import alternates, entity_pages, page_data, pages, story_pages
from .digest import atom_feed, build_digest, parse_since
from .highlight import span_anchor
from .i18n import COOKIE, LANGS, label, pick_language, translator
from .queries import warm_up

HERE = Path(__file__).parent
BASE_URL_ENV = "SINOSCOPE_BASE_URL"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
log = logging.getLogger(__name__)
MAX_FORM_BYTES = 64_000
MAX_PAGE = 100_000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATUSES = ("open", "due", "resolved")


def make_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["span_anchor"] = span_anchor
    env.globals["snippet_parts"] = snippet_parts
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v) * 100:.0f}%"
    env.filters["signed"] = lambda v: "" if v is None else f"{float(v):+.2f}"
    return env


def _int(value: str | None, default: int, low: int = 1, high: int = MAX_PAGE) -> int:
    try:
        return max(low, min(int(value or default), high))
    except ValueError:
        return default


def _text(value: str | None, cap: int = 200) -> str | None:
    value = (value or "").replace("\x00", "").strip()[:cap]
    return value or None


def _day(value: str | None) -> str | None:
    return value if value and _DAY.match(value) else None


def _strict_day(value: str | None) -> str | None:
    """A given date must be a real YYYY-MM-DD day (a 400 otherwise, never a 500 further on)."""
    if not value:
        return None
    try:
        if _DAY.match(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise HTTPException(400, "until must be a date, YYYY-MM-DD")


def _base_url(configured: str | None) -> str:
    """The app's public address for absolute links (digest, Atom): configured, never the request's Host
    header, which any client can set (links and their cache entries would point wherever it says)."""
    value = (configured or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).strip().rstrip("/")
    if not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", value):
        raise ValueError(f"base URL must be an http(s) address, not {value!r}")
    return value


def _relative(url: Any) -> str:
    """Path and query only: links never name a host, so the app works behind any address."""
    return url.path + (f"?{url.query}" if url.query else "")


def create_web_app(db_url: str | None = None, token: str | None = None, allow_private: bool = False,
                   base_url: str | None = None) -> FastAPI:
    """`base_url` (or $SINOSCOPE_BASE_URL) is the address readers use, for the digest's absolute links."""
    from ..api.app import create_app as create_api

    public_url = _base_url(base_url)
    engine = open_store(db_url)
    write_token = token or os.environ.get("SINOSCOPE_API_TOKEN") or None
    templates = Jinja2Templates(env=make_environment())
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warm_up(engine)  # corpus-wide aggregates of the home page, computed before the first reader asks
        threading.Thread(target=search_terms.warm_up, daemon=True).start()  # the KB's names, for search
        yield
        stopped = budget.cancel_all()  # an ingest still running must not hold the shutdown
        if stopped:
            log.warning("shutdown: stopped %d analysis in progress", stopped)

    app = FastAPI(title="sinoscope web", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    guard(app)
    app.add_middleware(alternates.AlternatePaths)  # /search.json, /entity/x.csv, /index.json: see alternates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/api", create_api(db_url, token=write_token, allow_private=allow_private))

    def language(request: Request) -> str:
        return pick_language(request.query_params.get("lang"), request.cookies.get(COOKIE),
                             request.headers.get("accept-language"))

    def render(request: Request, name: str, context: dict[str, Any], status: int = 200,
               data: alternates.Tables | None = None) -> Response:
        """The page, or its data when the request asked for an alternate (`data` = what the page lists)."""
        if fmt := alternates.requested(request):
            return alternates.respond(request, fmt, data if status == 200 else None)
        context = {**context, "alternates": alternates.links(request) if data is not None else []}
        lang = language(request)
        other = "en" if lang == "zh" else "zh"
        ctx = {"request": request, "lang": lang, "t": translator(lang), "label": lambda p, v: label(lang, p, v),
               "switch_url": _relative(request.url.include_query_params(lang=other)), "other_lang": other, **context}
        response = templates.TemplateResponse(request, name, ctx, status_code=status)
        if request.query_params.get("lang") in LANGS:
            response.set_cookie(COOKIE, lang, max_age=365 * 86400, samesite="lax", httponly=True)
        return response

    def not_found(request: Request) -> HTMLResponse:
        return render(request, "error.html", {"title_key": "not_found", "message_key": "not_found_text"}, 404)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return not_found(request)
        return render(request, "error.html", {"title_key": "bad_request", "message_key": None,
                                              "detail": str(exc.detail)}, exc.status_code)

    # entity and story pages (their own modules)
    entity_pages.register(app, engine, render, not_found, language)
    story_pages.register(app, engine, render, not_found, language, public_url)

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        data = pages.home(engine, language(request))
        return render(request, "home.html", data, data=page_data.home(data))

    @app.get("/forecasts", response_class=HTMLResponse)
    def forecast_ledger(request: Request) -> HTMLResponse:
        status = request.query_params.get("status")
        status = status if status in STATUSES else "open"
        data = pages.ledger(engine, status, _int(request.query_params.get("page"), 1))
        data["resolved_id"] = _int(request.query_params.get("resolved"), 0, 0, 2**62)
        data["writes_enabled"] = write_token is not None
        return render(request, "forecasts.html", data, data=page_data.ledger(data))

    @app.post("/forecasts/{forecast_id}/resolve")
    async def resolve(request: Request, forecast_id: str) -> Response:
        body = (await request.body())[:MAX_FORM_BYTES].decode("utf-8", "replace")
        form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        given = form.get("token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if write_token is None:
            return render(request, "error.html", {"title_key": "forbidden", "message_key": "writes_disabled"}, 403)
        if not given or not secrets.compare_digest(given.encode(), write_token.encode()):
            return render(request, "error.html", {"title_key": "forbidden", "message_key": "forbidden"}, 401)
        try:
            found = store.resolve_forecast(engine, _int(forecast_id, 0, 0, 2**62), form.get("outcome", ""),
                                           (form.get("evidence") or "").replace("\x00", "")[:20_000])
        except ValueError as exc:
            return render(request, "error.html", {"title_key": "bad_request", "message_key": None,
                                                  "detail": str(exc)}, 422)
        if found is None:
            return not_found(request)
        return RedirectResponse(f"/forecasts?status=resolved&resolved={found['id']}", status_code=303)

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request) -> HTMLResponse:
        params = request.query_params
        limit = 20
        query = SearchQuery(q=_text(params.get("q"), 500) or "", lang=_text(params.get("filter_lang"), 10),
                            outlet=_text(params.get("outlet")), entity=_text(params.get("entity")),
                            speaker=_text(params.get("speaker")), since=_day(params.get("since")),
                            until=_day(params.get("until")), stance=_text(params.get("stance"), 40),
                            sort="date" if params.get("sort") == "date" else "relevance", facets=True,
                            limit=limit, offset=(_int(params.get("page"), 1, 1, 500) - 1) * limit)
        data = pages.search_page(engine, query, language(request))
        return render(request, "search.html", {**data, "query": query}, data=page_data.search(data))

    @app.get("/stories", response_class=HTMLResponse)
    def stories_page(request: Request) -> Response:
        params = request.query_params
        data = page_data.stories_page(engine, _text(params.get("filter_lang"), 10), params.get("blindspots") == "1",
                                      _int(params.get("page"), 1))
        return render(request, "stories.html", data, data=page_data.stories(data))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request) -> Response:
        data = page_data.quotes_page(engine, _text(request.query_params.get("speaker")),
                                     _text(request.query_params.get("q")), _int(request.query_params.get("page"), 1))
        return render(request, "quotes.html", data, data=page_data.quotes(data))

    @app.get("/outlet/{outlet:path}", response_class=HTMLResponse)
    def outlet_page(request: Request, outlet: str) -> Response:
        data = page_data.outlet_page(engine, outlet[:200].replace("\x00", ""),
                                     _text(request.query_params.get("filter_lang"), 10),
                                     _int(request.query_params.get("page"), 1))
        return render(request, "outlet.html", data, data=page_data.outlet(data)) if data else not_found(request)

    @app.get("/doc/{document_id}", response_class=HTMLResponse)
    def document(request: Request, document_id: str) -> HTMLResponse:
        data = pages.document(engine, _int(document_id, 0, 0, 2**62), language(request),
                              request.query_params.get("view", "text"))
        return render(request, "document.html", data) if data else not_found(request)

    @app.get("/doc/{first_id}/parallel/{second_id}", response_class=HTMLResponse)
    def parallel(request: Request, first_id: str, second_id: str) -> HTMLResponse:
        data = pages.parallel(engine, _int(first_id, 0, 0, 2**62), _int(second_id, 0, 0, 2**62), language(request))
        return render(request, "parallel.html", data) if data else not_found(request)

    @app.get("/digest", response_class=HTMLResponse)
    def digest(request: Request) -> HTMLResponse:
        lang = language(request)
        days = parse_since(request.query_params.get("since") or "7d")
        data = build_digest(engine, days=days, until=_strict_day(request.query_params.get("until")), lang=lang,
                            base_url=public_url)
        return render(request, "digest_page.html", {"digest": data})

    @app.get("/digest.atom")
    def digest_feed(request: Request) -> Response:
        lang = language(request)
        xml = atom_feed(engine, lang=lang, base_url=public_url, env=templates.env)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    return app
