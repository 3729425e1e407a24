"""Read queries of the entity browser and the entity page (same tables and engine as web/queries.py).

Bounded like the rest of the web app: every listing takes a limit, facets keep their top values, and the
country facet, which lives in the knowledge base, only looks at KB entities (as many as the KB has).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, and_, func, or_, select

from ..kb.load import has_han, load_kb
from ..store.schema import documents, entities, forecasts, mentions, quotes
from .coverage import outlet_type

FACET_VALUES = 15
MAX_LIMIT = 200


@dataclass(frozen=True)
class EntityFilters:
    """The browser's facets; None means any."""

    type: str | None = None
    country: str | None = None
    lang: str | None = None
    outlet: str | None = None
    q: str | None = None


@dataclass(frozen=True)
class FactFilters:
    """Filters of an entity's quotes and forecasts: the document's language, outlet and date, the text."""

    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None


def _country_ids(country: str) -> list[str]:
    return sorted(e.id for e in load_kb() if e.country == country)


def _counts(f: EntityFilters, skip: str = "") -> Select:
    """Documents mentioning each entity, under every filter except `skip` (a facet counts without its own)."""
    docs = func.count(func.distinct(mentions.c.document_id)).label("documents")
    stmt = (select(mentions.c.entity_id.label("entity_id"), docs)
            .join(documents, documents.c.id == mentions.c.document_id)
            .join(entities, entities.c.id == mentions.c.entity_id))
    if f.lang and skip != "lang":
        stmt = stmt.where(documents.c.lang == f.lang)
    if f.outlet and skip != "outlet":
        stmt = stmt.where(documents.c.outlet == f.outlet)
    if f.type and skip != "type":
        stmt = stmt.where(entities.c.type == f.type)
    if f.country and skip != "country":
        stmt = stmt.where(entities.c.id.in_(_country_ids(f.country) or [""]))
    if f.q:
        stmt = stmt.where(or_(entities.c.name.ilike(f"%{f.q}%"), entities.c.name_zh.like(f"%{f.q}%")))
    return stmt.group_by(mentions.c.entity_id)


def browse(engine: Engine, f: EntityFilters, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Entities by the number of documents that mention them, with facet counts (entities per value)."""
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    counted = _counts(f).subquery()
    listing = (select(entities.c.id, entities.c.name, entities.c.name_zh, entities.c.type, entities.c.known,
                      counted.c.documents).join(counted, counted.c.entity_id == entities.c.id)
               .order_by(counted.c.documents.desc(), entities.c.id))
    kb = load_kb()
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(counted)).scalar_one()
        items = [dict(r) for r in conn.execute(listing.limit(limit).offset(offset)).mappings()]
        facets = {"type": _facet(conn, f, "type", entities.c.type),
                  "lang": _facet(conn, f, "lang", documents.c.lang),
                  "outlet": _facet(conn, f, "outlet", documents.c.outlet)}
        known = _counts(f, "country").where(entities.c.known.is_(True)).subquery()
        by_country: dict[str, int] = {}
        for entity_id in conn.execute(select(known.c.entity_id)).scalars():
            entry = kb.get(entity_id)
            if entry is not None and entry.country:
                by_country[entry.country] = by_country.get(entry.country, 0) + 1
    facets["country"] = [{"value": k, "count": n} for k, n in
                         sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_VALUES]]
    for item in items:
        entry = kb.get(item["id"])
        item["country"] = entry.country if entry is not None else None
    return {"total": total, "limit": limit, "offset": offset, "items": items, "facets": facets}


def _facet(conn: Any, f: EntityFilters, name: str, column: Any) -> list[dict[str, Any]]:
    per_entity = _counts(f, name).add_columns(column.label("value")).group_by(column).subquery()
    n = func.count(func.distinct(per_entity.c.entity_id))
    stmt = (select(per_entity.c.value, n.label("count")).where(per_entity.c.value.is_not(None))
            .group_by(per_entity.c.value).order_by(n.desc(), per_entity.c.value).limit(FACET_VALUES))
    return [{"value": v, "count": c} for v, c in conn.execute(stmt)]


def aliases(entity: dict[str, Any]) -> dict[str, list[str]]:
    """Every name the entity goes by, from the store and the KB, split into Chinese and Latin-script forms."""
    names = [entity.get("name"), entity.get("name_zh"), *(entity.get("aliases") or [])]
    entry = load_kb().get(entity["id"])
    if entry is not None:
        names += list(entry.declared_names)
    unique = list(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))
    return {"zh": [n for n in unique if has_han(n)], "en": [n for n in unique if not has_han(n)]}


def mention_timeline(engine: Engine, entity_id: str) -> dict[str, Any]:
    """Documents mentioning the entity per month and language; undated documents are counted apart."""
    month = func.substr(documents.c.event_date, 1, 7)
    stmt = (select(month.label("month"), documents.c.lang, func.count(func.distinct(documents.c.id)))
            .join(mentions, mentions.c.document_id == documents.c.id)
            .where(mentions.c.entity_id == entity_id).group_by(month, documents.c.lang))
    rows: list[dict[str, Any]] = []
    undated = 0
    with engine.connect() as conn:
        for m, lang, count in conn.execute(stmt):
            if m is None:
                undated += count
            else:
                rows.append({"month": m, "lang": lang or "other", "count": count})
    return {"rows": rows, "undated": undated}


def co_occurring(engine: Engine, entity_id: str, limit: int = FACET_VALUES) -> list[dict[str, Any]]:
    """Entities named in the same documents, by the number of documents they share."""
    own = select(mentions.c.document_id).where(mentions.c.entity_id == entity_id).distinct()
    shared = func.count(func.distinct(mentions.c.document_id)).label("documents")
    stmt = (select(entities.c.id, entities.c.name, entities.c.name_zh, entities.c.type, shared)
            .join(entities, entities.c.id == mentions.c.entity_id)
            .where(mentions.c.document_id.in_(own), mentions.c.entity_id != entity_id)
            .group_by(entities.c.id, entities.c.name, entities.c.name_zh, entities.c.type)
            .order_by(shared.desc(), entities.c.id).limit(limit))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def outlets_mentioning(engine: Engine, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    mentioned = select(mentions.c.document_id).where(mentions.c.entity_id == entity_id)
    n = func.count().label("documents")
    stmt = (select(documents.c.outlet, n, func.min(documents.c.url).label("url"))
            .where(documents.c.id.in_(mentioned), documents.c.outlet.is_not(None))
            .group_by(documents.c.outlet).order_by(n.desc(), documents.c.outlet).limit(limit))
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    return [{"outlet": r["outlet"], "documents": r["documents"], "outlet_type": outlet_type(r["outlet"], r["url"])}
            for r in rows]


def _filtered(stmt: Select, f: FactFilters, text_columns: list[Any]) -> Select:
    d = documents.c
    if f.lang:
        stmt = stmt.where(d.lang == f.lang)
    if f.outlet:
        stmt = stmt.where(d.outlet == f.outlet)
    if f.since:
        stmt = stmt.where(d.event_date >= f.since)
    if f.until:
        stmt = stmt.where(d.event_date <= f.until)
    if f.q:
        stmt = stmt.where(or_(*(c.ilike(f"%{f.q}%") for c in text_columns)))
    return stmt


def _listing(engine: Engine, stmt: Select, order: tuple, limit: int, offset: int) -> dict[str, Any]:
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
        items = [dict(r) for r in conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).mappings()]
    return {"total": total, "items": items}


_DOC_COLUMNS = (documents.c.title.label("document_title"), documents.c.event_date, documents.c.lang,
                documents.c.outlet)
_NEWEST = (documents.c.event_date.desc().nulls_last(), documents.c.ingested_at.desc())


def entity_quotes(engine: Engine, entity_id: str, names: list[str], f: FactFilters, *, limit: int = 30,
                  offset: int = 0) -> dict[str, Any]:
    """What the entity said: quotes linked to it, or under one of its names in a document that quotes it."""
    who = or_(quotes.c.speaker_id == entity_id,
              and_(quotes.c.speaker_id.is_(None), quotes.c.speaker.in_(names or [""])))
    stmt = select(quotes, *_DOC_COLUMNS).join(documents, documents.c.id == quotes.c.document_id).where(who)
    stmt = _filtered(stmt, f, [quotes.c.text, quotes.c.text_zh])
    return _listing(engine, stmt, (*_NEWEST, quotes.c.id), limit, offset)


def entity_forecasts(engine: Engine, entity_id: str, names: list[str], f: FactFilters, *, limit: int = 30,
                     offset: int = 0) -> dict[str, Any]:
    who = or_(forecasts.c.holder_id == entity_id, forecasts.c.holder.in_(names or [""]))
    stmt = select(forecasts, *_DOC_COLUMNS).join(documents, documents.c.id == forecasts.c.document_id).where(who)
    stmt = _filtered(stmt, f, [forecasts.c.text])
    return _listing(engine, stmt, (*_NEWEST, forecasts.c.id), limit, offset)


def fact_outlets(engine: Engine, entity_id: str, names: list[str], limit: int = 30) -> list[str]:
    """The outlets of the documents holding the entity's quotes or forecasts (the filter's choices)."""
    said = select(quotes.c.document_id).where(or_(quotes.c.speaker_id == entity_id, quotes.c.speaker.in_(names)))
    held = select(forecasts.c.document_id).where(or_(forecasts.c.holder_id == entity_id,
                                                     forecasts.c.holder.in_(names)))
    stmt = (select(documents.c.outlet).where(or_(documents.c.id.in_(said), documents.c.id.in_(held)),
                                             documents.c.outlet.is_not(None))
            .distinct().order_by(documents.c.outlet).limit(limit))
    with engine.connect() as conn:
        return list(conn.execute(stmt).scalars())
