"""The short name of a Chinese organisation named inside its parent (雪域大学|麦克斯韦学院, 德国议会|国防委员会)
or after its place (内华达州|克拉克县地方法院).

The body is one entity under its full name, with its own short name (麦克斯韦学院, 克拉克县地方法院) as an
alias. The tagger often reads the whole as one word, so the parts are found by their heads, not by its tokens.
"""

from __future__ import annotations

from collections.abc import Callable

_MIN_PART = 4  # 国防委员会, not 委员会: a bare head is no name of its own
_PLACE_ENDS = ("州", "省", "市", "县", "国")


def _ends_with(word: str, heads: tuple[str, ...]) -> bool:
    return any(word.endswith(h) and word != h and (len(h) >= 2 or len(word) >= 3) for h in heads)


def compound_short_name(name: str, heads: tuple[str, ...], tag_alone: Callable[[str], str]) -> int | None:
    """Where the short name starts inside `name`, or None."""
    for cut in range(len(name) - _MIN_PART, 1, -1):
        parent, short = name[:cut], name[cut:]
        if short not in heads and _ends_with(parent, heads) and _ends_with(short, heads):
            return cut  # 雪域大学|麦克斯韦学院
    for cut in range(2, len(name) - _MIN_PART + 1):
        place, rest = name[:cut], name[cut:]
        if place.endswith(_PLACE_ENDS) and tag_alone(place) == "LOC" and _ends_with(rest, heads) \
                and rest not in heads:
            return cut  # 内华达州|克拉克县地方法院
    return None


# -- abbreviations ------------------------------------------------------------------------------------------
_MIN_FULL = 4


def _gaps(short: str, full: str) -> list[str] | None:
    """The pieces of `full` left out when `short` is read as its characters in order, the first kept
    (山东高院 of 山东省高级人民法院 → 省, 级人民法); None when it is not."""
    if len(short) < 2 or len(full) < _MIN_FULL or len(short) >= len(full) or short[0] != full[0]:
        return None
    gaps, pos = [], 0
    for ch in short:
        found = full.find(ch, pos)
        if found < 0:
            return None
        if found > pos:
            gaps.append(full[pos:found])
        pos = found + 1
    return gaps + [full[pos:]] if pos < len(full) else gaps


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is the Chinese abbreviation of `full` (北大 北京大学, 河南师大 河南师范大学, 山东高院 山东省
    高级人民法院, 江西工商局 江西省工商局): its characters in order, the first kept, cut in several places or by one
    character, at most one left off the end — 中国银行 leaves one word, 工商, out of 中国工商银行 and is another
    bank."""
    gaps = _gaps(short, full)
    if not gaps or (not full.endswith(short[-1]) and len(gaps[-1]) > 1):
        return False  # 中信 is no cut of 中国信达资产管理公司: an abbreviation keeps the head's first character
    return len(gaps) >= 2 or len(gaps[0]) == 1


def join_abbreviations(candidates: list, merge: Callable[[object, object], bool]) -> None:
    """Each Chinese organisation written as the abbreviation of exactly one fuller body of the page joins it."""
    orgs = [c for c in candidates if c.coarse == "org" and all("\u4e00" <= ch <= "\u9fff" for ch in c.text)]
    names = {c.text: c for c in orgs}
    for cand in orgs:
        if cand.entity:
            continue
        fulls = [n for n in names if abbreviates(cand.text, n)]
        if len(fulls) == 1:
            merge(names[fulls[0]], cand)


def join_place_prefixed(candidates: list, merge: Callable[[object, object], bool],
                        tag_alone: Callable[[str], str], heads: tuple[str, ...]) -> None:
    """国民议会委员会 on a page naming 威尔士国民议会委员会: a body named without the place before it is the one
    body of the page named with it."""
    orgs = [c for c in candidates if c.coarse == "org" and all("\u4e00" <= ch <= "\u9fff" for ch in c.text)]
    names = {c.text: c for c in orgs}
    for cand in orgs:
        if cand.entity or len(cand.text) < _MIN_PART or not _ends_with(cand.text, heads):
            continue
        fulls = [n for n in names if len(n) - len(cand.text) >= 2 and n.endswith(cand.text)
                 and tag_alone(n[: -len(cand.text)]) == "LOC"]
        if len(fulls) == 1:
            merge(names[fulls[0]], cand)
