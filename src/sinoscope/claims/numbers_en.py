"""English number words: "twenty-one trillion", "three hundred and two dozens", "two thirds",
"one and a half", "one over three", "3 million and a quarter", "13 lakh", "nought point five".

The scanner reads tokens (words and already-found Arabic numbers) joined by spaces or hyphens and
parses the longest valid phrase at each position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sinoscope.claims.numbers import NumberSpan

_UNIT_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]  # noqa: E501
UNITS = {w: i for i, w in enumerate(_UNIT_WORDS)} | {"nought": 0, "naught": 0}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
DOZENS = {"dozen", "dozens", "dzs", "dozs", "doz"}
_ORD_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
              "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
              "nineteenth": 19}  # fmt: skip
_ORD_TENS = {w[:-1] + "ieth": v for w, v in TENS.items()}
_ORD_ROUND = {"hundredth": 1e2, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
ORDINALS: dict[str, float] = {}
for _table in (_ORD_UNITS, _ORD_TENS, _ORD_ROUND):
    for _w, _v in _table.items():
        ORDINALS[_w] = _v
        ORDINALS[_w + "s"] = _v
ORDINALS |= {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
_DETERMINERS = {"the", "this", "that", "which", "each", "every", "any", "no", "these", "those", "another"}
_WORD = re.compile(r"[A-Za-z]+")
_MONEY_SIGN_BEFORE = re.compile(r"[$€£¥]\s*$")
_GAP = re.compile(r"^(?:\s*-\s*|\s+)$")
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | DOZENS | set(ORDINALS) | {"hundred", "half", "quarter"}
_PHRASE_WORDS = NUMBER_WORDS | {"a", "an", "and", "minus", "negative", "point", "over", "out", "of"}


@dataclass
class _Tok:
    start: int
    end: int
    word: str  # lower-case word, or "#" for an Arabic number
    value: float = 0.0
    hyphen_before: bool = False


def _tokens(norm: str, arabic: list[NumberSpan]) -> list[list[_Tok]]:
    """Runs of tokens that could form one phrase (joined only by spaces or hyphens)."""
    items = [_Tok(a.start, a.end, "#", a.value) for a in arabic if not (a.suffix or a.fraction or a.glued)]
    for match in _WORD.finditer(norm):  # only words that can be part of a number phrase become tokens
        word = match.group().lower()
        if word in _PHRASE_WORDS:
            items.append(_Tok(match.start(), match.end(), word))
    items.sort(key=lambda t: t.start)
    runs: list[list[_Tok]] = []
    run: list[_Tok] = []
    for tok in items:
        if run and _GAP.match(norm[run[-1].end : tok.start]) and run[-1].end <= tok.start:
            tok.hyphen_before = "-" in norm[run[-1].end : tok.start]
            run.append(tok)
        else:
            if run:
                runs.append(run)
            run = [tok]
    if run:
        runs.append(run)
    return [r for r in runs if any(t.word in NUMBER_WORDS or t.word == "#" for t in r)]


def _integer(toks: list[_Tok], i: int) -> tuple[float, int] | None:  # noqa: C901 (grammar in one place)
    """Longest integer phrase from toks[i]: returns (value, index after it)."""
    chunks: list[tuple[float, float]] = []
    section, number = 0.0, None
    number_kind = ""  # "unit", "teen", "tens", "tensunit", "#"
    last_small = False
    last_scale: float | None = None
    j, end = i, None
    value_at_end = 0.0
    if j < len(toks) and toks[j].word in ("a", "an"):
        if j + 1 < len(toks) and (
            toks[j + 1].word in SCALES or toks[j + 1].word == "hundred" or toks[j + 1].word in DOZENS
        ):
            number, number_kind = 1.0, "unit"
            j += 1
        else:
            return None
    while j < len(toks):
        w = toks[j].word
        if w == "and":
            nxt = toks[j + 1].word if j + 1 < len(toks) else ""
            after = toks[j + 2].word if j + 2 < len(toks) else ""
            repeats = (after == "hundred" and last_small) or (
                after in SCALES and last_scale is not None and SCALES[after] >= last_scale
            )  # "3 hundred and 2 hundred" is two numbers
            ok_next = (UNITS.get(nxt, 0) > 0 or nxt in TENS or nxt == "#") and not repeats
            if (last_small or last_scale) and number is None and ok_next:
                j += 1
                continue
            break
        if w == "#":
            if number is not None or (j > i and not (last_small or last_scale)):
                break
            number, number_kind = toks[j].value, "#"
        elif w in UNITS:
            v = UNITS[w]
            if v == 0 and (j > i or number is not None):
                break
            if number is None:
                number, number_kind = float(v), "unit" if v < 10 else "teen"
            elif number_kind == "tens" and 0 < v < 10:
                number, number_kind = number + v, "tensunit"
            else:
                break
        elif w in TENS:
            if number is not None:
                break
            number, number_kind = float(TENS[w]), "tens"
        elif w == "hundred":
            if number is None or last_small:
                break
            section += number * 100
            number, last_small = None, True
        elif w in SCALES:
            scale = SCALES[w]
            pending = section + (number or 0.0)
            if pending == 0 and not chunks:
                break
            if pending == 0:
                top = max(s for _, s in chunks)
                chunks = [(sum(v for v, _ in chunks) * scale, top * scale)]
            else:
                if last_scale is not None and scale >= last_scale:
                    break
                chunks.append((pending * scale, scale))
            section, number, last_small, last_scale = 0.0, None, False, scale
        elif w in DOZENS:
            if number is not None:
                number *= 12
            elif section:
                section *= 12
            else:
                break
        else:
            break
        j += 1
        end = j
        value_at_end = sum(v for v, _ in chunks) + section + (number or 0.0)
    if end is None:
        return None
    return value_at_end, end


def _decimal_tail(toks: list[_Tok], j: int) -> tuple[float, int] | None:
    """'point zero three' → 0.03, 'point seventy-one' → 0.71."""
    if j >= len(toks) or toks[j].word != "point":
        return None
    digits, k = "", j + 1
    if k < len(toks) and toks[k].word in TENS:
        digits = str(TENS[toks[k].word] // 10)
        k += 1
        if k < len(toks) and toks[k].word in UNITS and 0 < UNITS[toks[k].word] < 10:
            digits += str(UNITS[toks[k].word])
            k += 1
        else:
            digits += "0"
    elif k < len(toks) and toks[k].word in UNITS and UNITS[toks[k].word] >= 10:
        digits, k = str(UNITS[toks[k].word]), k + 1
    else:
        while k < len(toks) and toks[k].word in UNITS and UNITS[toks[k].word] < 10:
            digits += str(UNITS[toks[k].word])
            k += 1
    if not digits:
        return None
    return float("0." + digits), k


def _denominator(toks: list[_Tok], lo: int, k: int) -> tuple[float, int]:
    """Where the denominator of a fraction ending at toks[k] starts, and its value."""
    word = toks[k].word
    den = ORDINALS[word]
    if word.rstrip("s") in _ORD_UNITS or word in _ORD_UNITS:
        prev = toks[k - 1].word if k - 1 >= lo else ""
        if prev in TENS and k - 2 >= lo and toks[k - 2].word != "and":  # "thirty fifths" = 35ths
            return TENS[prev] + den, k - 1
        hundred_at = k - 1
        if prev == "and" and k - 2 >= lo:
            hundred_at = k - 2
        if hundred_at >= lo and toks[hundred_at].word in ("hundred", "thousand"):
            unit_at = hundred_at - 1
            is_unit = unit_at > lo and 0 < UNITS.get(toks[unit_at].word, 0) < 10
            if is_unit and not toks[unit_at].hyphen_before:  # "ninety-five hundred fifths" = 9500/5
                scale = 100 if toks[hundred_at].word == "hundred" else 1000
                return UNITS[toks[unit_at].word] * scale + den, unit_at
    return den, k


def _words_value(toks: list[_Tok]) -> float | None:
    if not toks:
        return None
    if len(toks) == 1 and toks[0].word in ("a", "an"):
        return 1.0
    parsed = _integer(toks, 0)
    if parsed and parsed[1] == len(toks):
        return parsed[0]
    # "twenty and three" inside a mixed number: add the parts
    if any(t.word == "and" for t in toks):
        total, part = 0.0, []
        for t in toks + [_Tok(0, 0, "and")]:
            if t.word == "and":
                sub = _integer(part, 0) if part else None
                if not sub or sub[1] != len(part):
                    return None
                total, part = total + sub[0], []
            else:
                part.append(t)
        return total
    return None


def _fraction(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """A spelled fraction starting at toks[i], e.g. 'one hundred and three quarters'."""
    if toks[i].word in ("half", "quarter", "quarters") and i + 1 < len(toks) and toks[i + 1].word in SCALES:
        return _scaled(toks, i + 1, 0.5 if toks[i].word == "half" else 0.25)
    k = i
    while k < len(toks) and (toks[k].word in NUMBER_WORDS or toks[k].word in ("and", "a", "an", "#")):
        simple = toks[k].word not in ("first", "second", "firsts", "seconds")
        if toks[k].word in ORDINALS and k > i and (simple or toks[k - 1].word in TENS):
            break
        k += 1
    if k >= len(toks) or toks[k].word not in ORDINALS or k == i:
        if toks[i].word == "half" and not (i > 0 and toks[i - 1].word in ("a", "an", "and")):
            return 0.5, i + 1  # "more than half"
        return None
    den, d = _denominator(toks, i, k)
    numer = toks[i:d]
    if toks[k].word.startswith(tuple(_ORD_ROUND)) and numer[0].word not in ("a", "an"):
        return None
    whole = 0.0
    last_and = max((n for n, t in enumerate(numer) if t.word == "and"), default=-1)
    if last_and >= 0:
        tail = numer[last_and + 1 :]
        if len(tail) == 1 and (tail[0].word in ("a", "an") or 0 < UNITS.get(tail[0].word, 0) < 10):
            whole_value = _words_value(numer[:last_and])
            if whole_value is None:
                return None
            whole, numer = whole_value, tail
    top = _words_value(numer)
    if top is None:
        return None
    part = top / den
    scaled = _scaled(toks, k + 1, part)
    if scaled:
        whole_has_scale = any(t.word in SCALES for t in toks[i:d])
        if whole and not whole_has_scale:  # "five and a half million"
            return scaled[0] / part * (whole + part), scaled[1]
        return whole + scaled[0], scaled[1]
    if whole and last_and >= 1 and toks[i + last_and - 1].word in SCALES:
        part *= SCALES[toks[i + last_and - 1].word]  # "five billion and three quarters"
    return whole + part, k + 1


def _scaled(toks: list[_Tok], j: int, part: float) -> tuple[float, int] | None:
    """A fraction followed by a scale: 'half million', 'two thirds of a million'."""
    if j < len(toks) and toks[j].word in SCALES:
        return part * SCALES[toks[j].word], j + 1
    if j + 2 < len(toks) and toks[j].word == "of" and toks[j + 1].word == "a" and toks[j + 2].word in SCALES:
        return part * SCALES[toks[j + 2].word], j + 3
    return None


def _phrase(toks: list[_Tok], i: int, allow_over: bool = True) -> tuple[float, int] | None:
    sign = 1.0
    if toks[i].word in ("minus", "negative") and i + 1 < len(toks):
        sign, i = -1.0, i + 1
    if toks[i].word == "half" and i + 2 < len(toks) and toks[i + 1].word == "a" and toks[i + 2].word in DOZENS:
        return sign * 6, i + 3
    frac = _fraction(toks, i)
    integer = _integer(toks, i)
    if frac and (not integer or frac[1] > integer[1]):
        return sign * frac[0], frac[1]
    if not integer:
        return None
    value, j = integer
    dec = _decimal_tail(toks, j)
    if dec:
        value, j = value + dec[0], dec[1]
    # "X million and a half", "3 million and a quarter": a fraction of the last scale
    if j + 2 < len(toks) + 1 and j < len(toks) and toks[j].word == "and" and toks[j - 1].word in SCALES:
        tail = _fraction(toks, j + 1)
        if tail and toks[j + 1].word in ("a", "an", "one") | set(UNITS):
            value, j = value + tail[0] * SCALES[toks[j - 1].word], tail[1]
    # "one over three", "one out of three" (not "12 out of 10": that is two counts)
    if allow_over and j + 1 < len(toks) and toks[j].word in ("over", "out"):
        k = j + 1 + (toks[j].word == "out" and toks[j + 1].word == "of")
        if toks[j].word == "over" or k > j + 1:
            den = _integer(toks, k) if k < len(toks) else None
            if den and den[0] and (toks[j].word == "over" or value <= den[0]):
                return sign * value / den[0], den[1]
    return sign * value, j


def scan_english(norm: str, arabic: list[NumberSpan], number_mode: bool = False) -> list[NumberSpan]:
    """English number phrases; outside ``number_mode`` "3 out of 10" stays two numbers (two counts)."""
    spans: list[NumberSpan] = []
    for run in _tokens(norm, arabic):
        i = 0
        while i < len(run):
            tok = run[i]
            if tok.word not in NUMBER_WORDS and tok.word not in ("a", "an", "minus", "negative", "#"):
                i += 1
                continue
            after_money = bool(_MONEY_SIGN_BEFORE.search(norm, max(0, tok.start - 3), tok.start))
            parsed = _phrase(run, i, allow_over=number_mode and not after_money)
            if not parsed or (parsed[1] - i == 1 and run[i].word in ("#", "a", "an")):
                i += 1
                continue
            value, j = parsed
            if j - i == 1 and tok.word == "one" and _after_determiner(norm, tok.start):
                i = j
                continue
            spans.append(NumberSpan(run[i].start, run[j - 1].end, value, "en"))
            i = j
    return spans


def _after_determiner(norm: str, start: int) -> bool:
    words = _WORD.findall(norm[max(0, start - 12) : start])
    return bool(words) and words[-1].lower() in _DETERMINERS
