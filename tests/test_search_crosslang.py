"""Search across languages: a KB name in one language finds pages naming the entry in the other, on
SQLite and PostgreSQL; results say which form matched; snippets cut at word boundaries and carry the
offsets of their hits. The records are sample data written for these tests."""

# ruff: noqa: F811 - pytest fixtures imported from store_fixtures are redefined as parameters
from __future__ import annotations

import re

import pytest

from sinoscope.store.db import open_store
from sinoscope.store.ingest import store_record
from sinoscope.store.search import SearchQuery, search
from sinoscope.store.search_terms import expand_terms
from sinoscope.store.snippets import parts, snippet
from store_fixtures import db_url, pg_url, sample_record  # noqa: F401 - pytest fixtures

PAGES = {
    "zh-export": ("样例：出口管制收紧 英伟达芯片难进国内",
                  "虚构报道：美国本月收紧出口管制，英伟达的训练芯片难以进入国内数据中心。阿里巴巴表示将改用国产加速卡。"),
    "en-alibaba": ("Sample: Alibaba cuts model prices",
                   "In this sample report, Alibaba cut the price of its hosted model by a third."),
    "en-controls": ("Sample: new export controls reach older chips",
                    "Officials widened export controls on Nvidia accelerators, this sample report says."),
    "zh-bytes": ("样例：存储价格", "每个字节的存储成本下降了一半，虚构分析师说。"),
}


def _store(engine, key: str, lang: str, n: int) -> None:  # noqa: ANN001 - sqlalchemy Engine
    record = sample_record(n, lang)
    title, body = PAGES[key]
    record.update(source=f"{key}.txt", title=title, body_text=body, entities=[], quotes=[], figures=[],
                  forecasts=[])
    store_record(engine, record)


@pytest.fixture
def engine(db_url: str):  # noqa: ANN201
    engine = open_store(db_url)
    for n, key in enumerate(PAGES):
        _store(engine, key, key[:2], n)
    return engine


def _titles(engine, q: str, **kw: object) -> set[str]:  # noqa: ANN001
    return {hit["title"] for hit in search(engine, SearchQuery(q=q, **kw))["results"]}


def test_an_english_name_finds_the_chinese_page_and_back(engine) -> None:  # noqa: ANN001
    zh, en = PAGES["zh-export"][0], PAGES["en-alibaba"][0]
    assert _titles(engine, "Alibaba") == {zh, en}
    assert _titles(engine, "阿里巴巴") == {zh, en}
    assert zh in _titles(engine, "Nvidia") and PAGES["en-controls"][0] in _titles(engine, "英伟达")
    assert _titles(engine, "Alibaba", expand=False) == {en}  # as typed, when asked


def test_a_concept_crosses_languages_as_a_phrase(engine) -> None:  # noqa: ANN001
    both = {PAGES["zh-export"][0], PAGES["en-controls"][0]}
    assert _titles(engine, "export controls") == both
    assert _titles(engine, "出口管制") == both
    assert _titles(engine, '"export controls"') == both
    assert _titles(engine, "export controls Nvidia") == both  # each group must match, in any form
    assert _titles(engine, "export controls prices") == set()


def test_results_say_which_form_matched_and_where(engine) -> None:  # noqa: ANN001
    result = search(engine, SearchQuery(q="Alibaba"))
    assert result["expansions"][0]["term"] == "Alibaba" and "阿里巴巴" in result["expansions"][0]["forms"]
    by_lang = {hit["lang"]: hit for hit in result["results"]}
    zh = by_lang["zh"]
    assert zh["matched"] == [{"term": "Alibaba", "form": "阿里巴巴", "entity_ids": ["alibaba"], "as_typed": False}]
    assert by_lang["en"]["matched"][0]["as_typed"] is True
    assert [zh["snippet"][s:e] for s, e in zh["highlights"]] == ["阿里巴巴"]


def test_an_ambiguous_form_is_searched_only_when_typed(engine) -> None:  # noqa: ANN001
    """字节 names ByteDance only in context: a search for ByteDance must not find every page saying 字节."""
    assert PAGES["zh-bytes"][0] not in _titles(engine, "ByteDance")
    groups = expand_terms(["export", "controls"])
    assert len(groups) == 1 and {"export controls", "出口管制"} <= set(groups[0].forms)


def test_plain_terms_are_unchanged() -> None:
    groups = expand_terms(["quantum", "芯片"])
    assert [(g.text, g.forms) for g in groups] == [("quantum", ("quantum",)), ("芯片", ("芯片",))]


def test_snippets_cut_between_words_and_mark_the_hits() -> None:
    words = " ".join(f"word{i:03d}" for i in range(200))
    body = words[:700] + " Nvidia chips " + words[700:]
    text, spans = snippet(body, ["Nvidia"])
    assert text.startswith("…") and text.endswith("…")
    first, last = text[1:].split()[0], text[:-1].split()[-1]
    assert re.fullmatch(r"word\d{3}", first) and re.fullmatch(r"word\d{3}", last)
    assert [text[s:e] for s, e in spans] == ["Nvidia"]
    assert ("Nvidia", True) in parts(text, spans)
    chinese = "国产" * 60 + "英伟达" + "芯片" * 60
    text, spans = snippet(chinese, ["英伟达"])
    assert [text[s:e] for s, e in spans] == ["英伟达"] and len(text) <= 170


def test_a_short_latin_form_is_not_highlighted_inside_a_word() -> None:
    text, spans = snippet("She said the AI lab grew.", ["AI"])
    assert [text[s:e] for s, e in spans] == ["AI"] and spans[0][0] == text.index("AI lab")
