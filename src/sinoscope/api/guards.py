"""What every HTTP response and request of the API and the web app goes through.

- `SecurityHeaders`: a strict Content-Security-Policy (only this origin's scripts and styles, no framing),
  nosniff, no referrer; the API's interactive docs get the looser policy Swagger UI needs.
- `BodyLimit`: a request body over the limit is refused with 413 before the app reads it (by its
  Content-Length, or by counting a streamed body), so a 60 MB body is neither parsed nor echoed.
- `validation_error`: a 422 that names the bad field without echoing its value back.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 16 * 1024 * 1024  # a 5-million-character page as UTF-8 JSON, with room to spare
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# Swagger UI and ReDoc load their bundle from /docs-assets (see api/docs.py) and start it with an inline
# script; ReDoc runs a worker from a blob. Nothing comes from another host.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; "
            "frame-ancestors 'none'; base-uri 'none'")
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer",
           "cross-origin-opener-policy": "same-origin"}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        policy = DOCS_CSP if path.endswith(DOCS_PATHS) or "/docs/" in path else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", policy.encode())] if b"content-security-policy" not in present \
                    else []
                extra += [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class _TooLarge(Exception):
    pass


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body is over the limit of {limit:,} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            declared = 0
        if declared > self.limit:
            return await _refuse(send, self.limit)
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await _refuse(send, self.limit)


def _plain(value: Any) -> Any:
    """A value fit for JSON: exceptions in the error context become their message."""
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """Which field is wrong and why, without the value itself (it may be megabytes, or a secret)."""
    errors = [{"loc": list(error.get("loc", ())), "msg": error.get("msg", ""), "type": error.get("type", "")}
              | ({"ctx": {k: _plain(v) for k, v in error["ctx"].items()}} if error.get("ctx") else {})
              for error in exc.errors()]
    return JSONResponse({"detail": errors}, status_code=422)


def guard(app: Any, *, body_limit: int = MAX_BODY_BYTES) -> None:
    """Install the guards on a FastAPI app."""
    app.add_middleware(BodyLimit, limit=body_limit)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(RequestValidationError, validation_error)
