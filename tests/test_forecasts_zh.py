"""Chinese forecasts: the words of the future that tell something else, plans, and several forecasts in one
sentence (sample sentences of our own writing; places, firms and people are fictional)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.forecast_cues import zh_is_plan, zh_markers
from sinoscope.claims.forecasts import extract_forecasts
from sinoscope.claims.forecasts_zh import romanised
from sinoscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _forecasts(pipeline, body: str):
    doc = analyze_text("样例标题\n\n" + body, pipeline=pipeline)
    doc.meta.pop("published", None)
    return extract_forecasts(doc, doc.layers["quotes"])


@pytest.mark.parametrize("sentence", [
    "虚构的样例工厂每20分钟便会向码头送出一批零件。",  # a habit
    "样例法院过去会很快作出裁决。",  # a past habit
    "学员在看到样例地图时会想起自己的家乡。",  # whenever
    "在学员交了学费后，他便会向学员出示课程表。",  # whenever, the clause before
    "昨晚可能超过一万人收看了这场虚构的比赛。",  # a guess about the past
    "他缺席可能由于身体不适。",  # a guess about a cause
    "样例国的经济可能正处在转折点上。",  # a guess about the present
    "虚构的委员会讨论了撤换主席的可能性。",  # the noun, without a number
    "样例公司对供应链可能遭受的风险表示担忧。",  # an attribute
    "这是世界上首台将由机器人组装的样例汽车。",  # an attribute after "the first"
    "“真正的高手是根本不会用这种球拍的！”",  # an emphatic general truth
    "盒子上印着英文单词“impossible”(不可能)。",  # a gloss
    "他对判决结果也有心理预期。",  # the noun 预期
    "这意味着她的未来还有更多可能。",  # possibilities
    "熬夜会打乱你的生物钟。",  # a general truth told to "you"
    "医生可以将切除的范围扩大。",  # 将 = 把 after a modal
    "如果将去年的水平看成100，今年就是120。",  # 将 = 把 before 看成
    "如果不是有政府补贴，没有工厂会愿意多生产。",  # a counterfactual condition
    "我没想到他会来。",  # the past's surprise
    "迄今为止该组织预计已筹得的资金惠及了三万人。",  # an estimate of what was done
    "只要衣服一离身，就会出现破洞。",  # as long as: what happens whenever
    "当潮水退去时，礁石会露出海面。",  # 当…时: whenever
    "人们会在节日里给邻居送去月饼。",  # a generic subject: people at large
    "“一位好的园丁会先了解土壤的脾性。”",  # an indefinite subject: any good gardener
    "显然这种饮食习惯会损害孩子的牙齿。",  # a kind ("this kind of habit"): a general truth
])
def test_a_chinese_word_of_the_future_that_tells_something_else(sentence):
    assert zh_markers(sentence) == []


@pytest.mark.parametrize("sentence", [
    "这样员工每年的股息收入将达到500元。",  # 每年 with 将: a rate ahead, not a habit
    "样例港的吞吐量可能会在两年内翻番。",
    "虚构的样例党不会在没有调查的情况下投票。",  # 党|不会 is no 党会
    "但这种不满可能会在选举前蔓延开来。",  # a kind's noun, hedged: a forecast
    "这种不满会越来越强烈。",  # a trend ahead, not a general truth
    "一个月后样例公司会公布调查结果。",  # 一个月: a time, not an indefinite subject
])
def test_a_chinese_forecast_keeps_its_marker(sentence):
    assert zh_markers(sentence) != []


@pytest.mark.parametrize("clause", [
    "虚构的样例队将于周日在海港城迎战蓝鸟队",  # a schedule
    "其间样例市长将在北港和南湾停留",  # a schedule
    "她明年将竞选连任",  # an intention
    "他将在全校推广这门课程",  # an intention
    "样例公司将关闭其在北港的工厂",  # a firm's own plan
    "该机构已保证不会干预谈判的结果",  # a promise
    "样例镇的科学家们将在湖滨花园对两种蝙蝠",  # an arranged study
    "因此样例超市将大规模进军美妆市场",  # a firm's move
    "林澜将成为样例百货的品牌形象大使",  # an appointment
    "剩余的厂房如何使用，将由两家样例公司进行协商",  # who will do it
    "因此样例调查局下周将会调查这些指控",  # when it is done
])
def test_a_chinese_schedule_or_intention_is_a_plan(clause):
    assert zh_is_plan(clause)


@pytest.mark.parametrize("clause", [
    "预期样例议会会在周五之前进行首轮投票",  # an arrangement someone expects
    "计划于今晚举行的集会可能吸引上万名支持者",  # the plan is what the forecast is about
    "样例港的油价下周将会上涨",  # a time, but nobody's arrangement
    "这场危机的代价将由消费者承担",  # who bears it: a consequence
])
def test_an_expected_arrangement_is_a_forecast(clause):
    assert not zh_is_plan(clause)


def test_a_chinese_sentence_holds_its_forecasts_apart(pipeline):
    body = ("虚构的样例港可能会在两年内扩建完工，对于当地居民来说，扩建是件让人高兴的事情，"
            "港口的就业岗位会在五年内翻番。")
    texts = [f.text for f in _forecasts(pipeline, body)]
    assert texts == ["虚构的样例港可能会在两年内扩建完工", "港口的就业岗位会在五年内翻番"]


def test_a_dash_parts_two_forecasts(pipeline):
    body = "虚构的样例法院不可能支持这项诉求 - 即使支持了，也不会改变现状。"
    texts = [f.text for f in _forecasts(pipeline, body)]
    assert texts == ["虚构的样例法院不可能支持这项诉求", "即使支持了，也不会改变现状"]


def test_the_clause_right_after_a_forecast_goes_on_with_it(pipeline):
    body = "样例公司的新工厂可能会推迟投产，而且可能会造成产品上市延期。"
    assert len(_forecasts(pipeline, body)) == 1


def test_a_we_after_the_authors_forecast_leaves_it_the_authors(pipeline):
    body = "样例国将有很多人通过大屏幕观看这场裁决，他们希望邻国最终与我们达成协议。"
    forecasts = _forecasts(pipeline, body)
    assert [(f.holder_kind, f.text) for f in forecasts] == [("author", "样例国将有很多人通过大屏幕观看这场裁决")]


def test_a_colon_after_yiweizhe_is_no_speech(pipeline):
    body = "样例方案也意味着：由于政府可以扣减股份，因此股东可能无法收回全部投资。"
    forecasts = _forecasts(pipeline, body)
    assert [(f.holder_kind, f.text) for f in forecasts] == [("author", "因此股东可能无法收回全部投资")]


def test_a_modal_glued_to_its_adverb_is_still_a_modal(pipeline):
    body = "当地媒体称，如果这一发现属实，它或许就会成为本世纪最重要的考古发现。"
    forecasts = _forecasts(pipeline, body)
    assert [f.holder_kind for f in forecasts] == ["group"] and forecasts[0].holder.endswith("媒体")
    assert forecasts[0].text.endswith("或许就会成为本世纪最重要的考古发现")


def test_jiang_before_a_quotation_mark_is_will(pipeline):
    # the tagger reads 将 before “ as a preposition (将 = 把), though no object follows it
    body = "样例部长林澜表示，如果样例国失去领先地位，样例国将“懊悔不已”。"
    forecasts = _forecasts(pipeline, body)
    assert [f.holder for f in forecasts] == ["林澜"]
    assert forecasts[0].text.endswith("样例国将“懊悔不已")


def test_a_chinese_holder_is_also_given_in_pinyin():
    assert romanised("欧阳明") == ["Ouyang Ming"]
    assert romanised("宋青") == ["Song Qing"]
    assert romanised("格雷格·克拉克") == [] and romanised("汤普森") == []  # a transliteration has no pinyin name


def test_a_forecast_holder_carries_the_pinyin_of_a_chinese_name(pipeline):
    forecasts = _forecasts(pipeline, "宋青表示，虚构的样例港明年的吞吐量可能会翻番。")
    assert [f.holder for f in forecasts] == ["宋青"] and "Song Qing" in forecasts[0].holder_aliases


def test_a_clause_outside_the_quotes_of_its_sentence_is_not_the_speakers(pipeline):
    found = _forecasts(pipeline, "考虑到样例党在下月的选举中可能会失去多数席位，周明说，他会在下月提名新的人选。")
    lost = [f for f in found if "失去多数席位" in f.text]
    assert lost and lost[0].holder_kind == "author"


def test_each_quote_of_a_sentence_holds_its_own_forecasts(pipeline):
    found = _forecasts(pipeline, "虚构的研究员周明介绍了样例大楼。“样例大楼的买家将会以年轻人为主，”周明说，"
                                 "“由于新住户大多在外地工作，因此会加快老街区的变化。”")
    texts = [f.text for f in found if f.holder == "周明"]
    assert any("年轻人" in t for t in texts) and any("老街区" in t for t in texts)


def test_a_holder_no_entity_stands_for_is_an_organisation_by_its_last_word():
    from sinoscope.claims.forecasts import reads_as_body

    assert reads_as_body("样例周报") and reads_as_body("北港警察局") and reads_as_body("样例议会委员会")
    assert not reads_as_body("王建国") and not reads_as_body("大卫·汤普森") and not reads_as_body("Sample Post")


def test_a_cue_after_the_forecast_with_clauses_of_its_own_leaves_it_the_authors(pipeline):
    body = "考虑到样例党可能会失去多数，林澜暂停了投票确认，提名了填补委员会空缺的候选人。"
    fcs = _forecasts(pipeline, body)
    assert [(f.holder_kind, f.text) for f in fcs] == [("author", "考虑到样例党可能会失去多数")]


def test_a_cue_closing_the_sentence_holds_the_forecast_before_it(pipeline):
    fcs = _forecasts(pipeline, "样例港的油价可能会在下周上涨，林澜说。")
    assert [(f.holder, f.text) for f in fcs] == [("林澜", "样例港的油价可能会在下周上涨")]


def test_what_someone_was_told_is_not_the_authors_forecast(pipeline):
    assert _forecasts(pipeline, "北港的居民被告知还要几个小时才能回家。") == []
