"""The API's interactive docs, offline: Swagger UI at /docs and ReDoc at /redoc, their scripts and
styles served from the assets the `fastapi-offline` wheel ships (a pinned dependency), never a CDN.
Without that package the pages still answer, saying how to get the docs, rather than going blank."""

from __future__ import annotations

from importlib import util
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
_MISSING = ("<!doctype html><title>API docs</title><h1>API docs</h1><p>The interactive docs need the "
            "<code>fastapi-offline</code> package (see constraints.txt). The schema itself is at "
            "<a href=\"{openapi}\">{openapi}</a>.</p>")


def assets_dir() -> Path | None:
    spec = util.find_spec("fastapi_offline")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def add_docs(app: FastAPI) -> None:
    """Routes /docs and /redoc (the app must be made with docs_url=None, redoc_url=None)."""
    folder = assets_dir()
    if folder is not None:
        app.mount(ASSETS, StaticFiles(directory=str(folder)), name="docs-assets")

    def root(request: Request) -> str:
        return (request.scope.get("root_path") or "").rstrip("/")

    @app.get("/docs", include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        base = root(request)
        if folder is None:
            return HTMLResponse(_MISSING.format(openapi=f"{base}{app.openapi_url}"))
        return get_swagger_ui_html(openapi_url=f"{base}{app.openapi_url}", title=f"{app.title} – API docs",
                                   swagger_js_url=f"{base}{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{base}{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{base}{ASSETS}/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        base = root(request)
        if folder is None or not (folder / "redoc.standalone.js").is_file():
            return HTMLResponse(_MISSING.format(openapi=f"{base}{app.openapi_url}"))
        return get_redoc_html(openapi_url=f"{base}{app.openapi_url}", title=f"{app.title} – API reference",
                              redoc_js_url=f"{base}{ASSETS}/redoc.standalone.js",
                              redoc_favicon_url=f"{base}{ASSETS}/favicon.png", with_google_fonts=False)
