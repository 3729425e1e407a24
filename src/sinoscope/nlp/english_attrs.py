"""The English model's attribute ruler and rule lemmatizer, applied the cheap way with the same results.

spaCy's `attribute_ruler` runs a Matcher of ~180 one- or two-token patterns over every token (coarse POS,
morphology and a few lemmas from the fine tag, the word and its dependency) and the `lemmatizer` calls a
Python method per token; together they cost as much as the parser. `EnglishAttributes` reads the same
patterns from the loaded model, looks each token's candidates up by its tag or word, applies the matches in
the ruler's order (pattern, then position) with spaCy's own setter, and lemmatizes through the component's own
cache and rules — the tokens come out identical (tests/test_english_attrs.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

MAX_CACHED = 500_000  # cached lemmas, cached pattern plans (by tag, word, relation)
Check = Callable[["Token"], bool]
_READ: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
    "ORTH": lambda t: t.text, "POS": lambda t: t.pos_,
}


_SIGNATURE = ["TAG", "LOWER", "DEP", "IS_SPACE"]  # what a token's pattern plan is cached by


def _check(attr: str, value: Any) -> Check:
    read = _READ[attr]  # an attribute the model's patterns do not use is refused here, at load
    if isinstance(value, dict):
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = set(arg)
            return lambda t: read(t) in allowed
        if op == "NOT_IN":
            banned = set(arg)
            return lambda t: read(t) not in banned
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda t: pattern.search(read(t)) is not None
        raise ValueError(f"attribute pattern operator {op} not supported")
    return lambda t: read(t) == value


def _index_keys(first: dict[str, Any]) -> tuple[list[tuple], set[str]]:
    """The lookup keys (attribute id, string hash …) under which a pattern whose first token is `first` is tried
    (every token it can match has one of them; none: it is tried on every token), and the attributes they fix."""
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
    from spacy.strings import get_string_id

    def values(attr: str) -> list[int] | None:
        v = first.get(attr)
        if isinstance(v, str):
            return [get_string_id(v)]
        if isinstance(v, dict) and set(v) == {"IN"}:
            return [get_string_id(x) for x in v["IN"]]
        return None

    tags, lowers, deps = values("TAG"), values("LOWER"), values("DEP")
    if tags and lowers:
        return [(TAG, t, LOWER, w) for t in tags for w in lowers], {"TAG", "LOWER"}
    if tags:
        return [(TAG, t) for t in tags], {"TAG"}
    if lowers:
        return [(LOWER, w) for w in lowers], {"LOWER"}
    if deps:
        return [(DEP, d) for d in deps], {"DEP"}
    if first.get("IS_SPACE") is True:
        return [(IS_SPACE, True)], {"IS_SPACE"}
    return [], set()


class EnglishAttributes:
    """`attribute_ruler` + `lemmatizer` of `nlp` as one pass over a parsed Doc (tagger and parser run)."""

    def __init__(self, nlp: Language) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        ruler, self.lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        self._set = set_token_attrs
        self._attrs = ruler.attrs  # normalised, as the ruler applies them
        self._index = ruler.indices
        # a pattern is looked up by its first token's plain (or listed) tag and word, dependency or space flag
        self._by_key: dict[tuple, list[tuple[int, list[list[Check]], bool]]] = {}
        self._general: list[tuple[int, list[list[Check]], bool]] = []
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                keys, fixed = _index_keys(pattern[0])
                checks = [[_check(k, v) for k, v in spec.items() if n or k not in fixed]  # the key checked those
                          for n, spec in enumerate(pattern)]
                by_signature = set(pattern[0]) <= set(_SIGNATURE)  # its first token's checks read the signature
                for key in keys:
                    self._by_key.setdefault(key, []).append((number, checks, by_signature))
                if not keys:
                    self._general.append((number, checks, by_signature))
        index = self.lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):  # each part of speech's known lemmas, a list spaCy searches word by word
            index[pos] = frozenset(index[pos])
        self._plans: dict[tuple[int, ...], tuple[list[int], list[tuple]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (word, POS, morphology) → lemma, as spaCy caches it

    def _candidates(self, token: Token, signature: tuple[int, ...]) -> tuple[list[int], list[tuple]]:
        """The patterns a token with this signature (tag, word, relation, space flag) starts: those its signature
        settles (their numbers) and those still to check (number, checks, first token to check)."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        tag, lower, dep, space = signature
        by_key = self._by_key
        found = [*by_key.get((TAG, tag, LOWER, lower), ()), *by_key.get((TAG, tag), ()),
                 *by_key.get((LOWER, lower), ()), *by_key.get((DEP, dep), ()), *self._general]
        if space:
            found += by_key.get((IS_SPACE, True), ())
        settled, to_check = [], []
        for number, checks, by_signature in found:
            if not by_signature:
                to_check.append((number, checks, 0))
            elif all(c(token) for c in checks[0]):  # true of every token with this signature
                if len(checks) == 1:
                    settled.append(number)
                else:
                    to_check.append((number, checks, 1))
        return settled, to_check

    def _matches(self, doc: SpacyDoc) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        n, plans = len(doc), self._plans
        for i, signature in enumerate(map(tuple, doc.to_array(_SIGNATURE).tolist())):
            plan = plans.get(signature)
            if plan is None:
                if len(plans) > MAX_CACHED:
                    plans.clear()
                plan = plans[signature] = self._candidates(doc[i], signature)
            settled, to_check = plan
            found += [(number, i, i + 1) for number in settled]
            for number, checks, first in to_check:
                if i + len(checks) <= n and all(all(c(doc[i + k]) for c in checks[k])
                                                for k in range(first, len(checks))):
                    found.append((number, i, i + len(checks)))
        return sorted(set(found))  # a token found under two keys is one match

    def __call__(self, doc: SpacyDoc) -> SpacyDoc:
        for number, start, end in self._matches(doc):
            index = self._index[number]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute pattern {number}: index {index} outside its match")
            self._set(doc[target], self._attrs[number])
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmas, overwrite, strings = self._lemmas, self.lemmatizer.overwrite, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = lemmas.get(key)
                if found is None:
                    if len(lemmas) > MAX_CACHED:
                        lemmas.clear()
                    found = lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                rows[i, 3] = found
        doc.from_array([LEMMA], rows[:, 3:4])
        return doc
