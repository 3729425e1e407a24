"""Page anatomy of the bundled sample corpus, one test group per page shape.

Each sample imitates a shape of page sinoscope meets (see src/sinoscope/samples/README.md);
these tests pin down what the anatomy must find in it: title, date, byline, translator,
comments, translation pairs, removed blocks, and that no page furniture leaks into the body.
"""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

from sinoscope.analyze import AnalysisError, analyze
from sinoscope.doc import Doc
from sinoscope.export.record import to_record
from sinoscope.pipeline import Pipeline
from sinoscope.sources.inputs import read_file

SAMPLES = Path(str(resources.files("sinoscope") / "samples"))
ANATOMY = ["segment", "language", "furniture", "header", "sections", "bilingual"]
SAMPLE_FOOTER = "sample page written for sinoscope"
PAGES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(ANATOMY)


@pytest.fixture(scope="module")
def analysed(pipeline: Pipeline) -> dict[str, tuple[Doc, dict]]:
    """Every sample page analysed once: name -> (Doc, record)."""
    out = {}
    for name in PAGES:
        doc = analyze(read_file(SAMPLES / name), pipeline)
        assert not isinstance(doc, AnalysisError), f"{name}: {doc}"
        out[name] = (doc, to_record(doc))
    return out


def body_of(analysed: dict, name: str) -> str:
    return analysed[name][1]["body_text"]


def assert_absent(body: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment not in body, f"furniture leaked into body_text: {fragment!r}"


def assert_present(body: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in body, f"content missing from body_text: {fragment!r}"


# --- the corpus itself -------------------------------------------------------------------------------------

def test_corpus_has_the_promised_pages_and_readme_lists_them() -> None:
    assert len(PAGES) >= 12
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.M))
    on_disk = {p.name for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert listed == on_disk


@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_marked_as_a_sample_and_the_mark_is_not_content(analysed: dict, name: str) -> None:
    raw = (SAMPLES / name).read_bytes()
    text = raw.decode("gb18030") if "gb18030" in name else raw.decode("utf-8")
    assert SAMPLE_FOOTER in text and "fictional" in text
    doc, record = analysed[name]
    assert SAMPLE_FOOTER not in record["body_text"]
    assert all(SAMPLE_FOOTER not in c["text"] for c in record["comments"])
    assert doc.body, "every sample has body text"


@pytest.mark.parametrize("name", PAGES)
def test_paragraph_offsets_point_into_the_original(analysed: dict, name: str) -> None:
    doc, _ = analysed[name]
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end] == p.text
        assert p.text == p.text.strip(), "edges are trimmed from the span, not kept in the text"


# --- shape 1: bilingual aggregator post with persona comments ---------------------------------------------

AGG = "aggregator_bilingual_comments.txt"


def test_aggregator_header(analysed: dict) -> None:
    _, r = analysed[AGG]
    assert r["title"] == "Can Domestic Accelerators Carry China's Next Frontier Model? Engineers Are Split"
    assert r["title_alt"] == r["title_zh"] == "国产加速器能撑起中国下一代前沿模型吗?工程师们看法不一"
    assert r["published"] == "2026-03-11"
    assert r["category"] == "Chips"
    assert r["authors"] == ["Compute Tracker from Hangzhou"]
    assert r["author_zh"] == "杭州算力观察者"
    assert r["lang"] == "mixed"


def test_aggregator_body_is_the_chinese_text_only(analysed: dict) -> None:
    doc, r = analysed[AGG]
    assert [p.lang for p in doc.body] == ["zh", "zh"]
    assert r["body_text"].startswith("这几周,国产AI芯片能否独立撑起万亿参数模型训练的话题又被翻了出来。")
    assert "整套软件生态还要几年才能补齐" in r["body_text"]
    # the repeated English title, the source domain, the dateline and the comments are not body
    assert_absent(r["body_text"], "Can Domestic", "www.quarrybridgetech.com", "2026-03-11", "评论",
                  "Cluster Operator", "four-thousand-card", "四千卡")


def test_aggregator_comments(analysed: dict) -> None:
    _, r = analysed[AGG]
    comments = r["comments"]
    assert r["comment_count"] == 6 == len(comments)
    assert [(c["author"], c["author_zh"]) for c in comments] == [
        ("Cluster Operator from Chengdu", "成都集群运维"),
        ("Retired Fab Engineer", "退休晶圆厂工程师"),
        ("PhD Student in Toronto", "多伦多博士生"),
        ("Supply Chain Analyst from Singapore", "新加坡供应链分析师"),
        ("Indie Model Builder", "独立模型开发者"),
        ("Skeptical Investor from Shanghai", "上海的怀疑派投资人"),
    ]
    for c in comments:
        assert c["text"] and not re.search(r"[\u4e00-\u9fff]", c["text"]), c
        assert c["text_zh"] and re.search(r"[\u4e00-\u9fff]", c["text_zh"]), c
    assert comments[2]["text"] == "So is the real question the hardware or the CUDA habit?"
    assert comments[2]["text_zh"] == "所以真正的问题到底是硬件,还是大家离不开CUDA的习惯?"
    assert comments[5]["text_zh"].startswith("每个季度都有人宣布差距已经抹平")


def test_aggregator_pairs_title_and_each_comment(analysed: dict) -> None:
    doc, r = analysed[AGG]
    assert len(r["pairs"]) == 7  # the title and its translation, then one pair per comment
    assert r["pairs"][0]["section"] == "title"
    assert {p["section"] for p in r["pairs"][1:]} == {"comment"}
    for comment in doc.comments:
        en, zh = comment.paragraphs
        assert doc.pair_of(en) == zh


# --- shape 2: Chinese news article with a related-articles rail -------------------------------------------

RAIL = "zh_news_related_rail.txt"


def test_rail_article_header_has_no_date_from_the_rail(analysed: dict) -> None:
    _, r = analysed[RAIL]
    assert r["title"] == "算力受限之下,中国大模型团队把力气花在推理效率上"
    assert r["published"] is None  # the teaser cards' dates belong to other articles


def test_rail_article_body_keeps_text_quotes_and_key_points(analysed: dict) -> None:
    body = body_of(analysed, RAIL)
    assert_present(
        body,
        "在本月于杭州举行的一场闭门研讨会上",
        "“拿不到最好的芯片,就只能把每一个比特都榨干,”周以宁指出。",
        "她解释道",
        "推理成本成了新战场",
        "软件驱动: 降本主要来自量化、稀疏化与专家混合架构",
        "仍有待观察。",
    )


def test_rail_article_furniture_and_rail_are_removed(analysed: dict) -> None:
    doc, r = analysed[RAIL]
    body = r["body_text"]
    assert_absent(body, "跳到主要内容", "喜欢这篇文章", "订阅我们的周报", "退订", "相关文章", "News",
                  "January", "北辰云", "包揽前三", "存储芯片涨价潮", "数据中心液冷算力基础设施",
                  "评测基准长文本学术研究")
    related = [b for b in r["removed_blocks"] if b["kind"] == "related"]
    assert len(related) == 1 and related[0]["heading"] == "相关文章"
    block_text = doc.text[related[0]["start"]:related[0]["end"]]
    assert block_text.startswith("相关文章") and "高校联合实验室发布中文长文本评测集" in block_text
    roles = {p.text: p.role for p in doc.paragraphs}
    assert roles["跳到主要内容"] == "skip_link"
    assert roles["订阅我们的周报,每周一封,把最值得读的AI产业动态送到你的邮箱。"] == "newsletter"


# --- shape 3: translation site, body repeated under 评论翻译 ----------------------------------------------

TRANSLATION = "translation_site_pairs.txt"


def test_translation_page_header(analysed: dict) -> None:
    _, r = analysed[TRANSLATION]
    assert r["title"] == "开源权重模型为何让硅谷坐立不安"
    assert r["published"] == "2026-01-14"
    assert r["translator"] == "青柠慢译"
    assert r["authors"] == []  # the nickname on a translation site is the translator's
    assert r["counters"] == [3127]
    assert r["comments"] == []  # 评论翻译 heads a repeat of the body here, not comments


def test_translation_page_pairs(analysed: dict) -> None:
    doc, r = analysed[TRANSLATION]
    assert len(r["pairs"]) == 9
    for pair in r["pairs"]:
        assert pair["section"] == "body"
        assert pair["zh_index"] == pair["en_index"] + 1  # the translation sits on the next line
        assert doc.paragraphs[pair["en_index"]].lang == "en" and doc.paragraphs[pair["zh_index"]].lang == "zh"
    assert r["pairs"][2]["en"].startswith("The appeal is partly price.")
    assert r["pairs"][2]["zh"].startswith("吸引力部分来自价格。")


def test_translation_page_repeat_is_reported_and_dropped(analysed: dict) -> None:
    doc, r = analysed[TRANSLATION]
    duplicates = [b for b in r["removed_blocks"] if b["kind"] == "duplicate"]
    assert len(duplicates) == 1
    block = duplicates[0]
    assert block["heading"] == "评论翻译"
    removed = doc.text[block["start"]:block["end"]]
    original = doc.text[block["repeats"][0]:block["repeats"][1]]
    assert removed.startswith("评论翻译")
    assert original.startswith("When a three-person start-up") and original.endswith("值得比现在更多的关注。")
    assert removed.endswith(original)
    body = r["body_text"]
    for en in ("When a three-person start-up in Austin", "Tomas Eriksen, who runs the open-source programme",
               "who draws the starting line", "这一代人越来越多地"):
        assert body.count(en) == 1, en
    assert_absent(body, "评论翻译", "正文翻译", "题图", "很赞", "收藏", "3127", "青柠慢译")


# --- shape 4: English news without a title line -----------------------------------------------------------

NO_TITLE = "en_news_no_title.txt"


def test_no_title_page_is_all_body(analysed: dict) -> None:
    doc, r = analysed[NO_TITLE]
    assert doc.text.startswith("\n")
    assert r["title"] is None
    assert r["published"] is None
    assert r["authors"] == []
    assert len(doc.body) == 6 and {p.lang for p in doc.body} == {"en"}
    assert doc.body[0].text.startswith("At an industry forum in Shanghai this week")
    assert_present(r["body_text"],
                   "Wen Haoran, head of foundation models at Brightridge AI, noted that the probability",
                   'He added that the estimate assumes no further tightening',
                   "within 18 months. However, he conceded",
                   "Bureau of Industry and Security.")


# --- shape 5: WeChat-style blog ---------------------------------------------------------------------------

BLOG = "zh_wechat_blog.txt"


def test_blog_title_and_body(analysed: dict) -> None:
    doc, r = analysed[BLOG]
    assert r["title"] == "国产算力的“人海战术”,能打赢这场持久战吗?"
    assert r["published"] is None
    assert len(doc.body) == 13
    assert_present(r["body_text"], "20万块GPU", "超过95%", "超过50项",
                   "某券商半导体分析师林曼青说:“单卡性能落后一代", "她还表示", "一位西部数据中心的负责人称",
                   "这场持久战,才刚刚开始。")


def test_blog_furniture_is_removed(analysed: dict) -> None:
    doc, r = analysed[BLOG]
    body_lines = r["body_text"].split("\n")
    assert "500" not in body_lines
    assert_absent(r["body_text"], "https://", "qingshanbao", "huaxinwang.cn", "万卡集群背后的电费账",
                  "算力券能否撬动中小企业上云", "站务", "全部专栏")
    roles = [p.role for p in doc.paragraphs if p.section == "furniture"]
    assert roles.count("image") == 4
    assert roles.count("reference_link") == 3
    assert roles.count("navigation") == 2


# --- shape 6a: English HTML article -----------------------------------------------------------------------

HTML_EN = "en_article.html"


def test_html_article_metadata(analysed: dict) -> None:
    doc, r = analysed[HTML_EN]
    assert doc.format == "html"
    assert r["title"] == "Export Rules Push Chinese Labs Toward Home-Grown Chips"
    assert r["published"] == "2026-02-17"
    assert r["authors"] == ["Eleanor Whitcombe"]
    assert r["site_name"] == "The Meridian Ledger"


def test_html_article_body_keeps_escaped_markup_as_text_and_drops_scripts(analysed: dict) -> None:
    body = body_of(analysed, HTML_EN)
    assert_present(body, "Chinese artificial intelligence labs are moving more of their training work",
                   "typing <script>alert(1)</script> into the box made the page run the code.",
                   '"We stopped assuming that the next shipment would arrive," said Corin Aldane',
                   "even if the most advanced models continue to be trained abroad")
    assert_absent(body, "dataLayer", "inline payload", "document.cookie", "onerror", "collector.invalid",
                  "Sponsored", "analytics.invalid", "font-family")


def test_html_article_furniture_is_not_body(analysed: dict) -> None:
    body = body_of(analysed, HTML_EN)
    assert_absent(body, "Markets", "Opinion", "Independent reporting on technology and trade",
                  "Related coverage", "Memory makers race to add HBM capacity", "Cloud GPU rental prices",
                  "Privacy policy", "Terms of use", "©", "Reply", "says:")


def test_html_article_comments(analysed: dict) -> None:
    _, r = analysed[HTML_EN]
    comments = r["comments"]
    assert [c["author"] for c in comments] == ["Dmitri Okafor", "Shreya Lindqvist", "Paulo Brennan"]
    assert comments[0]["text"].startswith("The memory point is the one most coverage misses.")
    assert comments[1]["text"] == ("Months of kernel work per model family sounds optimistic to me. "
                                   "Our port of a much smaller model took most of a year.")
    assert all("Reply" not in c["text"] and "says:" not in c["text"] for c in comments)
    assert_absent(r["body_text"], "The memory point is the one most coverage misses", "Good reporting.")


# --- shape 6b: Chinese HTML article in GB18030 declared as gbk ---------------------------------------------

HTML_ZH = "zh_article_gb18030.html"


def test_gb18030_page_is_decoded_and_cleaned(analysed: dict) -> None:
    doc, r = analysed[HTML_ZH]
    assert r["encoding"] == "gb18030"
    assert r["title"] == "国产HBM攻关提速:三家厂商披露样品进展"
    assert r["published"] == "2026-01-28"
    assert r["lang"] == "zh"
    # 䶮 exists in GB18030 but not in GBK: the declared charset is read as its superset
    assert_present(r["body_text"], "参与测试的一家加速卡厂商的工程师王䶮透露",
                   "存储行业研究员赵砚秋指出", "但前提是封装产能能够同步扩张。")
    assert "\ufffd" not in doc.text
    assert_absent(r["body_text"], "_hmt", "count.gif", "您的位置", "首页", "相关新闻",
                  "存储芯片价格连续上涨", "多地发放算力券", "版权所有", "责任编辑", "吕澄")


def test_gb18030_page_author_from_info_strip(analysed: dict) -> None:
    _, r = analysed[HTML_ZH]
    assert r["authors"] == ["许晨"]


# --- shape 7: Traditional Chinese page -------------------------------------------------------------------

HANT = "zh_hant_taiwan.txt"


def test_traditional_page_script_and_header(analysed: dict) -> None:
    doc, r = analysed[HANT]
    assert r["title"] == "AI伺服器訂單湧入 台積電先進封裝產能吃緊到明年"
    assert r["published"] == "2026-02-24"
    body = [p for p in doc.body if len(p.text) > 40]
    assert body and all(p.lang == "zh" and p.script == "Hant" for p in body)
    first = body[0]
    assert "台积电" in first.norm and "台積電" in first.text and len(first.norm) == len(first.text)
    assert_present(r["body_text"], "凱岳投顧分析師林柏諺表示", "「現在最缺的不是訂單,而是能馬上上線的工程師。」")


def test_traditional_page_byline(analysed: dict) -> None:
    _, r = analysed[HANT]
    assert r["authors"] == ["許雅婷"]
    assert "記者許雅婷" not in r["body_text"]


def test_traditional_page_related_rail(analysed: dict) -> None:
    _, r = analysed[HANT]
    assert_absent(r["body_text"], "延伸閱讀", "記憶體報價連漲兩季")


# --- shape 8: one event in two languages, and an unrelated article ----------------------------------------

def test_same_event_in_chinese(analysed: dict) -> None:
    doc, r = analysed["lingxi_launch_zh.txt"]
    assert r["title"] == "灵犀半导体发布首款AI推理加速卡LX-7,能效比提升40%"
    assert r["published"] == "2026-03-18"
    assert r["authors"] == ["陈一鸣"]
    assert r["site_name"] == "深湾科技日报"
    assert_present(r["body_text"], "480 TFLOPS", "96GB HBM3", "350瓦", "12万元", "首批2000张", "40%",
                   "“我们不追求在训练上和最强的产品正面对抗,而是把推理这件事做到足够便宜,”方启元说。")
    assert_absent(r["body_text"], "来源", "记者 陈一鸣", "责任编辑", "宋澜")


def test_same_event_in_english(analysed: dict) -> None:
    _, r = analysed["lingxi_launch_en.txt"]
    assert r["title"] == "Shenzhen Start-up Lingxi Semiconductor Unveils LX-7 Inference Accelerator"
    assert r["published"] == "2026-03-18"
    assert r["authors"] == ["Harriet Vance"]
    assert_present(r["body_text"], "480 teraflops", "96GB of HBM3", "350 watts", "120,000 yuan",
                   "first 2,000 units", "40% more inference performance per watt")
    assert_absent(r["body_text"], "By Harriet Vance", "March 18, 2026")


def test_unrelated_article(analysed: dict) -> None:
    _, r = analysed["battery_plant_unrelated.txt"]
    assert r["title"] == "Hengtai Energy Breaks Ground on 30 GWh Battery Plant in Zhaoqing"
    assert r["published"] == "2026-03-19"
    assert r["authors"] == ["Owen Castellano"]
    assert "Lingxi" not in r["body_text"] and "LX-7" not in r["body_text"]


# --- English analysis with a two-author byline and a 'Related stories' rail --------------------------------

ANALYSIS = "en_analysis_byline.txt"


def test_analysis_byline_date_and_rail(analysed: dict) -> None:
    doc, r = analysed[ANALYSIS]
    assert r["title"] == "Why Memory, Not Logic, May Decide the Next Round of the Chip Contest"
    assert r["authors"] == ["Marta Kowalczyk", "Liu Chen"]
    assert r["published"] == "2026-02-09"
    assert len(doc.body) == 5
    assert_present(r["body_text"], '"The logic gap gets the headlines, but the memory gap sets the ceiling,"',
                   "Domestic suppliers are trying to close the gap.")
    assert_absent(r["body_text"], "Advertisement", "Related stories", "Cloud providers race to lock in",
                  "combine smaller dies", "4 February 2026", "28 January 2026")
    assert [b["heading"] for b in r["removed_blocks"] if b["kind"] == "related"] == ["Related stories"]


def test_analysis_dateline_label_is_not_a_category(analysed: dict) -> None:
    _, r = analysed[ANALYSIS]
    assert r["category"] is None


# --- the RSS feed -----------------------------------------------------------------------------------------

def test_feed_lists_three_sample_pages_with_their_titles_and_dates(analysed: dict) -> None:
    channel = ET.parse(SAMPLES / "feed.xml").getroot().find("channel")
    items = channel.findall("item")
    assert len(items) == 3
    for item in items:
        link = item.findtext("link")
        assert (SAMPLES / link).is_file(), link
        _, record = analysed[link]
        assert item.findtext("title") == record["title"]
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert published.date().isoformat() == record["published"]
