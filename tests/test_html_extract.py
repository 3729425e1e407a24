"""Tests for sinoscope.anatomy.html. All pages below are SAMPLE markup written for these tests:
the outlets, people and events are fictional."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoscope.anatomy.bylines import byline_names, paragraph_credit
from sinoscope.anatomy.html import MAX_MARKUP_CHARS, HtmlError, HtmlPage, extract_html
from sinoscope.anatomy.html_bylines import clean_authors
from sinoscope.anatomy.html_meta import clean_title

EN_PARAGRAPHS = [
    "The Harbor Valley robotics lab said on Tuesday that its new warehouse robot can sort parcels twice as fast "
    "as the model it replaces, a claim the company expects to test in three pilot sites this spring.",
    "Lena Marsh, who leads the lab, told reporters that the robot relies on a compact vision model trained on "
    "synthetic images rather than on millions of labelled photographs, which kept the training bill small.",
    "Critics of the project argue that the pilot sites were chosen because their parcels are unusually uniform, "
    "and that the speed gain may shrink once the robots meet the odd shapes of an ordinary depot.",
    "The lab plans to publish its test results in the autumn, together with the failure cases it has logged, "
    "so that outside engineers can check whether the claimed improvement holds up in daily use.",
]

EN_ARTICLE = f"""<!DOCTYPE html>
<html lang="en-us"><head>
<title>Warehouse robot doubles sorting speed, lab says - The Lakeside Courier</title>
<meta property="og:site_name" content="The Lakeside Courier">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta name="author" content="Peter Quill">
<script>var tracker = "SCRIPT-PAYLOAD-SHOULD-NOT-APPEAR";</script>
<style>.x {{ color: red }} STYLE-SHOULD-NOT-APPEAR</style>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/tech">Tech</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<article>
<h1>Warehouse robot doubles sorting speed, lab says</h1>
<p class="byline">By Peter Quill</p>
{"".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)}
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Drone couriers reach a remote valley for the first time ever</a></li>
<li><a href="/b">City council votes on the new tram line through the old market</a></li>
<li><a href="/c">Local bakery wins national bread award for the third year</a></li></ul></aside>
<footer><p>Copyright 2024 The Lakeside Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
</body></html>"""

ZH_PARAGRAPHS = [
    "本报讯（记者 林晓舟）青禾市人工智能产业园昨日宣布，园区内三家企业联合研发的中文语音模型已进入测试阶段，"
    "预计将在今年秋季向中小企业开放试用。",
    "据介绍，该模型主要面向客服和会议记录场景，能够识别多种方言，并在普通笔记本电脑上运行，"
    "不需要昂贵的专用服务器。",
    "产业园负责人表示，下一步将与本地高校合作，建立公开的评测数据集，让外部团队也能检验模型的实际效果。"
    "业内人士认为，这一做法有助于减少夸大宣传。",
]

ZH_ARTICLE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青禾产业园发布中文语音模型_青禾新闻网</title></head>
<body><table width="760"><tr><td>
<a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/tech">科技</a> | <a href="/bbs">论坛</a>
</td></tr><tr><td>您的位置：<a href="/">首页</a> &gt; <a href="/tech">科技</a> &gt; 正文</td></tr>
<tr><td class="content">
<h1>青禾产业园发布中文语音模型</h1>
<div>2023年11月08日 09:15　来源：青禾日报</div>
{"".join(f"<p>　　{p}</p>" for p in ZH_PARAGRAPHS)}
<p>（责任编辑：周明）</p>
<p><a href="/1.html">上一篇：园区举办创新大赛</a>　<a href="/3.html">下一篇：新能源车销量增长</a></p>
</td></tr><tr><td>Copyright © 2003-2023 青禾新闻网 版权所有 未经授权禁止转载</td></tr></table></body></html>"""

COMMENTS_PAGE = EN_ARTICLE.replace("</article>", """</article>
<div id="comments"><h3>2 Responses</h3><ol class="commentlist">
<li class="comment" id="comment-11"><div class="comment-author vcard"><cite class="fn">Mira Stone</cite> says:</div>
<div class="comment-meta"><time datetime="2024-03-06T10:00:00Z">March 6, 2024</time></div>
<div class="comment-content"><p>Uniform parcels are the easy case; I would like to see the depot numbers.</p></div>
<a class="comment-reply-link" href="#">Reply</a></li>
<li class="comment" id="comment-12"><div class="comment-author vcard"><cite class="fn">Tomas Reed</cite> says:</div>
<div class="comment-meta"><time datetime="2024-03-07T08:00:00Z">March 7, 2024</time></div>
<div class="comment-content"><p>Publishing the failure cases is the part that matters most here.</p></div>
<a class="comment-reply-link" href="#">Reply</a></li></ol></div>""")


def _text(page: HtmlPage) -> str:
    return "\n".join(page.paragraphs)


@pytest.fixture(scope="module")
def en_page() -> HtmlPage:
    return extract_html(EN_ARTICLE, url="https://courier.example/tech/robot")


@pytest.fixture(scope="module")
def zh_page() -> HtmlPage:
    return extract_html(ZH_ARTICLE)


def test_article_keeps_body_and_drops_furniture(en_page: HtmlPage) -> None:
    body = _text(en_page)
    for paragraph in EN_PARAGRAPHS:
        assert paragraph in en_page.paragraphs
    for furniture in ("Home", "Drone couriers", "All rights reserved", "Privacy", "Tweet"):
        assert furniture not in body
    assert "SCRIPT-PAYLOAD" not in body and "STYLE-SHOULD" not in body


def test_article_metadata(en_page: HtmlPage) -> None:
    assert en_page.title == "Warehouse robot doubles sorting speed, lab says"
    assert en_page.published == "2024-03-05"
    assert en_page.authors == ["Peter Quill"]
    assert en_page.site_name == "The Lakeside Courier"
    assert en_page.language == "en-US"
    assert en_page.title not in en_page.paragraphs  # the title is its own field


def test_chinese_article(zh_page: HtmlPage) -> None:
    body = _text(zh_page)
    for paragraph in ZH_PARAGRAPHS:
        assert paragraph in body
    for furniture in ("责任编辑", "上一篇", "版权所有", "您的位置", "论坛"):
        assert furniture not in body
    assert zh_page.title == "青禾产业园发布中文语音模型"
    assert zh_page.published == "2023-11-08"


def test_comments_with_authors_and_dates() -> None:
    page = extract_html(COMMENTS_PAGE)
    authors = [(c.author, c.published) for c in page.comments]
    assert authors == [("Mira Stone", "2024-03-06"), ("Tomas Reed", "2024-03-07")]
    assert page.comments[0].text == "Uniform parcels are the easy case; I would like to see the depot numbers."
    assert all("Reply" not in c.text for c in page.comments)
    assert not any("depot numbers" in p for p in page.paragraphs)  # comments stay out of the body


@pytest.mark.parametrize(("raw", "site", "expected"), [
    ("Warehouse robot doubles speed - The Lakeside Courier", "The Lakeside Courier", "Warehouse robot doubles speed"),
    ("Warehouse robot doubles speed | Tech | Courier", None, "Warehouse robot doubles speed"),
    ("青禾产业园发布中文语音模型_科技频道_青禾新闻网", None, "青禾产业园发布中文语音模型"),
    ("青禾产业园发布中文语音模型--青禾新闻网", None, "青禾产业园发布中文语音模型"),
    ("US-China chip talks resume", None, "US-China chip talks resume"),
])
def test_title_suffix_stripping(raw: str, site: str | None, expected: str) -> None:
    assert clean_title(raw, site, []) == expected


def test_title_prefers_matching_h1() -> None:
    assert clean_title("Courier | Robots sort parcels faster", None, ["Robots sort parcels faster"]) \
        == "Robots sort parcels faster"


def test_chinese_byline_authors() -> None:
    assert byline_names("首页 > 科技") == []
    assert byline_names("作者：林晓舟　来源：青禾日报") == ["林晓舟"]
    assert paragraph_credit("（记者 周明）") == ["周明"]
    assert byline_names("本文无署名") == []


def test_author_cleaning_drops_bylines_and_dates() -> None:
    assert clean_authors("By Ada Finch; Ada Finch; Monday November 18; ada@example.com") == ["Ada Finch"]


@pytest.mark.parametrize("markup", [
    "", "   \n\t ", "\x00\x00", "<html></html>", "<html><head><title>t</title></head></html>",
    "<script>alert(1)</script>", "<div><a href='/'>Home</a> | <a href='/x'>News</a></div>",
])
def test_empty_or_contentless_documents_raise_html_error(markup: str) -> None:
    with pytest.raises(HtmlError):
        extract_html(markup)


def test_tiny_page_keeps_its_text() -> None:
    assert extract_html("<p>Only a short note.</p>").paragraphs == ["Only a short note."]


def test_non_text_input_is_refused() -> None:
    with pytest.raises(HtmlError, match="expected HTML text"):
        extract_html(12345)  # type: ignore[arg-type]


def test_bytes_are_decoded() -> None:
    page = extract_html(ZH_ARTICLE.encode("gb18030"))
    assert ZH_PARAGRAPHS[0] in _text(page)


def test_script_payloads_and_event_handlers_never_become_text() -> None:
    hostile = EN_ARTICLE.replace(
        "<article>", '<article onload="steal()"><script>document.write("INJECTED-TEXT")</script>'
        '<img src=x onerror="alert(\'ONERROR-TEXT\')"><noscript>NOSCRIPT-TEXT</noscript>')
    body = _text(extract_html(hostile))
    assert EN_PARAGRAPHS[0] in body
    assert not any(marker in body for marker in ("INJECTED", "ONERROR", "steal", "NOSCRIPT"))


def test_huge_attribute_is_neutralised() -> None:
    hostile = EN_ARTICLE.replace("<article>", f'<article data-blob="{"A" * 2_000_000}">')
    started = time.perf_counter()
    page = extract_html(hostile)
    assert EN_PARAGRAPHS[1] in page.paragraphs
    assert time.perf_counter() - started < 10


def test_ten_thousand_deep_nesting_is_refused_quickly() -> None:
    hostile = "<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</body></html>"
    started = time.perf_counter()
    with pytest.raises(HtmlError, match="nested"):
        extract_html(hostile)
    assert time.perf_counter() - started < 5


def test_unclosed_inline_tags_are_repaired_not_refused() -> None:
    # Old pages leave <font> open; lxml would nest them past its 256-level limit and drop the rest.
    page = extract_html(EN_ARTICLE.replace("<article>", "<article>" + "<font size=2>" * 400))
    assert EN_PARAGRAPHS[3] in page.paragraphs


def test_fifty_megabytes_is_refused_without_parsing() -> None:
    started = time.perf_counter()
    with pytest.raises(HtmlError, match="oversized"):
        extract_html("<p>" + "x" * 50_000_000 + "</p>")
    assert time.perf_counter() - started < 2
    assert MAX_MARKUP_CHARS < 50_000_000


def test_too_many_elements_is_refused() -> None:
    with pytest.raises(HtmlError, match="elements"):
        extract_html("<html><body>" + "<b></b>" * 200_000 + "</body></html>")


def test_body_less_document_with_text_still_works() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)  # no <html>, <head> or <body>
    page = extract_html(fragment)
    assert EN_PARAGRAPHS[2] in page.paragraphs


def test_odd_unicode_survives() -> None:
    odd = EN_ARTICLE.replace("spring.", "spring \ud800 \u202e\ufeff 😀.")
    page = extract_html(odd)
    assert any("spring" in p for p in page.paragraphs)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000) | st.builds(lambda a, b: f"<html><body><p>{a}</p><div>{b}</div></body></html>",
                                         st.text(max_size=800), st.text(max_size=800)))
def test_arbitrary_text_raises_nothing_but_html_error(text: str) -> None:
    try:
        page = extract_html(text)
    except HtmlError:
        return
    assert isinstance(page, HtmlPage) and all(isinstance(p, str) and p for p in page.paragraphs)
