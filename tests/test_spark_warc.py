"""Reading crawl archives and the job's per-record core, without Spark: a WARC this test writes itself
(sample pages of our own writing: fictional outlets and people), JSONL lines, the skip and failure paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

warcio = pytest.importorskip("warcio")
pytest.importorskip("fastwarc")

from sinoscope.sources.crawl import CrawlRecord, iter_archive, open_archive, read_manifest  # noqa: E402
from spark_samples import CRAWL_DATE, DE_PAGE, EN_OFF_TOPIC, EN_PAGE, PNG, ZH_PAGE, write_warc  # noqa: E402


def test_warc_records_keep_their_offsets_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "sample.warc.gz"
    write_warc(path, [ZH_PAGE, PNG, DE_PAGE], broken_after=0)
    with open_archive(str(path)) as stream:
        records = list(iter_archive(str(path), stream))
    assert [r.url for r in records] == [ZH_PAGE[0], ZH_PAGE[0] + "#broken", PNG[0], DE_PAGE[0]]
    zh, broken, png, de = records
    assert zh.data == ZH_PAGE[2] and zh.content_type == "text/html" and zh.date == CRAWL_DATE
    assert broken.error and broken.data is None
    assert png.skip == "not_html" and png.data is None
    assert de.data == DE_PAGE[2]
    # each offset starts the record's own gzip member: the page can be read back from it alone
    with open(path, "rb") as stream:
        stream.seek(de.offset)
        again = next(iter_archive(str(path), stream))
    assert again.url == DE_PAGE[0] and again.data == DE_PAGE[2]


def test_jsonl_lines_and_manifest(tmp_path: Path) -> None:
    lines = [json.dumps({"url": EN_PAGE[0], "html": EN_PAGE[2].decode()}), "{not json", "",
             json.dumps({"url": "https://x.example/t", "text": "纯文本页面"}), json.dumps({"url": "https://x.example/n"})]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_archive(f"file://{path}") as stream:
        records = list(iter_archive(str(path), stream))
    assert [r.error is None for r in records] == [True, False, True, False]
    assert records[0].content_type == "text/html" and records[0].data == EN_PAGE[2]
    assert records[2].content_type == "text/plain" and records[2].raw_input().data == "纯文本页面".encode()
    assert records[1].offset == len(lines[0]) + 1  # the byte offset of its line
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# archives\npages.jsonl\n\nhttps://data.example/a.warc.gz\n", encoding="utf-8")
    assert read_manifest(manifest) == [str(path), "https://data.example/a.warc.gz"]


def test_unreadable_record_is_a_failure_not_a_crash() -> None:
    from sinoscope.spark.process import PageProcessor

    processor = PageProcessor()
    broken = processor.process(CrawlRecord("a.warc", 0, "https://x.example/", error="not an HTTP response record"))
    assert broken.status == "failed" and broken.counter == "failed"
    binary = processor.process(CrawlRecord("a.warc", 9, "https://x.example/b", data=bytes(range(256)) * 8,
                                           content_type="text/html"))
    assert binary.status == "failed" and binary.reason == "binary"
    german = processor.process(CrawlRecord("a.warc", 20, DE_PAGE[0], data=DE_PAGE[2], content_type="text/html"))
    assert german.status == "skipped" and german.counter == "skipped_language"


def test_kb_only_keeps_pages_that_name_the_knowledge_base() -> None:
    from sinoscope.spark.process import JobSettings, PageProcessor

    processor = PageProcessor(JobSettings(kb_only=True))
    off_topic = processor.process(CrawlRecord("a.warc", 0, EN_OFF_TOPIC[0], data=EN_OFF_TOPIC[2],
                                              content_type="text/html"))
    assert off_topic.status == "skipped" and off_topic.reason == "off_topic"  # declined before the pipeline
    kept = processor.process(CrawlRecord("a.warc", 1, EN_PAGE[0], data=EN_PAGE[2], content_type="text/html",
                                         date=CRAWL_DATE))
    assert kept.status == "kept" and kept.row is not None


def test_an_archive_read_whole_by_hadoop_gives_the_same_rows(tmp_path: Path) -> None:
    """s3a:// and hdfs:// archives reach the partition as bytes (Spark's binaryFiles), not as a stream."""
    from sinoscope.spark.process import JobSettings, PageProcessor, analyse_archives, analyse_blob

    path = tmp_path / "sample.warc.gz"
    write_warc(path, [DE_PAGE, EN_OFF_TOPIC], broken_after=0)
    settings, seen = JobSettings(), []
    streamed = list(analyse_archives([str(path)], settings, seen.append))
    whole = list(analyse_blob(str(path), path.read_bytes(), settings, PageProcessor(settings), seen.append))
    assert len(streamed) == 1 and whole == streamed
    assert seen.count("records_read") == 6 and seen.count("failed") == 2 and seen.count("skipped_language") == 2


def test_readme_documents_every_parquet_column() -> None:
    from sinoscope.spark.schema import DOCUMENT, FACTS, PARTITION_COLUMNS, TRACE

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The Parquet tables"):]
    rows = {line.split("|")[1].strip(" `"): line for line in section.splitlines() if line.startswith("| `")}
    for table, columns in {"documents": DOCUMENT, **FACTS}.items():
        for name, kind in columns:
            assert f"`{name}` {kind}" in rows[table], (table, name)
    assert all(f"`{name}`" in section for name in (*PARTITION_COLUMNS, *(n for n, _ in TRACE)))
