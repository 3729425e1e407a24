"""Forecasts: holder, probability and horizon (sample sentences; people are fictional)."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.forecasts import parse_horizon, parse_probability
from sinoscope.pipeline import Pipeline

BASE = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_less_than_is_an_upper_bound():
    assert parse_probability("the chance of a breakthrough is less than 20%") == (
        {"low": 0.0, "high": 0.2}, "upper", None)
    assert parse_probability("突破的概率不到20%") == ({"low": 0.0, "high": 0.2}, "upper", None)
    assert parse_probability("a 30% chance of a deal")[0] == 0.3
    assert parse_probability("至少六成把握")[0] is None  # no percent figure: no number invented
    assert parse_probability("这不太可能发生") == (None, None, "low")


def test_horizons_become_dates():
    h = parse_horizon("in the next three to five years", BASE)
    assert (h["start"], h["end"]) == (dt.date(2028, 6, 1), dt.date(2030, 6, 1))
    h = parse_horizon("未来五年内", BASE)
    assert h["horizon"] == "未来五年内" and h["start"] == BASE and h["end"] == dt.date(2030, 6, 1)
    h = parse_horizon("by 2030", BASE)
    assert h["end"] == dt.date(2030, 12, 31)
    assert parse_horizon("no time words here", BASE) is None


def test_quoted_forecast_with_probability_and_dates(pipeline):
    text = ("Sample headline\n\n"
            "Pella Warrick, a fictional analyst, said the odds of any startup overtaking the largest labs "
            "within five years are less than 20%.")
    doc = analyze_text(text, pipeline=pipeline)
    doc.meta["published"] = "2025-06-01"
    from sinoscope.claims.forecasts import extract_forecasts

    forecasts = extract_forecasts(doc, doc.layers["quotes"])
    assert len(forecasts) == 1
    fc = forecasts[0]
    assert fc.holder == "Pella Warrick"
    assert fc.probability == {"low": 0.0, "high": 0.2} and fc.bound == "upper"
    assert fc.horizon_basis == "published" and fc.horizon_end == "2030-06-01" and fc.due == fc.horizon_end


def test_chinese_strong_claim_without_number(pipeline):
    text = "样例标题\n\n在样例峰会上，钟奕铭直接说“中国将赢得这场AI竞赛”。"
    forecasts = analyze_text(text, pipeline=pipeline).layers["forecasts"]
    assert [f.holder for f in forecasts] == ["钟奕铭"]
    assert forecasts[0].probability is None


def test_a_bare_will_is_not_a_forecast(pipeline):
    text = ("Sample headline\n\n"
            "Corin Abbot said the team will meet again on Tuesday to discuss the menu.")
    assert analyze_text(text, pipeline=pipeline).layers["forecasts"] == []
