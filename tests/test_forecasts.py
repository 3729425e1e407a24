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


def _forecasts(pipeline, body: str, published: str | None = None):
    from sinoscope.claims.forecasts import extract_forecasts

    doc = analyze_text("Sample headline\n\n" + body, pipeline=pipeline)
    if published:
        doc.meta["published"] = published
    else:
        doc.meta.pop("published", None)
    return extract_forecasts(doc, doc.layers["quotes"])


@pytest.mark.parametrize("body", [
    "The fictional Harbor Line railway could be finished within two years.",
    "这条虚构的港湾铁路可能会在两年内完工。",
])
def test_the_articles_own_forecast_is_held_by_the_author(pipeline, body):
    forecasts = _forecasts(pipeline, body, "2025-06-01")
    assert [f.holder_kind for f in forecasts] == ["author"]
    assert forecasts[0].horizon and forecasts[0].due is not None


@pytest.mark.parametrize(("body", "holder"), [
    ("Analysts believe the fictional Orrin Bank will cut its rates next spring.", "Analysts"),
    ("业内人士认为，虚构的星河公司明年的销量将大幅下滑。", "业内人士"),
])
def test_an_unnamed_group_holds_its_forecast(pipeline, body, holder):
    forecasts = _forecasts(pipeline, body)
    assert [(f.holder_kind, f.holder) for f in forecasts] == [("group", holder)]


@pytest.mark.parametrize("body", [
    "Experts noted that the fictional port of Saltmere could double its traffic.",  # a group that only noted
    "We will launch the Ferncroft app in May, said Dara Quill, the fictional founder of Ferncroft.",  # a plan
    "我们计划明年推出新的样例产品，虚构公司创始人林澜说。",  # a plan
    "The fictional Lakeside summit will be held on Monday.",  # a schedule
    "样例峰会将于下周一在虚构的湖滨酒店举行。",  # a schedule
    "Will the fictional Orrin Bank cut its rates again?",  # a question
    "虚构的星河银行下个月是否会再次降息？",  # a question
    "The sample bridge would have cost far less a decade ago.",  # a counterfactual past
    "虚构公司将产品部署到三个样例城市。",  # 将 = 把
    "The fictional town was about to build a second bridge when the money ran out.",  # the past's future
])
def test_what_is_not_a_forecast(pipeline, body):
    assert _forecasts(pipeline, body) == []


@pytest.mark.parametrize(("body", "holder"), [
    ("Corin Abbot, a fictional economist, said the sample currency could lose a tenth of its value.", "Corin Abbot"),
    ("林澜表示，虚构公司的销量可能会在明年翻番。", "林澜"),
])
def test_a_quoted_forecast_is_held_by_its_speaker(pipeline, body, holder):
    forecasts = _forecasts(pipeline, body)
    assert [f.holder for f in forecasts] == [holder]
    assert forecasts[0].holder_kind == "person"


@pytest.mark.parametrize(("body", "start"), [
    ("If the fictional Ferncroft dam fails, the valley towns could flood within hours.", "If the fictional"),
    ("如果样例水坝决堤，下游的城镇可能会被淹没。", "如果样例水坝决堤"),
])
def test_a_conditional_forecast_keeps_its_condition(pipeline, body, start):
    forecasts = _forecasts(pipeline, body)
    assert [f.holder_kind for f in forecasts] == ["author"]
    assert forecasts[0].text.startswith(start)


def test_a_hedge_without_a_number_is_a_low_likelihood():
    assert parse_probability("the sample court is unlikely to rule this year") == (None, None, "low")


def test_dates_come_from_the_page_never_from_today(pipeline):
    body = "The fictional Harbor Line railway could be finished within two years."
    undated = _forecasts(pipeline, body)[0]
    assert undated.horizon == "within two years"
    assert undated.due is None and undated.horizon_basis is None
    dated = _forecasts(pipeline, body, "2025-06-01")[0]
    assert dated.horizon_basis == "published" and dated.due == "2027-06-01"


@pytest.mark.parametrize(("body", "text"), [
    # 对…来说 is "for", not a cue of speech: the sentence is the article's own
    ("对于虚构的样例港来说，预计明年的吞吐量将大幅增长。", "预计明年的吞吐量将大幅增长"),
    # a name in quotation marks is no reported speech
    ("虚构的“星河湾大桥”将会缓解两岸的交通压力。", "虚构的“星河湾大桥”将会缓解两岸的交通压力"),
])
def test_a_chinese_sentence_without_speech_is_the_authors(pipeline, body, text):
    forecasts = _forecasts(pipeline, body)
    assert [(f.holder_kind, f.text) for f in forecasts] == [("author", text)]


def test_a_chinese_plan_gives_way_to_the_forecast_after_it(pipeline):
    body = "虚构的星河公司宣布将举行发布会，分析其新产品的销量可能会在两年内翻番。"
    assert [f.text for f in _forecasts(pipeline, body)] == ["分析其新产品的销量可能会在两年内翻番"]


@pytest.mark.parametrize("body", [
    "虚构的林澜在样例网站上宣布了其将退出乐队的消息。",  # an announced intention is a plan
    "虚构的歌手林澜下周将现身样例电视台的节目。",  # a schedule
])
def test_an_announced_move_is_no_forecast(pipeline, body):
    assert _forecasts(pipeline, body) == []


def test_jiang_after_a_word_ending_in_ming_is_still_will(pipeline):
    # 国名|将有损: the tagger reads 将 as the adverb "will", not 名将 (a famous general)
    forecasts = _forecasts(pipeline, "虚构的样例国更改国名将有损其邻国的利益。")
    assert [f.text for f in forecasts] == ["虚构的样例国更改国名将有损其邻国的利益"]


def test_a_consequence_with_its_own_subject_stands_alone(pipeline):
    body = "虚构的样例镇离震中更近，因此其损失可能会更大。"
    assert [f.text for f in _forecasts(pipeline, body)] == ["因此其损失可能会更大"]


def test_a_repeated_passage_states_its_forecast_once(pipeline):
    body = "虚构的星河公司的销量可能会在明年翻番。\n\n虚构的星河公司的销量可能会在明年翻番。"
    assert len(_forecasts(pipeline, body)) == 1


@pytest.mark.parametrize("body", [
    "虚构的样例监狱负责人林澜说：“我们不会容忍任何暴力行为。”",  # a commitment
    "虚构的议员林澜说：“但我确实会参选。”",  # an intention
])
def test_a_commitment_in_the_first_person_is_no_forecast(pipeline, body):
    assert _forecasts(pipeline, body) == []
