"""Chinese numerals: 万/亿/兆 sections, 两, 〇/零, abbreviations (一万三), 十几/数万亿 vagueness,
几/多/余, 打 (dozen), 点 decimals, financial 壹贰叁, fractions (X分之Y, A又X分之Y) and rates (百分之X).

Works on the same-length normalised text from ``numbers.normalize``.
"""

from __future__ import annotations

import re

from sinoscope.claims.numbers import NumberSpan

# --- Chinese numerals ----------------------------------------------------------------------------
ZH_DIGITS = {
    "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_BIG = {"万": 1e4, "亿": 1e8, "兆": 1e12}
_DECIMAL_DIGITS = "零一二三四五六七八九"
_VAGUE = "几多余"
# Financial numerals that are also ordinary words (队伍, 陆地, 收拾, 放肆): never a number alone.
_AMBIGUOUS_ALONE = set("伍陆拾肆百千")
_ZH_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL) + "".join(ZH_BIG)
_ZH_START = re.compile(
    rf"[负数几{_ZH_CHARS}半]|(?<![\d.,])\d[\d.,]*\s*(?=[{''.join(ZH_SMALL)}{''.join(ZH_BIG)}几多余打]|\s*分\s*之)"
)
_RATE_DENOMINATOR = re.compile(r"[百千万]+")
_ARABIC_ATOM = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")
_SPACES = re.compile(r"[ \t]*")


class _ZhParse:
    """Left-to-right reading of one Chinese numeral with the usual section arithmetic."""

    def __init__(self) -> None:
        self.chunks: list[tuple[float, float]] = []  # (value, scale) closed by 万/亿/兆
        self.section = 0.0  # below 万: 三千五百
        self.number: float | None = None  # the digit waiting for its unit
        self.last_small: int | None = None
        self.last_big: float | None = None
        self.after_zero = False
        self.digit_string = False  # 二〇二五, 三八 (digits without units)
        self.number_is_zh_digit = False
        self.vague_digit = False  # 几 stood for the pending digit
        self.approximate = False
        self.vague_at: float | None = None  # place value of 几 for the (low, high) range
        self.pair_high: float | None = None  # 三四百: the second digit of a "3 or 4" pair

    def total(self) -> float:
        pending = self.section + (self.number or 0.0)
        if self.number is not None and self.number_is_zh_digit and not self.after_zero:
            # abbreviation: 一万三 = 13000, 两千四百五 = 2450, 百三 = 130
            unit = self.last_small if self.last_small is not None else self.last_big
            if unit and unit >= 100 and not self.digit_string:
                pending = self.section + self.number * unit / 10
        return sum(v for v, _ in self.chunks) + pending

    def has_value(self) -> bool:
        return bool(self.chunks) or self.section > 0 or self.number is not None


def _parse_zh_at(norm: str, pos: int) -> tuple[int, float, _ZhParse] | None:  # noqa: C901 (one state machine)
    state = _ZhParse()
    i = pos
    n = len(norm)
    end = pos
    negative = False
    leading_vague = False
    if norm.startswith("负", i):
        negative = True
        i = _SPACES.match(norm, i + 1).end()
    if norm.startswith("数", i) or (norm.startswith("几", i) and i + 1 < n and norm[i + 1] in "十百千万亿"):
        leading_vague = True
        state.number, state.number_is_zh_digit, state.approximate = 1.0, False, True
        i += 1
    elif norm.startswith("半百", i):
        return i + 2, -50.0 if negative else 50.0, state
    last_token = ""
    while i < n:
        ch = norm[i]
        atom = _ARABIC_ATOM.match(norm, i) if ch.isdigit() else None
        if atom:
            if last_token in ("arabic", "digit") or (state.number is not None and last_token != "zero"):
                break
            state.number = float(atom.group().replace(",", ""))
            state.number_is_zh_digit = False
            nxt = atom.end()
            last_token = "arabic"
        elif ch in ZH_DIGITS:
            value = ZH_DIGITS[ch]
            if ch == "零":
                if last_token == "digit" and state.number_is_zh_digit:
                    state.number, state.digit_string = (state.number or 0) * 10, True
                    i = end = i + 1
                    continue
                if not state.has_value():
                    if i + 1 < n and norm[i + 1] == "点":
                        state.number, state.number_is_zh_digit = 0.0, True
                        i, end, last_token = i + 1, i + 1, "digit"
                        continue
                    if not (i + 1 < n and norm[i + 1] == "十"):
                        break
                state.after_zero, last_token = True, "zero"
                i += 1
                continue
            if state.number is not None and last_token == "digit":
                one_two = state.number == 1 and ch in "两俩" and not state.digit_string  # 一两个
                if (ch in "两俩" and not one_two) or not state.number_is_zh_digit:
                    break
                follower = _SPACES.match(norm, i + 1).end()
                closes = follower >= n or norm[follower] not in _DECIMAL_DIGITS + "两〇点"
                if value == state.number + 1 and follower < n and norm[follower] in "十百千万亿":
                    state.pair_high, state.approximate = float(value), True  # 二三十 = 20 to 30
                    i = end = i + 1
                    continue
                if value == state.number + 1 and closes and not state.digit_string and state.number:
                    state.pair_high, state.approximate = float(value), True  # 三四公分 = 3 to 4
                    i = end = i + 1
                    break
                state.number = state.number * 10 + value  # digit string: 二〇二五, 三八折
                state.digit_string = True
            elif state.number is not None and last_token != "zero":
                break
            else:
                if last_token == "zero" and state.digit_string:
                    state.number = (state.number or 0) * 10 + value
                else:
                    state.number = float(value)
                state.number_is_zh_digit = True
            nxt, last_token = i + 1, "digit"
        elif ch in ZH_SMALL:
            unit = ZH_SMALL[ch]
            if state.digit_string or (state.last_small is not None and unit >= state.last_small):
                break
            if state.number is None:
                if not state.after_zero and (state.section or (state.chunks and unit != 10)):
                    break
                state.number = 1.0
            state.section += state.number * unit
            state.number, state.last_small, state.after_zero = None, unit, False
            state.number_is_zh_digit = False
            nxt, last_token = i + 1, "small"
        elif ch in ZH_BIG:
            big = ZH_BIG[ch]
            pending = state.section + (state.number or 0.0)
            if (
                state.number is not None
                and state.number_is_zh_digit
                and not state.after_zero
                and (state.last_small or 0) >= 100
            ):
                pending = state.section + state.number * state.last_small / 10  # 一千三万 is rare; keep it sane
            if pending == 0 and not state.chunks:
                break
            if state.last_big is not None and big > state.last_big and pending:
                keep = [c for c in state.chunks if c[1] >= big]
                lower = sum(v for v, s in state.chunks if s < big)
                state.chunks = keep + [((lower + pending) * big, big * max(s for _, s in state.chunks))]
            elif pending == 0:
                lower = sum(v for v, s in state.chunks if s <= big)
                top = max(s for _, s in state.chunks)
                state.chunks = [c for c in state.chunks if c[1] > big] + [(lower * big, top * big)]
            else:
                if state.last_big is not None and big == state.last_big and pending:
                    break
                state.chunks.append((pending * big, big))
            if state.vague_at is not None and state.vague_at < big:
                state.vague_at *= big
            state.section, state.number, state.last_small = 0.0, None, None
            state.last_big, state.after_zero, state.number_is_zh_digit = big, False, False
            nxt, last_token = i + 1, "big"
        elif ch in _VAGUE and state.has_value():
            after = i + 1
            if after < n and norm[after] == " ":
                after = _SPACES.match(norm, after).end()
            if after >= n or norm[after] not in "十百千万亿兆":
                break
            state.approximate = True
            if ch == "几":
                state.number, state.number_is_zh_digit = 0.0, False
                state.vague_at = 1.0
            nxt, last_token = i + 1, "vague"
        elif ch == "打" and state.has_value() and last_token in ("digit", "arabic", "small"):
            if state.number is not None:
                state.number *= 12
            else:
                state.section *= 12
            nxt, last_token = i + 1, "dozen"
        elif ch == "点" and state.has_value() and last_token in ("digit", "arabic", "small", "big", "zero"):
            j = _SPACES.match(norm, i + 1).end()
            digits = ""
            while j < n and norm[j] in _DECIMAL_DIGITS:
                digits += str(_DECIMAL_DIGITS.index(norm[j]))
                k = _SPACES.match(norm, j + 1).end()
                j = k if k < n and norm[k] in _DECIMAL_DIGITS else j + 1
            if not digits:
                break
            value = state.total() + float("0." + digits)
            end = j
            while not state.chunks and end < n and norm[end] in ZH_BIG:  # 三点五万, 1点2万亿
                value *= ZH_BIG[norm[end]]
                end += 1
            return end, (-value if negative else value), _finish(state, leading_vague)
        else:
            break
        if last_token != "vague" and last_token:
            end = nxt
        i = nxt
        if i < n and norm[i] in " \t" and _zh_follows(norm, i):
            i = _SPACES.match(norm, i).end()
    if not state.has_value() or end == pos:
        return None
    value = state.total()
    return end, (-value if negative else value), _finish(state, leading_vague)


def _zh_follows(norm: str, i: int) -> bool:
    j = _SPACES.match(norm, i).end()
    return j < len(norm) and (norm[j] in _ZH_CHARS or norm[j] in "点几多余打" or norm[j].isdigit())


def _finish(state: _ZhParse, leading_vague: bool) -> _ZhParse:
    state.leading_vague = leading_vague  # type: ignore[attr-defined]
    return state


def _zh_fraction_denominator(text: str) -> bool:
    """百分之/千分之/万分之 with no leading digit: a percent-like rate, not a fraction."""
    return bool(_RATE_DENOMINATOR.fullmatch(text.replace(" ", "")))


def scan_zh(norm: str) -> list[NumberSpan]:
    spans: list[NumberSpan] = []
    pos = 0
    while True:
        match = _ZH_START.search(norm, pos)
        if not match:
            break
        start = match.start()
        rate = _RATE_AT.match(norm, start)
        if rate:  # 万分之四, 千分之二: the rate's numerator may be a lone financial numeral
            parsed = _parse_zh_at(norm, rate.end())
            if parsed:
                spans.append(NumberSpan(rate.end(), parsed[0], parsed[1], "zh"))
                pos = parsed[0]
                continue
        parsed = _parse_zh_at(norm, start)
        if parsed is None:
            pos = start + 1
            continue
        end, value, state = parsed
        text = norm[start:end]
        low_high = None
        if getattr(state, "leading_vague", False):
            low_high = (value, value * 10)
        elif state.pair_high is not None and value:
            low_digit = state.pair_high - 1
            low_high = (value, value * state.pair_high / low_digit)
        elif state.vague_at is not None:
            low_high = (value + state.vague_at, value + 9 * state.vague_at)
        span = NumberSpan(start, end, value, "zh", approximate=state.approximate, low_high=low_high)
        span = _maybe_fraction(norm, span, spans)
        if span.end == end and len(text) == 1 and text in _AMBIGUOUS_ALONE:
            pos = end
            continue
        if span.fraction and spans and spans[-1].start >= span.start:
            spans.pop()
        spans.append(span)
        pos = span.end
    return spans


_RATE_AT = re.compile(r"[百千万]{1,4}\s*分\s*之\s*")
_ARABIC_WHOLE = re.compile(r"(?:负\s*)?(\d+)\s*又\s*$")
_FRAC_JOIN = re.compile(r"\s*分\s*之\s*")
_MIXED_JOIN = re.compile(r"\s*又\s*$")


def _maybe_fraction(norm: str, den: NumberSpan, done: list[NumberSpan]) -> NumberSpan:
    """X分之Y → Y/X; A又X分之Y → A + Y/X."""
    join = _FRAC_JOIN.match(norm, den.end)
    if not join:
        return den
    parsed = _parse_zh_at(norm, join.end())
    if parsed is None or den.value == 0:
        return den
    end, numerator, _ = parsed
    if _zh_fraction_denominator(norm[den.start : den.end]):
        return NumberSpan(join.end(), end, numerator, "zh")  # 百分之X: the rate itself is X
    value = numerator / den.value
    if den.value < 0 and numerator < 0:
        value = abs(value)
    start = den.start
    arabic_whole = _ARABIC_WHOLE.search(norm[max(0, den.start - 24) : den.start])
    if done and _MIXED_JOIN.search(norm[done[-1].end : den.start]) and done[-1].end <= den.start:
        whole = done[-1]
        value = whole.value + value if whole.value >= 0 else whole.value - value
        start = whole.start
    elif arabic_whole:
        whole_value = float(arabic_whole.group(1)) * (-1 if arabic_whole.group().startswith("负") else 1)
        value = whole_value + value if whole_value >= 0 else whole_value - value
        start = den.start - (len(arabic_whole.group()))
    return NumberSpan(start, end, value, "zh", fraction=True)
