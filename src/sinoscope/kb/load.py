"""Load the packaged bilingual knowledge base (plus optional user YAML) and expose look-ups over it.

Spelling variants that are mechanical (separator dots in transliterated names, Traditional Chinese forms,
hyphen/space in model names) are generated here rather than typed in the YAML, so the data stays short and
every entry gets them consistently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import opencc
import yaml
from rapidfuzz import fuzz, process

from sinoscope.kb.model import Affiliation, Entity, SchemaError, entity_from_mapping

# Separators seen between the parts of transliterated names (萨姆·奥特曼, 萨姆-奥特曼, 萨姆奥特曼 ...).
NAME_SEPARATORS: tuple[str, ...] = ("·", "•", "‧", "・", "-", "‐", "")
_HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN_CLASS}]")
# Only a separator between two Chinese characters splits a name: "DeepSeek-V3" inside a Chinese alias is kept.
_SEPARATOR_RE = re.compile(f"(?<=[{_HAN_CLASS}])\\s*[·•‧・\\-‐‑．]\\s*(?=[{_HAN_CLASS}])")
_ASCII_HYPHEN_RE = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")
_ASCII_SPACE_RE = re.compile(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])")
_HYPHENATED_TYPES = frozenset({"model", "chip", "product"})
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Names are short; fuzzy-matching a whole paragraph against them is slow and meaningless.
MAX_QUERY_CHARS = 200


class KBError(ValueError):
    """A knowledge-base file that cannot be read (bad YAML, wrong shape, schema violation)."""


@dataclass(frozen=True)
class SurfaceForm:
    """One string that names an entity; ``kind`` is name | name_zh | name_zh_hant | alias | generated."""

    text: str
    entity_id: str
    kind: str
    ambiguous: bool = False


@dataclass(frozen=True)
class SearchHit:
    entity: Entity
    score: float
    matched: str


def has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def traditional_variants(text: str) -> list[str]:
    """Traditional forms: Taiwan usage with phrases (英伟达→輝達) and plain character conversion (→英偉達)."""
    if not has_han(text):
        return []
    forms = [_converter("s2twp").convert(text), _converter("s2t").convert(text), _converter("s2hk").convert(text)]
    return [f for f in dict.fromkeys(forms) if f != text]


def separator_variants(text: str) -> list[str]:
    """For a Chinese name with a separator (萨姆·奥特曼), the same name with every usual separator or none."""
    if not has_han(text) or not _SEPARATOR_RE.search(text):
        return []
    parts = [p for p in _SEPARATOR_RE.split(text) if p]
    if len(parts) < 2:
        return []
    forms = [sep.join(parts) for sep in NAME_SEPARATORS]
    return [f for f in dict.fromkeys(forms) if f != text]


def hyphen_variants(text: str) -> list[str]:
    """Model and chip names are written 'GPT-4o', 'GPT 4o', 'Kimi K2', 'Kimi-K2'; generate the other spelling."""
    if has_han(text):
        return []
    forms = []
    if _ASCII_HYPHEN_RE.search(text):
        forms.append(_ASCII_HYPHEN_RE.sub(" ", text))
    if _ASCII_SPACE_RE.search(text):
        forms.append(_ASCII_SPACE_RE.sub("-", text))
    return [f for f in dict.fromkeys(forms) if f != text]


def generated_variants(entity: Entity, text: str) -> list[str]:
    """All mechanical variants of one declared form of ``entity`` (not including the form itself)."""
    out: list[str] = []
    bases = [text, *separator_variants(text)]
    for base in bases:
        out.append(base)
        out.extend(traditional_variants(base))
    if entity.type in _HYPHENATED_TYPES:
        out.extend(hyphen_variants(text))
    return [f for f in dict.fromkeys(out) if f != text]


def normalise_key(text: str) -> str:
    """Comparison key for names: NFKC (full-width → ASCII), case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class KnowledgeBase:
    """Entities by id plus name look-ups. ``entries`` keeps every parsed entry, duplicates included,
    so that :func:`sinoscope.kb.check.check_kb` can report them; look-ups use the first entry of an id."""

    def __init__(self, entries: Iterable[Entity]) -> None:
        self.entries: tuple[Entity, ...] = tuple(entries)
        self._by_id: dict[str, Entity] = {}
        for entity in self.entries:
            self._by_id.setdefault(entity.id, entity)
        self._surface_records: tuple[SurfaceForm, ...] | None = None
        self._search_index: tuple[list[str], list[tuple[str, str]]] | None = None
        self._ids_by_surface: dict[str, list[str]] | None = None

    # -- basic access -----------------------------------------------------------------------------------
    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def __getitem__(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def by_type(self, entity_type: str) -> list[Entity]:
        return [e for e in self if e.type == entity_type]

    # -- relations --------------------------------------------------------------------------------------
    def maker_of(self, entity_id: str) -> Entity | None:
        entity = self.get(entity_id)
        return self.get(entity.maker) if entity and entity.maker else None

    def products_of(self, maker_id: str) -> list[Entity]:
        return [e for e in self if e.maker == maker_id]

    def parent_of(self, entity_id: str) -> Entity | None:
        entity = self.get(entity_id)
        return self.get(entity.parent) if entity and entity.parent else None

    def affiliations_of(self, person_id: str) -> list[tuple[Affiliation, Entity]]:
        person = self.get(person_id)
        if person is None:
            return []
        return [(a, org) for a in person.affiliations if (org := self.get(a.org)) is not None]

    def people_of(self, org_id: str, *, current_only: bool = False) -> list[tuple[Entity, Affiliation]]:
        return [
            (person, a)
            for person in self
            for a in person.affiliations
            if a.org == org_id and (a.is_current or not current_only)
        ]

    # -- names ------------------------------------------------------------------------------------------
    def surface_records(self) -> tuple[SurfaceForm, ...]:
        """Every declared or generated name of every entity, each (text, entity) pair once."""
        if self._surface_records is None:
            self._surface_records = tuple(self._build_surface_records())
        return self._surface_records

    def _build_surface_records(self) -> Iterator[SurfaceForm]:
        for entity in self:
            seen: set[str] = set()
            declared = [(entity.name, "name")]
            if entity.name_zh:
                declared.append((entity.name_zh, "name_zh"))
            if entity.name_zh_hant:
                declared.append((entity.name_zh_hant, "name_zh_hant"))
            declared.extend((alias, "alias") for alias in entity.aliases)
            for text, kind in declared:
                if text and text not in seen:
                    seen.add(text)
                    yield SurfaceForm(text, entity.id, kind, entity.is_ambiguous(text))
            for text, _kind in declared:
                ambiguous = entity.is_ambiguous(text)
                for variant in generated_variants(entity, text):
                    if variant not in seen:
                        seen.add(variant)
                        yield SurfaceForm(variant, entity.id, "generated", ambiguous)

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, entity id) for every name, alias and generated variant — input of the linker."""
        for record in self.surface_records():
            yield record.text, record.entity_id

    def lookup(self, surface: str) -> list[Entity]:
        """Entities with exactly this surface form (compared by :func:`normalise_key`)."""
        return [self._by_id[i] for i in self.ids_by_surface().get(normalise_key(surface or ""), [])]

    def search(self, query: str, limit: int = 10, score_cutoff: float = 60.0) -> list[SearchHit]:
        """Fuzzy search over names and aliases in both scripts; best entity first, each entity once."""
        key = normalise_key((query or "")[:MAX_QUERY_CHARS])
        if not key or limit <= 0:
            return []
        keys, owners = self._index()
        matches = process.extract(key, keys, scorer=fuzz.WRatio, limit=max(limit * 8, 40), score_cutoff=score_cutoff)
        best: dict[str, SearchHit] = {}
        for _text, score, position in matches:
            surface, entity_id = owners[position]
            # An exact hit must outrank fuzzy hits that WRatio also scores 100 (substring matches).
            adjusted = score + (1.0 if keys[position] == key else 0.0)
            if entity_id not in best or adjusted > best[entity_id].score:
                best[entity_id] = SearchHit(self._by_id[entity_id], adjusted, surface)
        return sorted(best.values(), key=lambda h: (-h.score, len(h.matched)))[:limit]

    def _index(self) -> tuple[list[str], list[tuple[str, str]]]:
        if self._search_index is None:
            keys: list[str] = []
            owners: list[tuple[str, str]] = []
            for record in self.surface_records():
                keys.append(normalise_key(record.text))
                owners.append((record.text, record.entity_id))
            self._search_index = (keys, owners)
        return self._search_index

    def ids_by_surface(self) -> dict[str, list[str]]:
        """Normalised surface key → entity ids carrying it (used by the checks and handy for linkers)."""
        if self._ids_by_surface is None:
            table: dict[str, list[str]] = defaultdict(list)
            for record in self.surface_records():
                ids = table[normalise_key(record.text)]
                if record.entity_id not in ids:
                    ids.append(record.entity_id)
            self._ids_by_surface = dict(table)
        return self._ids_by_surface


# -- loading ------------------------------------------------------------------------------------------------
def parse_entries(text: str, origin: str) -> list[Entity]:
    """Parse one YAML document (a list of entries) into entities; raises KBError on any problem."""
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # safe loader, C-accelerated when available
    except yaml.YAMLError as exc:
        raise KBError(f"{origin}: invalid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise KBError(f"{origin}: top level must be a list of entries")
    try:
        return [entity_from_mapping(raw, origin) for raw in data]
    except SchemaError as exc:
        raise KBError(str(exc)) from exc


def _packaged_files() -> list[tuple[str, str]]:
    data_dir = resources.files("sinoscope.kb").joinpath("data")
    files = [f for f in data_dir.iterdir() if f.name.endswith((".yaml", ".yml"))]
    return [(f.name, f.read_text(encoding="utf-8")) for f in sorted(files, key=lambda f: f.name)]


def _user_files(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        return [(str(p), p.read_text(encoding="utf-8")) for p in found]
    if not path.is_file():
        raise KBError(f"{path}: no such knowledge-base file")
    return [(str(path), path.read_text(encoding="utf-8"))]


@lru_cache(maxsize=8)
def _load_cached(extra_paths: tuple[str, ...], include_packaged: bool) -> KnowledgeBase:
    sources = _packaged_files() if include_packaged else []
    for raw_path in extra_paths:
        sources.extend(_user_files(Path(raw_path)))
    entities: list[Entity] = []
    for origin, text in sources:
        entities.extend(parse_entries(text, origin))
    return KnowledgeBase(entities)


def load_kb(paths: Iterable[str | Path] | None = None, *, include_packaged: bool = True) -> KnowledgeBase:
    """The packaged KB, extended with entries from ``paths`` (YAML files or folders of them). Cached."""
    extra = tuple(str(Path(p)) for p in paths) if paths else ()
    return _load_cached(extra, include_packaged)
