"""Forecasts: statements about the future, with who holds them, how likely and by when.

A forecast is kept only when it has a holder (a quote's speaker, else the article itself) and a
probability, a horizon or a strong claim about the field's future ("China will win the AI race").
A mere "will" is not a forecast. Horizons become absolute dates from the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import cn2an

from ..doc import Doc
from .quotes import Quote

# a word boundary that also holds between Latin letters and Chinese characters ("AI芯片")
_ASCII_B = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))"


def _bounded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _ASCII_B), flags)

_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "a": 1, "a couple of": 2,
             "a few": 3, "several": 3}
_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|fifty)"
_ZH_NUM = r"[\d一二两三四五六七八九十百]+"
_UNIT_DAYS = {"year": 365.25, "decade": 3652.5, "month": 30.44, "week": 7, "day": 1, "年": 365.25, "个月": 30.44,
              "月": 30.44, "周": 7, "天": 1}

_EN_HORIZON = re.compile(
    rf"\b(?P<prep>in|within|over|during)\s+(?:the\s+)?(?:next|coming)?\s*(?P<a>{_NUM})"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<b>{_NUM}))?\s+(?P<unit>year|decade|month|week)s?\b"
    r"|\b(?:in|over|within)\s+the\s+(?:next|coming)\s+(?P<unit2>year|decade|month|few years|couple of years)s?\b"
    r"|\bby\s+(?P<year>20\d\d)\b|\bnext\s+(?P<next>year|decade)\b", re.I)
_ZH_HORIZON = re.compile(
    rf"(?:未来|今后|接下来的?)(?P<a>{_ZH_NUM})(?:(?:-|–|到|至)(?P<b>{_ZH_NUM}))?(?P<unit>年|个月|周|天)内?"
    rf"|(?P<a2>{_ZH_NUM})(?:(?:-|–|到|至)(?P<b2>{_ZH_NUM}))?(?P<unit2>年|个月)(?:内|之内|后)"
    r"|(?:到|至|在)(?P<year>20\d\d)年|(?P<next>明年|后年)")

_EN_PROB = re.compile(
    rf"(?P<bound>less than|fewer than|under|below|no more than|at most|more than|over|above|at least|about|around)?"
    rf"\s*(?P<p>{_NUM})\s*(?:%|per ?cent|percent)", re.I)
_ZH_PROB = re.compile(r"(?P<bound>不到|低于|不足|小于|少于|至多|超过|高于|大于|多于|至少|约|大约)?"
                      r"\s*(?:(?P<p>\d+(?:\.\d+)?)\s*[%％]|百分之(?P<pzh>[\d一二两三四五六七八九十百]+))")
_UPPER = {"less than", "fewer than", "under", "below", "no more than", "at most", "不到", "低于", "不足", "小于",
          "少于", "至多"}
_LOWER = {"more than", "over", "above", "at least", "超过", "高于", "大于", "多于", "至少"}
_PROB_WORDS = re.compile(r"chance|probabilit|likel|odds|possibilit|概率|可能性|几率|机会|把握", re.I)

_EN_FUTURE = _bounded(r"\b(?:will|won’t|won't|could|would|may|might|going to|expect\w*|forecast\w*|predict\w*|"
                        r"likely|unlikely|chances?|probability|odds|poised to|set to|on track to)\b", re.I)
_ZH_FUTURE = re.compile(r"将|预计|有望|可能|未来|概率|即将|将会|会在|势必|终将|注定")
_EN_STRONG = _bounded(
    r"\b(?:will|could|would|is going to|are going to|(?:is|are) set to|(?:is|are) poised to)\s+"
    r"(?:\w+\s+){0,2}?(?:win|lead|overtake|surpass|outpace|dominate|beat|catch up|close the gap|emerge as|become|"
    r"release|launch|fall behind|lose|prevail|achieve|reach|overtaking|surpassing)", re.I)
_ZH_STRONG = re.compile(r"(?:将|会|有望|可能|终将|势必|即将)(?:在.{0,12}?)?(?:赢得|领先|超越|超过|赶上|追上|主导|"
                        r"反超|击败|胜出|称霸|发布|推出|落后|输掉|实现|成为|取得)")
_FIELD = _bounded(r"\b(?:China|Chinese|US|U\.S\.|America\w*|AI|artificial intelligence|compan\w+|model\w*|chip\w*|"
                    r"race|West\w*)\b|中国|美国|中美|西方|AI|人工智能|大模型|芯片|公司|企业|竞赛", re.I)


@dataclass(slots=True)
class Forecast:
    holder: str | None
    text: str
    start: int
    end: int
    holder_zh: str | None = None
    holder_aliases: list[str] = field(default_factory=list)
    holder_kind: str = "speaker"  # speaker | article
    probability: float | dict[str, float] | None = None
    bound: str | None = None  # upper | lower | None
    likelihood: str | None = None  # "low" for "unlikely"/"不太可能" when no number is given
    horizon: str | None = None
    horizon_start: str | None = None
    horizon_end: str | None = None
    horizon_basis: str | None = None  # "published" | "today"
    due: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _num(token: str | None) -> float | None:
    if not token:
        return None
    token = token.strip().lower()
    if token in _WORD_NUM:
        return float(_WORD_NUM[token])
    try:
        return float(token)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _add_days(base: dt.date, days: float) -> dt.date:
    try:
        return base + dt.timedelta(days=round(days))
    except OverflowError:
        return base


def parse_horizon(text: str, base: dt.date) -> dict[str, Any] | None:
    """The first time horizon in `text` and its absolute range from `base`."""
    m = _EN_HORIZON.search(text) or _ZH_HORIZON.search(text)
    if not m:
        return None
    g = m.groupdict()
    if g.get("year"):
        year = int(g["year"])
        end = dt.date(year, 12, 31)
        return {"horizon": m.group().strip(), "start": base, "end": max(end, base)}
    if g.get("next"):
        unit = {"明年": "year", "后年": "year"}.get(g["next"], g["next"].lower())
        n = 2 if g["next"] == "后年" else 1
        year = base.year + n if unit == "year" else base.year + 10
        return {"horizon": m.group().strip(), "start": dt.date(base.year + n, 1, 1) if unit == "year" else base,
                "end": dt.date(year, 12, 31)}
    unit = (g.get("unit") or g.get("unit2") or "year").lower()
    a, b = _num(g.get("a") or g.get("a2")), _num(g.get("b") or g.get("b2"))
    if a is None:  # "the next few years"
        a, unit = (3.0, "year") if "year" in unit else (1.0, unit)
    days = _UNIT_DAYS.get(unit.rstrip("s"), 365.25)
    low, high = (a, b) if b is not None else (0.0, a)
    if (g.get("prep") or "").lower() == "in" and b is None:  # "in five years": around then, not "within"
        low = a
    return {"horizon": m.group().strip(), "start": _add_days(base, low * days), "end": _add_days(base, high * days)}


def parse_probability(text: str) -> tuple[float | dict[str, float] | None, str | None, str | None]:
    """(probability, bound, likelihood) of a statement: "less than 20%" → ({low 0, high 0.2}, "upper")."""
    if _PROB_WORDS.search(text):
        order = (_ZH_PROB, _EN_PROB) if re.search(r"[\u4e00-\u9fff]", text) else (_EN_PROB, _ZH_PROB)
        for m in [m for pattern in order for m in pattern.finditer(text)]:
            value = _num(m.group("p") or m.groupdict().get("pzh"))
            if value is None or value > 100:
                continue
            p = round(value / 100, 4)
            bound = (m.group("bound") or "").lower()
            if bound in _UPPER:
                return {"low": 0.0, "high": p}, "upper", None
            if bound in _LOWER:
                return {"low": p, "high": 1.0}, "lower", None
            return p, None, None
    if re.search(r"\bunlikely\b|\bhardly\b|不太可能|不大可能|难以|几乎不可能", text, re.I):
        return None, None, "low"
    if re.search(r"\blikely\b|很可能|极有可能", text, re.I):
        return None, None, "high"
    return None, None, None


def _base_date(doc: Doc) -> tuple[dt.date, str]:
    published = str(doc.meta.get("published") or "")[:10]
    try:
        return dt.date.fromisoformat(published), "published"
    except ValueError:
        return dt.date.today(), "today"


_SENT = re.compile(r"[^。！？!?]+[。！？!?]?|[^.!?]+(?:[.!?](?=\s|$))?")


def _is_forecast(text: str, zh: bool) -> tuple[bool, bool]:
    """(future-looking, strong claim about the field)."""
    future = bool((_ZH_FUTURE if zh else _EN_FUTURE).search(text))
    strong = bool((_ZH_STRONG if zh else _EN_STRONG).search(text)) and bool(_FIELD.search(text))
    return future, strong


def _build(doc: Doc, text: str, start: int, base: tuple[dt.date, str], strong_ok: bool) -> Forecast | None:
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    future, strong = _is_forecast(text, zh)
    prob, bound, likelihood = parse_probability(text)
    horizon = parse_horizon(text, base[0]) if future or prob is not None else None
    if not future or not (prob is not None or horizon or (strong and strong_ok)):
        return None
    fc = Forecast(None, text, start, start + len(text), probability=prob, bound=bound, likelihood=likelihood)
    if horizon:
        fc.horizon, fc.horizon_basis = horizon["horizon"], base[1]
        fc.horizon_start, fc.horizon_end = horizon["start"].isoformat(), horizon["end"].isoformat()
        fc.due = fc.horizon_end
    return fc


def extract_forecasts(doc: Doc, quotes: list[Quote]) -> list[Forecast]:
    base = _base_date(doc)
    out: list[Forecast] = []
    covered: list[tuple[int, int]] = []
    covered.extend((q.start, q.end) for q in quotes)  # an attributed sentence is never the article's own
    for q in quotes:
        if q.section != "body" or not q.speaker:  # an anonymous "experts say" holds no forecast of record
            continue
        fc = _build(doc, q.text, q.start, base, strong_ok=True)
        if fc is None and q.text_zh:  # the translation may carry the number the original words round off
            twin = _build(doc, q.text_zh, q.start, base, strong_ok=True)
            if twin and (twin.probability is not None or twin.horizon):
                fc = twin
                fc.text, fc.end = q.text, q.end
        if fc is None:
            continue
        fc.holder, fc.holder_zh, fc.holder_aliases = q.speaker, q.speaker_zh, list(q.speaker_aliases)
        out.append(fc)
    # the article's own forecasts: only with a number or a horizon, never a bare "will"
    author = (doc.meta.get("authors") or [None])[0]
    paired_zh = {p.zh for p in doc.pairs}
    for i, para in enumerate(doc.paragraphs):
        if para.section != "body" or i in paired_zh or para.lang not in ("en", "zh"):
            continue
        for m in _SENT.finditer(para.text):
            s, e = para.start + m.start(), para.start + m.end()
            sentence = m.group().strip()
            if len(sentence) < 8 or any(a < e and s < b for a, b in covered):
                continue
            fc = _build(doc, sentence, s + (len(m.group()) - len(m.group().lstrip())), base, strong_ok=False)
            strong = _is_forecast(sentence, para.lang == "zh")[1]
            if fc is None or (fc.probability is None and not (fc.horizon and strong)):
                continue
            fc.holder, fc.holder_kind = author or "the article", "article"
            out.append(fc)
    return out
