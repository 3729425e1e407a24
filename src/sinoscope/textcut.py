"""Cutting text for display at a word boundary: Latin-script words are never split; Chinese may break at any
character (it has no spaces to wait for). Used by snippets and lead sentences."""

from __future__ import annotations

import re

_WORD_CHAR = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF'’_-]")
MAX_BACKOFF = 24  # characters given up at most to reach a boundary (a very long "word" is cut anyway)


def _inside_word(text: str, at: int) -> bool:
    """True when position `at` falls between two characters of one Latin-script word."""
    return 0 < at < len(text) and bool(_WORD_CHAR.match(text[at - 1])) and bool(_WORD_CHAR.match(text[at]))


def cut_end(text: str, at: int) -> int:
    """`at` moved back to the nearest word boundary, within MAX_BACKOFF characters."""
    at = max(0, min(at, len(text)))
    end = at
    while end > 0 and at - end < MAX_BACKOFF and _inside_word(text, end):
        end -= 1
    return at if _inside_word(text, end) else end


def cut_start(text: str, at: int) -> int:
    """`at` moved forward to the nearest word boundary, within MAX_BACKOFF characters."""
    at = max(0, min(at, len(text)))
    start = at
    while start < len(text) and start - at < MAX_BACKOFF and _inside_word(text, start):
        start += 1
    return at if _inside_word(text, start) else start


def shorten(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    end = cut_end(text, limit) or limit  # a first word longer than the limit is cut, not dropped
    return text[:end].rstrip(" ,;:，、；：") + ellipsis


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened or narrowed so that neither end splits a word."""
    return cut_start(text, start), cut_end(text, end)
