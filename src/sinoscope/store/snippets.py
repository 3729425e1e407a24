"""Search-result snippets: a window of the text around the first hit, cut at word boundaries
(never inside a Latin word; between any two Chinese characters is a character boundary), with the
offsets of every hit inside it so a page can highlight them (escaped, never as markup)."""

from __future__ import annotations

import re

from .search_terms import any_form_pattern

SNIPPET_CHARS = 80
MAX_SHIFT = 24  # how far a cut moves to reach a word boundary before it cuts anyway
_WORD = re.compile(r"[^\W_]", re.ASCII)  # Latin letters and digits: the characters a word is made of


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and bool(_WORD.match(text[at - 1])) and bool(_WORD.match(text[at]))


def _start_at_boundary(text: str, start: int, limit: int) -> int:
    """Move a cut forward to the end of the word it falls in (at most MAX_SHIFT, never past `limit`)."""
    at = start
    while _inside_word(text, at) and at - start < MAX_SHIFT and at < limit:
        at += 1
    return at if not _inside_word(text, at) else start


def _end_at_boundary(text: str, end: int, floor: int) -> int:
    """Move a cut back to the start of the word it falls in, not before `floor`; else forward to its end."""
    at = end
    while _inside_word(text, at) and end - at < MAX_SHIFT and at > floor:
        at -= 1
    if not _inside_word(text, at):
        return at
    at = end
    while _inside_word(text, at) and at - end < MAX_SHIFT:
        at += 1
    return at


def hits(text: str, forms: list[str], limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the occurrences of any form, in order, the longest where several start together
    (at most `limit` of them)."""
    found: list[tuple[int, int]] = []
    for match in any_form_pattern(tuple(forms)).finditer(text):
        found.append(match.span())
        if limit is not None and len(found) >= limit:
            break
    return found


def snippet(body: str, forms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """About 2×width characters of `body` around its first hit, whitespace collapsed, "…" where cut,
    and the hits inside it as (start, end) offsets into the snippet."""
    first = hits(body[:200_000], forms, limit=1)  # bounded: a snippet never scans past the first 200k characters
    at, hit_end = first[0] if first else (0, 0)
    start = max(0, at - width // 2)
    start = _start_at_boundary(body, start, at) if start else 0
    end = min(len(body), max(start + width * 2, hit_end))
    end = _end_at_boundary(body, end, hit_end) if end < len(body) else end
    piece = " ".join(body[start:end].split())
    text = ("…" if start else "") + piece + ("…" if end < len(body) else "")
    return text, hits(text, forms)


def parts(text: str, spans: list[tuple[int, int]] | list[list[int]]) -> list[tuple[str, bool]]:
    """The snippet as (text, is_hit) pieces for a template to wrap hits in <mark>."""
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start < at or end > len(text):
            continue
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def shorten(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` cut to about `limit` characters at a word boundary (lead sentences), with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    end = _end_at_boundary(text, limit, 0) or limit  # a first word longer than the limit is cut, not dropped
    return text[:end].rstrip(" ,;:，、；：") + ellipsis
