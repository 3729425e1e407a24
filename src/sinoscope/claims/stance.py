"""Stance on one question: is China catching up with, or ahead of, the US in AI?

Lexicon and rules, bilingual: a predicate ("lead", "落后", "close the gap") is read with its actor
(China or the US/the West, whichever is named nearest before it), negation ("not", "不", "而非"),
hedges ("may", "可能"), questions, and probabilities ("less than 20% chance of surpassing" counts
against). Sentences are weighted by where they sit: the headline and quoted experts weigh most,
reader comments least. Strong evidence on both sides gives "mixed".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..doc import Doc
from .forecasts import parse_probability
from .quotes import Quote

# a word boundary that also holds between Latin letters and Chinese characters ("AI芯片")
_ASCII_B = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))"


def _bounded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _ASCII_B), flags)

AHEAD, BEHIND = "china_ahead_or_catching_up", "china_behind_or_gap_widening"
MIXED, NONE = "mixed", "not_addressed"

_CHINA = _bounded(r"\b(?:China|Chinese|Beijing|Huawei|Alibaba|Tencent|Baidu|DeepSeek|Qwen|Zhipu|Moonshot)\b|"
                    r"中国|国产|中方|本土|华为|阿里|腾讯|百度|深度求索|智谱|月之暗面|中企")
_US = _bounded(r"\b(?:US|U\.S\.|USA|America|American|Americans|United States|Washington|West|Western|Silicon Valley|"
                 r"OpenAI|Google|Nvidia|Microsoft|Anthropic)\b|美国|美方|西方|硅谷|英伟达|美企")
_TOPIC = _bounded(r"\bAI\b|artificial intelligence|model|chip|semiconductor|compute|tech|人工智能|模型|芯片|算力|科技|"
                    r"半导体|技术", re.I)
# (pattern, polarity for China as actor, needs an actor)
_LEXICON: list[tuple[re.Pattern[str], float, bool]] = [
    (re.compile(r"(?:仅|只|only|just)\s*(?:落后|behind|lag(?:s|ging)?|trail(?:s|ing)?)\S{0,12}\s*(?:\S*\s*){0,3}"
                r"(?:几个月|数月|半年|months?)", re.I), +1, False),
    (re.compile(r"\bstill (?:playing )?catch(?:ing)?[- ]up\b|仍在追赶|还在追赶|仍处于追赶", re.I), -1, False),
    (re.compile(r"\b(?:catch(?:es|ing)? up|caught up|clos(?:e|es|ing|ed) the gap|narrow(?:s|ing|ed)? the gap|"
                r"gap\b(?:(?!\bnot\b|n't|\bnever\b)[^.;]){0,40}?\b(?:is |are |has been |have been )?"
                r"(?:narrowing|closing|shrinking|narrowed|closed))\b",
                re.I), +1, False),
    (re.compile(r"赶上|追上|追赶|缩小.{0,6}差距|差距.{0,4}缩小|并驾齐驱|平起平坐"), +1, False),
    (re.compile(r"\b(?:lead(?:s|ing)?(?!\s+(?:researcher|author|engineer|scientist|developer|designer|investor|"
                r"analyst|negotiator|architect|role|singer))|ahead|overt(?:ake|akes|aken|ook|aking)|surpass(?:es|ed|ing)?|"
                r"outpac(?:e|es|ed|ing)|dominat(?:e|es|ed|ing)|win(?:s|ning)? the (?:AI )?race|edge out|"
                r"advantage|beat(?:s|ing)?|outperform(?:s|ed|ing)?|"
                r"(?:global|world|a|the) leader (?:in|of) (?:the )?(?:AI|field|race))\b", re.I), +1, True),
    (re.compile(r"领先|超越|超过|反超|赢得|领跑|称霸|主导|优势|击败|胜过|引领|胜出"), +1, True),
    (re.compile(r"\b(?:behind|lag(?:s|ging|ged)?|trail(?:s|ing|ed)?|fall(?:s|ing|en)? short|inferior)\b", re.I),
     -1, True),
    (re.compile(r"落后|比不过|不及|不如|滞后"), -1, True),
    (re.compile(r"差距"), -1, False),
    (re.compile(r"取得.{0,6}突破|\bbreakthroughs?\b", re.I), +0.5, True),
    (re.compile(r"短板|瓶颈|鸿沟|挑战|受制于|卡脖子|\b(?:bottlenecks?|hurdles?|obstacles?|challenges?|shortfalls?)\b",
                re.I), -0.5, False),
    (re.compile(r"\b(?:gap|divide)\b.{0,60}\bwiden(?:s|ing|ed)?\b|\bwiden(?:s|ing|ed)? the gap\b", re.I), -1, False),
    (re.compile(r"差距.{0,6}(?:扩大|拉大|加大|巨大)"), -1, False),
]
_NEGATION = _bounded(r"\b(?:not|n't|never|no|unlikely|hardly|nor|without|cannot|can't|won't|far from)\b|"
                       r"不|没|未|非|难以|无法|别|并非", re.I)
_HEDGE = _bounded(r"\b(?:may|might|could|possibly|perhaps)\b|或许|可能|也许|或将", re.I)
_SENT_ZH = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_SENT_EN = re.compile(r"(?:[^.!?\n]|[.!?](?!\s|$))+[.!?]*")
_INTENT = re.compile(r"\b(?:whatever it takes|aims? to|wants? to|plans? to|seeks? to|hopes? to|vows? to|"
                     r"determined to)\b|力争|希望|目标是|计划|誓言", re.I)
# Dismissing a quoted claim: "the 'China leads' hype can rest", "the narrative is overblown".
_DISMISS = _bounded(
    r"炒作|鼓吹|夸大|歇歇|神话|迷思|言过其实|\b(?:hype[sd]?|overblown|overstated|myth|exaggerated)\b", re.I
)
_CONTRAST = _bounded(r"但|但是|然而|不过|却|尽管|虽然|\b(?:but|however|although|though)\b", re.I)
_SCARE = re.compile(r"[‘“「『\"'][^’”」』\"']{1,60}[’”」』\"']")
_WEIGHT = {"title": 2.0, "body": 1.0, "comment": 0.3}


@dataclass(slots=True)
class Stance:
    china_ai: str
    score: float
    evidence: list[dict[str, Any]] = field(default_factory=list)
    by_speaker: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _actor(before: str) -> int:
    """+1 when China is the nearest actor named before the predicate, -1 for the US/the West, 0 if none."""
    c = [m.end() for m in _CHINA.finditer(before)]
    u = [m.end() for m in _US.finditer(before)]
    if not c and not u:
        return 0
    return 1 if (c[-1] if c else -1) > (u[-1] if u else -1) else -1


def sentence_polarity(sentence: str) -> float:
    """Signed strength of one sentence: > 0 China ahead/catching up, < 0 China behind, 0 no signal."""
    pos, neg = sentence_evidence(sentence)
    return pos - neg


def sentence_evidence(sentence: str) -> tuple[float, float]:
    """(for, against) China being ahead or catching up, in one sentence. Both can be non-zero: a
    contrast ("closing the gap, but innovation lags") is evidence on both sides, not a wash."""
    if not (_CHINA.search(sentence) or _US.search(sentence)):
        return 0.0, 0.0
    signs: list[float] = []
    taken: list[tuple[int, int]] = []
    for pattern, polarity, needs_actor in _LEXICON:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            clause_start = max(sentence.rfind(ch, 0, m.start()) for ch in ",;:，；：—") + 1
            before = sentence[:m.start()]
            # catching up and the gap read the same whoever is named ("can the West catch up with China?")
            actor = (_actor(before[clause_start:]) or _actor(before)) if needs_actor else 1
            if actor == 0:
                actor = 1 if _CHINA.search(sentence) else -1
            after = sentence[m.end():m.end() + 30]
            passive = re.match(r"\s+by\s+(?:the\s+)?(\S+(?:\s+\S+)?)", after)
            if passive and (_CHINA.search(passive.group(1)) or _US.search(passive.group(1))):
                actor = 1 if _CHINA.search(passive.group(1)) else -1  # "… has been surpassed by China"
            sign = polarity * actor
            if any(q.start() < m.start() and m.end() < q.end() for q in _SCARE.finditer(sentence)):
                # a claim in quotation marks is mentioned, not asserted; dismissed, it counts against itself
                sign *= -0.8 if _DISMISS.search(sentence) else 0.3
            window = sentence[max(clause_start, m.start() - 25):m.start()]
            if _NEGATION.search(window):
                sign = -sign
            signs.append(sign)
    if not any(signs):
        return 0.0, 0.0
    total = sum(signs)
    weight = 1.0
    prob, _, likelihood = parse_probability(sentence)
    high = prob.get("high") if isinstance(prob, dict) else prob
    if (high is not None and high < 0.5) or likelihood == "low":
        signs = [-abs(x) for x in signs]  # "less than 20% chance of surpassing" counts against
        total = sum(signs)
    if _HEDGE.search(sentence):
        weight *= 0.6
    if _INTENT.search(sentence):
        weight *= 0.3  # an ambition to lead is not a lead
    if sentence.rstrip().endswith(("?", "？")):
        weight *= 0.1  # a question raises the issue; it asserts nothing
    pos = min(1.0, sum(x for x in signs if x > 0)) * weight
    neg = min(1.0, -sum(x for x in signs if x < 0)) * weight
    if not _CONTRAST.search(sentence):  # without a "but", the sentence makes one net point
        net = max(-1.0, min(1.0, total)) * weight
        return (net, 0.0) if net > 0 else (0.0, -net)
    return pos, neg


def _label(pos: float, neg: float, floor: float = 0.9) -> tuple[str, float]:
    total = pos + neg
    if total < floor:
        return NONE, 0.0
    score = (pos - neg) / total
    if score > 0.33:
        return AHEAD, round(score, 3)
    if score < -0.33:
        return BEHIND, round(score, 3)
    return MIXED, round(score, 3)


def _label_of(value: float) -> str:
    return AHEAD if value > 0 else BEHIND


def document_stance(doc: Doc, quotes: list[Quote]) -> Stance:
    content = [p for p in doc.paragraphs if p.section in _WEIGHT and p.lang in ("en", "zh")]
    if not content or not _TOPIC.search(" ".join(p.analysis_text for p in content)[:200_000]):
        return Stance(NONE, 0.0)
    paired_zh = {pair.zh for pair in doc.pairs}
    attributed = [q for q in quotes if q.speaker and q.section == "body"]
    pos = neg = 0.0
    evidence: list[dict[str, Any]] = []
    for i, para in enumerate(doc.paragraphs):
        if para not in content or i in paired_zh and para.section != "title":
            continue
        if para.section == "title" and para.role == "title_alt":
            continue  # the translated headline says the same thing again
        text = para.analysis_text
        for m in (_SENT_ZH if para.lang == "zh" else _SENT_EN).finditer(text):
            for_, against = sentence_evidence(m.group())
            if not (for_ or against):
                continue
            s, e = para.start + m.start(), para.start + m.end()
            holder = next((q.speaker for q in attributed if q.start < e and s < q.end), None)
            weight = _WEIGHT[para.section] * (1.5 if holder else 1.0)
            pos += for_ * weight
            neg += against * weight
            label = MIXED if for_ and against else _label_of(for_ - against)
            evidence.append({"text": m.group().strip(), "start": s, "end": e, "label": label,
                             "holder": holder, "weight": round((for_ + against) * weight, 3)})
    label, score = _label(pos, neg)
    return Stance(label, score, evidence, _by_speaker(quotes))


def _by_speaker(quotes: list[Quote]) -> list[dict[str, Any]]:
    tallies: dict[str, list[float]] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:
        if not q.speaker:
            continue
        value = sentence_polarity(q.text)
        if not value and q.text_zh:
            value = sentence_polarity(q.text_zh)
        if not value:
            continue
        t = tallies.setdefault(q.speaker, [0.0, 0.0])
        t[0 if value > 0 else 1] += abs(value)
        evidence.setdefault(q.speaker, []).append(
            {"text": q.text, "start": q.start, "end": q.end, "label": _label_of(value), "holder": q.speaker})
    return [{"speaker": name, "label": _label(pos, neg, floor=0.1)[0], "evidence": evidence[name]}
            for name, (pos, neg) in tallies.items()]
