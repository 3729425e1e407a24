"""Figures (money, percent, counts, ranges, durations, ratios) in Chinese and English text.

All sentences are samples written for these tests (fictional companies and outlets).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoscope.claims.figures import Figure, extract_figures, extract_numbers
from sinoscope.claims.numbers import normalize


def one(text: str, kind: str | None = None) -> Figure:
    found = [f for f in extract_figures(text) if kind is None or f.kind == kind]
    assert len(found) == 1, found
    return found[0]


def values(text: str) -> list[tuple[str, object, str, str]]:
    return [(f.text, f.value, f.unit, f.kind) for f in extract_figures(text)]


# --- money -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Brightwater Labs plans to invest $400bn in data centres.", 4e11, "USD"),
        ("The sample fund raised US$1.2 billion last week.", 1.2e9, "USD"),
        ("a fine of £2,000 was imposed", 2000, "GBP"),
        ("sales reached 1.2 billion yuan", 1.2e9, "CNY"),
        ("Acme sold HK$35m of bonds", 3.5e7, "HKD"),
        ("示例公司计划投资4000亿美元建设算力中心", 4e11, "USD"),
        ("去年营收9300亿元人民币", 9.3e11, "CNY"),
        ("奖池金额攀升至36.57亿元", 3.657e9, "CNY"),
        ("估值6300亿元", 6.3e11, "CNY"),
        ("合同金额为三千五百万欧元", 3.5e7, "EUR"),
        ("每股1.95港元", 1.95, "HKD"),
        ("he paid 3 dollars 50 cents", 3.5, "USD"),
        ("这个样品五元三毛", 5.3, "CNY"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    fig = one(text, "money")
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit


def test_vague_amounts_are_not_figures() -> None:
    # ANNOTATION: "billions of dollars", 数十亿 are not figures; a pair of digits (两三百) is a range
    for text in ("示例集团计划在未来投入数万亿美元", "样例小店一天只卖几十块钱"):
        assert [f for f in extract_figures(text) if f.kind == "money"] == []


def test_money_range_takes_the_scale_of_its_upper_end() -> None:
    fig = one("the sample startup expects $3-5 billion in revenue", "money")
    assert fig.value == pytest.approx((3e9, 5e9))


# --- percent ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("revenue rose 6 per cent", 6),
        ("a 48 percent share", 48),
        ("a 48% share", 48),
        ("份额达到百分之四十八", 48),
        ("约两成用户", 20),
        ("三成企业", 30),
        ("增长了百分之三点五", 3.5),
        ("上升2.4个百分点", 2.4),
        ("minus five percent", -5),
        ("下降了千分之二", 0.2),
    ],
)
def test_percent(text: str, value: float) -> None:
    fig = one(text, "percent")
    assert fig.value == pytest.approx(value)
    assert fig.unit == "percent"


def test_percent_change_sentence_keeps_both_ends() -> None:
    found = values("示例芯片公司在该市场的份额由35%上升到48")
    assert found == [("35%", 35.0, "percent", "percent"), ("48", 48.0, "percent", "percent")]


def test_a_change_down_to_zero_reports_the_starting_share_only() -> None:
    assert values("示例芯片公司在该市场的份额由95%下降为0") == [("95%", 95.0, "percent", "percent")]


def test_percent_range() -> None:
    fig = one("margins of 10-15% are typical", "percent")
    assert fig.value == (10.0, 15.0)


# --- counts ----------------------------------------------------------------------------------------
def test_count_pair_shares_the_counted_noun() -> None:
    found = extract_figures("The sample index found that Freedonia now leads in 66 of those 74 technologies")
    assert [(f.value, f.counted, f.kind) for f in found] == [
        (66.0, "technologies", "count"),
        (74.0, "technologies", "count"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("research spans 74 areas", 74, "areas"),
        ("funding for 17 national laboratories", 17, "laboratories"),
        ("indexed in 145 science journals", 145, "journals"),
        ("示例数据中心运行着20万块GPU", 200000, "GPU"),
        ("前十强中芯片企业占据七席", 7, "席"),
        ("涉及50项不同法规", 50, "不同法规"),
        ("三家公司宣布合作", 3, "公司"),
    ],
)
def test_counts(text: str, value: float, counted: str) -> None:
    fig = one(text, "count")
    assert fig.value == value
    assert fig.counted == counted


def test_count_leads_without_a_noun() -> None:
    assert one("the other eight declined to comment", "count").value == 8
    found = extract_figures("nine of the world's top 10 chipmakers")
    assert [f.value for f in found] == [9.0, 10.0]


def test_vague_chinese_counts() -> None:
    fig = one("十几家公司参与", "count")
    assert fig.value == (11.0, 19.0) and fig.approximate
    fig = one("几十家公司参与", "count")
    assert fig.value == (10.0, 100.0)


def test_bare_small_numbers_and_ordinals_are_not_figures() -> None:
    for text in ["one of the largest labs", "这是一个重要的进展", "the first model", "第一家企业", "他们一看就懂"]:
        assert extract_figures(text) == [], text


# --- ranges, durations, ratios ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["within 3-5 years", "within three to five years", "三到五年内", "3至5年"])
def test_duration_ranges(text: str) -> None:
    fig = one(text, "duration")
    assert fig.value == (3.0, 5.0)
    assert fig.unit == "years"


def test_durations() -> None:
    assert (one("over five years", "duration").value, one("未来五年", "duration").value) == (5.0, 5.0)
    assert one("未来五年", "duration").unit == "years"
    assert one("for 18 months", "duration").unit == "months"


@pytest.mark.parametrize(("text", "value"), [("twice as fast", 2), ("3x faster", 3), ("规模翻倍", 2), ("增长两倍", 2)])
def test_ratios(text: str, value: float) -> None:
    fig = one(text, "ratio")
    assert fig.value == value and fig.unit == "ratio"


def test_quantities() -> None:
    assert (one("a 7nm process").value, one("a 7nm process").unit) == (7.0, "nm")
    assert one("100 GW of new capacity").unit == "GW"


# --- hedges and bounds -----------------------------------------------------------------------------
def test_hedges_and_bounds() -> None:
    assert one("about 2,000 engineers").approximate
    assert one("more than 40% of chips").bound == "lower"
    assert one("less than $5m").bound == "upper"
    assert one("超过300家企业").bound == "lower"
    assert one("不到一成的企业").bound == "upper"
    assert one("约5000名工程师").approximate


# --- things that are not figures -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "2025年12月9日",
        "2026-02-05",
        "January 20, 2026",
        "in 2005",
        "this year",
        "the 1990s",
        "90后",
        "5月",
        "at 10:30",
        "GPT-5",
        "Kimi K2",
        "H200",
        "Ascend 910B",
        "5G",
        "Qwen3-235B",
        "call +1 202-555-0143",
        "https://example.org/report-2025/page/3",
        "as noted [3]",
        "2024-25",
        "八十年代",
    ],
)
def test_dates_versions_and_markers_are_skipped(text: str) -> None:
    assert extract_figures(text) == []


def test_mixed_bilingual_sentence() -> None:
    text = "Sample Corp (示例公司) raised $2bn; 估值6300亿元, up 15% in 3 years."
    kinds = [(f.text, f.kind) for f in extract_figures(text)]
    assert kinds == [("$2bn", "money"), ("6300亿元", "money"), ("15%", "percent"), ("3 years", "duration")]


# --- numeral parsing (evaluation mode) -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.5万", 35000),
        ("1.2 billion", 1.2e9),
        ("三千五百万", 3.5e7),
        ("两千四百五", 2450),
        ("一万三", 13000),
        ("一千零一", 1001),
        ("二〇二五", 2025),
        ("四万亿", 4e12),
        ("10,000.5", 10000.5),
        ("twenty-one trillion three hundred", 21000000000300),
        ("one hundred and six", 106),
        ("two thirds", 2 / 3),
        ("one and a half", 1.5),
        ("40k", 40000),
        ("壹佰伍拾", 150),
    ],
)
def test_extract_numbers_values(text: str, value: float) -> None:
    found = extract_numbers(text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert found[0].text == text


def test_extract_numbers_separators() -> None:
    assert [f.value for f in extract_numbers("192.168.1.2")] == [192.0, 168.0, 1.0, 2.0]
    assert [f.value for f in extract_numbers("1, 234, 567")] == [1.0, 234.0, 567.0]
    assert [f.text for f in extract_numbers("这是四川，陆地上")] == []


def test_normalize_keeps_length() -> None:
    text = "１２３，４５６萬元　兩個"
    assert len(normalize(text)) == len(text)
    assert normalize(text).startswith("123,456万元")


# --- robustness ------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,-%$£€ 万亿千百十零一二两三四五六七八九几多分之点成年个家元美abmkx"))
        | st.characters(),
        max_size=60,
    )
)
def test_offsets_always_match_the_text(text: str) -> None:
    for fig in extract_figures(text) + extract_numbers(text):
        assert text[fig.start : fig.end] == fig.text


@pytest.mark.parametrize("text", ["", "\x00\ud800", "9" * 5000, "一" * 3000, "1," * 3000, "万" * 2000, "1e999 2^99999"])
def test_odd_input_is_clean(text: str) -> None:
    assert isinstance(extract_figures(text), list)
    assert isinstance(extract_numbers(text), list)


def test_a_repeated_passage_gives_its_figures_once_per_repeat() -> None:
    # speed is measured in bench/claims_bench.py as a ratio, never timed here; this checks that a long run of
    # figure-dense text is read piece by piece, each repeat giving the figures of one passage
    sample = (
        "The sample agency said exports of advanced chips fell 12% to $4.5bn, affecting about 3,000 jobs. "
        "示例研究院表示，未来三年市场规模预计增长约15%，达到3000亿元，涉及20多家企业。"
    )
    once = [(f.value, f.unit) for f in extract_figures(sample)]
    many = [(f.value, f.unit) for f in extract_figures(sample * 80)]
    assert once and many == once * 80



def test_unit_words_without_an_amount_are_mentions_not_figures() -> None:
    from sinoscope.claims.unit_mentions import unit_mentions

    text = "样例：人民币和美元的汇率 How do I work out a percentage? They paid 50 dollars, and won the bid."
    assert [(u.text, u.unit, u.kind) for u in unit_mentions(text)] == [
        ("人民币", "CNY", "money"), ("美元", "USD", "money"), ("percentage", "percent", "percent")]
    assert not [f for f in extract_figures(text) if f.text in ("人民币", "美元", "percentage")]
    assert unit_mentions("https://example.com/search?q=30%25%2020%") == []


def test_number_parsers_are_total_on_separator_runs():
    # shapes of scraped pages: a leading dot before a dotted run, mixed separators
    for shape in (".07.11", "v .07.11 build", "1,2.3,4.5.6", "$.07.11", ".5,3.2"):
        extract_figures(shape, "en")
        extract_numbers(shape, "en")
        extract_figures(shape, "zh")
    assert [f.value for f in extract_numbers("build .07.11", "en")] == [7.11]


def _found(text: str, lang: str | None = None) -> list[tuple]:
    return [(f.text, f.value, f.unit) for f in extract_figures(text, lang)]


@pytest.mark.parametrize(("text", "counted"), [
    ("The fictional Brightwater line runs 12 ferries", "ferries"),
    ("nine Brightwater harbour pilots", "pilots"),  # an adjective before the noun
    ("a six-game winning streak for the sample club", "game"),  # a hyphenated count
])
def test_a_counts_unit_is_the_counted_noun(text: str, counted: str) -> None:
    fig = one(text, "count")
    assert fig.counted == counted


@pytest.mark.parametrize(("text", "value"), [
    ("two-thirds of the sample members", 2 / 3), ("one in three fictional voters", 1 / 3),
    ("half of the sample staff", 0.5), ("三分之二的样例成员", 2 / 3), ("一半的虚构员工", 0.5),
])
def test_fractions_are_ratios(text: str, value: float) -> None:
    fig = one(text, "ratio")
    assert fig.unit == "ratio" and fig.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "The fictional Kestrel index closed at 3,214.5 points on Friday.",  # an index level
    "样例指数收于3214.5点。",
    "The sample meeting starts at 10:30.",  # a clock time
    "比赛在下午3点开始。",
    "Sample Rovers beat Fenwick 3-1.",  # a score
    "样例队以3比1获胜。",
])
def test_index_levels_clock_times_and_scores_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_a_year_never_takes_the_percent_of_a_change() -> None:
    found = _found("样例公司的份额从2004年的10％上升到2005年的14％。")
    assert found == [("10％", 10.0, "percent"), ("14％", 14.0, "percent")]


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("Sample Holdings earned $3bn, 4bn and 5bn in three years", [3e9, 4e9, 5e9], "USD"),
    ("样例集团三年营收分别为3亿美元、5亿和7亿", [3e8, 5e8, 7e8], "USD"),
])
def test_a_currency_given_once_covers_the_amounts_after_it(text: str, values: list[float], unit: str) -> None:
    money = [f for f in extract_figures(text) if f.kind == "money"]
    assert [f.value for f in money] == values and {f.unit for f in money} == {unit}


def test_a_range_never_reaches_across_a_date() -> None:
    assert _found("Between 2019 and 2021, 30 to 40 staff left the sample firm.") == [
        ("30 to 40", (30.0, 40.0), "count")]
    assert _found("样例市场的份额在2020年至2023年间为30%至43%") == [("30%至43%", (30.0, 43.0), "percent")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("a decade later", 10.0, "years"), ("for half an hour", 0.5, "hours"), ("an hour", 1.0, "hours"),
    ("半年后", 0.5, "years"), ("刑期3年半", 3.5, "years"), ("服刑5年8个月", 68.0, "months"),
])
def test_durations_without_digits(text: str, value: float, unit: str) -> None:
    fig = one(text, "duration")
    assert (fig.value, fig.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("a 550 pound sample hog", 550.0, "lb"), ("the fictional quake measured magnitude 6.1", 6.1, "magnitude"),
    ("一次7.5级的样例地震", 7.5, "级"), ("占地3万英亩", 3e4, "英亩"), ("ran at 60 mph", 60.0, "mph"),
    ("三四公分", (3.0, 4.0), "公分"),
])
def test_measures(text: str, value: float, unit: str) -> None:
    fig = one(text, "quantity")
    assert (fig.value, fig.unit) == (value, unit)


def test_chinese_digit_pairs_are_ranges() -> None:
    assert one("样例工程还需两三个月", "duration").value == (2.0, 3.0)
    assert one("只写了一两页", "count").value == (1.0, 2.0)


def test_large_amounts_without_a_noun_are_counts() -> None:
    assert _found("The fictional show drew 2.94 million on Sunday.") == [("2.94 million", 2.94e6, "count")]
    assert _found("预计覆盖人口将超过22.5亿") == [("22.5亿", 2.25e9, "count")]


def test_money_after_a_generic_yuan_and_small_change() -> None:
    assert _found("样例年薪7万元美金") == [("7万元美金", 7e4, "USD")]
    assert _found("每磅10美分") == [("10美分", 0.1, "USD")]
