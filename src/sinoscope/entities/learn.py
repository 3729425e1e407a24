"""Alias learning across translated paragraph pairs, and surname-only mentions.

In a pair (an English paragraph and its Chinese translation), the names present on one side
only are the ones whose other-language form the stage did not recognise. When both sides hold
the same number of such names of one type, they are the same entities in the same order
(translations keep the order of names in a sentence far more often than not): "Michael Power"
↔ 迈克尔-鲍尔, "Jenny Wong-Leung" ↔ 黄梁詹妮. Counts that differ are left alone.
"""

from __future__ import annotations

import re

from ..doc import Doc
from .candidates import Candidate

_PAIRED_TYPES = ("person", "org")
_TRANSLIT_SEPARATORS = re.compile(r"[·•‧・\-‐‑.]")  # 弗拉迪米尔.科马洛夫 too


def identity(cand: Candidate) -> str:
    return cand.entity or cand.key


def _one_sided(mine: list[Candidate], theirs: list[Candidate], coarse: str) -> list[str]:
    present = {identity(c) for c in theirs}
    ordered: list[str] = []
    for cand in sorted(mine, key=lambda c: c.start):
        ident = identity(cand)
        if cand.coarse == coarse and ident not in present and ident not in ordered:
            ordered.append(ident)
    return ordered


def learn_from_pairs(doc: Doc, candidates: list[Candidate]) -> dict[str, str]:
    """Map a discovered identity onto its translation's identity: a Chinese-side new name onto the
    English side's (KB id or new key), or an English-side new name onto a Chinese-side KB link.

    Only names the stage discovered (not KB links) are ever renamed, so a knowledge-base link
    is never overruled by alignment.
    """
    by_para: dict[int, list[Candidate]] = {}
    for cand in candidates:
        by_para.setdefault(cand.para, []).append(cand)
    learned: dict[str, str] = {}
    for pair in doc.pairs:
        en_side, zh_side = by_para.get(pair.en, []), by_para.get(pair.zh, [])
        if not en_side or not zh_side:
            continue
        for coarse in _PAIRED_TYPES:
            en_ids = _one_sided(en_side, zh_side, coarse)
            zh_ids = _one_sided(zh_side, en_side, coarse)
            if not en_ids or len(en_ids) != len(zh_ids):
                continue
            for en_id, zh_id in zip(en_ids, zh_ids, strict=True):
                if zh_id.startswith("new:"):
                    learned.setdefault(zh_id, en_id)
                elif en_id.startswith("new:"):
                    learned.setdefault(en_id, zh_id)
    return learned


def surname_of(name: str, *, chinese_order: bool) -> str | None:
    """The family name a later mention may use alone: last word of a Western name ("Power"),
    last part of a transliterated Chinese rendering (鲍尔 in 迈克尔-鲍尔). None for Chinese-order names."""
    if not name:
        return None
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        parts = [p for p in _TRANSLIT_SEPARATORS.split(name) if p]
        return parts[-1] if len(parts) >= 2 and len(parts[-1]) >= 2 else None
    if chinese_order:
        return None
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if "-" in last or (len(last) >= 3 and last[0].isupper() and last.isalpha()):
        return last
    return None
