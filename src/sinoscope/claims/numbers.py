"""Numeral parsing: Arabic numerals (with separators, exponents, fractions, k/M/bn suffixes) and
Chinese numerals (万/亿/兆, 两, 〇/零, 十几, 数万亿, mixed "3.5万", financial 壹贰叁).

Everything works on a *same-length* normalised copy of the text (full-width → ASCII, traditional →
simplified numeral characters), so every offset found there is an offset into the original text.
English number words live in ``numbers_en``; ``find_numbers`` merges all scanners.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# --- same-length normalisation -------------------------------------------------------------------
_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII block
_TABLE.update({0x3000: " ", 0x2212: "-", 0x2013: "-", 0x2014: "-", 0xFE63: "-", 0x00A0: " "})
_TABLE.update(
    {ord(a): b for a, b in zip("萬億點兩負個幾貳參陸對雙倆佰仟", "万亿点两负个几贰叁陆对双俩百千", strict=True)}
)
_TABLE.update(
    {
        ord("壹"): "一",
        ord("贰"): "二",
        ord("叁"): "三",
        ord("〇"): "零",
        ord("圓"): "圆",
        ord("塊"): "块",
        ord("億"): "亿",
    }
)
_ASCII_DIGIT_COMMA = re.compile(r"(?<=[0-9])，")
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[A-Za-z]+")
HAN = re.compile(r"[\u4e00-\u9fff]")


def normalize(text: str) -> str:
    """Map full-width and traditional numeral characters one-to-one, so offsets stay valid."""
    norm = text.translate(_TABLE)
    if "，" in text:  # "$20，300美圆": after an ASCII digit a full-width comma separates, it does not group
        keep = [m.start() for m in _ASCII_DIGIT_COMMA.finditer(text)]
        if keep:
            chars = list(norm)
            for i in keep:
                chars[i] = "，"
            norm = "".join(chars)
    return norm


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: float
    script: str  # "arabic" | "zh" | "en"
    approximate: bool = False  # 几/多/余/数 inside the numeral
    low_high: tuple[float, float] | None = None  # vague numerals: 十几 → (11, 19), 数万 → (1e4, 1e5)
    suffix: str = ""  # multiplier letters glued to an Arabic number: "k", "bn", "M" ...
    fraction: bool = False
    glued: str = ""  # letters glued to an Arabic number ("7nm", "3x", "5G"); callers decide


# --- Arabic numerals -----------------------------------------------------------------------------
# A "blob" is digits joined by single separators; the separators are interpreted afterwards, so
# "192.168.1.2", "1,234,567", "22,24,26" and "1,3" are each told apart in one place.
_BLOB = re.compile(r"(?<![A-Za-z0-9_])(?:\.(?=\d))?\d(?:\d|[.,](?=\d))*")
_SPACE_GROUPS = re.compile(r"(?:[ \u202f]\d{3})+(?![\d,])(?:\.\d+)?")
_EXPONENT = re.compile(r"(?:[eE](?P<e>[-+]?\d+)|\^(?P<p>[-+]*\d+))(?![\w.])")
_FRACTION_TAIL = re.compile(r"\s*/\s*(\d+)(?![\d/.,]|\s*/)")
_MIXED_FRACTION = re.compile(r"\s+(\d+)\s*/\s*(\d+)(?![\d/.,])")
_SUFFIX = re.compile(r"\s{0,2}(bn|bln|tln|tn|mn|mil|MM|mm|[kKMGbBm])(?![A-Za-z0-9])")
SUFFIX_VALUES = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mm": 1e6, "mil": 1e6, "mn": 1e6, "m": 1e6,
    "G": 1e9, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12,
}  # fmt: skip
# Suffixes a bare number may carry outside a money context: "m"/"B" alone are too often units or
# model names ("3m", "910B"), "mm" is millimetres.
_PLAIN_SUFFIXES = {"k", "K", "bn", "bln", "tln", "tn", "mn", "mil"}
_NUMBER_MODE_SUFFIXES = _PLAIN_SUFFIXES | {"M", "MM", "mm", "G", "b", "B"}


def _split_blob(blob: str, offset: int) -> list[tuple[int, int, float]]:
    """Interpret one blob of digits and separators as one number or several."""
    if blob.startswith("."):
        if blob[1:].isdigit():
            return [(offset, offset + len(blob), float("0" + blob))]
        blob, offset = blob[1:], offset + 1  # ".07.11": the dot is punctuation, read what follows
    commas, dots = blob.count(","), blob.count(".")
    if not commas and dots <= 1:
        return [(offset, offset + len(blob), float(blob))]
    if commas and dots <= 1 and (not dots or blob.index(".") > blob.rindex(",")):
        whole, _, decimals = blob.partition(".")
        groups = whole.split(",")
        if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return [(offset, offset + len(blob), float(whole.replace(",", "") + ("." + decimals if dots else "")))]
        if commas == 1 and not dots and 1 <= len(groups[1]) <= 2:  # decimal comma: "1,3"
            return [(offset, offset + len(blob), float(whole.replace(",", ".")))]
    parts: list[tuple[int, int, float]] = []
    for match in _DIGITS.finditer(blob):
        parts.append((offset + match.start(), offset + match.end(), float(match.group())))
    return parts


def _sign_start(norm: str, start: int) -> int:
    """Include a leading minus sign when it is a sign, not a hyphen or a range dash."""
    i = start - 1
    while i >= 0 and norm[i] in " \u202f":
        i -= 1
    if i < 0 or norm[i] != "-" or start - i > 2:
        return start
    j = i - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    if j >= 0 and (norm[j].isalnum() or norm[j] in "-.,/%"):
        return start
    return i


_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
           "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}  # fmt: skip
_VULGAR_RE = re.compile("[" + "".join(_VULGAR) + "]")
_TIMES_TEN = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)\s?[x×]\s?10\^([-+]?\d+)(?![\d.])")


def _power(factor: float, base: float, exponent: int) -> float:
    """factor * base**exponent, infinite instead of raising on overflow (such spans are dropped)."""
    try:
        return factor * base**exponent
    except (OverflowError, ZeroDivisionError):
        return math.inf


def _special_forms(norm: str) -> list[NumberSpan]:
    """'½', '1.3x10^6': forms the blob scanner does not see."""
    spans = [
        NumberSpan(m.start(), m.end(), _VULGAR[m.group()], "arabic", fraction=True) for m in _VULGAR_RE.finditer(norm)
    ]
    for m in _TIMES_TEN.finditer(norm):
        spans.append(NumberSpan(m.start(), m.end(), _power(float(m.group(1)), 10.0, int(m.group(2))), "arabic"))
    return spans


def scan_arabic(norm: str, suffixes: set[str] | None = None) -> list[NumberSpan]:
    """All Arabic numbers, each with its sign, exponent, fraction and multiplier suffix."""
    allowed = _PLAIN_SUFFIXES if suffixes is None else suffixes
    spans: list[NumberSpan] = _special_forms(norm) if ("^" in norm or _VULGAR_RE.search(norm)) else []
    pos = 0
    for blob in _BLOB.finditer(norm):
        if blob.start() < pos:
            continue
        start, end = blob.start(), blob.end()
        if norm[start] == "." and start > 0 and norm[start - 1] == ".":  # "...9" is 9, not 0.9
            start += 1
        pieces = _split_blob(norm[start:end], start)
        if len(pieces) > 1:
            spans.extend(NumberSpan(s, e, v, "arabic") for s, e, v in pieces)
            pos = end
            continue
        value = pieces[0][2]
        text = norm[start:end]
        is_plain_int = text.isdigit() and len(text) <= 3
        grouped = _SPACE_GROUPS.match(norm, end) if is_plain_int else None
        if grouped and not (start > 0 and norm[start - 1] in "/"):
            end = grouped.end()
            value = float(norm[start:end].replace(" ", "").replace("\u202f", ""))
        fraction = False
        suffix = ""
        exp = _EXPONENT.match(norm, end)
        frac = _FRACTION_TAIL.match(norm, end)
        mixed = _MIXED_FRACTION.match(norm, end) if text.isdigit() else None
        glued_before = start >= 2 and norm[start - 1] in "-/" and norm[start - 2].isdigit()
        if exp:
            if exp.group("e") is not None:
                value = _power(value, 10.0, int(exp.group("e")))
            else:
                raw = exp.group("p")
                power = int(raw.lstrip("+-")) * (-1 if raw.count("-") % 2 else 1)
                value = _power(1.0, value, power) if value else 0.0
            end = exp.end()
        elif mixed and not glued_before and int(mixed.group(2)) != 0:
            value = value + int(mixed.group(1)) / int(mixed.group(2))
            end, fraction = mixed.end(), True
        elif frac and text.isdigit() and not glued_before and int(frac.group(1)) != 0:
            value = value / int(frac.group(1))
            end, fraction = frac.end(), True
        else:
            suf = _SUFFIX.match(norm, end)
            if suf and suf.group(1) in allowed:
                suffix = suf.group(1)
                value *= SUFFIX_VALUES[suffix]
                end = suf.end()
            elif end < len(norm) and (norm[end].isascii() and norm[end].isalpha()):
                # glued to letters ("29km", "4th", "5G"): not a bare number; figures may keep units
                glued = _LETTERS.match(norm, end).group()
                spans.append(NumberSpan(start, end, value, "arabic", glued=glued))
                pos = end
                continue
        sign_at = _sign_start(norm, start)
        if sign_at < start:
            value, start = -value, sign_at
        spans.append(NumberSpan(start, end, value, "arabic", suffix=suffix, fraction=fraction))
        pos = end
    return spans


# --- merging -------------------------------------------------------------------------------------
def select_non_overlapping(spans: list[NumberSpan]) -> list[NumberSpan]:
    """Earliest first; at equal starts the longest; drop anything overlapping a kept span."""
    chosen: list[NumberSpan] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= last_end:
            chosen.append(span)
            last_end = span.end
    return chosen


def find_numbers(text: str, lang: str | None = None, number_mode: bool = False) -> list[NumberSpan]:
    """Every numeric expression in ``text`` (Arabic, Chinese, English words), offsets into ``text``."""
    from sinoscope.claims.numbers_en import scan_english  # local: these modules import NumberSpan from here
    from sinoscope.claims.numbers_zh import scan_zh

    if not text:
        return []
    norm = normalize(text)
    spans = scan_arabic(norm, _NUMBER_MODE_SUFFIXES if number_mode else None)
    if number_mode:
        spans = [s for s in spans if not s.glued]
    if lang != "en" and HAN.search(norm):
        spans += scan_zh(norm)
    if lang != "zh" and _LETTERS.search(norm):
        spans += scan_english(norm, spans, number_mode)
    return select_non_overlapping([s for s in spans if math.isfinite(s.value)])
