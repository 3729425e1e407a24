"""Persons among the English names the small model found, from what the sentence says of them.

The model calls many one-word surnames organisations ("Kipling", "Hitchcock's output"). After the model and
the context rules have typed a paragraph's names, three cues retype a one-word name:

- a he/she/his/himself/herself after it in its sentence, with no other name between and no it/its first:
  "Failing health reduced Marrow's output during the last years of his life";
- a pair with a person: "Kesha and Pebe", "Sulla and Trump";
- a regnal number: "Ramesses II", "Mojmír I (ruled …)" — also a name the model missed, its number in the span;

and a one-word "person" after "the" ("the Rhine", "the Sahel's climate") is a place. Linear in the text.
"""

from __future__ import annotations

import re

from .candidates import Found

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_PRONOUN = re.compile(r"\b(?:he|she|his|her|himself|herself)\b|\b(?:it|its|they|their)\b", re.IGNORECASE)
_PERSONAL = frozenset({"he", "she", "his", "himself", "herself"})
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
# After these a name is where something happens or what something is done to, not who acts.
_PREPOSITIONS = frozenset({
    "at", "in", "for", "with", "from", "to", "by", "of", "on", "into", "about", "against", "via", "like", "than",
    "under", "over", "through", "across", "the", "a", "an", "its", "their",
})
_NUMERAL = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)"
_REGNAL = re.compile(rf"(?<![\w.’'\-])([{_UPPER}][\w’'\-]*[a-zà-ÿ]) ({_NUMERAL})(?![\w’'\-])")
# Words a numbered thing (not a person) is called by: "World War II", "Phase III", "Title IX".
_NUMBERED_THINGS = frozenset({
    "War", "Type", "Phase", "Part", "Chapter", "Title", "Class", "Stage", "Level", "Grade", "Act", "Section",
    "Volume", "Vol", "Book", "Article", "Schedule", "Tier", "Mark", "Mk", "Vatican", "Episode", "Season", "Round",
    "Division", "Category", "Appendix", "Annex", "Table", "Figure", "Plan", "Block", "Unit", "Reactor", "Apollo",
})
# "the Thatcher government", "the Obama years", "the Kennedys": a person after "the" all the same.
_PERSON_ATTRIBUTE = re.compile(
    r"(?:s\b| (?:government|administration|era|years|family|campaign|presidency|doctrine|regime|cabinet|"
    r"estate|foundation|household|brothers|sisters|twins|case|trial|affair))")
_WINDOW = 160  # characters after a name in which a pronoun may stand for it


def _one_word(item: Found) -> bool:
    return " " not in item.text and not item.text.isupper() and item.source != "rule"


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20):start].split()
    return words[-1].casefold() if words else ""


def _by_pronoun(text: str, found: list[Found], i: int) -> bool:
    """Whether a personal pronoun after found[i] in its sentence stands for it (no other name, no it/its first)."""
    item = found[i]
    if text[item.end:item.end + 1] == "," or not (_acts(text, item) or text[item.end:].startswith(("'s", "’s"))):
        return False  # "Kestrel, he said", "at Kestrel", "the bronze Olympic medallist … his": not its pronoun
    limit = min(len(text), item.end + _WINDOW)
    end = _SENTENCE_END.search(text, item.end)
    limit = min(limit, end.start() if end else limit)
    following = next((f.start for f in found[i + 1:] if f.start >= item.end and f.type == "person"), limit)
    # "her" is as often an object ("hired her") as a possessive: only for a name opening its sentence
    personal = _PERSONAL | {"her"} if _opens_sentence(text, item.start) else _PERSONAL
    for match in _PRONOUN.finditer(text, item.end, min(limit, following)):
        return match.group().casefold() in personal
    return False


def _acts(text: str, item: Found) -> bool:
    """Whether the name stands where a sentence or clause names who acts: at its opening, after a comma or a
    conjunction."""
    before = text[max(0, item.start - 20):item.start].rstrip(" \"'“‘(")
    return not before or before.endswith((".", "!", "?", ":", ",", ";", "—", "--")) or (
        before.rsplit(" ", 1)[-1].casefold() in _CLAUSE_OPENERS)


_CLAUSE_OPENERS = frozenset({
    "and", "but", "when", "that", "while", "as", "after", "before", "because", "although", "though", "since", "if",
    "then", "where", "so", "until", "once", "whereas", "unless", "however",
})


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before.endswith((".", "!", "?", ":"))


def _paired_with_person(text: str, found: list[Found], i: int) -> bool:
    """"Kesha and Pebe", "Sulla and Trump": one word joined by and/or to a one-word person."""
    item = found[i]
    for other in found[max(0, i - 1):i] + found[i + 1:i + 2]:  # only a neighbour can be the other half
        if other.type != "person" or " " in other.text:
            continue
        first = min(item.start, other.start)
        gap = text[item.end:other.start] if other.start >= item.end else text[other.end:item.start]
        if re.fullmatch(r" (?:and|or) ", gap) and not re.search(r"['’]s $", text[max(0, first - 3):first]):
            return True  # not "Tandem's Auris and Avensis": a maker's products
    return False


def _regnal(text: str, found: list[Found]) -> list[Found]:
    """A name with its regnal number ("Ramesses II"): the number joins the span and the name is a person."""
    out = list(found)
    for match in _REGNAL.finditer(text):
        if match.group(1) in _NUMBERED_THINGS:
            continue
        if match.group(2) == "I" and not re.match(r"\s*(?:[(),.;:]|and\b|of\b|who\b|[a-z]+ed\b|$)", text[match.end():]):
            continue  # "when Henry I think": the pronoun
        owner = next((f for f in out if f.end == match.end(1) and f.source != "rule"), None)
        if owner is not None:
            if owner.type == "place" and " " in owner.text:
                continue
            start = owner.start
        elif any(f.start < match.end() and match.start() < f.end for f in out) or re.search(
                rf"[{_UPPER}][\w’'\-]* $", text[max(0, match.start() - 30):match.start()]):
            continue  # inside another name, or the end of a longer run ("Final Fantasy VII")
        else:
            start = match.start()
        out = [f for f in out if f is not owner] + [Found(start, match.end(), text[start:match.end()], "person",
                                                          "context")]
    return sorted(out, key=lambda f: f.start)


def refine_person_types(text: str, found: list[Found]) -> list[Found]:
    """`found` (sorted, offsets into `text`) with the persons the sentence's own words show."""
    found = _regnal(text, found)
    out: list[Found] = []
    for i, item in enumerate(found):
        kind = item.type
        if kind == "org" and _one_word(item) and (
                _by_pronoun(text, found, i) or _paired_with_person(text, found, i)):
            kind = "person"
        elif kind == "person" and _one_word(item) and item.source == "spacy" and re.search(
                r"(?:^|\s)the $", text[max(0, item.start - 5):item.start]) and not _PERSON_ATTRIBUTE.match(
                text, item.end):
            kind = "place"  # "the Rhine", "the Sahel's climate"
        out.append(item if kind == item.type else Found(item.start, item.end, item.text, kind, "context"))
    return out
