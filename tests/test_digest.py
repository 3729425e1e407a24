"""`sinoscope digest` and the Atom feed on the sample corpus: sections, links to sources, both languages."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from sinoscope.cli import main
from sinoscope.store.db import open_store
from sinoscope.web.app import create_web_app
from sinoscope.web.digest import build_digest, parse_since, to_html, to_markdown
from web_fixtures import TOKEN, document_id, web_db  # noqa: F401

BASE = "http://digest.test"
ATOM = "{http://www.w3.org/2005/Atom}"


def _digest(capsys: pytest.CaptureFixture, db: str, *args: str) -> str:
    assert main(["digest", "--db", db, "--base-url", BASE, *args]) == 0
    return capsys.readouterr().out


def test_markdown_digest_has_every_section_with_linked_lines(capsys: pytest.CaptureFixture, web_db: str) -> None:  # noqa: F811
    out = _digest(capsys, web_db, "--since", "60d", "--until", "2026-11-10", "--lang", "en", "--format", "md")
    headers = re.findall(r"^## (.+)$", out, re.M)
    assert headers == ["Key points", "Top stories", "New forecasts", "Forecasts due", "Biggest stance shifts",
                       "Blindspots: covered in one language only"]
    bullets = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(bullets) >= 8
    for line in bullets:
        assert re.search(rf"\(\[1\]\({re.escape(BASE)}/(doc|entity|search)", line), line  # every line has a source
    cluster_en = document_id(web_db, "cluster_en.txt")
    assert f"{BASE}/doc/{cluster_en}" in out
    # August (before: catching up) against the window's September (behind) and October (gap narrowing)
    assert "Ilse Marwood: +1.00 → +0.00 (-1.00)" in out
    assert "Eastbridge Courier (" not in out  # a key point is a lead sentence, not the outlet line
    assert "#span-fc-" in out  # forecast lines point at the forecast's span
    assert "\\<script\\>" in out  # page text is escaped for Markdown too


def test_chinese_html_digest(capsys: pytest.CaptureFixture, web_db: str) -> None:  # noqa: F811
    out = _digest(capsys, web_db, "--since", "4w", "--until", "2026-11-10", "--lang", "zh", "--format", "html")
    assert out.startswith("<!doctype html>") and '<html lang="zh-CN">' in out
    assert "<h2>要点</h2>" in out and "<h2>重点报道</h2>" in out and "盲点" in out
    assert "百度武汉推理集群启用" in out  # the story's Chinese title, in the Chinese digest
    assert "<script>window" not in out and "&lt;script&gt;" in out
    assert "New Export Rules" not in out  # September: outside these four weeks


def test_window_limits_what_is_included(web_db: str) -> None:  # noqa: F811
    engine = open_store(web_db)
    digest = build_digest(engine, days=7, until="2026-09-20", lang="en", base_url=BASE)
    titles = [line.text for key, lines in digest.sections if key == "top_stories" for line in lines]
    assert titles == ["New Export Rules Leave Chinese Labs Short of Training Chips"]
    empty = build_digest(engine, days=7, until="2020-01-07", lang="en", base_url=BASE)
    assert empty.empty
    assert "Nothing yet." in to_markdown(empty) and "Nothing yet." in to_html(empty)


def test_atom_feed_of_digests(web_db: str) -> None:  # noqa: F811
    client = TestClient(create_web_app(web_db, token=TOKEN))
    response = client.get("/digest.atom?lang=en")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.text)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 2  # weekly digests, empty weeks left out
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    first = entries[0].find(f"{ATOM}content")
    assert first.get("type") == "html" and "/doc/" in first.text
    assert "要点" in client.get("/digest.atom?lang=zh").text


def test_parse_since() -> None:
    assert parse_since("7d") == 7 and parse_since("2w") == 14 and parse_since("30") == 30
    assert parse_since("soon") == 7 and parse_since("") == 7 and parse_since("0d") == 1
