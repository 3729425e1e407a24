"""Span highlighting: any mix of nested, crossing and out-of-range spans gives balanced markup that keeps
the text exactly, with each anchor once, on the piece where its span starts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoscope.web.charts import stance_chart
from sinoscope.web.highlight import Mark, marks_from, tokens
from sinoscope.web.i18n import STRINGS, pick_language, translator

KINDS = ("quote", "forecast", "figure", "entity")


def _check(text: str, start: int, end: int, marks: list[Mark]) -> list[tuple]:
    out = tokens(text, start, end, marks)
    assert "".join(tok[1] for tok in out if tok[0] == "t") == text[start:end]
    depth = 0
    for tok in out:
        depth += {"o": 1, "c": -1}.get(tok[0], 0)
        assert depth >= 0
    assert depth == 0
    anchors = [tok[2] for tok in out if tok[0] == "o" and tok[2]]
    assert len(anchors) == len(set(anchors))
    return out


def test_nested_and_crossing_spans() -> None:
    text = "Ilse said China is catching up fast, she added."
    quote = Mark(10, 35, "quote", 1)
    name = Mark(10, 15, "entity", 2)
    forecast = Mark(19, 46, "forecast", 3)  # starts inside the quote, ends after it
    out = _check(text, 0, len(text), [forecast, name, quote])
    opens = [tok for tok in out if tok[0] == "o"]
    assert [o[2] for o in opens] == ["span-q-1", "span-m-2", "span-fc-3", ""]  # the forecast's tail has no anchor
    assert opens[0][1] == "hl hl-quote"


def test_spans_outside_the_region_or_invalid_are_ignored() -> None:
    document = {"text": "abc", "quotes": [{"id": 1, "start": 0, "end": 9}, {"id": 2, "start": 2, "end": 1},
                                          {"id": 3, "start": None, "end": 2}, {"id": 4, "start": 0, "end": 2}]}
    assert [m.row_id for m in marks_from(document)] == [4]
    assert tokens("abc", 0, 3, []) == [("t", "abc")]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40),
                                                             st.sampled_from(KINDS)), max_size=12),
       st.integers(0, 40), st.integers(0, 40))
def test_any_spans_render_balanced(text: str, spans: list, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    marks = [Mark(min(s, e), max(s, e), kind, i) for i, (s, e, kind) in enumerate(spans) if s != e]
    _check(text, start, end, marks)


def test_every_interface_string_exists_in_both_languages() -> None:
    for key, (en, zh) in STRINGS.items():
        if key != "sample_notice":
            assert en.strip() and zh.strip(), key
    assert translator("zh")("results", n=3) == "3 条结果"
    assert pick_language("xx", "zh", None) == "zh" and pick_language(None, None, "zh-TW") == "zh"
    assert pick_language("en", "zh", "zh") == "en" and pick_language(None, "<b>", None) == "en"


def test_stance_chart_places_points_by_month_and_score() -> None:
    chart = stance_chart([("own", "own", [{"month": "2026-08", "mean_score": 1.0, "count": 1},
                                          {"month": "2026-09", "mean_score": -1.0, "count": 2},
                                          {"month": None, "mean_score": 0.5, "count": 1}]),
                          ("coverage", "coverage", [])])
    own = chart.series[0].points
    assert [p.label for p in own] == ["2026-08", "2026-09"]
    assert own[0].y < chart.zero_y < own[1].y and own[0].x < own[1].x
    assert chart.series[0].path.startswith("M") and not chart.empty
    assert stance_chart([("x", "x", [])]).empty
