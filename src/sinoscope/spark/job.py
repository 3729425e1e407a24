"""The Spark job: a manifest of crawl archives → Parquet tables partitioned by language and month.

The shape of Common Crawl's cc-pyspark: the manifest's archives are spread over partitions (a few
archives each); `mapPartitionsWithIndex` streams each archive in its partition and analyses one
record at a time with the models loaded once per worker; the kept pages become one DataFrame,
cached, from which each table is written (the fact tables exploded from arrays). Counters (records
read, kept, failed, skipped by reason) are summed in an accumulator and reported at the end.

    sinoscope spark analyze MANIFEST --out DIR [--master local[*]]          # builds its own session
    spark-submit [options] src/sinoscope/spark/submit.py MANIFEST --out DIR  # the cluster's session
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from sinoscope.sources.crawl import is_streamable, read_manifest, scheme_of
from sinoscope.spark.process import JobSettings, PageProcessor, analyse_archives, analyse_blob
from sinoscope.spark.schema import PARTITION_COLUMNS, TABLES, TRACE, ddl, page_columns, table_columns

log = logging.getLogger("sinoscope.spark")
MAIN_COUNTERS = ("records_read", "kept", "failed")
HADOOP_SCHEME_ALIASES = {"s3": "s3a", "s3n": "s3a"}  # Hadoop 3 reads S3 through the S3A connector only


class JobError(RuntimeError):
    """The job cannot start (an empty manifest, an unreadable scheme, an output in the way)."""


class CounterParam:
    """An accumulator of Counters: each partition adds its tallies once, when it is done."""

    def zero(self, value: Counter) -> Counter:
        return Counter()

    def addInPlace(self, a: Counter, b: Counter) -> Counter:  # noqa: N802 - Spark's AccumulatorParam API
        a.update(b)
        return a


def _counted(rows: Iterator[tuple], tally: Counter, accumulator: Any) -> Iterator[tuple]:  # noqa: ANN401
    yield from rows
    accumulator.add(tally)


def _partition(settings: JobSettings, accumulator: Any, _index: int, locations: Iterable[str]) -> Iterator[tuple]:  # noqa: ANN401
    tally: Counter = Counter()
    yield from _counted(analyse_archives(locations, settings, lambda name: tally.update((name,))), tally, accumulator)


def _blob_partition(settings: JobSettings, accumulator: Any, blobs: Iterable[tuple[str, bytes]]) -> Iterator[tuple]:  # noqa: ANN401
    tally: Counter = Counter()
    processor = PageProcessor(settings)

    def rows() -> Iterator[tuple]:
        for location, data in blobs:
            yield from analyse_blob(location, data, settings, processor, lambda name: tally.update((name,)))

    yield from _counted(rows(), tally, accumulator)


def _manifest(spark: Any, manifest: str) -> list[str]:  # noqa: ANN401
    if is_streamable(manifest) and not scheme_of(manifest):
        return read_manifest(manifest)
    lines = [row.value.strip() for row in spark.read.text(manifest).collect()]  # s3a://, hdfs://: Hadoop reads it
    return [line for line in lines if line and not line.startswith("#")]


def _hadoop_locations(spark: Any, locations: list[str]) -> list[str]:  # noqa: ANN401
    """Archives on a Hadoop file system, with their scheme checked on the driver before any work."""
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    out = []
    for location in locations:
        scheme = scheme_of(location)
        target = HADOOP_SCHEME_ALIASES.get(scheme, scheme)
        try:
            jvm.org.apache.hadoop.fs.FileSystem.getFileSystemClass(target, conf)
        except Exception as exc:  # noqa: BLE001 - py4j's error, whatever the JVM threw
            raise JobError(f"{location}: no Hadoop file system for {target}:// on the classpath "
                           f"(for S3: --packages org.apache.hadoop:hadoop-aws:<Spark's Hadoop version>)") from exc
        out.append(target + location[len(scheme):])
    return out


def _check_output(out: str, overwrite: bool) -> None:
    if scheme_of(out) or overwrite:
        return
    taken = [t for t in TABLES if (Path(out) / t).exists()]
    if taken:
        raise JobError(f"{out} already holds {', '.join(taken)} (use --overwrite to replace them)")


def run(spark: Any, manifest: str, out: str, settings: JobSettings | None = None,  # noqa: ANN401 - SparkSession
        files_per_partition: int = 2, overwrite: bool = False) -> Counter:
    """Analyse every archive the manifest lists into `out`; return the counters."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F  # noqa: N812 - Spark's own convention

    settings = settings or JobSettings()
    locations = _manifest(spark, manifest)
    if not locations:
        raise JobError(f"{manifest} lists no archives")
    _check_output(out, overwrite)
    sc = spark.sparkContext
    accumulator = sc.accumulator(Counter(), CounterParam())
    streamed = [x for x in locations if is_streamable(x)]
    hadoop = _hadoop_locations(spark, [x for x in locations if not is_streamable(x)])
    parts = []
    if streamed:
        slices = max(1, math.ceil(len(streamed) / max(1, files_per_partition)))
        archives = sc.parallelize(streamed, slices)
        parts.append(archives.mapPartitionsWithIndex(partial(_partition, settings, accumulator)))
    if hadoop:  # Spark reads each such archive whole (an executor needs memory for its largest archive)
        blobs = sc.binaryFiles(",".join(hadoop), minPartitions=math.ceil(len(hadoop) / max(1, files_per_partition)))
        parts.append(blobs.mapPartitions(partial(_blob_partition, settings, accumulator)))
    rdd = parts[0] if len(parts) == 1 else sc.union(parts)

    pages = spark.createDataFrame(rdd, schema=ddl(page_columns())).persist(StorageLevel.MEMORY_AND_DISK)
    keys = [*PARTITION_COLUMNS, *(name for name, _ in TRACE)]
    mode = "overwrite" if overwrite else "errorifexists"
    try:
        for table in TABLES:
            if table == "documents":
                frame = pages.select(*(name for name, _ in table_columns(table)))
            else:
                frame = pages.select(*keys, F.inline(table))
            frame.write.mode(mode).partitionBy(*PARTITION_COLUMNS).parquet(f"{out.rstrip('/')}/{table}")
    finally:
        pages.unpersist()
    counters = Counter({name: 0 for name in MAIN_COUNTERS})
    counters.update(accumulator.value)
    spark.createDataFrame([(json.dumps(dict(counters), sort_keys=True),)], "value string").coalesce(1) \
        .write.mode("overwrite").text(f"{out.rstrip('/')}/_counters")
    return counters


def describe(counters: Counter) -> str:
    main = ", ".join(f"{counters[name]} {name.replace('_', ' ')}" for name in MAIN_COUNTERS)
    rest = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(counters.items())
                     if k not in MAIN_COUNTERS and v)
    return f"sinoscope spark: {main}" + (f" ({rest})" if rest else "")


def analyze_command(args: argparse.Namespace, spark: Any) -> int:  # noqa: ANN401
    """Run the job on a session and report; exit status 1 when no record was kept and some failed."""
    settings = JobSettings(kb_only=args.kb_only, max_bytes=args.max_bytes)
    try:
        counters = run(spark, args.manifest, args.out, settings, args.files_per_partition, args.overwrite)
    except (JobError, OSError) as exc:
        print(f"sinoscope spark analyze: {exc}", file=sys.stderr)
        return 2
    print(describe(counters), file=sys.stderr, flush=True)
    log.info("counters: %s", json.dumps(dict(counters), sort_keys=True))
    return 1 if counters["failed"] and not counters["kept"] else 0


def main(argv: list[str] | None = None) -> int:
    """spark-submit's entry: the session (master, resources) comes from spark-submit's options."""
    from pyspark.sql import SparkSession

    from sinoscope.spark.cli import add_arguments

    parser = argparse.ArgumentParser(prog="sinoscope-spark", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    log.setLevel(logging.INFO)  # the counters line; py4j's INFO chatter stays out
    builder = SparkSession.builder.appName("sinoscope-analyze")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        return analyze_command(args, spark)
    finally:
        spark.stop()

