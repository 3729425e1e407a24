"""Quote attribution on PolNeAR (English political news): run `analyze` on a split and score it.

    python eval/polnear_eval.py --split dev     # iterate here
    python eval/polnear_eval.py --split test    # report this

Equivalent to:
    python3 ../shared/eval/polnear_score.py --split test --list |
        xargs python -m sinoscope analyze --format jsonl --no-text > /tmp/pn.jsonl
    python3 ../shared/eval/polnear_score.py --split test --pred /tmp/pn.jsonl
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "polnear_score.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--pred", help="keep the analysis here (default: a temporary file)")
    args = ap.parse_args()
    if not SCORER.exists():
        print("polnear_eval: ../shared/eval/polnear_score.py not found; skipped")
        return 0
    listing = subprocess.run([sys.executable, str(SCORER), "--split", args.split, "--list"], capture_output=True,
                             text=True, check=True).stdout.split()
    pred = pathlib.Path(args.pred or tempfile.mkstemp(suffix=".jsonl")[1])
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "sinoscope", "analyze", "--format", "jsonl", "--no-text", *listing],
                       stdout=out, check=False)
    return subprocess.run([sys.executable, str(SCORER), "--split", args.split, "--pred", str(pred)],
                          check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
