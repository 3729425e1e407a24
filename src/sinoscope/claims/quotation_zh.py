"""Quotation marks of Chinese text: the top-level quotations of a run of paragraphs.

Chinese news nests quotations (“他说‘…’”, and often “…“…”…” with the same marks) and carries a
long quotation over several paragraphs. Two conventions for the latter are both common:
  - each new paragraph of the quotation reopens it (“A。 / “B。”): the quotation ends with its paragraph;
  - the quotation simply runs on (“A。 / B。”): it ends where its mark closes.
So a quotation left open at the end of a paragraph runs into the next one unless that paragraph
opens with a mark of its own, and never further than MAX_RUN paragraphs (an unbalanced mark must
not swallow a page).
"""

from __future__ import annotations

OPEN = "“「『"
CLOSE = "”」』"
MAX_RUN = 6  # paragraphs a quotation may run over
_ENDS_WORDS = "，,。！？!?…；;、"  # what quoted words end with, before their closing mark
_BEFORE_OPEN = " \u3000：:，,。（(—-"


def _scan(text: str, depth: int) -> tuple[list[tuple[int, int]], int, int]:
    """Top-level quotations of one paragraph given the depth it starts at.

    Translations often use the wrong mark ("…，“X说" for "…，”X说"; ”…“ reversed; a straight '"' that
    a curly mark closes), so a mark's role is read from where it stands: an opening mark right after the
    punctuation that ends quoted words closes the open quotation, and a closing mark where nothing is
    open opens one when words follow it. Returns (spans, depth at the end, start of the open quotation)
    with spans as (index of the opening mark or -1, index of the closing mark)."""
    spans: list[tuple[int, int]] = []
    start = -1
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == '"' and depth > 0 or ch in OPEN and depth > 0 and prev in _ENDS_WORDS or ch in CLOSE and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
        elif ch in OPEN or ch == '"' or ch in CLOSE and (not prev or prev in _BEFORE_OPEN) and nxt and \
                nxt not in _ENDS_WORDS and not nxt.isspace():
            if depth == 0:
                start = i
            depth += 1
    return spans, depth, start


def doc_quotations(texts: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Top-level quotations over consecutive paragraphs, as (open, close) offsets into the document:
    `open` is the index of the opening mark, `close` that of the closing mark, or the paragraph end
    (exclusive) when a quotation ends with its paragraph unclosed. `texts` are (offset, text) pairs of
    paragraphs that follow one another on the page."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        offset, text = texts[i]
        spans, depth, start = _scan(text, 0)
        out.extend((offset + a, offset + b) for a, b in spans)
        i += 1
        if depth == 0:
            _reopen_run(texts, i - 1, spans, out)
            continue
        # an open quotation: does it run on into the next paragraphs?
        run_start, closed_at, j = offset + start, None, i
        while j < len(texts) and j - i < MAX_RUN:
            nxt_offset, nxt = texts[j]
            if nxt.lstrip()[:1] in OPEN or nxt.lstrip()[:1] == '"':
                break  # the next paragraph reopens: this one's quotation ended with its paragraph
            spans, depth, _ = _scan(nxt, depth)
            if spans and spans[0][0] == -1:
                closed_at = (j, nxt_offset + spans[0][1])
                break
            if depth == 0:
                break
            j += 1
        if closed_at is None:
            out.append((run_start, offset + len(text.rstrip())))
            continue
        out.append((run_start, closed_at[1]))
        # the paragraph where it closed: its later quotations are its own
        j, close = closed_at
        nxt_offset, nxt = texts[j]
        rest = nxt[close - nxt_offset + 1:]
        spans, depth, start = _scan(rest, 0)
        base = close + 1
        out.extend((base + a, base + b) for a, b in spans)
        if depth:
            out.append((base + start, nxt_offset + len(nxt.rstrip())))
        i = j + 1
    return out


_MARKS = OPEN + CLOSE + '"'


def _reopen_run(texts: list[tuple[int, str]], i: int, spans: list[tuple[int, int]],
                out: list[tuple[int, int]]) -> None:
    """"“A。”" / "B。" / "C。”": a translation that closed a quotation with its first paragraph while the words
    ran on to a closing mark that closes nothing, paragraphs later. When only unmarked paragraphs stand between
    them, the quotation runs from the first paragraph's opening mark to that closing mark."""
    offset, text = texts[i]
    body = text.rstrip()
    if not body or body[-1] not in CLOSE or any(b == len(body) - 1 for _, b in spans):
        return
    for j in range(i - 1, max(-1, i - 1 - MAX_RUN), -1):
        j_offset, j_text = texts[j]
        if not any(ch in _MARKS for ch in j_text):
            continue
        lead = j_text.lstrip()
        start = len(j_text) - len(lead)
        tail = j_text.rstrip().rstrip("。.！!？?")
        whole = (j_offset + start, j_offset + len(tail) - 1)
        if lead[:1] in OPEN and tail[-1:] in CLOSE and whole in out and \
                not any(ch in _MARKS for ch in j_text[start + 1:len(tail) - 1]):
            out[out.index(whole)] = (whole[0], offset + len(body) - 1)
        return
