"""An analysis record (see export/record.py) as rows of the store's tables.

Records come from pipeline stages built by different hands and may lack a layer or carry
an odd value, so every field is read defensively: a missing or malformed fact is skipped,
never a reason to lose the document.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_EXTRA_FIELDS = ("comments", "pairs", "removed_blocks", "meta_spans", "warnings", "counters", "category",
                 "comment_count", "encoding", "title_zh", "author_zh")


def content_hash(text: str) -> str:
    """Identity of a document: the same words with other whitespace are the same document."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from the many ways pages write a date, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(value)
        if match:
            try:
                return date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(value).date().isoformat()  # RFC 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        return None


def outlet_of(record: dict, url: str | None) -> str | None:
    site = record.get("site_name")
    if isinstance(site, str) and site.strip():
        return site.strip()[:200]
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _str(value: Any, cap: int | None = None) -> str | None:
    if value is None:
        return None
    out = value if isinstance(value, str) else str(value)
    return out[:cap] if cap else out


def _items(record: dict, name: str) -> list[dict]:
    value = record.get(name)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _span(item: dict) -> dict[str, int | None]:
    return {"span_start": _int(item.get("start")), "span_end": _int(item.get("end"))}


def document_row(record: dict, *, url: str | None, outlet: str | None, now: str) -> dict[str, Any]:
    text = record.get("text") or record.get("body_text") or ""
    published_date = iso_date(record.get("published"))
    stance = record.get("stance") if isinstance(record.get("stance"), dict) else {}
    label, score = stance_value(stance)
    authors = record.get("authors")
    return {
        "content_hash": content_hash(text),
        "source": _str(record.get("source")) or "<unknown>",
        "url": url,
        "outlet": outlet or outlet_of(record, url),
        "format": _str(record.get("format"), 20),
        "lang": _str(record.get("lang"), 10),
        "title": _str(record.get("title")),
        "title_alt": _str(record.get("title_alt")),
        "published": _str(record.get("published"), 40),
        "published_date": published_date,
        # an undated page stays undated: its ingest time is `ingested_at`, never the date of its events
        "event_date": published_date,
        "authors": [a for a in authors if isinstance(a, str)] if isinstance(authors, list) else [],
        "translator": _str(record.get("translator")),
        "body_text": _str(record.get("body_text")) or "",
        "text": text,
        "stance_label": label,
        "stance_score": score,
        "ingested_at": now,
        "extra": {k: record[k] for k in _EXTRA_FIELDS if record.get(k) not in (None, [], {})},
    }


def stance_value(stance: dict) -> tuple[str | None, float | None]:
    """(label, score) of a stance, whichever of the two the stage gives."""
    value = stance.get("china_ai", stance.get("label"))
    score = _float(stance.get("score"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None, score if score is not None else float(value)
    return _str(value, 40), score


def paragraph_rows(record: dict) -> list[dict]:
    return [{"idx": i, "text": _str(p.get("text")) or "", "lang": _str(p.get("lang"), 10),
             "section": _str(p.get("section"), 20), "role": _str(p.get("role"), 40), **_span(p)}
            for i, p in enumerate(_items(record, "paragraphs"))]


def entity_rows(record: dict) -> list[dict]:
    rows: dict[str, dict] = {}
    for entity in _items(record, "entities"):
        key = _str(entity.get("id"), 200)
        if key:
            aliases = entity.get("aliases")
            rows[key] = {"id": key, "name": _str(entity.get("name")), "name_zh": _str(entity.get("name_zh")),
                         "type": _str(entity.get("type"), 40), "kb_type": _str(entity.get("kb_type"), 40),
                         "known": bool(entity.get("known", not key.startswith("new:"))),
                         "aliases": [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []}
    for mention in _items(record, "mentions"):  # a mention of an entity the entities layer lacks
        key = _str(mention.get("entity"), 200)
        if key and key not in rows:
            rows[key] = {"id": key, "name": _str(mention.get("text")), "name_zh": None,
                         "type": _str(mention.get("type"), 40), "kb_type": _str(mention.get("type"), 40),
                         "known": not key.startswith("new:"), "aliases": []}
    return list(rows.values())


def mention_rows(record: dict) -> list[dict]:
    text = record.get("text") or ""
    layer = _items(record, "mentions")
    if layer:
        return [{"entity_id": _str(m.get("entity"), 200), "text": _str(m.get("text")), **_span(m)}
                for m in layer if m.get("entity")]
    rows = []
    for entity in _items(record, "entities"):
        for m in entity.get("mentions") or []:
            if isinstance(m, dict) and entity.get("id"):
                start, end = _int(m.get("start")), _int(m.get("end"))
                surface = text[start:end] if start is not None and end is not None else None
                rows.append({"entity_id": _str(entity["id"], 200), "text": surface, "span_start": start,
                             "span_end": end})
    return rows


def quote_rows(record: dict) -> list[dict]:
    fields = ("speaker", "speaker_zh", "speaker_surface", "text", "text_zh", "cue")
    return [{**{f: _str(q.get(f)) for f in fields}, "speaker_id": _str(q.get("speaker_id"), 200),
             "kind": _str(q.get("kind"), 40), "section": _str(q.get("section"), 20), **_span(q)}
            for q in _items(record, "quotes")]


def figure_rows(record: dict) -> list[dict]:
    known = {"text", "value", "unit", "kind", "start", "end"}
    return [{"text": _str(f.get("text")), "value": _float(f.get("value")), "unit": _str(f.get("unit"), 60),
             "kind": _str(f.get("kind"), 60), "extra": {k: v for k, v in f.items() if k not in known} or None,
             **_span(f)}
            for f in _items(record, "figures")]


def forecast_rows(record: dict) -> list[dict]:
    """A relative horizon ("within two years") counted from the day of analysis, not from the page's date,
    has no due date: the page is undated, and the day it was read says nothing of when it was written.
    A horizon the text dates itself ("by 2030") keeps its due date."""
    rows = []
    for f in _items(record, "forecasts"):
        holder_id = f.get("holder_id")
        dated = f.get("horizon_basis") != "today" or bool(_YEAR.search(str(f.get("horizon") or "")))
        rows.append({"holder": _str(f.get("holder")), "holder_id": _str(holder_id, 200), "text": _str(f.get("text")),
                     "probability": _float(f.get("probability")), "horizon": _str(f.get("horizon")),
                     "horizon_start": _str(f.get("horizon_start"), 40) if dated else None,
                     "horizon_end": _str(f.get("horizon_end"), 40) if dated else None,
                     "due": (iso_date(f.get("due")) or iso_date(f.get("horizon_end"))) if dated else None,
                     "status": "open", **_span(f)})
    return rows


def stance_rows(record: dict) -> list[dict]:
    stance = record.get("stance")
    if not isinstance(stance, dict):
        return []
    label, score = stance_value(stance)
    evidence = stance.get("evidence")
    rows = [{"subject": "china_ai", "speaker": None, "speaker_id": None, "label": label, "score": score,
             "evidence": evidence if isinstance(evidence, list | dict) else None}]
    by_speaker = stance.get("by_speaker")
    entries: list[tuple[Any, Any]] = []
    if isinstance(by_speaker, dict):
        entries = list(by_speaker.items())
    elif isinstance(by_speaker, list):
        entries = [(s.get("speaker") or s.get("name"), s) for s in by_speaker if isinstance(s, dict)]
    for speaker, value in entries:
        value = value if isinstance(value, dict) else {"china_ai": value}
        s_label, s_score = stance_value(value)
        s_evidence = value.get("evidence")
        rows.append({"subject": "china_ai", "speaker": _str(speaker), "speaker_id": _str(value.get("speaker_id"), 200),
                     "label": s_label, "score": s_score,
                     "evidence": s_evidence if isinstance(s_evidence, list | dict) else None})
    return rows
