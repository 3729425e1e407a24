"""Web benchmark: server-side render time of every page type on a large generated store.

Records come from bench/store_bench.py's generator (synthetic, no NLP), enriched with stories,
forecasts and per-speaker stances, and are bulk-inserted (many documents per transaction) so a
100k-document store builds in minutes. Pages are timed through FastAPI's TestClient, which runs
the whole app (routing, queries, templates) in-process.

    .venv/bin/python bench/web_bench.py                       # 100,000 docs, kept in /tmp for re-runs
    .venv/bin/python bench/web_bench.py --docs 5000 --rounds 5
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import func, select  # noqa: E402
from store_bench import synthetic_record  # noqa: E402

from sinoscope.store import records as rec  # noqa: E402
from sinoscope.store.db import open_store, write_transaction  # noqa: E402
from sinoscope.store.schema import (  # noqa: E402
    documents,
    entities,
    figures,
    forecasts,
    mentions,
    paragraphs,
    quotes,
    stances,
    stories,
)
from sinoscope.store.search import index_words  # noqa: E402

BATCH = 2_000
BUDGET_MS = 300


def _enrich(record: dict, rng: random.Random, published: str) -> dict:
    record["published"] = published
    quote = record["quotes"][0]
    speaker_id = quote["speaker_id"]
    record["stance"]["by_speaker"] = {quote["speaker"]: {"china_ai": record["stance"]["china_ai"],
                                                         "score": round(rng.uniform(-1, 1), 2),
                                                         "speaker_id": speaker_id}}
    if rng.random() < 0.2:
        due = (date.fromisoformat(published) + timedelta(days=rng.randint(30, 900))).isoformat()
        record["forecasts"] = [{"holder": quote["speaker"], "holder_id": speaker_id, "text": quote["text"][:100],
                                "probability": round(rng.uniform(0.1, 0.9), 2), "due": due,
                                "start": quote["start"], "end": quote["end"]}]
    return record


def build(db: str, count: int, seed: int = 3) -> None:
    engine = open_store(db)
    rng = random.Random(seed)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    doc_id = story_id = 0
    started = time.perf_counter()
    entity_rows: dict[str, dict] = {}
    while doc_id < count:
        with write_transaction(engine) as conn:
            story_rows, doc_rows, facts = [], [], {t: [] for t in (paragraphs, mentions, quotes, figures,
                                                                   forecasts, stances)}
            while len(doc_rows) < BATCH and doc_id < count:
                story_id += 1
                day = date(2029, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
                members = []
                for _ in range(min(rng.choice((1, 1, 2, 3, 5)), count - doc_id)):
                    doc_id += 1
                    published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
                    record = _enrich(synthetic_record(doc_id, rng), rng, published)
                    row = rec.document_row(record, url=None, outlet=None, now=now)
                    row.update(id=doc_id, story_id=story_id, content_hash=f"{row['content_hash'][:48]}{doc_id:016d}")
                    doc_rows.append(row)
                    members.append(row)
                    for table, rows in ((paragraphs, rec.paragraph_rows(record)), (mentions, rec.mention_rows(record)),
                                        (quotes, rec.quote_rows(record)), (figures, rec.figure_rows(record)),
                                        (forecasts, rec.forecast_rows(record)), (stances, rec.stance_rows(record))):
                        facts[table] += [{**r, "document_id": doc_id} for r in rows]
                    for entity in rec.entity_rows(record):
                        entity_rows.setdefault(entity["id"], entity)
                dates = sorted(m["event_date"] for m in members)
                story_rows.append({"id": story_id, "title": members[0]["title"], "first_date": dates[0],
                                   "last_date": dates[-1], "doc_count": len(members),
                                   "languages": ",".join(sorted({m["lang"] for m in members})),
                                   "created_at": now, "updated_at": now})
            conn.execute(stories.insert(), story_rows)
            conn.execute(documents.insert(), doc_rows)
            for row in entity_rows.values():
                conn.execute(entities.insert().prefix_with("OR IGNORE"), row)
            for table, rows in facts.items():
                if rows:
                    conn.execute(table.insert(), rows)
            for row in doc_rows:  # the short-term (word and bigram) search index, as ingest fills it
                index_words(conn, row["id"], row["title"], row["body_text"])
        print(f"  {doc_id:,} documents, {doc_id / (time.perf_counter() - started):.0f} docs/s", file=sys.stderr)
    with write_transaction(engine) as conn:
        for speaker in range(1, 501):
            conn.execute(entities.insert().prefix_with("OR IGNORE"), {
                "id": f"new:speaker-{speaker}", "name": f"Sample Speaker {speaker}", "name_zh": None,
                "type": "person", "kb_type": "person", "known": False, "aliases": []})
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


def pages_to_time(engine) -> dict[str, list[str]]:  # noqa: ANN001 - sqlalchemy Engine
    with engine.connect() as conn:
        last = conn.execute(select(func.max(documents.c.id))).scalar()
        last_story = conn.execute(select(func.max(stories.c.id))).scalar()
        big_story = conn.execute(select(stories.c.id).order_by(stories.c.doc_count.desc()).limit(1)).scalar()
        mixed = conn.execute(select(stories.c.id).where(stories.c.languages == "en,zh").limit(1)).scalar()
        pair = conn.execute(select(documents.c.id).where(documents.c.story_id == mixed)
                            .order_by(documents.c.lang)).scalars().all()[:2]
    ids = [1, last // 3, last // 2, last - 7, last]
    return {
        "home": ["/", "/?lang=zh"],
        "story": [f"/story/{big_story}", f"/story/{mixed}", f"/story/{last_story // 2}", f"/story/{last_story}"],
        "entity (person)": ["/entity/new:speaker-7", "/entity/new:speaker-250?lang=zh"],
        "entity (org, ~10% of docs)": ["/entity/nvidia", "/entity/huawei?lang=zh"],
        "forecast ledger": ["/forecasts", "/forecasts?status=due", "/forecasts?status=resolved", "/forecasts?page=40"],
        "search": ["/search?q=semiconductors", "/search?q=芯片", "/search?q=出口管制&filter_lang=zh",
                   "/search?q=data+center&entity=nvidia", "/search?q=memory&since=2030-01-01&until=2030-06-30",
                   "/search?speaker=new:speaker-9", "/search?stance=hawkish&sort=date", "/search?q=AI"],
        "document": [f"/doc/{i}" for i in ids],
        "parallel": [f"/doc/{pair[0]}/parallel/{pair[1]}"] if len(pair) == 2 else [],
        "digest (7d)": ["/digest?since=7d&until=2031-06-30", "/digest?since=30d&until=2030-03-01&lang=zh"],
        "digest.atom": ["/digest.atom"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--db", help="SQLite file (default: a file in the temp folder, reused when complete)")
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.gettempdir()) / f"sinoscope-web-bench-{args.docs}.db")
    engine = open_store(db)
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(documents)).scalar()
    if have != args.docs:
        if have:
            sys.exit(f"{db} holds {have} documents, not {args.docs}: remove it or pass --db")
        print(f"building a {args.docs:,}-document store in {db} ...", file=sys.stderr)
        build(db, args.docs)
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from sinoscope.web.app import create_web_app

    client = TestClient(create_web_app(db, token="bench"))
    print(f"{args.docs:,} documents; {args.rounds} rounds per URL; server-side time through TestClient")
    print(f"{'page type':<28}{'urls':>5}{'first':>9}{'p50':>9}{'p95':>9}{'max':>9}  (ms)")
    worst = 0.0
    for name, urls in pages_to_time(engine).items():
        if not urls:
            continue
        first, timings = [], []
        for url in urls:
            for round_ in range(args.rounds + 1):
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (url, response.status_code)
                (first if round_ == 0 else timings).append(elapsed)
        timings.sort()
        p95 = timings[max(0, math.ceil(len(timings) * 0.95) - 1)]  # nearest rank
        worst = max(worst, p95)
        print(f"{name:<28}{len(urls):>5}{max(first):>9.1f}{statistics.median(timings):>9.1f}{p95:>9.1f}"
              f"{timings[-1]:>9.1f}")
    print(f"worst p95 {worst:.1f} ms: {'within' if worst < BUDGET_MS else 'OVER'} the {BUDGET_MS} ms budget")
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
