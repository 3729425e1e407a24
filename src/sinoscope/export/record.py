"""A Doc as a JSON-ready record: the fields of the evaluation contract, and more.

Every extracted item keeps `start`/`end` offsets into `text` (the original), so a record
is enough to show any fact in its source.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..doc import Doc

_HAN = re.compile(r"[\u3400-\u9fff]")


def _plain(item: Any) -> Any:
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(item).items()}
    if isinstance(item, tuple):
        return list(item)
    return item


def document_language(doc: Doc) -> str:
    langs = {p.lang for p in doc.section("title", "body") if p.lang in ("en", "zh")}
    if langs == {"en", "zh"}:
        return "mixed"
    return langs.pop() if langs else "other"


def _names(primary: str | None, alt: str | None) -> dict[str, str | None]:
    """Split a name and its gloss into English and Chinese forms."""
    zh = next((n for n in (primary, alt) if n and _HAN.search(n)), None)
    en = next((n for n in (primary, alt) if n and not _HAN.search(n)), None)
    return {"author": en or zh, "author_zh": zh}


def comments_of(doc: Doc) -> list[dict]:
    out = []
    for comment in doc.comments:
        # (text, lang, start) of each paragraph, the first one less any "Name:" prefix
        parts = [(doc.paragraphs[i].text, doc.paragraphs[i].lang, doc.paragraphs[i].start) for i in comment.paragraphs]
        first_text, first_lang, first_start = parts[0]
        parts[0] = (first_text[comment.text_offset :], first_lang, first_start + comment.text_offset)
        en = "\n".join(text for text, lang, _ in parts if lang != "zh")
        zh = "\n".join(text for text, lang, _ in parts if lang == "zh")
        last = doc.paragraphs[comment.paragraphs[-1]]
        out.append(
            {
                **_names(comment.author, comment.author_alt),
                "text": en or zh,
                "text_zh": (zh or None) if en else None,
                "start": parts[0][2],
                "end": last.end,
                "author_span": list(comment.author_span) if comment.author_span else None,
            }
        )
    return out


def to_record(doc: Doc, include_text: bool = True) -> dict[str, Any]:
    meta = doc.meta
    title_alt = meta.get("title_alt")
    record: dict[str, Any] = {
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "lang": document_language(doc),
        "title": meta.get("title"),
        "title_alt": title_alt,
        "title_zh": title_alt if title_alt and _HAN.search(title_alt) else None,
        "published": meta.get("published"),
        "authors": meta.get("authors", []),
        "author": (meta.get("authors") or [None])[0],
        "author_zh": meta.get("author_alt"),
        "translator": meta.get("translator"),
        "category": meta.get("category"),
        "counters": meta.get("counters", []),
        "comment_count": meta.get("comment_count"),
        "site_name": meta.get("site_name"),
        "meta_spans": {k: [s.start, s.end] for k, s in doc.meta_spans.items()},
        "body_text": doc.body_text,
        "paragraphs": [
            {
                "text": p.text,
                "lang": p.lang,
                "script": p.script,
                "section": p.section,
                "role": p.role,
                "start": p.start,
                "end": p.end,
            }
            for p in doc.paragraphs
        ],
        "comments": comments_of(doc),
        "pairs": [
            {
                "en": doc.paragraphs[pair.en].text,
                "zh": doc.paragraphs[pair.zh].text,
                "section": doc.paragraphs[pair.en].section,
                "en_index": pair.en,
                "zh_index": pair.zh,
                "score": pair.score,
            }
            for pair in doc.pairs
        ],
        "removed_blocks": [_plain(block) for block in doc.removed],
        "warnings": doc.warnings,
    }
    for name, items in doc.layers.items():
        record[name] = [_plain(item) for item in items]
    if "stance" in record:
        stance = record["stance"]
        record["stance"] = stance[0] if stance else None
    if include_text:
        record["text"] = doc.text
    return record
