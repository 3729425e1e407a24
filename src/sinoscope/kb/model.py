"""Data model of the bilingual knowledge base: entities and their schema.

The YAML files under ``kb/data`` are parsed into these frozen dataclasses; every key an entry may carry is
declared here so that a typo in the data (``alias:`` for ``aliases:``) fails loudly instead of being ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES: frozenset[str] = frozenset(
    {"person", "org", "model", "chip", "product", "agency", "program", "place", "outlet"}
)

# Coarse types of the evaluation contract: person | org | product | place | other.
_CONTRACT_TYPES: dict[str, str] = {
    "person": "person",
    "org": "org",
    "agency": "org",
    "outlet": "org",
    "model": "product",
    "chip": "product",
    "product": "product",
    "place": "place",
    "program": "other",
}

ENTITY_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "name",
        "name_zh",
        "name_zh_hant",
        "aliases",
        "country",
        "affiliations",
        "maker",
        "parent",
        "year",
        "ambiguous",
        "description",
        "hosts",
        "outlet_type",
    }
)
# Who runs an outlet, for a story's coverage bar: PRC state media, PRC commercial media, Hong Kong and
# Taiwan, the US, other Western countries, everything else.
OUTLET_TYPES: tuple[str, ...] = ("prc_state", "prc_commercial", "hk_tw", "us", "western", "other")
AFFILIATION_KEYS: frozenset[str] = frozenset({"org", "role", "since", "until"})

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")


class SchemaError(ValueError):
    """A YAML entry that does not fit the entity schema."""


@dataclass(frozen=True)
class Affiliation:
    """A person's tie to an organisation; ``org`` is another entity's id."""

    org: str
    role: str | None = None
    since: int | None = None
    until: int | None = None

    @property
    def is_current(self) -> bool:
        return self.until is None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    name_zh: str | None = None
    name_zh_hant: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    affiliations: tuple[Affiliation, ...] = ()
    maker: str | None = None
    parent: str | None = None
    year: int | None = None
    ambiguous: tuple[str, ...] = ()
    description: str | None = None
    hosts: tuple[str, ...] = ()  # an outlet's web hosts ("reuters.com"): a page's URL names its outlet
    outlet_type: str | None = None  # an outlet's kind, one of OUTLET_TYPES
    # Where the entry came from (file name), for error messages; not part of the YAML schema.
    origin: str = field(default="", compare=False)

    @property
    def contract_type(self) -> str:
        return _CONTRACT_TYPES.get(self.type, "other")

    @property
    def declared_names(self) -> tuple[str, ...]:
        """Every name typed in the data: canonical names first, then aliases (no generated variants)."""
        names = [self.name]
        if self.name_zh:
            names.append(self.name_zh)
        if self.name_zh_hant:
            names.append(self.name_zh_hant)
        names.extend(self.aliases)
        return tuple(dict.fromkeys(n for n in names if n))

    def is_ambiguous(self, surface: str) -> bool:
        """True when ``surface`` is a declared form that the data marks as needing context."""
        key = surface.casefold()
        return any(a.casefold() == key for a in self.ambiguous)


def _require_str(value: Any, key: str, where: str, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # YAML reads names such as "360" or "01" as numbers
    if not isinstance(value, str):
        raise SchemaError(f"{where}: '{key}' must be a string, got {type(value).__name__}")
    return value.strip()


def _require_year(value: Any, key: str, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"{where}: '{key}' must be a year (integer), got {value!r}")
    return value


def _require_str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SchemaError(f"{where}: '{key}' must be a list")
    items = tuple(_require_str(v, key, where, optional=False) or "" for v in value)
    return tuple(dict.fromkeys(i for i in items if i))


def _parse_affiliation(raw: Any, where: str) -> Affiliation:
    if not isinstance(raw, Mapping):
        raise SchemaError(f"{where}: each affiliation must be a mapping, got {raw!r}")
    unknown = set(raw) - AFFILIATION_KEYS
    if unknown:
        raise SchemaError(f"{where}: unknown affiliation keys {sorted(unknown)}")
    org = _require_str(raw.get("org"), "org", where, optional=False)
    if not org:
        raise SchemaError(f"{where}: affiliation without 'org'")
    return Affiliation(
        org=org,
        role=_require_str(raw.get("role"), "role", where),
        since=_require_year(raw.get("since"), "since", where),
        until=_require_year(raw.get("until"), "until", where),
    )


def entity_from_mapping(raw: Any, origin: str = "") -> Entity:
    """Validate one YAML entry and build its Entity; raises SchemaError on any schema violation."""
    where = origin or "entry"
    if not isinstance(raw, Mapping):
        raise SchemaError(f"{where}: entry must be a mapping, got {type(raw).__name__}")
    where = f"{origin}:{raw.get('id', '?')}"
    unknown = set(raw) - ENTITY_KEYS
    if unknown:
        raise SchemaError(f"{where}: unknown keys {sorted(unknown)}")
    entity_id = _require_str(raw.get("id"), "id", where, optional=False) or ""
    if not ID_PATTERN.match(entity_id):
        raise SchemaError(f"{where}: id must be a lowercase ascii slug")
    entity_type = _require_str(raw.get("type"), "type", where, optional=False)
    if entity_type not in ENTITY_TYPES:
        raise SchemaError(f"{where}: unknown type {entity_type!r}")
    country = _require_str(raw.get("country"), "country", where)
    if country is not None and not COUNTRY_PATTERN.match(country):
        raise SchemaError(f"{where}: country must be a two-letter upper-case code")
    outlet_type = _require_str(raw.get("outlet_type"), "outlet_type", where)
    if outlet_type is not None and outlet_type not in OUTLET_TYPES:
        raise SchemaError(f"{where}: outlet_type must be one of {', '.join(OUTLET_TYPES)}")
    affiliations_raw = raw.get("affiliations") or []
    if not isinstance(affiliations_raw, list):
        raise SchemaError(f"{where}: 'affiliations' must be a list")
    return Entity(
        id=entity_id,
        type=entity_type,
        name=_require_str(raw.get("name"), "name", where, optional=False) or "",
        name_zh=_require_str(raw.get("name_zh"), "name_zh", where) or None,
        name_zh_hant=_require_str(raw.get("name_zh_hant"), "name_zh_hant", where) or None,
        aliases=_require_str_list(raw.get("aliases"), "aliases", where),
        country=country,
        affiliations=tuple(_parse_affiliation(a, where) for a in affiliations_raw),
        maker=_require_str(raw.get("maker"), "maker", where) or None,
        parent=_require_str(raw.get("parent"), "parent", where) or None,
        year=_require_year(raw.get("year"), "year", where),
        ambiguous=_require_str_list(raw.get("ambiguous"), "ambiguous", where),
        description=_require_str(raw.get("description"), "description", where) or None,
        hosts=tuple(h.lower() for h in _require_str_list(raw.get("hosts"), "hosts", where)),
        outlet_type=outlet_type,
        origin=origin,
    )
