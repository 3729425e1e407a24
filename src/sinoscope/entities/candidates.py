"""The working record of the entities stage: a name found in one paragraph, before resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Types as the stage reports them; the knowledge base's fine types map onto these coarse ones.
CONTRACT_TYPES = {
    "person": "person", "org": "org", "agency": "org", "outlet": "org",
    "model": "product", "chip": "product", "product": "product", "place": "place", "program": "other",
}

_SPACES = re.compile(r"\s+")


def contract_type(fine_type: str) -> str:
    return CONTRACT_TYPES.get(fine_type, "other")


def name_key(text: str) -> str:
    """Key of a discovered name: case-folded, separators and spaces dropped (萨姆·奥特曼 = 萨姆-奥特曼)."""
    return re.sub(r"[\s·•‧・\-‐‑–.'’]", "", text).casefold()


def clean_surface(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(slots=True)
class Candidate:
    """A name at doc.text[start:end] in paragraph `para`.

    `entity` is a knowledge-base id for gazetteer hits, else None until resolution gives the
    discovered name a key. `options` lists every KB entity the same span could name.
    """

    start: int
    end: int
    text: str
    para: int
    type: str
    source: str  # kb | jieba | spacy | rule | pair
    entity: str | None = None
    options: tuple[str, ...] = ()
    ambiguous: bool = False
    lang: str = "other"
    key: str = ""  # identity of a discovered name ("new:person:michaelpower")
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def coarse(self) -> str:
        return contract_type(self.type)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Found:
    """A name a discoverer found in one paragraph (offsets relative to that paragraph)."""

    start: int
    end: int
    text: str
    type: str
    source: str  # "spacy" | "jieba" | "rule"
