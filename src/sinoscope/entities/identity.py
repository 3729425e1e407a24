"""One entity per identity on a page: the page's own evidence that two names are one.

- a name and its original in brackets: 艾琳·琼斯（Elin Jones）, 联邦调查局（FBI）, "Federal Bureau of
  Investigation (FBI)" — the bracketed name joins the name before it, and is added when no
  discoverer found it;
- an acronym and the multi-word name whose initials it spells (FBI ↔ Federal Bureau of Investigation),
  and every later bare use of a defined acronym;
- an unknown Chinese person's name and its pinyin romanisation (方启元 ↔ Fang Qiyuan / Qiyuan Fang);
- a name the tagger ran on into the next word (伯纳斯·李成立) trimmed to the name the page gives;
- a transliterated person written two ways (斯皮斯, 乔丹·斯皮思: see translit_zh);
- a discovered name that is an ambiguous knowledge-base alias (北京) linked to that entity when the
  page names its country.
"""

from __future__ import annotations

import re
from collections import Counter

from ..doc import Doc, Paragraph
from ..kb.load import KnowledgeBase, has_han, normalise_key
from .candidates import Candidate, name_key
from .compound_zh import join_abbreviations, join_place_prefixed
from .discover_zh import ORG_HEADS, SEPARATORS, looks_chinese_name, tag_alone
from .english_forms import pinyin_parts
from .fragments_zh import mend_chinese_names
from .latin_zh import latin_company
from .learn import identity
from .linker import is_word_char
from .orgs_en import shortened_orgs
from .resolve import new_key
from .translit_zh import join_transliteration_variants
from .zh_lexicon import NOT_GIVEN_NAME, TRANSLIT_CHARS

_BRACKETS = {"（": "）", "(": ")"}
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'’&\-]*(?: (?:[A-Z][A-Za-z.'’&\-]*|of|and|for|the|de|von|van))*")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "du", "des", "&"})
_MAX_BRACKETED = 60
_SEPARATOR_RE = re.compile(f"[{re.escape(SEPARATORS)}]")


def unify_identities(kb: KnowledgeBase, doc: Doc, content: list[tuple[int, Paragraph]],
                     candidates: list[Candidate]) -> list[Candidate]:
    candidates = _trim_run_ons(doc, candidates)
    candidates = mend_chinese_names(doc, candidates)
    _one_type_per_name(candidates)
    _company_suffixes(kb, candidates)
    _shortened_orgs(kb, candidates)
    _team_names(kb, candidates)
    _latin_stems(kb, candidates)
    candidates = _bracketed_originals(kb, doc, candidates)
    candidates = _acronyms(kb, doc, content, candidates)
    _pinyin_pairs(kb, candidates)
    _given_names(kb, candidates)
    _name_tails(kb, candidates)
    join_transliteration_variants(doc, candidates, lambda keep, other: _merge(kb, candidates, keep, other))
    join_abbreviations(candidates, lambda keep, other: _merge(kb, candidates, keep, other))  # 北大, 北京大学
    join_place_prefixed(candidates, lambda keep, other: _merge(kb, candidates, keep, other), tag_alone, ORG_HEADS)
    _ambiguous_aliases(kb, candidates)
    return _without_shared_parts(candidates)


# -- merging ---------------------------------------------------------------------------------------------
def _merge(kb: KnowledgeBase, candidates: list[Candidate], keep: Candidate, other: Candidate) -> bool:
    """Give every mention of `other`'s identity `keep`'s identity; never joins two KB entities."""
    a, b = identity(keep), identity(other)
    if not a or not b or a == b:
        return False
    if other.entity and not keep.entity:
        keep, other, a, b = other, keep, b, a
    if other.entity:
        return False
    for cand in candidates:
        if identity(cand) == b:
            if keep.entity:
                entity = kb.get(keep.entity)
                cand.entity, cand.key = keep.entity, ""
                cand.type = entity.type if entity else keep.type
            else:
                cand.entity, cand.key, cand.type = None, a, keep.type
    return True


def _compatible(a: Candidate, b: Candidate) -> bool:
    return a.coarse == b.coarse or not (a.entity and b.entity) and "place" not in (a.coarse, b.coarse)


# -- one type per name -----------------------------------------------------------------------------------
def _one_type_per_name(candidates: list[Candidate]) -> None:
    """A discovered name typed two ways on one page (the small model's "Brett Kavanaugh" as an org in one
    sentence) takes its majority type, a person on ties, or a person when the page uses its last word
    alone for a person ("Kavanaugh said")."""
    found = [c for c in candidates if not c.entity and c.coarse in ("person", "org", "product")]
    person_words = {c.text for c in found if c.coarse == "person" and " " not in c.text}
    by_name: dict[str, list[Candidate]] = {}
    for cand in found:
        by_name.setdefault(name_key(cand.text), []).append(cand)
    for group in by_name.values():
        votes = Counter()
        for cand in group:  # a type the sentence's own words gave ("Vell's widow") counts as three guesses
            votes[cand.coarse] += 3 if cand.attrs.get("typed_by") == "context" else 1
        words = group[0].text.split()
        if votes["org"] and 2 <= len(words) <= 3 and not has_han(group[0].text) and words[-1] in person_words:
            votes["person"] += votes["org"] + 1
        if len(votes) < 2:
            continue
        kind = max(votes, key=lambda k: (votes[k], k == "person"))
        for cand in group:
            if cand.coarse != kind:
                cand.type = kind
                cand.key = new_key(kind, cand.text)


# -- company suffixes ------------------------------------------------------------------------------------
_COMPANY_SUFFIXES = ("股份有限公司", "有限公司", "集团公司", "公司", "集团", "汽车", " Inc.", " Inc", " Corp.", " Corp",
                     " Ltd", " Ltd.", " Group", " Co.")


def _company_suffixes(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """丰田公司 and 丰田, 福特汽车 and 福特, "Nimbus Corp" and "Nimbus", 丰田英国公司 and 丰田: one company."""
    by_text = {c.text: c for c in candidates if c.coarse == "org"}
    for cand in candidates:
        if cand.coarse != "org" or cand.entity:
            continue
        suffix = next((s for s in _COMPANY_SUFFIXES if cand.text.endswith(s) and len(cand.text) > len(s) + 1), None)
        if suffix is None:
            continue
        if latin := latin_company(cand.text):
            cand.attrs.setdefault("alias", latin)  # Bellator公司 is Bellator, whether or not the page says so
        stem = by_text.get(cand.text[: -len(suffix)]) or by_text.get(_without_branch_place(cand.text[: -len(suffix)]))
        if stem is not None:
            _merge(kb, candidates, stem, cand)


def _without_branch_place(stem: str) -> str:
    """丰田英国 → 丰田: a company's name and a country after it name its arm there, which the page means as
    the company ("" when no place ends the stem)."""
    for size in (2, 3, 4):
        if len(stem) - size >= 2 and has_han(stem[-size:]) and tag_alone(stem[-size:]) == "LOC":
            return stem[:-size]
    return ""


def _shortened_orgs(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """"Judiciary Committee" after "Senate Judiciary Committee", "the Commission" after "Assembly Commission": one
    body (see orgs_en.shortened_orgs)."""
    orgs = {c.text: c for c in candidates if c.coarse == "org" and not has_han(c.text)}
    for short, full in shortened_orgs(list(orgs)).items():
        if not orgs[short].entity:
            _merge(kb, candidates, orgs[full], orgs[short])


def _latin_stems(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """"Long Lartin 监狱" on a page makes "HMP Long Lartin" the prison, whatever the English model called it."""
    stems = {}
    for cand in candidates:
        latin = cand.text.rstrip("".join(c for c in cand.text if has_han(c))).strip()
        if cand.coarse == "org" and has_han(cand.text) and latin and not has_han(latin) and " " in latin:
            stems.setdefault(latin, cand)
    for cand in candidates:
        if cand.entity or cand.coarse != "person" or has_han(cand.text):
            continue
        owner = next((o for stem, o in stems.items() if cand.text == stem or cand.text.endswith(" " + stem)), None)
        if owner is not None:
            _merge(kb, candidates, owner, cand)


def _team_names(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """圣米伦 and 圣米伦队 on one page: the bare name is the club, whatever the tagger called it."""
    teams = {c.text[:-1]: c for c in candidates if c.coarse == "org" and has_han(c.text) and c.text.endswith("队")
             and len(c.text) > 2}
    for cand in candidates:
        team = teams.get(cand.text)
        if team is not None and not cand.entity and cand.coarse in ("person", "place", "org"):
            _merge(kb, candidates, team, cand)


# -- run-on names ------------------------------------------------------------------------------------------
def _trim_run_ons(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """伯纳斯·李成立 → 伯纳斯·李 when the page names 伯纳斯·李 and 成立 cannot continue a name."""
    names = {c.text for c in candidates if c.coarse == "person" and has_han(c.text)}
    owners = {c.text: c for c in candidates if c.coarse == "person" and has_han(c.text)}
    for cand in candidates:
        if cand.entity or cand.coarse != "person" or not has_han(cand.text):
            continue
        best = max((n for n in names if n != cand.text and cand.text.startswith(n) and _name_like_prefix(n)),
                   key=len, default=None)
        if best is None:
            continue
        rest = cand.text[len(best):]
        if len(rest) <= 2 and (rest[0] in NOT_GIVEN_NAME or not all(c in TRANSLIT_CHARS for c in rest)):
            cand.end = cand.start + len(best)
            cand.text = doc.text[cand.start:cand.end]
            cand.key = identity(owners[best])
            cand.entity = owners[best].entity
    return candidates


def _name_like_prefix(name: str) -> bool:
    return any(c in SEPARATORS for c in name) or len(name) >= 3


# -- bracketed originals ----------------------------------------------------------------------------------
def _bracketed_originals(kb: KnowledgeBase, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    text = doc.text
    by_start = {c.start: c for c in candidates}
    added: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.start):
        if cand.coarse not in ("person", "org", "product"):
            continue
        pos = cand.end
        while pos < len(text) and text[pos] == " ":
            pos += 1
        close = _BRACKETS.get(text[pos:pos + 1])
        if close is None:
            continue
        end = text.find(close, pos + 1, pos + 1 + _MAX_BRACKETED)
        if end < 0:
            continue
        start = pos + 1
        inner = text[start:end].strip()
        start += text[start:end].index(inner[:1]) if inner else 0
        other = by_start.get(start)
        if other is not None and other.end == start + len(inner):
            if _compatible(cand, other):
                _merge(kb, candidates, cand, other)
            continue
        spelled = bool(_ACRONYM.fullmatch(inner)) and initials(cand.text) == inner  # (FBI) after its expansion
        translated = has_han(inner) != has_han(cand.text) and bool(_LATIN_NAME.fullmatch(inner))
        if other is None and inner and (spelled or translated):
            if cand.coarse == "person" and _ACRONYM.fullmatch(inner):
                continue
            new = Candidate(start, start + len(inner), inner, cand.para, cand.type, "bracket",
                            entity=cand.entity, key=cand.key, lang=cand.lang)
            added.append(new)
    return candidates + added


# -- acronyms ---------------------------------------------------------------------------------------------
def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isupper())


def _acronyms(kb: KnowledgeBase, doc: Doc, content: list[tuple[int, Paragraph]],
              candidates: list[Candidate]) -> list[Candidate]:
    expansions: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.coarse == "org" and not has_han(cand.text) and " " in cand.text:
            letters = initials(cand.text)
            if len(letters) >= 2:
                expansions.setdefault(letters, cand)
    if not expansions:
        return candidates
    for cand in candidates:
        full = expansions.get(cand.text)
        if full is not None and full is not cand:
            _merge(kb, candidates, full, cand)
    # A defined acronym used bare later on ("the FBI said") is the same organisation.
    defined = {c.text: c for c in candidates if c.text in expansions and identity(c) == identity(expansions[c.text])}
    taken = sorted((c.start, c.end) for c in candidates)
    added: list[Candidate] = []
    for index, para in content:
        for acronym, owner in defined.items():
            for match in re.finditer(re.escape(acronym), para.text):
                start, end = para.start + match.start(), para.start + match.end()
                before = para.text[match.start() - 1] if match.start() else ""
                after = para.text[match.end()] if match.end() < len(para.text) else ""
                if (before and is_word_char(before) and not has_han(before)) or (
                        after and is_word_char(after) and not has_han(after)):
                    continue
                if any(s < end and start < e for s, e in taken):
                    continue
                added.append(Candidate(start, end, acronym, index, owner.type, "acronym", entity=owner.entity,
                                       key=owner.key, lang=para.lang))
    return candidates + added


# -- pinyin -----------------------------------------------------------------------------------------------
def romanised_keys(name: str) -> tuple[str, ...]:
    """name_key forms of a Chinese name in pinyin, both orders: 方启元 → fangqiyuan, qiyuanfang."""
    parts = pinyin_parts(name)
    return (parts[0] + parts[1], parts[1] + parts[0]) if parts else ()


def _pinyin_pairs(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    latin: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.coarse == "person" and not has_han(cand.text):
            latin.setdefault(name_key(cand.text), cand)
    if not latin:
        return
    for cand in candidates:
        if cand.coarse != "person" or cand.entity or not looks_chinese_name(cand.text):
            continue
        for key in romanised_keys(cand.text):
            other = latin.get(key)
            if other is not None and _merge(kb, candidates, other, cand):
                break


# -- given names -----------------------------------------------------------------------------------------
def _first_part(name: str) -> str | None:
    parts = [p for p in _SEPARATOR_RE.split(name) if p] if has_han(name) else name.split()
    return parts[0] if len(parts) >= 2 else None


def _given_names(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """约翰 or "Jeremy" alone joins the one person of the page whose full name starts with it."""
    owners: dict[str, set[str]] = {}
    holder: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.coarse == "person":
            first = _first_part(cand.text)
            if first:
                owners.setdefault(first, set()).add(identity(cand))
                holder.setdefault(identity(cand), cand)
    for cand in candidates:
        if cand.coarse != "person" or cand.entity or _first_part(cand.text):
            continue
        if looks_chinese_name(cand.text) and not any(c in TRANSLIT_CHARS for c in cand.text[1:]):
            continue  # 霍莉 (of 霍莉·威洛比) looks like a surname and a given name, but reads as a transliteration
        if cand.key != new_key(cand.coarse, cand.text):
            continue  # 托马斯 already the surname of 贾斯汀·托马斯 is not the given name of 托马斯·比约恩
        idents = owners.get(cand.text, set())
        if len(idents) == 1:
            _merge(kb, candidates, holder[next(iter(idents))], cand)


def _name_tails(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """伯纳斯·李 joins the one person of the page whose name ends with it (蒂姆·伯纳斯·李)."""
    people = [c for c in candidates if c.coarse == "person" and has_han(c.text) and _SEPARATOR_RE.search(c.text)]
    for cand in people:
        if cand.entity:
            continue
        owners = {identity(o) for o in people if o.text != cand.text and _SEPARATOR_RE.sub("·", o.text).endswith(
            "·" + _SEPARATOR_RE.sub("·", cand.text))}
        if len(owners) == 1:
            owner = next(o for o in people if identity(o) in owners)
            _merge(kb, candidates, owner, cand)


def _without_shared_parts(candidates: list[Candidate]) -> list[Candidate]:
    """"Johnson" alone on a page with David Johnson and John Howard Johnson is one of them, not a third
    person: a lone part several people share is left out rather than made an entity of its own."""
    owners: dict[str, set[str]] = {}
    for cand in candidates:
        if cand.coarse == "person":
            parts = [p for p in _SEPARATOR_RE.split(cand.text) if p] if has_han(cand.text) else cand.text.split()
            if len(parts) >= 2:
                for part in (parts[0], parts[-1]):
                    owners.setdefault(part, set()).add(identity(cand))
    return [c for c in candidates if not (c.coarse == "person" and not c.entity and len(owners.get(c.text, ())) >= 2)]


# -- ambiguous aliases ------------------------------------------------------------------------------------
def _ambiguous_aliases(kb: KnowledgeBase, candidates: list[Candidate]) -> None:
    """A discovered 北京 is the knowledge base's Beijing when the page names China (or anything Chinese)."""
    countries = set()
    for cand in candidates:
        entity = kb.get(cand.entity) if cand.entity else None
        if entity is not None and entity.country:
            countries.add(entity.country)
    table = kb.ids_by_surface()
    for cand in candidates:
        if cand.entity:
            continue
        for entity_id in table.get(normalise_key(cand.text), ()):
            entity = kb.get(entity_id)
            if entity is not None and entity.contract_type == cand.coarse and (
                    entity.country is None or entity.country in countries):
                cand.entity, cand.key, cand.type = entity_id, "", entity.type
                break

