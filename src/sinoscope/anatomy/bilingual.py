"""Bilingual pages: pair each paragraph with the neighbour that translates it.

A pair is two adjacent paragraphs of the same part of the page (title, body, one
comment), one English and one Chinese, whose lengths fit a translation and whose
numbers and Latin-script names agree. A paired fact is one fact: later stages read
the pair, not each side.
"""

from __future__ import annotations

import re

from ..doc import CONTENT_SECTIONS, Doc, Pair, Paragraph

_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-]{1,}")
# English characters per Chinese character in human translations of news (about 3 in
# the parallel news we measured); wide bounds, since titles and comments are short.
_RATIO_LOW, _RATIO_HIGH = 1.0, 7.0
MIN_SCORE = 0.5


def translation_score(en: Paragraph, zh: Paragraph) -> float:
    """0..1: how plausibly `zh` and `en` are translations of each other."""
    han = len(_HAN.findall(zh.text))
    if not han or not en.text:
        return 0.0
    ratio = len(en.text) / han
    if ratio < _RATIO_LOW / 2 or ratio > _RATIO_HIGH * 2:
        return 0.0
    score = 1.0 if _RATIO_LOW <= ratio <= _RATIO_HIGH else 0.5
    en_numbers, zh_numbers = set(_NUMBER.findall(en.text)), set(_NUMBER.findall(zh.text))
    if en_numbers and zh_numbers:
        score *= 0.6 + 0.4 * len(en_numbers & zh_numbers) / len(en_numbers | zh_numbers)
    zh_names = {n.casefold() for n in _LATIN_NAME.findall(zh.text)}
    if zh_names:
        en_words = {n.casefold() for n in _LATIN_NAME.findall(en.text)}
        score *= 0.6 + 0.4 * len(zh_names & en_words) / len(zh_names)
    return score


def _group(doc: Doc, index: int) -> tuple[str, int | None]:
    """Paragraphs may pair only within one group: one section, and within one comment."""
    p = doc.paragraphs[index]
    if p.section == "comment":
        for n, comment in enumerate(doc.comments):
            if index in comment.paragraphs:
                return "comment", n
    return p.section, None


def bilingual(doc: Doc) -> None:
    paras = doc.paragraphs
    candidates = [i for i, p in enumerate(paras) if p.section in CONTENT_SECTIONS]
    used: set[int] = set()
    for a, b in zip(candidates, candidates[1:], strict=False):
        if a in used or {paras[a].lang, paras[b].lang} != {"en", "zh"} or _group(doc, a) != _group(doc, b):
            continue
        en, zh = (a, b) if paras[a].lang == "en" else (b, a)
        score = translation_score(paras[en], paras[zh])
        if score >= MIN_SCORE:
            doc.pairs.append(Pair(en, zh, round(score, 3)))
            used.update((a, b))
