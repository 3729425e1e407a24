"""Discovery of English names the knowledge base does not know, with spaCy's small English model.

The model is loaded lazily — only when a page has English content — and with just the
components NER needs. Its labels are a first guess: the knowledge base overrules them for the
names it knows (the small model calls Alibaba and Nvidia places), and a filter drops the
junk it is prone to (generic words, "AI", months, nationalities, lower-case phrases).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from importlib import resources

from ..nlp.english import english_model, only, pipe_chunked
from .candidates import Found
from .context_en import apply_context
from .orgs_en import ORG_HEAD_WORDS
from .person_cues_en import refine_person_types

log = logging.getLogger(__name__)

# A named work (a show, a book, a song) is reported as a product, as the annotation rules count it.
_LABELS = {"PERSON": "person", "ORG": "org", "PRODUCT": "product", "WORK_OF_ART": "product", "GPE": "place",
           "LOC": "place"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
# Words the small model labels as names far too often; none of them names a person or a company alone.
_GENERIC = {
    "ai", "agi", "llm", "llms", "gpu", "gpus", "cpu", "ceo", "cto", "cfo", "coo", "chip", "chips", "us", "u.s.",
    "uk", "eu", "un", "covid", "covid-19", "internet", "web", "cloud", "the west", "west", "east", "government",
    "state", "ministry", "administration", "president", "reuters staff",
    "comments", "comment", "reply", "share", "news", "newsletter", "subscribe", "login", "email", "china",
    "america", "chinese", "american", "americans", "european", "asian", "tech", "big tech", "silicon valley",
    "nasdaq", "research", "science", "technology", "company", "companies", "lab", "labs", "team", "group",
    "brexit", "metoo", "lgbt", "lgbtq", "bst", "gmt", "atm",
    # faiths and eras are no organisations
    "islam", "judaism", "christianity", "buddhism", "hinduism", "catholicism", "protestantism", "sikhism",
    "taoism", "confucianism", "renaissance", "reformation",
    # abbreviations of things, not bodies
    "gdp", "g.d.p", "g.d.p.", "vat", "bce", "ce", "hiv", "aids", "dna", "rna", "gps", "pdf", "ipo", "esg", "faq",
}
# Two capitals the model calls organisations that are not ("VW", "GM", "BA" are)
_NOT_ACRONYMS = frozenset({
    "AI", "IT", "TV", "PR", "HR", "IQ", "ID", "OK", "PC", "VR", "AR", "ML", "UK", "US", "EU", "UN", "DC", "AM",
    "PM", "QC", "MP", "MPs", "NY", "LA", "IP", "5G", "4G", "3G", "3D", "2D", "DJ", "CV", "GP", "ER", "OS", "UI",
    "DM", "GC", "PS", "HQ", "CC", "BC", "AD", "VP", "FM", "PE", "RE", "ST", "NB",
})
_NATIONALITY = re.compile(
    r"^(?:chinese|american|british|english|french|german|japanese|korean|indian|russian|european|asian|"
    r"african|australian|canadian|taiwanese|israeli|western|eastern|welsh|scottish|irish|briton|brit|dutch|"
    r"spanish|italian|mexican|brazilian|indonesian|iranian|ukrainian|palestinian|turkish|arab|swiss|swedish)s?$"
    r"|^(?:scots|english|irish|welsh|french|dutch)(?:man|men|woman|women)$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|a|an|mr\.?|ms\.?|mrs\.?|dr\.?|prof\.?)\s+", re.IGNORECASE)
# Ranks and occupations the small model folds into a person's name ("Lt Col Vann", "Rapper Kanye West").
_ROLE_WORDS = frozenset({
    "lt", "col", "capt", "cpt", "sgt", "det", "gen", "maj", "cmdr", "adm", "gov", "sen", "rep", "judge", "justice",
    "president", "chairman", "ceo", "professor", "prof", "rapper", "singer", "lawyer", "attorney", "lifeguard",
    "coach", "officer", "detective", "minister", "chancellor", "senator", "governor", "mayor", "sir", "dame",
    "lord", "lady", "king", "queen", "prince", "princess", "pope", "rev", "father", "brother", "sister", "uncle",
    "aunt", "tsar", "czar", "emperor", "empress", "pharaoh", "sultan", "saint", "st",
    "actor", "actress", "director", "author", "founder", "chief", "secretary", "spokesman", "spokeswoman",
})
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_CONNECTORS = {"of", "and", "for", "the", "de", "van", "von", "der", "la", "le", "&", "-", "du", "bin", "al"}


@functools.cache
def given_names() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/given_names_en.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*")  # "Joliot-Curie" too


def looks_like_person(name: str) -> bool:
    """Two or three capitalised words starting with a common given name and holding no organisation head:
    "Kirsty Young", "Christine Blasey Ford" (the small model often calls such names organisations)."""
    words = name.split(" ")
    return (2 <= len(words) <= 3 and words[0] in given_names() and all(_NAME_WORD.fullmatch(w) for w in words)
            and not any(w in ORG_HEAD_WORDS for w in words))


def _token_is_name_like(token: str) -> bool:
    if token.lower() in _CONNECTORS:
        return True
    return token[:1].isupper() or token[:1].isdigit()


def clean_entity(text: str, start: int, label: str) -> tuple[int, int, str] | None:
    """Trim articles/possessives and reject junk; returns the kept (start, end, text) or None."""
    trimmed = text
    lead = _LEADING.match(trimmed)
    if lead:
        start += lead.end()
        trimmed = trimmed[lead.end():]
    tail = _TRAILING.search(trimmed)
    if tail:
        trimmed = trimmed[: tail.start()]
    trimmed = trimmed.split(" (")[0].split("(")[0] if "(" in trimmed else trimmed
    trimmed = trimmed.rstrip(" .,;:-–—")
    stripped = trimmed.lstrip(" \"'“‘(")
    start += len(trimmed) - len(stripped)
    trimmed = stripped
    if label == "person":
        words = trimmed.split(" ")
        while len(words) > 1 and words[0].rstrip(".").casefold() in _ROLE_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        trimmed = " ".join(words)
        if trimmed.rstrip(".").casefold() in _ROLE_WORDS:
            return None
    # "National Trust for", "Des Moines Register - the": a name does not end with a connector.
    words = trimmed.split(" ")
    while len(words) > 1 and (words[-1].casefold() in _CONNECTORS or words[-1] in "-–—"):
        words = words[:-1]
    trimmed = " ".join(words).rstrip(" -–—")
    if any(mark in trimmed for mark in (",", "/", " - ", "–", "—", ";")):
        return None  # two names the model ran together ("Weeknd, Shawn Mendes")
    if len(trimmed) < 2 or not trimmed[0].isupper():
        return None
    lowered = trimmed.lower()
    if lowered in _GENERIC or lowered in _MONTHS or _NATIONALITY.match(trimmed):
        return None
    tokens = trimmed.replace("-", " ").split()
    if not tokens or len(tokens) > 6 or not all(_token_is_name_like(t) for t in tokens):
        return None
    if label == "person":
        # A person's name is letters only and at most one word of upper-case letters ("Sam ALTMAN" is rare).
        if any(ch.isdigit() for ch in trimmed) or len(tokens) > 4:
            return None
        if all(t.isupper() and len(t) > 1 for t in tokens):
            return None
    if label == "product" and trimmed.isupper() and len(trimmed) <= 2 or label == "org" and trimmed in _NOT_ACRONYMS:
        return None  # "VW", "BA" are firms; "AI", "IT", "TV" are not
    return start, start + len(trimmed), trimmed


_LIST_SEPARATOR = re.compile(r",? and |, ")


def list_parts(text: str, start: int, label: str) -> list[tuple[int, str]]:
    """A list the model read as one name ("Tesla, Uber and Snapchat", "Weeknd, Shawn Mendes"): its members,
    each with its offset; anything else as it is ("Marks and Spencer" has no comma)."""
    if label not in ("org", "person") or ", " not in text:
        return [(start, text)]
    parts, cursor = [], 0
    for sep in _LIST_SEPARATOR.finditer(text):
        parts.append((start + cursor, text[cursor:sep.start()]))
        cursor = sep.end()
    parts.append((start + cursor, text[cursor:]))
    return parts


_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def title_case(text: str) -> bool:
    """A headline in Title Case ("Kanye West Embarked on a Pro-Trump Diatribe"): most longer words capitalised."""
    words = _WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _trim_headline_runs(texts: list[str], found: list[list[Found]]) -> list[list[Found]]:
    """A name the model ran on into the next capitalised word of a Title-Case headline ("Kanye West
    Embarked") is cut back to the name the page's other paragraphs give ("Kanye West")."""
    heads = [title_case(t) for t in texts]
    if not any(heads):
        return found
    known = {f.text: f.type for names, head in zip(found, heads, strict=True) if not head for f in names}
    out = []
    for names, head in zip(found, heads, strict=True):
        if head:
            names = [_cut_to_known(f, known) for f in names]
        out.append(names)
    return out


def _cut_to_known(item: Found, known: dict[str, str]) -> Found:
    """`item` cut back to the longest name of `known` (name → type) it starts with, typed as the page types it."""
    if item.text in known:
        return item
    best = max((k for k in known if item.text.startswith(k + " ")), key=len, default=None)
    return item if best is None else Found(item.start, item.start + len(best), best, known[best], item.source)


class EnglishNames:
    """Lazily loaded spaCy NER over English paragraphs."""

    def __init__(self) -> None:
        self._nlp = None
        self._failed = False
        self._lock = threading.Lock()

    def _model(self):
        if self._nlp is None and not self._failed:
            with self._lock:
                if self._nlp is None and not self._failed:
                    try:  # the process's one English model; find_many runs its `ner` alone
                        self._nlp = english_model()
                    except Exception as exc:  # a broken model must not stop the analysis
                        log.warning("English NER model unavailable: %s", exc)
                        self._failed = True
        return self._nlp

    def find_many(self, texts: list[str]) -> list[list[Found]]:
        """Names in each of `texts` (one list per text; offsets local to that text)."""
        if not texts:
            return []
        nlp = self._model()
        if nlp is None:
            return [[] for _ in texts]
        out: list[list[Found]] = []
        parsed = pipe_chunked(nlp, texts, batch_size=64, disable=only(nlp, "ner"))
        for text, spacy_doc in zip(texts, parsed, strict=True):
            found: list[Found] = []
            for ent in spacy_doc.ents:
                label = _LABELS.get(ent.label_)
                if label is None:
                    continue
                parts = [(kept, label) for part_start, part in list_parts(ent.text, ent.start_char, label)
                         if (kept := clean_entity(part, part_start, label))]
                if label == "org" and any(looks_like_person(kept[2]) for kept, _ in parts):
                    parts = [(kept, "person") for kept, _ in parts]  # "Weeknd, Shawn Mendes": a list of people
                found += [Found(kept[0], kept[1], kept[2], kind, "spacy") for kept, kind in parts]
            typed = []
            for item in apply_context(text, found):
                kept = clean_entity(item.text, item.start, item.type) if item.source == "context" or (
                    item.source == "spacy" and item.type == "person") else (item.start, item.end, item.text)
                if kept:
                    typed.append(Found(kept[0], kept[1], kept[2], item.type, item.source))
            out.append(refine_person_types(text, typed))
        return _trim_headline_runs(texts, out)

    def find(self, text: str) -> list[Found]:
        return self.find_many([text])[0] if text.strip() else []
