"""Run sinoscope's HTML extraction over the main-content-extraction benchmark and write scorer JSONL.

Usage (from the repository root):
    .venv/bin/python eval/extraction_eval.py --set zh --out /tmp/zh.jsonl
    python3 ../shared/eval/extraction_score.py --set zh --pred /tmp/zh.jsonl

Reads the page list from ../shared/eval/extraction_score.py; exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SCORER = ROOT.parent / "shared" / "eval" / "extraction_score.py"

from sinoscope.anatomy.html import HtmlError, extract_html  # noqa: E402
from sinoscope.sources.decode import DecodeError, decode_bytes  # noqa: E402


def read_page(path: pathlib.Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return decode_bytes(data).text


def page_paths(subset: str) -> list[pathlib.Path]:
    listing = subprocess.run([sys.executable, str(SCORER), "--set", subset, "--list"],
                             capture_output=True, text=True, check=True)
    return [pathlib.Path(line) for line in listing.stdout.splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("zh", "en"), required=True)
    parser.add_argument("--out", required=True, help="JSONL file to write")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"skipped: {SCORER} not found (../shared is absent)")
        return 0
    failures = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for path in page_paths(args.set):
            try:
                page = extract_html(read_page(path))
                body = "\n".join(page.paragraphs)
            except (HtmlError, DecodeError) as error:
                failures += 1
                print(f"{path.name}: {error}", file=sys.stderr)
                body = ""
            out.write(json.dumps({"source": str(path), "body_text": body}, ensure_ascii=False) + "\n")
    print(f"wrote {args.out} ({failures} pages without content)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
