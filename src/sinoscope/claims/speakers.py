"""Who is speaking: names, pronouns and role nouns resolved to the people and organisations of the page.

The index is built from the entities stage (layers "mentions"/"entities") when it ran, else from a
cheap fallback (spaCy PERSON/ORG entities of the shared parse for English, a few name rules for
Chinese). Pronouns ("he", "她") and role nouns ("the company", "这位英国AI先驱") go to the most recent
compatible name before them, the way a reader would resolve them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..doc import CONTENT_SECTIONS, Doc
from ..nlp.english import parse_paragraph

HAN = re.compile(r"[\u3400-\u9fff]")

EN_PERSON_PRONOUNS = {"he", "she", "him", "her"}
EN_PLURAL_PRONOUNS = {"they", "we"}
EN_ORG_PRONOUNS = {"it"}
ZH_PERSON_PRONOUNS = ("他们", "她们", "他", "她", "此人", "对方")
EN_FIRST_PERSON = {"i", "me", "we", "us", "you"}
ORG_HEADS = {
    "company", "firm", "group", "startup", "start-up", "institute", "agency", "organization", "organisation",
    "report", "study", "ministry", "department", "lab", "laboratory", "university", "government", "administration",
    "team", "commission", "committee", "bank", "fund", "campaign", "paper", "survey", "poll", "think-tank", "tank",
}
PERSON_HEADS = {
    "ceo", "executive", "chief", "founder", "co-founder", "cofounder", "scientist", "researcher", "president",
    "minister", "spokesman", "spokeswoman", "spokesperson", "official", "professor", "analyst", "strategist",
    "billionaire", "entrepreneur", "chairman", "chairwoman", "director", "leader", "investor", "engineer",
    "senator", "governor", "secretary", "pioneer", "candidate", "nominee", "economist", "author", "head", "boss",
    "man", "woman", "expert", "lawmaker", "representative", "adviser", "advisor", "manager", "partner",
    "lawyer", "attorney", "detective", "inspector", "det", "insp", "capt", "captain", "coach", "judge", "mayor",
    "sergeant", "sgt", "officer", "commissioner", "superintendent", "lt", "col", "gen", "rep", "sen", "gov", "dr",
    "prof", "lifeguard", "host", "presenter", "correspondent", "reporter", "rapper", "singer", "actor", "actress",
}
ANONYMOUS_EN = {
    "source", "sources", "analysts", "experts", "officials", "observers", "critics", "insiders", "people",
    "person", "some", "many", "others", "researchers", "executives", "insider", "supporters",
    "economists", "investors", "commentators", "someone", "diplomats", "aides", "lawmakers", "voters", "reports",
}
ANONYMOUS_ZH = ("知情人士", "消息人士", "业内人士", "分析人士", "专家", "有人", "人们", "外界", "很多人", "许多人",
                "不少人", "网友", "消息", "舆论", "有分析", "观察人士", "市场人士", "分析师")
ZH_ORG_SUFFIX = ("公司", "集团", "机构", "研究所", "研究院", "企业", "部", "委员会", "实验室", "团队", "大学", "政府",
                 "银行", "报告", "媒体", "中心", "协会", "基金", "平台", "组织")


@dataclass(slots=True)
class Candidate:
    """A name in the text that can speak: where it is, what it is and its canonical forms."""

    start: int
    end: int
    text: str
    type: str  # person | org | unknown
    name: str
    name_zh: str | None = None
    key: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    surface: str
    name: str | None = None  # None for anonymous sources
    name_zh: str | None = None
    key: str | None = None
    aliases: list[str] = field(default_factory=list)
    start: int | None = None  # where the speaker is named in the text (None when resolved from a pronoun)
    end: int | None = None
    type: str = "unknown"


def _contract_type(entity_type: str) -> str:
    if entity_type == "person":
        return "person"
    if entity_type in ("org", "agency", "outlet", "program"):
        return "org"
    return "other"


class SpeakerIndex:
    """Speaker-capable names of one document, ordered by position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.candidates: list[Candidate] = []
        if doc.layers.get("mentions"):
            self._from_layers(doc)
            self._add_rule_names(doc)
        else:
            self._fallback(doc)
        self.candidates.sort(key=lambda c: c.start)
        self._starts = [c.start for c in self.candidates]

    # -- building ---------------------------------------------------------------------------------
    def _from_layers(self, doc: Doc) -> None:
        entities = {e.key: e for e in doc.layers.get("entities", []) if hasattr(e, "key")}
        for m in doc.layers["mentions"]:
            kind = _contract_type(getattr(m, "type", ""))
            if kind == "other":
                continue
            ent = entities.get(m.entity)
            if ent is not None and _contract_type(ent.type) == "person":
                kind = "person"  # a mention tagged otherwise that the entities stage resolved to a person
            name = ent.name if ent else m.text
            self.candidates.append(Candidate(
                m.start, m.end, m.text, kind, name, ent.name_zh if ent else (m.text if HAN.search(m.text) else None),
                m.entity, list(ent.aliases) if ent else [m.text]))
        latin = [c for c in self.candidates if not HAN.search(c.name)]
        # "Sanders" tagged an organisation once is still Sarah Sanders when the page named her in full
        merge_short_names([c for c in latin if c.type == "person" or (c.type == "org" and " " not in c.name)])
        _merge_acronyms([c for c in latin if c.type == "org"])

    def _add_rule_names(self, doc: Doc) -> None:
        """Chinese names the entities stage did not know ("首席执行官欧阳默"), where it found nothing."""
        spans = sorted((c.start, c.end) for c in self.candidates)
        for para in doc.paragraphs:
            if para.section in CONTENT_SECTIONS and para.lang == "zh":
                for cand in zh_name_candidates(para.analysis_text, para.start):
                    i = bisect.bisect_left(spans, (cand.start, cand.start))
                    near = spans[max(0, i - 1):i + 1]
                    if not any(a < cand.end and cand.start < b for a, b in near):
                        self.candidates.append(cand)

    def _fallback(self, doc: Doc) -> None:
        persons: list[Candidate] = []
        for i, para in enumerate(doc.paragraphs):
            if para.section not in CONTENT_SECTIONS or not para.text.strip():
                continue
            if para.lang == "zh":
                self.candidates.extend(zh_name_candidates(para.analysis_text, para.start))
                continue
            if para.lang != "en":
                continue
            for ent in parse_paragraph(doc, i).ents:
                if ent.label_ not in ("PERSON", "ORG"):
                    continue
                text = ent.text.strip(" '’\"“”")
                text = re.sub(r"(?:'s|’s)$", "", text)
                if not text or not text[0].isupper():
                    continue
                kind = "person" if ent.label_ == "PERSON" else "org"
                cand = Candidate(para.start + ent.start_char, para.start + ent.start_char + len(text), text, kind, text)
                cand.aliases = [text]
                if kind == "person":
                    persons.append(cand)
                self.candidates.append(cand)
        merge_short_names([c for c in self.candidates if c.type in ("person", "unknown")])

    # -- lookup -----------------------------------------------------------------------------------
    def inside(self, start: int, end: int, types: tuple[str, ...] = ("person", "org", "unknown")) -> list[Candidate]:
        """Candidates within [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.candidates) and self.candidates[i].start < end:
            c = self.candidates[i]
            if c.end <= end and c.type in types:
                out.append(c)
            i += 1
        return out

    def latest(self, before: int, types: tuple[str, ...], window: int = 3000) -> Candidate | None:
        """The most recent candidate of one of `types` ending before offset `before`."""
        i = bisect.bisect_left(self._starts, before) - 1
        while i >= 0:
            c = self.candidates[i]
            if c.start < before - window:
                return None
            if c.end <= before and c.type in types:
                return c
            i -= 1
        return None

    def by_surface(self, surface: str) -> Candidate | None:
        """A candidate whose name or alias is this surface, or whose full name ends with it ("Power")."""
        s = surface.strip()
        if not s:
            return None
        for c in self.candidates:
            if s in (c.text, c.name, c.name_zh) or s in c.aliases:
                return c
        for c in self.candidates:
            if c.type == "person" and len(s) >= 2 and (c.name.endswith(" " + s) or c.name.startswith(s + " ")):
                return c
        return None

    # -- resolution -------------------------------------------------------------------------------
    def from_candidate(self, c: Candidate, named_at: tuple[int, int] | None, surface: str) -> Speaker:
        start, end = named_at if named_at else (None, None)
        aliases = sorted({a for a in [*c.aliases, c.text, surface] if a and a != c.name})
        return Speaker(surface, c.name, c.name_zh, c.key, aliases, start, end, c.type)

    def resolve(self, surface: str, start: int, end: int) -> Speaker:
        """Turn a subject as written at [start, end) into a speaker."""
        surface = surface.strip()
        low = surface.lower()
        if not surface:
            return Speaker(surface)
        found = self.inside(start, end, ("person", "org", "unknown"))
        if found:
            best = next((c for c in found if c.type == "person"), found[0])
            sp = self.from_candidate(best, (best.start, best.end), surface)
            sp.aliases = sorted({*sp.aliases, *(c.name for c in found if c is not best)})
            return sp
        words = re.findall(r"[\w’'-]+", low)
        if HAN.search(surface):
            return self._resolve_zh(surface, start, end)
        if low in EN_PERSON_PRONOUNS:
            return self._antecedent(surface, start, ("person",))
        if low in EN_ORG_PRONOUNS:
            return self._antecedent(surface, start, ("org",))
        if low in EN_PLURAL_PRONOUNS or low in EN_FIRST_PERSON:
            return Speaker(surface)
        if words and words[0] in ("the", "this", "that") and len(words) <= 5:
            head = words[-1]
            if head in ORG_HEADS:
                return self._antecedent(surface, start, ("org",))
            if head in PERSON_HEADS:
                return self._antecedent(surface, start, ("person",))
        head_words = re.split(r"\b(?:from|at|of|in|with|for|close to|familiar)\b", low)[0].split()
        if words and (any(w in ANONYMOUS_EN for w in head_words) or words[0] in ("a", "an", "one", "some", "several",
                                                                                     "many", "most")):
            return Speaker(surface)
        proper = proper_name(surface)
        if proper:
            known = self.by_surface(proper)
            if known:
                return self.from_candidate(known, (start, end), surface)
            return Speaker(surface, proper, None, None, [], start, end)
        return Speaker(surface)

    def _resolve_zh(self, surface: str, start: int, end: int) -> Speaker:
        if any(surface.startswith(p) for p in ZH_PERSON_PRONOUNS):
            plural = surface.startswith(("他们", "她们"))
            return Speaker(surface) if plural else self._antecedent(surface, start, ("person", "unknown"))
        if surface.startswith(("这位", "该", "此", "这家", "这名", "那位")):
            org = surface.endswith(ZH_ORG_SUFFIX) or surface.startswith("这家")
            return self._antecedent(surface, start, ("org", "unknown") if org else ("person", "unknown"))
        if any(a in surface for a in ANONYMOUS_ZH) or surface in ("我", "我们", "你", "大家"):
            return Speaker(surface)
        known = self.by_surface(surface)
        if known:
            return self.from_candidate(known, (start, end), surface)
        return Speaker(surface, surface, surface, None, [], start, end,
                       "org" if surface.endswith(ZH_ORG_SUFFIX) else "unknown")

    def _antecedent(self, surface: str, start: int, types: tuple[str, ...]) -> Speaker:
        c = self.latest(start, types)
        if c is None:
            return Speaker(surface)
        return self.from_candidate(c, None, surface)


_NOT_NAME_WORDS = {"the", "this", "that", "these", "those", "a", "an", "some", "one", "i", "we", "it", "nobody",
                   "everyone", "no", "its", "while", "when", "as", "after", "before", "but", "and", "so", "if",
                   "then", "now", "also", "meanwhile", "still", "yet", "thus", "instead", "speaking", "asked",
                   "his", "her", "their", "our", "my", "former", "new", "recent", "latest", "senior", "top"}
_CALENDAR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*$")


def proper_name(surface: str) -> str | None:
    """The capitalised run that ends a subject's head ("Former Google CEO Eric Schmidt" → "Eric Schmidt";
    "Robyn Christie of Melrose" → "Robyn Christie"); none when the head is a common noun ("Security footage")."""
    head = re.split(r",|\(|\s(?:of|at|from|for|with|who|which|whose|in|on)\s", surface, maxsplit=1)[0]
    run: list[str] = []
    for tok in reversed(head.split()):
        clean = tok.strip(",.;:()\"“”'’")
        if clean[:1].isupper() and clean.lower() not in PERSON_HEADS and clean.lower() not in _NOT_NAME_WORDS \
                and not _CALENDAR.match(clean.lower()):
            run.insert(0, clean)
        else:
            break
    name = " ".join(run)
    return re.sub(r"(?:'s|’s)$", "", name) or None


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _merge_acronyms(orgs: list[Candidate]) -> None:
    """Point "ICJ" at "International Court of Justice" named elsewhere on the page."""
    full = {_initials(c.name): c for c in orgs if " " in c.name}
    for c in orgs:
        if c.name.isupper() and 2 <= len(c.name) <= 6 and " " not in c.name:
            f = full.get(c.name)
            if f is not None and f is not c:
                c.name, c.key, c.aliases = f.name, f.key, sorted({*c.aliases, *f.aliases, c.text})
                f.aliases = sorted({*f.aliases, c.text})


def merge_short_names(persons: list[Candidate]) -> None:
    """Point "Lin" or "Hassabis" at the full name given elsewhere on the page ("Lin Junyang")."""
    full = [c for c in persons if " " in c.name or "·" in c.name]
    for c in persons:
        if " " in c.name:
            continue
        for f in full:
            parts = f.name.replace("·", " ").split()
            if c.name in parts:
                c.name, c.aliases = f.name, sorted({*c.aliases, *f.aliases, c.text})
                c.key, c.type = f.key or c.key, "person"
                f.aliases = sorted({*f.aliases, c.text})
                break


_ZH_ROLE = (r"(?:首席执行官|执行长|CEO|创始人|联合创始人|总裁|董事长|主席|首席科学家|科学家|负责人|教授|总统|总理|部长|"
            r"发言人|研究员|分析师|策略师|技术负责人|工程师)")
_ZH_TRANSLIT = re.compile(r"[\u4e00-\u9fff]{1,6}[·•\-－][\u4e00-\u9fff]{1,8}")
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}(?![A-Za-z])")
_ROLE_THEN_NAME = re.compile(_ZH_ROLE + r"(?:是|为)?([\u4e00-\u9fff]{2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def zh_name_candidates(text: str, offset: int) -> list[Candidate]:
    """Cheap person names in Chinese text: transliterations with a middle dot, Latin names and
    "role + name" ("CEO是黄仁勋"); the quote rules add the subjects of speech verbs themselves."""
    out: list[Candidate] = []
    for m in _ZH_TRANSLIT.finditer(text):
        out.append(Candidate(offset + m.start(), offset + m.end(), m.group(), "person", m.group(), m.group()))
    for m in _ROLE_THEN_NAME.finditer(text):
        name = m.group(1)
        if HAN.search(name) and name[-1] in "的了在是也又和与及":
            name = name[:-1]
        if len(name) < 2:
            continue
        s = offset + m.start(1)
        out.append(Candidate(s, s + len(name), name, "person", name, name if HAN.search(name) else None))
    taken = {(c.start, c.end) for c in out}
    for m in _LATIN_NAME.finditer(text):
        s = offset + m.start()
        if not any(a <= s < b for a, b in taken):
            out.append(Candidate(s, s + len(m.group()), m.group(), "unknown", m.group()))
    for c in out:
        c.aliases = [c.text]
    return out
