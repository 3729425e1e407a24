"""Quotes: who said what, in Chinese and English, once per bilingual pair.

On a bilingual page each English paragraph is read together with its translation: the English
quotes are kept and each one takes the words (and the speaker's Chinese name) of the matching
Chinese quote, so a translated quote is one quote with two texts, never two quotes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..doc import Doc
from ..entities.english_forms import person_forms
from ..nlp.english import MAX_PARSE_CHARS, parse_many, parse_paragraph
from .quote_crf import crf_quotes
from .quotes_en import extract_en
from .quotes_en_cues import cue_candidate
from .quotes_en_runs import join_runs
from .quotes_zh import ZhQuoteReader
from .salience import Salience
from .speakers import HAN, Speaker, SpeakerIndex

QUOTE_SECTIONS = ("title", "body", "comment")
# A headline's "X says …" is the editor's summary, not a quote (ANNOTATION.md); a line signed "― X" that the
# anatomy took for a title is still one.
TITLE_CUES = ("―", "—", "–", "--")
USE_CRF = False  # the CRF tagger (claims/quote_crf.py) measured below the rules on news/: off, model not shipped
MAX_PARAGRAPH_CHARS = 20_000  # Chinese rules are linear, but a runaway "paragraph" is not prose


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    cue: str
    section: str  # body | comment
    lang: str
    speaker: str | None = None
    speaker_zh: str | None = None
    speaker_id: str | None = None
    speaker_aliases: list[str] = field(default_factory=list)
    speaker_surface: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    text_zh: str | None = None  # the translation's words, when the page gives one
    text_en: str | None = None
    translation_start: int | None = None
    translation_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _speaker_fields(sp: Speaker) -> dict[str, Any]:
    zh = sp.name_zh or (sp.name if sp.name and HAN.search(sp.name) else None)
    aliases = sp.aliases
    if zh and sp.key is None and sp.type == "person" and not any(a.isascii() for a in aliases):
        aliases = [*aliases, *(f for f in person_forms(zh) if f not in aliases)]  # no entity gave 亚当斯 as Adams
    return {"speaker": sp.name, "speaker_zh": zh, "speaker_id": sp.key, "speaker_aliases": aliases,
            "speaker_surface": sp.surface, "speaker_start": sp.start, "speaker_end": sp.end}


def _parse_english(doc: Doc, indices: list[int]) -> dict[int, Any]:
    """Parses of the English paragraphs that can hold a quote (`quotes_en_cues.cue_candidate`).

    The shared parse is reused when another stage made it; otherwise the paragraphs are parsed in
    one batch without NER when the entities stage has already named the people (cheaper)."""
    shared = doc.cache.get("spacy", {})
    parses = {i: shared[i] for i in indices if i in shared}
    todo = [i for i in indices if i not in parses and cue_candidate(doc.paragraphs[i].text)]
    if not todo:
        return parses
    if not doc.layers.get("mentions"):
        return parses | {i: parse_paragraph(doc, i) for i in todo}
    texts = [doc.paragraphs[i].text[:MAX_PARSE_CHARS] for i in todo]
    for i, parsed in zip(todo, parse_many(texts), strict=True):
        parses[i] = parsed
    return parses


def _en_quotes(doc: Doc, i: int, parses: dict[int, Any]):
    para = doc.paragraphs[i]
    if i not in parses:
        return []
    return extract_en(parses[i], para.text[:MAX_PARSE_CHARS], para.start)


def _resolve(index: SpeakerIndex, salience: Salience | None, raw) -> Speaker:
    if raw.speaker is not None:  # the Chinese reader resolves its speakers itself, in page order
        return raw.speaker
    if salience is not None and not HAN.search(raw.subject):
        sp = salience.resolve(raw.subject, raw.subject_start, raw.subject_end)
        if sp is not None:
            return sp
    return index.resolve(raw.subject, raw.subject_start, raw.subject_end)


_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'", ")", "…")


def _innermost(doc: Doc, raws: list) -> list:
    """A relayed attribution ("Reuters reported the campaign said B") is the innermost speaker's quote:
    the outer one is dropped when it is little more than the inner quote and its attribution."""
    out = []
    for a in raws:
        inner = next((b for b in raws if b is not a and a.start <= b.start and b.end <= a.end
                      and a.start <= b.subject_start < a.end and (b.end - b.start) < (a.end - a.start)), None)
        if inner is not None:
            rest = doc.text[a.start:inner.start] + " " + doc.text[inner.end:a.end]
            if len(rest.split()) <= 10:
                continue
        out.append(a)
    return out


def _colon_speaker(surface: str, sp: Speaker) -> bool:
    """"NAME: …" is a quote only when NAME is a person or organisation ("PENCE:", "Pat Caddell:"),
    not a headline kicker ("Stealth Over Health:") or a label ("Correction:")."""
    if HAN.search(surface):
        return True
    return sp.type in ("person", "org") or (surface.isupper() and len(surface) > 2)


def _align(primary: list, partner: list) -> list:
    """For each primary quote, the partner quote in the same place in the sequence (or None)."""
    if len(primary) == len(partner):
        return list(partner)
    out, j = [], 0
    for q in primary:
        window = range(j, min(j + 2, len(partner)))
        k = next((n for n in window if partner[n].kind == q.kind), j if j < len(partner) else None)
        out.append(partner[k] if k is not None else None)
        if k is not None:
            j = k + 1
    return out


def extract_quotes(doc: Doc) -> list[Quote]:
    index = SpeakerIndex(doc)
    zh_reader = ZhQuoteReader(doc, index, QUOTE_SECTIONS)
    quotes: list[Quote] = []
    seen: set[str] = set()
    pair_of = {}
    for pair in doc.pairs:
        pair_of[pair.en] = pair.zh
        pair_of[pair.zh] = pair.en
    english = [i for i, p in enumerate(doc.paragraphs)
               if p.section in QUOTE_SECTIONS and p.lang == "en" and p.text.strip()]
    parses = _parse_english(doc, english)
    salience = Salience(doc, index, parses) if parses else None
    en_raws = {i: _en_quotes(doc, i, parses) for i in english if doc.paragraphs[i].section != "title"}
    alone = [i for i in english if i in en_raws and i not in pair_of]
    join_runs(doc, en_raws, alone)
    last_body = max((i for i, p in enumerate(doc.paragraphs) if p.section == "body" and p.text.strip()), default=-1)
    for i in en_raws:
        if doc.paragraphs[i].section == "body" and i not in pair_of and USE_CRF and not en_raws[i]:
            para = doc.paragraphs[i]
            taken = [(q.start, q.end) for q in en_raws[i]]
            found = crf_quotes(para.text[:MAX_PARSE_CHARS], para.start, taken, parses.get(i))
            en_raws[i] = sorted([*en_raws[i], *found],
                                key=lambda q: q.start)
        en_raws[i] = _innermost(doc, en_raws[i])
        if i == last_body and not doc.paragraphs[i].text.rstrip().endswith(_SENTENCE_ENDS):
            end = doc.paragraphs[i].start + len(doc.paragraphs[i].text.rstrip())
            en_raws[i] = [q for q in en_raws[i] if q.end < end - 2]  # cut off at the end of the page
    for i, para in enumerate(doc.paragraphs):
        if para.section not in QUOTE_SECTIONS or para.lang not in ("en", "zh") or not para.text.strip():
            continue
        partner = pair_of.get(i)
        partner_ok = partner is not None and doc.paragraphs[partner].section in QUOTE_SECTIONS
        if para.lang == "zh" and partner_ok and doc.paragraphs[partner].lang == "en":
            continue  # read with its English side
        if para.section == "title" and para.lang != "en":
            continue  # English headlines only: Chinese headline grammar is left to the body rules
        raws = zh_reader.read(i) if para.lang == "zh" else en_raws.get(i)
        if raws is None:  # an English headline: not read with the body
            raws = _en_quotes(doc, i, parses)
        matched: list = [None] * len(raws)
        if partner_ok and para.lang == "en":
            partner_raws = zh_reader.read(partner)
            matched = _align(raws, partner_raws)
            if not raws:  # the English rules found nothing: keep the Chinese side's quotes
                raws, matched = partner_raws, [None] * len(partner_raws)
        if para.section == "title":
            keep = [n for n, r in enumerate(raws) if r.cue in TITLE_CUES]
            raws, matched = [raws[n] for n in keep], [matched[n] for n in keep]
        for raw, twin in zip(raws, matched, strict=True):
            key = re.sub(r"\W+", "", doc.text[raw.start:raw.end]).casefold()
            if not key or key in seen:
                continue
            sp = _resolve(index, salience, raw)
            if raw.cue == ":" and not _colon_speaker(raw.subject, sp):
                continue
            seen.add(key)
            lang = "zh" if HAN.search(doc.text[raw.start:raw.end]) else "en"
            q = Quote(doc.text[raw.start:raw.end], raw.start, raw.end, raw.kind, raw.cue, para.section, lang,
                      **_speaker_fields(sp))
            if twin is not None:
                twin_text = doc.text[twin.start:twin.end]
                q.text_zh, q.translation_start, q.translation_end = twin_text, twin.start, twin.end
                twin_sp = _resolve(index, salience, twin)
                if not q.speaker_zh and twin_sp.name and HAN.search(twin_sp.name):
                    q.speaker_zh = twin_sp.name_zh or twin_sp.name
                if not q.speaker and twin_sp.name:  # "he said" resolved on the Chinese side only
                    q.speaker = twin_sp.name
                if q.speaker_zh and q.speaker_zh not in q.speaker_aliases and q.speaker_zh != q.speaker:
                    q.speaker_aliases = sorted({*q.speaker_aliases, q.speaker_zh})
            quotes.append(q)
    _share_names(quotes)
    return quotes


_NOT_A_NAME = frozenset({"it", "he", "she", "they", "we", "i", "the", "a", "an", "this", "that", "its", "his", "her",
                         "their", "one", "another"})


def _a_name(alias: str) -> bool:
    words = alias.split()
    if not words or words[0].lower() in _NOT_A_NAME:
        return False
    return alias[:1].isupper() or bool(HAN.match(alias)) and alias not in ("他", "她", "其", "它", "该公司")


def _share_names(quotes: list[Quote]) -> None:
    """Every quote of one speaker carries the names the page gave that speaker in any of its quotes ("it" said
    is still "Sainsbury's"); pronouns and descriptions are not names."""
    names: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker_id:
            names.setdefault(q.speaker_id, set()).update(
                a for a in [*q.speaker_aliases, q.speaker or "", q.speaker_zh or ""] if _a_name(a))
    for q in quotes:
        extra = names.get(q.speaker_id or "", set()) - {q.speaker or "", *q.speaker_aliases}
        if extra:
            q.speaker_aliases = sorted({*q.speaker_aliases, *extra})
