"""A CRF tagger for English attributions: content, source and cue tokens, with no parser.

Trained offline by `scripts/train_quote_crf.py` on PolNeAR's training split (python-crfsuite, the
engine of sklearn-crfsuite) and shipped as `data/quote_crf.crfsuite`; at run time it only tags. Its
features are the word, its shape, whether it is inside quotation marks and whether it (or a word
near it) is a learned cue. The quote rules stay first: the tagger adds the attributions they miss.
"""

from __future__ import annotations

import functools
import pathlib
import re
from typing import Any

MODEL = pathlib.Path(__file__).with_name("data") / "quote_crf.crfsuite"
TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
_QUOTES = set("“”\"")
_IRREGULAR = {"said", "told", "wrote", "written", "thought", "felt", "knew", "known", "found", "saw", "according",
              "says", "spoke", "said,", "made", "gave", "put", "held", "heard"}


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


@functools.cache
def cue_forms() -> frozenset[str]:
    from .quotes_en import SPEECH_VERBS

    forms = set(_IRREGULAR)
    for lemma in SPEECH_VERBS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", stem + "ing", stem + "ed"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return frozenset(forms)


def _shape(w: str) -> str:
    s = re.sub(r"[A-Z]", "X", w)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def _bucket(n: int | None) -> str:
    if n is None:
        return "none"
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "far"


def features(toks: list[tuple[int, int, str]]) -> list[list[str]]:
    words = [t[2] for t in toks]
    low = [w.lower() for w in words]
    forms = cue_forms()
    cue = [w in forms for w in low]
    inq, state = [], False
    for w in words:
        if w in _QUOTES:
            state = not state if w == '"' else (w == "“")
            inq.append(True)
        else:
            inq.append(state)
    n = len(words)
    last_cue, left = None, []
    for i in range(n):
        left.append(None if last_cue is None else i - last_cue)
        if cue[i]:
            last_cue = i
    next_cue, right = None, [None] * n
    for i in range(n - 1, -1, -1):
        right[i] = None if next_cue is None else next_cue - i
        if cue[i]:
            next_cue = i
    sent_start = [i == 0 or words[i - 1] in (".", "!", "?") for i in range(n)]
    out = []
    for i in range(n):
        w, lw = words[i], low[i]
        f = ["b", "w=" + lw, "sh=" + _shape(w), "s3=" + lw[-3:], "q=" + str(inq[i]), "cue=" + str(cue[i]),
             "cl=" + _bucket(left[i]), "cr=" + _bucket(right[i]), "ss=" + str(sent_start[i])]
        if w[:1].isupper():
            f.append("cap")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += [f"w{d}=" + low[j], f"sh{d}=" + _shape(words[j]), f"cue{d}=" + str(cue[j])]
            else:
                f.append(f"w{d}=<pad>")
        if i > 0:
            f.append("bg=" + low[i - 1] + "|" + lw)
        out.append(f)
    return out


@functools.cache
def tagger() -> Any:
    if not MODEL.exists():
        return None
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(MODEL))
    return t


def spans(labels: list[str], toks: list[tuple[int, int, str]], kind: str) -> list[tuple[int, int]]:
    """Character spans of runs labelled B-kind/I-kind."""
    out: list[tuple[int, int]] = []
    start = end = None
    for (a, b, _), lab in zip(toks, labels, strict=True):
        if lab == "B-" + kind or (lab == "I-" + kind and start is None):
            if start is not None:
                out.append((start, end))
            start, end = a, b
        elif lab == "I-" + kind:
            end = b
        else:
            if start is not None:
                out.append((start, end))
            start = end = None
    if start is not None:
        out.append((start, end))
    return out


def tag(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(content, source, cue) character spans of one paragraph, or nothing without the model."""
    t = tagger()
    toks = tokens(text)
    if t is None or not toks:
        return [], [], []
    labels = t.tag(features(toks))
    return spans(labels, toks, "C"), spans(labels, toks, "S"), spans(labels, toks, "Q")


def _nearest(span: tuple[int, int], others: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The span of `others` closest to `span` without a sentence end between them."""
    best, best_gap = None, None
    for o in others:
        a, b = (o[1], span[0]) if o[1] <= span[0] else (span[1], o[0])
        if a > b:
            gap = 0
        else:
            between = text[a:b]
            if re.search(r"[.!?][”\"]?\s+[A-Z“\"]", between):
                continue
            gap = b - a
        if best_gap is None or gap < best_gap:
            best, best_gap = o, gap
    return best


def _parsed_subject(parse: Any, cue: tuple[int, int]) -> tuple[int, int] | None:
    """The grammatical subject of the cue's verb in the shared parse ("…, the senator said")."""
    from .quotes_en import _subject, _subject_span

    if parse is None:
        return None
    span = parse.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in span if t.pos_ in ("VERB", "AUX")), None)
    subj = _subject(verb) if verb is not None else None
    return _subject_span(subj) if subj is not None else None


def crf_quotes(text: str, offset: int, taken: list[tuple[int, int]], parse: Any = None, min_words: int = 3) -> list:
    """Attributions the tagger finds in one paragraph outside the spans the rules took (doc offsets)."""
    from .raw_quote import RawQuote

    contents, sources, cues = tag(text)
    out = []
    for c0, c1 in contents:
        if any(a < offset + c1 and offset + c0 < b for a, b in taken):
            continue
        if len(text[c0:c1].split()) < min_words:
            continue
        cue = _nearest((c0, c1), cues, text)
        if cue is None or not any(w.lower() in cue_forms() for w in TOKEN.findall(text[cue[0]:cue[1]])):
            continue  # content with no speech cue near it is the author's voice (or an action)
        src = _parsed_subject(parse, cue) or _nearest((c0, c1), sources, text)
        if src is None:
            continue  # no one to attribute it to
        s0, s1 = src
        inside = text[max(0, c0 - 1):c0] in ("“", '"') or text[c1:c1 + 1] in ("”", '"')
        out.append(RawQuote(offset + c0, offset + c1, "direct" if inside else "indirect", text[cue[0]:cue[1]],
                            text[s0:s1], offset + s0, offset + s1))
    return out
