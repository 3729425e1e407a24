"""How much the claims stages (quotes, figures, forecasts, stance) add to `analyze`.

Times the whole pipeline with and without the claims stages on the extraction-benchmark pages
(listed by ../shared/eval/extraction_score.py), or on the sample pages when ../shared is absent.
Target: the claims add at most 50% to analyze's time.

    python bench/claims_bench.py [--limit 60]
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLAIMS = ("quotes", "figures", "forecasts", "stance")


def pages(limit: int) -> list[str]:
    scorer = SHARED / "eval" / "extraction_score.py"
    found: list[str] = []
    if scorer.exists():
        for subset in ("zh", "en"):
            out = subprocess.run([sys.executable, str(scorer), "--set", subset, "--list"], capture_output=True,
                                 text=True, check=False)
            found.extend(line for line in out.stdout.splitlines()[: limit // 2] if line.strip())
    if not found:
        found = [str(p) for p in sorted((ROOT / "samples").glob("*")) if p.is_file()][:limit]
    return found


def run(paths: list[str], exclude: tuple[str, ...]) -> float:
    from sinoscope.analyze import analyze
    from sinoscope.pipeline import Pipeline
    from sinoscope.sources.inputs import iter_inputs

    pipeline = Pipeline(exclude=exclude)
    raws = list(iter_inputs(paths))
    start = time.perf_counter()
    for raw in raws:
        analyze(raw, pipeline)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=60, help="pages to time (half Chinese, half English)")
    args = ap.parse_args()
    paths = pages(args.limit)
    if not paths:
        print("claims_bench: no pages found (../shared absent and no samples); skipped")
        return 0
    run(paths[:2], ())  # load models and caches once, outside the timing
    without = run(paths, CLAIMS)
    with_claims = run(paths, ())
    ratio = (with_claims - without) / without if without else 0.0
    print(f"claims_bench: {len(paths)} pages | analyze without claims {without:.2f}s | with claims "
          f"{with_claims:.2f}s | claims add {ratio:.0%} (target <= 50%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
