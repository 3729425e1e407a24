"""How much the claims stages (quotes, figures, forecasts, stance) add to `analyze`.

Times the whole pipeline with and without the claims stages on the 250 extraction-benchmark pages
(listed by ../shared/eval/extraction_score.py), or on the sample pages when ../shared is absent.
Both pipelines are warmed up first (models load lazily), then timed alternately, best of --rounds.
Target: the claims add at most 50% to analyze's time.

    python bench/claims_bench.py [--limit N] [--rounds 2]
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
            lines = [line for line in out.stdout.splitlines() if line.strip()]
            found.extend(lines[: limit // 2] if limit else lines)
    if not found:
        samples = ROOT / "src" / "sinoscope" / "samples"
        found = [str(p) for p in sorted(samples.glob("*")) if p.suffix in (".txt", ".html")]
    return found[:limit] if limit else found


def run(raws: list, pipeline) -> float:  # noqa: ANN001 - RawInputs and a Pipeline, imported lazily
    from sinoscope.analyze import analyze

    start = time.perf_counter()
    for raw in raws:
        analyze(raw, pipeline)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="pages to time (half Chinese, half English; 0: all)")
    ap.add_argument("--rounds", type=int, default=2, help="timed passes of each pipeline (the best counts)")
    args = ap.parse_args()
    paths = pages(args.limit)
    if not paths:
        print("claims_bench: no pages found (../shared absent and no samples); skipped")
        return 0
    from sinoscope.pipeline import Pipeline
    from sinoscope.sources.inputs import iter_inputs

    raws = list(iter_inputs(paths))
    base, full = Pipeline(exclude=CLAIMS), Pipeline()
    warm = raws[:3] + raws[-3:]  # both languages: jieba, spaCy and the claims' own parses load here
    run(warm, base)
    run(warm, full)
    without = with_claims = float("inf")
    for _ in range(args.rounds):
        without = min(without, run(raws, base))
        with_claims = min(with_claims, run(raws, full))
    ratio = (with_claims - without) / without if without else 0.0
    print(f"claims_bench: {len(raws)} pages, best of {args.rounds} | analyze without claims {without:.2f}s | "
          f"with claims {with_claims:.2f}s | claims add {ratio:.0%} (target <= 50%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
