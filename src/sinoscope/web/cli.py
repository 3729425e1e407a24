"""Web commands: `sinoscope serve` (pages + JSON API in one process) and `sinoscope digest`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

DB_HELP = "database URL or SQLite file (default: $SINOSCOPE_DB or ./sinoscope.db)"


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the web app and the JSON API (under /api) until interrupted."""
    import uvicorn

    from ..store.db import resolve_url
    from .app import create_web_app

    app = create_web_app(resolve_url(db_url), token=token or os.environ.get("SINOSCOPE_API_TOKEN"))
    print(f"sinoscope: serving http://{host}:{port}/ (API under /api)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def cmd_serve(args: argparse.Namespace) -> int:
    serve(args.db, args.host, args.port)
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
