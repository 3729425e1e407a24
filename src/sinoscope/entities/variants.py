"""Model and chip names as family + version/size/variant suffix, and the maker named inside a product.

The knowledge base holds families (Qwen3, DeepSeek, Ascend); pages name variants: Qwen3-235B-A22B,
DeepSeek-V3.2-Exp, Kimi-K2-Instruct, Ascend 910C. A linked family name followed by such a suffix
becomes the variant — a product of its own, keyed by its full name — without a KB entry for each.
A product name that begins with its maker's name ("Huawei Ascend 910C", "Nvidia H20") also names
the maker.
"""

from __future__ import annotations

import re

from ..kb.load import KnowledgeBase
from .candidates import Candidate
from .resolve import new_key

_VARIANT_TYPES = frozenset({"model", "chip", "product"})
_VARIANT_WORDS = (
    "Pro", "Max", "Mini", "Nano", "Flash", "Turbo", "Ultra", "Plus", "Lite", "Air", "Instruct", "Thinking",
    "Exp", "Preview", "Chat", "Coder", "Omni", "VL", "Vision", "Base", "Reasoner", "Sonnet", "Opus", "Haiku",
)
# Joined pieces ("-235B", "-A22B", ".2-Exp", "-Instruct") or, after a space, a number-like piece or a
# variant word ("910C", "3", "4.5", "Max").
_PIECE = re.compile(
    r"(?:[-‐.](?=[A-Za-z0-9])[A-Za-z0-9]+(?:\.[0-9]+)*"
    r"| (?:[0-9]+[A-Za-z0-9]*(?:\.[0-9]+[A-Za-z0-9]*)*|[A-Z]+[0-9][A-Za-z0-9.]*"
    r"|(?:" + "|".join(_VARIANT_WORDS) + r")\b))"
)
_MAX_PIECES = 5


def variant_end(text: str, end: int) -> int:
    """Where the version/size/variant suffix starting at text[end] ends (`end` when there is none)."""
    pieces = 0
    while pieces < _MAX_PIECES:
        match = _PIECE.match(text, end)
        if not match:
            break
        stop = match.end()
        if stop < len(text) and (text[stop].isalnum() and not text[stop - 1].isdigit()):
            break
        end = stop
        pieces += 1
    while end > 0 and text[end - 1] == ".":
        end -= 1
    return end


def extend_variants(kb: KnowledgeBase, text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Extend product links over their variant suffix; add the maker a product name begins with."""
    added: list[Candidate] = []
    absorbed: set[int] = set()
    for cand in candidates:
        if cand.type not in _VARIANT_TYPES or not cand.entity or id(cand) in absorbed:
            continue
        end = variant_end(text, cand.end)
        inside = [c for c in candidates if c is not cand and cand.end <= c.start < end]
        if end > cand.end and all(c.type in _VARIANT_TYPES and c.end <= end for c in inside):
            absorbed.update(id(c) for c in inside)  # Ascend|910C: the variant's own link is part of it
            family = kb.get(cand.entity)
            cand.end = end
            cand.text = text[cand.start:end]
            cand.attrs["family"] = cand.entity
            if family is not None and cand.text not in family.declared_names:
                cand.entity, cand.options, cand.source = None, (), "variant"
                cand.key = new_key(cand.coarse, cand.text)
        maker = kb.maker_of(cand.attrs.get("family", cand.entity or ""))
        if maker is None:
            continue
        for name in sorted(maker.declared_names, key=len, reverse=True):
            if name and cand.text.startswith(name + " ") and not name.isupper():
                added.append(Candidate(cand.start, cand.start + len(name), name, cand.para, maker.type, "maker",
                                       entity=maker.id, options=(maker.id,), lang=cand.lang))
                break
    return [c for c in candidates if id(c) not in absorbed] + added
