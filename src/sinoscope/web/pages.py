"""The data behind each page: store queries plus the web's own, shaped for the templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from ..doc import CONTENT_SECTIONS
from ..store import queries as store
from . import queries as webq
from .highlight import marks_from, span_anchor, tokens

PAGE_SIZE = 30


def home(engine: Engine, lang: str) -> dict[str, Any]:
    latest = store.list_stories(engine, limit=12)["items"]
    blind = store.list_stories(engine, blindspot=True, limit=8)["items"]
    shifts = webq.stance_shifts(engine)
    names = webq.entity_names(engine, [s["entity_id"] for s in shifts if s["entity_id"]])
    for shift in shifts:
        shift["name"] = webq.display_name(names.get(shift["entity_id"]), lang, shift["key"])
    return {"stories": latest, "blindspots": blind, "forecasts": webq.new_forecasts(engine), "shifts": shifts}


def story(engine: Engine, story_id: int, lang: str) -> dict[str, Any] | None:
    found = store.get_story(engine, story_id)
    if found is None:
        return None
    docs = found["documents"]
    columns: dict[str, list[dict]] = {"en": [], "zh": [], "mixed": [], "other": []}
    for doc in docs:
        columns[doc["lang"] if doc["lang"] in columns else "other"].append(doc)
    originals = [d["id"] for d in docs if not d["duplicate_of"]]
    # key points in the reader's language first
    preferred = [d["id"] for d in docs if d["lang"] == lang and not d["duplicate_of"]]
    ordered = preferred + [i for i in originals if i not in preferred]
    facts = webq.facts_of_documents(engine, originals)
    pair = (columns["en"][0]["id"], columns["zh"][0]["id"]) if columns["en"] and columns["zh"] else None
    titles = {d["id"]: d["title"] for d in docs}
    return {"story": found, "columns": columns, "key_points": webq.key_points(engine, ordered), "facts": facts,
            "outlets": sorted(found["coverage"]["by_outlet"].items(), key=lambda kv: (-kv[1], kv[0])),
            "pair": pair, "titles": titles}


def ledger(engine: Engine, status: str, page: int) -> dict[str, Any]:
    listing = store.list_forecasts(engine, status=status, today=date.today().isoformat(),
                                   limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return {"forecasts": listing, "status": status, "page": page, "pages": _pages(listing["total"], page)}


def search_page(engine: Engine, query: Any, lang: str) -> dict[str, Any]:
    from ..store.search import search

    result = search(engine, query)
    top = [r["id"] for r in result["results"]]
    extra = webq.result_facets(engine, top)
    names = webq.entity_names(engine, [f["value"] for f in extra["entity"] + extra["speaker"]])
    for facet in extra["entity"] + extra["speaker"]:
        facet["label"] = webq.display_name(names.get(facet["value"]), lang, facet["value"])
    total = result["total"]
    page = query.offset // query.limit + 1
    return {"result": result, "facets": {**result.get("facets", {}), **extra}, "page": page,
            "has_next": query.offset + query.limit < total}


def _regions(doc: dict) -> list[dict]:
    text = doc.get("text") or ""
    paras = [p for p in doc.get("paragraphs") or []
             if isinstance(p.get("start"), int) and isinstance(p.get("end"), int)]
    if not paras:
        return [{"idx": 0, "start": 0, "end": len(text), "section": "body", "lang": doc.get("lang"), "role": None}]
    return [{"idx": p["idx"], "start": p["start"], "end": min(p["end"], len(text)), "section": p["section"] or "body",
             "lang": p["lang"], "role": p["role"]} for p in paras]


def document(engine: Engine, document_id: int, lang: str, view: str) -> dict[str, Any] | None:
    doc = store.get_document(engine, document_id)
    if doc is None:
        return None
    text = doc.get("text") or ""
    entity_rows = {e["id"]: e for e in doc["entities"]}
    names = {k: webq.display_name(e, lang, k) for k, e in entity_rows.items()}
    marks = marks_from(doc, names)
    regions = _regions(doc)
    for region in regions:
        region["tokens"] = tokens(text, region["start"], region["end"], marks)
    by_idx = {r["idx"]: r for r in regions}
    pairs = [(by_idx.get(p.get("en_index")), by_idx.get(p.get("zh_index")))
             for p in (doc.get("extra") or {}).get("pairs") or [] if isinstance(p, dict)]
    pairs = [(en, zh) for en, zh in pairs if en and zh]
    paired = {r["idx"] for pair in pairs for r in pair}
    panel_entities: dict[str, dict] = {}
    for m in doc["mentions"]:
        entry = panel_entities.setdefault(m["entity_id"], {"id": m["entity_id"], "name": names.get(m["entity_id"],
                                          m["entity_id"]), "count": 0, "anchor": span_anchor("entity", m["id"]),
                                          "type": (entity_rows.get(m["entity_id"]) or {}).get("type")})
        entry["count"] += 1
    valid = {mark.anchor for mark in marks}
    for layer in ("quotes", "figures", "forecasts"):
        kind = {"quotes": "quote", "figures": "figure", "forecasts": "forecast"}[layer]
        for row in doc[layer]:
            row["anchor"] = span_anchor(kind, row["id"])
            row["linked"] = row["anchor"] in valid
    sibling = _sibling(engine, doc)
    return {"doc": doc, "regions": regions, "pairs": pairs, "unpaired": [r for r in regions if r["idx"] not in paired],
            "view": "pairs" if view == "pairs" and pairs else "text",
            "entities": sorted(panel_entities.values(), key=lambda e: (-e["count"], e["name"])), "sibling": sibling}


def _sibling(engine: Engine, doc: dict) -> dict | None:
    """A document of the same story in the other language, for the side-by-side view."""
    if not doc.get("story_id") or doc.get("lang") not in ("en", "zh"):
        return None
    other = "zh" if doc["lang"] == "en" else "en"
    docs = store.list_documents(engine, story_id=doc["story_id"], lang=other, limit=1)["items"]
    return docs[0] if docs else None


def parallel(engine: Engine, first_id: int, second_id: int, lang: str) -> dict[str, Any] | None:
    sides = []
    for document_id in (first_id, second_id):
        data = document(engine, document_id, lang, "text")
        if data is None:
            return None
        body = [r for r in data["regions"] if r["section"] in CONTENT_SECTIONS]
        sides.append({"doc": data["doc"], "regions": body})
    sides.sort(key=lambda s: 0 if s["doc"]["lang"] == "en" else 1)
    rows = max(len(s["regions"]) for s in sides)
    return {"sides": sides, "rows": [[s["regions"][i] if i < len(s["regions"]) else None for s in sides]
                                     for i in range(rows)]}


def _pages(total: int, page: int) -> dict[str, Any]:
    last = max(1, -(-total // PAGE_SIZE))
    return {"current": page, "last": last, "prev": page - 1 if page > 1 else None,
            "next": page + 1 if page < last else None}
