"""Cross-language search terms: a query naming a knowledge-base entry in any of its forms
(Alibaba / 阿里巴巴, Nvidia / 英伟达, export controls / 出口管制) also searches its other forms.

The KB's names, aliases and generated Traditional variants are the forms. A form the KB marks
ambiguous (it needs context to name the entry, e.g. 字节 for ByteDance) is added only when the
typed text is itself ambiguous: who types "export controls" accepts "出口管制" as well, but who
types "ByteDance" did not ask for every page saying 字节. Forms that contain another form
searched for are left out of the query (阿里巴巴集团 is found by 阿里巴巴) but still reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

MAX_FORMS = 16  # alternatives searched per term
MAX_PHRASE_WORDS = 4  # "US export controls" is three words; KB names are short
_LATIN_START = re.compile(r"^[^\W_]", re.ASCII)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class TermGroup:
    """One thing the query asks for: the typed text, and the forms any of which satisfies it."""

    text: str
    forms: tuple[str, ...]  # searched for (pruned: no form containing another)
    reported: tuple[str, ...] = ()  # every form, longest first, for "matched 阿里巴巴集团"
    entity_ids: tuple[str, ...] = field(default=())

    @property
    def expanded(self) -> bool:
        return len(self.forms) > 1


def form_pattern(form: str) -> re.Pattern[str]:
    """Where a form occurs in text: case-insensitive; a form starting with a Latin letter or digit
    only at a word start ("AI" not inside "said"), as the word index matches it."""
    return any_form_pattern((form,))


@lru_cache(maxsize=256)
def any_form_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the forms (one pass over a text), the longest first where they start together."""
    ordered = sorted({f for f in forms if f}, key=lambda f: (-len(f), f))
    if not ordered:
        return re.compile(r"(?!)")  # matches nothing
    lead = r"(?<![^\W_])"  # not right after a letter or digit
    return re.compile("|".join((lead if _LATIN_START.match(f) else "") + re.escape(f) for f in ordered),
                      re.IGNORECASE)


def _contains(longer: str, shorter: str) -> bool:
    return longer != shorter and bool(form_pattern(shorter).search(longer))


@lru_cache(maxsize=1)
def _kb() -> Any:
    from ..kb.load import load_kb

    return load_kb()


def warm_up() -> None:
    """Load the KB's name table now (about a second), not on the first search."""
    _kb().ids_by_surface()


def _forms_of(kb: Any, text: str) -> tuple[list[str], list[str]]:
    """(every form of the entries `text` names, their ids), the typed text first; nothing if none."""
    from ..kb.load import normalise_key

    key = normalise_key(text)
    ids = kb.ids_by_surface().get(key, [])
    if not ids:
        return [], []
    records = [r for r in kb.surface_records() if r.entity_id in ids]
    typed_ambiguous = any(r.ambiguous for r in records if normalise_key(r.text) == key)
    forms = [text] + [r.text for r in records if typed_ambiguous or not r.ambiguous]
    unique: dict[str, str] = {}
    for form in forms:
        if len(form) >= 2 or _HAN.search(form):
            unique.setdefault(normalise_key(form), form)
    return list(unique.values()), list(ids)


def _group(kb: Any, text: str) -> TermGroup | None:
    forms, ids = _forms_of(kb, text)
    if len(forms) < 2:
        return None
    searched = [f for f in forms if not any(_contains(f, other) for other in forms)]
    if text not in searched:  # the typed text is searched as typed, even if a shorter form covers it
        searched.insert(0, text)
    return TermGroup(text, tuple(searched[:MAX_FORMS]), tuple(sorted(forms, key=len, reverse=True)), tuple(ids))


def expand_terms(terms: list[str], quoted: set[str] | None = None, kb: Any = None) -> list[TermGroup]:
    """The query's terms as groups: a run of up to MAX_PHRASE_WORDS words naming a KB entry
    ("export controls") becomes one group with every form of the entry; other terms stay as typed."""
    kb = kb if kb is not None else _kb()
    quoted = quoted or set()
    groups: list[TermGroup] = []
    i = 0
    while i < len(terms):
        found = None
        for j in range(min(len(terms), i + MAX_PHRASE_WORDS), i, -1):
            if j - i > 1 and any(t in quoted for t in terms[i:j]):
                continue  # a quoted phrase is one term of its own
            found = _group(kb, " ".join(terms[i:j]))
            if found:
                groups.append(found)
                i = j
                break
        if not found:
            groups.append(TermGroup(terms[i], (terms[i],), (terms[i],)))
            i += 1
    return groups


def plain_groups(terms: list[str]) -> list[TermGroup]:
    return [TermGroup(t, (t,), (t,)) for t in terms]


def matched_forms(groups: list[TermGroup], *texts: str | None, scan: int = 200_000) -> list[dict[str, Any]]:
    """For each expanded group, the form a result contains (where it first occurs; the longest form
    there), so a page can say "阿里巴巴 matched Alibaba". Only the first `scan` characters are read."""
    out = []
    for group in groups:
        if not group.expanded:
            continue
        pattern = any_form_pattern(group.reported)
        found = next((m.group() for text in texts if text and (m := pattern.search(text, 0, scan))), None)
        if found:
            by_key = {f.casefold(): f for f in group.reported}
            form = by_key.get(found.casefold(), found)
            out.append({"term": group.text, "form": form, "entity_ids": list(group.entity_ids),
                        "as_typed": form.casefold() == group.text.casefold()})
    return out
