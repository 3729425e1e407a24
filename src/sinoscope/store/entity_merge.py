"""One corpus entity per discovered name and type.

The entities stage keys a name the knowledge base does not know by the form it met first on the page
("new:person:daley" on a page that later says "Tom Daley"), so two documents naming one person or firm
could store it under two ids. Before a record is stored, each discovered entity takes the id of its
type and normalised display name (`new:person:tomdaley`), and every reference to it in the record
follows; the store's upsert on the id then merges it with the same name of that type from any other
document (aliases joined). Knowledge-base entities keep their ids.
"""

from __future__ import annotations

from typing import Any

from ..entities.candidates import name_key

_REFERENCE_KEYS = frozenset({"entity", "entity_id", "speaker_id", "holder_id"})


def corpus_id(entity: dict) -> str | None:
    """The corpus-wide id of a discovered entity (None for a knowledge-base entity or one without a name)."""
    ident, kind = entity.get("id"), entity.get("type")
    if not isinstance(ident, str) or not ident.startswith("new:") or not isinstance(kind, str) or not kind:
        return None
    for field in ("name", "name_zh"):
        value = entity.get(field)
        key = name_key(value) if isinstance(value, str) else ""
        if key:
            return f"new:{kind}:{key}"[:200]
    return None


def merge_discovered(record: dict) -> dict:
    """The record with each discovered entity under its corpus id (entities sharing one are joined)."""
    layer = record.get("entities")
    if not isinstance(layer, list):
        return record
    renamed: dict[str, str] = {}
    merged: dict[str, dict] = {}
    out: list[Any] = []
    for entity in layer:
        if not isinstance(entity, dict):
            out.append(entity)
            continue
        target = corpus_id(entity)
        ident = entity.get("id")
        if target is None:
            key = ident if isinstance(ident, str) else None
        else:
            renamed[ident] = target
            key = target
        first = merged.get(key) if key else None
        if first is None:
            copy = {**entity, "id": key} if key else dict(entity)
            if key:
                merged[key] = copy
            out.append(copy)
            continue
        names = [entity.get("name"), *(entity.get("aliases") or [])]
        first["aliases"] = list(dict.fromkeys([*(first.get("aliases") or []),
                                               *(n for n in names if isinstance(n, str) and n != first.get("name"))]))
        first["mentions"] = [*(first.get("mentions") or []), *(entity.get("mentions") or [])]
    if not renamed:
        return record
    return {**_rewrite(record, renamed), "entities": out}


def _rewrite(value: Any, renamed: dict[str, str]) -> Any:
    """`value` with every entity reference (mention entity, speaker and holder ids) renamed."""
    if isinstance(value, dict):
        return {key: renamed.get(item, item) if key in _REFERENCE_KEYS and isinstance(item, str)
                else _rewrite(item, renamed) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite(item, renamed) for item in value]
    return value
