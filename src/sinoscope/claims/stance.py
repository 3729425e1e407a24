"""Stance on one question: is China catching up with, or ahead of, the US in AI?

Read like an analyst, bilingual: only pages (and sentences) about AI, chips, compute or the technology
race are assessed (``stance_topic``); a comparison ("beat", "落后", "close the gap", see ``stance_lexicon``)
is read with its subject and object, whose sides come from country words and the knowledge base
(``stance_actors``: "Kimi beats Claude" is China against the US; a speaker's "we" is the speaker's
country). The reader weighs negation, hedges, questions, probabilities ("less than 20% chance of
surpassing" counts against), the size of a gap ("months behind" is catching up), purpose frames ("would
help China catch up" says China is behind now), an earlier view the speaker rejects, and contrast ("but"
weighs the clause after it). Sentences are weighted by where they sit: the headline and quoted experts
weigh most, reader comments least. Strong evidence on both sides gives "mixed".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..doc import Doc
from .forecasts import parse_probability
from .quotes import Quote
from .stance_actors import CN, OTHER, PAIR, REST, US, Actor, find_actors, speaker_side
from .stance_lexicon import (
    CONCESSION,
    CONTRAST,
    DISMISS,
    HEDGE,
    HYPOTHETICAL,
    INTENT,
    LOW_CHANCE,
    NEGATION,
    PREDICATES,
    REJECTED,
    REJECTED_END,
    SMALL_BEFORE,
    SMALL_GAP,
    WE,
)
from .stance_topic import TECH, page_on_topic, sentence_on_topic

AHEAD, BEHIND = "china_ahead_or_catching_up", "china_behind_or_gap_widening"
MIXED, NONE = "mixed", "not_addressed"

_SENT_ZH = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_SENT_EN = re.compile(r"(?:[^.!?\n]|[.!?](?!\s|$))+[.!?]*")
# quotation marks around a short phrase; an apostrophe inside a word ("OpenAI's") opens or closes nothing
_SCARE = re.compile(r"(?<![A-Za-z0-9])[‘'][^’'\n]{1,60}[’'](?![A-Za-z])|[“「『\"][^”」』\"]{1,60}[”」』\"]")
_CLAUSE_MARKS = ",;:，；：—"
_RELATIVE = re.compile(r"\b(?:that|which|who)\b")
_PASSIVE = re.compile(r"\s+by\s+")
_CONCEDED = 0.35
# an actor introduced as the yardstick ("与英伟达相比", "compared with the US") is no subject
_COMPARED_WITH = re.compile(r"(?:与|和|跟|同|比|较|对比|对)\s*$|\b(?:compared (?:with|to)|than|versus|vs\.?|against|"
                            r"relative to)\s+(?:the\s+)?$", re.I)
_PRONOUN = re.compile(r"\b(?:it|its|they|their|the country|the nation)\b|该国|其|它|他们", re.I)
_OPENING_TURN = re.compile(r"\W*(?:But|Yet|However|Still|Even so|但是|但|然而|不过|可是)\b", re.I)
_STILL = re.compile(r"\b(?:still|remains?)\b|仍然|依然|仍|依旧|还是", re.I)
_WEIGHT = {"title": 2.0, "body": 1.0, "comment": 0.3}
_OPPOSITE = {CN: US, US: CN}


@dataclass(slots=True)
class Stance:
    china_ai: str
    score: float
    evidence: list[dict[str, Any]] = field(default_factory=list)
    by_speaker: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _orient(subject: str | None, obj: str | None) -> int:
    """+1 when the subject is China's side of the comparison, −1 the US's, 0 when neither is compared."""
    if subject == CN:
        return 1
    if subject == US:
        return -1
    if subject == REST:  # "every other country trails the US": China is among them
        return {US: 1, CN: -1}.get(obj or "", 0)
    if subject == OTHER:  # "TSMC leads SMIC": China's rival, whoever it is
        return -1 if obj == CN else 0
    return 0


def _subject(sentence: str, actors: list[Actor], at: int, clause_start: int) -> tuple[str | None, bool]:
    """(side of the predicate's subject, whether a non-actor subject was found) — the nearest actor before
    the predicate, in its clause first; "an AI system that beat …" has a subject that is no actor."""
    in_clause = [a for a in actors if clause_start <= a.start and a.end <= at
                 and not _COMPARED_WITH.search(sentence, max(0, a.start - 14), a.start)]
    if not in_clause:  # an actor of another clause is no subject ("…Nvidia chips, and their own still fall short")
        return None, False
    actor = in_clause[-1]
    between = sentence[actor.end:at]
    rel = _RELATIVE.search(between)
    if rel and len(between[:rel.start()].split()) > 3:
        return None, True
    return actor.side, False


def _object(sentence: str, actors: list[Actor], end: int) -> str | None:
    stop = min([i for i in (sentence.find(ch, end) for ch in _CLAUSE_MARKS) if i >= 0] + [end + 80])
    after = [a for a in actors if end <= a.start < stop]
    passive = _PASSIVE.match(sentence, end)
    if passive and after:
        return None  # "surpassed by China": the agent is read as the subject, below
    return after[0].side if after else None


def _earlier_clause_side(sentence: str, actors: list[Actor], obj: str | None, at: int) -> str | None:
    """The first side named in the nearest clause before `at` that names one (other than the object)."""
    start = _clause_start(sentence, at)
    while start > 0:
        prev_start = _clause_start(sentence, start - 1)
        sides = [a.side for a in actors if prev_start <= a.start < start - 1 and a.side in (CN, US)]
        if sides and sides[0] != obj:
            return sides[0]
        start = prev_start
    return None


def _fallback(sentence: str, actors: list[Actor], obj: str | None, at: int) -> str | None:
    """No subject in the clause: the subject carries over from the nearest clause before that names a side —
    its first ("英伟达B200的吞吐量…，远超国产芯片", "中国被甩在后面，明显落后"); with none, the first side
    named, then the object's rival (pro-drop "仍落后于美国")."""
    earlier = _earlier_clause_side(sentence, actors, obj, at)
    if earlier:
        return earlier
    for actor in actors:
        if actor.side in (CN, US) and actor.side != obj:
            return actor.side
    return _OPPOSITE.get(obj or "")


def _pronoun_side(sentence: str, actors: list[Actor], carried: tuple[str, ...], at: int) -> str | None:
    """"…, and their systems fall behind": the side of an earlier clause, else of the sentence before, else
    China if named."""
    earlier = _earlier_clause_side(sentence, actors, None, at)
    if earlier or carried:
        return earlier or carried[0]
    sides = {a.side for a in actors}
    return CN if CN in sides else US if US in sides else None


def _turn_weights(sentence: str, found: list[tuple[int, float, bool]]) -> list[tuple[float, bool]]:
    """Contrast and concession: the clause before "but" (or opened by "although") weighs less — when the
    rest of the sentence makes a point of its own."""
    contrasts = [m.start() for m in CONTRAST.finditer(sentence)]
    conceded: list[tuple[int, int]] = []
    for m in CONCESSION.finditer(sentence):
        ends = [i for i in (sentence.find(ch, m.end()) for ch in _CLAUSE_MARKS) if i >= 0]
        conceded.append((m.start(), min(ends) if ends else len(sentence)))

    def weak(pos: int) -> bool:
        return bool(contrasts and pos < contrasts[-1] or any(a <= pos < b for a, b in conceded))

    has_point = any(not weak(pos) for pos, _, _ in found)
    return [(sign * (_CONCEDED if has_point and weak(pos) else 1.0), hedged)
            for pos, sign, hedged in found]


def _rejected_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for m in REJECTED.finditer(sentence):
        end = REJECTED_END.search(sentence, m.end())
        spans.append((m.end(), end.start() if end else len(sentence)))
    return spans


def sentence_polarity(sentence: str, we_side: str | None = None) -> float:
    """Signed strength of one sentence: > 0 China ahead/catching up, < 0 China behind, 0 no signal."""
    pos, neg = sentence_evidence(sentence, we_side)
    return pos - neg


def sentence_actors(sentence: str, we_side: str | None = None) -> list[Actor]:
    """The sides a sentence names; "we"/"our"/"我们" is `we_side` (the speaker's)."""
    actors = find_actors(sentence, trust_ambiguous=bool(TECH.search(sentence)))
    if we_side in (CN, US):
        actors = sorted(actors + [Actor(m.start(), m.end(), we_side) for m in WE.finditer(sentence)
                                  if not any(a.start < m.end() and m.start() < a.end for a in actors)],
                        key=lambda a: a.start)
    return actors


def _about_the_race(actors: list[Actor], carried: tuple[str, ...]) -> bool:
    """China's side is named (or was, in the sentence before), or the US as a country: "Apple caught up
    with Amazon" is no part of the question."""
    return (any(a.side in (CN, PAIR, REST) or a.side == US and a.entity is None for a in actors)
            or CN in carried)


def sentence_evidence(sentence: str, we_side: str | None = None, carried: tuple[str, ...] = (),
                      quoted: bool = False) -> tuple[float, float]:
    """(for, against) China being ahead or catching up, in one sentence. Both can be non-zero: a
    contrast ("closing the gap, but innovation lags") is evidence on both sides, not a wash.
    `carried`: the sides the previous sentence named, so that one naming none continues it ("Now I think
    the gap is months"); they make the sentence about the question but are no one's subject.
    `quoted`: the sentence holds an attributed quote, whose quotation marks are speech, not scare quotes."""
    actors = sentence_actors(sentence, we_side)
    if not _about_the_race(actors, carried):
        return 0.0, 0.0
    rejected = _rejected_spans(sentence)
    scare = [(q.start(), q.end()) for q in _SCARE.finditer(sentence)]
    found: list[tuple[int, float, bool]] = []
    taken: list[tuple[int, int]] = []
    for predicate in PREDICATES:
        for m in predicate.pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            sign = _read(sentence, actors, predicate, m, carried)
            if sign is None:
                continue
            taken.append((m.start(), m.end()))
            if any(a < m.start() and m.end() < b for a, b in scare):
                # a claim in quotation marks is mentioned, not asserted; dismissed, it counts against itself;
                # a speaker's short quote is reported, weaker than the page's own words
                sign *= -0.8 if DISMISS.search(sentence) else 0.6 if quoted else 0.3
            clause_start = max(sentence.rfind(ch, 0, m.start()) for ch in _CLAUSE_MARKS) + 1
            if NEGATION.search(sentence[max(clause_start, m.start() - 25):m.start()]):
                sign = -sign
            if any(a <= m.start() < b for a, b in rejected):
                sign *= -0.5  # "I used to think China was far behind": the old view counts against itself
            # a purpose frame presupposes the present ("could help China catch up": behind now, surely)
            presupposed = predicate.kind == "catchup" and sign < 0 and _hypothetical(sentence, m.start())
            found.append((m.start(), sign, not presupposed))
    return _sum_up(sentence, _turn_weights(sentence, found))


def _clause_start(sentence: str, at: int) -> int:
    return max(sentence.rfind(ch, 0, at) for ch in _CLAUSE_MARKS) + 1


def _hypothetical(sentence: str, at: int) -> bool:
    return bool(HYPOTHETICAL.search(sentence[_clause_start(sentence, at):at]))


def _read(sentence: str, actors: list[Actor], predicate: Any, m: re.Match[str],
          carried: tuple[str, ...] = ()) -> float | None:
    """The sign of one predicate match, or None when it compares nobody of the question."""
    kind, polarity = predicate.kind, predicate.polarity
    if kind == "plain":
        return polarity
    clause_start = _clause_start(sentence, m.start())
    if kind == "catchup":
        if not _hypothetical(sentence, m.start()):
            return polarity  # whoever catches up, the other is no longer far ahead
        catcher, _ = _subject(sentence, actors, m.start(), clause_start)
        return polarity if catcher == US else -polarity  # "would help China catch up": behind now
    if kind == "parity":
        return polarity if any(a.side in (CN, PAIR) for a in actors) else None
    if kind in ("trend", "share"):  # whose share or lead moves: "share of Chinese models", "英伟达在中国的份额"
        inside = [a for a in actors if m.start() <= a.start < m.end()]
        in_clause = [a for a in actors if clause_start <= a.start < m.start()]
        owner = (in_clause or inside or [None])[0]
        owner_side = owner.side if owner else _subject(sentence, actors, m.start(), clause_start)[0]
        owner = owner_side or _fallback(sentence, actors, None, m.start())
        side = _orient(owner, None) if owner in (CN, US) else 0
        # a rival losing share (to export bans as often as to Chinese rivals) says less than China gaining
        return polarity * side * (0.5 if side < 0 and kind == "share" else 1.0) if side else None
    obj = _object(sentence, actors, m.end())
    passive = _PASSIVE.match(sentence, m.end())
    agent = next((a for a in actors if passive and passive.end() <= a.start < passive.end() + 20), None)
    if agent is not None:  # "… has been surpassed by China"
        subject, obj, explicit = agent.side, None, False
    else:
        subject, explicit = _subject(sentence, actors, m.start(), clause_start)
    if explicit:
        return None
    if predicate.needs_object and obj is None and agent is None:
        return None  # "DeepSeek beat expectations" compares nobody
    if subject is None and _PRONOUN.search(sentence[clause_start:m.start()]):
        subject = _pronoun_side(sentence, actors, carried, m.start())  # "Now it is still far behind"
    if subject is None:
        subject = _fallback(sentence, actors, obj, m.start())
    side = _orient(subject, obj) if subject != obj else 0
    if not side:
        return None
    if kind == "behind":
        small = SMALL_GAP.search(sentence[m.end():m.end() + 30]) or SMALL_BEFORE.search(sentence[:m.start()])
        if small:
            return 1.0  # "only months behind", "nanoseconds behind": catching up, whoever trails
    return polarity * side


def _sum_up(sentence: str, weighed: list[tuple[float, bool]]) -> tuple[float, float]:
    if not any(sign for sign, _ in weighed):
        return 0.0, 0.0
    prob, _, likelihood = parse_probability(sentence)
    high = prob.get("high") if isinstance(prob, dict) else prob
    low = LOW_CHANCE.search(sentence)
    if (high is not None and high < 0.5) or likelihood == "low" or (low and float(low.group(1)) < 50):
        weighed = [(-abs(x), h) for x, h in weighed]  # "less than 20% chance of surpassing" counts against
    if HEDGE.search(sentence):  # "may", "可能": the claim is weaker — not what a purpose frame presupposes
        weighed = [(x * 0.6 if hedged else x, hedged) for x, hedged in weighed]
    signs = [x for x, _ in weighed]
    total = sum(signs)
    weight = 1.0
    if INTENT.search(sentence):
        weight *= 0.3  # an ambition to lead is not a lead
    if sentence.rstrip().endswith(("?", "？")):
        weight *= 0.1  # a question raises the issue; it asserts nothing
    pos = min(1.0, sum(x for x in signs if x > 0)) * weight
    neg = min(1.0, -sum(x for x in signs if x < 0)) * weight
    if not (CONTRAST.search(sentence) or CONCESSION.search(sentence)):  # without a "but", one net point
        net = max(-1.0, min(1.0, total)) * weight
        return (net, 0.0) if net > 0 else (0.0, -net)
    return pos, neg


def _label(pos: float, neg: float, floor: float = 0.55) -> tuple[str, float]:
    total = pos + neg
    if total < floor - 1e-9:
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
    title = " ".join(p.analysis_text for p in content if p.section == "title")
    body = " ".join(p.analysis_text for p in content if p.section != "title")
    if not content or not page_on_topic(title, body) or not _names_china(title, body):
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
        for item in _paragraph_evidence(para, attributed):
            pos += item.pop("for")
            neg += item.pop("against")
            evidence.append(item)
    label, score = _label(pos, neg)
    return Stance(label, score, evidence, _by_speaker(quotes))


def _names_china(title: str, body: str) -> bool:
    return any(a.side in (CN, PAIR) for a in find_actors(f"{title}\n{body[:200_000]}", trust_ambiguous=True))


def _paragraph_evidence(para: Any, attributed: list[Quote]) -> list[dict[str, Any]]:
    """The weighted evidence of one paragraph's sentences. A sentence opening with "But"/"不过" weighs
    the one before it down: a little when the two are separate findings, more when the first only
    concedes an incumbent's position ("American labs still lead. Yet …")."""
    items: list[dict[str, Any]] = []
    carried: tuple[str, ...] = ()
    previous: dict[str, Any] | None = None
    text = para.analysis_text
    for m in (_SENT_ZH if para.lang == "zh" else _SENT_EN).finditer(text):
        sentence = m.group()
        s, e = para.start + m.start(), para.start + m.end()
        quote = next((q for q in attributed if q.start < e and s < q.end), None)
        we_side = _speaker_side(quote) if quote else None
        named = tuple(dict.fromkeys(a.side for a in sentence_actors(sentence, we_side) if a.side in (CN, US)))
        on_topic = sentence_on_topic(sentence, True)
        for_, against = sentence_evidence(sentence, we_side, carried, quoted=quote is not None) if on_topic \
            else (0.0, 0.0)
        carried = named or carried
        if not (for_ or against):
            continue
        if previous is not None and _OPENING_TURN.match(sentence):
            factor = _CONCEDED if _STILL.search(previous["text"]) else 0.6
            for key in ("for", "against", "weight"):
                previous[key] *= factor
            previous["weight"] = round(previous["weight"], 3)
        holder = quote.speaker if quote else None
        weight = _WEIGHT[para.section] * (1.5 if holder else 1.0)
        label = MIXED if for_ and against else _label_of(for_ - against)
        previous = {"text": sentence.strip(), "start": s, "end": e, "label": label, "holder": holder,
                    "weight": round((for_ + against) * weight, 3), "for": for_ * weight,
                    "against": against * weight}
        items.append(previous)
    return items


def _speaker_side(quote: Quote) -> str | None:
    return speaker_side(quote.speaker_id, [quote.speaker_surface or "", *quote.speaker_aliases])


def _by_speaker(quotes: list[Quote]) -> list[dict[str, Any]]:
    tallies: dict[str, list[float]] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, str | None] = {}
    for q in quotes:
        if not q.speaker or not sentence_on_topic(q.text, True):
            continue
        side = _speaker_side(q)
        value = sentence_polarity(q.text, side)
        if not value and q.text_zh:
            value = sentence_polarity(q.text_zh, side)
        if not value:
            continue
        ids.setdefault(q.speaker, q.speaker_id)
        t = tallies.setdefault(q.speaker, [0.0, 0.0])
        t[0 if value > 0 else 1] += abs(value)
        evidence.setdefault(q.speaker, []).append(
            {"text": q.text, "start": q.start, "end": q.end, "label": _label_of(value), "holder": q.speaker})
    return [{"speaker": name, "speaker_id": ids.get(name), "label": _label(pos, neg, floor=0.1)[0],
             "evidence": evidence[name]} for name, (pos, neg) in tallies.items()]
