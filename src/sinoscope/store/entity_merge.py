"""One corpus entity per discovered name and type.

The entities stage keys a name the knowledge base does not know by the form it met first on the page
("new:person:daley" on a page that later says "Tom Daley"), so two documents naming one person or firm
could store it under two ids. Before a record is stored, each discovered entity takes the id of its
type and normalised display name (`new:person:tomdaley`), and every reference to it in the record
follows; the store's upsert on the id then merges it with the same name of that type from any other
document (aliases joined). Knowledge-base entities keep their ids. Rows stored before this merge are
joined the same way by a migration (`merge_stored_entities`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select

from ..entities.candidates import name_key
from .schema import doc_features, entities, forecasts, mentions, quotes, stances

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


# -- rows stored before the merge --------------------------------------------------------------------------
def merge_stored_entities(conn: Connection) -> int:
    """Migration: the discovered entities a store holds from before the merge on write, joined the same way
    (one row per type and normalised name, aliases joined, every reference renamed); returns how many rows
    were renamed. Reads the discovered rows once and rewrites only those whose id changes."""
    rows = conn.execute(select(entities).where(entities.c.id.like("new:%")).order_by(entities.c.id)).mappings().all()
    by_id = {row["id"]: dict(row) for row in rows}
    renamed: dict[str, str] = {}
    for row in rows:
        target = corpus_id(dict(row))
        if target is not None and target != row["id"]:
            renamed[row["id"]] = target
    # a row that another row's name points at stays where it is (no chain of renames, nothing lost)
    renamed = {old: new for old, new in renamed.items() if old not in set(renamed.values())}
    if not renamed:
        return 0
    for old, target in renamed.items():
        source = by_id[old]
        kept = by_id.get(target)
        if kept is None:  # the first row renamed onto an id no row has yet becomes that row
            kept = {**source, "id": target}
            by_id[target] = kept
            conn.execute(entities.insert().values(**kept))
            continue
        names = [source.get("name"), *(source.get("aliases") or [])]
        aliases = list(dict.fromkeys([*(kept.get("aliases") or []),
                                      *(n for n in names if isinstance(n, str) and n != kept.get("name"))]))[:200]
        fill = {k: source[k] for k in ("name", "name_zh", "type", "kb_type") if not kept.get(k) and source.get(k)}
        kept.update(aliases=aliases, **fill)
        conn.execute(entities.update().where(entities.c.id == target).values(aliases=aliases, **fill))
    pairs = [{"old": old, "new": new} for old, new in renamed.items()]
    for table, column in ((mentions, mentions.c.entity_id), (quotes, quotes.c.speaker_id),
                          (forecasts, forecasts.c.holder_id), (stances, stances.c.speaker_id)):
        conn.execute(table.update().where(column == bindparam("old")).values({column.name: bindparam("new")}),
                     pairs)
    for row in conn.execute(select(doc_features.c.document_id, doc_features.c.entity_ids)).all():
        ids = row.entity_ids
        if isinstance(ids, list) and any(i in renamed for i in ids):
            fresh = list(dict.fromkeys(renamed.get(i, i) for i in ids))
            conn.execute(doc_features.update().where(doc_features.c.document_id == row.document_id)
                         .values(entity_ids=fresh))
    conn.execute(entities.delete().where(entities.c.id.in_(list(renamed))))
    return len(renamed)
