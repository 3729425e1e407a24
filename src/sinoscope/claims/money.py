"""Money around an amount: currency symbols, ISO codes and names before or after it, and small
change ("3 dollars 50 cents", "五元三毛"). Works on the normalised text from ``numbers.normalize``.
"""

from __future__ import annotations

import re

from sinoscope.claims import figure_units as U
from sinoscope.claims.numbers import HAN, NumberSpan

_GLUED_NOUN = re.compile(r"[A-Za-z\u4e00-\u9fff]")
_CENTS_WORD = re.compile(r"\s*(cents?|pence)?(?![A-Za-z])")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)?")


def currency_before(norm: str, start: int, lang: str | None, floor: int = 0) -> tuple[str, int] | None:
    """The currency written before an amount, not reaching back into the previous figure."""
    head = norm[max(0, start - 12, floor) : start]
    base = start - len(head)
    match = U.DOLLAR_BEFORE.search(head)
    if match:
        raw_code = match.group(1) or ""
        code = raw_code.lower()
        if code in U.DOLLAR_CODES and raw_code not in ("a", "s", "r"):  # "a $5 fine", "music's $5"
            return U.DOLLAR_CODES[code], base + match.start()
        return "USD", base + head.rindex("$")  # "by $5": the word before is not a country code
    match = U.SYMBOL_BEFORE.search(head)
    if match:
        sym = match.group(1)
        iso = U.SYMBOLS.get(sym) or ("CNY" if lang == "zh" or HAN.search(norm) else "JPY")
        return iso, base + match.start()
    match = U.CODE_BEFORE.search(head)
    if match and is_code(match.group(1)):
        return code_iso(match.group(1)), base + match.start()
    match = U.ZH_CURRENCY_BEFORE.search(head)
    if match:
        return U.ZH_CURRENCIES[match.group(1)], base + match.start()
    return None


def is_code(token: str) -> bool:
    return token in U.ISO_CODES or token in U.LOWER_OK_CODES


def code_iso(token: str) -> str:
    token = token.upper()
    return "CNY" if token == "RMB" else token


def currency_after(norm: str, end: int) -> tuple[str, int, float] | None:
    """(ISO code, end of the currency word, divisor for sub-units)."""
    match = U.ZH_CURRENCY_AFTER.match(norm, end)
    if match:
        word = match.group(1)
        after = norm[match.end() : match.end() + 1]
        glued_noun = _GLUED_NOUN.match(after) and after not in "钱人角毛"
        # "20万块GPU" (块 counts GPUs), "元宇宙", "元年": not money
        if word in ("块", "元", "圆") and glued_noun and (word != "元" or after in "素年旦宇件气首老帅月"):
            return None
        return U.ZH_CURRENCIES[word], match.end(), 100.0 if word == "美分" else 1.0
    match = U.MILLION_CODE_AFTER.match(norm, end)
    if match:
        return code_iso(match.group(1)), match.end(), 1e-6
    match = U.EN_CURRENCY_AFTER.match(norm, end)
    if match:
        word = " ".join(match.group(1).lower().split())
        if word in U.EN_SUBUNITS:
            iso, factor = U.EN_SUBUNITS[word]
            return iso, match.end(), factor
        singular = word[:-1] if word.endswith("s") and word[:-1] in U.EN_CURRENCY_WORDS else word
        if singular in U.EN_CURRENCY_WORDS:
            return U.EN_CURRENCY_WORDS[singular], match.end(), 1.0
    match = U.CODE_AFTER.match(norm, end)
    if match and is_code(match.group(1)):
        return code_iso(match.group(1)), match.end(), 1.0
    match = U.SYMBOL_AFTER.match(norm, end)
    if match and not norm[match.end() : match.end() + 1].isdigit():
        return U.SYMBOLS.get(match.group(1), "USD"), match.end(), 1.0
    return None


_CENTS_EN = re.compile(r"\s+(?:and\s+)?")
_ZH_MINOR = re.compile(r"\s*又?\s*([零一二三四五六七八九\d]{1,2})\s*(美分|角|毛|日本钱|日本銭|钱|銭)"
                       r"(?:\s*([一二三四五六七八九\d])\s*分)?")  # fmt: skip
_ZH_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}


def minor_units(norm: str, spans: list[NumberSpan], idx: int, value: float, end: int) -> tuple[float, int] | None:
    """'3 dollars 50 cents', '15 dollars and 15', '五元三毛', '两美元又三美分': add the small change.

    ``value``/``end`` describe the whole-unit amount found so far; returns the new (value, end)."""
    if value != int(value):
        return None
    zh = _ZH_MINOR.match(norm, end)
    if zh:
        first = float(_ZH_DIGIT.get(zh.group(1), 0) if not zh.group(1).isdigit() else zh.group(1))
        unit = zh.group(2)
        cents = first / 10 if unit in ("角", "毛") else first / 100
        if zh.group(3):
            cents += float(_ZH_DIGIT.get(zh.group(3), 0) if not zh.group(3).isdigit() else zh.group(3)) / 100
        return value + cents, zh.end()
    nxt = spans[idx + 1] if idx + 1 < len(spans) else None
    gap = _CENTS_EN.fullmatch(norm[end : nxt.start]) if nxt else None
    if not (nxt and gap and 0 < nxt.value < 100 and nxt.value == int(nxt.value)):
        return None
    after_next = currency_after(norm, nxt.end)
    if (after_next and after_next[2] == 1.0) or HAN.search(norm, spans[idx].start, end):
        return None
    tail = _CENTS_WORD.match(norm, nxt.end)
    follow = _NEXT_WORD.match(norm, tail.end() if tail else nxt.end).group(1) or ""
    if tail and (tail.group(1) or follow.lower() in ("", "and", "more", "or")):
        return value + nxt.value / 100, tail.end()
    return None
