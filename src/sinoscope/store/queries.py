"""Read queries shared by the API and the CLI: every listing is paginated (limit/offset, capped)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, Select, and_, func, or_, select

from .db import write_transaction
from .schema import documents, entities, figures, forecasts, mentions, paragraphs, quotes, stances, stories

MAX_LIMIT = 200
OUTCOMES = ("true", "false", "partial", "void")
_DOC_SUMMARY = [documents.c[k] for k in ("id", "title", "title_alt", "outlet", "lang", "published", "published_date",
                                         "url", "source", "story_id", "duplicate_of", "stance_label", "stance_score",
                                         "ingested_at")]


def clamp(limit: int, offset: int, cap: int = MAX_LIMIT) -> tuple[int, int]:
    return max(1, min(int(limit), cap)), max(0, int(offset))


def _page(engine: Engine, stmt: Select, limit: int, offset: int) -> dict[str, Any]:
    limit, offset = clamp(limit, offset)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
        items = [dict(r) for r in conn.execute(stmt.limit(limit).offset(offset)).mappings()]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _span(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k not in ("span_start", "span_end")}
    out["start"], out["end"] = row.get("span_start"), row.get("span_end")
    return out


def list_documents(engine: Engine, *, lang: str | None = None, outlet: str | None = None,
                   story_id: int | None = None, since: str | None = None, until: str | None = None,
                   limit: int = 50, offset: int = 0) -> dict[str, Any]:
    d = documents.c
    stmt = select(*_DOC_SUMMARY)
    if lang is not None:
        stmt = stmt.where(d.lang == lang)
    if outlet is not None:
        stmt = stmt.where(d.outlet == outlet)
    if story_id is not None:
        stmt = stmt.where(d.story_id == story_id)
    if since is not None:
        stmt = stmt.where(d.published_date >= since)
    if until is not None:
        stmt = stmt.where(d.published_date <= until)
    return _page(engine, stmt.order_by(d.id.desc()), limit, offset)


def get_document(engine: Engine, document_id: int, include_text: bool = True) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == document_id)).mappings().first()
        if row is None:
            return None
        doc = {k: v for k, v in row.items() if include_text or k not in ("text", "body_text")}

        def facts(table: Any, order: Any) -> list[dict]:
            return [_span(dict(r)) for r in conn.execute(
                select(table).where(table.c.document_id == document_id).order_by(order)).mappings()]

        doc["paragraphs"] = facts(paragraphs, paragraphs.c.idx)
        doc["mentions"] = facts(mentions, mentions.c.span_start)
        entity_ids = sorted({m["entity_id"] for m in doc["mentions"]})
        doc["entities"] = [dict(r) for r in conn.execute(select(entities).where(entities.c.id.in_(entity_ids)))
                           .mappings()] if entity_ids else []
        doc["quotes"] = facts(quotes, quotes.c.span_start)
        doc["figures"] = facts(figures, figures.c.span_start)
        doc["forecasts"] = facts(forecasts, forecasts.c.span_start)
        doc["stances"] = [dict(r) for r in conn.execute(select(stances).where(stances.c.document_id == document_id)
                                                        .order_by(stances.c.id)).mappings()]
    return doc


def _coverage(conn: Any, story_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {sid: {"by_language": {}, "by_outlet": {}, "reposts": 0} for sid in story_ids}
    if not story_ids:
        return out
    d = documents.c
    for column, key in ((d.lang, "by_language"), (d.outlet, "by_outlet")):
        rows = conn.execute(select(d.story_id, column, func.count()).where(d.story_id.in_(story_ids))
                            .group_by(d.story_id, column))
        for sid, value, count in rows:
            out[sid][key][value or "unknown"] = count
    for sid, count in conn.execute(select(d.story_id, func.count()).where(
            d.story_id.in_(story_ids), d.duplicate_of.is_not(None)).group_by(d.story_id)):
        out[sid]["reposts"] = count
    for cover in out.values():
        langs = {k for k in cover["by_language"] if k in ("en", "zh")} | (
            {"en", "zh"} if "mixed" in cover["by_language"] else set())
        cover["blindspot"] = len(langs) == 1  # told in one of the two languages only
        cover["blindspot_language"] = next(iter(langs)) if len(langs) == 1 else None
    return out


def undated_last(event_date: Any) -> tuple[Any, ...]:
    """Dated documents in date order, then the undated ones in the order they were ingested."""
    return (event_date.is_(None), event_date, documents.c.ingested_at, documents.c.id)


def list_stories(engine: Engine, *, lang: str | None = None, blindspot: bool | None = None,
                 since: str | None = None, until: str | None = None, min_documents: int = 1,
                 limit: int = 50, offset: int = 0) -> dict[str, Any]:
    s = stories.c
    stmt = select(stories).where(s.doc_count >= min_documents)
    if lang:
        stmt = stmt.where(or_(s.languages == lang, s.languages.like(f"{lang},%"), s.languages.like(f"%,{lang}"),
                              s.languages.like(f"%,{lang},%")))
    if blindspot is not None:
        # one language of the two, counting "mixed" (bilingual) documents as both
        single = and_(s.languages.in_(["en", "zh", "en,other", "other,zh"]))
        stmt = stmt.where(single if blindspot else ~single)
    if since:
        stmt = stmt.where(s.last_date >= since)
    if until:
        stmt = stmt.where(s.first_date <= until)
    page = _page(engine, stmt.order_by(s.last_date.desc().nulls_last(), s.id.desc()), limit, offset)
    with engine.connect() as conn:
        coverage = _coverage(conn, [item["id"] for item in page["items"]])
    for item in page["items"]:
        item["coverage"] = coverage[item["id"]]
    return page


def get_story(engine: Engine, story_id: int) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
        if row is None:
            return None
        story = dict(row)
        story["coverage"] = _coverage(conn, [story_id])[story_id]
        story["documents"] = [dict(r) for r in conn.execute(
            select(*_DOC_SUMMARY).where(documents.c.story_id == story_id)
            .order_by(*undated_last(documents.c.event_date)).limit(MAX_LIMIT)).mappings()]
    return story


def list_entities(engine: Engine, *, q: str | None = None, type: str | None = None,
                  limit: int = 50, offset: int = 0) -> dict[str, Any]:
    e = entities.c
    counts = select(mentions.c.entity_id, func.count(func.distinct(mentions.c.document_id)).label("documents")) \
        .group_by(mentions.c.entity_id).subquery()
    stmt = select(entities, func.coalesce(counts.c.documents, 0).label("documents")) \
        .outerjoin(counts, counts.c.entity_id == e.id)
    if q:
        stmt = stmt.where(or_(e.name.ilike(f"%{q}%"), e.name_zh.like(f"%{q}%"), e.id == q))
    if type:
        stmt = stmt.where(e.type == type)
    return _page(engine, stmt.order_by(func.coalesce(counts.c.documents, 0).desc(), e.id), limit, offset)


def get_entity(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
        if row is None:
            return None
        entity = dict(row)
        entity["documents"] = conn.execute(select(func.count(func.distinct(mentions.c.document_id)))
                                           .where(mentions.c.entity_id == entity_id)).scalar_one()
        entity["quotes"] = conn.execute(select(func.count()).where(quotes.c.speaker_id == entity_id)).scalar_one()
    entity["stance_over_time"] = stance_over_time(engine, entity_id)
    return entity


def stance_over_time(engine: Engine, entity_id: str) -> list[dict[str, Any]]:
    """The entity's stance (as a speaker) by month: mean score and count per label."""
    month = func.substr(documents.c.event_date, 1, 7)
    stmt = (select(month.label("month"), stances.c.label, func.count().label("count"), func.avg(stances.c.score))
            .join(documents, documents.c.id == stances.c.document_id)
            .where(stances.c.speaker_id == entity_id).group_by(month, stances.c.label).order_by(month))
    by_month: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for m, label, count, mean in conn.execute(stmt):
            entry = by_month.setdefault(m or "unknown", {"month": m, "labels": {}, "count": 0, "_sum": 0.0, "_n": 0})
            entry["labels"][label or "unlabelled"] = count
            entry["count"] += count
            if mean is not None:
                entry["_sum"] += float(mean) * count
                entry["_n"] += count
    return [{"month": e["month"], "count": e["count"], "labels": e["labels"],
             "mean_score": round(e["_sum"] / e["_n"], 4) if e["_n"] else None} for e in by_month.values()]


def list_quotes(engine: Engine, *, speaker: str | None = None, document_id: int | None = None,
                q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    c = quotes.c
    stmt = select(quotes, documents.c.title.label("document_title"), documents.c.event_date) \
        .join(documents, documents.c.id == c.document_id)
    if speaker:
        stmt = stmt.where(or_(c.speaker_id == speaker, c.speaker == speaker, c.speaker_zh == speaker))
    if document_id is not None:
        stmt = stmt.where(c.document_id == document_id)
    if q:
        stmt = stmt.where(or_(c.text.ilike(f"%{q}%"), c.text_zh.like(f"%{q}%")))
    newest_first = (documents.c.event_date.desc().nulls_last(), documents.c.ingested_at.desc(), c.id)
    page = _page(engine, stmt.order_by(*newest_first), limit, offset)
    page["items"] = [_span(i) for i in page["items"]]
    return page


def list_figures(engine: Engine, *, kind: str | None = None, unit: str | None = None,
                 document_id: int | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    c = figures.c
    stmt = select(figures, documents.c.title.label("document_title")).join(documents, documents.c.id == c.document_id)
    conditions = ((kind, c.kind == kind), (unit, c.unit == unit), (document_id, c.document_id == document_id))
    for value, condition in conditions:
        if value is not None:
            stmt = stmt.where(condition)
    page = _page(engine, stmt.order_by(c.id.desc()), limit, offset)
    page["items"] = [_span(i) for i in page["items"]]
    return page


def list_forecasts(engine: Engine, *, status: str | None = None, holder: str | None = None,
                   today: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """The ledger. status: open (not resolved), due (open and due by today), resolved."""
    c = forecasts.c
    today = today or date.today().isoformat()
    stmt = select(forecasts, documents.c.title.label("document_title"), documents.c.event_date) \
        .join(documents, documents.c.id == c.document_id)
    if status == "open":
        stmt = stmt.where(c.status == "open")
    elif status == "due":
        stmt = stmt.where(c.status == "open", c.due.is_not(None), c.due <= today)
    elif status == "resolved":
        stmt = stmt.where(c.status == "resolved")
    if holder:
        stmt = stmt.where(or_(c.holder_id == holder, c.holder == holder))
    page = _page(engine, stmt.order_by(c.due.is_(None), c.due, c.id), limit, offset)
    page["items"] = [_span(i) for i in page["items"]]
    return page


def resolve_forecast(engine: Engine, forecast_id: int, outcome: str, evidence: str) -> dict[str, Any] | None:
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
    if not evidence.strip():
        raise ValueError("evidence is required to resolve a forecast")
    with write_transaction(engine) as conn:
        updated = conn.execute(forecasts.update().where(forecasts.c.id == forecast_id).values(
            status="resolved", outcome=outcome, evidence=evidence.strip(),
            resolved_at=datetime.now(UTC).isoformat(timespec="seconds")))
        if updated.rowcount == 0:
            return None
        row = conn.execute(select(forecasts).where(forecasts.c.id == forecast_id)).mappings().one()
    return _span(dict(row))
