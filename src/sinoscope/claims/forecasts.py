"""Forecasts: statements about what will or may happen, who holds them, how likely and by when.

Every body sentence with a word of the future (``forecast_cues``) that is not a plan, a schedule, a
question or a counterfactual is a forecast. Its holder is, in this order: the speaker of the quote
it lies in (the quotes layer), an unnamed group the sentence cites ("analysts say", 业内人士认为:
holder_kind "group"), the holder of the sentence before it in the same paragraph (reported speech
runs on), or the article itself (holder_kind "author"). A sentence attributed to a speaker the
quotes stage could not name holds no forecast of record. Horizons become dates from the page's
date, never from today's: a page without a date keeps its horizon as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..doc import Doc
from ..nlp.chinese import Token
from . import forecast_cues as C
from . import forecasts_zh as Z
from .nouns_zh import ORG_HEADS
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

@dataclass(slots=True)
class Forecast:
    holder: str | None
    text: str
    start: int
    end: int
    holder_zh: str | None = None
    holder_aliases: list[str] = field(default_factory=list)
    holder_kind: str = "author"  # person | org | group | author
    probability: float | dict[str, float] | None = None
    bound: str | None = None  # upper | lower | None
    likelihood: str | None = None  # "low" for "unlikely"/"不太可能" when no number is given
    horizon: str | None = None
    horizon_start: str | None = None
    horizon_end: str | None = None
    horizon_basis: str | None = None  # "published" (counted from the page's date) | "text" ("by 2030")
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
    import cn2an  # imported on first use: a page with no Chinese numeral never pays for it

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
        return {"horizon": m.group().strip(), "start": base, "end": max(end, base), "absolute": True}
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


def _base_date(doc: Doc) -> dt.date | None:
    """The page's own date as a base for relative horizons: a day, or the first of a month the page gives
    only to the month; a year alone (or no date) is too coarse to count "within two years" from."""
    published = str(doc.meta.get("published") or "")[:10]
    if re.fullmatch(r"\d{4}-\d{2}", published):
        published += "-01"
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        return None


_EN_STOP = re.compile(r"[.!?]+[”’\"')]*\s+(?=[A-Z“\"‘'(])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|vs|Sen|Gov|Rep|Gen|Lt|Col|Jr|Sr|Prof|Inc|Co|Corp|Ltd)|\b[A-Z])\.$")
_ZH_SENT = re.compile(r"[^。！？；!?]+[。！？；!?]*[”’」』）)]*")
# where an English clause with a modal starts: after a comma, a dash, "that", a colon, or a cue of saying
_EN_CLAUSE_START = re.compile(r"(?:[,;:(]\s+|\s[-–—]\s|\bthat\s+|[“\"]|\b(?:said|says|say|told|warned|believe[sd]?|"
                              r"argued?|estimated|suggested|added|noted|worried|fears?)\s+)")
_EN_IF_CLAUSE = re.compile(r"(?:^|[,;]\s+|\b)(?:[Ii]f|[Uu]nless|[Ww]hen|[Oo]nce|[Ee]ven if)\b[^,;]*,\s*$")
_EN_TRAILING_CUE = re.compile(r"[,;]?\s*[”’\"]?\s*,?\s*(?:(?:he|she|they|it|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                              r"\s+(?:said|says|added|told|warned|explained|noted)\b[^,;]{0,60}|"
                              r"(?:said|says|added|told)\s+[^,;]{0,60})$")
_ZH_LEAD_CUE = re.compile(r"^.{0,30}?(?:表示|指出|认为|称|说|透露|警告称|警告|相信|担心|预计|看来|报道)[，,：:]\s*“?")
_ZH_IF = re.compile(r"(?:如果|若|如|即使|一旦|假如|只有|除非|倘若)")
_TRIM = " \t，,。.；;：:“”\"'’‘「」"


def _en_clause(sentence: str, marker: int) -> tuple[int, int]:
    """The clause of an English sentence that holds the modal at `marker`: (start, end) in the sentence."""
    start = 0
    for m in _EN_CLAUSE_START.finditer(sentence, 0, marker):
        if m.end() <= marker:
            start = m.end()
    if start:
        prior = _EN_IF_CLAUSE.search(sentence, 0, start)
        if prior and prior.start() < start:
            start = prior.start()
    end = len(sentence)
    trailing = _EN_TRAILING_CUE.search(sentence, marker)
    if trailing:
        end = trailing.start()
    return start, end


_ZH_COMMA = re.compile(r"[，,；;：:]|\s[-–—]\s|——")  # a dash between clauses cuts like a comma
_ZH_BARE_START = re.compile(r"\s*(?:(?:从而|由此|因此)?(?:将|会|可能|必将|势必|有望|预计|不会|或将)|"
                            r"也|还|就|则|便|并|又|都|才|这)")  # 因此其伤亡…: a clause with a subject of its own


def _zh_clause(sentence: str, marker: int) -> tuple[int, int]:
    """The comma clause of a Chinese sentence that holds the marker, with the clause before it when that one
    is a condition (如果…，) or when the marker's clause has no subject of its own (…的离去，会给…), past a
    leading attribution ("X表示，"), to the end of the marker's clause or of the conditional's consequence."""
    floor = max(0, marker - C.CLAUSE_REACH)  # bounded: a long run without commas stays linear
    starts = [floor] + [m.end() for m in _ZH_COMMA.finditer(sentence, floor, marker)]
    start = starts[-1]
    if len(starts) > 1:
        before = starts[-2]
        previous = sentence[before : start]
        if _ZH_IF.search(previous) or _ZH_BARE_START.match(sentence, start):
            start = before
    lead = _ZH_LEAD_CUE.match(sentence)
    if lead and start < lead.end() <= marker:
        start = lead.end()
    ceiling = min(len(sentence), marker + C.CLAUSE_REACH)
    end_match = _ZH_COMMA.search(sentence, marker, ceiling)
    end = end_match.start() if end_match else ceiling
    return start, end

def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


# an organisation's last word (时代周报, 警察局), for a holder no entity of the page stands for; a single character
# only where no given name ends with it
_BODY_TAILS = tuple(h for h in ORG_HEADS if len(h) > 1) + ("报", "局", "部", "党", "宫", "署")


def reads_as_body(name: str | None) -> bool:
    """A Chinese holder's name that reads as an organisation's: 时代周报, 西港警察局 (never 王建国)."""
    return bool(name) and len(name) >= 3 and bool(re.fullmatch(r"[\u4e00-\u9fff·]+", name)) and \
        name.endswith(_BODY_TAILS)


def _holder_entity(doc: Doc, quote: Quote):
    for ent in doc.layers.get("entities") or []:
        if (quote.speaker_id and ent.key == quote.speaker_id) or ent.name == quote.speaker or (
                quote.speaker_zh and ent.name_zh == quote.speaker_zh):
            return ent
    return None


def _horizon(fc: Forecast, text: str, base: dt.date | None) -> None:
    found = parse_horizon(text, base or dt.date(2000, 1, 1))
    if not found:
        return
    fc.horizon = found["horizon"]
    if base is not None:  # dates only from the page's own date
        fc.horizon_basis = "published"
        fc.horizon_start, fc.horizon_end = found["start"].isoformat(), found["end"].isoformat()
        fc.due = fc.horizon_end
    elif found.get("absolute"):  # "by 2030" dates itself, whether or not the page is dated
        fc.horizon_basis = "text"
        fc.horizon_end = fc.due = found["end"].isoformat()


def _sentences(doc: Doc, i: int) -> list[tuple[int, int]]:
    para = doc.paragraphs[i]
    text = para.analysis_text
    if para.lang == "zh":
        return [m.span() for m in _ZH_SENT.finditer(text) if m.group().strip()]
    spans, start = [], 0
    for m in _EN_STOP.finditer(text):
        if _ABBREV.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _markers(doc: Doc, i: int, a: int, b: int) -> list[int]:
    text = doc.paragraphs[i].analysis_text
    if doc.paragraphs[i].lang != "zh":
        return [a + m for m in C.en_markers(text[a:b])]

    cached = doc.cache.get("lac", {}).get(i)  # the paragraph's LAC tokens when a stage before tagged it

    def tagger(sentence: str) -> list[Token]:
        return [Token(t.start - a, t.end - a, t.text, t.tag) for t in cached if a <= t.start and t.end <= b]

    return [a + m for m in C.zh_markers(text[a:b], tagger if cached is not None else None)]


class _Holder:
    """Who holds the sentences of a paragraph: a named speaker, a group, the author or nobody known."""

    __slots__ = ("kind", "name", "quote")

    def __init__(self, kind: str, name: str | None = None, quote: Quote | None = None) -> None:
        self.kind, self.name, self.quote = kind, name, quote


def _quotes_of_clause(para_start: int, sentence: str, a: int, marker: int,
                      inside: list[Quote]) -> tuple[list[Quote], str]:
    """A Chinese sentence's quotes that hold the marker's clause, and the words its cue is looked for in: a
    clause no quote touches (考虑到…可能会失去…，X暂停了…) is not the quoted speaker's, and only its own words
    can attribute it."""
    lo, hi = _zh_clause(sentence, marker - a)
    c0, c1 = para_start + a + lo, para_start + a + hi
    if any(q.start < c1 and c0 < q.end for q in inside):
        return inside, sentence
    return [], sentence[lo:hi]


def _holder_of(doc: Doc, para_start: int, zh: bool, sentence: str, a: int, b: int, marker: int,
               quotes: list[Quote], previous: _Holder | None) -> tuple[_Holder, int]:
    """The holder of the sentence [a, b) (paragraph offsets) and where its attribution ends."""
    s, e = para_start + a, para_start + b
    inside = [q for q in quotes if q.start < e and s < q.end]
    if zh and inside:
        inside, sentence = _quotes_of_clause(para_start, sentence, a, marker, inside)
    if inside:
        at = para_start + marker
        quote = min(inside, key=lambda q: 0 if q.start <= at < q.end else min(abs(q.start - at), abs(q.end - at)))
        if quote.section != "body":
            return _Holder("unknown"), 0
        if C.group_surface(quote.speaker_surface):  # "analysts said", "a senior aide told CNN"
            if not C.group_cue(quote.cue):
                return _Holder("unknown"), 0
            return _Holder("group", quote.speaker_surface.strip(), quote), 0
        if quote.speaker:
            return _Holder("named", quote.speaker, quote), 0
    group = C.zh_group(sentence) if zh else C.en_group(sentence)
    if group and group.start() < marker - a:  # "业内人士认为…", also where the quote reader kept only "人士"
        return _Holder("group", C.group_noun(group)), group.end()
    if inside:
        return _Holder("unknown"), 0
    cue = C.zh_cue(sentence) if zh else C.EN_CUE.search(sentence)
    if cue and not (zh and _cue_of_another_clause(sentence, cue, marker - a)):
        return _Holder("unknown"), 0
    if previous is not None and previous.kind != "author":  # reported speech runs on
        return _Holder(previous.kind, previous.name, None) if previous.kind != "named" else previous, 0
    return _Holder("author"), 0


_ZH_SPEECH_MARKS = re.compile(r"[“”「」\"]|[：:]")


def _cue_of_another_clause(sentence: str, cue: re.Match[str], marker: int) -> bool:
    """A Chinese cue after the forecast's clause attributes it only when it closes the sentence ("…，他说。");
    one followed by clauses of its own ("…可能会失去多数，X暂停了投票确认，提名了…") reports something else."""
    if cue.start() < _zh_clause(sentence, marker)[1] or _ZH_SPEECH_MARKS.search(sentence):
        return False  # a quotation mark or a colon: the sentence reports speech somewhere
    rest = _ZH_COMMA.search(sentence, cue.end())
    return rest is not None and len(re.findall(r"[\u4e00-\u9fff]", sentence[rest.end():])) >= 4


def _not_the_authors(sentence: str, clause: str, zh: bool) -> bool:
    """An unattributed "we"/"I"/"you" is speech the page did not attribute; in the article's own voice a bare
    "would" tells the past's future and "will be testing" an arrangement."""
    # a Chinese sentence may quote "我们" after the article's own forecast: only the words up to its end count
    if (C.ZH_PERSONAL if zh else C.EN_PERSONAL).search(sentence[: sentence.find(clause) + len(clause)] if zh
                                                        else sentence):
        return True
    return not zh and (C.en_narrative_would(clause) or C.en_author_schedule(clause))


def _forecast(doc: Doc, para, holder: _Holder, zh: bool, a: int, b: int, marker: int, cue_end: int,
              base: dt.date | None) -> Forecast | None:
    text = para.analysis_text
    sentence = text[a:b]
    lo, hi = (_zh_clause if zh else _en_clause)(sentence, marker - a)
    lo = max(lo, cue_end if cue_end <= marker - a else 0)
    quote = holder.quote
    if quote is not None and quote.start < para.start + b and para.start + a < quote.end:
        q0, q1 = quote.start - para.start, quote.end - para.start  # the quoted words, not the cue around them
        lo, hi = max(lo + a, q0) - a, min(hi + a, q1) - a
    lo, hi = _trimmed(sentence, lo, hi)
    clause = sentence[lo:hi] if hi > lo else ""
    if len(clause) < (4 if zh else 12) or (C.zh_is_plan(clause) if zh else C.en_is_plan(clause)):
        return None
    if holder.kind == "author" and _not_the_authors(sentence, clause, zh):
        return None
    start = para.start + a + lo
    fc = Forecast(None, para.text[a + lo : a + hi], start, start + len(clause))
    fc.probability, fc.bound, fc.likelihood = parse_probability(clause)
    if fc.probability is None and quote is not None and quote.text_zh:
        twin = parse_probability(quote.text_zh)  # the translation may carry the number the words round off
        if twin[0] is not None:
            fc.probability, fc.bound, fc.likelihood = twin
    _horizon(fc, clause, base)
    if holder.kind == "named":
        fc.holder, fc.holder_zh, fc.holder_aliases = quote.speaker, quote.speaker_zh, list(quote.speaker_aliases)
        ent = _holder_entity(doc, quote)
        fc.holder_kind = "org" if (ent.contract_type == "org" if ent is not None else
                                   reads_as_body(fc.holder_zh or fc.holder)) else "person"
        if ent is not None:  # the holder's other names: 李开复 is Kai-Fu Lee
            fc.holder_aliases += [n for n in (ent.name, ent.name_zh, *ent.aliases) if n and n not in fc.holder_aliases]
        if fc.holder_kind == "person" and not any(n.isascii() for n in (fc.holder, *fc.holder_aliases) if n):
            fc.holder_aliases += Z.romanised(fc.holder_zh or fc.holder)  # 宋国青 is Song Guoqing
    elif holder.kind == "group":
        fc.holder, fc.holder_kind = holder.name, "group"
    else:
        fc.holder, fc.holder_kind = (doc.meta.get("authors") or [None])[0] or "author", "author"
    return fc


def extract_forecasts(doc: Doc, quotes: list[Quote]) -> list[Forecast]:
    base = _base_date(doc)
    body_quotes = sorted((q for q in quotes if q.section == "body"), key=lambda q: q.start)
    paired_zh = {p.zh for p in doc.pairs}
    out: list[Forecast] = []
    for i, para in enumerate(doc.paragraphs):
        if para.section != "body" or i in paired_zh or para.lang not in ("en", "zh"):
            continue
        if C.SUMMARY_BULLET.match(para.text):
            continue
        zh = para.lang == "zh"
        para_quotes = [q for q in body_quotes if q.start < para.end and para.start < q.end]
        previous: _Holder | None = None
        text = para.analysis_text
        for a, b in _sentences(doc, i):
            sentence = text[a:b]
            markers = _markers(doc, i, a, b)
            if not markers:
                holder, _ = _holder_of(doc, para.start, zh, sentence, a, b, a, para_quotes, previous)
                previous = holder if holder.kind != "author" else None
                continue
            prior = previous
            holder, cue_end = _holder_of(doc, para.start, zh, sentence, a, b, markers[0], para_quotes, prior)
            previous = holder if holder.kind != "author" else None
            # a Chinese sentence runs clause after clause, often one English sentence's worth of forecasts each
            # (a plan holds none): every clause past the forecast before it; English keeps its first modal
            taken = -1
            for marker in markers if zh else markers[:1]:
                if para.start + marker < taken:
                    continue
                # “…将…”他说，“…会…”: each clause is held by the quote it lies in
                mine, mine_end = (holder, cue_end) if marker == markers[0] else _holder_of(
                    doc, para.start, zh, sentence, a, b, marker, para_quotes, prior)
                if mine.kind == "unknown":
                    continue
                fc = _forecast(doc, para, mine, zh, a, b, marker, mine_end, base)
                if fc is None or fc.start < taken or (taken >= 0 and not Z.apart(doc.text[taken : fc.start])):
                    continue
                taken = fc.end
                if not any(f.start == fc.start or (f.text, f.holder) == (fc.text, fc.holder)
                           for f in out):  # a repeated passage states its forecast once
                    out.append(fc)
    return out
