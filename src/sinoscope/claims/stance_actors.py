"""Actors of the stance question: which side of the China–US comparison a name stands for.

Country words ("Chinese", "美方", "the West") and every knowledge-base entity with a country — given, or
derived through its maker, parent or (for people) organisation — so that "Kimi beats Claude" and
"千问超过GPT" read as China against the US. Sides: CN, US (the US and "the West"), OTHER (another country),
REST ("other countries", "其他国家": when compared with the US, China is among them), PAIR ("中美",
"US-China": both sides at once, the frame of a gap).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..entities.linker import Gazetteer
from ..kb.load import KnowledgeBase, load_kb
from ..kb.model import Entity

CN, US, OTHER, REST, PAIR = "CN", "US", "OTHER", "REST", "PAIR"
_B = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))"


def _bounded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _B), flags)


_WORDS: list[tuple[re.Pattern[str], str]] = [
    (_bounded(r"\b(?:China|Chinese|Beijing|PRC|China's)\b|中国|中方|国产|我国|中企|中资|中系|"
              r"国内(?=\S{0,2}(?:厂商|企业|公司|模型|大模型|芯片|团队|AI|算力|半导体|实验室))|"
              r"本土(?=\S{0,2}(?:创新|企业|厂商|芯片|模型|大模型|AI|团队|公司))"), CN),
    (_bounded(r"\b(?:US|U\.S\.|USA|America|American|Americans|United States|Washington|Silicon Valley|"
              r"West|Western)\b|美国|美方|美企|美系|硅谷|华盛顿|西方|欧美"), US),
    (_bounded(r"\b(?:US-China|U\.S\.-China|China-US|China-U\.S\.|Sino-US|Sino-American|US-Chinese)\b|"
              r"中美|美中"), PAIR),
    (_bounded(r"\b(?:other countries|other nations|the rest of the world|everyone else|every other country|"
              r"all other countries)\b|其他国家|其它国家|其余国家|全球其他|世界其他"), REST),
]
_SIDE_OF_COUNTRY = {"CN": CN, "HK": CN, "MO": CN, "US": US}
_TECH_TYPES = frozenset({"model", "chip"})


@dataclass(frozen=True, slots=True)
class Actor:
    start: int
    end: int
    side: str
    entity: str | None = None


def entity_country(kb: KnowledgeBase, entity: Entity, depth: int = 0) -> str | None:
    """The entity's country, or its maker's, parent's or (people) current organisation's."""
    if entity.country or depth > 4:
        return entity.country
    for related in (entity.maker, entity.parent):
        other = kb.get(related) if related else None
        if other is not None and (country := entity_country(kb, other, depth + 1)):
            return country
    ties = sorted(kb.affiliations_of(entity.id), key=lambda t: not t[0].is_current)
    for _, org in ties:
        if country := entity_country(kb, org, depth + 1):
            return country
    return None


@functools.cache
def _actor_index() -> tuple[Gazetteer, dict[str, str], frozenset[str], frozenset[str]]:
    kb = load_kb()
    sides: dict[str, str] = {}
    tech: set[str] = set()  # models, chips, AI assistants, and the companies that mostly make them
    makers: set[str] = set()  # every company that makes some (Nvidia, DeepSeek — and Apple, Amazon)
    for entity in kb:
        country = entity_country(kb, entity)
        if country and entity.type != "outlet":  # an outlet reports the race; it does not run in it
            sides[entity.id] = _SIDE_OF_COUNTRY.get(country, OTHER)
        products = kb.products_of(entity.id)
        built = sum(p.type in _TECH_TYPES for p in products)
        if entity.type in _TECH_TYPES:
            tech.add(entity.id)
        elif built:
            makers.add(entity.id)
            if built >= 2 and built >= 0.75 * len(products):
                tech.add(entity.id)  # an AI lab or a chip designer, not a consumer group with an assistant
    for entity in kb:
        if entity.type == "product" and entity.maker in makers:
            tech.add(entity.id)
    return Gazetteer(kb), sides, frozenset(tech), frozenset(tech | makers)


def entity_side(entity_id: str | None) -> str | None:
    return _actor_index()[1].get(entity_id or "")


def _kb_hits(text: str, trust_ambiguous: bool = False):
    for hit in _actor_index()[0].find(text):
        if hit.surface.ambiguous and len(hit.text) <= 3 and not trust_ambiguous:
            continue  # "R1", "豆包" (a bun): too short to trust outside a sentence about the field
        yield hit


def has_tech_entity(text: str, makers: bool = False) -> int:
    """How many names of models, chips, AI assistants and AI labs the text has; with `makers`, of every
    company that builds some too (Apple and Amazon as well, so no evidence of a page's topic)."""
    tech = _actor_index()[3 if makers else 2]
    return sum(h.surface.entity_id in tech for h in _kb_hits(text))


def speaker_side(entity_id: str | None, descriptions: list[str]) -> str | None:
    """The side a speaker's "we" stands for: the KB's, else a country named in how the page introduces
    them ("Dana Whitfield, a US commerce official")."""
    side = entity_side(entity_id)
    if side in (CN, US):
        return side
    for text in descriptions:
        for actor in find_actors(text or ""):
            if actor.side in (CN, US):
                return actor.side
    return None


def find_actors(text: str, trust_ambiguous: bool = False) -> list[Actor]:
    """Every side named in `text`, in order, longest names first where they overlap; short ambiguous
    names ("豆包", "R1") only with `trust_ambiguous` (the text is about AI)."""
    found: list[Actor] = []
    for pattern, side in _WORDS:
        found.extend(Actor(m.start(), m.end(), side) for m in pattern.finditer(text))
    sides = _actor_index()[1]
    for hit in _kb_hits(text, trust_ambiguous):
        side = sides.get(hit.surface.entity_id)
        if side:
            found.append(Actor(hit.start, hit.end, side, hit.surface.entity_id))
    chosen: list[Actor] = []
    for actor in sorted(found, key=lambda a: (-(a.end - a.start), a.start)):
        if all(actor.end <= c.start or actor.start >= c.end for c in chosen):
            chosen.append(actor)
    return sorted(chosen, key=lambda a: a.start)
