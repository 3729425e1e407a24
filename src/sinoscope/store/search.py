"""Full-text search over Chinese and English with facet filters.

SQLite: an FTS5 index with the trigram tokenizer matches any substring of 3+ characters, so
Chinese needs no word segmentation; but it cannot match terms under 3 characters (most
Chinese words are 2) and its phrase look-ups grow costly on a large corpus. So a second FTS5
index holds words and overlapping Chinese character bigrams: terms with word characters are
looked up there (Chinese as a phrase of bigrams, Latin words as prefixes), symbol-only terms
use the trigrams, and what neither can serve falls back to LIKE.
PostgreSQL: the same words and bigrams as a `tsvector` column (configuration 'simple') under a
GIN index, queried with phrase operators; ILIKE over pg_trgm for what it cannot serve.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, and_, column, func, literal, literal_column, or_, select, table, text
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.sql import ColumnElement

from ..textcut import window
from .schema import documents, mentions, quotes

MAX_LIMIT = 100
COUNT_CAP = 1000  # totals beyond this are reported as "at least"
RELEVANCE_WINDOW = 2000  # relevance ranks the newest this many matches
SNIPPET_CHARS = 80
MIN_TRIGRAM = 3
_FTS = table("document_fts", column("rowid"), column("rank"))
_WORDS = table("document_words", column("rowid"), column("rank"))
_PG_WORDS = literal_column("documents.words")  # PostgreSQL only: added by migration 5, not in the shared schema
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD_CHAR = re.compile(r"[^\W_]")


def cjk_bigrams(text: str) -> str:
    """Chinese runs as space-separated overlapping bigrams, other text as it is: "华为芯片" →
    " 华为 为芯 芯片 ", so the unicode61 tokenizer indexes every 2-character Chinese word."""

    def expand(match: re.Match) -> str:
        run = match.group()
        return " " + (" ".join(run[i:i + 2] for i in range(len(run) - 1)) if len(run) > 1 else run) + " "

    return _CJK_RUN.sub(expand, text)


def index_words(conn: Any, document_id: int, title: str | None, body: str | None) -> None:
    """Add a document to the word/bigram index (in the caller's transaction)."""
    words = cjk_bigrams(f"{title or ''}\n{body or ''}")
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO document_words(rowid, words) VALUES (?, ?)", (document_id, words))
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("UPDATE documents SET words = to_tsvector('simple', %s) WHERE id = %s",
                             (words, document_id))


def _pg_tsquery(term: str) -> str | None:
    """The term as a PostgreSQL tsquery over the word/bigram vector: Chinese as a phrase of
    consecutive bigrams, Latin words as prefixes; None if the vector cannot serve it."""
    tokens = [t for t in re.split(r"[\W_]+", cjk_bigrams(term).lower()) if t]
    if not tokens or any(len(t) == 1 and _CJK_RUN.match(t) for t in tokens):
        return None  # a lone Chinese character is not a token of its own
    parts = [t + (":*" if not _CJK_RUN.match(t) and len(t) >= 3 else "") for t in tokens]
    return "(" + " <-> ".join(parts) + ")"
_TERMS = re.compile(r'"([^"]+)"|(\S+)')


@dataclass
class SearchQuery:
    q: str = ""
    lang: str | None = None
    outlet: str | None = None
    entity: str | None = None  # entity id
    speaker: str | None = None  # speaker entity id or name
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    stance: str | None = None
    story_id: int | None = None
    sort: str = "relevance"  # relevance | date
    limit: int = 20
    offset: int = 0
    facets: bool = False


def parse_terms(q: str) -> list[str]:
    """Words and "quoted phrases"; each must appear (AND)."""
    terms = [(m.group(1) or m.group(2)).strip() for m in _TERMS.finditer(q or "")]
    return [t for t in terms if t][:10]


def _fts_expression(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class _Unindexed:
    """Columns written `+documents.x`: SQLite then uses no index for them, so a query with a
    text match is driven by the full-text index (streamed) instead of probing it row by row."""

    def __getattr__(self, name: str) -> ColumnElement:
        return literal_column(f"+documents.{name}", type_=documents.c[name].type)


def _facet_filters(query: SearchQuery, text_driven: bool = False) -> list[ColumnElement]:
    d = _Unindexed() if text_driven else documents.c
    filters: list[ColumnElement] = []
    if query.lang:
        filters.append(d.lang == query.lang)
    if query.outlet:
        filters.append(d.outlet == query.outlet)
    if query.since:
        filters.append(d.published_date >= query.since)
    if query.until:
        filters.append(d.published_date <= query.until)
    if query.stance:
        filters.append(d.stance_label == query.stance)
    if query.story_id is not None:
        filters.append(d.story_id == query.story_id)
    if query.entity:
        filters.append(d.id.in_(select(mentions.c.document_id).where(mentions.c.entity_id == query.entity)))
    if query.speaker:
        s = query.speaker
        filters.append(d.id.in_(select(quotes.c.document_id).where(
            or_(quotes.c.speaker_id == s, quotes.c.speaker == s, quotes.c.speaker_zh == s))))
    return filters


def _word_expression(term: str) -> str | None:
    """The term as a phrase of the word/bigram index, or None if it has no word characters.

    Chinese becomes a phrase of consecutive bigrams, which matches exactly where the term
    occurs; a Latin word matches as a prefix ("semiconductor" finds "semiconductors")."""
    if not _WORD_CHAR.search(term):
        return None
    phrase = " ".join(cjk_bigrams(term).split()).replace('"', '""')
    tail = re.split(r"[\W_]+|(?=[\u3400-\u9fff\uf900-\ufaff])", term.strip())[-1]
    # a lone Chinese character is the start of a bigram; a Latin word of 3+ letters a stem
    prefix = (len(tail) == 1 and bool(_CJK_RUN.match(tail))) or (len(tail) >= 3 and not _CJK_RUN.search(tail))
    return f'"{phrase}"' + (" *" if prefix else "")


def _text_filters(engine: Engine, terms: list[str]) -> tuple[list[ColumnElement], str | None, str | None]:
    """Filters for the query terms, and the MATCH expressions for the trigram and word indexes.

    SQLite: terms with word characters use the word/bigram index (one posting list per token,
    far cheaper than trigram phrases on a large corpus); others use trigrams if 3+ characters
    long, else LIKE. PostgreSQL: ILIKE for every term, served by the pg_trgm indexes."""
    d = documents.c
    sqlite = engine.dialect.name == "sqlite"
    words = [w for t in terms if (w := _word_expression(t))] if sqlite else []
    worded = {t for t in terms if _word_expression(t)} if sqlite else set()
    trigram_terms = [t for t in terms if t not in worded and len(t) >= MIN_TRIGRAM] if sqlite else []
    short_terms = [t for t in terms if t not in worded and t not in trigram_terms]

    def contains(column: Any, term: str) -> ColumnElement:  # SQLite's LIKE already ignores ASCII case
        return column.like(_like(term), escape="\\") if sqlite else column.ilike(_like(term), escape="\\")

    if not sqlite and engine.dialect.name == "postgresql":
        queries = {t: q for t in short_terms if (q := _pg_tsquery(t))}
        if queries:
            tsquery = func.to_tsquery(literal("simple", type_=REGCONFIG), " & ".join(queries.values()))
            short_terms = [t for t in short_terms if t not in queries]
            filters = [_PG_WORDS.op("@@")(tsquery)]
        else:
            filters = []
    else:
        filters = []
    filters += [or_(contains(d.title, t), contains(d.body_text, t)) for t in short_terms]
    return (filters, _fts_expression(trigram_terms) if trigram_terms else None,
            " AND ".join(words) if words else None)


def snippet(body: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    lowered = body.lower()
    hits = [i for t in terms if (i := lowered.find(t.lower())) >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - width // 2)
    start, end = window(body, start, start + width * 2)  # never mid-word
    piece = " ".join(body[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(body) else "")


def _matching(select_stmt: Any, match: str | None, words: str | None, where: Any) -> Any:
    """Join the FTS indexes so SQLite drives the query from them (streamed, so LIMIT stops early)."""
    d = documents.c
    source = documents
    if match:
        source = source.join(_FTS, _FTS.c.rowid == d.id)
    if words:
        source = source.join(_WORDS, _WORDS.c.rowid == d.id)
    stmt = select_stmt.select_from(source)
    if match:
        stmt = stmt.where(text("document_fts MATCH :match"))
    if words:
        stmt = stmt.where(text("document_words MATCH :words"))
    return stmt.where(where) if where is not None else stmt


def search(engine: Engine, query: SearchQuery) -> dict[str, Any]:
    limit = max(1, min(int(query.limit), MAX_LIMIT))
    offset = max(0, int(query.offset))
    terms = parse_terms(query.q)
    d = documents.c
    filters, match, words = _text_filters(engine, terms)
    filters += _facet_filters(query, text_driven=bool(match or words))
    params = {k: v for k, v in (("match", match), ("words", words)) if v}
    where = and_(*filters) if filters else None
    columns = [d.id, d.title, d.outlet, d.lang, d.published_date, d.story_id, d.url, d.source, d.body_text,
               d.stance_label]
    page = _matching(select(*columns), match, words, where)
    if (match or words) and query.sort == "relevance":
        # Rank the newest RELEVANCE_WINDOW matches, not all: a common word matches half the corpus,
        # and scoring every match would cost seconds; FTS5 streams rowids newest-first, so this stays fast.
        index = _FTS if match else _WORDS
        candidates = (_matching(select(d.id.label("cid"), index.c.rank.label("score")), match, words, where)
                      .order_by(index.c.rowid.desc()).limit(RELEVANCE_WINDOW).subquery())
        page = (select(*columns).select_from(documents.join(candidates, candidates.c.cid == d.id))
                .order_by(candidates.c.score, d.id.desc()))
    elif query.sort == "date":
        page = page.order_by(d.published_date.desc().nulls_last(), d.id.desc())
    else:
        page = page.order_by(d.id.desc())
    facet_columns = [d.lang, d.outlet, d.stance_label] if query.facets else [d.id]
    sample = _matching(select(*facet_columns), match, words, where).limit(COUNT_CAP + 1)
    with engine.connect() as conn:
        rows = conn.execute(page.limit(limit).offset(offset), params).mappings().all()
        matched = conn.execute(sample, params).all()  # one pass gives the total and the facet counts
    results = [{**{k: row[k] for k in row if k != "body_text"}, "snippet": snippet(row["body_text"] or "", terms)}
               for row in rows]
    total = len(matched)
    out: dict[str, Any] = {"query": {**asdict(query), "limit": limit, "offset": offset}, "terms": terms,
                           "total": min(total, COUNT_CAP), "total_is_lower_bound": total > COUNT_CAP,
                           "results": results}
    if query.facets:
        out["facets"] = _facet_counts(matched[:COUNT_CAP])
    return out


def _facet_counts(matched: list[Any]) -> dict[str, list[dict]]:
    """Counts by language, outlet and stance among the first COUNT_CAP matches."""
    out = {}
    for position, name in enumerate(("lang", "outlet", "stance")):
        counts = Counter(row[position] for row in matched)
        out[name] = [{"value": value, "count": count} for value, count in counts.most_common(20)]
    return out
