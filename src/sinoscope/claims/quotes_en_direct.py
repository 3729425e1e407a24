"""English direct quotations attributed by the short clause after them.

“A,” X said. / “A?” asked X, a spokesman. / “A,” X, a senior aide, said on Monday. “B.”

The speaker is read from the attribution clause between the closing mark and the end of its
sentence, so a poor parse of the quotation itself does not hide the attribution. A quotation
split around its attribution ("“A,” X said. “B.”") is one utterance: it is emitted as ONE quote
whose span runs from the start of A to the end of B (the attribution inside it is part of the span).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

_ATTRIBUTION_WORDS = 16  # longer than this after a quotation, the sentence is not just an attribution
_SPEAKER_POS = ("PROPN", "PRON", "NOUN")
_NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "thursday", "monday", "tuesday", "wednesday",
                 "friday", "saturday", "sunday", "today", "yesterday"}
_RELATIVE_WORDS = {"who", "whose", "which", "whom"}
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Jr", "Sr", "St", "Prof",
                  "Rev", "Capt", "Maj", "Adm", "Cmdr", "Inc", "Corp", "Co", "No", "Pres", "Sec", "Atty"}
_SENTENCE_END = re.compile(r"[.!?:;](?=\s|$|[”\"’'])")


@dataclass(slots=True)
class DirectHit:
    start: int  # paragraph-relative offsets of the quoted words (first opening mark + 1 .. last closing mark)
    end: int
    verb: Token
    subject_start: int
    subject_end: int
    spans: list[tuple[int, int]]  # the quotation spans this utterance covers


def _tokens_in(parse: SpacyDoc, start: int, end: int) -> list[Token]:
    return [t for t in parse if start <= t.idx < end]


def parse_next(tok: Token) -> Token:
    return tok.doc[tok.i + 1]


def _speaker_span(verb: Token, toks: list[Token], verb_words: set[str]) -> tuple[int, int] | None:
    """The speaker of `verb` within the attribution tokens: its subject, or the noun phrase beside it."""
    inside = {t.i for t in toks}
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside), None)
    if subj is not None and subj.lower_ not in _NOT_SPEAKERS:
        sub = [t for t in subj.subtree if t.i in inside]
        cut = next((n for n, t in enumerate(sub) if n and (t.text == "(" or t.lower_ in _RELATIVE_WORDS)), len(sub))
        sub = sub[:cut]
        while sub and sub[-1].is_punct:
            sub.pop()
        while sub and sub[-1].i + 1 in inside and sub[-1].pos_ == "PROPN" and parse_next(sub[-1]).pos_ == "PROPN":
            sub.append(parse_next(sub[-1]))  # "Mr." parsed apart from "Burman"
        if sub:
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    # "said Caddell" / "said Mr. King, who …": a name right after the verb
    after = [t for t in toks if t.i > verb.i]
    run: list[Token] = []
    for t in after:
        if t.pos_ in _SPEAKER_POS:
            if t.lower_ in _NOT_SPEAKERS or t.dep_ in ("npadvmod", "pobj") or t.ent_type_ in ("DATE", "TIME"):
                break
            run.append(t)
        elif not run and t.pos_ in ("DET", "ADJ") and t.lower_ in ("the", "a", "an", "his", "her", "their"):
            run.append(t)
        else:
            break
    if run and run[-1].pos_ in _SPEAKER_POS:
        return run[0].idx, run[-1].idx + len(run[-1])
    # "Flynn, a top surrogate, said": the noun phrase that opens the attribution
    before = [t for t in toks if t.i < verb.i and not (t.is_punct and t.i == toks[0].i)]
    while before and (before[-1].is_punct or before[-1].pos_ in ("ADV", "AUX", "PART")):
        before.pop()
    if before and any(t.pos_ in _SPEAKER_POS for t in before) and before[0].lower_ not in _NOT_SPEAKERS \
            and not any(t.lower_ in verb_words for t in before):
        return before[0].idx, before[-1].idx + len(before[-1])
    return None


# verbs that never say how something was said, even right after a quotation
_NOT_MANNER = {"be", "have", "do", "make", "go", "come", "take", "get", "give", "become", "seem", "look", "use",
               "include", "follow", "begin", "start", "end", "remain", "leave", "show", "appear"}


_LISTENERS = {"him", "her", "them", "me", "us", "you"}  # "“Stay,” she begged him."


def _manner_verb(toks: list[Token]) -> Token | None:
    """The verb of a bare attribution after a quotation, whatever it is: “…?” Vell demanded. / “…,” she yells.
    It must be finite, have a subject beside it and no object: the clause is only who spoke and how."""
    words = [t for t in toks if not t.is_punct]
    if not words or len(words) > 12:
        return None
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.lemma_.lower() in _NOT_MANNER:
        return None
    inside = {t.i for t in toks}  # the quotation itself is often parsed as the verb's clause
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.i in inside and c.lower_ not in _LISTENERS
           for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _NOT_SPEAKERS or subj.lower_ in _RELATIVE_WORDS:
        return None
    if subj.i > verb.i and verb.i != words[0].i:
        return None  # "“…,” demanded Vell" inverts; anything else after the verb is not an attribution
    if subj.i < verb.i and subj.i != words[0].i and words[0].pos_ not in ("DET", "PROPN", "ADJ"):
        return None
    return verb


def _open_start(text: str, q_open: int) -> int:
    """Where the opening mark whose last character is at `q_open` starts (two for '')."""
    return q_open - 1 if q_open > 0 and text[q_open - 1:q_open + 1] == "''" else q_open


def _completes(text: str, span: tuple[int, int]) -> bool:
    """A quotation that ends its sentence ("“B.”", "“B?”", "“B,” he added"), not a fragment ("“B” to …")."""
    inner = text[span[0] + 1:span[1]].rstrip()
    after = text[span[1]:].lstrip("”\"'’")
    return inner.endswith((".", "!", "?", ",", "…")) or not after.strip() or after[:1] in ".!?"


def _lead_in(parse: SpacyDoc, text: str, q_open: int, verbs: set[str], prev_close: int) -> int:
    """Where the utterance starts: the quotation, or the start of its sentence when the quotation
    finishes a sentence begun in the writer's words ("Using the tax this way ''is a misguided approach,''
    said X")."""
    start = _open_start(text, q_open)
    base = head_start = max(prev_close + 1, 0)
    for m in re.finditer(r"[.!?][”\"’']?\s+", text[base:start]):
        head_start = base + m.end()
    head = [t for t in _tokens_in(parse, head_start, start) if not t.is_punct]
    if len(head) < 2 or ":" in text[head_start:start] \
            or any(t.lemma_.lower() in verbs or t.lower_ == "according" for t in head):
        return q_open + 1
    return head[0].idx


def _attribution_end(text: str, start: int, limit: int) -> int:
    for m in _SENTENCE_END.finditer(text, start, limit):
        word = re.search(r"[\w.]*$", text[max(start, m.start() - 12):m.start()]).group()
        if m.group() == "." and (word in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word)):
            continue  # "Mr. Burman", "U.S. officials"
        return m.start()
    return limit


def find_direct(parse: SpacyDoc, text: str, spans: list[tuple[int, int]], verbs: set[str]) -> list[DirectHit]:
    """Quotations followed by "X said" (or "said X") in the same sentence."""
    hits: list[DirectHit] = []
    k = 0
    while k < len(spans):
        q_open, q_close = spans[k]
        inner = text[q_open + 1:q_close].rstrip().rstrip("’'\"")  # “… ‘miracles,’” ends with the comma
        after = q_close + (2 if text.startswith("''", q_close) else 1)
        comma_outside = text[after:after + 1] == ","
        if not inner or not (inner[-1] in ",?!—–-" or comma_outside):
            k += 1
            continue
        # a short quoted title inside the attribution ("said on “Fox and Friends.”") is not the next quotation
        nxt = k + 1
        while nxt < len(spans) and len(text[spans[nxt][0] + 1:spans[nxt][1]].split()) <= 4 \
                and not text[after:_open_start(text, spans[nxt][0])].rstrip().endswith((".", "!", "?")):
            nxt += 1
        limit = _open_start(text, spans[nxt][0]) if nxt < len(spans) else len(text)
        a_end = _attribution_end(text, after, limit)
        title = next((sp for sp in spans[k + 1:nxt] if sp[0] < a_end <= sp[1]), None)
        sentence_ends = text[a_end:a_end + 1] in ".:" or (title is not None and text[title[1] - 1] == ".")
        if title is not None:
            a_end = title[1] + 1
        toks = [t for t in _tokens_in(parse, after, a_end) if not t.is_space]
        words = [t for t in toks if not t.is_punct]
        verb = next((t for t in toks if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")), None) \
            or _manner_verb(toks)
        if verb is None or not words or len(words) > _ATTRIBUTION_WORDS or words[0].i == verb.i and len(words) == 1:
            k += 1
            continue
        speaker = _speaker_span(verb, toks, verbs)
        if speaker is None:
            k += 1
            continue
        covered = [spans[k]]
        end = q_close
        # “A,” X said. “B.” — the quotation that opens the next sentence continues the utterance
        # “A,” X said, “B.” — the same, mid-sentence
        mid_sentence = a_end == limit and text[after:limit].rstrip().endswith(",")
        if nxt < len(spans) and (sentence_ends and not text[a_end + 1:limit].strip() or mid_sentence) \
                and _completes(text, spans[nxt]) and not any(t.lemma_.lower() in verbs and t.i != verb.i for t in toks):
            covered.append(spans[nxt])
            end = spans[nxt][1]
            nxt += 1
        hits.append(DirectHit(_lead_in(parse, text, q_open, verbs, spans[k - 1][1] if k else -1), end, verb,
                              speaker[0], speaker[1], covered))
        k = nxt
    return hits
