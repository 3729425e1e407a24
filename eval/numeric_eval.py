"""Score sinoscope's numeral parser on the Microsoft Recognizers-Text spec cases (zh + en).

    .venv/bin/python eval/numeric_eval.py [--show-failures [N]] [--data DIR]

Number cases are scored with ``extract_numbers`` (every numeric expression), Percent and Currency
cases with ``extract_figures`` filtered to kind percent / money. A case is exact when the set of
(normalised text, value, unit) we return equals the expected set. Expected results with no value
(a bare currency name such as "dollar", or "percent" alone) are not figures; they are compared with
``unit_mentions`` (currency and percent words outside any figure) and counted in the no-value column.
Cases the spec marks NotSupported for python are
scored too and reported in their own column.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sinoscope.claims.figures import extract_figures, extract_numbers  # noqa: E402
from sinoscope.claims.unit_mentions import unit_mentions  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "numeric-extraction" / "recognizers-text-specs"
FILES = [
    ("zh", "Number", "Number/Chinese/NumberModel.json"),
    ("zh", "Percent", "Number/Chinese/PercentModel.json"),
    ("zh", "Currency", "NumberWithUnit/Chinese/CurrencyModel.json"),
    ("en", "Number", "Number/English/NumberModel.json"),
    ("en", "Percent", "Number/English/PercentModel.json"),
    ("en", "Currency", "NumberWithUnit/English/CurrencyModel.json"),
]
# Spec unit names without an ISO code → our unit and the factor their value is divided by.
UNIT_NAMES = {
    "Dollar": ("USD", 1), "Pound": ("GBP", 1), "Franc": ("FRANC", 1), "Peseta": ("ESP", 1),
    "Netherlands guilder": ("NLG", 1), "Finnish markka": ("FIM", 1), "Rupee": ("INR", 1),
    "Bitcoin": ("BTC", 1), "Satoshi": ("BTC", 1e8), "Cent": ("USD", 100), "Pence": ("GBP", 100),
    "Penny": ("GBP", 100), "Sen": ("SEN", 1),
}  # fmt: skip
Item = tuple[str, float, str]


def _norm_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _expected(case: dict, model: str) -> tuple[list[Item], int]:
    items, dropped = [], 0
    for result in case.get("Results", []):
        resolution = result.get("Resolution") or {}
        raw = resolution.get("value")
        if raw in (None, "null"):
            dropped += 1
        value = math.nan if raw in (None, "null") else float(str(raw).rstrip("%"))
        unit = "number"
        if model == "Percent":
            unit = "percent"
        elif model == "Currency":
            iso = resolution.get("isoCurrency")
            if iso:
                unit = iso
            else:
                unit, factor = UNIT_NAMES.get(resolution.get("unit", ""), (resolution.get("unit", "?"), 1))
                value = value / factor
        items.append((_norm_text(result["Text"]), value, unit))
    return items, dropped


def _ours(text: str, lang: str, model: str) -> list[Item]:
    if model == "Number":
        found = extract_numbers(text, lang)
        return [(_norm_text(f.text), float(f.value), "number") for f in found]  # type: ignore[arg-type]
    kind = "percent" if model == "Percent" else "money"
    items = []
    for fig in extract_figures(text, lang):
        if fig.kind != kind:
            continue
        value = fig.value if isinstance(fig.value, float) else float("nan")
        items.append((_norm_text(fig.text), value, "percent" if kind == "percent" else fig.unit))
    items += [(_norm_text(u.text), math.nan, u.unit) for u in unit_mentions(text, lang) if u.kind == kind]
    return items


def _same(ours: list[Item], expected: list[Item]) -> bool:
    if len(ours) != len(expected):
        return False
    left = sorted(expected, key=lambda x: (x[0], x[2]))
    right = sorted(ours, key=lambda x: (x[0], x[2]))
    for (t1, v1, u1), (t2, v2, u2) in zip(left, right, strict=True):
        both_unvalued = math.isnan(v1) and math.isnan(v2)
        if t1 != t2 or u1 != u2 or not (both_unvalued or math.isclose(v1, v2, rel_tol=1e-6, abs_tol=1e-9)):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-failures", nargs="?", const=8, type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} not found (the shared datasets are not present)")
        return 0
    header = f"{'lang':4} {'model':8} {'all':>13} {'python-supported':>18} {'NotSupported(py)':>17} {'no-value':>8}"
    print(header)
    print("-" * len(header))
    failures: list[tuple[str, str, str, list[Item], list[Item], bool]] = []
    for lang, model, rel in FILES:
        path = args.data / rel
        if not path.exists():
            print(f"{lang:4} {model:8} missing {rel}")
            continue
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        counts = {"all": [0, 0], "py": [0, 0], "ns": [0, 0]}
        dropped_total = 0
        for case in cases:
            expected, dropped = _expected(case, model)
            dropped_total += dropped
            ours = _ours(case["Input"], lang, model)
            ok = _same(ours, expected)
            marks = f"{case.get('NotSupported', '')} {case.get('NotSupportedByDesign', '')}"
            unsupported = "python" in marks.lower()
            for key in ("all", "ns" if unsupported else "py"):
                counts[key][0] += ok
                counts[key][1] += 1
            if not ok:
                failures.append((lang, model, case["Input"], expected, ours, unsupported))

        def cell(key: str, counts: dict[str, list[int]] = counts) -> str:
            good, total = counts[key]
            return f"{good}/{total} ({100 * good / total:.1f}%)" if total else "-"

        print(f"{lang:4} {model:8} {cell('all'):>13} {cell('py'):>18} {cell('ns'):>17} {dropped_total:>8}")
    if args.show_failures:
        by_file: dict[tuple[str, str], int] = {}
        for lang, model, text, expected, ours, unsupported in failures:
            shown = by_file.get((lang, model), 0)
            if shown >= args.show_failures:
                continue
            by_file[(lang, model)] = shown + 1
            flag = " [NotSupported:python]" if unsupported else ""
            print(f"\n[{lang} {model}]{flag} {text[:140]!r}\n  expected {expected}\n  got      {ours}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
