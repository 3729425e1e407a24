"""A long fuzzing campaign over `analyze` (text, HTML, bytes made from the sample corpus).

Runs N seeded inputs through the whole pipeline (tests/fuzz_target.py: the mutator and the oracle) and
reports crashes (exceptions or internal errors), inputs over their time budget (too_slow), results whose
spans do not hold, the error kinds met, and the slowest input's time per KB. Problem inputs are written
to --out (each a file) so they can be replayed; the same --seed gives the same inputs.

    python bench/fuzz_campaign.py [--inputs 100000] [--seed 1] [--out /tmp/fuzz-problems]
    python bench/fuzz_campaign.py --replay /tmp/fuzz-problems     # re-run saved problem inputs

The budget is wall-clock: on a loaded machine an input can go over it for want of CPU, so replay the
`too_slow` ones on a quiet machine before counting them.
"""

from __future__ import annotations

import argparse
import collections
import logging
import pathlib
import random
import re
import signal
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz_target import SAMPLES, mutate, run_one  # noqa: E402 - after the path set-up
from sinoscope.pipeline import Pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/sinoscope-fuzz-problems"))
    parser.add_argument("--seconds", type=float, default=None, help="stop after this long (the summary still prints)")
    parser.add_argument("--every", type=int, default=5_000, help="print progress every N inputs")
    parser.add_argument("--replay", type=pathlib.Path, help="re-run the saved inputs in this folder and stop")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)

    logging.disable(logging.CRITICAL)  # the oracle reports problems; the analyser's own log would repeat them
    rng = random.Random(args.seed)
    pipeline = Pipeline()
    for sample in SAMPLES:  # models load lazily: warm them up so the first inputs' times are honest
        run_one(pipeline, "txt", sample)
    kinds: collections.Counter[str] = collections.Counter()
    problems = 0
    signatures: collections.Counter[str] = collections.Counter()  # problems grouped by their message
    slowest = (0.0, 0, "")  # seconds per KB, size, label
    total_bytes = 0
    started = time.monotonic()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a stopped campaign still reports
    n = 0
    try:
        for n in range(1, args.inputs + 1):
            if args.seconds and time.monotonic() - started > args.seconds:
                n -= 1
                break
            kind, data = mutate(rng)
            outcome = run_one(pipeline, kind, data)
            kinds[outcome.kind] += 1
            total_bytes += len(data)
            per_kb = outcome.seconds / max(len(data) / 1000, 1.0)  # inputs under 1 KB count as 1 KB
            if per_kb > slowest[0]:
                slowest = (per_kb, len(data), f"input {n} ({kind}, {outcome.seconds:.2f} s)")
            if outcome.problem:
                problems += 1
                signature = re.sub(r"'[^']*'|\d+", "…", outcome.problem)[:120]
                signatures[signature] += 1
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{n:06d}.{kind}").write_bytes(data)
                if signatures[signature] <= 3:
                    print(f"problem at input {n} ({kind}, {len(data)} bytes): {outcome.problem[:300]}", flush=True)
            if n % args.every == 0:
                rate = n / (time.monotonic() - started)
                print(f"{n:,} inputs, {rate:.0f}/s, {problems} problems, kinds {dict(kinds)}", flush=True)
    except KeyboardInterrupt:
        n -= 1
    elapsed = time.monotonic() - started
    print(f"inputs: {n:,} ({total_bytes / 1e6:.1f} MB) in {elapsed:.0f} s, seed {args.seed}")
    print(f"problems (crashes, internal errors, too_slow, broken spans): {problems}")
    print(f"outcomes: {dict(kinds)}")
    for signature, count in signatures.most_common():
        print(f"  {count:6d} × {signature}")
    print(f"slowest per KB: {slowest[0] * 1000:.1f} ms/KB, {slowest[2]}, {slowest[1]:,} bytes")
    return 1 if problems else 0


def replay(folder: pathlib.Path) -> int:
    logging.disable(logging.CRITICAL)
    pipeline = Pipeline()
    for sample in SAMPLES:
        run_one(pipeline, "txt", sample)
    failed = 0
    for path in sorted(folder.iterdir()):
        outcome = run_one(pipeline, path.suffix.lstrip(".") or "bin", path.read_bytes())
        failed += outcome.problem is not None
        print(f"{path.name}: {outcome.kind}, {outcome.seconds:.2f} s, {outcome.size:,} bytes"
              + (f" — {outcome.problem[:200]}" if outcome.problem else ""), flush=True)
    print(f"replayed {len(list(folder.iterdir()))} inputs: {failed} still fail")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
