"""English quotes from the shared spaCy parse of a paragraph.

A speech verb (say, tell, argue, believe, find, …) with a subject attributes either the quotation
marks of its sentence (direct) or its clausal complement (indirect: "X said (that) …", "…, X said").
"According to X, …" attributes the rest of the sentence; a transcript line "NAME: …" attributes the
line. A quotation with no cue of its own continues the last direct speaker ("“A,” X said. “B.”").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .quotes_en_content import _content_span, _span_chars
from .quotes_en_cues import CLAIM_VERBS, OBJECT_VERBS, SAY_VERBS, SPEECH_VERBS, cue_candidate, learned_cues
from .quotes_en_direct import find_direct
from .quotes_en_surface import surface_attributions
from .raw_quote import RawQuote
from .speakers import PERSON_HEADS

_QUOTE_OPEN = {"“": "”", '"': '"', "‘": "’", "''": "''"}
_DASH_SOURCE = re.compile(r"[,.]?\s*([―—–]{1,2}|--)\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})")
_RELATIVE = {"who", "that", "which"}
_ATTRIBUTING = {"say", "tell", "write", "tweet", "report", "add"}
_RAW_DATA = {"data", "datum", "figure", "figures", "statistics", "statistic", "number", "numbers", "estimate",
             "estimates",
             "record", "records", "tally", "count", "calculation", "calculations", "chart", "table", "database"}
_TRANSCRIPT = re.compile(r"^[\"“]?([A-Z][A-Z.' \-]{1,30}[A-Z]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s+(?=\S)")



def en_quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) indices of quotation marks; ‘…’ only when it opens after a space (not an apostrophe)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = "''" if text.startswith("''", i) else text[i]
        close = _QUOTE_OPEN.get(ch) or ("”" if ch == "”" and i == 0 else None)  # a paragraph opened with ”
        if close and (ch != "‘" or i == 0 or not text[i - 1].isalnum()):
            j = i + 1
            while True:
                j = text.find(close, j)
                if ch == "“":  # “…" — mixed marks in the source
                    straight = text.find('"', i + 1)
                    j = straight if straight >= 0 and (j < 0 or straight < j) else j
                if j < 0 or ch != "‘" or j + 1 >= len(text) or not text[j + 1].isalpha():
                    break
                j += 1  # ’ inside a word is an apostrophe
            if j > i + len(ch):
                spans.append((i + len(ch) - 1, j))  # (index of the last opening char, first closing char)
                i = j + len(close)
                continue
        i += 1
    return spans


def _subject(verb: Token) -> Token | None:
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if subjects:  # "PHILADELPHIA (AP) — Clinton aimed …": a dateline the parser took for a second subject is not one
        return next((s for s in subjects if not _dateline(s)), subjects[0])
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    # "she began by saying …", "after telling them that …": the subject of the verb the phrase hangs off
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.lemma_ in SAY_VERBS | CLAIM_VERBS and \
            verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        governor = verb.head.head
        return _subject(governor) or next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    return None


_DATELINE_AFTER = ("(", "—", "–", "-", ",")


def _dateline(tok: Token) -> bool:
    """The place name opening a wire story: "PHILADELPHIA (AP) —", "BEIJING, March 3 —"."""
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.left_edge.i == 0 and tok.is_upper and len(tok.text) >= 3 and following is not None
            and following.text in _DATELINE_AFTER)


def _plural_antecedent(verb: Token) -> Token | None:
    """"The congressmen did not say how much they hoped …": the plural noun subject of the nearest verb above
    `verb` that has a subject, which "they" then stands for."""
    node = verb
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj if subj.tag_ in ("NNS", "NNPS") else None
    return None


def _subject_span(subj: Token) -> tuple[int, int]:
    if subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl":
        noun = subj.head.head
        left = min((t.idx for t in noun.lefts if t.dep_ in ("compound", "amod", "det", "nmod", "poss")),
                   default=noun.idx)
        return left, noun.idx + len(noun)
    if subj.pos_ == "PRON":
        return subj.idx, subj.idx + len(subj)
    sub = list(subj.subtree)
    # keep "Lin Junyang, the technical leader of …," but not a trailing relative clause or comma
    end_tok = sub[-1]
    while end_tok.i > subj.i and end_tok.is_punct:
        end_tok = end_tok.doc[end_tok.i - 1]
    return sub[0].idx, end_tok.idx + len(end_tok)


def _cue_text(verb: Token) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux",) and c.i < verb.i and c.lower_ in ("has", "have", "had")]
    parts = [*aux, verb]
    prt = [c for c in verb.children if c.dep_ == "prt"]
    return " ".join(t.text for t in parts + prt)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:—–-":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-.":
        end -= 1
    return start, end


def extract_en(parse: SpacyDoc, text: str, offset: int) -> list[RawQuote]:
    """Quotes of one English paragraph (`offset` is the paragraph's start in doc.text)."""
    spans = en_quote_spans(text)
    claimed: set[tuple[int, int]] = set()
    out: list[RawQuote] = []

    def emit(start: int, end: int, kind: str, cue: str, s_start: int, s_end: int) -> None:
        start, end = _trim(text, start, end)
        if end - start < 3 or len(text[start:end].split()) < 2:
            return
        out.append(RawQuote(offset + start, offset + end, kind, cue, text[s_start:s_end], offset + s_start,
                            offset + s_end))

    transcript = _TRANSCRIPT.match(text)
    if transcript and spans[:1] != [(0, len(text) - 1)]:
        emit(transcript.end(), len(text), "direct", ":", transcript.start(1), transcript.end(1))
        return out

    used_verbs: set[int] = set()
    for hit in find_direct(parse, text, spans, SAY_VERBS | CLAIM_VERBS):
        claimed.update(hit.spans)
        used_verbs.add(hit.verb.i)
        emit(hit.start, hit.end, "direct", _cue_text(hit.verb), hit.subject_start, hit.subject_end)

    for sent in parse.sents:
        before = len(out)
        _sentence(sent, text, spans, claimed, emit, used_verbs)
        if len(out) == before and not any(sent.start_char <= q.start - offset < sent.end_char for q in out):
            for (c0, c1), (s_start, s_end), cue in surface_attributions(sent, text):
                emit(c0, c1, "indirect", cue, s_start, s_end)

    # quotations nobody claimed: a continuation of the last direct speaker of the paragraph
    last: RawQuote | None = None
    for q_open, q_close in spans:
        if any(q.start - offset <= q_open and q.end - offset >= q_close - 1 for q in out if q.kind == "indirect"):
            continue  # a quoted fragment of a reported clause
        if (q_open, q_close) in claimed:
            last = next((q for q in out if q.start - offset >= q_open and q.end - offset <= q_close + 1), last)
            continue
        dash = _DASH_SOURCE.match(text, q_close + 1)
        if dash:
            emit(q_open + 1, q_close, "direct", dash.group(1), dash.start(2), dash.end(2))
            continue
        before = [q for q in out if q.kind == "direct" and q.end - offset <= q_open]
        last = before[-1] if before else None
        opens_sentence = q_open == 0 or text[:q_open].rstrip().endswith((".", "!", "?", "”", '"'))
        if last and opens_sentence and len(text[q_open + 1:q_close].split()) >= 4:
            if _attribution_between(text, last, offset, q_open):
                # “A,” said X, a lawyer who …. “B.” — one utterance, as find_direct reads the short form
                out[out.index(last)] = RawQuote(last.start, offset + q_close, last.kind, last.cue, last.subject,
                                                last.subject_start, last.subject_end)
                continue
            emit(q_open + 1, q_close, "direct", "", last.subject_start - offset, last.subject_end - offset)
    out.sort(key=lambda q: q.start)
    _run_on(parse, text, offset, out)
    return out


_RUN_ON = re.compile(r"(?:But|And|However|Still|Yet|Instead),?\s")
_BACKSHIFTED = re.compile(r"\b(?:would|could|might)\b")


def _run_on(parse: SpacyDoc, text: str, offset: int, out: list[RawQuote]) -> None:
    """"X said the plan would cut costs. But it would also …": reported speech that runs on into the next sentence
    — opened by a connective, in the reported (backshifted) mood, with no cue or quotation of its own — is the
    same quote."""
    sents = list(parse.sents)
    for n, q in enumerate(out):
        if q.kind != "indirect":
            continue
        k = next((i for i, s in enumerate(sents) if s.start_char <= q.end - offset <= s.end_char), None)
        if k is None or k + 1 >= len(sents) or text[q.end - offset:sents[k].end_char].strip(" .") != "":
            continue
        nxt = sents[k + 1]
        words = text[nxt.start_char:nxt.end_char]
        if not _RUN_ON.match(words) or not _BACKSHIFTED.search(words) or any(ch in words for ch in "“”\"") \
                or any(nxt.start_char <= o.start - offset < nxt.end_char for o in out):
            continue
        end = offset + nxt.start_char + len(words.rstrip().rstrip("."))
        out[n] = RawQuote(q.start, end, q.kind, q.cue, q.subject, q.subject_start, q.subject_end)


def _attribution_between(text: str, last: RawQuote, offset: int, q_open: int) -> bool:
    """Only the attribution of `last` (one sentence naming its speaker) stands between it and the quotation at
    `q_open`."""
    a, b = last.end - offset, q_open
    between = text[a:b]
    if not (a <= last.subject_start - offset < b) or any(ch in between[2:] for ch in "“\""):
        return False
    plain = re.sub(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Inc|Corp|Co|[A-Z])\.", "", between.rstrip())
    return len(re.findall(r"[.!?](?:\s|$)", plain)) <= 1 and len(between.split()) <= 40


def _sentence(sent: SpacySpan, text: str, spans: list[tuple[int, int]], claimed: set[tuple[int, int]],
              emit, used_verbs: set[int]) -> None:
    s0, s1 = sent.start_char, sent.end_char
    in_sent = [q for q in spans if q[0] < s1 and q[1] >= s0]
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            _according(tok, sent, text, spans, emit)
            continue
        if tok.lemma_.lower() not in SPEECH_VERBS and not _inside(tok.idx, spans):
            lead = _manner_lead(tok, [q for q in in_sent if q not in claimed], text)
            if lead is not None:
                claimed.add(lead)
                s_start, s_end = _subject_span(_subject(tok))
                emit(lead[0] + 1, lead[1], "direct", _cue_text(tok), s_start, s_end)
            continue
        if tok.pos_ not in ("VERB", "AUX") or _inside(tok.idx, spans):
            continue
        if tok.i in used_verbs:
            continue
        subj = _subject(tok)
        if subj is None or _inside(subj.idx, spans) or subj.lower_ == "there":
            continue
        if tok.lemma_ in ("point",) and not any(c.lower_ == "out" for c in tok.children):
            continue
        if _not_speech(tok, subj):
            continue
        s_start, s_end = _subject_span(_plural_antecedent(tok) or subj if subj.lower_ == "they" else subj)
        free = [q for q in in_sent if q not in claimed]
        cue = _cue_text(tok)
        # "X said: “…”" / "X told reporters, “…”": the quotation right after the cue is what was said
        lead = next((q for q in free if tok.lemma_ in SAY_VERBS and q[0] > tok.idx and _adjacent(q, tok, subj, text)
                     and text[max(tok.idx + len(tok), subj.idx + len(subj)):q[0]].rstrip().endswith((",", ":"))), None)
        if lead is not None and _fragment_of_clause(lead, tok, sent, text):
            lead = None  # "said that, “Of course he will” against what …": a quoted piece of reported speech
        if lead is not None:
            claimed.add(lead)
            emit(lead[0] + 1, lead[1], "direct", cue, s_start, s_end)
            continue
        content = _trailing_content(tok, subj, sent, text) or _content_span(tok)
        if content is not None and _bare_attribution(sent, content):
            content = None
        if content is not None:
            quoted = [q for q in free if q[0] < content[1] and q[1] > content[0]]
            outside = text[content[0]:content[1]]
            for a, b in sorted(quoted, reverse=True):
                outside = outside[: max(0, a - content[0])] + " " + outside[max(0, b + 1 - content[0]):]
            if not quoted or len(re.findall(r"\w+", outside)) > 3:
                quoted = []  # a clause with a quoted phrase in it is reported speech
        else:
            quoted = [q for q in free if tok.lemma_ in SAY_VERBS and _adjacent(q, tok, subj, text)]
        if quoted:
            for q in quoted:
                claimed.add(q)
                emit(q[0] + 1, q[1], "direct", cue, s_start, s_end)
        elif content is not None:
            emit(content[0], content[1], "indirect", cue, s_start, s_end)
        elif tok.lemma_ in SAY_VERBS and text[tok.idx + len(tok):tok.idx + len(tok) + 2].startswith(":"):
            emit(tok.idx + len(tok) + 1, s1, "direct", cue, s_start, s_end)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SUBORDINATORS = {"when", "if", "because", "although", "though", "while", "after", "before", "since", "as", "unless",
                  "once", "until", "whenever"}
_NOT_MANNER = {"be", "have", "do", "make", "go", "come", "take", "get", "give", "become", "seem", "look", "use",
               "include", "follow", "begin", "start", "end", "remain", "leave", "show", "appear", "read"}
_EVIDENTIAL = {"show", "suggest", "signal", "indicate", "demonstrate", "imply", "mean", "reveal", "highlight",
               "point", "find", "confirm", "predict", "project"}
_SPEAKING_THINGS = {"report", "study", "survey", "poll", "paper", "analysis", "research", "review", "audit",
                    "statement", "filing", "memo", "letter", "lawsuit", "complaint", "release", "document", "documents",
                    "ruling",
                    "court", "index", "forecast", "assessment",
                    # institutions speak for themselves ("the agency suggested that …", "the fund predicted …")
                    "agency", "fund", "company", "firm", "bank", "government", "ministry", "department", "commission",
                    "committee", "council", "campaign", "party", "union", "board", "administration", "office",
                    "institute", "foundation", "association", "organization", "organisation", "network", "newspaper",
                    "regulator", "authority", "panel", "group"}
_ANIMATE_PRONOUNS = {"he", "she", "they", "i", "we", "you", "who", "it"}  # "it" may be a company
_QUESTION_WORDS = {"whether", "if", "why", "how", "what", "when", "who", "where", "which"}
_NO_COMMENT = {"comment", "respond", "reply", "answer", "return", "elaborate"}


def _not_speech(verb: Token, subj: Token) -> bool:
    """Cues that report no statement: evidence ("the data shows"), a refusal ("declined to comment",
    "did not respond to requests for comment") and a reporter's question ("asked whether …")."""
    lemma = verb.lemma_.lower()
    if lemma in _EVIDENTIAL and subj.pos_ not in ("PROPN",) and subj.lower_ not in _ANIMATE_PRONOUNS \
            and subj.lemma_.lower() not in _SPEAKING_THINGS and subj.ent_type_ not in ("PERSON", "ORG") \
            and subj.lemma_.lower() not in PERSON_HEADS \
            and not any(t.pos_ == "PROPN" for t in subj.subtree):
        return True  # "the figure signals", "this suggests": evidence, not a speaker
    if lemma == "continue":  # "he continued: “…”", never "the U.S. is continuing sanctions"
        nxt = verb.doc[verb.i + 1].text if verb.i + 1 < len(verb.doc) else ""
        prev = verb.doc[verb.i - 1].text if verb.i else ""
        if nxt not in (",", ":", "“", '"') and prev not in ("”", '"', ",") and subj.i < verb.i:
            return True
    refused = verb.head.lemma_ in ("decline", "refuse") or any(c.dep_ == "neg" for c in verb.children)
    if lemma in _NO_COMMENT and refused:
        return True
    if lemma == "ask":
        if any(t.lower_ in ("reporter", "reporters", "journalist", "journalists", "interviewer") for t in subj.subtree):
            return True
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i), None)
        if comp is not None and any(t.lower_ in _QUESTION_WORDS and t.i <= comp.i for t in comp.subtree):
            return True
    return False


def _bare_attribution(sent: SpacySpan, content: tuple[int, int]) -> bool:
    """"Merrill says" / "The campaign said Monday": a content that is only another attribution."""
    toks = [t for t in sent if content[0] <= t.idx < content[1] and not t.is_punct]
    return len(toks) <= 6 and any(t.lemma_ in _ATTRIBUTING and t.pos_ == "VERB" and t.i > toks[0].i and
                                  any(c.dep_ == "nsubj" for c in t.children) for t in toks)


def _trailing_content(verb: Token, subj: Token, sent: SpacySpan, text: str) -> tuple[int, int] | None:
    """"…, says X" / "…,” X said": everything of the sentence before the attribution; with a cue in the
    middle ("A, X said, B") both sides, as one quote that holds the cue."""
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or abs(verb.i - subj.i) > 6:
        return None
    if subj.lower_ in _RELATIVE or _has_own_object(verb):
        return None  # "…, a company that had declared bankruptcy", "…, leaders found little unity": no attribution
    right = max(verb.idx + len(verb), _subject_span(subj)[1])
    tail = text[right:sent.end_char]
    mid = re.match(r"([^,;:.“”\"]{0,40}),\s+(?=\S)", tail)
    resumes = mid is not None and len(mid.group(1).split()) <= 6 and len(tail[mid.end():].split()) >= 3
    if not resumes and len([t for t in sent if t.i > max(verb.i, subj.i) and not t.is_punct]) > 15:
        return None  # the attribution closes the sentence
    left = min(verb.idx, subj.idx, _subject_span(subj)[0])
    head = text[sent.start_char:left].rstrip()
    if not head.endswith((",", ",”", ",\"", "”", "\"", "—")) or len(head.split()) < 3:
        return None
    end = len(head.rstrip(",—”\"")) + sent.start_char
    head_toks = [t for t in sent if t.idx < end]
    if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE for t in head_toks):
        return None  # "At the rally, she said …", "Speaking to students, he replied …": an adverbial
    opener = next((t for t in head_toks if t.dep_ != "cc" and not t.is_punct), None)
    if not resumes and opener is not None and opener.lower_ in _SUBORDINATORS and "," not in text[sent.start_char:end]:
        return None  # "But when Congress cut funding, Vell said …": a time or condition of the attribution
    if resumes and not any(ch in text[sent.start_char:sent.end_char] for ch in "“”\""):
        end = len(text[:sent.end_char].rstrip(" .;"))
    return sent.start_char, end


def _fragment_of_clause(q: tuple[int, int], verb: Token, sent: SpacySpan, text: str) -> bool:
    """The quotation after "X said that," is only part of what follows: the sentence goes on after it, or the
    cue's "that" opens a clause the quotation sits in."""
    between = text[verb.idx + len(verb):q[0]]
    tail = text[q[1] + 1:sent.end_char]
    return bool(re.search(r"\bthat\b", between)) and len(re.findall(r"\w+", tail)) >= 3


def _manner_lead(verb: Token, free: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """"Vell boasted, “That makes me smart.”": a verb with a named subject and no object, then a comma or colon
    and a quotation — the verb says how the quotation was said."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.lemma_ in _NOT_MANNER:
        return None
    subj = _subject(verb)
    if subj is None or subj.pos_ not in ("PROPN", "PRON") or subj.lower_ in ("it", "this", "that", "which", "who"):
        return None
    if any(c.dep_ in ("dobj", "attr", "oprd", "dative") and not c.is_punct and
           not (c.idx >= 0 and _inside(c.idx, free)) for c in verb.children):
        return None
    gap_start = verb.idx + len(verb)
    return next((q for q in free if q[0] > gap_start and re.fullmatch(r"(?:\s+\w+ly)?\s*[,:]\s*[“\"]?",
                                                                     text[gap_start:q[0] + 1])), None)


def _has_own_object(verb: Token) -> bool:
    """"declared bankruptcy", "called a meeting": the verb's object is what it does, so the sentence before it is
    not what it reports ("…, he told reporters" keeps its listener)."""
    return verb.lemma_ not in ("tell", "ask", "remind", "assure", "inform") and any(
        c.dep_ == "dobj" and c.i > verb.i and c.lower_ not in ("so", "this", "that", "it") for c in verb.children)


def _adjacent(q: tuple[int, int], verb: Token, subj: Token, text: str) -> bool:
    """A quotation right before "X said" or right after "X said,"/"X said:" belongs to the verb."""
    left = min(verb.idx, subj.idx)
    right = max(verb.idx + len(verb), subj.idx + len(subj))
    if q[1] < left:
        return len(text[q[1] + 1:left].strip(" ,")) <= 2
    gap = text[right:q[0]]
    return len(gap) <= 40 and gap.rstrip().endswith((",", ":", "", "that")) and "." not in gap


def _according(tok: Token, sent: SpacySpan, text: str, spans: list[tuple[int, int]], emit) -> None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() in _RAW_DATA:
        return  # "according to data from X", "according to figures": a citation of data, not a statement
    phrase = sorted(t.i for t in tok.subtree)
    src = list(pobj.subtree)
    comma = next((t for t in src if t.i > pobj.i and t.text == ","), None)
    if tok.dep_ == "ROOT" and comma is not None:
        # "According to X, the move reeks …" parsed with the clause hanging off X: the source ends at its comma
        src = [t for t in src if t.i < comma.i]
        phrase = [t.i for t in tok.subtree if t.i <= comma.i]
    s_start, s_end = _span_chars(src)
    a, b = phrase[0], phrase[-1]
    before = [t for t in sent if t.i < a]
    after = [t for t in sent if t.i > b]
    body = after if len(after) >= len(before) else before
    while body and body[-1].is_punct:
        body = body[:-1]
    while body and body[0].is_punct:
        body = body[1:]
    if len(body) >= 3:
        c0, c1 = _span_chars(body)
        emit(c0, c1, "indirect", "according to", s_start, s_end)


__all__ = ["CLAIM_VERBS", "OBJECT_VERBS", "SAY_VERBS", "SPEECH_VERBS", "cue_candidate", "en_quote_spans", "extract_en",
           "learned_cues"]
