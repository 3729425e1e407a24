"""`sinoscope spark analyze MANIFEST --out DIR`: the Spark job from the sinoscope command, on its own session."""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from ..sources.inputs import DEFAULT_MAX_BYTES


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("manifest", metavar="MANIFEST",
                   help="text file: one WARC, WARC.gz or JSONL location a line (path, file://, https://, s3://)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (or Hadoop URI) for the Parquet tables")
    p.add_argument("--kb-only", action="store_true", help="keep only pages that name a knowledge-base entity")
    p.add_argument("--files-per-partition", type=int, default=2, metavar="N", help="archives per partition")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size cap per page")
    p.add_argument("--overwrite", action="store_true", help="replace the tables of an earlier run in DIR")
    p.add_argument("--master", help="Spark master (default: the session's, or local[*] from the sinoscope command)")


def cmd_analyze(args: argparse.Namespace) -> int:
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError:
        print('sinoscope spark: pyspark is not installed (pip install -e ".[spark]")', file=sys.stderr)
        return 2
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        print("sinoscope spark: Spark needs Java 17 or newer (bash scripts/system-deps.sh installs it)",
              file=sys.stderr)
        return 2
    from .job import analyze_command

    master = args.master or "local[*]"
    # The workers must run this interpreter (it has sinoscope and its models); a local session binds
    # to the loopback address rather than whatever the host name resolves to.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = SparkSession.builder.appName("sinoscope-analyze").master(master).getOrCreate()
    try:
        return analyze_command(args, spark)
    finally:
        spark.stop()


def register(sub: argparse._SubParsersAction) -> None:
    spark = sub.add_parser("spark", help="analyse crawl archives (CC-NEWS WARC, JSONL) at scale with Spark")
    spark_sub = spark.add_subparsers(dest="spark_command", required=True)
    p = spark_sub.add_parser("analyze", help="a manifest of WARC/JSONL archives → Parquet tables by language and month")
    add_arguments(p)
    p.set_defaults(func=cmd_analyze)
