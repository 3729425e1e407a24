"""The `sinoscope` command line."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import logging
import sys
from collections.abc import Iterator
from typing import IO

from .analyze import AnalysisError
from .export.markdown import to_markdown
from .parallel import WorkerConfig, add_jobs_options, analyse_one, default_jobs, ordered_map
from .pipeline import DEFAULT_PIPELINE, Pipeline, check_names
from .sources.inputs import DEFAULT_MAX_BYTES, iter_inputs


def _records(args: argparse.Namespace) -> Iterator[dict]:
    names = args.pipeline.split(",") if args.pipeline else None
    exclude = args.exclude.split(",") if args.exclude else []
    raws = iter_inputs(args.paths, max_bytes=args.max_bytes, allow_private=args.allow_private)
    jobs = args.jobs or default_jobs()
    head = list(itertools.islice(raws, 2))  # a single input is analysed here: no worker to start
    raws = itertools.chain(head, raws)
    if jobs > 1 and len(head) > 1:  # worker processes analyse, this one writes, in input order
        config = WorkerConfig(names, exclude, args.seconds_per_100kb, include_text=args.text)
        yield from ordered_map(raws, jobs, config, lambda raw, kind, message: AnalysisError(
            raw.source, kind, message).to_dict(), budget_mb=args.worker_mb)
        return
    pipeline, config = Pipeline(names, exclude=exclude), WorkerConfig(seconds_per_100kb=args.seconds_per_100kb,
                                                                      include_text=args.text)
    for raw in raws:
        yield analyse_one(raw, pipeline, config)


def _write(records: Iterator[dict], fmt: str, out: IO[str]) -> bool:
    """Stream the records out; True if every input was analysed."""
    all_ok = True
    if fmt == "json":
        out.write("[")
    for n, record in enumerate(records):
        all_ok &= "error" not in record
        if "error" in record:
            print(f"sinoscope: {record['source']}: {record['error']['message']}", file=sys.stderr)
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False, indent=1))
        else:
            out.write(to_markdown(record) + "\n")
        out.flush()
    if fmt == "json":
        out.write("\n]\n")
    return all_ok


def cmd_analyze(args: argparse.Namespace) -> int:
    try:  # check the stage names before reading any input
        check_names(args.pipeline.split(",") if args.pipeline else [])
    except ValueError as exc:
        print(f"sinoscope analyze: {exc}", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", encoding="utf-8")) if args.out else sys.stdout
        return 0 if _write(_records(args), args.format, out) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sinoscope", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse pages (files, folders, URLs, '-' for stdin) into structured records")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file (.txt .md .html .htm, or .gz), folder, URL or -")
    p.add_argument("--format", choices=("jsonl", "json", "md"), default="jsonl")
    p.add_argument("--out", help="write here instead of standard output")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size cap per input")
    p.add_argument("--allow-private", action="store_true", help="allow URLs on private or loopback addresses")
    p.add_argument("--seconds-per-100kb", type=float, default=None, metavar="S",
                   help="time budget per document (default: $SINOSCOPE_SECONDS_PER_100KB or 3; 0: none); "
                        "a document over it is a too_slow error")
    p.add_argument("--pipeline", help=f"comma-separated components to run (default: all of {list(DEFAULT_PIPELINE)})")
    p.add_argument("--exclude", help="comma-separated components to skip")
    p.add_argument("--no-text", dest="text", action="store_false", help="leave the original text out of records")
    add_jobs_options(p)
    p.set_defaults(func=cmd_analyze)

    _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: argparse._SubParsersAction) -> None:
    """Commands of later layers (knowledge base, store, web) register themselves here."""
    from importlib import import_module

    for module in ("sinoscope.demo", "sinoscope.kb.cli", "sinoscope.store.cli", "sinoscope.web.cli",
                   "sinoscope.spark.cli"):
        try:
            import_module(module).register(sub)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except BrokenPipeError:  # `sinoscope analyze ... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        store = sys.modules.get(f"{__package__}.store.db")  # only a command that opened a store can raise its error
        if store is None or not isinstance(exc, store.StoreError):
            raise
        print(f"sinoscope: {exc}", file=sys.stderr)  # a corrupt, read-only or unreachable database: one line
        return 2


if __name__ == "__main__":
    sys.exit(main())
