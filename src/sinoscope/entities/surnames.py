"""Surname-only mentions ("Power", 鲍尔, "Hassabis") join the full name's entity on the same page.

A surname is used only when exactly one person of the page carries it and it is not itself a
knowledge-base name of something else; Chinese-order names (Lin Junyang) have none, since
their last word is the given name.
"""

from __future__ import annotations

import re

from ..doc import Doc, Paragraph
from ..kb.load import KnowledgeBase, has_han, normalise_key
from .candidates import Candidate
from .learn import identity, surname_of
from .linker import is_han, is_word_char
from .resolve import new_key
from .zh_lexicon import TRANSLIT_CHARS

_CHINESE_ORDER_COUNTRIES = frozenset({"CN", "HK", "TW", "MO", "SG"})


def _surname_table(kb: KnowledgeBase, candidates: list[Candidate], kb_keys: set[str]) -> dict[str, str]:
    names_of: dict[str, set[str]] = {}
    chinese_order: dict[str, bool] = {}
    for cand in candidates:
        if cand.coarse != "person":
            continue
        ident = identity(cand)
        names = names_of.setdefault(ident, set())
        names.add(cand.text)
        entity = kb.get(cand.entity) if cand.entity else None
        if entity is not None:
            names.update(entity.declared_names)
            chinese_order[ident] = entity.country in _CHINESE_ORDER_COUNTRIES
    owners: dict[str, set[str]] = {}
    for ident, names in names_of.items():
        for name in names:
            surname = surname_of(name, chinese_order=chinese_order.get(ident, False))
            if surname and surname != name:
                owners.setdefault(surname, set()).add(ident)
    # A surname that is also a knowledge-base name (哈里斯 of Kamala Harris) stays the KB's unless the page
    # names none of its KB owners in full and names one person of its own with it.
    named_in_full = {c.entity for c in candidates if c.entity and c.text not in owners}
    table = kb.ids_by_surface()
    return {
        surname: next(iter(idents)) for surname, idents in owners.items()
        if len(idents) == 1 and (normalise_key(surname) not in kb_keys or next(iter(idents)) in kb or (
            has_han(surname) and not named_in_full & set(table.get(normalise_key(surname), ()))))
    }


def _occurrences(text: str, surname: str) -> list[int]:
    starts = [m.start() for m in re.finditer(re.escape(surname), text)]
    out = []
    for start in starts:
        end = start + len(surname)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if is_han(surname[0]):
            if before in TRANSLIT_CHARS or after in TRANSLIT_CHARS:
                continue  # part of a longer transliteration (鲍尔 in 鲍尔默)
        elif (before and is_word_char(before)) or (after and is_word_char(after)):
            continue
        out.append(start)
    return out


def _yield_bare_kb_surnames(candidates: list[Candidate]) -> None:
    """哈里斯 alone is the knowledge base's Kamala Harris only if nobody else on the page is a 哈里斯: on a page
    naming 德维·哈里斯 and never Kamala Harris in full, the bare surname is the page's own person."""
    owners: dict[str, set[str]] = {}
    holder: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.coarse == "person" and not cand.entity:
            surname = surname_of(cand.text, chinese_order=False)
            if surname and surname != cand.text:
                owners.setdefault(surname, set()).add(identity(cand))
                holder.setdefault(identity(cand), cand)
    if not owners:
        return
    texts_of: dict[str, set[str]] = {}
    for cand in candidates:
        if cand.entity:
            texts_of.setdefault(cand.entity, set()).add(cand.text)
    for cand in candidates:
        idents = owners.get(cand.text, set())
        if cand.entity and cand.coarse == "person" and len(idents) == 1 and texts_of[cand.entity] == {cand.text}:
            owner = holder[next(iter(idents))]
            cand.entity, cand.key, cand.type = None, owner.key, owner.type


def attach_surnames(kb: KnowledgeBase, doc: Doc, content: list[tuple[int, Paragraph]],
                    candidates: list[Candidate], kb_keys: set[str]) -> list[Candidate]:
    _yield_bare_kb_surnames(candidates)
    table = _surname_table(kb, candidates, kb_keys)
    if not table:
        return candidates

    def point(cand: Candidate, target: str) -> None:
        if target.startswith("new:"):
            cand.entity, cand.key = None, target
            cand.type = "person"  # 罗森斯坦 the tagger read as a place, on a page naming 罗德·罗森斯坦
        else:
            entity = kb.get(target)
            cand.entity, cand.key = target, ""
            cand.type = entity.type if entity else "person"

    for cand in candidates:
        target = table.get(cand.text)
        if target and cand.entity is None and cand.key == new_key(cand.coarse, cand.text):
            point(cand, target)
    kept = list(candidates)
    added: list[Candidate] = []
    for index, para in content:
        for surname, target in table.items():
            for local in _occurrences(para.text, surname):
                start, end = para.start + local, para.start + local + len(surname)
                # A surname occurrence replaces shorter discovered pieces of it (布兰特 in 布兰特纳).
                inside = [c for c in kept if c.entity is None and start <= c.start and c.end <= end
                          and (c.end - c.start) < (end - start)]
                if any(start < c.end and c.start < end for c in kept if c not in inside):
                    continue
                kept = [c for c in kept if c not in inside]
                cand = Candidate(start, end, doc.text[start:end], index, "person", "rule", lang=para.lang)
                point(cand, target)
                added.append(cand)
                kept.append(cand)
    return kept
