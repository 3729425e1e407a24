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
