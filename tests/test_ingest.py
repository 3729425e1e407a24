"""`sinoscope ingest`: idempotent, safe to kill -9 and re-run, safe with two ingests at once,
feeds (RSS/Atom) and URL safety. Real subprocesses on real SQLite files."""

from __future__ import annotations

import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sinoscope.cli import main
from sinoscope.store.db import open_store
from sinoscope.store.ingest import Ingestor, IngestSettings
from store_fixtures import ANATOMY, FIXTURES, row_counts

COMPANIES = [("Baidu", "百度"), ("Alibaba", "阿里巴巴"), ("Tencent", "腾讯"), ("Huawei", "华为"), ("Nvidia", "英伟达")]
TOPICS = [("opens a research lab in", "在{city}开设研究实验室"),
          ("cuts prices of its cloud models in", "下调其在{city}的云端模型价格"),
          ("signs a chip supply deal in", "在{city}签署芯片供货协议"),
          ("hires two hundred engineers in", "在{city}招聘两百名工程师")]
CITIES = [("Hangzhou", "杭州"), ("Chengdu", "成都"), ("Suzhou", "苏州"), ("Xi'an", "西安"), ("Hefei", "合肥")]
REPO = Path(__file__).resolve().parents[1]


def _sample_article(n: int) -> str:
    """Generated sample news (fictional events), alternating Chinese and English."""
    (company, company_zh), (topic, topic_zh), (city, city_zh) = (
        COMPANIES[n % 5], TOPICS[(n // 5) % 4], CITIES[(n // 3) % 5])
    day = f"2031-04-{n % 28 + 1:02d}"
    if n % 2:
        return (f"{company_zh}{topic_zh.format(city=city_zh)}(样例{n})\n{day}\n\n"
                f"据样例通讯社报道,{company_zh}本周宣布{topic_zh.format(city=city_zh)},这是第{n}篇测试稿件。\n\n"
                f"公司发言人表示,此举将帮助其在{city_zh}扩大业务,预计投入{n * 3 + 7}亿元。\n\n"
                f"虚构分析人士赵明川认为,地方政府的支持政策是重要原因之一。\n")
    return (f"{company} {topic} {city} (sample {n})\n{day}\n\n"
            f"{company} said this week that it {topic} {city}, according to the Sample Wire, in test article {n}.\n\n"
            f"A company spokesperson said the move would expand its business in {city}, with about {n * 3 + 7} "
            f"million dollars committed.\n\n"
            f"Fictional analyst Rhea Calloway said local government support was one of the main reasons.\n")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for n in range(40):
        (folder / f"page_{n:02d}.txt").write_text(_sample_article(n), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def baseline(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Row counts of one uninterrupted ingest of the 40 pages."""
    engine = open_store(str(tmp_path_factory.mktemp("baseline") / "base.db"))
    ingestor = Ingestor(engine, IngestSettings(pipeline=ANATOMY.split(",")))
    results = list(ingestor.ingest_specs([str(corpus_dir)]))
    assert [r.status for r in results] == ["added"] * 40
    return row_counts(engine)


def _ingest_command(db: Path, *paths: str) -> list[str]:
    return [sys.executable, "-m", "sinoscope", "ingest", *paths, "--db", str(db), "--pipeline", ANATOMY]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def test_reingesting_changes_nothing(corpus_dir: Path, baseline: dict[str, int], tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    pages = [str(p) for p in sorted(corpus_dir.iterdir())[:6]]
    assert main(["ingest", *pages, "--db", str(db), "--pipeline", ANATOMY]) == 0
    engine = open_store(str(db))
    first = row_counts(engine)
    assert first["documents"] == 6
    assert main(["ingest", *pages, "--db", str(db), "--pipeline", ANATOMY]) == 0
    assert row_counts(engine) == first
    # a copy of a page under another name is recognised by its text
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(pages[0]).read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ingest", str(copy), "--db", str(db), "--pipeline", ANATOMY]) == 0
    assert row_counts(engine) == first


def test_kill_9_mid_ingest_then_rerun(corpus_dir: Path, baseline: dict[str, int], tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    process = subprocess.Popen(_ingest_command(db, str(corpus_dir)), env=_env(), cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _documents(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    landed = _documents(db)
    assert 5 <= landed < 40, f"the kill should land mid-ingest (had {landed} documents)"
    with sqlite3.connect(db) as conn:  # every landed document is whole
        orphans = conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                               "(SELECT 1 FROM paragraphs p WHERE p.document_id = d.id) "
                               "OR d.story_id IS NULL").fetchone()[0]
    assert orphans == 0
    rerun = subprocess.run(_ingest_command(db, str(corpus_dir)), env=_env(), cwd=tmp_path,
                           capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{40 - landed} added" in rerun.stderr and "0 failed" in rerun.stderr
    assert row_counts(open_store(str(db))) == baseline


def test_two_concurrent_ingests_of_overlapping_inputs(corpus_dir: Path, baseline: dict[str, int],
                                                      tmp_path: Path) -> None:
    db = tmp_path / "concurrent.db"
    pages = [str(p) for p in sorted(corpus_dir.iterdir())]
    first = subprocess.Popen(_ingest_command(db, *pages[:30]), env=_env(), cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(_ingest_command(db, *reversed(pages[10:])), env=_env(), cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    outputs = [p.communicate(timeout=240)[1] for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    assert all("0 failed" in out for out in outputs), outputs
    counts = row_counts(open_store(str(db)))
    for table in ("documents", "paragraphs", "mentions", "quotes", "figures", "forecasts", "stances",
                  "doc_features", "doc_bands"):
        assert counts[table] == baseline[table], table
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0] == 40
        assert conn.execute("SELECT count(*) FROM documents WHERE story_id IS NULL").fetchone()[0] == 0


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sample Harbor Feed</title><link>https://feed.example/</link>
<item><title>{title}</title><link>https://feed.example/a/1</link><pubDate>Mon, 14 Apr 2031 08:00:00 GMT</pubDate>
<description><![CDATA[{body}]]></description></item>
<item><title>Short entry</title><link>{short_link}</link><description>Only a teaser.</description></item>
</channel></rss>
"""


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = (FIXTURES / "unrelated_en.txt").read_text(encoding="utf-8").replace("\n", "<br>\n")
        page = f"<html><head><title>Sample page</title></head><body><article><p>{body}</p></article></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/story"
    server.shutdown()
    server.server_close()


def _feed(tmp_path: Path, short_link: str) -> Path:
    paragraphs = (FIXTURES / "event_en.txt").read_text(encoding="utf-8").split("\n\n")[1:]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path = tmp_path / "feed.xml"
    path.write_text(RSS.format(title="Huawei unveils Ascend 960", body=body, short_link=short_link), encoding="utf-8")
    return path


def test_feed_full_text_entries_and_private_links(tmp_path: Path, local_server: str,
                                                  capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "feed.db"
    feed = _feed(tmp_path, local_server)
    main(["ingest", str(feed), "--db", str(db), "--no-stories"])
    err = capsys.readouterr().err
    assert "1 added" in err and "non-public address" in err  # loopback link refused by default
    engine = open_store(str(db))
    from sinoscope.store.queries import list_documents

    docs = list_documents(engine)["items"]
    assert docs[0]["outlet"] == "Sample Harbor Feed" and docs[0]["url"] == "https://feed.example/a/1"
    assert docs[0]["published_date"] == "2031-04-14"
    main(["ingest", str(feed), "--db", str(db), "--no-stories", "--allow-private"])
    err = capsys.readouterr().err
    assert "1 added" in err and "1 seen" in err
    assert list_documents(engine)["total"] == 2


def test_watch_once(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    feed = _feed(tmp_path, "ftp://not-fetched.example/x")
    config = tmp_path / "FEEDS.yaml"
    config.write_text(f"interval: 60\nfeeds:\n  - {{url: '{feed}', outlet: Sample Outlet}}\n", encoding="utf-8")
    db = tmp_path / "watch.db"
    assert main(["watch", str(config), "--once", "--db", str(db), "--no-stories"]) == 0
    assert "1 added" in capsys.readouterr().err
    assert main(["watch", str(config), "--once", "--db", str(db), "--no-stories"]) == 0
    assert "0 added" in capsys.readouterr().err


def test_bad_inputs_are_reported_not_fatal(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code = main(["ingest", str(empty), str(binary), str(tmp_path / "missing.txt"), "http://127.0.0.1:9/x",
                 "--db", str(tmp_path / "bad.db"), "--no-stories"])
    err = capsys.readouterr().err
    assert code == 1 and "4 failed" in err
