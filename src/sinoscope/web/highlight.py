"""Turn a document's text and its fact spans into a flat stream of tokens for the template.

Tokens are tuples: ("t", text) for page text, ("o", css_class, anchor_id, title) to open a
highlight and ("c",) to close it. The template writes text through Jinja's autoescaping, so
page content is never trusted as markup. Spans may nest (a name inside a quote) or cross
(a forecast starting inside a quote and ending after it): a crossing span is split, and only
its first piece carries the `#span-…` anchor that links jump to.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

MAX_SPANS = 5000  # a pathological page must not make the view quadratic
# When two spans start at the same place and are equally long, the outer one is the first listed.
KIND_ORDER = {"quote": 0, "forecast": 1, "figure": 2, "entity": 3}
ANCHOR_PREFIX = {"quote": "q", "forecast": "fc", "figure": "f", "entity": "m"}

Token = tuple


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | forecast | figure | entity
    row_id: int
    title: str = ""

    @property
    def anchor(self) -> str:
        return span_anchor(self.kind, self.row_id)


def span_anchor(kind: str, row_id: int) -> str:
    return f"span-{ANCHOR_PREFIX.get(kind, kind)}-{row_id}"


def marks_from(document: dict, entity_names: dict[str, str] | None = None) -> list[Mark]:
    """The highlightable spans of a document as returned by store.queries.get_document."""
    names = entity_names or {}
    length = len(document.get("text") or "")
    marks: list[Mark] = []
    layers = (("quotes", "quote", "speaker"), ("forecasts", "forecast", "holder"),
              ("figures", "figure", "unit"), ("mentions", "entity", "entity_id"))
    for layer, kind, title_field in layers:
        for row in document.get(layer) or []:
            start, end = row.get("start"), row.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= length:
                continue
            title = str(row.get(title_field) or "")
            if kind == "entity":
                title = names.get(title, title)
            marks.append(Mark(start, end, kind, int(row["id"]), title))
    return marks[:MAX_SPANS]


def tokens(text: str, start: int, end: int, marks: list[Mark]) -> list[Token]:
    """Tokens for text[start:end] with every mark that overlaps it, nested and split as needed."""
    heap: list[tuple] = []
    for seq, mark in enumerate(marks):
        lo, hi = max(mark.start, start), min(mark.end, end)
        if lo < hi:
            anchor = mark.anchor if mark.start >= start else ""
            heap.append((lo, -hi, KIND_ORDER.get(mark.kind, 9), seq, mark, anchor))
    heapq.heapify(heap)
    out: list[Token] = []
    stack: list[int] = []  # ends of the open highlights, innermost last
    pos = start
    while heap:
        lo, neg_hi, order, seq, mark, anchor = heapq.heappop(heap)
        hi = -neg_hi
        while stack and stack[-1] <= lo:
            pos = _close(out, text, pos, stack.pop())
        if lo > pos:
            out.append(("t", text[pos:lo]))
            pos = lo
        if stack and hi > stack[-1]:
            # crosses the enclosing highlight: the part beyond it is handled later, without the anchor
            heapq.heappush(heap, (stack[-1], -hi, order, seq, mark, ""))
            hi = stack[-1]
        if hi <= lo:
            continue
        out.append(("o", f"hl hl-{mark.kind}", anchor, mark.title))
        stack.append(hi)
    while stack:
        pos = _close(out, text, pos, stack.pop())
    if pos < end:
        out.append(("t", text[pos:end]))
    return out


def _close(out: list[Token], text: str, pos: int, until: int) -> int:
    if until > pos:
        out.append(("t", text[pos:until]))
    out.append(("c",))
    return max(pos, until)
