"""Every list page's data as `.json` and `.csv` beside it, the datasette habit: `/search?q=x` has
`/search.json?q=x` and `/search.csv?q=x`, `/entity/nvidia` has `/entity/nvidia.json`, the home page
`/index.json`. Same handler, same query string, so the same filters and page by construction.

How a page takes part (one line): its handler passes `data=Tables(...)` to the app's `render`.
`AlternatePaths` (ASGI, outermost) strips the suffix and marks the request; `render` then answers
with `respond()` instead of the template, and otherwise gives the template `links()` for the
visible "Data: JSON · CSV" links and the `<link rel=alternate>` tags in base.html. A page with
no data answers its alternates 404. CSV cells go through the export's formula guard.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store.export import csv_cell

FORMATS = {"json": "application/json", "csv": "text/csv"}
SCOPE_KEY = "sinoscope.alternate"
HOME_NAME = "/index"  # the home page's alternates: /index.json, /index.csv
SKIP_PREFIXES = ("/api/", "/static/")
DROP_PARAMS = ("lang",)  # the UI language changes labels, not data
Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]


@dataclass
class Tables:
    """What a page lists: named tables of rows (the first is the CSV's unless `?table=` names
    another), each limited to its columns; `meta` (totals, page) goes into the JSON only."""

    tables: dict[str, list[dict[str, Any]]]
    columns: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def rows(self, name: str) -> tuple[list[str], list[dict[str, Any]]]:
        rows = self.tables.get(name) or []
        columns = self.columns.get(name) or list(dict.fromkeys(k for row in rows for k in row))
        return columns, [{c: row.get(c) for c in columns} for row in rows]


class AlternatePaths:
    """`/x.json` → `/x` marked json (likewise .csv), for every page outside /api and /static."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        stem, dot, ext = path.rpartition(".")
        if dot and ext in FORMATS and stem and not path.startswith(SKIP_PREFIXES):
            stem = "/" if stem == HOME_NAME else stem
            raw = scope.get("raw_path") or path.encode()
            raw = b"/" if stem == "/" else raw[: -len(dot + ext)] if raw.endswith(f".{ext}".encode()) else stem.encode()
            scope = {**scope, "path": stem, "raw_path": raw, SCOPE_KEY: ext}
        await self.app(scope, receive, send)


def requested(request: Request) -> str | None:
    return request.scope.get(SCOPE_KEY)


def _query(request: Request, **extra: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in DROP_PARAMS]
    params += list(extra.items())
    return ("?" + urlencode(params)) if params else ""


def links(request: Request) -> list[dict[str, str]]:
    """The page's alternates: format, MIME type and a relative link with the page's filters."""
    stem = HOME_NAME if request.url.path == "/" else quote(request.url.path.rstrip("/"), safe="/:@!$&'()*+,;=")
    return [{"format": fmt, "type": mime, "href": f"{stem}.{fmt}{_query(request)}"} for fmt, mime in FORMATS.items()]


def respond(request: Request, fmt: str, data: Tables | None) -> Response:
    if data is None or not data.tables:
        return JSONResponse({"detail": "this page has no data alternate"}, status_code=404)
    filters = {k: v for k, v in request.query_params.items() if k not in DROP_PARAMS}
    if fmt == "json":
        body = {"page": request.url.path, "filters": filters, **data.meta,
                "tables": {name: data.rows(name)[1] for name in data.tables}}
        return Response(json.dumps(body, ensure_ascii=False, default=str), media_type="application/json")
    name = request.query_params.get("table")
    name = name if name in data.tables else next(iter(data.tables))
    columns, rows = data.rows(name)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # a BOM, so spreadsheets read the Chinese as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row[c]) for c in columns])
    filename = (request.url.path.strip("/").replace("/", "-") or "index") + f"-{name}.csv"
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in filename)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{safe}"'})
