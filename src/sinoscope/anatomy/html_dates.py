"""An HTML page's own date, at the precision the page gives, or none.

Where a page says when it was published, in order of trust:

0. an official document's own date in the particulars its page prints ("成文日期：…"), not its posting date;
1. structured metadata (article:published_time, itemprop/JSON-LD datePublished, pubdate, dc.date, …);
2. the printed dateline: a date on a short line between the headline and the article ("2005-04-27 14:32更新
   来源：…"), else a short dated line inside the article (a forum post's "发表于 2005-8-12 16:12"), else one
   above the headline; a line that is only a date or that names an issue ("——《某刊》1998年3月号") may give
   a month;
3. the URL (/2018/03/09/, t20180309_).

Never a date after the article (comments, 'related articles' rails, archives), a date inside a link (a
teaser), a copyright year, or a guess: a page with none of these is undated.
"""

from __future__ import annotations

import json
import re

from lxml.html import HtmlElement

from sinoscope.anatomy.dates import FoundDate, find_dates, iso_precision, url_date
from sinoscope.anatomy.html_blocks import Block
from sinoscope.anatomy.html_layout import Layout

_PUBLISHED_KEYS = (
    "article:published_time", "article:published", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish_date", "publish-date", "pubdate", "publication_date", "publicationdate",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "citation_publication_date", "citation_date", "prism.publicationdate", "date",
)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
_COPYRIGHT = re.compile(r"copyright|©|\(c\)|all rights reserved|版权所有|版权|备案|许可证", re.I)
_MAX_DATELINE_CHARS = 150
_MAX_LINK_DENSITY = 0.5
# Lines where a month alone is the page's date: an issue note, or a line that is a date and a label.
_ISSUE_NOTE = re.compile(r"《[^》]{1,30}》\s*$|[期号刊]\s*$|^\W{0,3}$")


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """Every meta tag's content under each of its names (property, name and each itemprop token)."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        names = " ".join(element.get(a) or "" for a in ("property", "name")).split()
        names += (element.get("itemprop") or "").split()
        for key in names if content else []:
            values.setdefault(key.lower(), content)
    return values


def page_url(tree: HtmlElement, url: str | None) -> str | None:
    """The page's address: the one it was fetched from, else its canonical link or og:url."""
    if url:
        return url
    for element in tree.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            return element.get("href")
    return _meta_values(tree).get("og:url")


def _as_date(value: str) -> str | None:
    found = find_dates(value)
    return found[0].iso if found else iso_precision(value)


def structured_date(tree: HtmlElement) -> str | None:
    """The publication date the page's metadata declares, if any."""
    values = _meta_values(tree)
    for key in _PUBLISHED_KEYS:
        if key in values and (date := _as_date(values[key])):
            return date
    for element in tree.iter("time"):
        published = element.get("itemprop") == "datePublished" or element.get("pubdate") is not None
        if published and (date := _as_date(element.get("datetime") or element.text_content())):
            return date
    for element in tree.iter("script"):
        is_json_ld = (element.get("type") or "").lower() == "application/ld+json"
        if is_json_ld and element.text and (match := _LD_PUBLISHED.search(element.text[:50_000])):
            try:
                value = json.loads(f'"{match.group(1)}"')
            except ValueError:
                value = match.group(1)
            if date := _as_date(value):
                return date
    return None


# A sentence, not a dateline: the date is something the article reports ("报名日期为2003年11月1日至…。").
_PROSE = re.compile(r"[。，；！？]|\w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+")
# The line under a blog or forum post: "发表于 2004年12月27日 12:40", "Posted on March 3, 2005".
_POSTED = re.compile(r"发表|发布|写于|posted|published", re.I)
# A profile's dates in a sidebar are not the article's: "建立于:2004年10月6日", "注册时间", "Joined".
_PROFILE = re.compile(r"建立于|创建于|注册|加入时间|入驻|joined|member since", re.I)
# The wire-style dateline that opens a Chinese article: "【看中国2005年07月03日报道】", "（新华社北京3月9日电）".
_OPENING_DATELINE = re.compile(r"^\W{0,2}[【（(\[][^】）)\]]{0,30}?(?=\d)(?P<date>[^】）)\]]{6,24}?)"
                               r"(报道|讯|电)[】）)\]]")


def _line_dates(block: Block, day_first: bool | None, *, coarse: bool = False, max_links: float = _MAX_LINK_DENSITY,
                prose_ok: bool = True) -> list[FoundDate]:
    text = block.text
    if (len(text) > _MAX_DATELINE_CHARS or block.link_density > max_links or _COPYRIGHT.search(text)
            or _PROFILE.search(text)):
        return []
    if not prose_ok and _PROSE.search(text):
        return []
    found = find_dates(text, coarse=coarse, day_first=day_first)
    if coarse:  # a month alone only on an issue note or a bare date line
        found = [f for f in found if f.precision == "day" or (
            _ISSUE_NOTE.search(text[: f.start]) and len(text) - f.end <= 4)]
    return found


def _opening_dateline(block: Block) -> list[FoundDate]:
    match = _OPENING_DATELINE.match(block.text)
    return find_dates(match.group("date")) if match else []


def _first(candidates: list[list[FoundDate]]) -> str | None:
    return next((found[0].iso for found in candidates if found), None)


def printed_date(layout: Layout | None, day_first: bool | None = None) -> str | None:
    """The dateline the page prints near its headline or in its article; None outside those places."""
    if layout is None:
        return None
    # the header strip often links the outlet's name ("http://www.example.cn/ 2005-07-18 13:03")
    header = [_line_dates(b, day_first, max_links=0.7) for b in layout.header]
    article = [_opening_dateline(b) for b in layout.article[:5]]
    article += [_line_dates(b, day_first, coarse=True, prose_ok=False) for b in layout.article]
    footer = [_line_dates(b, day_first) for b in layout.after(2) if _POSTED.search(b.text)]
    above = [_line_dates(b, day_first) for b in layout.above(8)]
    issue = [_line_dates(b, day_first, coarse=True, prose_ok=False) for b in layout.article[-3:]]
    return _first(header + article + footer) or _first(above) or _first(issue)


def document_date(layout: Layout | None) -> str | None:
    """The date an official document bears ("成文日期：2022年01月27日" in the particulars its page prints),
    which is its date rather than the day the page went up ("发布日期")."""
    value = layout.field("成文日期|签发日期") if layout else None
    found = find_dates(value) if value else []
    return found[0].iso if found else None


def page_date(tree: HtmlElement, layout: Layout | None, url: str | None, day_first: bool | None = None) -> str | None:
    """The page's own date ('2018', '2018-03' or '2018-03-09'), or None when the page does not say."""
    return (document_date(layout) or structured_date(tree) or printed_date(layout, day_first)
            or url_date(page_url(tree, url)))
