"""English attributions the parse does not give a speech verb for.

- A cue verb the tagger read as a noun: "Vell charges that …", "…, the former minister maintains."
- A claim named by a noun with its owner: "Vell's claim that …", "his warning that …".

`quotes_en` asks for these only in sentences where its own rules found nothing.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

# Nouns that name what someone said or holds; with a possessor they attribute their "that" clause.
CLAIM_NOUNS = {
    "claim", "assertion", "argument", "warning", "contention", "insistence", "allegation", "suggestion", "promise",
    "pledge", "prediction", "belief", "statement", "charge", "accusation", "announcement", "admission",
    "complaint", "assurance", "boast", "insinuation", "theory", "vow", "threat",
}
# Third-person and past forms of cue verbs the tagger may read as nouns ("Trump charges that …").
NOUN_LIKE_CUES = {
    "says", "claims", "charges", "maintains", "insists", "argues", "contends", "warns", "notes", "adds", "writes",
    "asserts", "alleges", "counters", "predicts", "believes", "thinks", "reckons", "stresses", "admits",
    "concedes", "explains", "suggests", "tweets", "acknowledges", "complains", "recalls", "estimates",
}
_SUBJECT_POS = {"PROPN", "PRON"}
_PRONOUN_SUBJECTS = {"he", "she", "they", "it", "we", "i"}


def _words(toks: list[Token]) -> list[Token]:
    return [t for t in toks if not t.is_punct]


def _clause(toks: list[Token]) -> tuple[int, int] | None:
    """Characters of a clause (a verb in it, at least three words), trailing punctuation left off."""
    while toks and toks[-1].is_punct and toks[-1].text not in ("”", '"', "’", "'"):
        toks = toks[:-1]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    if len(_words(toks)) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _name_before(tok: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """The name or pronoun right before `tok` ("Dana Vell", "he"), as characters."""
    j = tok.i - 1
    if j < sent.start:
        return None
    prev = tok.doc[j]
    if prev.lower_ in _PRONOUN_SUBJECTS:
        return prev.idx, prev.idx + len(prev)
    if prev.pos_ != "PROPN" and not (prev.pos_ == "NOUN" and prev.text[:1].isupper()):
        return None  # a name the tagger took for a noun ("Vell" read as a common word) still names the speaker
    first = j
    while first - 1 >= sent.start and (tok.doc[first - 1].pos_ == "PROPN" or tok.doc[first - 1].text in ("Mr.", "Ms.")):
        first -= 1
    if first > sent.start and tok.doc[first - 1].lower_ in ("the", "a", "an"):
        return None  # "the Tern claims that …": a noun phrase, not a speaker and a verb
    return tok.doc[first].idx, prev.idx + len(prev)


def _noun_read_cue(tok: Token, sent: SpacySpan) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, subject) of "NAME charges that CLAUSE" where `charges` was tagged a noun."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in NOUN_LIKE_CUES:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is None or nxt.lower_ != "that":
        return None
    subject = _name_before(tok, sent)
    content = _clause([t for t in sent if t.i > nxt.i])
    return (content, subject) if subject and content else None


def _noun_read_trailing(tok: Token, sent: SpacySpan, text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, subject) of "CLAUSE, the former doctor maintains." with `maintains` tagged a noun."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in NOUN_LIKE_CUES:
        return None
    after = [t for t in sent if t.i > tok.i]
    if _words(after):
        return None  # the cue closes the sentence
    comma = next((t for t in reversed(sent[: tok.i - sent.start]) if t.text in (",", "”", '"')), None)
    if comma is None or tok.i - comma.i > 10 or tok.i - comma.i < 2:
        return None
    subj = [t for t in sent if comma.i < t.i < tok.i and not t.is_punct]
    if not subj or subj[0].pos_ not in (*_SUBJECT_POS, "DET", "ADJ") or any(t.pos_ in ("VERB", "AUX") for t in subj):
        return None
    content = _clause([t for t in sent if t.i < comma.i])
    if content is None:
        return None
    return content, (subj[0].idx, subj[-1].idx + len(subj[-1]))


def _claim_noun(tok: Token, sent: SpacySpan) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, owner) of "Vell's claim that CLAUSE" / "his warning that CLAUSE"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CLAIM_NOUNS:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if owner is None or comp is None or owner.lower_ in ("its", "their", "our", "my", "your"):
        return None
    mark = next(m for m in comp.children if m.dep_ == "mark" and m.lower_ == "that")
    if mark.i != tok.i + 1:
        return None  # "the claim he made that …" is something else
    content = _clause([t for t in comp.subtree if t.i > mark.i])
    own = [t for t in owner.subtree if t.dep_ != "case" and t.text not in ("’s", "'s")]
    if content is None or not own:
        return None
    return content, (own[0].idx, own[-1].idx + len(own[-1]))


def surface_attributions(sent: SpacySpan, text: str) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """(content, subject, cue) of the attributions of one sentence that have no speech verb in the parse."""
    out = []
    for tok in sent:
        found = _noun_read_cue(tok, sent) or _noun_read_trailing(tok, sent, text) or _claim_noun(tok, sent)
        if found is not None:
            out.append((found[0], found[1], tok.text))
    return out
