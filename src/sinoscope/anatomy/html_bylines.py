"""An HTML page's authors, from where pages print them, or none.

In order: a byline in the header (between the headline and the article, or opening the article: "本报记者
王明 李华", "By Jane Roe"), a name printed alone under the headline, the page's author metadata when it
names a person (not the site or its software), a byline or a bracketed reporter closing the article
("（王明）", "作者：王明" under the last paragraph), then the credit line of a blog or forum post; failing
those, the issuer of an official document ("发文机关：…", an organisation) or the editor credited under the
article ("责任编辑：王明").
Nothing from comments, rails or footers further down, and nothing that is not a name (see bylines).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from sinoscope.anatomy.bylines import (
    bare_names,
    bracketed_name,
    byline_names,
    credit_names,
    editor_names,
    is_name,
    paragraph_credit,
    source_person,
    split_names,
    without_outlet,
)
from sinoscope.anatomy.dates import find_dates
from sinoscope.anatomy.html_layout import Layout

_AUTHOR_KEYS = ("citation_author", "citation_authors", "dc.creator", "author", "article:author", "byl",
                "sailthru.author", "parsely-author")
_AUTHOR_PREFIX = re.compile(
    r"^((analysis|opinion|commentary|story|words|photos?|text) by|by|from|text|作者|记者|文|撰文)\s*[:：/]?\s*", re.I)
_MAX_CREDIT_LINKS = 0.7
_MAX_BYLINE_LINE = 24
_ISSUER_LABELS = "发文机关|发文单位|发布机构|发文机构"
_ISSUER = re.compile(r"[\u4e00-\u9fff（）()、]{2,30}")
_PEN_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}")
_EXPLICIT = re.compile(r"^\W{0,2}(?:by\s|作者\s*[:：]|文\s*[/／:：])", re.I)


def clean_authors(raw: str | None, site: str | None = None) -> list[str]:
    """Names in an author field ('A; B', 'By A and B'), without dates, addresses, the site or its software."""
    authors: list[str] = []
    site_key = "".join((site or "").split()).casefold()
    for part in re.split(r"\s*[;；|]\s*", raw or ""):
        part = _AUTHOR_PREFIX.sub("", " ".join(part.split())).strip(" .:：")
        for name in split_names(without_outlet(part)) if part else []:
            key = "".join(name.split()).casefold()
            if site_key and (key in site_key or site_key in key):
                continue
            if key not in ("".join(a.split()).casefold() for a in authors):
                authors.append(name)
    return authors


def metadata_authors(tree: HtmlElement, extracted: str | None, site: str | None,
                     printed: list[str] | None = None) -> list[str]:
    """Authors the page's metadata names (citation/author meta tags), else the extractor's guess from the
    markup when the page prints it near the article (`printed`: those lines; None when unknown)."""
    for key in _AUTHOR_KEYS:
        values = [m.get("content") or "" for m in tree.iter("meta")
                  if (m.get("name") or m.get("property") or "").strip().lower() == key]
        if values and (names := clean_authors("; ".join(values), site)):
            return names
    guessed = clean_authors(extracted, site)
    if printed is None:
        return guessed
    return [n for n in guessed if any(n in line for line in printed)]


def _first(lines: list[str], *readers) -> list[str]:
    for line in lines:
        for read in readers:
            if names := read(line):
                return names
    return []


def _bylines(lines: list[str]) -> list[str]:
    """The first byline, with the names of a byline on the next line ("本报实习生 王明" / "本报记者 李华")."""
    for index, line in enumerate(lines):
        if names := byline_names(line) or _dateline_reporter(line):
            following = byline_names(lines[index + 1]) if index + 1 < len(lines) else []
            return list(dict.fromkeys(names + following))
    return []


def _dateline_reporter(line: str) -> list[str]:
    """A bracketed name in a dateline strip: "2004年7月16日08:19 [ 王明 ] 来源：…"."""
    return bracketed_name(line) if find_dates(line) else []


def _signed_headline(lines: list[str]) -> list[str]:
    """A writer named twice at the top: a headline signed "茉样：我的一九八九" and the name alone on a line
    under it, as essays are reposted. The headline alone could be a quote ("李样例：经济稳中向好")."""
    for line in lines:
        name = line.strip()
        if _PEN_NAME.fullmatch(name) and is_name(name) and any(
                other.startswith((name + "：", name + ":")) and len(other) > len(name) + 3 for other in lines):
            return [name]
    return []


def _latin(names: list[str]) -> bool:
    return bool(names) and not any(re.search(r"[\u3400-\u9fff]", n) for n in names)


def page_authors(layout: Layout | None, tree: HtmlElement, extracted: str | None, site: str | None) -> list[str]:
    guessed = clean_authors(extracted, site)
    if _latin(guessed):
        return guessed  # Latin-script pages mark their bylines up well; Chinese CMS pages rarely do
    declared = metadata_authors(tree, extracted, site)
    if layout is None or _latin(declared):
        return declared
    # a linked line is a menu item ("记者江湖"), unless it says it is a byline ("By <a>Jane Roe</a>", "作者：<a>…")
    header = [b.text for b in layout.header if b.link_density <= 0.5 or _EXPLICIT.match(b.text)]
    opening = [b.text for b in layout.article[:12] if b.link_density <= 0.5 or _EXPLICIT.match(b.text)]
    # a name alone on its line only right under the headline (not a menu of one-word links)
    under_title = [b.text for b in (layout.header[1:2] if layout.title_at is not None else []) + layout.article[:4]
                   if b.link_density == 0]
    closing = [b.text for b in layout.article[-3:]] + [b.text for b in layout.after(3)]
    credits = [b.text for b in layout.article + layout.after(3) if b.link_density <= _MAX_CREDIT_LINKS]
    printed = [b.text for b in layout.header + layout.article[:3] + layout.article[-3:] + layout.after(3)
               if b.link_density < 0.5 and len(b.text) <= 120]
    names = (_bylines(header + opening)
             or _first(opening[:1], paragraph_credit)
             or _first(under_title, bare_names)
             or _signed_headline(header + opening[:6])
             or metadata_authors(tree, extracted, site, printed)
             or _first(closing, byline_names)
             or _first([b.text for b in layout.article[-2:]][::-1], paragraph_credit)
             or _first([b.text for b in layout.article[-1:]], bracketed_name)
             or _first(credits, credit_names)
             # a byline standing on its own line further into the article ("□ 本报记者 王明")
             or _first([b.text for b in layout.article if len(b.text) <= _MAX_BYLINE_LINE], byline_names)
             or _first(closing, source_person))
    if names := [n for n in names if is_name(n)]:
        return names
    if issuer := _issuer(layout):
        return [issuer]
    # no writer named anywhere: the editor who put the page up is its author ("责任编辑：王明")
    return [n for n in _first(closing + header, editor_names) if is_name(n)]


def _issuer(layout: Layout) -> str | None:
    """The body that issued an official document, from the particulars its page prints ("发文机关：某省人民政府")."""
    value = layout.field(_ISSUER_LABELS)
    return value if value and _ISSUER.fullmatch(value) else None
