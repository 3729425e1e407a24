"""Document-wide speaker resolution for English: a salience record of who the page has introduced.

A reader resolves "he said" to the person the sentences have been about (their grammatical
subjects), not to the nearest name ("Kit, who married co-star Rose Leslie, said he …" is Kit);
"the company" to the last company, "the ministry" to the last agency, "the newspaper" to the last
outlet, "the report" to the publisher of the last report ("a poll by YouGov"); a role ("the
president", "the former club boss") to the person given that title, else to the salient person;
"a spokesperson for X" to X; "X's lawyer" (X a person) to the lawyer the page named, never to X.
The record is built once per document from the shared English parse,
in reading order, so a pronoun subject is itself resolved before the sentences that follow it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .quotes_en import SPEECH_VERBS, en_quote_spans
from .speakers import (
    ANONYMOUS_EN,
    EN_FIRST_PERSON,
    EN_ORG_PRONOUNS,
    EN_PERSON_PRONOUNS,
    EN_PLURAL_PRONOUNS,
    ORG_HEADS,
    PERSON_HEADS,
    Candidate,
    Speaker,
    SpeakerIndex,
    proper_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..doc import Doc

MALE, FEMALE = "m", "f"
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "the", "a", "an", "and", "but", "said",
           "says",
           "when", "if", "as", "by", "of", "in", "on", "at", "with", "from", "to", "for",
           # sentence-initial subordinators, capitalised only by their place: "While Ri said …"
           "while", "although", "though", "after", "before", "because", "since", "until", "unless", "whereas",
           "once", "so", "yet", "then", "also", "now", "still"}
_GENDER_OF_PRONOUN = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}
_GENDER_TITLES = {"mr": MALE, "mr.": MALE, "sir": MALE, "lord": MALE, "ms": FEMALE, "ms.": FEMALE, "mrs": FEMALE,
                  "mrs.": FEMALE, "miss": FEMALE, "dame": FEMALE, "lady": FEMALE}
_ORG_WORDS = {"society", "office", "service", "commission", "committee", "council", "institute", "center", "centre",
              "department", "ministry", "agency", "police", "court", "association", "union", "party", "foundation",
              "board", "authority", "bureau", "university", "group", "company", "corporation", "tv", "news", "times",
              "post", "journal", "herald", "gazette", "network", "club", "league", "federation", "organization",
              "organisation", "administration", "assembly", "parliament", "congress", "senate", "team", "campaign"}
_CALENDAR_WORD = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)")
_GENDERED_ROLES = {"spokeswoman": FEMALE, "chairwoman": FEMALE, "actress": FEMALE, "congresswoman": FEMALE,
                   "businesswoman": FEMALE, "woman": FEMALE, "mother": FEMALE, "wife": FEMALE, "daughter": FEMALE,
                   "spokesman": MALE, "chairman": MALE, "congressman": MALE, "businessman": MALE,
                   "man": MALE, "father": MALE, "husband": MALE, "son": MALE}
REPORT_HEADS = {"report", "study", "survey", "poll", "analysis", "research", "paper", "review", "audit", "index",
                "statement", "release", "memo", "filing", "document", "documents", "data", "findings"}
OUTLET_HEADS = {"newspaper", "paper", "outlet", "broadcaster", "channel", "magazine", "daily", "network", "site",
                "website", "tabloid", "agency"}
AGENCY_HEADS = {"ministry", "department", "agency", "commission", "regulator", "government", "administration",
                "office", "police", "force", "court", "council", "authority", "bureau", "service", "army", "military"}
COMPANY_HEADS = {"company", "firm", "group", "startup", "start-up", "carmaker", "automaker", "retailer", "bank",
                 "lender", "insurer", "chipmaker", "giant", "maker", "manufacturer", "business", "supermarket",
                 "airline", "club", "team", "party", "campaign", "organisation", "organization", "charity", "lab",
                 "laboratory", "university", "institute", "union"}
SPOKES_HEADS = {"spokesperson", "spokesman", "spokeswoman", "representative", "statement", "spokespeople"}
_NOT_NAMES = {"nobody", "no one", "none", "everyone", "everybody", "anyone"}
_PERSONISH = re.compile(r"\d+-year-old$")  # "the 24-year-old"
ROLE_HEADS = PERSON_HEADS | {
    "actor", "actress", "singer", "player", "champion", "star", "rapper", "coach", "captain", "manager", "politician",
    "democrat", "republican", "lawyer", "attorney", "judge", "doctor", "mayor", "officer", "inspector", "detective",
    "prime", "premier", "chancellor", "king", "queen", "prince", "princess", "mother", "father", "wife", "husband",
    "son", "daughter", "presenter", "host", "writer", "novelist", "artist", "designer", "founder", "owner",
    "ambassador", "envoy", "diplomat", "general", "commander", "chair", "chairperson", "professor", "student",
    "teacher", "athlete", "golfer", "striker", "midfielder", "goalkeeper", "boxer", "driver", "rider", "pilot",
    "congressman", "congresswoman", "legislator", "mp", "councillor", "activist", "campaigner", "victim", "survivor",
}
_SUBJECT_WINDOW = 4000  # characters back that a pronoun may reach


@dataclass(slots=True)
class Salient:
    at: int  # offset in doc.text where the entity is the subject
    cand: Candidate
    kind: str  # person | company | agency | outlet | org


def _org_kind(entity_type: str, name: str) -> str:
    if entity_type == "outlet":
        return "outlet"
    if entity_type == "agency" or re.search(r"\b(?:Ministry|Department|Police|Court|Agency|Commission|Office)\b",
                                            name):
        return "agency"
    return "company"


class Salience:
    """Who each part of an English page is about, for resolving pronouns, roles and definite descriptions."""

    def __init__(self, doc: Doc, index: SpeakerIndex, parses: dict[int, Any]) -> None:
        self.doc, self.index = doc, index
        self.types = {m.entity: m.type for m in doc.layers.get("mentions", [])}
        self.subjects: list[Salient] = []
        self.roles: dict[str, list[tuple[int, Candidate]]] = {}
        self.publishers: list[tuple[int, Candidate]] = []
        self.gender: dict[str, str] = {}
        self.parses = parses
        self._named = sorted((m.start, m.end) for m in doc.layers.get("mentions", []))
        for i in sorted(parses):
            self._read(parses[i], doc.paragraphs[i].start)
        for i, para in enumerate(doc.paragraphs):
            if i not in parses:
                self._unparsed_subjects(para.start, para.text)
        self.subjects.sort(key=lambda s: s.at)
        self._at = [s.at for s in self.subjects]

    # -- building -------------------------------------------------------------------------------
    def _kind(self, c: Candidate) -> str:
        if c.type == "person":
            return "person"
        return _org_kind(self.types.get(c.key or "", ""), c.name)

    def _name_key(self, c: Candidate) -> str:
        return c.key or c.name

    def _read(self, parse: Any, offset: int) -> None:
        quoted = en_quote_spans(parse.text)
        for tok in parse:
            if tok.dep_ in ("nsubj", "nsubjpass") and _main_or_speaking(tok.head) and not _inside(tok.idx, quoted) \
                    or (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"):
                self._subject(tok, offset)
            if tok.lemma_.lower() in REPORT_HEADS and tok.pos_ == "NOUN":
                self._publisher(tok, offset)
        for c in self.index.inside(offset, offset + len(parse.text), ("person",)):
            self._titles(parse, offset, c)

    def _subject(self, tok: Token, offset: int) -> None:
        at = offset + tok.idx
        low = tok.lower_
        if low in EN_PERSON_PRONOUNS or low in EN_ORG_PRONOUNS:
            c = self.pronoun(low, at)
        else:
            lo, hi = _head_np(tok)
            c = self._head_candidate(offset + lo, offset + hi, offset + tok.idx)
            appos = [a for a in tok.children if a.dep_ == "appos"]
            if tok.pos_ == "NOUN" and (c is None or c.end <= offset + tok.idx) and appos:
                a0, a1 = _head_np(appos[0])  # "Trump's press secretary, Sarah Sanders, appeared …"
                c = self._head_candidate(offset + a0, offset + a1, offset + appos[0].idx) or c
            if c is None and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha:
                c = self._unlisted_person(tok, offset)
            if c is not None and c.type == "person":
                self._learn_gender(tok, c)
        if c is not None:
            s = Salient(at, c, self._kind(c))
            self.subjects.append(s)

    def _unparsed_subjects(self, offset: int, text: str) -> None:
        """A paragraph with no cue is not parsed, yet "Trump took a brighter view." still makes Trump the
        person a following "he said" means: a named person opening a sentence, a lowercase word after."""
        for c in self.index.inside(offset, offset + len(text), ("person",)):
            before = text[:c.start - offset].rstrip()
            if (not before or before[-1] in ".!?") and re.match(r" [a-z]", text[c.end - offset:]):
                self.subjects.append(Salient(c.start, c, "person"))

    def _unlisted_person(self, tok: Token, offset: int) -> Candidate | None:
        """A surname subject no name list knows ("Sanders said …"), when the page gave the full name before."""
        at = offset + tok.idx
        k = bisect.bisect_left(self._named, (at, at))
        if any(a < at + len(tok) and at < b for a, b in self._named[max(0, k - 1):k + 1]):
            return None  # a place, a product …: named, and not a person
        full = self._full_name(tok.text, at)
        if full is None or _CALENDAR_WORD.match(full.split()[0].lower()):
            return None
        return Candidate(at, at + len(tok), tok.text, "person", full, None, None, [tok.text])

    def _learn_gender(self, subj: Token, c: Candidate) -> None:
        """"Kit said his …", "Sanders, the press secretary, said she …": the first personal pronoun after a
        named subject in its own sentence, when it names no one else, tells the person's gender; so do
        gendered role words beside the name ("spokeswoman", "actor")."""
        key = self._name_key(c)
        if key in self.gender:
            return
        for t in subj.subtree:
            g = _GENDERED_ROLES.get(t.lower_)
            if g:
                self.gender[key] = g
                return
        sent = subj.sent
        for t in sent:
            if t.i <= subj.i:
                continue
            if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return  # another name first: the pronoun may be theirs
            g = _GENDER_OF_PRONOUN.get(t.lower_) or {"himself": MALE, "herself": FEMALE}.get(t.lower_)
            if g:
                self.gender[key] = g
                return

    def _publisher(self, tok: Token, offset: int) -> None:
        """"a report by X", "X's study", "a poll from X", "a study published by X"."""
        for child in tok.children:
            heads = [child]
            if child.dep_ == "acl":
                heads = [g for g in child.children if g.dep_ == "agent" or g.lower_ in ("by", "from")]
            for h in heads:
                if h.dep_ == "poss" or h.lower_ in ("by", "from", "of", "agent"):
                    target = h if h.dep_ == "poss" else next((g for g in h.children if g.dep_ == "pobj"), None)
                    if target is None:
                        continue
                    lo, hi = _head_np(target)
                    c = self._head_candidate(offset + lo, offset + hi, offset + target.idx)
                    if c is None and target.pos_ == "PROPN":  # a publisher no name list knows
                        sub = [t for t in target.subtree if t.dep_ not in ("det", "case")] or [target]
                        name = " ".join(t.text for t in sub)
                        c = Candidate(offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1]), name, "org", name,
                                      None, None, [name])
                    if c is not None and c.type != "person":
                        self.publishers.append((offset + tok.idx, c))

    def _titles(self, parse: Any, offset: int, c: Candidate) -> None:
        """Role words given to a person: "President X", "Europe captain X", "X, the firm's chief executive"."""
        span = parse.char_span(c.start - offset, c.end - offset, alignment_mode="expand")
        if span is None:
            return
        head = span.root
        words: list[Token] = [t for t in head.lefts if t.i < span.start and t.dep_ in ("compound", "amod", "nmod")]
        words += [t for t in head.children if t.dep_ == "appos" and t.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            words.append(head.head)
        if span.start > 0 and parse[span.start - 1].lower_ in _GENDER_TITLES:
            self.gender.setdefault(self._name_key(c), _GENDER_TITLES[parse[span.start - 1].lower_])
        for w in words:
            self.roles.setdefault(w.lemma_.lower(), []).append((c.start, c))

    def _head_candidate(self, start: int, end: int, head_at: int) -> Candidate | None:
        found = self.index.inside(start, end)
        if not found:
            return None
        holding = [c for c in found if c.start <= head_at < c.end]
        if holding:
            return holding[0]
        persons = [c for c in found if c.type == "person"]
        return persons[-1] if persons else found[-1]

    # -- lookup ---------------------------------------------------------------------------------
    def latest(self, before: int, kinds: tuple[str, ...], gender: str | None = None) -> Candidate | None:
        i = bisect.bisect_left(self._at, before) - 1 if hasattr(self, "_at") else len(self.subjects) - 1
        while i >= 0:
            s = self.subjects[i]
            if s.at < before - _SUBJECT_WINDOW:
                return None
            if s.at < before and s.kind in kinds and (gender is None or self.gender.get(self._name_key(s.cand))
                                                       in (None, gender)):
                return s.cand
            i -= 1
        return None

    def pronoun(self, low: str, at: int) -> Candidate | None:
        if low in EN_ORG_PRONOUNS:
            return self.latest(at, ("company", "agency", "outlet", "org"))
        gender = _GENDER_OF_PRONOUN.get(low)
        c = self.latest(at, ("person",), gender)
        if c is None:
            c = self._nearest_person(at, gender)
        if c is not None and gender:
            self.gender.setdefault(self._name_key(c), gender)
        return c

    def _nearest_person(self, at: int, gender: str | None) -> Candidate | None:
        c = self.index.latest(at, ("person",))
        tries = 0
        while c is not None and gender and self.gender.get(self._name_key(c)) not in (None, gender) and tries < 5:
            c, tries = self.index.latest(c.start, ("person",)), tries + 1
        return c

    def role(self, word: str, at: int) -> Candidate | None:
        best = None
        for start, c in self.roles.get(word, []):
            if start < at:
                best = c
        return best

    def publisher(self, at: int) -> Candidate | None:
        before = [c for start, c in self.publishers if start < at]
        return before[-1] if before else None

    # -- resolution -----------------------------------------------------------------------------
    def resolve(self, surface: str, start: int, end: int) -> Speaker | None:
        """The speaker of an English subject at [start, end), or None to leave it to the index."""
        s = surface.strip()
        low = s.lower()
        if not s or low in _NOT_NAMES:
            return Speaker(s)
        if low in EN_PERSON_PRONOUNS or low in EN_ORG_PRONOUNS:
            c = self.pronoun(low, start)
            return self.index.from_candidate(c, None, s) if c else Speaker(s)
        if low in EN_FIRST_PERSON or low in EN_PLURAL_PRONOUNS:
            return Speaker(s)
        head_part = self._head_part(s, start)
        hp_end = start + len(head_part)
        words = re.findall(r"[\w’'.-]+", head_part.lower())
        if not words:
            return None
        head = re.sub(r"(?:'s|’s)$", "", words[-1])
        if "," in s and words[0] in ("the", "a", "an", "this"):  # "The expert, Tiffany Ng of …,": the appositive
            appos = start + s.index(",") + 1
            while appos < end and self.doc.text[appos] == " ":
                appos += 1
            named_here = [c for c in self.index.inside(appos, end, ("person", "unknown", "org")) if c.start == appos
                          and (c.type != "org" or _personal_of(self.doc.text, c))]
            if named_here:
                return self.index.from_candidate(named_here[0], (named_here[0].start, named_here[0].end), s)
        found = self.index.inside(start, hp_end)
        if head == "police" and not found:  # "police said": the force the page named, else "police"
            c = next((c for c in reversed(self.index.candidates) if c.start < start and "Police" in c.name), None)
            return self.index.from_candidate(c, None, s) if c else Speaker(s, "police", None, None, [], start, end,
                                                                          "org")
        if head in ANONYMOUS_EN or head in ("source", "aide", "official", "insider"):
            return Speaker(s)  # "a senior Labour Party source": anonymous even with an organisation named
        owned = self._owned_role(head, s, start, found)
        if owned is not None:
            return owned
        if head in SPOKES_HEADS:  # "a spokesperson for X" / "a Nvidia spokesperson" / "the company's spokesman"
            orgs = [c for c in self.index.inside(start, end) if c.type != "person"]
            if orgs:
                return self.index.from_candidate(orgs[0], (orgs[0].start, orgs[0].end), s)
            rest = s[len(head_part):].lower()
            target = re.search(r"\b(company|firm|ministry|department|agency|group|police)\b", rest)
            if target:
                return self._definite(target.group(1), s, start)
            return Speaker(s)
        named = self._named_org(head_part, start, found)
        if named is not None:
            return named
        persons = [c for c in found if c.type == "person"]
        if persons:
            c = persons[-1]
            return self.index.from_candidate(c, (c.start, c.end), s)
        person_head = head in ROLE_HEADS or bool(_PERSONISH.search(head))
        if words[0] in ("the", "this", "that") or (found and person_head and words[0] not in ("a", "an")):
            return self._definite(head, s, start, found)
        if found:
            c = found[0]
            return self.index.from_candidate(c, (c.start, c.end), s)
        if any(w in REPORT_HEADS for w in words):  # "A new poll from X shows …": the publisher named inside
            pub = next((c for at, c in self.publishers if start <= at < end), None)
            if pub is not None:
                return self.index.from_candidate(pub, None, s)
        if words[0] in ("a", "an", "one", "some", "several", "many", "most", "another", "two", "three"):
            return Speaker(s) if not self.index.inside(start, end, ("person",)) else None
        proper = proper_name(head_part)
        if proper:
            known = self.index.by_surface(proper)
            if known:
                return self.index.from_candidate(known, (start, end), s)
            full = self._full_name(proper, start) if " " not in proper else None
            return Speaker(s, full or proper, None, None, [proper] if full else [], start, end,
                           "person" if full else "unknown")
        return None

    def _owned_role(self, head: str, s: str, start: int, found: list[Candidate]) -> Speaker | None:
        """"X's lawyer / spokesman / daughter said": not X but the role speaks, the person the page gave it, else
        no one named (ANNOTATION.md: a role resolves to the name it stands for; only an organisation's spokesperson
        speaks for it). None when the subject is no role of a named person."""
        if head not in ROLE_HEADS and head not in SPOKES_HEADS or head == "statement":
            return None
        owners = [c for c in found if c.type == "person" and re.match(r"['’]s\b", self.doc.text[c.end:c.end + 3])]
        if not owners:
            return None
        c = self.role(head, start)
        if c is not None and all(c.name != o.name for o in owners):
            return self.index.from_candidate(c, None, s)
        return Speaker(s)

    def _full_name(self, surname: str, before: int) -> str | None:
        """"Arkwright" → "Tamsin Arkwright" when the page gave the full name earlier (and no name list did)."""
        pattern = re.compile(r"\b((?:[A-Z][\w'’-]+ ){1,2})" + re.escape(surname) + r"\b")
        last = None
        for m in pattern.finditer(self.doc.text, 0, before):
            first = m.group(1).split()
            while first and (first[0].lower().rstrip(".") in _TITLES or first[0].lower() in ROLE_HEADS):
                first.pop(0)
            if first:
                last = " ".join([*first, surname])
        if last is None and len(surname) <= 4:  # East Asian order, family name first: "Ri" → "Ri Yong Ho"
            family_first = re.compile(r"\b" + re.escape(surname) + r"((?: [A-Z][\w'’-]+){1,2})\b")
            for m in family_first.finditer(self.doc.text, 0, before):
                last = surname + m.group(1)
        return last

    def _named_org(self, head_part: str, start: int, found: list[Candidate]) -> Speaker | None:
        """A subject whose head is a capitalised name word ("the Cromwell Society", "The East Baton Rouge
        Parish Coroner's Office") names an organisation, even when a person's name is inside it."""
        hp = head_part.rstrip(" ,.;:")
        words = hp.split()
        last = re.sub(r"(?:'s|’s)$", "", words[-1]) if words else ""
        if not last[:1].isupper() or last.lower() in ROLE_HEADS or last.isupper() and len(words) == 1:
            return None
        end = start + len(hp)
        ending = [c for c in found if c.end >= end - 2]
        if ending:
            c = ending[-1]
            return self.index.from_candidate(c, (c.start, c.end), hp) if c.type != "person" else None
        if not any(w.lower() in _ORG_WORDS for w in words):
            return None
        name = re.sub(r"^(?:the|a|an)\s+", "", hp, flags=re.I)
        return Speaker(hp, name, None, None, [], start, end, "org")

    def _head_part(self, s: str, start: int) -> str:
        """The subject up to its first comma or relative pronoun, and up to "of/at/from/for" when a name
        follows it ("Robyn Christie of Melrose" → "Robyn Christie"; "District of Columbia" stays whole)."""
        head = re.split(r",|\(|\s(?:who|which|whose)\s", s, maxsplit=1)[0]
        for m in re.finditer(r"\s(?:of|at|from|for|with|in|on)\s", head):
            after = start + m.end()
            if any(c.start == after for c in self.index.inside(after, start + len(head))) \
                    or not head[m.end():m.end() + 1].isupper():
                return head[:m.start()]
        return head

    def _definite(self, head: str, surface: str, start: int, found: list[Candidate] | None = None) -> Speaker | None:
        c: Candidate | None = None
        if head in REPORT_HEADS:
            c = self.publisher(start) or (found[0] if found else None)
        elif head in OUTLET_HEADS:
            c = self.latest(start, ("outlet",))
        elif head in AGENCY_HEADS:
            c = self.latest(start, ("agency",)) or self.latest(start, ("company",))
        elif head in COMPANY_HEADS or head in ORG_HEADS:
            c = self.latest(start, ("company",)) or self.index.latest(start, ("org",))
        elif head in ROLE_HEADS or _PERSONISH.search(head):
            c = self.role(head, start) or self.latest(start, ("person",))
            if c is None and found:
                c = found[0]  # "North Korea's foreign minister", no minister named: the country speaks
        else:
            return None
        if c is None:
            return Speaker(surface)
        return self.index.from_candidate(c, None, surface)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in spans)


def _main_or_speaking(verb: Token) -> bool:
    """A subject the page is about: of the sentence's main clause or of a speech verb, not of a clause
    the speaker reports ("Trump said Kavanaugh suffered": Trump, not Kavanaugh)."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        return True
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _head_np(tok: Token) -> tuple[int, int]:
    """Characters of a subject's noun phrase up to its first comma, relative clause or preposition."""
    toks = [t for t in tok.subtree]
    cut = len(toks)
    for n, t in enumerate(toks):
        if t.i > tok.i and (t.text in (",", "(") or t.dep_ in ("relcl", "prep", "appos", "acl")):
            cut = n
            break
    toks = toks[:cut]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _personal_of(text: str, c: Candidate) -> bool:
    """"Tiffany Ng of the University of Michigan" typed as an organisation: two capitalised words followed by
    "of" read as a person's name and affiliation."""
    words = c.name.split()
    return len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words) and \
        text[c.end:c.end + 4] == " of "
