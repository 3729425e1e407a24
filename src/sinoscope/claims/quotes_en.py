"""English quotes from the shared spaCy parse of a paragraph.

A speech verb (say, tell, argue, believe, find, …) with a subject attributes either the quotation
marks of its sentence (direct) or its clausal complement (indirect: "X said (that) …", "…, X said").
"According to X, …" attributes the rest of the sentence; a transcript line "NAME: …" attributes the
line. A quotation with no cue of its own continues the last direct speaker ("“A,” X said. “B.”").
"""

from __future__ import annotations

import pathlib
import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .quotes_en_direct import find_direct
from .quotes_en_surface import CLAIM_NOUNS, surface_attributions
from .raw_quote import RawQuote
from .speakers import PERSON_HEADS

# Verbs that introduce what someone said or holds; the first group may also introduce a quotation.
SAY_VERBS = {
    "say", "tell", "add", "write", "ask", "insist", "reply", "respond", "tweet", "declare", "explain", "continue",
    "recall", "state", "quip", "joke", "exclaim", "shout", "chant", "remark", "comment", "answer", "put",
}
CLAIM_VERBS = {
    "note", "argue", "believe", "claim", "warn", "emphasize", "emphasise", "suggest", "report", "find", "predict",
    "expect", "reckon", "acknowledge", "announce", "admit", "agree", "caution", "concede", "confirm", "contend",
    "estimate", "maintain", "observe", "reveal", "stress", "think", "testify", "urge", "conclude", "assert",
    "allege", "complain", "indicate", "show", "deny", "forecast", "project", "hope", "fear", "worry", "promise",
    "pledge", "vow", "accuse", "disclose", "point", "highlight", "insist", "feel", "know", "counter",
    "signal", "demonstrate", "express", "voice", "suspect", "guess", "speculate", "doubt", "imply", "charge",
    "mention", "recommend",
}
# Verbs whose object is the reported content in attribution corpora ("called the plan a disaster").
OBJECT_VERBS = {
    "call", "cite", "accuse", "criticize", "criticise", "attack", "describe", "condemn", "blast", "praise", "slam",
    "decry", "applaud", "blame", "label", "brand", "dismiss", "question", "reject", "endorse", "demand", "propose",
    "pledge",
}
# Cues learned from PolNeAR's training split (scripts/build_cue_lexicon.py): lemmas annotated as a cue at
# least LEARNED_MIN_CUES times and in at least LEARNED_MIN_RATIO of their uses, less what the gold of
# this project does not count as speech (a stance or an action: "seems", "declined", "opposes").
LEARNED_MIN_CUES, LEARNED_MIN_RATIO = 8, 0.35
NOT_SPEECH = {"accord", "seem", "appear", "seek", "decline", "refuse", "oppose", "defend", "prefer", "discuss", "list",
              "convince", "title", "eager", "complaint", "thank", "apologize", "portray", "refer", "hop", "support",
              "want", "plan", "vote", "back", "see", "look", "offer", "consider", "talk", "in"}


CUE_LEXICON = pathlib.Path(__file__).with_name("data") / "cue_lexicon.tsv"


def learned_cues(path: pathlib.Path = CUE_LEXICON) -> set[str]:
    out = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 4:
                continue
            frequent = int(parts[1]) >= LEARNED_MIN_CUES and float(parts[3]) >= LEARNED_MIN_RATIO
            if frequent and parts[0] not in NOT_SPEECH:
                out.add(parts[0])
    return out


OBJECT_VERBS |= learned_cues() - SAY_VERBS - CLAIM_VERBS
SPEECH_VERBS = SAY_VERBS | CLAIM_VERBS | OBJECT_VERBS


def _cue_candidate_pattern() -> re.Pattern[str]:
    stems = {w[:-1] if w.endswith(("e", "y")) else w for w in SPEECH_VERBS | CLAIM_NOUNS}
    irregular = ("said", "told", "wrote", "written", "thought", "felt", "knew", "known", "found", "saw", "according",
                 "belief")
    return re.compile(r"\b(?:" + "|".join(sorted(stems | set(irregular), key=len, reverse=True)) +
                      r")\w*|[“”\"―]|''|:", re.I)


_CUE_CANDIDATE = _cue_candidate_pattern()


def cue_candidate(text: str) -> bool:
    """Whether a sentence or paragraph can hold a quote for these rules: a speech verb or claim noun (any form), a
    quotation mark, a colon or a dash before a signature. A text without one needs no parse for quotes."""
    return _CUE_CANDIDATE.search(text) is not None
_QUOTE_OPEN = {"“": "”", '"': '"', "‘": "’", "''": "''"}
_DASH_SOURCE = re.compile(r"[,.]?\s*([―—–]{1,2}|--)\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})")
_TRAILING_PUNCT = {",", ".", ";", ":", "!", "—", "–", "-", "--", "(", "“", "‘"}
_RELATIVE = {"who", "that", "which"}
_ATTRIBUTING = {"say", "tell", "write", "tweet", "report", "add"}
_CIRCUMSTANCE_PREPS = {"during", "amid", "after", "before", "at", "while"}
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
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl") and child.dep_ != "expl":
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    # "she began by saying …", "after telling them that …": the subject of the verb the phrase hangs off
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.lemma_ in SAY_VERBS | CLAIM_VERBS and \
            verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        governor = verb.head.head
        return _subject(governor) or next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
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


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _clean(toks: list[Token]) -> tuple[int, int] | None:
    lead = next((n for n, t in enumerate(toks[:10]) if t.lower_ == "that"), None)
    if lead and toks[0].dep_ == "prep":  # "said at a media briefing that …": where it was said is not what
        toks = toks[lead:]
    while toks and (toks[0].dep_ == "mark" or toks[0].lower_ == "that" or
                    (toks[0].is_punct and toks[0].text not in ("“", '"'))):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text in _TRAILING_PUNCT:
        toks = toks[:-1]
    return _span_chars(toks) if toks else None


def _content_span(verb: Token) -> tuple[int, int] | None:
    """Characters of the reported clause of `verb`, if it has one."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None)
    if comp is None and verb.lemma_ in ("point", "tell"):
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i), None)
    if comp is not None:
        toks = _without_reported_conjuncts(comp)
        if comp.i > verb.i:  # "…, when it comes to …": adjuncts of the verb after the clause belong to it
            for child in verb.rights:
                if child.i > toks[-1].i and child.dep_ in ("advcl", "prep", "npadvmod", "punct"):
                    if child.dep_ == "punct" and child.text in (".", ";", ":"):
                        break
                    if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_ in SPEECH_VERBS:
                        break  # "…, arguing that …" is an attribution of its own
                    toks.extend(child.subtree)
            toks.extend(_reported_conjunct(verb, toks[-1].i))
        else:
            toks = [t for t in toks if not any(x.text in (":", ";") for x in t.doc[t.i:verb.i])]
        return _clean(sorted(toks, key=lambda t: t.i))
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        comp = next((c for c in obj.children if c.dep_ in ("acl", "ccomp")
                     and any(t.lower_ == "that" and t.i < c.i for t in c.subtree)), None)
        if comp is not None:
            return _clean([t for t in comp.subtree if t.i > obj.i])
    # "The gap is widening, he said." — the verb hangs off the clause it reports
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and _set_off(verb):
        mine = {t.i for t in verb.subtree}
        return _clean([t for t in verb.head.subtree if t.i not in mine and t.i < min(mine)])
    # "Instead, he noted, the U.S. is continuing sanctions": a parenthetical cue; after a short lead-in, what
    # follows it is what was said
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        mine = {t.i for t in verb.subtree}
        before = [t for t in verb.sent if t.i < min(mine) and not t.is_punct]
        after = [t for t in verb.sent if t.i > max(mine)]  # the rest of the sentence, however it was parsed
        if before and len(before) <= 4 and len([t for t in after if not t.is_punct]) >= 3:
            return _clean(after)
    if verb.lemma_ in OBJECT_VERBS | SAY_VERBS and verb.lemma_ not in ("ask", "put", "continue", "answer"):
        # "X said many of the examples …" (a missed clause), "X called the plan “a disaster”"
        rest = _object_content(verb) if verb.lemma_ in OBJECT_VERBS - SAY_VERBS else \
            [t for t in verb.subtree if t.i > verb.i]
        if verb.lemma_ == "add" and any(c.dep_ == "dobj" for c in verb.children):
            return None  # "could add fuel to the tensions": adding a thing is not adding a remark
        if verb.lemma_ == "tell":
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
            rest = [t for t in rest if obj is None or t.i > obj.i]
        # "…, and called for …": a coordinated verb is a claim of its own
        coordinated = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        rest = [t for t in rest if t.i not in coordinated]
        least = 2 if verb.lemma_ in OBJECT_VERBS - SAY_VERBS else 3
        if len([t for t in rest if not t.is_punct]) >= least and not (rest and rest[0].dep_ in ("prt", "cc")):
            return _clean(rest)
    return None


def _set_off(verb: Token) -> bool:
    """"The gap is widening, he said": the attribution is set off from the clause before it by a comma, a dash or a
    quotation mark; "police fear that crackdowns could add fuel" is a clause inside the sentence."""
    first = min(t.i for t in verb.subtree)
    prev = verb.doc[first - 1] if first else None
    return prev is not None and prev.text in (",", "—", "–", "--", "”", '"', "''", "’", ";")


def _reported_conjunct(verb: Token, after: int) -> list[Token]:
    """"X said A, but that B" / "X said A and B was …": a clause the parse coordinated with the speech verb
    instead of with A is still what X said; "X said A and left" (no subject of its own) is what X did."""
    for child in verb.rights:
        if child.dep_ != "conj" or child.i <= after or child.lemma_ in SPEECH_VERBS:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if not (own_subject or that) or any(t.text in (".", ";", ":") for t in verb.doc[after:child.i]):
            return []
        cc = [c for c in verb.children if c.dep_ == "cc" and after < c.i < child.i]
        return [*cc, *child.subtree]
    return []


def _own_claim(tok: Token) -> bool:
    """A verb inside a reported clause that reports a claim of its own ("… and said …", "…, arguing …")."""
    if tok.dep_ == "conj":
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) or \
                tok.lemma_ == "add" and any(c.dep_ == "dobj" for c in tok.children):
            return False  # "… but that it would add layers": the reported clause goes on
        return tok.lemma_ in SAY_VERBS or (tok.lemma_ in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in tok.children))
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_ in SPEECH_VERBS


def _without_reported_conjuncts(comp: Token) -> list[Token]:
    """The clause's tokens less a coordinated speech verb ("X promised … and said …" is two claims)."""
    cut = {t.i for c in comp.children if c.i > comp.i and _own_claim(c) for t in c.subtree}
    if cut:
        first = min(cut)
        cut |= {c.i for c in comp.children if c.dep_ == "cc" and c.i < first and c.i > comp.i}
    return [t for t in comp.subtree if t.i not in cut]


def _object_content(verb: Token) -> list[Token]:
    """What "X called / criticized / cited …" reports: the object and its complement, not the time and place."""
    keep: list[Token] = []
    for child in verb.rights:
        if child.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "dative", "attr", "acomp"):
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("as", "for", "of", "over", "against") and child.i > verb.i + 1:
            keep.extend(child.subtree)  # "blamed X for Y", "accused X of Y", "described X as Y"
        elif child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ in ("for", "on", "of", "against"):
            keep.extend(t for t in child.subtree if t.i > child.i)  # "called for X": "for" is part of the cue
    # "… during a campaign stop": when and where it was said is not what was said
    drop = {t.i for k in keep if k.dep_ == "prep" and k.lower_ in _CIRCUMSTANCE_PREPS for t in k.subtree}
    return sorted((t for t in keep if t.i not in drop), key=lambda t: t.i)


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
    return out


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
        s_start, s_end = _subject_span(subj)
        free = [q for q in in_sent if q not in claimed]
        cue = _cue_text(tok)
        # "X said: “…”" / "X told reporters, “…”": the quotation right after the cue is what was said
        lead = next((q for q in free if tok.lemma_ in SAY_VERBS and q[0] > tok.idx and _adjacent(q, tok, subj, text)
                     and text[max(tok.idx + len(tok), subj.idx + len(subj)):q[0]].rstrip().endswith((",", ":"))), None)
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


_NOT_MANNER = {"be", "have", "do", "make", "go", "come", "take", "get", "give", "become", "seem", "look", "use",
               "include", "follow", "begin", "start", "end", "remain", "leave", "show", "appear", "read"}
_EVIDENTIAL = {"show", "suggest", "signal", "indicate", "demonstrate", "imply", "mean", "reveal", "highlight",
               "point", "find", "confirm", "predict", "project"}
_SPEAKING_THINGS = {"report", "study", "survey", "poll", "paper", "analysis", "research", "review", "audit",
                    "statement", "filing", "memo", "letter", "lawsuit", "complaint", "release", "document", "documents",
                    "ruling",
                    "court", "index", "forecast", "assessment"}
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
    if not any(t.pos_ in ("VERB", "AUX") for t in sent if t.idx < end):
        return None  # "At the rally, she said …": an adverbial, not what was said
    if resumes and not any(ch in text[sent.start_char:sent.end_char] for ch in "“”\""):
        end = len(text[:sent.end_char].rstrip(" .;"))
    return sent.start_char, end


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
