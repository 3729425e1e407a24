"""Dates at their precision, bylines and what is not a name, outlets and titles, on pages and lines written
for these tests (sample outlets and people: Harbourline Gazette, 青岚日报, 王样例 … are fictional)."""

from __future__ import annotations

import pytest

from sinoscope.anatomy.bylines import (
    byline_names,
    credit_names,
    editor_names,
    is_credit_line,
    is_name,
    paragraph_credit,
    source_person,
)
from sinoscope.anatomy.dates import find_dates, iso_precision, url_date
from sinoscope.anatomy.html import extract_html
from sinoscope.anatomy.outlets import outlet_of_url

BODY_ZH = ("<p>青岚实验室是一家虚构的研究机构，它在发布会上介绍了新的推理芯片设计，"
           "并表示将与多家本地企业合作推进样片测试。</p>"
           "<p>实验室负责人表示，团队将继续扩大规模，预计明年完成第二代设计，同时开放部分工具供高校使用。</p>"
           "<p>业内人士认为，这一计划显示地方研究机构正在加快布局，但量产仍面临制造环节的挑战和成本压力。</p>")
BODY_EN = ("<p>Harbourline Lab, a fictional research group, presented a new inference chip design on Tuesday and "
           "said it would test samples with several local companies over the coming months.</p>"
           "<p>The lab's director said the team would keep growing and expected to finish a second design next "
           "year, while opening some of its tools to universities in the region.</p>"
           "<p>Analysts said the plan showed regional labs moving faster on chip design, though manufacturing "
           "remained the hardest part of the work and the most expensive.</p>")


def page(header: str = "", body: str = BODY_ZH, after: str = "", head: str = "",
         title: str = "青岚实验室发布推理芯片") -> str:
    """A sample page; its <h1> is the headline, its <title> may add the site's name after '_' or '|'."""
    headline = title.split("_")[0].split(" | ")[0]
    return (f"<html><head><title>{title}</title>{head}</head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<h1>{headline}</h1>{header}<div class='article'>{body}</div>{after}</body></html>")


@pytest.mark.parametrize(("text", "iso"), [
    ("2005-3-11 21:23", "2005-03-11"), ("2005年3月11日", "2005-03-11"), ("March 11, 2005", "2005-03-11"),
    ("25/03/2005", "2005-03-25"),
])
def test_dates_in_both_languages(text: str, iso: str) -> None:
    assert [f.iso for f in find_dates(text)] == [iso]


def test_a_numeric_date_is_read_by_the_outlets_locale_only_when_ambiguous() -> None:
    assert find_dates("11/03/2005") == []
    assert [f.iso for f in find_dates("11/03/2005", day_first=True)] == ["2005-03-11"]
    assert [f.iso for f in find_dates("11/03/2005", day_first=False)] == ["2005-11-03"]


def test_dates_keep_their_precision() -> None:
    assert [f.iso for f in find_dates("——《样例月刊》1998年3月号", coarse=True)] == ["1998-03"]
    assert [f.iso for f in find_dates("March 2026", coarse=True)] == ["2026-03"]
    assert find_dates("1998年3月号") == []  # a month only when asked for
    assert (iso_precision("2018"), iso_precision("2018-03"), iso_precision("2018-03-09T10:00:00Z")) == (
        "2018", "2018-03", "2018-03-09")
    assert find_dates("2005-3-11 21:23")[0].timed and not find_dates("2005-3-11")[0].timed


@pytest.mark.parametrize(("url", "iso"), [
    ("https://news.example.com/2018/03/09/chips.html", "2018-03-09"),
    ("http://www.example.cn/c/2018-03-09/123.shtml", "2018-03-09"),
    ("http://www.example.gov.cn/201803/t20180309_1.html", "2018-03-09"),
    ("https://example.com/2018/03/chips", "2018-03"),
    ("https://example.com/article/201803", None),
])
def test_url_dates(url: str, iso: str | None) -> None:
    assert url_date(url) == iso


def test_the_dateline_between_headline_and_article_is_the_date() -> None:
    html = page("<div class='info'>2021-11-25 16:26 来源：青岚日报</div>",
                after="<div class='comments'><p>网友甲 2021-12-01 09:00</p></div>"
                      "<div class='related'><ul><li><a href='/1'>旧闻</a> 2016-03-01</li></ul></div>"
                      "<div>Copyright © 2014 青岚日报 版权所有</div>")
    assert extract_html(html).published == "2021-11-25"


def test_no_date_from_comments_rails_copyright_or_prose() -> None:
    html = page(after="<div class='comments'><p>（2004/10/10 17:06）</p></div>"
                      "<div class='related'><ul><li><a href='/1'>旧闻一则</a> 2016-03-01</li></ul></div>"
                      "<div>Copyright © 2000-2006 青岚日报 版权所有</div>",
                body=BODY_ZH + "<p>报名日期为2003年11月1日至2003年11月30日，外地考生可以提前函报。</p>")
    assert extract_html(html).published is None


def test_meta_tags_url_and_issue_notes_date_a_page() -> None:
    meta = '<meta property="article:published_time" content="2019-11-19T07:03:25+00:00">'
    assert extract_html(page(head=meta)).published == "2019-11-19"
    canonical = '<link rel="canonical" href="https://www.example.com/2019/11/18/chips/index.html">'
    assert extract_html(page(head=canonical)).published == "2019-11-18"
    issue = page(body=BODY_ZH + "<p>——《样例月刊》1998年3月号</p>")
    assert extract_html(issue).published == "1998-03"


def test_a_post_footer_dates_a_blog_post() -> None:
    html = page(after="<p>发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)</p>"
                      "<div class='comments'><p># re: 样例 2004-12-28 12:46 网友乙</p></div>")
    assert extract_html(html).published == "2004-12-27"


@pytest.mark.parametrize(("line", "names"), [
    ("样例日报记者 王样例 李样例", ["王样例", "李样例"]),
    ("本报记者罗样例发自北京", ["罗样例"]),
    ("本报实习生 刘样例 周样", ["刘样例", "周样"]),
    ("作者：宋样例 杨样例", ["宋样例", "杨样例"]),
    ("作者： 放飞&样例", ["放飞&样例"]),
    ("文/林样例", ["林样例"]),
    ("林样例/文", ["林样例"]),
    ("记者 王样例 北京报道", ["王样例"]),
    ("作者： 周样例 (Joel Sample)", ["周样例 (Joel Sample)"]),
    ("By Jane Sample and Tom Example", ["Jane Sample", "Tom Example"]),
    ("Jane Sample, Reuters", ["Jane Sample"]),
    ("文化部发布了新的指导意见", []),
    ("本刊记者经历了近4个小时的车程", []),
    ("作者简介", []),
    ("2005-04-05 06:40更新 来源：转载文章", []),
])
def test_bylines(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize("text", ["06:40更新", "章评论", "简介", "网友评论 0 条", "Discuz Team", "Comsenz UI Team",
                                  "楼主", "样例晚报", "Reuters", "Admin", "王样例的报道", "Monday November 18"])
def test_what_is_not_a_name(text: str) -> None:
    assert not is_name(text)


def test_credits_in_brackets_and_on_forum_posts() -> None:
    assert paragraph_credit("本报讯（实习记者 樊样 张样例 记者惠样）13岁的她") == ["樊样", "张样例", "惠样"]
    assert paragraph_credit("……为行业发展起到推动作用。（总台记者 张样例）") == ["张样例"]
    assert paragraph_credit("……过一个祥和的新春佳节。（常样例 马样例 ）") == ["常样例", "马样例"]
    assert paragraph_credit("他在会上发言（见下图）。") == []
    assert credit_names("本贴由大样于2005年8月12日16:12:21在〖样例论坛〗发表.") == ["大样"]
    assert credit_names("samplefan 发表于 2005-9-15 11:46:00") == ["samplefan"]
    assert credit_names("由于价格的提高可以上溯到2004年6月15日，他表现得很兴奋") == []


def test_html_bylines_come_from_the_header_or_the_close_of_the_article() -> None:
    assert extract_html(page("<p>样例日报记者 王样例 李样例</p>")).authors == ["王样例", "李样例"]
    closing = BODY_ZH.replace("成本压力。</p>", "成本压力。（记者 胡样例）</p>")
    assert extract_html(page(body=closing)).authors == ["胡样例"]
    menu = page("<div><a href='/x'>记者江湖</a></div><div>2021-11-25 16:26 来源：转载文章</div>")
    assert extract_html(menu).authors == []


def test_editors_and_sources_credited_under_the_article() -> None:
    assert editor_names("（ 责任编辑：魏样例 ）") == ["魏样例"]
    assert editor_names("来源：青岚日报 编辑：苏样例") == ["苏样例"]
    assert editor_names("(责编：萧样、张样例)") == ["萧样", "张样例"]
    assert editor_names("编辑：王样例 校对：李样例") == ["王样例"]
    assert editor_names("美术编辑：王样例") == editor_names("责任编辑：") == editor_names("-- 给编辑写信") == []
    assert source_person("来源: 尹样例") == ["尹样例"]
    assert source_person("来源：青岚日报") == source_person("来源：转载文章") == source_person("来源：齐鲁") == []


def test_the_editor_is_the_author_only_when_no_writer_is_named() -> None:
    edited = page(after="<p>来源：青岚日报</p><p>编辑：苏样例</p><div class='related'><p>相关报道：</p></div>")
    assert extract_html(edited).authors == ["苏样例"]
    written = page("<p>样例日报记者 王样例</p>", after="<p>（ 责任编辑：魏样例 ）</p>")
    assert extract_html(written).authors == ["王样例"]
    sourced = page(after="<p>来源: 尹样例</p><p>【发表评论】【关闭窗口】</p>")
    assert extract_html(sourced).authors == ["尹样例"]


def test_an_essay_signed_in_its_headline_and_under_it() -> None:
    signed = "<p>茉样：我的一九八九</p><p>我的一九八九</p><p>茉样</p>" + BODY_ZH
    assert extract_html(page(body=signed, title="谢谢您访问样例中心")).authors == ["茉样"]
    quoted = "<p>李样例：研究机构正在加快布局</p>" + BODY_ZH  # a headline quoting a speaker names no writer
    assert extract_html(page(body=quoted, title="谢谢您访问样例中心")).authors == []


def test_an_official_document_is_by_its_issuer_and_bears_its_own_date() -> None:
    particulars = ("<table><tr><td>索 引 号：</td><td>000000000/2022-00001</td></tr>"
                   "<tr><td>发文机关：</td><td>青岚市人民政府</td></tr>"
                   "<tr><td>成文日期：</td><td>2022年01月27日</td></tr>"
                   "<tr><td>发布日期：</td><td>2022年01月28日</td></tr></table>")
    html = page(particulars, head='<meta name="PubDate" content="2022-01-28 00:00:00">',
                title="青岚市人民政府关于样例工程建设范围内禁止新增建设项目的通告")
    got = extract_html(html)
    assert (got.authors, got.published) == (["青岚市人民政府"], "2022-01-27")
    one_line = page("<p>发文机关：青岚市人民政府 成文日期：2022年01月27日 发布日期：2022年01月28日</p>")
    assert (extract_html(one_line).authors, extract_html(one_line).published) == (["青岚市人民政府"], "2022-01-27")
    # a news page's labels are not a document's particulars
    assert extract_html(page("<p>发布日期：2022年01月28日</p>")).published == "2022-01-28"


def test_bylines_and_photo_credits_are_never_titles() -> None:
    assert is_credit_line("样例日报记者 王样例 李样例") and is_credit_line("拿出10万元做投资 蔡样例/摄")
    assert not is_credit_line("青岚实验室发布推理芯片")
    html = page("<h2>样例日报记者 王样例 李样例</h2>", title="青岚实验室发布推理芯片_青岚日报")
    assert extract_html(html).title == "青岚实验室发布推理芯片"


def test_outlets_from_the_host_the_site_name_or_the_masthead_never_a_copyright_line() -> None:
    assert outlet_of_url("https://www.reuters.com/world/china/x").id == "reuters"
    assert outlet_of_url("http://news.sina.com.cn/c/2005-03-11/x.shtml").id == "sina"
    assert outlet_of_url("https://www.bbc.com/zhongwen/simp/x").id == "bbc_chinese"
    assert outlet_of_url("https://sample.example/x") is None
    copyright_line = '<meta property="og:site_name" content="Copyright © 2017 Sample Inc. All Rights Reserved.">'
    canonical = '<link rel="canonical" href="https://www.sohu.com/a/123">'
    assert extract_html(page(head=copyright_line + canonical)).site_name == "搜狐"
    assert extract_html(page(title="青岚实验室发布推理芯片_青岚日报")).site_name == "青岚日报"
    english = page(body=BODY_EN, title="Harbourline Lab shows a chip | Harbourline Gazette",
                   head='<meta property="og:site_name" content="Harbourline Gazette">')
    assert extract_html(english).site_name == "Harbourline Gazette"


def test_numeric_dates_follow_the_outlets_locale() -> None:
    dateline = "<div class='info'>Posted 11/03/2005 09:30</div>"
    gb = page(dateline, body=BODY_EN, title="Harbourline Lab shows a chip")
    assert extract_html(gb.replace("<html>", "<html lang='en-GB'>")).published == "2005-03-11"
    assert extract_html(gb.replace("<html>", "<html lang='en-US'>")).published == "2005-11-03"
    assert extract_html(gb).published is None  # no locale: the order is unknown
