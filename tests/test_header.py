"""The header stage on small sample pages: title, its translation, date, byline, translator."""

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.pipeline import Pipeline

BODY_EN = ("Lin Example, a researcher at a sample lab, noted that the odds of a Chinese lab surpassing "
           "American rivals within five years are below 20 percent.")
BODY_ZH = "这是一段足够长的样例正文，用来测试页眉识别是否能够正确地读取标题、日期和作者，并保留正文内容。"


@pytest.fixture(scope="module")
def anatomy() -> Pipeline:
    return Pipeline(["segment", "language", "furniture", "header", "sections", "bilingual"])


def meta(text: str, pipeline: Pipeline) -> dict:
    return analyze_text(text, pipeline=pipeline).meta


def test_a_lede_sentence_is_not_a_title(anatomy):
    page = (f"\nChinese AI experts at a sample forum doubt the country can overtake the US soon. They cite chips and "
            f"talent.\n{BODY_EN}\n")
    assert "title" not in meta(page, anatomy)


@pytest.mark.parametrize("headline", ["Sample Senate passes the chip bill.", "Sample Lab wins the U.S. contract;",
                                      "Sample chip rules ease, officials say."])
def test_a_headline_may_end_with_a_full_stop_above_the_text(anatomy, headline):
    assert meta(f"{headline}\n\n{BODY_EN}\n", anatomy)["title"] == headline
    assert meta(f"{headline}\n\nABSTRACT.\n\n{BODY_EN}\n", anatomy)["title"] == headline


def test_a_byline_is_not_a_title(anatomy):
    found = meta(f"样例标题：芯片出口新规\n样例日报记者 王样例 李样例\n\n{BODY_ZH}\n", anatomy)
    assert found["title"] == "样例标题：芯片出口新规"
    assert found["authors"] == ["王样例", "李样例"]


def test_a_headline_may_end_with_an_abbreviation(anatomy):
    page = f"Chip Stocks Rally as Export Rules Ease for U.S.\n\n{BODY_EN}\n"
    assert meta(page, anatomy)["title"] == "Chip Stocks Rally as Export Rules Ease for U.S."


def test_the_site_name_above_a_headline_is_not_the_title(anatomy):
    found = meta(f"样例网\n样例标题：灵犀半导体发布新一代推理芯片\n\n{BODY_ZH}\n", anatomy)
    assert found["title"] == "样例标题：灵犀半导体发布新一代推理芯片"


def test_a_translated_title_is_the_second_title(anatomy):
    page = f"Sample Lab Says Domestic Chips Close the Gap\n样例实验室称国产芯片正在缩小差距\n\n{BODY_ZH}\n"
    found = meta(page, anatomy)
    assert (found["title"], found["title_alt"]) == ("Sample Lab Says Domestic Chips Close the Gap",
                                                    "样例实验室称国产芯片正在缩小差距")


@pytest.mark.parametrize(("line", "date"), [
    ("Published 9 February 2026", "2026-02-09"),
    ("发布时间：2026年2月9日 10:30", "2026-02-09"),
    ("Updated: Feb. 9, 2026 4:05 PM", "2026-02-09"),
    ("科技 · 2026/02/09", "2026-02-09"),
])
def test_dates_of_a_dateline(anatomy, line, date):
    found = meta(f"Sample Headline About Chips\n{line}\n\n{BODY_EN}\n", anatomy)
    assert found["published"] == date
    assert found.get("category") in (None, "科技")


def test_a_date_in_the_body_is_not_the_page_date(anatomy):
    assert "published" not in meta(f"Sample Headline About Chips\n\n{BODY_EN} It was announced on 2026-01-05.\n",
                                   anatomy)


def test_bylines_and_translators(anatomy):
    assert meta(f"Sample Headline\nBy Jane Placeholder and Tom Example\n\n{BODY_EN}\n", anatomy)["authors"] == [
        "Jane Placeholder", "Tom Example"]
    assert meta(f"样例标题：芯片出口新规\n本报记者 王样例 北京报道\n\n{BODY_ZH}\n", anatomy)["authors"] == ["王样例"]
    assert meta(f"样例标题：芯片出口新规\n译者：样例译者\n\n{BODY_ZH}\n", anatomy)["translator"] == "样例译者"
    assert "authors" not in meta(f"样例标题：芯片出口新规\n文化部发布了新的指导意见\n\n{BODY_ZH}\n", anatomy)
