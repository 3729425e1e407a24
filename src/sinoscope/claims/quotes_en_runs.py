"""English quotations that run over several paragraphs, and quotations with no cue of their own.

News copy often breaks one quotation into paragraphs: “A. ⏎ B,” she said. (the first paragraph's
mark is never closed; later paragraphs may or may not reopen it). The paragraphs are read one at a
time by `quotes_en`, so this document-level pass joins such a run into ONE quote, attributed by the
cue that closes it (or opens it: "X said: “A. ⏎ B.”"), and gives a paragraph that is a quotation
with no cue of its own to the speaker of the quotation just before it.
"""

from __future__ import annotations

import re

from ..doc import Doc
from .quotes_en import en_quote_spans
from .raw_quote import RawQuote
from .speakers import EN_FIRST_PERSON

_MAX_RUN = 8  # paragraphs one quotation may run over
_OPENERS = "“\"'‘"


def _single_closers(text: str, start: int) -> bool:
    """A ’/' after `start` that closes a quotation (not an apostrophe inside a word: "don't")."""
    return re.search(r"[\w.,!?][’'](?![\w])", text[start:]) is not None


def _dangling_open(text: str) -> int | None:
    """Index of an opening mark that the paragraph never closes (the quotation goes on)."""
    spans = en_quote_spans(text)
    after = spans[-1][1] + 1 if spans else 0
    curly = text.rfind("“", after)
    if curly >= 0 and "”" not in text[curly:] and '"' not in text[curly:]:
        return curly
    if text.count('"') % 2:
        pos = text.rfind('"')
        if pos + 1 < len(text) and (pos == 0 or text[pos - 1] in " (—–-") and not text[pos + 1].isspace():
            return pos
    if text[:1] in "'‘" and not spans and not _single_closers(text, 1):
        return 0
    # "X said: 'A." ⏎ "B.'" — a single mark opened after a colon and never closed in its paragraph
    m = re.search(r":\s+([‘'])(?=\w)", text[after:])
    if m and not _single_closers(text, after + m.end(1)):
        return after + m.start(1)
    return None


def _leading_close(text: str, single: bool) -> int | None:
    """Index of a closing mark that comes before any opening one (the end of a quotation begun earlier)."""
    for m in re.finditer(r"[’']" if single else r"[”\"]", text):
        pos = m.start()
        before = text[:pos]
        if pos == 0 or before[-1].isspace():
            return None  # an opening mark comes first
        if text[pos] in "’'" and pos + 1 < len(text) and text[pos + 1].isalpha():
            continue  # an apostrophe
        if before[-1] in ".,!?;…—-" or (text[pos] in "”\"" and not any(c in before for c in _OPENERS)):
            if any(c in before for c in "“‘") and text[pos] in "”’":
                return None
            return pos
    return None


def _opens_quotation(text: str) -> bool:
    return text[:1] in _OPENERS


# "Limbaugh added:" / "The Tern Gazette reports:" closing a paragraph: the next paragraph is what was said
_COLON_LEAD = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?:(?:But|And|As|Then|Later|Still),?\s+)?"
    r"(?P<subj>(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
    r"(?:\s+\w+ly)?\s+(?P<cue>(?:said|says|added|adds|wrote|writes|reported|reports|continued|continues|explained|"
    r"explains|tweeted|tweets|stated|states|declared|declares|noted|notes|argued|argues|warned|warns|replied|"
    r"responded|answered|posted|told\s+[\w.'’ ]{1,40}?))(?:\s+(?:on\s+)?\w+day)?\s*:\s*$")


def colon_leads(doc: Doc, raws: dict[int, list[RawQuote]], order: list[int]) -> None:
    """A paragraph that ends with "X said:" attributes the next paragraph, when that one has no cue of its own."""
    for i, j in zip(order, order[1:], strict=False):
        lead = _COLON_LEAD.search(doc.paragraphs[i].text)
        nxt = doc.paragraphs[j].text
        if lead is None or j != i + 1 or raws.get(j) or len(nxt.split()) < 4:
            continue
        start = len(nxt) - len(nxt.lstrip())
        end = len(nxt.rstrip())
        if nxt[start:start + 1] in "“\"" and (nxt[end - 1:end] in "”\"" or _dangling_open(nxt) == start):
            start += 1
            end -= nxt[end - 1:end] in "”\""
        else:
            end = len(nxt[:end].rstrip(" ."))  # reported words keep no sentence stop, as the other rules cut them
        base = doc.paragraphs[i].start
        raws[j] = [RawQuote(doc.paragraphs[j].start + start, doc.paragraphs[j].start + end, "direct",
                            lead.group("cue").split()[0], lead.group("subj"), base + lead.start("subj"),
                            base + lead.end("subj"))]


def join_runs(doc: Doc, raws: dict[int, list[RawQuote]], order: list[int]) -> None:
    """Rewrite `raws` (paragraph index → quotes, English paragraphs read alone) in place."""
    colon_leads(doc, raws, order)
    last: RawQuote | None = None
    k = 0
    while k < len(order):
        i = order[k]
        para = doc.paragraphs[i]
        text = para.text
        p = _dangling_open(text)
        run_end = None
        if p is not None:
            for n in range(k + 1, min(k + 1 + _MAX_RUN, len(order))):
                nxt = doc.paragraphs[order[n]].text
                c = _leading_close(nxt, text[p] in "'‘")
                if c is not None:
                    run_end = (n, c)
                    break
                body = nxt[1:] if _opens_quotation(nxt) else nxt
                if any(ch in body for ch in "“”\"") or _dangling_open(nxt) not in (None, 0):
                    break
        if run_end is None:
            here = raws.get(i, [])
            if not here and last is not None and _whole_quotation(text) and len(text.split()) >= 2:
                s, e = _strip_marks(text)
                here = [RawQuote(para.start + s, para.start + e, "direct", "", last.subject, last.subject_start,
                                 last.subject_end)]
                raws[i] = here
            last = here[-1] if here else None
            k += 1
            continue
        n, c = run_end
        j = order[n]
        start, end = para.start + p + 1, doc.paragraphs[j].start + c
        while end > start and doc.text[end - 1] in ",":
            end -= 1
        closing = [q for q in raws.get(j, []) if q.start <= doc.paragraphs[j].start + 2]
        # "…, I think," Haris told AP: the "I think" is inside the quotation, the cue after it attributes
        closing.sort(key=lambda q: (q.subject or "").lower() in EN_FIRST_PERSON)
        opening = [q for q in raws.get(i, []) if q.start - 2 <= start <= q.end + 2]
        source = (closing or opening or [last])[0]
        for m in range(k, n + 1):  # the pieces of the run are replaced by the whole
            idx = order[m]
            raws[idx] = [q for q in raws.get(idx, []) if q.end <= start or q.start >= end]
        if source is not None:
            merged = RawQuote(start, end, "direct", source.cue, source.subject, source.subject_start,
                              source.subject_end)
            raws[i] = sorted([*raws.get(i, []), merged], key=lambda q: q.start)
            last = merged
        k = n + 1


def _whole_quotation(text: str) -> bool:
    t = text.strip()
    return len(t) > 2 and t[0] in "“\"" and t[-1] in "”\"" and not re.search(r"[”\"]\s+\w+\s+(?:said|says)\b", t)


def _strip_marks(text: str) -> tuple[int, int]:
    s = len(text) - len(text.lstrip()) + 1
    e = len(text.rstrip()) - 1
    return s, e
