"""Store benchmark: ingest throughput and search latency on a generated corpus.

Records are synthetic (built directly, not through the NLP pipeline): a zh/en mix with
realistic paragraph lengths, entities, quotes, figures and stances. Each document is
stored in its own transaction, as `sinoscope ingest` does; story grouping (embeddings) is
left out, since it measures the encoder rather than the store.

    .venv/bin/python bench/store_bench.py                 # 100,000 docs on SQLite
    .venv/bin/python bench/store_bench.py --docs 5000     # a quick run
    SINOSCOPE_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/store_bench.py --docs 0 --pg-docs 10000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from sinoscope.store.db import open_store  # noqa: E402
from sinoscope.store.ingest import store_record  # noqa: E402
from sinoscope.store.search import SearchQuery, search  # noqa: E402

COMPANIES = [("nvidia", "Nvidia", "英伟达"), ("huawei", "Huawei", "华为"), ("baidu", "Baidu", "百度"),
             ("alibaba", "Alibaba", "阿里巴巴"), ("tencent", "Tencent", "腾讯"), ("openai", "OpenAI", "OpenAI"),
             ("smic", "SMIC", "中芯国际"), ("cambricon", "Cambricon", "寒武纪"), ("tsmc", "TSMC", "台积电"),
             ("deepseek", "DeepSeek", "深度求索")]
EN_SUBJECTS = ["The company", "Analysts", "Regulators", "Officials in Washington", "Cloud providers", "Investors",
               "Chip designers", "Researchers", "The ministry", "Start-ups"]
EN_VERBS = ["announced", "warned about", "expanded", "delayed", "questioned", "invested in", "tested", "reviewed",
            "criticised", "welcomed"]
EN_OBJECTS = ["new export controls on advanced semiconductors", "a larger data center in the west of the country",
              "training runs for a frontier language model", "a supply deal for high-bandwidth memory",
              "subsidies for domestic accelerators", "an open-source model release", "talent programmes for engineers",
              "rules on generative AI services", "a partnership with a university lab", "prices for inference"]
ZH_SUBJECTS = ["该公司", "分析人士", "监管部门", "业内人士", "云服务商", "投资者", "芯片设计企业", "研究人员",
               "有关部门", "初创企业"]
ZH_VERBS = ["宣布了", "警告了", "扩大了", "推迟了", "质疑了", "投资了", "测试了", "审查了", "批评了", "欢迎了"]
ZH_OBJECTS = ["针对先进半导体的新出口管制措施", "位于西部地区的大型数据中心", "前沿大语言模型的训练计划",
              "高带宽内存的供货协议",
              "国产加速芯片的补贴政策", "一款开源模型的发布", "面向工程师的人才计划", "生成式人工智能服务的管理规定",
              "与高校实验室的合作", "推理服务的价格"]
OUTLETS = [f"Sample Outlet {i}" for i in range(20)] + [f"样例媒体{i}" for i in range(20)]
STANCES = ["hawkish", "dovish", "neutral", "competitive"]


def _sentence(rng: random.Random, zh: bool, company: str) -> str:
    if zh:
        return (f"{rng.choice(ZH_SUBJECTS)}{rng.choice(['本周', '周二', '近日', '上月'])}{rng.choice(ZH_VERBS)}"
                f"{company}{rng.choice(['有关', '涉及', '围绕'])}{rng.choice(ZH_OBJECTS)}"
                f",涉及金额约{rng.randint(2, 900)}亿元。")
    return (f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} at {company} "
            f"{rng.choice(['this week', 'on Tuesday', 'last month', 'in the spring'])}, "
            f"a move worth about {rng.randint(2, 900)} million dollars.")


def synthetic_record(n: int, rng: random.Random) -> dict:
    zh = rng.random() < 0.5
    lang = "zh" if zh else "en"
    key, name, name_zh = rng.choice(COMPANIES)
    company = name_zh if zh else name
    title = _sentence(rng, zh, company)[: 40 if zh else 110]
    paragraphs = [" ".join(_sentence(rng, zh, company) for _ in range(rng.randint(2, 5)))
                  for _ in range(rng.randint(3, 9))]
    parts = [title, *paragraphs]
    starts, offset = [], 0
    for part in parts:
        starts.append(offset)
        offset += len(part) + 2
    full = "\n\n".join(parts)
    at = full.find(company, starts[1])
    published = f"20{rng.randint(29, 31)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {
        "source": f"synthetic-{n}", "lang": lang, "title": title, "published": published, "text": full,
        "body_text": "\n".join(paragraphs), "site_name": rng.choice(OUTLETS[20:] if zh else OUTLETS[:20]),
        "paragraphs": [{"text": p, "lang": lang, "section": "title" if i == 0 else "body", "start": starts[i],
                        "end": starts[i] + len(p)} for i, p in enumerate(parts)],
        "entities": [{"id": key, "name": name, "name_zh": name_zh, "type": "org", "kb_type": "company",
                      "mentions": [{"start": at, "end": at + len(company)}] if at >= 0 else []}],
        "quotes": [{"speaker": f"Sample Speaker {rng.randint(1, 500)}",
                    "speaker_id": f"new:speaker-{rng.randint(1, 500)}",
                    "text": paragraphs[0][:120], "start": starts[1], "end": starts[1] + min(120, len(paragraphs[0]))}],
        "figures": [{"text": "x", "value": float(rng.randint(2, 900)), "unit": "CNY" if zh else "USD",
                     "kind": "amount", "start": starts[1], "end": starts[1] + 5}],
        "stance": {"china_ai": rng.choice(STANCES), "score": round(rng.uniform(-1, 1), 2)},
    }


QUERIES = [
    SearchQuery(q="semiconductors"), SearchQuery(q="data center"), SearchQuery(q="Nvidia export"),
    SearchQuery(q="frontier language model", lang="en"), SearchQuery(q="出口管制"), SearchQuery(q="人工智能服务"),
    SearchQuery(q="寒武纪 数据中心"), SearchQuery(q="芯片"), SearchQuery(q="华为"), SearchQuery(q="AI"),
    SearchQuery(q="subsidies", since="2030-01-01", until="2030-06-30"), SearchQuery(q="开源模型", outlet="样例媒体3"),
    SearchQuery(q="memory", entity="tsmc"), SearchQuery(q="高校", stance="hawkish", lang="zh"),
    SearchQuery(q="talent", sort="date"), SearchQuery(lang="zh", since="2031-01-01"),
    SearchQuery(q="university lab", facets=True), SearchQuery(q="推理", facets=True),
]

# Cross-language search against its peer, the same query searched as typed (expand=False).
CROSS_LANGUAGE = ["Nvidia", "华为", "export controls", "出口管制", "Alibaba", "Nvidia export"]


def ingest(url: str, count: int, seed: int = 1) -> tuple[object, float]:
    engine = open_store(url)
    rng = random.Random(seed)
    started = time.perf_counter()
    for n in range(count):
        store_record(engine, synthetic_record(n, rng))
        if n and n % 10_000 == 0:
            print(f"  {n:,} documents, {n / (time.perf_counter() - started):.0f} docs/s", file=sys.stderr)
    return engine, count / (time.perf_counter() - started)


def measure_search(engine: object, rounds: int) -> dict[str, float]:
    timings: list[float] = []
    worst: dict[str, float] = {}
    for query in QUERIES:  # one warm-up pass: the first query pays for loading pages from disk
        search(engine, query)
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            search(engine, query)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            label = f"{query.q or '-'} {query.lang or ''}{query.outlet or ''}{query.entity or ''}".strip()
            worst[label] = max(worst.get(label, 0.0), elapsed)
    timings.sort()
    slowest = sorted(worst.items(), key=lambda kv: -kv[1])[:4]
    print("  slowest queries (ms): " + ", ".join(f"{k!r} {v:.1f}" for k, v in slowest))
    return {"p50": statistics.median(timings), "p95": timings[int(len(timings) * 0.95) - 1], "n": len(timings)}


def measure_expansion(engine: object, rounds: int) -> None:
    """Median time of each cross-language query, expanded and as typed, and their ratio."""
    for q in CROSS_LANGUAGE:
        times: dict[bool, list[float]] = {True: [], False: []}
        totals = {}
        for expand in (True, False):
            totals[expand] = search(engine, SearchQuery(q=q, expand=expand))["total"]  # warm-up
        for _ in range(rounds):
            for expand in (True, False):
                started = time.perf_counter()
                search(engine, SearchQuery(q=q, expand=expand))
                times[expand].append((time.perf_counter() - started) * 1000)
        on, off = statistics.median(times[True]), statistics.median(times[False])
        print(f"  {q!r}: expanded {on:.1f} ms ({totals[True]} hits) vs as typed {off:.1f} ms ({totals[False]} hits), "
              f"ratio {on / off:.2f}")


def run(label: str, url: str, count: int, rounds: int) -> None:
    print(f"{label}: ingesting {count:,} synthetic documents (one transaction each)...")
    engine, rate = ingest(url, count)
    print(f"  ingest: {rate:,.0f} docs/s")
    result = measure_search(engine, rounds)
    print(f"  search over {len(QUERIES)} queries x {rounds} rounds ({result['n']} runs): "
          f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms")
    measure_expansion(engine, rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="SQLite corpus size (0 to skip)")
    parser.add_argument("--pg-docs", type=int, default=10_000, help="PostgreSQL corpus size, if the env var is set")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--db", help="keep the SQLite corpus here (default: a temporary folder); "
                                     "if it exists, only search is measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinoscope-bench-") as folder:
        if args.db and Path(args.db).exists():
            print(f"SQLite: reusing {args.db} (search only)")
            result = measure_search(open_store(args.db), args.rounds)
            print(f"  search over {len(QUERIES)} queries x {args.rounds} rounds ({result['n']} runs): "
                  f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms")
            measure_expansion(open_store(args.db), args.rounds)
        elif args.docs:
            db = Path(args.db) if args.db else Path(folder) / "bench.db"
            run("SQLite", str(db), args.docs, args.rounds)
            print(f"  database size: {db.stat().st_size / 1e6:,.0f} MB")
    server = os.environ.get("SINOSCOPE_TEST_PG_URL")
    if server and args.pg_docs:
        url = make_url(server.replace("postgresql://", "postgresql+psycopg://", 1))
        name = f"sinoscope_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run("PostgreSQL", url.set(database=name).render_as_string(hide_password=False), args.pg_docs, args.rounds)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    elif args.pg_docs:
        print("PostgreSQL: skipped (set SINOSCOPE_TEST_PG_URL to measure it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
