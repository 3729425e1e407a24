"""Store commands: ingest, load, watch, stories, search, export, api."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys

from ..parallel import add_jobs_options
from ..sources.inputs import DEFAULT_MAX_BYTES

DB_HELP = "database URL or SQLite file (default: $SINOSCOPE_DB or ./sinoscope.db)"


def _ingestor(args: argparse.Namespace, allow_private: bool = False):  # noqa: ANN202 - store.ingest.Ingestor
    from .db import open_store
    from .ingest import Ingestor, IngestSettings

    settings = IngestSettings(
        allow_private=allow_private or args.allow_private or os.environ.get("SINOSCOPE_ALLOW_PRIVATE") == "1",
        max_bytes=args.max_bytes, stories=args.stories,
        pipeline=args.pipeline.split(",") if args.pipeline else None,
        exclude=args.exclude.split(",") if args.exclude else [])
    return Ingestor(open_store(args.db), settings)


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..parallel import default_jobs
    from .ingest import report_progress

    counts = report_progress(_ingestor(args).ingest_specs(args.paths, args.jobs or default_jobs(), args.worker_mb))
    return 1 if counts["failed"] and not (counts["added"] or counts["duplicate"] or counts["seen"]) else 0


def cmd_load(args: argparse.Namespace) -> int:
    from .db import open_store
    from .ingest import Ingestor, IngestSettings, report_progress
    from .parquet_load import load_parquet

    try:
        import pyarrow  # noqa: F401 - the loader reads Parquet with it
    except ModuleNotFoundError:
        print('sinoscope load: pyarrow is not installed (pip install -e ".[spark]")', file=sys.stderr)
        return 2
    ingestor = Ingestor(open_store(args.db), IngestSettings(stories=args.stories))
    try:
        counts = report_progress(load_parquet(ingestor, args.directory))
    except (FileNotFoundError, OSError) as exc:
        print(f"sinoscope load: {exc}", file=sys.stderr)
        return 2
    return 1 if counts["failed"] and not (counts["added"] or counts["duplicate"] or counts["seen"]) else 0


def cmd_watch(args: argparse.Namespace) -> int:
    from .feeds import load_feeds, watch

    feeds, interval, allow_private = load_feeds(args.feeds)
    if not feeds:
        print(f"sinoscope: {args.feeds} lists no feeds", file=sys.stderr)
        return 2
    watch(_ingestor(args, allow_private), feeds, args.interval or interval, once=args.once)
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    from .db import open_store
    from .queries import list_stories

    page = list_stories(open_store(args.db), blindspot=True if args.blindspots else None,
                        min_documents=args.min_documents, limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps(page, ensure_ascii=False, indent=1, default=str))
        return 0
    for story in page["items"]:
        cover = story["coverage"]
        langs = " ".join(f"{k}:{v}" for k, v in sorted(cover["by_language"].items()))
        flag = f"  [blindspot: {cover['blindspot_language']} only]" if cover["blindspot"] else ""
        print(f"#{story['id']:<6} {story['last_date'] or '?':<10} {story['doc_count']:>3} docs  {langs}{flag}  "
              f"{(story['title'] or '')[:80]}")
    print(f"{page['total']} stories", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .db import open_store
    from .search import SearchQuery, search

    result = search(open_store(args.db), SearchQuery(q=" ".join(args.query), lang=args.lang, outlet=args.outlet,
                                                     since=args.since, until=args.until, limit=args.limit,
                                                     expand=args.expand))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return 0
    for hit in result["results"]:
        print(f"{hit['id']:<7} {hit['published_date'] or '?':<10} {hit['lang'] or '?':<5} {(hit['title'] or '')[:70]}")
        print(f"        {hit['snippet']}")
        for m in hit.get("matched") or []:
            if not m["as_typed"]:
                print(f"        (matched {m['form']} for {m['term']})")
    more = "+" if result["total_is_lower_bound"] else ""
    print(f"{result['total']}{more} matches", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .db import open_store
    from .export import iter_export

    engine = open_store(args.db)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", encoding="utf-8", newline="")) if args.out else sys.stdout
        for chunk in iter_export(engine, args.table, args.format, limit=args.limit):
            out.write(chunk)
    return 0


def cmd_api(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api.app import create_app
    from .db import resolve_url

    app = create_app(resolve_url(args.db), token=os.environ.get("SINOSCOPE_API_TOKEN"),
                     allow_private=args.allow_private)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size cap per input")
    p.add_argument("--allow-private", action="store_true",
                   help="fetch URLs on private or loopback addresses (also SINOSCOPE_ALLOW_PRIVATE=1)")
    p.add_argument("--no-stories", dest="stories", action="store_false", help="skip story grouping")
    p.add_argument("--pipeline", help="comma-separated analysis components to run (default: all)")
    p.add_argument("--exclude", help="comma-separated analysis components to skip")


WATCH_DESCRIPTION = """Poll RSS/Atom feeds and ingest their new entries (an entry with its full text is
taken as it is, else its link is fetched); entries already stored are skipped.

FEEDS.yaml lists the feeds:

    interval: 900          # seconds between polls (default 900; --interval overrides it)
    allow_private: false   # fetch links on private/loopback addresses (or --allow-private)
    feeds:
      - https://example.org/rss.xml
      - {url: https://example.com/atom, outlet: Example Daily}   # outlet: the name to store

Stop it with Ctrl-C; --once polls once and exits."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="analyse pages, URLs and RSS/Atom feeds into the corpus database")
    p.add_argument("paths", nargs="+", metavar="PATH|URL|FEED")
    _ingest_options(p)
    add_jobs_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("load", help="load the Parquet tables of `sinoscope spark analyze` into the corpus database")
    p.add_argument("directory", metavar="DIR", help="the job's --out folder")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--no-stories", dest="stories", action="store_false", help="skip story grouping")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("watch", help="poll the feeds listed in FEEDS.yaml and ingest new entries",
                       description=WATCH_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("feeds", metavar="FEEDS.yaml", help="the feeds to poll (format above)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--interval", type=int, help="seconds between polls (overrides the file)")
    _ingest_options(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("stories", help="list stories with their coverage by language and outlet")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--blindspots", action="store_true", help="only stories covered in one language")
    p.add_argument("--min-documents", type=int, default=1)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("search", help="full-text search of the corpus (Chinese and English)")
    p.add_argument("query", nargs="+")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--lang")
    p.add_argument("--outlet")
    p.add_argument("--since", help="YYYY-MM-DD")
    p.add_argument("--until", help="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--as-typed", dest="expand", action="store_false",
                   help="search the words as typed (by default a knowledge-base name also finds its other forms: "
                        "Nvidia / 英伟达)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="export a table of the corpus as CSV or JSONL",
                       description="Export one table of the corpus, streamed. Tables: documents (the default), "
                                   "stories, entities, mentions, quotes, figures, forecasts. CSV cells that "
                                   "start like a spreadsheet formula get a leading apostrophe.")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--format", choices=("csv", "jsonl"), default="jsonl", help="default: jsonl")
    p.add_argument("--table", default="documents", metavar="TABLE",
                   choices=("documents", "stories", "entities", "mentions", "quotes", "figures", "forecasts"),
                   help="documents (default), stories, entities, mentions, quotes, figures or forecasts")
    p.add_argument("--limit", type=int, help="at most this many rows (default: all)")
    p.add_argument("--out", help="write here instead of standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("api", help="serve the JSON API (docs at /docs); SINOSCOPE_API_TOKEN enables writes")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--allow-private", action="store_true", help="let POST /ingest fetch private addresses")
    p.set_defaults(func=cmd_api)
