"""Chinese person names the tagger cut or ran on, mended from the names the page itself gives.

A page that names 苏银霞 and also tags 苏银 in 苏银霞源大工贸, 欢轻 in 对于欢轻判 (于欢 | 轻判), or 李简特 in
李简特有的 (李简 | 特有) has made one person three ways. The page's own names decide:

- a piece the text continues into a fuller name of the page becomes that name (苏银 → 苏银霞);
- a piece that cuts across an occurrence of a page name is no name (欢轻 across 于欢);
- a name that is a page name plus the first character of a common word is trimmed (李简特 → 李简);
- a given name alone (思浩) joins the one person of the page it belongs to (梁思浩).
"""

from __future__ import annotations

from ..doc import Doc
from .candidates import Candidate
from .discover_zh import COMMON_WORD_FREQ, looks_chinese_name, surname_length, word_frequency
from .learn import identity


def _chinese_people(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {c.text: c for c in candidates if c.coarse == "person" and looks_chinese_name(c.text)}


def _adopt(doc: Doc, cand: Candidate, owner: Candidate, start: int, end: int) -> None:
    cand.start, cand.end, cand.text = start, end, doc.text[start:end]
    cand.entity, cand.key, cand.type = owner.entity, owner.key, owner.type


def mend_chinese_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    people = _chinese_people(candidates)
    if not people:
        return candidates
    text = doc.text
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.entity or cand.coarse != "person" or not looks_chinese_name(cand.text):
            kept.append(cand)
            continue
        fuller = next((n for n in people if len(n) > len(cand.text) and n.startswith(cand.text)
                       and text.startswith(n, cand.start)), None)
        if fuller is not None:
            _adopt(doc, cand, people[fuller], cand.start, cand.start + len(fuller))  # 苏银|霞 → 苏银霞
            kept.append(cand)
            continue
        if _cuts_across(text, cand, people):
            continue  # 欢轻 of 对于欢轻判, where the page names 于欢
        shorter = next((n for n in people if len(n) < len(cand.text) and cand.text.startswith(n)
                        and _common_tail(text, cand.start + len(n), cand.end)), None)
        if shorter is not None:
            _adopt(doc, cand, people[shorter], cand.start, cand.start + len(shorter))  # 李简|特有
        kept.append(cand)
    _given_names_alone(candidates)
    return kept


def _cuts_across(text: str, cand: Candidate, people: dict[str, Candidate]) -> bool:
    for name in people:
        if name == cand.text:
            continue
        for start in range(max(0, cand.start - len(name) + 1), cand.end):
            end = start + len(name)
            overlaps = start < cand.end and cand.start < end
            if overlaps and not (start <= cand.start and cand.end <= end) and text.startswith(name, start) and (
                    start < cand.start):
                return True
    return False


def _common_tail(text: str, cut: int, end: int) -> bool:
    """Whether the characters after `cut` up to the name's end, with the next character, make a common word."""
    tail = text[cut:end]
    return 0 < len(tail) <= 1 and end < len(text) and word_frequency(tail + text[end]) >= COMMON_WORD_FREQ


def _given_names_alone(candidates: list[Candidate]) -> None:
    """思浩 alone joins 梁思浩 when exactly one person of the page has that given name."""
    owners: dict[str, set[str]] = {}
    holder: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.coarse == "person" and looks_chinese_name(cand.text) and len(cand.text) == 3:
            given = cand.text[surname_length(cand.text):]
            if len(given) == 2:
                owners.setdefault(given, set()).add(identity(cand))
                holder.setdefault(identity(cand), cand)
    for cand in candidates:
        if cand.entity or cand.coarse != "person" or len(cand.text) != 2:
            continue
        idents = owners.get(cand.text, set())
        if len(idents) == 1 and identity(cand) not in idents:
            owner = holder[next(iter(idents))]
            mine = identity(cand)
            for other in candidates:
                if identity(other) == mine:
                    other.entity, other.key, other.type = owner.entity, owner.key, owner.type
