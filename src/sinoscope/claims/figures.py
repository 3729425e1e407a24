"""Figures in Chinese and English text: money, percentages, counts, durations, ratios, quantities.

``extract_figures`` keeps only numbers that say something (an amount, a rate, a count of a noun);
dates, times, versions, model names, phone numbers, URLs and footnote markers are skipped.
``extract_numbers`` is the evaluation mode: every numeric expression, figure or not.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sinoscope.claims import figure_units as U
from sinoscope.claims.money import code_iso, currency_after, currency_before, minor_units
from sinoscope.claims.numbers import SUFFIX_VALUES, NumberSpan, find_numbers, normalize


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | tuple[float, float]
    unit: str
    kind: str  # "money" | "percent" | "count" | "ratio" | "duration" | "quantity" (| "number" in eval mode)
    counted: str | None = None
    approximate: bool = False
    bound: str | None = None  # "upper" | "lower"


@dataclass
class _Draft:
    start: int
    end: int
    value: float | tuple[float, float]
    unit: str
    kind: str
    counted: str | None = None
    approximate: bool = False
    bound: str | None = None
    scaled: bool = False  # the number carried its own scale (万, bn, million)


_IDIOMS = re.compile(
    r"一切|一看|四川|十足|两两|万一|一些|一样|一起|一直|一定|一般|统一|唯一|一旦|一致|一律|一再|一同|一边|一味|"
    r"一向|专一|一下|一会|一时|一面|一方面|九九|一手|一心|一如|一度"
)
_ZH_NUMERAL_CHARS = re.compile(r"[零一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾]")
_SCALE_IN_TEXT = re.compile(r"[万亿兆]|illion|lakh|crore")
_WORD_CHAR = re.compile(r"\w")
_SCALE_WORD_AFTER = re.compile(r"\s+(million|billion|trillion|thousand)\b")
_NOUN_WINDOW = re.compile(r"(?:[ \t]*-?[ \t]*[A-Za-z][A-Za-z'\-]*){1,4}")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_LEADING_NUMBER = re.compile(r"[\d.]+")
_BETWEEN_BEFORE = re.compile(r"(?i)between\s+$")
_HALF_RATE = re.compile(r"半(成|折)|打对折")
_RANGE_CHARS = frozenset("-~～至到")
_GLUED_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}  # "€3.1billion"


def extract_numbers(text: str, lang: str | None = None) -> list[Figure]:
    """Every numeric expression (the evaluation mode): bare 'one', '1991', '二' included."""
    if not text:
        return []
    norm = normalize(text)
    idioms = [m.span() for m in _IDIOMS.finditer(norm)]
    out = []
    for span in find_numbers(text, lang, number_mode=True):
        if any(s <= span.start and span.end <= e for s, e in idioms):
            continue
        one_char = span.script == "zh" and span.end - span.start == 1
        if one_char and (
            U.ZH_CURRENCY_AFTER.match(norm, span.end)
            or U.ZHE_AFTER.match(norm, span.end)
            or norm[span.end : span.end + 1] == "%"
        ):
            continue  # a one-character amount of money, discount or percent belongs to that figure
        out.append(Figure(span.start, span.end, text[span.start : span.end], span.value, "number", "number"))
    return out


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-nested ``ranges``."""
    i = bisect.bisect_left(ranges, (end, end))
    return any(s < end and start < e for s, e in ranges[max(0, i - 4) : i])


def _blocked_ranges(norm: str) -> list[tuple[int, int]]:
    """Spans of dates, times, URLs, phone numbers and footnote markers, sorted."""
    ranges: list[tuple[int, int]] = []
    for pattern in U.BLOCKERS:
        for match in pattern.finditer(norm):
            start = match.start()
            if start and norm[start - 1].isalnum() and norm[start].isdigit():
                continue  # the digit patterns need a left word boundary
            ranges.append(match.span())
    if "@" in norm:
        ranges += [m.span() for m in U.EMAIL.finditer(norm)]
    ranges.sort()
    return ranges


def _prefix_hedges(norm: str, start: int, end: int) -> tuple[bool, str | None]:
    head = norm[max(0, start - 24) : start]
    tail = norm[end : end + 4]
    approximate = bool(U.APPROX_BEFORE.search(head) or U.APPROX_AFTER.match(tail))
    bound = None
    if U.UPPER_BEFORE.search(head) or U.UPPER_AFTER.match(tail):
        bound = "upper"
    elif U.LOWER_BEFORE.search(head) or U.LOWER_AFTER.match(tail):
        bound = "lower"
    return approximate, bound


def _is_year(norm: str, span: NumberSpan) -> bool:
    text = norm[span.start : span.end]
    return span.value == int(span.value) and 1900 <= span.value <= 2100 and "," not in text and not span.suffix


def _classify(norm: str, spans: list[NumberSpan], idx: int, lang: str | None, floor: int = 0) -> _Draft | None:  # noqa: C901
    span = spans[idx]
    start, end, value = span.start, span.end, span.value
    text = norm[start:end]
    scaled = bool(span.suffix) or bool(_SCALE_IN_TEXT.search(text))
    joined = norm[max(0, start - 2) : start].strip()[-1:]
    ordinal_range = joined and joined in _RANGE_CHARS and U.ORDINAL_RANGE_BEFORE.search(
        norm[max(0, start - 14) : start])
    if U.ORDINAL_BEFORE.search(norm[max(0, start - 4) : start]) or ordinal_range:
        return None  # 第3名, 第605～606页
    weight = U.POUND_WEIGHT_AFTER.match(norm, end) if "pound" in norm[end : end + 8] else None
    if weight and value != 1 and not currency_before(norm, start, lang, floor):
        return _Draft(start, weight.end(), value, "lb", "quantity")  # "a 550 pound hog"
    if "agnitude" in norm[max(0, start - 12) : start] and U.MAGNITUDE_BEFORE.search(norm, max(0, start - 12), start):
        return _Draft(start, end, value, "magnitude", "quantity")
    # money ----------------------------------------------------------------------------------
    before = currency_before(norm, start, lang, floor)
    glued_mult = (SUFFIX_VALUES.get(span.glued) or _GLUED_SCALES.get(span.glued.lower())) if span.glued else None
    if span.glued and not (before and glued_mult):
        after = currency_after(norm, end)
        if span.glued.lower() == "x":
            return _Draft(start, end + 1, value, "ratio", "ratio")
        quantity = U.QUANTITY_AFTER.match(norm, end)
        if quantity:
            return _quantity(start, quantity, value)
        if after and after[2] == 1.0 and len(span.glued) == 3:
            return _Draft(start, after[1], value, after[0], "money")
        return None  # "5G", "4th", "910B": not a figure
    if glued_mult and before:
        value, end, scaled = value * glued_mult, end + len(span.glued), True
    after = currency_after(norm, end)
    if before and after and (after[0] != before[0] or not _WORD_CHAR.search(norm, end, after[1])):
        after = None  # "rmb 10 usd 20", "$5 $6": a currency after belongs to the next amount
    if after and after[2] == 1.0 and not scaled:
        scale_word = _SCALE_WORD_AFTER.match(norm, after[1])
        if scale_word:  # "75 USD million"
            factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[scale_word.group(1)]
            value, scaled = value * factor, True
            after = (after[0], scale_word.end(), 1.0)
    if before or after:
        iso = before[0] if before else after[0]
        money_start = before[1] if before else start
        money_end = after[1] if after else end
        divisor = after[2] if after and not before else 1.0
        if after and not before:
            iso = after[0]
        if divisor != 1.0:
            value = value / divisor if divisor > 1 else value * (1 / divisor)
        return _Draft(money_start, money_end, value, iso, "money", scaled=scaled)
    # percent --------------------------------------------------------------------------------
    head = norm[max(0, start - 12) : start]
    rate = U.RATE_PREFIX.search(head)
    if rate and U.MEASURE_CHAR_AFTER.match(norm, end):
        return None  # 百分之一秒: a hundredth of a second, not a rate
    if rate:
        scale = 1.0
        for ch in rate.group(1):
            scale *= {"百": 100, "千": 1000, "万": 1e4}[ch]
        return _Draft(start - len(head) + rate.start(), end, value * 100 / scale, "percent", "percent")
    pct = U.PERCENT_AFTER.match(norm, end)
    if pct:
        return _Draft(start, pct.end(), value, "percent", "percent")
    pct_of = U.PERCENT_OF_BEFORE.search(head)
    if pct_of:
        return _Draft(start - len(head) + pct_of.start(), end, value, "percent", "percent")
    cheng = U.CHENG_AFTER.match(norm, end)
    if cheng and 0 < value <= 10:
        return _Draft(start, cheng.end(), value * 10 + (5 if cheng.group(1) else 0), "percent", "percent")
    zhe = U.ZHE_AFTER.match(norm, end)
    if zhe and 0 < value < 100 and value != 10:
        return _Draft(start, zhe.end(), value * 10 if value < 10 else value, "percent", "percent")
    # dates and times (after percent: "3个百分点" is not a time) ----------------------------------
    zh_after = U.ZH_DATE_AFTER.match(norm, end)
    if zh_after:
        unit = zh_after.group(1)
        if unit != "年" or _is_year(norm, span) or (span.script == "zh" and len(text) == 4 and value > 1000):
            return None
    if (span.script == "arabic" and _is_year(norm, span) and not U.EN_DURATION_AFTER.match(norm, end)
            and not _vague_count_after(norm, end)):  # 2000多例 is a count, not a year
        noun = _english_noun(norm, end)
        if not noun:
            return None
    # ratio, duration, quantity ----------------------------------------------------------------
    ratio = U.RATIO_AFTER.match(norm, end)
    if ratio:
        return _Draft(start, ratio.end(), value, "ratio", "ratio")
    duration = U.EN_DURATION_AFTER.match(norm, end) or U.ZH_DURATION_AFTER.match(norm, end)
    if duration:
        word = duration.group(duration.lastindex or 1).lower()
        unit = U.DURATION_UNITS.get(word.rstrip("s"), U.DURATION_UNITS.get(word, word))
        draft = _Draft(start, duration.end(), value, unit, "duration")
        if unit == "years" and norm.startswith("半", duration.end()):  # 3年半
            draft.value, draft.end = value + 0.5, duration.end() + 1
        months = U.ZH_MONTHS_AFTER.match(norm, duration.end()) if unit == "years" else None
        if months:  # 5年8个月 = 68 months
            draft.value, draft.unit, draft.end = value * 12 + float(months.group(1)), "months", months.end()
        marker = duration.group(1) if duration.re is U.ZH_DURATION_AFTER else None
        if marker == "几":  # 十几年 → 11 to 19 years
            draft.value, draft.approximate = (value + 1, value + 9), True
        elif marker:  # 十多年
            draft.approximate, draft.bound = True, "lower"
        return draft
    if U.POINTS_AFTER.match(norm, end) and U.INDEX_BEFORE.search(norm, max(0, start - 48), start):
        return None  # "the index closed at 3,214.5 points": a level, not a count
    quantity = U.QUANTITY_AFTER.match(norm, end)
    if quantity:
        if span.script == "zh" and value == 1 and end - start == 1 and quantity.group(quantity.lastindex) in "度级":
            return None  # 一度, 一级: words
        return _quantity(start, quantity, value)
    half_unit = U.HALF_UNIT_AFTER.match(norm, end) if span.script == "en" and value == 0.5 else None
    if half_unit and value < 1:  # "half an hour"
        word = half_unit.group(1).lower()
        unit = "years" if word == "decade" else U.DURATION_UNITS[word]
        return _Draft(start, half_unit.end(), value * (10 if word == "decade" else 1), unit, "duration")
    vulgar = span.fraction and span.script == "arabic" and "/" not in text  # ½, not "6/8" or "20/20"
    if (span.fraction and span.script == "zh") or vulgar or (span.script == "en" and U.EN_FRACTION_WORD.search(text)):
        return _Draft(start, end, value, "ratio", "ratio")  # two-thirds, 三分之二: a share
    hyphen = U.HYPHEN_NOUN_AFTER.match(norm, end)
    if hyphen and value >= 1:
        return _Draft(start, end, value, "count", "count", counted=hyphen.group(1))  # a six-game streak
    return _count(norm, spans, idx, scaled)


def _vague_count_after(norm: str, end: int) -> bool:
    classified = U.ZH_CLASSIFIER_AFTER.match(norm, end)
    return bool(classified and classified.group(1))


def _quantity(start: int, match: re.Match[str], value: float) -> _Draft:
    word = next(g for g in reversed(match.groups()) if g)
    key = word.lower().rstrip("s") if word.isascii() and len(word) > 4 else word
    unit = U.QUANTITY_NAMES.get(key, U.QUANTITY_NAMES.get(word, word))
    if word.lower() in ("parameters", "parameter", "params", "tokens", "token", "qubits", "qubit"):
        unit = U.QUANTITY_NAMES.get(word.lower().rstrip("s"), word.lower())
    return _Draft(start, match.end(), value, unit, "quantity")


def _english_noun(norm: str, end: int) -> str | None:
    """The counted noun after a number: '17 national laboratories' → 'laboratories'."""
    words = _NOUN_WINDOW.match(norm, end)
    if not words:
        return None
    noun = None
    for word in _EN_WORD.findall(words.group()):
        low = word.lower()
        if low in U.EN_STOP or low in U.NUMBER_STOP:
            break
        noun = word
        if not (low.endswith("s") or low in U.EN_IRREGULAR_PLURALS):
            continue  # an adjective or a name before the noun: "nine Catalan leaders"
        break
    if not noun:
        return None
    low = noun.lower()
    plural = (low.endswith("s") and not low.endswith(("ss", "us", "is"))) or low in U.EN_IRREGULAR_PLURALS
    if plural or (noun.isupper() and len(noun) >= 2):
        return noun
    return None


def _count(norm: str, spans: list[NumberSpan], idx: int, scaled: bool) -> _Draft | None:
    span = spans[idx]
    start, end, value = span.start, span.end, span.value
    classifier = U.ZH_CLASSIFIER_AFTER.match(norm, end)
    if classifier and span.script in ("zh", "arabic"):
        noun = U.ZH_NOUN.match(norm, classifier.end())
        counted = classifier.group(2)
        if noun:
            word = noun.group()
            cut = next((i for i, ch in enumerate(word) if ch in U.ZH_NOUN_STOP), len(word))
            counted = word[:cut] or counted
        if value == 1 and span.script == "zh" and not span.low_high:
            return None  # 一个, 一家: a word, not a figure (一两页 is a range)
        draft = _Draft(start, classifier.end(), value, "count", "count", counted=counted)
        if classifier.group(1) == "几":  # 十几家 → 11 to 19
            draft.value, draft.approximate = (value + 1, value + 9), True
        elif classifier.group(1):
            draft.approximate, draft.bound = True, "lower"
        return draft
    noun = _english_noun(norm, end)
    if noun is None:
        linked, noun = _linked_noun(norm, spans, idx)
        if linked:
            pass
        elif (U.COUNT_LEADS.search(norm[max(0, start - 16) : start]) and value >= 2) or (scaled and value >= 1e4):
            return _Draft(start, end, value, "count", "count")  # "the other 5"; "drew 2.94 million", "22.5亿"
        else:
            return None
    if value < 2 and span.script == "en":
        return None
    return _Draft(start, end, value, "count", "count", counted=noun)


def _linked_noun(norm: str, spans: list[NumberSpan], idx: int) -> tuple[bool, str | None]:
    """'66 of those 74 technologies', 'nine of the world's top 10 chipmakers': share the noun."""
    if idx + 1 >= len(spans):
        return False, None
    nxt = spans[idx + 1]
    if not U.OF_LINK.fullmatch(norm[spans[idx].end : nxt.start]) or nxt.value < spans[idx].value:
        return False, None
    return True, _english_noun(norm, nxt.end)


_RANGE_JOIN = re.compile(r"\s*(?:-|~|～|至|到|to|and)\s*$")
_DASH_JOIN = re.compile(r"\s*(?:-|~|～|至|到|to)\s*")
_FROM_BEFORE = re.compile(r"(?i)(?:\bfrom|由|从)\s*$")


def _leading_scale(norm: str, draft: _Draft, span: NumberSpan) -> float:
    """How much the scale word multiplies B in 'A-B亿': value of '5亿' over 5."""
    lead = _LEADING_NUMBER.match(norm, span.start, span.end)
    try:
        base = float(lead.group()) if lead else 0.0
    except ValueError:
        return 1.0
    return span.value / base if base and isinstance(draft.value, float) else 1.0


def _merge_range(norm: str, spans: list[NumberSpan], idx: int, draft: _Draft, prev: _Draft | None) -> _Draft:
    """'3-5 years', '三到五年', '10-15%', '$3-5 billion', 'between 3 and 5 years' → one (low, high) figure."""
    if idx == 0 or not isinstance(draft.value, float):
        return draft
    low_span = spans[idx - 1]
    if spans[idx].start - low_span.end > 12:
        return draft
    prev_between = prev is not None and low_span.start <= prev.start < prev.end <= spans[idx].start
    gap_from = prev.end if prev_between else low_span.end  # "30% 至 43%": the gap after the sign
    gap = norm[gap_from : spans[idx].start]
    join = _RANGE_JOIN.fullmatch(gap) if gap.strip() or gap == "" else None
    if not join or (
        gap.strip() == "and" and not _BETWEEN_BEFORE.search(norm, max(0, low_span.start - 9), low_span.start)
    ):
        return draft
    if gap.strip() == "to" and prev is not None:
        return draft  # "from 10% to 15%" is a change, not a range
    bare_low = prev is not None and prev.kind == "count" and prev.counted is None and draft.kind == "money"
    if prev is not None and not bare_low and (prev.unit != draft.unit or prev.end > spans[idx].start):
        return draft  # "100亿～120亿元": a bare lower end takes the currency of the upper one
    if _FROM_BEFORE.search(norm[max(0, low_span.start - 6) : low_span.start]):
        return draft
    low = low_span.value
    low_scaled = bool(low_span.suffix) or bool(_SCALE_IN_TEXT.search(norm, low_span.start, low_span.end))
    if draft.scaled and not low_scaled and not (prev is not None and prev.scaled) and low < draft.value:
        low *= _leading_scale(norm, draft, spans[idx])
    if not low < draft.value:
        return draft
    start = prev.start if prev is not None else low_span.start
    return _Draft(start, draft.end, (low, draft.value), draft.unit, draft.kind, draft.counted,
                  draft.approximate, draft.bound, draft.scaled)  # fmt: skip


def _lower(norm: str) -> str:
    """A lower-case copy with the same offsets (lower() changes the length of a few letters: then the text)."""
    low = norm.lower()
    return low if len(low) == len(norm) else norm


def _one_in_n(norm: str) -> list[_Draft]:
    out = []
    for match in U.ONE_IN_N.finditer(_lower(norm)) if " in " in norm else ():
        top, bottom = U.small_number(match.group(1)), U.small_number(match.group(2))
        if top and bottom and top < bottom:
            out.append(_Draft(match.start(), match.end(), top / bottom, "ratio", "ratio"))
    return out


def _word_figures(norm: str) -> list[_Draft]:
    drafts = []
    low = _lower(norm)
    for match in U.ZH_RATIO_WORDS.finditer(norm):
        times = {"一": 2, None: 2, "两": 4, "二": 4, "三": 8}[match.group(1)] if "番" in match.group() else 2
        drafts.append(_Draft(match.start(), match.end(), float(times), "ratio", "ratio"))
    for match in U.EN_RATIO_WORDS.finditer(low):
        if match.start() and norm[match.start() - 1].isalpha() or norm[match.end() : match.end() + 1].isalpha():
            continue
        word = match.group(1).lower()
        times = 2.0 if word in ("twice", "double", "doubled") else 3.0 if word.startswith("tripl") else 4.0
        if word == "twice" and not U.COMPARISON_AFTER.match(norm, match.end()):
            drafts.append(_Draft(match.start(), match.end(), times, "count", "count", counted="time"))  # "met twice"
            continue
        drafts.append(_Draft(match.start(), match.end(), times, "ratio", "ratio"))
    for match in U.CODE_GLUED.finditer(norm):  # "USD115", "RMB500"
        if match.start() and norm[match.start() - 1].isascii() and norm[match.start() - 1].isalpha():
            continue
        amount = float(match.group(2).replace(",", ""))
        drafts.append(_Draft(match.start(), match.end(), amount, code_iso(match.group(1)), "money"))
    for match in U.DURATION_WORD.finditer(low):  # "a decade", "half an hour"
        lead = U.ARTICLE_BEFORE.search(norm, max(0, match.start() - 24), match.start())
        if not lead or (match.start() and norm[match.start() - 1].isalpha()):
            continue
        word = match.group(1).lower()
        amount = 0.5 if lead.group(1) else 1.0
        unit = "years" if word == "decade" else U.DURATION_UNITS[word]
        drafts.append(_Draft(lead.start(), match.end(), amount * (10 if word == "decade" else 1), unit, "duration"))
    if "半" in norm:
        for match in U.ZH_HALF_DURATION.finditer(norm):  # 半年, 半个小时
            drafts.append(_Draft(match.start(), match.end(), 0.5, U.DURATION_UNITS[match.group(1)], "duration"))
    for match in U.HALF_SHARE.finditer(low):  # "half of those", 一半
        drafts.append(_Draft(match.start(), match.end(), 0.5, "ratio", "ratio"))
    for match in _HALF_RATE.finditer(norm):
        value = 5.0 if match.group() == "半成" else 50.0
        drafts.append(_Draft(match.start() + (1 if match.group() == "打对折" else 0), match.end(), value,
                             "percent", "percent"))  # fmt: skip
    return drafts


def _clean(value: float | tuple[float, float]) -> float | tuple[float, float]:
    """Twelve significant digits: 168.3亿 is 16830000000, not 16830000000.000002."""
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)  # type: ignore[return-value]
    whole = round(value)
    return float(whole) if whole and abs(value - whole) < 1e-9 * abs(value) else value


def extract_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Figures in ``text`` ("en", "zh" or None for mixed/auto), with offsets into ``text``."""
    if not text:
        return []
    norm = normalize(text)
    spans = find_numbers(text, lang)
    blocked = _blocked_ranges(norm)
    drafts: list[_Draft] = []
    by_index: dict[int, _Draft] = {}
    for idx, span in enumerate(spans):
        if _overlaps(blocked, span.start, span.end) and not currency_before(norm, span.start, lang):
            continue
        if span.script == "arabic" and U.MODEL_BEFORE.search(norm, max(0, span.start - 16), span.start):
            continue
        draft = _classify(norm, spans, idx, lang, drafts[-1].end if drafts else 0)
        prev = by_index.get(idx - 1)
        # "from 10% to 15": the bare endpoint shares the percent sign; a bare 0 ("fell to 0") only
        # ends the change, it is not a magnitude of its own
        if (draft is None and prev and prev.kind == "percent" and span.value != 0
                and U.CHANGE_LINK.search(norm[prev.end : span.start]) and not _is_year(norm, span)
                and not U.ZH_DATE_AFTER.match(norm, span.end)):
            draft = _Draft(span.start, span.end, span.value, "percent", "percent")
        bare = draft is None or (draft.kind == "count" and draft.counted is None)
        scaled = bool(span.suffix) or bool(_SCALE_IN_TEXT.search(norm, span.start, span.end))
        if bare and prev and prev.kind == "money" and _DASH_JOIN.fullmatch(norm[prev.end : span.start]):
            draft = _Draft(span.start, span.end, span.value, prev.unit, "money", scaled=scaled)  # "$3-5 billion"
        elif (bare and prev and prev.kind == "money" and scaled and prev.scaled
              and U.LIST_JOIN.fullmatch(norm[prev.end : span.start])):
            # a currency given once covers the amounts listed after it: "$3bn, 4bn and 5bn", "3亿美元、5亿"
            draft = _Draft(span.start, span.end, span.value, prev.unit, "money", scaled=scaled)
        if draft is None:
            continue
        if draft.kind == "money" and U.VAGUE_NUMERAL.match(norm, span.start):
            continue  # 数亿美元, 几十块钱: vague amounts are not figures
        if draft.kind == "money" and isinstance(draft.value, float) and not draft.scaled:
            change = minor_units(norm, spans, idx, draft.value, draft.end)
            if change:
                draft.value, draft.end = change
        draft = _merge_range(norm, spans, idx, draft, by_index.get(idx - 1))
        if isinstance(draft.value, tuple) and drafts and drafts[-1].start >= draft.start:
            drafts.pop()
        if span.low_high and isinstance(draft.value, float):
            factor = draft.value / span.value if span.value else 1.0
            draft.value = (span.low_high[0] * factor, span.low_high[1] * factor)
        approximate, bound = _prefix_hedges(norm, draft.start, draft.end)
        draft.approximate = draft.approximate or approximate or span.approximate or bool(span.low_high)
        draft.bound = draft.bound or bound
        drafts.append(draft)
        by_index[idx] = draft
    shares = _one_in_n(norm)  # "one in three voters" is a share, not a count of three voters
    if shares:
        drafts = [d for d in drafts if not any(r.start < d.end and d.start < r.end for r in shares)] + shares
    taken = sorted((d.start, d.end) for d in drafts)
    drafts += [w for w in _word_figures(norm) if not _overlaps(taken, w.start, w.end)]
    drafts.sort(key=lambda d: d.start)
    figures, last_end = [], -1
    for d in drafts:
        if d.start < last_end:
            continue
        figures.append(Figure(d.start, d.end, text[d.start : d.end], _clean(d.value), d.unit, d.kind, d.counted,
                              d.approximate, d.bound))  # fmt: skip
        last_end = d.end
    return figures
