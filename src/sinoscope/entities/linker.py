"""Gazetteer linking: every knowledge-base name found in a text, in one Aho-Corasick pass.

The automaton holds case-folded surface forms; each raw hit is then checked against the
original characters: Latin-script names need word boundaries ("Meta" not in "metaverse")
and the right capitalisation ("MIT" not "mit"), while Chinese needs no boundary at all, not
even between Han and Latin ("CEO黄仁勋", "英伟达AI芯片"). Overlaps go to the longest match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ..kb.load import KnowledgeBase

_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def is_han(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _HAN_RANGES)


def is_word_char(char: str) -> bool:
    """A character that would continue a Latin-script word (letters and digits, not Han)."""
    return char.isalnum() and not is_han(char)


def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char).lower()
    return folded if len(folded) == 1 else char


def _build_fold_table() -> dict[int, str]:
    # Only the Basic Multilingual Plane's letters that change matter; a translate table keeps
    # folding length-preserving (offsets in the folded text are offsets in the original).
    table: dict[int, str] = {}
    for code in range(0x20, 0x3000):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = _fold_char(chr(code))
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Case-fold and width-fold `text` without changing its length."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Surface:
    """One knowledge-base name as the automaton stores it."""

    text: str
    entity_id: str
    entity_type: str
    kind: str  # name | name_zh | name_zh_hant | alias | generated
    ambiguous: bool


@dataclass(slots=True)
class Hit:
    """A knowledge-base name found at text[start:end]."""

    start: int
    end: int
    text: str
    surface: Surface


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha() and not is_han(c))


def case_compatible(surface: str, found: str) -> bool:
    """Does `found` (original characters) carry the capitalisation `surface` asks for?

    Acronyms match case-sensitively; a capitalised name needs a capital first letter
    (NVIDIA matches Nvidia, "meta" does not match Meta); a name with lower-case initial but
    capitals inside (xAI, iFlytek) needs some capital.
    """
    if found == surface:
        return True
    letters = _letters(surface)
    if not letters:
        return True
    found_letters = _letters(found)
    if not found_letters:
        return False
    if len(letters) >= 2 and letters.isupper():
        return found_letters == letters
    if letters[0].isupper():
        return found_letters[0].isupper()
    if any(c.isupper() for c in letters):
        return any(c.isupper() for c in found_letters)
    return True


def boundaries_ok(text: str, start: int, end: int) -> bool:
    """Latin-script edges must not continue a word; Han edges need nothing."""
    first, last = text[start], text[end - 1]
    if is_word_char(first) and start > 0 and is_word_char(text[start - 1]):
        return False
    return not (is_word_char(last) and end < len(text) and is_word_char(text[end]))


def longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, longer names winning ("Google DeepMind" over "Google"); in text order."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            chosen.append(hit)
            taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)


class Gazetteer:
    """An Aho-Corasick automaton over every surface form of a knowledge base."""

    def __init__(self, kb: KnowledgeBase, extra: Iterable[Surface] = ()) -> None:
        self.kb = kb
        table: dict[str, list[Surface]] = {}
        for record in kb.surface_records():
            entity = kb.get(record.entity_id)
            if entity is None or not record.text.strip():
                continue
            surface = Surface(record.text, record.entity_id, entity.type, record.kind, record.ambiguous)
            table.setdefault(fold(record.text), []).append(surface)
        for surface in extra:
            table.setdefault(fold(surface.text), []).append(surface)
        self.automaton = ahocorasick.Automaton()
        for key, surfaces in table.items():
            self.automaton.add_word(key, (len(key), tuple(surfaces)))
        if table:
            self.automaton.make_automaton()
        self.size = len(table)

    def raw_hits(self, text: str) -> list[Hit]:
        """Every surface that fits its boundary and case rules, overlaps included."""
        if not text or not self.size:
            return []
        hits: list[Hit] = []
        for end_index, (length, surfaces) in self.automaton.iter(fold(text)):
            start, end = end_index - length + 1, end_index + 1
            if not boundaries_ok(text, start, end):
                continue
            found = text[start:end]
            for surface in surfaces:
                if case_compatible(surface.text, found):
                    hits.append(Hit(start, end, found, surface))
        return hits

    def find(self, text: str) -> list[Hit]:
        """Longest non-overlapping hits; where one span names several entities, all are kept."""
        hits = self.raw_hits(text)
        best = longest_first(hits)
        spans = {(h.start, h.end) for h in best}
        return [h for h in hits if (h.start, h.end) in spans]
