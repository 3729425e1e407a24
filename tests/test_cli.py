"""The `sinoscope analyze` command: folders, formats, --out, stdin, many inputs in one call."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sinoscope.cli import main

SAMPLES = Path(str(resources.files("sinoscope") / "samples"))
ANATOMY = "segment,language,furniture,header,sections,bilingual"
PAGES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a copy of the sample pages only (no README, no feed)."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in PAGES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def analyze_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["analyze", "--pipeline", ANATOMY, *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_python_dash_m_on_a_folder_writes_jsonl_to_out(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = subprocess.run([sys.executable, "-m", "sinoscope", "analyze", str(corpus), "--format", "jsonl",
                             "--out", str(out), "--pipeline", ANATOMY], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b"" and result.stderr == b""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == PAGES  # one record per page, in sorted order
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["translation_site_pairs.txt"]["translator"] == "青柠慢译"
    assert by_name["zh_article_gb18030.html"]["encoding"] == "gb18030"
    for record in (r for r in records if r["title"] and r["format"] == "text"):
        start, end = record["meta_spans"]["title"]
        assert record["text"][start:end] == record["title"]


def test_json_format_is_one_valid_array(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    names = ("aggregator_bilingual_comments.txt", "lingxi_launch_en.txt", "lingxi_launch_zh.txt")
    status, out, err = analyze_cli(capsys, *(str(corpus / n) for n in names), "--format", "json")
    assert (status, err) == (0, "")
    records = json.loads(out)
    assert isinstance(records, list) and len(records) == 3
    assert {r["lang"] for r in records} == {"en", "zh", "mixed"}


def test_md_format_to_out_file_escapes_page_markup(capsys: pytest.CaptureFixture[str], corpus: Path,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    status, stdout, err = analyze_cli(capsys, str(corpus / "en_article.html"), str(corpus / "zh_news_related_rail.txt"),
                                      "--format", "md", "--out", str(out))
    assert (status, stdout, err) == (0, "", "")
    report = out.read_text(encoding="utf-8")
    assert "## Export Rules Push Chinese Labs Toward Home-Grown Chips" in report
    assert "## 算力受限之下,中国大模型团队把力气花在推理效率上" in report
    assert "alert(1)" in report and "<script>" not in report  # page text shown, never as live markup
    assert "Dmitri Okafor" in report


def test_no_text_leaves_the_original_out(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    status, out, _ = analyze_cli(capsys, str(corpus / "lingxi_launch_en.txt"), "--no-text")
    assert status == 0
    record = json.loads(out)
    assert "text" not in record and record["title"].startswith("Shenzhen Start-up")


def test_stdin_dash(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    page = (SAMPLES / "aggregator_bilingual_comments.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
    status, out, err = analyze_cli(capsys, "-")
    assert (status, err) == (0, "")
    record = json.loads(out)
    assert record["source"] == "-"
    assert record["published"] == "2026-03-11" and len(record["comments"]) == 6


def test_empty_stdin_is_an_error_record(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    status, out, err = analyze_cli(capsys, "-")
    assert status == 1
    assert json.loads(out) == {"source": "-", "error": {"kind": "empty", "message": "input is empty"}}
    assert err.startswith("sinoscope: -: ")


def test_many_inputs_in_one_call_keep_their_order(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    names = ["zh_wechat_blog.txt", "lingxi_launch_en.txt", "en_article.html", "lingxi_launch_zh.txt",
             "zh_hant_taiwan.txt"]
    status, out, err = analyze_cli(capsys, *(str(corpus / n) for n in names), str(corpus / "lingxi_launch_en.txt"))
    assert (status, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in records] == [*names, "lingxi_launch_en.txt"]
    assert records[1] == records[-1]  # the same page twice gives the same record
    assert records[2]["format"] == "html" and records[0]["format"] == "text"


def test_the_bundled_samples_folder_analyses_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = analyze_cli(capsys, str(SAMPLES))
    assert (status, err) == (0, "")
    sources = {Path(json.loads(line)["source"]).name for line in out.splitlines()}
    assert set(PAGES) <= sources and "feed.xml" not in sources


def test_unknown_pipeline_component_is_a_usage_error(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    try:
        status = main(["analyze", "--pipeline", "segment,no_such_stage", str(corpus / "lingxi_launch_en.txt")])
    except SystemExit as exit_:
        status = exit_.code
    assert status == 2
    assert "unknown pipeline component" in capsys.readouterr().err


def test_missing_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["analyze"])
    assert excinfo.value.code == 2
    assert "usage" in capsys.readouterr().err
