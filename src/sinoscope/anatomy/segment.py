"""Split a text page into paragraphs: one per non-empty line, offsets kept.

Text pages put one paragraph on a line; bilingual pages often put a paragraph and its
translation on consecutive lines with no blank line between, so a line (not a blank-line
block) is the unit. Surrounding white space is trimmed from the span, not from the text.
"""

from __future__ import annotations

import re

from ..doc import Doc, Paragraph

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
# White space to trim at the edges of a line, including the full-width space of CJK pages.
_EDGE = " \t\u3000\u00a0\u200b\ufeff"


def split_lines(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of `text`, trimmed, shifted by `base`."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if end > start:
            spans.append((base + start, base + end))
    return spans


def segment(doc: Doc) -> None:
    """Fill doc.paragraphs from the text, unless an adapter (HTML) already did."""
    if doc.paragraphs:
        return
    doc.paragraphs = [Paragraph(start, end, doc.text[start:end]) for start, end in split_lines(doc.text)]
