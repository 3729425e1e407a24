"""Bad input never crashes: each bad page becomes an error object with a clear message (or a
clean result), the other inputs carry on, and the command exits 1 when any input failed."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sinoscope.analyze import AnalysisError, analyze
from sinoscope.doc import Doc
from sinoscope.pipeline import Pipeline
from sinoscope.sources.inputs import RawInput, iter_inputs, read_file

SAMPLES = Path(str(resources.files("sinoscope") / "samples"))
ANATOMY = "segment,language,furniture,header,sections,bilingual"
GOOD_EN = SAMPLES / "lingxi_launch_en.txt"
GOOD_ZH = SAMPLES / "lingxi_launch_zh.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
BODY = "<p>Chinese labs are moving more training onto domestic accelerators, engineers at three companies said.</p>"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(ANATOMY.split(","))


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sinoscope", "analyze", "--pipeline", ANATOMY, *args],
                          input=stdin, capture_output=True, timeout=300)


def records_of(stdout: bytes) -> dict[str, dict]:
    records = [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]
    return {Path(r["source"]).name if "://" not in r["source"] else r["source"]: r for r in records}


# --- one input at a time, in process -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "kind"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n\xe3\x80\x80\n", "empty"),
    ("image.png", PNG + os.urandom(2048), "binary"),
    ("nul.txt", b"text with a NUL\x00 byte in the middle of it", "binary"),
    ("no-body.html", b"<html><head><title>Only a head</title></head></html>", "html"),
    ("empty-body.html", b"<!doctype html><html><head></head><body>   </body></html>", "html"),
    ("deep.html", b"<html><body>" + b"<div>" * 100_000 + BODY.encode() + b"</div>" * 100_000 + b"</body></html>",
     "html"),
    ("huge-attribute.html",
     b'<html><body><p title="' + b"A" * 5_000_000 + b'">' + BODY.encode() + b"</p></body></html>", "too_large"),
])
def test_bad_page_gives_a_clear_error(pipeline: Pipeline, name: str, data: bytes, kind: str) -> None:
    result = analyze(RawInput(name, data), pipeline)
    assert isinstance(result, AnalysisError), result
    assert result.kind == kind and result.source == name
    assert result.message and "Traceback" not in result.message
    assert result.to_dict() == {"source": name, "error": {"kind": kind, "message": result.message}}


def test_broken_utf8_is_read_with_a_replacement_mark(pipeline: Pipeline) -> None:
    data = "国产加速卡的软件生态仍在追赶,".encode() + b"\xff" + b" and the English half carries on."
    doc = analyze(RawInput("broken.txt", data), pipeline)
    assert isinstance(doc, Doc)
    assert "国产加速卡" in doc.text and "English half carries on" in doc.text and "\ufffd" in doc.text
    assert doc.encoding.startswith("utf-8")


def test_broken_utf8_with_a_few_bad_bytes_stays_utf8(pipeline: Pipeline) -> None:
    data = "国产加速卡的软件生态仍在追赶,".encode() + b"\xff\xfe\xc3" + b" and the English half carries on."
    doc = analyze(RawInput("broken.txt", data), pipeline)
    assert isinstance(doc, Doc)
    assert "国产加速卡" in doc.text and "English half carries on" in doc.text and "\ufffd" in doc.text
    assert doc.encoding.startswith("utf-8")


def test_large_attribute_is_blanked_and_the_page_still_read(pipeline: Pipeline) -> None:
    data = (b'<html><body><img src="data:image/png;base64,' + b"Q" * 1_000_000 + b'">' + BODY.encode() * 3
            + b"</body></html>")
    doc = analyze(RawInput("data-uri.html", data), pipeline)
    assert isinstance(doc, Doc)
    assert "domestic accelerators" in doc.body_text and "QQQQ" not in doc.text


def test_many_scripts_are_dropped(pipeline: Pipeline) -> None:
    scripts = "".join(f"<script>var tracker{i} = 'payload{i}';</script>" for i in range(3000))
    html = f"<html><head><title>Export rules</title></head><body>{scripts}{BODY * 3}</body></html>"
    doc = analyze(RawInput("scripts.html", html.encode()), pipeline)
    assert isinstance(doc, Doc)
    assert "domestic accelerators" in doc.body_text
    assert "payload" not in doc.text and "tracker" not in doc.text


def test_deeply_nested_inline_tags_give_a_clean_result(pipeline: Pipeline) -> None:
    data = b"<html><body>" + b"<span>" * 100_000 + b"Unclosed inline tags around one line of text." + b"</body></html>"
    result = analyze(RawInput("spans.html", data), pipeline)
    assert isinstance(result, (Doc, AnalysisError))
    if isinstance(result, Doc):
        assert "Unclosed inline tags" in result.text


def test_size_caps_for_plain_and_gzipped_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("chips " * 50_000, encoding="utf-8")
    raw = read_file(big, max_bytes=100_000)
    assert (raw.ok, raw.error_kind) == (False, "too_large") and "size cap" in raw.error
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert bomb.stat().st_size < 100_000  # small on disk, large once inflated
    raw = read_file(bomb, max_bytes=100_000)
    assert (raw.ok, raw.error_kind) == (False, "too_large") and "decompressed" in raw.error
    small = tmp_path / "ok.txt.gz"
    small.write_bytes(gzip.compress(GOOD_EN.read_bytes()))
    assert read_file(small, max_bytes=100_000).data == GOOD_EN.read_bytes()


def test_missing_path(tmp_path: Path) -> None:
    missing = read_file(tmp_path / "nope.txt")
    assert (missing.ok, missing.error_kind) == (False, "not_found")


def test_corrupt_gzip_is_an_error_not_an_exception(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.txt.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    assert read_file(corrupt).error_kind == "unreadable"


@pytest.mark.parametrize("url", ["ftp://example.com/page.html", "file:///etc/passwd", "gopher://example.com/"])
def test_non_http_schemes_are_refused(url: str) -> None:
    (raw,) = iter_inputs([url])
    assert (raw.ok, raw.error_kind) == (False, "refused") and "http" in raw.error


def test_loopback_url_refused_without_allow_private() -> None:
    (raw,) = iter_inputs([f"http://127.0.0.1:{closed_port()}/page.html"])
    assert (raw.ok, raw.error_kind) == (False, "fetch")
    assert "non-public" in raw.error


def test_closed_port_gives_a_fetch_error_with_allow_private() -> None:
    port = closed_port()
    (raw,) = iter_inputs([f"http://127.0.0.1:{port}/page.html"], allow_private=True)
    assert (raw.ok, raw.error_kind) == (False, "fetch")
    assert "cannot fetch" in raw.error and str(port) in raw.error


# --- a batch through the command line ---------------------------------------------------------------------

def test_mixed_batch_reports_each_bad_input_and_carries_on(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_good_en.txt").write_bytes(GOOD_EN.read_bytes())
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(PNG + os.urandom(1024))
    (folder / "d_no_body.html").write_bytes(b"<html><head><title>x</title></head></html>")
    (folder / "e_deep.html").write_bytes(b"<html><body>" + b"<div>" * 100_000 + BODY.encode() + b"</body></html>")
    (folder / "f_big.txt").write_bytes(b"chips " * 250_000)
    (folder / "g_bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    (folder / "h_good_zh.txt.gz").write_bytes(gzip.compress(GOOD_ZH.read_bytes()))
    (folder / "notes.bin").write_bytes(b"ignored: not a page suffix")
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    loopback = f"http://127.0.0.1:{closed_port()}/page.html"
    result = run_cli(str(folder), str(png), str(tmp_path / "missing.txt"), "ftp://example.com/x.html", loopback,
                     "--max-bytes", "1000000")
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert result.returncode == 1
    records = records_of(result.stdout)
    errors = {name: r["error"]["kind"] for name, r in records.items() if "error" in r}
    assert errors == {"b_empty.txt": "empty", "c_binary.txt": "binary", "d_no_body.html": "html",
                      "e_deep.html": "html", "f_big.txt": "too_large", "g_bomb.txt.gz": "too_large",
                      "photo.png": "binary", "missing.txt": "not_found", "ftp://example.com/x.html": "refused",
                      loopback: "fetch"}
    assert "non-public" in records[loopback]["error"]["message"]
    assert records["a_good_en.txt"]["title"].startswith("Shenzhen Start-up Lingxi Semiconductor")
    assert records["h_good_zh.txt.gz"]["published"] == "2026-03-18"
    assert "notes.bin" not in records
    for name in errors:  # every failure is named on stderr, one line each
        assert f": {records[name]['error']['message']}" in stderr


def test_all_good_batch_exits_zero_with_quiet_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from sinoscope.cli import main

    assert main(["analyze", "--pipeline", ANATOMY, str(GOOD_EN), str(GOOD_ZH)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert [json.loads(line)["published"] for line in out.splitlines()] == ["2026-03-18", "2026-03-18"]


def test_one_failed_fetch_makes_the_exit_status_one(capsys: pytest.CaptureFixture[str]) -> None:
    from sinoscope.cli import main

    url = f"http://127.0.0.1:{closed_port()}/"
    assert main(["analyze", "--pipeline", ANATOMY, "--allow-private", str(GOOD_EN), url]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert "error" not in records[0] and records[1]["error"]["kind"] == "fetch"
    assert f"sinoscope: {url}: cannot fetch" in err
