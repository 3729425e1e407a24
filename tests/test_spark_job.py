"""The Spark job on local[2] over WARCs this test writes itself, and the load of its Parquet into the store.

Sample pages of our own writing (tests/spark_samples.py): a Chinese and two English pages, a German
page, an image, a broken record, and JSONL lines (one unreadable). Skips when pyspark or Java is missing.
"""
# ruff: noqa: F811 - pytest fixtures imported from store_fixtures are redefined as parameters

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

for _module in ("pyspark", "pyarrow", "fastwarc", "warcio"):
    pytest.importorskip(_module)
if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
    pytest.skip("Spark needs Java (scripts/system-deps.sh installs it)", allow_module_level=True)

import pyarrow.dataset as ds  # noqa: E402

from sinoscope.analyze import analyze, default_pipeline  # noqa: E402
from sinoscope.cli import main  # noqa: E402
from sinoscope.export.record import to_record  # noqa: E402
from sinoscope.sources.crawl import iter_archive, open_archive  # noqa: E402
from sinoscope.sources.inputs import RawInput  # noqa: E402
from sinoscope.spark.job import JobError, run  # noqa: E402
from sinoscope.spark.rows import fact_rows  # noqa: E402
from sinoscope.spark.schema import FACTS, TABLES, table_columns  # noqa: E402
from spark_samples import CRAWL_DATE, DE_PAGE, EN_OFF_TOPIC, EN_PAGE, PNG, ZH_PAGE, write_warc  # noqa: E402
from store_fixtures import db_url, pg_url, row_counts  # noqa: E402, F401

JSONL_TEXT = "星河日报消息：英伟达今天发布了新一代芯片。分析师周明远表示，国产芯片的差距正在缩小。"
WARC_PAGES = (ZH_PAGE, EN_PAGE, EN_OFF_TOPIC)


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("sinoscope-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def job(spark, tmp_path_factory):
    folder = tmp_path_factory.mktemp("crawl")
    write_warc(folder / "a.warc.gz", [ZH_PAGE, PNG, EN_PAGE], broken_after=1)
    write_warc(folder / "b.warc.gz", [DE_PAGE, EN_OFF_TOPIC])
    lines = [json.dumps({"url": "https://xinghe-daily.example/brief/1", "text": JSONL_TEXT}, ensure_ascii=False),
             "{this line is not JSON"]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = folder / "manifest.txt"
    manifest.write_text("# sample archives\na.warc.gz\nb.warc.gz\nc.jsonl\n", encoding="utf-8")
    out = folder / "out"
    counters = run(spark, str(manifest), str(out), files_per_partition=2)
    return folder, manifest, out, counters


def _table(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def _expected(url: str, content_type: str, body: bytes) -> dict:
    """What `sinoscope analyze` gives for the page fetched from its URL (JSON round trip, as printed)."""
    record = to_record(analyze(RawInput(url, body, content_type=content_type), default_pipeline()))
    return json.loads(json.dumps(record, ensure_ascii=False))


def test_counters_count_every_record(job) -> None:
    counters = job[3]
    # 6 WARC responses (the broken one included) + 2 JSONL lines
    assert counters["records_read"] == 8
    assert counters["kept"] == 4  # zh, en, en off-topic (no --kb-only), the JSONL text
    assert counters["failed"] == 2  # the broken record and the line that is not JSON
    assert counters["skipped_not_html"] == 1 and counters["skipped_language"] == 1
    assert not counters["archives_failed"]
    logged = json.loads(next((job[2] / "_counters").glob("part-*")).read_text())
    assert logged == dict(counters)


def test_rows_equal_sinoscope_analyze(job) -> None:
    out = job[2]
    documents = {row["url"]: row for row in _table(out, "documents")}
    assert set(documents) == {url for url, _, _ in WARC_PAGES} | {"https://xinghe-daily.example/brief/1"}
    facts = {table: _table(out, table) for table in FACTS}
    for url, content_type, body in WARC_PAGES:
        expected = _expected(url, content_type, body)
        row = documents[url]
        assert json.loads(row["record_json"]) == expected
        assert row["lang"] == expected["lang"] and row["title"] == expected["title"]
        assert row["text"] == expected["text"] and row["warc_date"] == CRAWL_DATE
        for table in FACTS:
            names = [name for name, _ in table_columns(table)][5:]  # after partition and trace columns
            got = [tuple(r[n] for n in names) for r in facts[table] if r["content_hash"] == row["content_hash"]]
            assert sorted(got, key=repr) == sorted(fact_rows(table, expected), key=repr), table
    zh = documents[ZH_PAGE[0]]
    mentions = [r for r in facts["mentions"] if r["content_hash"] == zh["content_hash"]]
    assert {"huawei", "nvidia"} <= {m["entity_id"] for m in mentions}
    assert all(zh["text"][m["span_start"]:m["span_end"]] == m["text"] for m in mentions)


def test_partitions_by_language_and_month_and_every_row_traces_back(job) -> None:
    folder, out = job[0], job[2]
    for table in TABLES:
        assert (out / table / "lang=zh" / "month=2026-03").is_dir(), table
    assert (out / "documents" / "lang=en" / "month=2026-03").is_dir()
    assert not list((out / "documents").glob("lang=other*"))
    for row in _table(out, "documents"):
        with open_archive(row["warc_filename"]) as stream:
            stream.seek(row["warc_record_offset"])
            again = next(iter_archive(row["warc_filename"], stream))
        assert again.url == row["url"]
    jsonl = [r for r in _table(out, "documents") if r["warc_filename"].endswith("c.jsonl")]
    assert [(r["warc_record_offset"], r["month"]) for r in jsonl] == [(0, "unknown")]  # undated, uncrawled
    assert str(folder / "a.warc.gz") in {r["warc_filename"] for r in _table(out, "paragraphs")}


def test_an_earlier_output_is_not_overwritten_by_accident(spark, job) -> None:
    with pytest.raises(JobError, match="--overwrite"):
        run(spark, str(job[1]), str(job[2]))


def test_load_is_idempotent_and_places_stories(job, db_url: str, capsys: pytest.CaptureFixture) -> None:
    from sinoscope.store.db import open_store
    from sinoscope.store.ingest import Ingestor, IngestSettings
    from sinoscope.store.parquet_load import load_parquet

    engine = open_store(db_url)
    first = list(load_parquet(Ingestor(engine, IngestSettings()), job[2]))
    assert [r.status for r in first] == ["added"] * 4
    assert all(r.story_id for r in first)
    counts = row_counts(engine)
    assert counts["documents"] == 4 and counts["paragraphs"] == len(_table(job[2], "paragraphs"))
    assert counts["quotes"] == len(_table(job[2], "quotes")) and counts["stories"] >= 1
    assert main(["load", str(job[2]), "--db", db_url]) == 0  # again, from the command line: nothing changes
    assert "0 added, 0 duplicate, 4 seen, 0 failed" in capsys.readouterr().err
    assert row_counts(engine) == counts
    engine.dispose()


def test_an_s3_archive_needs_the_hadoop_connector(spark, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("s3://sample-bucket/crawl-data/CC-NEWS/sample.warc.gz\n", encoding="utf-8")
    with pytest.raises(JobError, match="hadoop-aws"):
        run(spark, str(manifest), str(tmp_path / "out"))
