"""The fuzz target over `analyze`: pages made from the sample corpus (text, HTML, bytes), cut, spliced and
salted with the shapes that broke sinoscope before, and the oracle every result must pass.

Shared by tests/test_hardening_fuzz.py (hypothesis, a bounded run in the suite) and bench/fuzz_campaign.py
(a long seeded campaign with its own fast mutator).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sinoscope.analyze import AnalysisError, analyze
from sinoscope.doc import Doc
from sinoscope.pipeline import Pipeline
from sinoscope.sources.inputs import RawInput

SAMPLES_DIR = Path(str(resources.files("sinoscope") / "samples"))
SAMPLES: list[bytes] = [p.read_bytes() for p in sorted(SAMPLES_DIR.iterdir()) if p.is_file()]
# Shapes that broke or slowed the analysis before, and the characters that trip offsets and parsers.
TOKENS: list[bytes] = [s.encode() for s in (
    ".07.11", "1,2.3,4.5.6", "0.1.2.3", "12,34,5", "1e309", "$.5bn", "¥12.3亿", "四十亿五千万", "二〇三〇年", "50%-60%",
    "~", "±", "between 3 and", "said", "told reporters", " said that ", "表示:", "认为,", "称“", "“", "”", "「", "」",
    "‘", "’", "\"", ":", "——", "……", "—", "-", "·", "•", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028", "\r", "\r\n",
    "\n\n", "\t", "\x0b", "\x85", "\x00", "\ufffd", "<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>",
    "<!--", "-->", "<![CDATA[", "]]>", "&#0;", "&amp;", "&#x10FFFF;", "<html><body>", "<title>", "<meta charset=big5>",
    "<?xml version='1.0'?>", "By ", "记者 ", "Comments", "评论 (3)", "相关文章", "2031年2月30日", "March 32, 2031",
    "2031-13-01", "by 2030", "probably", "70%", "will", "could overtake", "the gap is narrowing", "黄仁勋",
    "Jensen Huang", "Nvidia", "华为", "𠀀", "😀", "ǅ", "İ", "ß", "ﬁ",
)]
KINDS = ("txt", "html", "bin")


@dataclass
class Outcome:
    kind: str  # "doc" | an AnalysisError kind
    seconds: float
    size: int
    problem: str | None = None  # why the result breaks the contract, if it does


def check(result: Doc | AnalysisError) -> str | None:
    """What is wrong with one result (None: nothing). Errors must be clear; a Doc's spans must hold."""
    if isinstance(result, AnalysisError):
        if result.kind in ("internal", "too_slow"):
            return f"{result.kind}: {result.message[:300]}"
        if not result.message or "Traceback" in result.message:
            return f"unclear error: {result!r}"
        return None
    text = result.text
    for p in result.paragraphs:
        if text[p.start:p.end] != p.text:
            return f"paragraph offsets do not hold: {p.start}-{p.end}"
    for name, spans in result.layers.items():
        for span in spans:
            start, end = getattr(span, "start", None), getattr(span, "end", None)
            if isinstance(start, int) and isinstance(end, int) and not 0 <= start <= end <= len(text):
                return f"{name} span out of range: {start}-{end}"
    return None


def run_one(pipeline: Pipeline, kind: str, data: bytes) -> Outcome:
    """Analyse one fuzzed input and judge it; exceptions out of `analyze` are problems too."""
    name = {"txt": "fuzz.txt", "html": "fuzz.html", "bin": "fuzz"}[kind]
    started = time.perf_counter()
    try:
        result = analyze(RawInput(name, data), pipeline)
    except BaseException as exc:  # noqa: BLE001 - the oracle reports it; analyze must never raise
        if isinstance(exc, KeyboardInterrupt):
            raise
        return Outcome("raised", time.perf_counter() - started, len(data), f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    return Outcome("doc" if isinstance(result, Doc) else result.kind, seconds, len(data), check(result))


def mutate(rng: random.Random) -> tuple[str, bytes]:
    """One input for the campaign: a slice of a sample page (or two spliced), with a few mutations."""
    sample = rng.choice(SAMPLES)
    if rng.random() < 0.04:
        data = bytearray(sample)
    else:
        start = rng.randrange(len(sample))
        data = bytearray(sample[start:start + rng.choice((40, 120, 300, 600, 1500))])
    if rng.random() < 0.15:
        other = rng.choice(SAMPLES)
        cut = rng.randrange(len(other))
        where = rng.randrange(len(data) + 1)
        data[where:where] = other[cut:cut + rng.choice((100, 600))]
    for _ in range(rng.choice((0, 1, 2, 3, 5, 8))):
        where = rng.randrange(len(data) + 1)
        action = rng.random()
        if action < 0.45:
            data[where:where] = rng.choice(TOKENS) * rng.choice((1, 1, 1, 2, 5, 40))
        elif action < 0.6:
            data[where:where] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
        elif action < 0.75 and data:
            del data[where:where + rng.randrange(1, 64)]
        elif action < 0.9 and data:
            data[where:where] = data[where:where + rng.randrange(1, 200)] * rng.choice((2, 3, 10))
        elif data:
            data[min(where, len(data) - 1)] ^= 1 << rng.randrange(8)
    kind = rng.choice(KINDS)
    if rng.random() < 0.03:  # re-encoded pages
        text = bytes(data).decode("utf-8", "replace")
        data = bytearray(text.encode(rng.choice(("utf-16-le", "utf-16", "gb18030", "big5")), "replace"))
    return kind, bytes(data)
