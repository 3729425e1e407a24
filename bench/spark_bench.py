"""The Spark job's scaling and overhead: local[1] against local[2], and against analyze in one process.

Generates a 2,000-record WARC corpus (gzipped, split over --files archives so that partitions can run
side by side, as CC-NEWS's many files do) from the 250 extraction-benchmark pages (listed by
../shared/eval/extraction_score.py), or from the bundled sample pages when ../shared is absent, in a
temporary folder (nothing is written to the repo). Then times:

- analyze in one process: `analyze()` + the JSON record, per page, with the pipeline loaded first —
  what `sinoscope analyze --format jsonl` does for each input;
- the Spark job (`sinoscope.spark.job.run`, Parquet written) on local[1] and on local[2], each on a
  fresh session; the job's time includes its workers loading the models.

Targets: local[2] throughput ≥ 1.7× local[1]; the job's per-record cost on local[1] ≤ 1.3× analyze's.
Needs pyspark, fastwarc, warcio, pyarrow (the [spark] extra) and Java; run it on a quiet machine.

    nice python bench/spark_bench.py [--records 2000] [--files 4]
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CRAWL_DATE = "2026-03-06T08:00:00Z"


def source_pages() -> list[tuple[str, bytes]]:
    """(name, HTML bytes): the extraction-benchmark pages, else the samples (text ones wrapped in HTML)."""
    scorer = SHARED / "eval" / "extraction_score.py"
    paths: list[pathlib.Path] = []
    if scorer.exists():
        for subset in ("zh", "en"):
            out = subprocess.run([sys.executable, str(scorer), "--set", subset, "--list"], capture_output=True,
                                 text=True, check=False)
            paths.extend(pathlib.Path(line) for line in out.stdout.splitlines() if line.strip())
    if paths:  # some are stored gzipped: the WARC holds the page as served
        return [(p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes())
                for p in paths]
    pages = []
    for path in sorted((ROOT / "src" / "sinoscope" / "samples").glob("*")):
        if path.suffix == ".html":
            pages.append((path.name, path.read_bytes()))
        elif path.suffix == ".txt" and not path.name.upper().startswith("README"):
            lines = path.read_text(encoding="utf-8").splitlines()
            body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line.strip())
            page = f"<html><head><title>{html.escape(lines[0])}</title></head><body><h1>{html.escape(lines[0])}" \
                   f"</h1>{body}</body></html>"
            pages.append((path.stem + ".html", page.encode("utf-8")))
    return pages


def write_corpus(folder: pathlib.Path, pages: list[tuple[str, bytes]], records: int, files: int) -> list[tuple]:
    """`records` response records over `files` WARC.gz archives and a manifest; returns (url, bytes) per record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    corpus = [(f"https://bench.example/{n}/{pages[n % len(pages)][0]}", pages[n % len(pages)][1])
              for n in range(records)]
    per_file = -(-records // files)
    names = []
    for f in range(files):
        name = f"bench-{f:02d}.warc.gz"
        names.append(name)
        with open(folder / name, "wb") as out:
            writer = WARCWriter(out, gzip=True)
            for url, body in corpus[f * per_file:(f + 1) * per_file]:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                              http_headers=headers,
                                                              warc_headers_dict={"WARC-Date": CRAWL_DATE}))
    (folder / "manifest.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    return corpus


def time_in_process(corpus: list[tuple]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of analysing every page in this process, models loaded first."""
    from sinoscope.analyze import AnalysisError, analyze, default_pipeline
    from sinoscope.export.record import to_record
    from sinoscope.sources.inputs import RawInput

    pipeline = default_pipeline()
    for url, body in corpus[:4]:  # models load lazily: warm them first, as the job's workers do on record one
        analyze(RawInput(url, body, content_type="text/html"), pipeline)
    start, cpu = time.perf_counter(), time.process_time()
    for url, body in corpus:
        result = analyze(RawInput(url, body, content_type="text/html"), pipeline)
        json.dumps(result.to_dict() if isinstance(result, AnalysisError) else to_record(result), ensure_ascii=False)
    return time.perf_counter() - start, time.process_time() - cpu


def _tree_cpu_seconds() -> float:
    """CPU time of this process's descendants (the JVM, the Python workers), read from /proc while they run:
    a figure the other tenants of a shared machine cannot inflate, unlike wall time."""
    ticks = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry.name)] = int(fields[1])
            # utime + stime, and cutime + cstime: workers that exited were reaped by their parent (the daemon)
            cpu[int(entry.name)] = sum(int(x) for x in fields[11:15]) / ticks

    def descends(pid: int) -> bool:
        while pid > 1:
            pid = parent.get(pid, 0)
            if pid == os.getpid():
                return True
        return False

    return sum(seconds for pid, seconds in cpu.items() if descends(pid))


def time_job(master: str, folder: pathlib.Path) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of the JVM and workers, counters) of one run on a fresh session."""
    from pyspark.sql import SparkSession

    from sinoscope.spark.job import run

    spark = (SparkSession.builder.master(master).appName(f"sinoscope-bench-{master}")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        cpu_before = _tree_cpu_seconds()
        start = time.perf_counter()
        counters = run(spark, str(folder / "manifest.txt"), str(folder / f"out-{master}"), files_per_partition=1,
                       overwrite=True)
        return time.perf_counter() - start, _tree_cpu_seconds() - cpu_before, dict(counters)
    finally:
        spark.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--files", type=int, default=4, help="archives the records are split over (partitions)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the in-process timing")
    args = ap.parse_args()
    try:
        import pyspark  # noqa: F401
        import warcio  # noqa: F401
    except ModuleNotFoundError as exc:
        print(f"spark_bench: {exc.name} is not installed (pip install -e '.[spark]'); skipped")
        return 0
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    pages = source_pages()
    with tempfile.TemporaryDirectory(prefix="sinoscope-spark-bench-") as tmp:
        folder = pathlib.Path(tmp)
        corpus = write_corpus(folder, pages, args.records, args.files)
        print(f"spark_bench: {len(corpus)} records from {len(pages)} pages in {args.files} WARC.gz archives",
              flush=True)
        n = len(corpus)
        baseline = None if args.no_baseline else time_in_process(corpus)
        if baseline is not None:
            print(f"  analyze in one process: {baseline[0]:.1f}s wall, {1000 * baseline[0] / n:.1f} ms/record; "
                  f"{1000 * baseline[1] / n:.1f} ms CPU/record", flush=True)
        runs = {}
        for master in ("local[1]", "local[2]"):
            wall, cpu, counters = runs[master] = time_job(master, folder)
            print(f"  spark {master}: {wall:.1f}s wall, {1000 * wall / n:.1f} ms/record, {n / wall:.1f} records/s; "
                  f"{1000 * cpu / n:.1f} ms CPU/record (JVM + workers)  {counters}", flush=True)
    (one, one_cpu, _), (two, _, _) = runs["local[1]"], runs["local[2]"]
    line = f"spark_bench: local[2] throughput {one / two:.2f}x local[1] (target >= 1.7)"
    if baseline:
        line += (f" | per record, local[1] / one process: {one / baseline[0]:.2f}x wall, "
                 f"{one_cpu / baseline[1]:.2f}x CPU (target <= 1.3)")
    print(line + f" | load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
