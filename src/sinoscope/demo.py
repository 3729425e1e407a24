"""`sinoscope demo`: analyse the bundled sample corpus into SQLite and serve the web app.

Each sample page is analysed once; its record goes into the store (idempotently: a re-run adds
nothing) and into a readable Markdown report beside the database.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

from .analyze import AnalysisError, analyze
from .export.markdown import to_markdown
from .export.record import to_record
from .pipeline import Pipeline
from .sources.inputs import iter_inputs


def samples_dir() -> Path:
    return Path(str(resources.files("sinoscope") / "samples"))


def build_demo(out_dir: Path) -> tuple[Path, Path, dict[str, int]]:
    """Analyse every sample page into `out_dir`/demo.db and write `out_dir`/demo-report.md."""
    from .store.db import open_store
    from .store.ingest import Ingestor, input_hash, report_progress

    out_dir.mkdir(parents=True, exist_ok=True)
    db, report, jsonl = out_dir / "demo.db", out_dir / "demo-report.md", out_dir / "demo.jsonl"
    ingestor = Ingestor(open_store(str(db)))
    pipeline = Pipeline()

    def results():
        with report.open("w", encoding="utf-8") as md, jsonl.open("w", encoding="utf-8") as js:
            md.write(
                "# sinoscope demo — analysis of the bundled sample corpus\n\n"
                "The pages are samples written for sinoscope; their outlets and people are fictional.\n\n"
            )
            for raw in iter_inputs([str(samples_dir())]):
                result = analyze(raw, pipeline)
                record = result.to_dict() if isinstance(result, AnalysisError) else to_record(result)
                md.write(to_markdown(record) + "\n")
                js.write(json.dumps(record, ensure_ascii=False) + "\n")
                if isinstance(result, AnalysisError):
                    yield ingestor.ingest_raw(raw)  # reports the failure the same way as `sinoscope ingest`
                else:
                    yield ingestor.ingest_record(record, raw_hash=input_hash(raw))

    counts = report_progress(results())
    return db, report, counts


def cmd_demo(args: argparse.Namespace) -> int:
    db, report, counts = build_demo(Path(args.out))
    print(f"sinoscope demo: store {db}, report {report}")
    if counts.get("failed"):
        return 1
    if args.no_serve:
        return 0
    from .web.cli import serve

    # the store stays: serve it again later without re-analysing
    print(f"sinoscope demo: later, serve this store again with: sinoscope serve --db {db}", flush=True)
    serve(str(db), host=args.host, port=args.port)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="analyse the bundled sample corpus into SQLite and serve the web app")
    p.add_argument("--out", default="out", help="folder for the database and the report (default: out)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-serve", action="store_true", help="build the store and the report, then stop")
    p.set_defaults(func=cmd_demo)
