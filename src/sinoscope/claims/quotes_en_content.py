"""The extent of an English reported clause: what a speech verb reports, less the cue, the speaker, the time and
place it was said and any claim of its own coordinated with it."""

from __future__ import annotations

from spacy.tokens import Token

from .quotes_en_cues import OBJECT_VERBS, SAY_VERBS, SPEECH_VERBS

_TRAILING_PUNCT = {",", ".", ";", ":", "!", "—", "–", "-", "--", "(", "“", "‘"}
_CIRCUMSTANCE_PREPS = {"during", "amid", "after", "before", "at", "while"}


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
