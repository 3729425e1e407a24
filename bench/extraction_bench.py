"""Throughput and peak memory of sinoscope's HTML extraction vs trafilatura alone, on the benchmark pages.

Usage (from the repository root):
    .venv/bin/python bench/extraction_bench.py [--target module:function] [--limit N]

--target names any callable taking (html_text) — default sinoscope.analyze:analyze_html, the whole `analyze`
pipeline; sinoscope.anatomy.html:extract_html times the HTML extraction alone. Both sides run in this process
on the same decoded pages, timed in CPU seconds (the process's own, so a busy machine does not skew the
ratio); peak memory is tracemalloc's peak over one pass. Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib
import pathlib
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SCORER = ROOT.parent / "shared" / "eval" / "extraction_score.py"
DEFAULT_TARGET = "sinoscope.analyze:analyze_html"  # the whole pipeline


def load_target(spec: str) -> Callable[[str], object]:
    module_name, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module_name), attribute or "extract_html")


def trafilatura_alone(html: str) -> object:
    import trafilatura

    return trafilatura.extract(html, include_comments=True)


def load_pages(limit: int | None) -> list[str]:
    from sinoscope.sources.decode import decode_bytes

    pages = []
    for subset in ("zh", "en"):
        listing = subprocess.run([sys.executable, str(SCORER), "--set", subset, "--list"],
                                 capture_output=True, text=True, check=True)
        for line in listing.stdout.splitlines():
            data = pathlib.Path(line).read_bytes()
            pages.append(decode_bytes(gzip.decompress(data) if line.endswith(".gz") else data).text)
    return pages[:limit] if limit else pages


def measure(function: Callable[[str], object], pages: list[str]) -> tuple[float, int, int]:
    """CPU seconds for one pass, peak traced bytes (separate pass, as tracing slows code), failures."""
    failures = 0
    start = time.process_time()
    for html in pages:
        try:
            function(html)
        except ValueError:  # HtmlError and friends: a clean refusal still costs time, count it
            failures += 1
    seconds = time.process_time() - start
    tracemalloc.start()
    for html in pages[: max(1, len(pages) // 5)]:
        with contextlib.suppress(ValueError):
            function(html)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default=DEFAULT_TARGET, help="module:function taking HTML text")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"skipped: {SCORER} not found (../shared is absent)")
        return 0
    pages = load_pages(args.limit)
    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    target = load_target(args.target)
    target(pages[0])  # warm imports and caches outside the timing
    trafilatura_alone(pages[0])
    rows = [("trafilatura alone", *measure(trafilatura_alone, pages)), (args.target, *measure(target, pages))]
    base_seconds, base_peak = rows[0][1], rows[0][2]
    print(f"{len(pages)} pages, {megabytes:.1f} MB of decoded HTML")
    print(f"{'extractor':<42} {'pages/s':>8} {'MB/s':>7} {'peak MB':>8} {'time x':>7} {'mem x':>6} {'fail':>5}")
    for name, seconds, peak, failures in rows:
        print(f"{name:<42} {len(pages) / seconds:8.1f} {megabytes / seconds:7.2f} {peak / 1e6:8.1f} "
              f"{seconds / base_seconds:7.2f} {peak / base_peak:6.2f} {failures:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
