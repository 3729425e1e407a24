"""Read queries the web pages and the digest need beyond store.queries (same tables, same engine).

Everything is bounded: listings take a limit, aggregates scan a date window or an indexed key,
and the one corpus-wide aggregate (stance shifts) is cached until a new document arrives.
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, and_, case, func, or_, select

from ..store import queries as store_queries
from ..store.schema import documents, entities, forecasts, mentions, paragraphs, quotes, stances, stories
from ..store.snippets import shorten

SHIFT_WINDOW_DAYS = 180  # the home page: latest month against the months before, within this window
SHIFT_BASELINE_DAYS = 90  # a digest: its period against this many days before it
CACHE_SECONDS = 300  # a corpus-wide aggregate may lag a busy ingest by this much
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
KEY_POINT_CHARS = 220
LEAD_SCAN = 12  # paragraphs looked at for a lead
LEAD_MIN_EN, LEAD_MIN_ZH = 60, 25
# A stance label stands for a direction when the stage gave no score.
LABEL_SCORES = {"china_ahead_or_catching_up": 1.0, "china_behind_or_gap_widening": -1.0, "mixed": 0.0}
_cache: dict[tuple, tuple[int, float, Any]] = {}
_cache_lock = threading.Lock()
_refreshing: set[tuple] = set()


def latest_document_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.max(documents.c.id))).scalar() or 0


def cached(engine: Engine, key: tuple, compute: Any) -> Any:
    """The last result of compute(), refreshed when the corpus has a new document and the result is
    CACHE_SECONDS old. A stale result is served while a background thread refreshes it, so a reader
    never waits for a corpus-wide aggregate once it has been computed (see `warm_up`)."""
    version = latest_document_id(engine)
    full_key = (id(engine), *key)
    with _cache_lock:
        hit = _cache.get(full_key)
    if hit is None:
        return _refresh(full_key, version, compute)
    if hit[0] != version and time.monotonic() - hit[1] >= CACHE_SECONDS:
        with _cache_lock:
            start = full_key not in _refreshing
            _refreshing.add(full_key)
        if start:
            threading.Thread(target=_refresh, args=(full_key, version, compute), daemon=True).start()
    return hit[2]


def _refresh(full_key: tuple, version: int, compute: Any) -> Any:
    try:
        value = compute()
        with _cache_lock:
            if len(_cache) > 256:
                _cache.clear()
            _cache[full_key] = (version, time.monotonic(), value)
        return value
    finally:
        with _cache_lock:
            _refreshing.discard(full_key)


def warm_up(engine: Engine) -> None:
    """Compute the corpus-wide aggregates once, in the background, when the app starts."""
    threading.Thread(target=stance_shifts, args=(engine,), daemon=True).start()


def _score_expr(score: Any, label: Any) -> Any:
    fallback = case(*((label == name, value) for name, value in LABEL_SCORES.items()), else_=None)
    return case((label == "not_addressed", None), else_=func.coalesce(score, fallback))


def latest_event_date(engine: Engine) -> str:
    with engine.connect() as conn:
        return conn.execute(select(func.max(documents.c.event_date))).scalar() or date.today().isoformat()


def entity_names(engine: Engine, ids: list[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.name_zh, entities.c.type)
                            .where(entities.c.id.in_(wanted))).mappings()
        return {r["id"]: dict(r) for r in rows}


def display_name(entity: dict | None, lang: str, fallback: str = "") -> str:
    if not entity:
        return fallback
    if lang == "zh" and entity.get("name_zh"):
        return entity["name_zh"]
    return entity.get("name") or entity.get("name_zh") or fallback


def new_forecasts(engine: Engine, limit: int = 8) -> list[dict]:
    stmt = (select(forecasts, documents.c.title.label("document_title"), documents.c.event_date)
            .join(documents, documents.c.id == forecasts.c.document_id)
            .order_by(forecasts.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def stance_shifts(engine: Engine, until: str | None = None, since: str | None = None, limit: int = 8) -> list[dict]:
    """Speakers and outlets whose stance moved most: mean of their latest period against their earlier mean.

    The latest period is [since, until] when given, else each one's latest month with a stance.
    Only a window before `until` is scanned (the date index bounds the work).
    """
    until = until or latest_event_date(engine)
    if since is None:
        start = (date.fromisoformat(until) - timedelta(days=SHIFT_WINDOW_DAYS)).isoformat()
    else:
        start = (date.fromisoformat(since) - timedelta(days=SHIFT_BASELINE_DAYS)).isoformat()
    return cached(engine, ("shifts", until, since, limit), lambda: _stance_shifts(engine, start, until, since, limit))


def _stance_shifts(engine: Engine, start: str, until: str, since: str | None, limit: int) -> list[dict]:
    month = func.substr(documents.c.event_date, 1, 7)
    period = month if since is None else case((documents.c.event_date >= since, "recent"), else_="before")
    in_window = documents.c.event_date.between(start, until)
    speaker_key = func.coalesce(stances.c.speaker_id, stances.c.speaker)
    score = _score_expr(stances.c.score, stances.c.label)
    by_speaker = (select(speaker_key.label("key"), func.max(stances.c.speaker_id).label("entity_id"),
                         period.label("period"), func.avg(score).label("mean"), func.count(score).label("n"))
                  .join(documents, documents.c.id == stances.c.document_id)
                  .where(in_window, stances.c.speaker.is_not(None)).group_by(speaker_key, period))
    doc_score = _score_expr(documents.c.stance_score, documents.c.stance_label)
    by_outlet = (select(documents.c.outlet.label("key"), period.label("period"), func.avg(doc_score).label("mean"),
                        func.count(doc_score).label("n"))
                 .where(in_window, documents.c.outlet.is_not(None)).group_by(documents.c.outlet, period))
    series: dict[tuple[str, str], dict[str, Any]] = defaultdict(lambda: {"periods": {}, "entity_id": None})
    with engine.connect() as conn:
        for row in conn.execute(by_speaker).mappings():
            if row["n"]:
                entry = series[("speaker", row["key"])]
                entry["periods"][row["period"]] = (float(row["mean"]), int(row["n"]))
                entry["entity_id"] = entry["entity_id"] or row["entity_id"]
        for row in conn.execute(by_outlet).mappings():
            if row["n"]:
                series[("outlet", row["key"])]["periods"][row["period"]] = (float(row["mean"]), int(row["n"]))
    shifts = []
    for (kind, key), entry in series.items():
        periods = entry["periods"]
        if since is not None:
            recent, before = periods.get("recent"), periods.get("before")
        else:
            ordered = sorted(p for p in periods if p)
            if len(ordered) < 2:
                continue
            recent = periods[ordered[-1]]
            earlier = [periods[p] for p in ordered[:-1]]
            n = sum(c for _, c in earlier)
            before = (sum(m * c for m, c in earlier) / n, n) if n else None
        if not recent or not before:
            continue
        shifts.append({"kind": kind, "key": key, "entity_id": entry["entity_id"], "before": round(before[0], 2),
                       "after": round(recent[0], 2), "delta": round(recent[0] - before[0], 2),
                       "count": recent[1] + before[1]})
    shifts.sort(key=lambda s: (-abs(s["delta"]), -s["count"], s["key"]))
    top = [s for s in shifts if s["delta"]][:limit]
    with engine.connect() as conn:
        for shift in top:
            if shift["kind"] == "speaker" and not shift["entity_id"]:
                # the stance stage names speakers; the quotes stage links the same name to an entity
                shift["entity_id"] = conn.execute(select(quotes.c.speaker_id).where(
                    quotes.c.speaker == shift["key"], quotes.c.speaker_id.is_not(None)).limit(1)).scalar()
    return top


def lead_sentence(text: str, limit: int = KEY_POINT_CHARS) -> str:
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return shorten(first, limit)  # at a word boundary, never mid-word


def key_points(engine: Engine, document_ids: list[int], limit: int = 6) -> list[dict]:
    """The lead sentence of each document: what a news page says first (its first real body paragraph)."""
    if not document_ids:
        return []
    p = paragraphs.c
    stmt = (select(p.document_id, p.idx, p.text, p.lang).where(
        p.document_id.in_(document_ids), p.section == "body", p.idx < LEAD_SCAN).order_by(p.document_id, p.idx))
    leads: dict[int, dict] = {}
    with engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            text = (row["text"] or "").strip()
            # a dateline, an outlet's name or a byline can sit in the body: a lead is a sentence
            long_enough = len(text) >= (LEAD_MIN_ZH if row["lang"] == "zh" else LEAD_MIN_EN)
            if row["document_id"] not in leads and long_enough:
                leads[row["document_id"]] = dict(row)
    points, seen = [], set()
    for doc_id in document_ids:
        row = leads.get(doc_id)
        sentence = lead_sentence(row["text"] or "") if row else ""
        if sentence and sentence not in seen:
            seen.add(sentence)
            points.append({"document_id": doc_id, "idx": row["idx"], "lang": row["lang"], "text": sentence})
        if len(points) >= limit:
            break
    return points


def facts_of_documents(engine: Engine, document_ids: list[int], limit: int = 40) -> dict[str, list[dict]]:
    if not document_ids:
        return {"quotes": [], "figures": [], "forecasts": []}
    from ..store.schema import figures

    out = {}
    with engine.connect() as conn:
        for name, table in (("quotes", quotes), ("figures", figures), ("forecasts", forecasts)):
            stmt = (select(table).where(table.c.document_id.in_(document_ids))
                    .order_by(table.c.document_id, table.c.span_start).limit(limit))
            out[name] = [dict(r) for r in conn.execute(stmt).mappings()]
    return out


def speaker_names(engine: Engine, entity_id: str, entity: dict) -> list[str]:
    """Names the entity is quoted under (the stance stage keys speakers by name)."""
    names = {n for n in (entity.get("name"), entity.get("name_zh")) if n}
    with engine.connect() as conn:
        names.update(n for n in conn.execute(select(quotes.c.speaker).where(quotes.c.speaker_id == entity_id)
                                             .distinct().limit(50)).scalars() if n)
    return sorted(names)


def entity_stance_series(engine: Engine, entity_id: str, names: list[str]) -> dict[str, list[dict]]:
    """Monthly stance of the entity as a speaker, and of the coverage that mentions it."""
    month = func.substr(documents.c.event_date, 1, 7)
    score = _score_expr(stances.c.score, stances.c.label)
    quoted_in = select(quotes.c.document_id).where(quotes.c.speaker_id == entity_id)
    own = (select(month.label("month"), func.avg(score).label("mean_score"), func.count(score).label("count"))
           .join(documents, documents.c.id == stances.c.document_id)
           .where(or_(stances.c.speaker_id == entity_id,
                      and_(stances.c.document_id.in_(quoted_in), stances.c.speaker.in_(names or [""]))))
           .group_by(month).order_by(month))
    doc_score = _score_expr(documents.c.stance_score, documents.c.stance_label)
    mentioned = select(mentions.c.document_id).where(mentions.c.entity_id == entity_id)
    coverage = (select(month.label("month"), func.avg(doc_score).label("mean_score"),
                       func.count(doc_score).label("count"))
                .where(documents.c.id.in_(mentioned)).group_by(month).order_by(month))
    with engine.connect() as conn:
        return {"own": [dict(r) for r in conn.execute(own).mappings() if r["count"]],
                "coverage": [dict(r) for r in conn.execute(coverage).mappings() if r["count"]]}


def entity_documents(engine: Engine, entity_id: str, limit: int = 20) -> list[dict]:
    mentioned = select(mentions.c.document_id).where(mentions.c.entity_id == entity_id)
    stmt = (select(documents.c.id, documents.c.title, documents.c.lang, documents.c.outlet, documents.c.event_date)
            .where(documents.c.id.in_(mentioned)).order_by(documents.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def result_facets(engine: Engine, document_ids: list[int], limit: int = 12) -> dict[str, list[dict]]:
    """Entities and speakers most present among these documents (the top search results)."""
    if not document_ids:
        return {"entity": [], "speaker": []}
    count = func.count(func.distinct(mentions.c.document_id))
    top_entities = (select(mentions.c.entity_id, count.label("count")).where(mentions.c.document_id.in_(document_ids))
                    .group_by(mentions.c.entity_id).order_by(count.desc(), mentions.c.entity_id).limit(limit))
    q_count = func.count(func.distinct(quotes.c.document_id))
    top_speakers = (select(quotes.c.speaker_id, q_count.label("count"))
                    .where(quotes.c.document_id.in_(document_ids), quotes.c.speaker_id.is_not(None))
                    .group_by(quotes.c.speaker_id).order_by(q_count.desc(), quotes.c.speaker_id).limit(limit))
    with engine.connect() as conn:
        ents = [{"value": r[0], "count": r[1]} for r in conn.execute(top_entities)]
        speakers = [{"value": r[0], "count": r[1]} for r in conn.execute(top_speakers)]
    return {"entity": ents, "speaker": speakers}


def stories_in_window(engine: Engine, since: str, until: str, limit: int = 10) -> list[dict]:
    stmt = (select(stories).where(stories.c.last_date >= since, stories.c.first_date <= until)
            .order_by(stories.c.doc_count.desc(), stories.c.last_date.desc(), stories.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def story_documents(engine: Engine, story_ids: list[int], per_story: int = 20) -> dict[int, list[dict]]:
    if not story_ids:
        return {}
    d = documents.c
    stmt = (select(d.id, d.story_id, d.title, d.lang, d.outlet, d.url, d.event_date, d.duplicate_of)
            .where(d.story_id.in_(story_ids)).order_by(d.story_id, *store_queries.undated_last(d.event_date)))
    out: dict[int, list[dict]] = defaultdict(list)
    with engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            if len(out[row["story_id"]]) < per_story:
                out[row["story_id"]].append(dict(row))
    return dict(out)


def forecasts_between(engine: Engine, *, created_since: str | None = None, created_until: str | None = None,
                      due_since: str | None = None, due_until: str | None = None, limit: int = 10) -> list[dict]:
    f, d = forecasts.c, documents.c
    stmt = (select(forecasts, d.title.label("document_title"), d.event_date)
            .join(documents, d.id == f.document_id))
    if created_since:
        stmt = stmt.where(d.event_date >= created_since)
    if created_until:
        stmt = stmt.where(d.event_date <= created_until)
    if due_since or due_until:
        stmt = stmt.where(f.status == "open", f.due.is_not(None))
        if due_since:
            stmt = stmt.where(f.due >= due_since)
        if due_until:
            stmt = stmt.where(f.due <= due_until)
        stmt = stmt.order_by(f.due, f.id)
    else:
        stmt = stmt.order_by(f.id.desc())
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt.limit(limit)).mappings()]
