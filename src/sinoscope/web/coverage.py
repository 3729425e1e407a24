"""A story's coverage: shares by language and by outlet type (the KB outlet's `outlet_type`), and its first report.

A document's outlet is the KB outlet its URL's host belongs to, else the KB outlet its stored outlet name
names; an outlet the KB does not list is counted as "unlisted", never guessed from the page's language.
"""

from __future__ import annotations

import functools
from typing import Any

from ..anatomy.outlets import outlet_of_url
from ..kb.model import OUTLET_TYPES, Entity

LANGUAGE_ORDER = ("en", "zh", "mixed", "other")
UNLISTED = "unlisted"
TYPE_ORDER = (*OUTLET_TYPES, UNLISTED)


@functools.lru_cache(maxsize=4096)
def _outlet_named(name: str) -> Entity | None:
    from ..kb.load import load_kb

    return next((e for e in load_kb().lookup(name) if e.type == "outlet"), None)


def kb_outlet(outlet: str | None, url: str | None) -> Entity | None:
    return outlet_of_url(url) or (_outlet_named(outlet.strip()) if outlet and outlet.strip() else None)


def outlet_type(outlet: str | None, url: str | None) -> str:
    entity = kb_outlet(outlet, url)
    return entity.outlet_type if entity is not None and entity.outlet_type else UNLISTED


def _bar(counts: dict[str, int], order: tuple[str, ...]) -> list[dict[str, Any]]:
    """Segments in a fixed order with their share (percent) and where they start on a 0-100 bar, so the bar
    always reads the same way."""
    total = sum(counts.values())
    keys = [k for k in order if counts.get(k)] + sorted(k for k in counts if k not in order and counts[k])
    segments, offset = [], 0.0
    for k in keys:
        share = 100 * counts[k] / total
        segments.append({"key": k, "count": counts[k], "share": round(share, 1), "offset": round(offset, 2),
                         "width": round(share, 2)})
        offset += share
    return segments


def story_coverage(documents: list[dict]) -> dict[str, Any]:
    """Bars over the story's original documents (reposts are counted once, with their original), and the ids
    of its first report: the originals dated on the earliest day (at day precision, a tie marks them all)."""
    originals = [d for d in documents if not d.get("duplicate_of")]
    by_lang: dict[str, int] = {}
    by_type: dict[str, int] = {}
    for doc in originals:
        lang = doc.get("lang") if doc.get("lang") in LANGUAGE_ORDER else "other"
        by_lang[lang] = by_lang.get(lang, 0) + 1
        kind = outlet_type(doc.get("outlet"), doc.get("url"))
        doc["outlet_type"] = kind
        by_type[kind] = by_type.get(kind, 0) + 1
    dated = [d["published_date"] for d in originals if d.get("published_date")]
    first_day = min(dated) if dated else None
    first = [d["id"] for d in originals if first_day and d.get("published_date") == first_day]
    return {"by_language": _bar(by_lang, LANGUAGE_ORDER), "by_outlet_type": _bar(by_type, TYPE_ORDER),
            "first_report": first, "first_day": first_day}
