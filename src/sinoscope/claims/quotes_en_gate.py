"""Which English sentences the quote rules need parsed: those holding a cue candidate.

The rules of `quotes_en`, `quotes_en_direct` and `salience` find a quote only at a word whose lemma is one of
`SPEECH_VERBS` (say, tell, argue, call, the learned cues of data/cue_lexicon.tsv …) or at "according to"; a
quotation mark may be claimed from its neighbour. A sentence with none of these needs no dependency parse,
and `english.parse_where` leaves it flat. The word forms are every form the model's own rule lemmatizer can
turn into one of those lemmas (its suffix rules and its exception lists, run backwards), so the gate misses
no cue the parse would have found. A rule keyed on a new lemma is covered once the lemma is in SPEECH_VERBS;
a rule keyed on something else must add it to `cue_candidate`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .quotes_en import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span

_MARKS = ("“", "”", '"', "''", "―")  # quotation marks (and the dash of "― X") as en_quote_spans reads them
OTHER_CUE_WORDS = frozenset({"according"})  # "according to X"


@functools.cache
def cue_forms() -> frozenset[str]:
    """Lower-case word forms whose lemma (under any part of speech) can be a speech verb."""
    from ..nlp.english import english_model

    lookups = english_model().get_pipe("lemmatizer").lookups
    rules, exceptions = lookups.get_table("lemma_rules", {}), lookups.get_table("lemma_exc", {})
    forms = set(SPEECH_VERBS) | OTHER_CUE_WORDS
    for pos in ("verb", "noun", "adj", "adv", "aux", "propn"):
        for old, new in rules.get(pos, []):
            forms |= {lemma[:len(lemma) - len(new)] + old for lemma in SPEECH_VERBS if lemma.endswith(new)}
        forms |= {form for form, lemmas in exceptions.get(pos, {}).items() if SPEECH_VERBS.intersection(lemmas)}
    return frozenset(forms)


def cue_candidate(sentence: Span) -> bool:
    """Whether `sentence` (tokens, not yet parsed) holds a cue candidate: a form of a speech verb, "according",
    or a quotation mark ("‘" only where it opens, not as an apostrophe)."""
    text = sentence.text
    if any(mark in text for mark in _MARKS) or ("‘" in text and any(
            t.text.startswith("‘") for t in sentence)):
        return True
    forms = cue_forms()
    return any(t.lower_ in forms for t in sentence)
