"""Web commands: `sinoscope serve` (pages + JSON API in one process) and `sinoscope digest`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

DB_HELP = "database URL or SQLite file (default: $SINOSCOPE_DB or ./sinoscope.db)"


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          base_url: str | None = None) -> None:
    """Serve the web app and the JSON API (under /api) until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    from .. import budget
    from ..store.db import resolve_url
    from .app import BASE_URL_ENV, create_web_app

    public_url = base_url or os.environ.get(BASE_URL_ENV) or f"http://{host}:{port}"
    app = create_web_app(resolve_url(db_url), token=token or os.environ.get("SINOSCOPE_API_TOKEN"),
                         base_url=public_url)

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame) -> None:  # noqa: ANN001 - signal handler's frame
            budget.cancel_all()  # a running ingest stops now, so its request ends and the workers can exit
            super().handle_exit(sig, frame)

    print(f"sinoscope: serving http://{host}:{port}/ (API under /api, docs at /api/docs) until Ctrl-C",
          file=sys.stderr, flush=True)
    Server(uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=10,
                          limit_concurrency=200)).run()


def cmd_serve(args: argparse.Namespace) -> int:
    serve(args.db, args.host, args.port, base_url=args.base_url)
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from .digest import build_digest, parse_since, to_html, to_markdown

    digest = build_digest(open_store(args.db), days=parse_since(args.since), until=args.until, lang=args.lang,
                          base_url=args.base_url)
    output = to_markdown(digest) if args.format == "md" else to_html(digest)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", encoding="utf-8")) if args.out else sys.stdout
        out.write(output)
    return 0


def _day(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError("expected YYYY-MM-DD") from exc


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the web app and the JSON API (SINOSCOPE_API_TOKEN enables writes)")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--base-url", help="the address readers use, for the digest's links (default: $SINOSCOPE_BASE_URL "
                                      "or http://HOST:PORT)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("digest", help="what changed over a period: key points, stories, forecasts, shifts, blindspots")
    p.add_argument("--since", default="7d", help="period ending today (or --until): 7d, 2w, 30 (days)")
    p.add_argument("--until", type=_day, help="last day of the period, YYYY-MM-DD (default: today)")
    p.add_argument("--lang", choices=("en", "zh"), default="en")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--base-url", default="http://127.0.0.1:8000", help="the web app's address, for the links")
    p.add_argument("--out", help="write here instead of standard output")
    p.set_defaults(func=cmd_digest)
