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

from .schema import documents, mentions, quotes
from .search_terms import TermGroup, expand_terms, matched_forms, plain_groups
from .snippets import snippet

MAX_LIMIT = 100
COUNT_CAP = 1000  # totals beyond this are reported as "at least"
RELEVANCE_WINDOW = 2000  # relevance ranks the newest this many matches
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
    expand: bool = True  # a term naming a KB entry also finds its other forms (Nvidia / 英伟达)


def parse_terms(q: str) -> list[str]:
    """Words and "quoted phrases"; each must appear (AND)."""
    return parse_query(q)[0]


def parse_query(q: str) -> tuple[list[str], set[str]]:
    """The terms, and which of them were "quoted phrases" (kept as one term, never joined to others)."""
    found = [(m.group(1) is not None, (m.group(1) or m.group(2)).strip()) for m in _TERMS.finditer(q or "")]
    found = [(quoted, t) for quoted, t in found if t][:10]
    return [t for _, t in found], {t for quoted, t in found if quoted}


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


def _group_words(group: TermGroup) -> str | None:
    """A group as one expression of the word/bigram index: its forms OR-ed (None if one cannot use it)."""
    parts = [_word_expression(form) for form in group.forms]
    if not parts or any(p is None for p in parts):
        return None
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(p for p in parts if p) + ")"


def _text_filters(engine: Engine, groups: list[TermGroup]) -> tuple[list[ColumnElement], str | None, str | None]:
    """Filters for the query's term groups (every group must match, any form of a group will do),
    and the MATCH expressions for the trigram and word indexes.

    SQLite: groups whose forms all have word characters use the word/bigram index (one posting
    list per token, far cheaper than trigram phrases on a large corpus); a plain term without
    word characters uses trigrams if 3+ characters long, else LIKE. PostgreSQL: the word/bigram
    tsvector where it serves a form, else ILIKE, served by the pg_trgm indexes."""
    d = documents.c
    sqlite = engine.dialect.name == "sqlite"

    def contains(column: Any, term: str) -> ColumnElement:  # SQLite's LIKE already ignores ASCII case
        return column.like(_like(term), escape="\\") if sqlite else column.ilike(_like(term), escape="\\")

    def any_text(forms: list[str]) -> ColumnElement:
        return or_(*(or_(contains(d.title, f), contains(d.body_text, f)) for f in forms))

    filters: list[ColumnElement] = []
    words: list[str] = []
    trigram_terms: list[str] = []
    tsqueries: list[str] = []
    for group in groups:
        if sqlite:
            expression = _group_words(group)
            if expression:
                words.append(expression)
            elif not group.expanded and len(group.text) >= MIN_TRIGRAM:
                trigram_terms.append(group.text)
            else:
                filters.append(any_text(list(group.forms)))
        elif engine.dialect.name == "postgresql":
            served = {f: q for f in group.forms if (q := _pg_tsquery(f))}
            rest = [f for f in group.forms if f not in served]
            joined = "(" + " | ".join(served.values()) + ")" if served else None
            if joined and not rest:
                tsqueries.append(joined)
            elif joined:
                filters.append(or_(_pg_match(joined), any_text(rest)))
            else:
                filters.append(any_text(rest))
        else:
            filters.append(any_text(list(group.forms)))
    if tsqueries:
        filters.insert(0, _pg_match(" & ".join(tsqueries)))
    return (filters, _fts_expression(trigram_terms) if trigram_terms else None,
            " AND ".join(words) if words else None)


def _pg_match(tsquery: str) -> ColumnElement:
    return _PG_WORDS.op("@@")(func.to_tsquery(literal("simple", type_=REGCONFIG), tsquery))


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
    terms, quoted = parse_query(query.q)
    groups = expand_terms(terms, quoted) if query.expand else plain_groups(terms)
    d = documents.c
    filters, match, words = _text_filters(engine, groups)
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
    forms = [f for g in groups for f in g.reported]
    results = []
    for row in rows:
        text, spans = snippet(row["body_text"] or "", forms)
        results.append({**{k: row[k] for k in row if k != "body_text"}, "snippet": text,
                        "highlights": [list(s) for s in spans],
                        "matched": matched_forms(groups, row["title"], row["body_text"])})
    total = len(matched)
    out: dict[str, Any] = {"query": {**asdict(query), "limit": limit, "offset": offset}, "terms": terms,
                           "expansions": [{"term": g.text, "forms": list(g.reported), "entity_ids": list(g.entity_ids)}
                                          for g in groups if g.expanded],
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
