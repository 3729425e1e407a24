"""Each page-anatomy stage on small strings: segmentation, language, dates, furniture,
personas, translation pairs, header and layout rules."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.anatomy.bilingual import MIN_SCORE, translation_score
from sinoscope.anatomy.dates import find_dates, is_date_line
from sinoscope.anatomy.furniture import ends_sentence, line_role
from sinoscope.anatomy.header import split_persona
from sinoscope.anatomy.language import detect_language, detect_script, identify_language, to_simplified
from sinoscope.anatomy.segment import split_lines
from sinoscope.doc import Paragraph
from sinoscope.export.record import to_record
from sinoscope.pipeline import Pipeline

ANATOMY = ["segment", "language", "furniture", "header", "sections", "bilingual"]
BODY_EN = ("This paragraph is long enough to read as running text, so the header of the page ends "
           "right before it and everything after it is body.")
BODY_ZH = "这一段正文足够长,读起来就是一段完整的叙述,因此页面的头部在它之前结束,它之后的内容都属于正文部分。"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(ANATOMY)


def run(text: str, pipeline: Pipeline) -> dict:
    return to_record(analyze_text(text, pipeline=pipeline))


# --- segment ----------------------------------------------------------------------------------------------

def test_split_lines_trims_edges_and_keeps_offsets() -> None:
    text = "  first line \n\n\u3000第二行\u3000\r\nthird\u2028fourth\t\n   \n"
    spans = split_lines(text)
    assert [text[s:e] for s, e in spans] == ["first line", "第二行", "third", "fourth"]
    assert spans[0] == (2, 12)


def test_split_lines_shifts_by_base_and_skips_blank_input() -> None:
    assert split_lines("ab\ncd", base=10) == [(10, 12), (13, 15)]
    assert split_lines("") == []
    assert split_lines(" \n\t\n\u3000") == []


def test_segment_gives_one_paragraph_per_line(pipeline: Pipeline) -> None:
    text = "\nEnglish line one.\n中文第二行。\n\nThird line\n"
    doc = analyze_text(text, pipeline=pipeline)
    assert [p.text for p in doc.paragraphs] == ["English line one.", "中文第二行。", "Third line"]
    assert all(doc.text[p.start:p.end] == p.text for p in doc.paragraphs)


# --- language ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Chinese labs are moving training work onto domestic accelerators.", "en"),
    ("国产加速卡的软件生态仍在追赶。", "zh"),
    ("英伟达H20芯片受到出口管制", "zh"),  # a Chinese sentence quoting a Latin-script product stays zh
    ("Huawei (华为) shipped more accelerators this year than last.", "en"),  # a short Chinese gloss stays en
    ("Les laboratoires chinois déplacent une grande partie de leur entraînement vers des puces locales.", "other"),
    ("日本の半導体メーカーは新しい工場を建設している。", "other"),
    ("한국 반도체 기업들이 새 공장을 짓고 있다.", "other"),
    ("2026 · 12,345", "other"),
    ("", "other"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


ENGLISH_PROSE = ("The minister said on Tuesday that the budget would be ready by spring, and that the unions "
                 "of the northern provinces have been consulted about the plan.")


def test_plain_english_prose_skips_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import sinoscope.anatomy.language as language

    def no_model() -> None:
        raise AssertionError("py3langid consulted for plain English prose")

    monkeypatch.setattr(language, "_langid", no_model)
    assert identify_language(ENGLISH_PROSE) == ("en", "en")


@pytest.mark.parametrize("text", [
    # Other languages quoting English in passing, and all-caps English (which the model reads as Polish).
    "Der Minister sagte, dass the new policy has been approved, aber die Opposition kritisiert den Plan scharf.",
    "Menteri mengatakan bahwa pemerintah akan mendukung petani dan the ministry said that the budget has been set.",
    ENGLISH_PROSE.upper(),
])
def test_mixed_or_capitalised_latin_text_still_asks_the_model(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sinoscope.anatomy.language as language

    asked: list[str] = []
    real = language._langid

    def spy():  # noqa: ANN202
        asked.append(text)
        return real()

    monkeypatch.setattr(language, "_langid", spy)
    identify_language(text)
    assert asked


def test_detect_script_traditional_and_simplified() -> None:
    script, simplified = detect_script("輝達與台積電的合作持續擴大,先進封裝產能吃緊。")
    assert script == "Hant"
    assert "台积电" in simplified and "辉达" in simplified
    assert detect_script("辉达与台积电的合作持续扩大,先进封装产能吃紧。")[0] == "Hans"


def test_to_simplified_keeps_length_so_offsets_stay_valid() -> None:
    for text in ("記憶體報價連漲兩季", "台積電", "plain ascii", "乾隆"):
        assert len(to_simplified(text)) == len(text)


def test_language_stage_sets_norm_for_traditional_text(pipeline: Pipeline) -> None:
    doc = analyze_text("凱岳投顧分析師表示,先進封裝已經取代晶圓製造,成為AI晶片出貨的關鍵瓶頸。\n", pipeline=pipeline)
    (p,) = doc.paragraphs
    assert (p.lang, p.script) == ("zh", "Hant")
    assert p.analysis_text == p.norm != p.text and "晶圆制造" in p.norm


# --- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso"), [
    ("AI · 2026-02-05", "2026-02-05"),
    ("2026/2/5 10:30", "2026-02-05"),
    ("2025年12月9日 来源:某报", "2025-12-09"),
    ("2025 年 12 月 9 号", "2025-12-09"),
    ("January 19, 2026", "2026-01-19"),
    ("Published 9 February 2026", "2026-02-09"),
    ("Sept. 3rd, 2025", "2025-09-03"),
    ("2024年2月29日", "2024-02-29"),
])
def test_find_dates_in_three_formats(text: str, iso: str) -> None:
    found = find_dates(text)
    assert [f.iso for f in found] == [iso]
    assert found[0].date == dt.date.fromisoformat(iso)
    assert find_dates(text)[0].start < find_dates(text)[0].end <= len(text)


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2025年2月29日", "February 30, 2026",
                                  "31 April 2026", "1899-01-01", "20260205", "version 2.0.1", "Room 2026-1"])
def test_invalid_or_non_dates_are_rejected(text: str) -> None:
    assert find_dates(text) == []


def test_date_line_is_a_date_and_little_else() -> None:
    assert is_date_line("January 19, 2026")
    assert is_date_line("2025-12-09 10:30")
    assert not is_date_line("He said on January 19, 2026 that the plant would open later this year.")
    assert not is_date_line("No date here")


# --- furniture --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "role"), [
    ("跳转到主要内容", "skip_link"),
    ("Skip to main content", "skip_link"),
    ("正文翻译", "section_label"),
    ("500", "image"),
    ("题图。", "image"),
    ("图片来源:视觉中国", "image"),
    ("很赞 16", "counter"),
    ("收藏", "counter"),
    ("Advertisement", "counter"),
    ("站务", "navigation"),
    ("全部专栏", "navigation"),
    ("Home", "navigation"),
    ("喜欢这篇文章?", "newsletter"),
    ("订阅我们的周报,每周精选直达邮箱。", "newsletter"),
    ("Sign up for our weekly AI briefing", "newsletter"),
    ("www.example-outlet.com", "source_link"),
    ("某篇参考文章的标题 https://www.example.cn/2025/11/02/a.html", "reference_link"),
    ("另一篇文章 news.example.cn/tech/2025-10-28/doc-abc.shtml", "reference_link"),
    ("© 2026 Example Daily. All rights reserved.", "footer"),
    ("版权所有 未经授权禁止转载", "footer"),
    ("责任编辑:宋澜", "editorial"),
])
def test_line_role_furniture(line: str, role: str) -> None:
    assert line_role(line) == role


@pytest.mark.parametrize("line", [
    "英伟达在中国的市场份额由95%下降为0。",
    "“拿不到最好的芯片,就只能把每一个比特都榨干,”周以宁指出。",
    "The company plans to ship 2,000 cards in the third quarter.",
    "推理成本成了新战场",
    "Share prices of chipmakers rose 4% on Monday.",
])
def test_line_role_leaves_content_alone(line: str) -> None:
    assert line_role(line) is None


def test_line_role_keeps_short_news_sentences_about_subscriptions() -> None:
    assert line_role("The company said its chatbot now has 20 million paying subscribers.") is None
    assert line_role("该公司的订阅收入同比增长了30%。") is None


def test_line_role_keeps_short_news_sentences_about_copyright() -> None:
    assert line_role("A court in Beijing ruled that the chatbot's answers infringed the novelist's copyright.") is None
    assert line_role("The regulator ordered the app to rewrite its privacy policy within 30 days.") is None


def test_line_role_multi_word_navigation() -> None:
    assert [line_role(line) for line in ("Back to top", "Sign in", "Contact us", "Load more")] == ["navigation"] * 4
    assert line_role("us") is None and line_role("in") is None


def test_ends_sentence_looks_through_closing_quotes() -> None:
    assert ends_sentence("他说:“这是常态。”")
    assert ends_sentence('He said it was "closer to ten percent."')
    assert not ends_sentence("推理成本成了新战场")
    assert not ends_sentence("")


# --- personas ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "expected"), [
    ("AI Watcher from Shenzhen (深圳科技观察员)", ("AI Watcher from Shenzhen", "深圳科技观察员")),
    ("Skeptical Investor （上海的怀疑派投资人）", ("Skeptical Investor", "上海的怀疑派投资人")),
    ("深圳科技观察员 (AI Watcher from Shenzhen)", ("AI Watcher from Shenzhen", "深圳科技观察员")),
    ("O’Neill & Sons (奥尼尔父子)", ("O’Neill & Sons", "奥尼尔父子")),
])
def test_split_persona(line: str, expected: tuple[str, str]) -> None:
    assert split_persona(line) == expected


@pytest.mark.parametrize("line", ["Jane Doe (Reuters)", "Jane Doe", "深圳科技观察员", "(深圳)",
                                  "Prices rose (see chart) last week (上周) again."])
def test_split_persona_rejects_non_personas(line: str) -> None:
    assert split_persona(line) is None


# --- translation pairs ------------------------------------------------------------------------------------

def para(text: str, lang: str) -> Paragraph:
    return Paragraph(0, len(text), text, lang=lang)


def test_translation_score_accepts_a_translation() -> None:
    en = para("The card will sell for 120,000 yuan, and Yunxiu Cloud has ordered the first 2,000 units.", "en")
    zh = para("该卡售价12万元,云岫科技已订购首批2000张。", "zh")
    assert translation_score(en, zh) >= MIN_SCORE


def test_translation_score_penalises_disagreeing_numbers_and_names() -> None:
    en = para("Shipments rose 34% last year, the company said, as prices fell.", "en")
    agreeing = para("公司称,去年出货量增长了34%,但价格有所下降。", "zh")
    disagreeing = para("Lattice Metrics称,2019年出货量下降了77%,价格却在上涨。", "zh")
    assert translation_score(en, agreeing) > translation_score(en, disagreeing)


def test_translation_score_rejects_absurd_length_ratios() -> None:
    long_en = para("word " * 400, "en")
    assert translation_score(long_en, para("很短。", "zh")) == 0.0
    long_zh = para("这是一段非常非常长的中文文字,远远超过了那句英文的长度应有的译文。" * 3, "zh")
    assert translation_score(para("Hi", "en"), long_zh) == 0.0
    assert translation_score(para("No Chinese here.", "en"), para("Still English.", "zh")) == 0.0


def test_bilingual_stage_pairs_adjacent_translations_only(pipeline: Pipeline) -> None:
    text = (f"{BODY_EN}\n{BODY_ZH}\n\n"
            "Redwater Capital raised 300 million dollars for its third fund in 2024, the firm said.\n"
            "Prices for HBM rose 20% in the quarter, analysts at Greyfield said.\n"
            "Greyfield的分析师称,本季度HBM价格上涨了20%。\n"
            "Lattice Metrics称,2019年出货量下降了77%,价格却在上涨。\n")
    record = run(text, pipeline)
    # line 2 has no translation next to it; line 5 sits next to English whose numbers and names disagree
    assert [(p["en_index"], p["zh_index"]) for p in record["pairs"]] == [(0, 1), (3, 4)]
    assert all(p["score"] >= MIN_SCORE for p in record["pairs"])


# --- header and layout ------------------------------------------------------------------------------------

def test_header_title_translation_date_and_persona(pipeline: Pipeline) -> None:
    text = ("Chips · 2026-03-11\nCompute Tracker from Hangzhou (杭州算力观察者)\n\n"
            "Engineers Split on Domestic Accelerators\n\n国产加速器引发工程师分歧\n\n"
            "Engineers Split on Domestic Accelerators\n\n" + BODY_ZH + "\n")
    r = run(text, pipeline)
    assert (r["title"], r["title_alt"]) == ("Engineers Split on Domestic Accelerators", "国产加速器引发工程师分歧")
    assert (r["published"], r["category"]) == ("2026-03-11", "Chips")
    assert (r["authors"], r["author_zh"]) == (["Compute Tracker from Hangzhou"], "杭州算力观察者")
    assert r["body_text"] == BODY_ZH
    assert r["meta_spans"]["title"] == [text.index("Engineers"), text.index("Engineers") + 40]


def test_header_translator_line_on_translation_page(pipeline: Pipeline) -> None:
    r = run(f"某篇译文的标题\n2025-12-09 译者小王 4946\n正文翻译\n\n{BODY_EN}\n{BODY_ZH}\n", pipeline)
    assert (r["translator"], r["counters"], r["authors"]) == ("译者小王", [4946], [])


def test_header_byline_labels(pipeline: Pipeline) -> None:
    r = run(f"A Title\nBy Jane Roe and Li Ming\nMarch 3, 2026\n\n{BODY_EN}\n", pipeline)
    assert r["authors"] == ["Jane Roe", "Li Ming"] and r["published"] == "2026-03-03"
    r = run(f"一个标题\n作者:张小北\n\n{BODY_ZH}\n", pipeline)
    assert r["authors"] == ["张小北"]


def test_a_date_below_the_header_is_not_the_page_date(pipeline: Pipeline) -> None:
    r = run(f"A Title\n\n{BODY_EN}\n\nRelated\n\nAnother story\n\nJanuary 19, 2026\n", pipeline)
    assert r["published"] is None
    assert "January" not in r["body_text"] and "Another story" not in r["body_text"]


def test_duplicate_run_is_removed_and_reported(pipeline: Pipeline) -> None:
    text = f"A Title\n\n{BODY_EN}\n{BODY_ZH}\n\nRepeat\n\n{BODY_EN}\n{BODY_ZH}\n"
    doc = analyze_text(text, pipeline=pipeline)
    (block,) = doc.removed
    assert block.kind == "duplicate" and block.heading == "Repeat"
    assert doc.text[block.start:block.end] == f"Repeat\n\n{BODY_EN}\n{BODY_ZH}"
    assert doc.text[block.repeats[0]:block.repeats[1]] == f"{BODY_EN}\n{BODY_ZH}"
    assert doc.body_text == f"{BODY_EN}\n{BODY_ZH}"


def test_comment_section_with_plain_author_lines(pipeline: Pipeline) -> None:
    text = (f"A Title\n\n{BODY_EN}\n\nComments (2)\nreader_one\nI think the memory shortage matters more "
            "than the logic chips.\nQuiet Observer\nGood piece, thanks for the detail on packaging.\n")
    r = run(text, pipeline)
    assert r["comment_count"] == 2
    assert [(c["author"], c["text"]) for c in r["comments"]] == [
        ("reader_one", "I think the memory shortage matters more than the logic chips."),
        ("Quiet Observer", "Good piece, thanks for the detail on packaging."),
    ]
    assert r["body_text"] == BODY_EN
