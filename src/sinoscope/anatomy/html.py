"""HTML page → main content (paragraphs), metadata and reader comments.

Input is decoded text (see sinoscope.sources.decode). Hostile or broken markup never crashes: it yields a
clean HtmlPage or an HtmlError saying what was wrong. Guards run before the expensive extractors:
size, oversized attribute values, control characters, nesting depth (libxml2 silently stops parsing
past 256 levels, which would hide the rest of the page) and element count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from sinoscope.anatomy.html_blocks import normalize_space
from sinoscope.anatomy.html_bylines import page_authors
from sinoscope.anatomy.html_comments import fallback_comments, safe_structured_comments
from sinoscope.anatomy.html_content import (
    choose_content,
    drop_title_echo,
    is_furniture,
    needs_second_reading,
    run_readability,
    run_trafilatura,
)
from sinoscope.anatomy.html_dates import page_date, page_url
from sinoscope.anatomy.html_layout import page_blocks, page_layout
from sinoscope.anatomy.html_meta import (
    declared_language,
    document_title,
    site_name,
)
from sinoscope.anatomy.outlets import day_first, outlet_of_url

MAX_MARKUP_CHARS = 10_000_000
MAX_ELEMENTS = 150_000
MAX_DEPTH = 250  # libxml2's HTML parser gives up at 256
_MAX_ATTRIBUTE_CHARS = 20_000
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# An attribute value this long is a data: URI or an attack, never content; blank it before parsing.
_HUGE_ATTRIBUTE = re.compile(
    rf"(\s[\w:.-]{{1,60}}\s*=\s*)(\"[^\"<>]{{{_MAX_ATTRIBUTE_CHARS},}}\"|'[^'<>]{{{_MAX_ATTRIBUTE_CHARS},}}')")
# Inline tags people forget to close (<font>, <b>…): stripping them is the repair for 'too deep' trees.
_INLINE_TAGS = re.compile(r"</?(font|b|i|u|s|em|strong|span|small|big|a|sup|sub|strike|tt|code|mark|abbr|label)"
                          r"(\s[^>]*)?/?>", re.I)
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                     remove_pis=True)


@dataclass
class HtmlComment:
    author: str | None
    text: str
    published: str | None = None  # YYYY-MM-DD


@dataclass
class HtmlPage:
    title: str | None
    published: str | None  # YYYY-MM-DD
    authors: list[str]
    site_name: str | None
    language: str | None  # from <html lang> / meta, if any
    paragraphs: list[str]  # main content in reading order; headings and list items are paragraphs of their own
    comments: list[HtmlComment] = field(default_factory=list)


class HtmlError(ValueError):
    """The input cannot give a page: empty, no main content, or hostile/oversized markup."""


def _prepare(html: object) -> str:
    if isinstance(html, bytes):
        from sinoscope.sources.decode import DecodeError, decode_bytes

        try:
            html = decode_bytes(html).text
        except DecodeError as error:
            raise HtmlError(f"not an HTML page: {error}") from error
    if not isinstance(html, str):
        raise HtmlError(f"expected HTML text, got {type(html).__name__}")
    if len(html) > MAX_MARKUP_CHARS:
        raise HtmlError(f"oversized markup: {len(html):,} characters (limit {MAX_MARKUP_CHARS:,})")
    html = _CONTROL_CHARS.sub("", html)
    if not html.strip():
        raise HtmlError("empty document")
    # the regex is slow on a whole page; a huge value needs a stretch this long between two '<'
    if any(len(piece) >= _MAX_ATTRIBUTE_CHARS for piece in html.split("<")):
        html = _HUGE_ATTRIBUTE.sub(r'\1""', html)
    return html


def _tree_depth_and_size(tree: HtmlElement) -> tuple[int, int]:
    depth = deepest = count = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            count += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest, count


def _parse_once(html: str) -> HtmlElement:
    try:
        return document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise HtmlError(f"unparseable markup: {error}") from error


def parse_guarded(html: str) -> HtmlElement:
    """Parse with lxml, refusing trees the extractors cannot handle safely."""
    tree = _parse_once(html)
    depth, count = _tree_depth_and_size(tree)
    if depth >= MAX_DEPTH:
        tree = _parse_once(_INLINE_TAGS.sub(" ", html))
        depth, count = _tree_depth_and_size(tree)
        if depth >= MAX_DEPTH:
            raise HtmlError(f"hostile markup: elements nested {depth}+ levels deep (limit {MAX_DEPTH})")
    if count > MAX_ELEMENTS:
        raise HtmlError(f"hostile/oversized markup: {count:,} elements (limit {MAX_ELEMENTS:,})")
    return tree


def _squeezed(text: str) -> str:
    return "".join(text.split())


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Main content, metadata and comments of one HTML page; raises HtmlError when there is no page."""
    html = _prepare(html)
    tree = parse_guarded(html)
    extraction = run_trafilatura(tree, url)  # works on its own copy of the tree
    metadata = extraction.metadata
    site = site_name(tree, getattr(metadata, "sitename", None), url)
    title = document_title(tree, getattr(metadata, "title", None), site)
    laid_out = page_blocks(tree)  # one layout of the page, for the quality check and the dateline/byline readers
    # readability reads the page only when trafilatura's reading fails the quality check (one that opens on
    # its headline fails too: with the headline, trafilatura often keeps the strip around it)
    second_needed = needs_second_reading(extraction.body, laid_out)
    blocks, _reason = choose_content(extraction.body, run_readability(tree) if second_needed else [])
    blocks = drop_title_echo(blocks, title)

    records = safe_structured_comments(tree) or fallback_comments(extraction.comments, is_furniture)
    comments = [HtmlComment(r.author, r.text, r.published) for r in records]
    comment_texts = {_squeezed(c.text) for c in comments}
    paragraphs = [b.text for b in blocks if _squeezed(b.text) not in comment_texts]
    if not paragraphs:
        raise HtmlError("no main content: neither extractor found article text")
    layout = page_layout(laid_out, paragraphs, title)
    language = declared_language(tree)
    outlet = outlet_of_url(page_url(tree, url))
    return HtmlPage(
        title=normalize_space(title) if title else None,
        published=page_date(tree, layout, url, day_first(outlet, language)),
        authors=page_authors(layout, tree, getattr(metadata, "author", None), site),
        site_name=site,
        language=language,
        paragraphs=paragraphs,
        comments=comments,
    )
