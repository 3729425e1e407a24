"""A transliterated person a Chinese page writes two ways is one person.

Translators are not consistent within a page, and the tagger cuts what they write:

- the same sounds in other characters: 斯皮斯 and 乔丹·斯皮思, 格雷斯 and 格蕾丝 (the same toneless pinyin);
- a surname alone after the full name written without a separator: 桑德斯 after 萨拉桑德斯;
- a full name the tagger cut by its last syllable: 爱莉安娜·格兰 beside 爱莉安娜·格兰德, 克里斯蒂安·阿伯克龙|比.

Each joins the one person of the page it can belong to; a form two people could own stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..doc import Doc
from ..kb.load import has_han
from .candidates import Candidate
from .discover_zh import SEPARATORS, looks_transliterated
from .english_forms import toneless_syllables
from .learn import identity
from .zh_lexicon import TRANSLIT_CHARS

_SEPARATOR_RE = re.compile(f"[{re.escape(SEPARATORS)}]")
_MIN_SOUNDED = 3  # two-character forms (杰克, 杰可) are too short to tell a variant from another name
_MIN_HEAD = 2  # 萨拉|桑德斯: the given name before an unseparated surname


def _sounds(name: str) -> tuple[str, ...]:
    return toneless_syllables(_SEPARATOR_RE.sub("", name))


def _transliterated(name: str) -> bool:
    """Written in transliteration characters; a name with a separator may hold one other (阿伯克龙)."""
    if _SEPARATOR_RE.search(name) is None:
        return looks_transliterated(name)
    letters = _SEPARATOR_RE.sub("", name)
    return len(letters) >= 3 and sum(c not in TRANSLIT_CHARS for c in letters) <= 1


def _parts(name: str) -> list[str]:
    return [p for p in _SEPARATOR_RE.split(name) if p]


def _same_sounds(a: str, b: str) -> bool:
    return a != b and len(a) == len(b) >= _MIN_SOUNDED and _sounds(a) == _sounds(b)


def _owns(full: str, form: str) -> bool:
    """Whether `form` on the page can be a way of writing the person named `full` there."""
    if form == full:
        return False
    parts = _parts(full)
    if _same_sounds(form, full) or (len(parts) >= 2 and _same_sounds(form, parts[-1])):
        return True  # 格雷斯 ~ 格蕾丝, 斯皮斯 ~ 乔丹·斯皮思
    if len(parts) == 1 and len(full) - len(form) >= _MIN_HEAD and full.endswith(form) and len(form) >= 2:
        return looks_transliterated(full)  # 桑德斯 of 萨拉桑德斯
    return len(parts) >= 2 and _SEPARATOR_RE.search(form) is not None and len(full) == len(form) + 1 \
        and full.startswith(form)  # 爱莉安娜·格兰 of 爱莉安娜·格兰德


def join_transliteration_variants(doc: Doc, candidates: list[Candidate],
                                  merge: Callable[[Candidate, Candidate], bool]) -> None:
    """Merge each transliterated form into the one person of the page that owns it (see the module notes)."""
    people = [c for c in candidates if c.coarse == "person" and has_han(c.text)]
    names: dict[str, set[str]] = {}
    holder: dict[str, Candidate] = {}
    for cand in people:
        names.setdefault(identity(cand), set()).add(cand.text)
        holder.setdefault(identity(cand), cand)
    for cand in people:
        if cand.entity or not _transliterated(cand.text):
            continue
        mine = identity(cand)
        owners = {ident for ident, fulls in names.items() if ident != mine
                  and any(_owns(full, cand.text) for full in fulls)}
        if len(owners) != 1:
            continue
        owner = holder[next(iter(owners))]
        full = next(f for f in names[identity(owner)] if _owns(f, cand.text))
        rest = full[len(cand.text):] if full.startswith(cand.text) else ""
        if rest and doc.text.startswith(rest, cand.end):
            cand.end += len(rest)  # 克里斯蒂安·阿伯克龙|比头部: the syllable the tagger left off
            cand.text = doc.text[cand.start:cand.end]
        if merge(owner, cand):
            names[identity(owner)] |= names.pop(mine, set())
