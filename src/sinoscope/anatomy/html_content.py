"""Main content: run trafilatura, and readability-lxml unless trafilatura's reading passes a quality check;
drop page furniture, keep the better reading.

Why two extractors: trafilatura is precise on modern English pages but often swallows whole table-layout
Chinese pages (navigation, 'related' lists, copyright footers); readability is the reverse. Each one's
output is first cleaned of furniture blocks, then compared:

* when one output is a small fragment of the other (< 55 % of its size), the longer one wins if the
  material only it has reads as prose (sentences, few links), since the short one then missed the article;
* otherwise the longer one wins only when nearly all of its extra material is prose;
* else the shorter (more precise) one wins, as the extra material is mostly furniture.

trafilatura runs in its fast mode: its own fallback is a second readability pass (its vendored copy, then
justext) that this comparison makes redundant, and it cost a fifth of trafilatura's time; the fallback runs
only when the fast reading fails (see run_trafilatura). readability is skipped when trafilatura's reading is
clean article prose that covers the page's prose (needs_second_reading): it could then neither find a missed
article nor trim furniture.
"""

from __future__ import annotations

import contextlib
import logging
import re
from copy import deepcopy
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, fromstring
from lxml_html_clean import Cleaner
from readability import Document as ReadabilityDocument
from readability.readability import REGEXES as READABILITY_REGEXES
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

from sinoscope.anatomy.html_blocks import Block, cjk_share, element_blocks

_FRAGMENT_RATIO = 0.55
_PROSE_SHARE_TO_PREFER_LONGER = 0.9
_MAX_LINK_DENSITY = 0.5
# A reading that passes without a second extractor: nearly all prose, almost no link text, nothing the furniture
# filter had to drop, and most of the prose the page prints (else it may be a fragment of the article).
_CLEAN_PROSE_SHARE = 0.9
_CLEAN_LINK_SHARE = 0.02
_CLEAN_FURNITURE_SHARE = 0.01
_CLEAN_PAGE_PROSE_COVERAGE = 0.6

_COPYRIGHT = re.compile(
    r"copyright|©|ⓒ|all rights reserved|版权所有|版权声明|著作权|"
    r"未经.{0,12}(授权|许可|同意)|(不得|请勿|禁止)(转载|复制)",
    re.I)
# Labels of the byline/info strip ("责任编辑：…", "来源：…", "Tags: …"): furniture when the block is short.
_LABEL = re.compile(
    r"^\W{0,3}(责任编辑|编辑|来源|稿源|出处|作者|发表时间|发布时间|发布日期|更新时间|时间|日期|阅读|点击|浏览|人气|字号|标签|"
    r"关键词|tags?|filed under|posted in)\s*[:：]", re.I)
_NAV = re.compile(
    r"^\W{0,3}((您|你)的?(当前)?位置|当前位置)|上一(篇|页|条)|下一(篇|页|条)|第\s*\d+\s*页\s*/?\s*共\s*\d+\s*页|"
    r"^\W{0,3}(返回(顶部|页首|首页|列表)|关闭窗口|打印(本文|此文|本页)|发送给(朋友|好友)|分享到|收藏本文|推荐给朋友|"
    r"(相关|热门|推荐|最新|延伸)(新闻|文章|阅读|报道|链接|内容|专题|信息|评论)|"
    r"share( this)?|tweet|email|print|follow us|subscribe|related( articles| stories| posts)?|advertisement|"
    r"read more|you may also like|comments?|view comments|sign up|more)\W*$",
    re.I)
# A dateline strip: "2023年11月08日 09:15 来源：…", "2023-11-08 09:15", "2023/11/08 By …".
_DATELINE = re.compile(r"^\W{0,3}\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}:\d{2}(:\d{2})?)?\s*"
                       r"(来源|作者|编辑|记者|稿源|source|by\b|$)", re.I)
_SEPARATORS_ONLY = re.compile(r"^[\s·•|｜/\\\-–—*>»«<:：,，.。、;；+=#~()（）\[\]【】]{0,12}$")
_ZH_CLAUSE_PUNCT = re.compile(r"[，。！？；、]")
_EN_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass
class Extraction:
    """trafilatura's view of the page: its metadata document plus body and comment blocks."""

    metadata: object | None
    body: list[Block]
    comments: list[Block]


def _metadata(tree: HtmlElement, url: str | None) -> object | None:
    """trafilatura's title, author and site name, as its extract_metadata reads them, without the rest: the
    date is html_dates' job (so no htmldate, and no dateparser compiling every locale), and categories, tags
    and licence are not read."""
    try:
        metadata = examine_meta(tree)
        if metadata.author and " " not in metadata.author:
            metadata.author = None
        # trafilatura's JSON-LD reader has bugs of its own (it guards them the same way); the meta tags stand
        with contextlib.suppress(Exception):
            metadata = extract_meta_json(tree, metadata)
        metadata.title = metadata.title or extract_title(tree)
        metadata.author = metadata.author or extract_author(tree)
        metadata.url = metadata.url or extract_url(tree, url)
        metadata.sitename = metadata.sitename or extract_sitename(tree)
        if metadata.sitename:
            sitename = metadata.sitename.lstrip("@")
            if sitename and "." not in sitename and not sitename[0].isupper():
                sitename = sitename.title()
            metadata.sitename = sitename
        elif metadata.url and (match := META_URL.match(metadata.url)):
            metadata.sitename = match[1]
        metadata.clean_and_trim()
        return metadata
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return None


def _bare_extraction(tree: HtmlElement, url: str | None, fast: bool) -> tuple[list[Block], list[Block]] | None:
    """trafilatura's body and comment blocks, or None when it fails."""
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, fast=fast, include_comments=True, include_links=True, include_tables=True,
            with_metadata=False, deduplicate=False, output_format="python",
        )
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return None
    if document is None:
        return None
    body = element_blocks(document.body, xml_vocabulary=True) if document.body is not None else []
    comments = element_blocks(document.commentsbody, xml_vocabulary=True) \
        if document.commentsbody is not None else []
    return body, comments


def run_trafilatura(tree: HtmlElement, url: str | None) -> Extraction:
    """trafilatura in fast mode; its full cascade only when the fast reading is at most one block (its
    last-resort dump of the page's text or JSON-LD articleBody in one piece, not a laid-out article)."""
    reading = _bare_extraction(tree, url, fast=True)
    if reading is None or len(reading[0]) <= 1:
        reading = _bare_extraction(tree, url, fast=False) or reading
    body, comments = reading or ([], [])
    return Extraction(_metadata(tree, url), body, comments)


# readability-lxml's own cleaner, but leaving javascript: links and on* attributes alone: rewriting every link
# of the page cost a quarter of readability's time, and neither changes the text read from its output.
_READABILITY_CLEANER = Cleaner(
    scripts=True, javascript=False, comments=True, style=True, links=True, meta=False, add_nofollow=False,
    page_structure=False, processing_instructions=True, embedded=False, frames=False, forms=False,
    annoying_tags=False, remove_tags=None, remove_unknown_tags=False, safe_attrs_only=False,
)


class _TreeReadability(ReadabilityDocument):
    """readability-lxml on a copy of the page's already parsed tree instead of parsing the markup again
    (each of its passes mutates the tree, so each starts from a fresh copy)."""

    def _parse(self, input: HtmlElement) -> HtmlElement:  # noqa: A002 - the overridden method's name
        doc = deepcopy(input)
        for element in doc.xpath("//*[@hidden]"):
            element.drop_tree()
        for element in doc.xpath("//*[@style]"):
            if READABILITY_REGEXES["displayNoneRe"].search(element.get("style")):
                element.drop_tree()
        _READABILITY_CLEANER(doc)  # in place: clean_html would copy the tree once more
        doc.resolve_base_href(handle_failures=self.handle_failures)
        return doc


def run_readability(tree: HtmlElement) -> list[Block]:
    try:
        summary = _TreeReadability(tree).summary(html_partial=True)
        if not summary or not summary.strip():
            return []
        return element_blocks(fromstring(summary))
    except Exception:  # noqa: BLE001 - readability raises bare Exceptions (Unparseable, lxml errors) on odd markup
        return []


def is_furniture(block: Block) -> bool:
    """Navigation, share bars, copyright lines, byline labels, pagination, separator debris."""
    text = block.text
    if _SEPARATORS_ONLY.match(text) or block.link_density > _MAX_LINK_DENSITY:
        return True
    size = len(text)
    return bool((size <= 120 and _COPYRIGHT.search(text)) or (size <= 40 and _LABEL.search(text))
                or (size <= 60 and (_NAV.search(text) or _DATELINE.search(text))))


def is_prose(block: Block) -> bool:
    """Reads like running text: clauses with punctuation (Chinese) or whole sentences (other scripts)."""
    text = block.text
    if block.link_density > 0.3:
        return False
    if cjk_share(text) > 0.3:
        return len(text) >= 30 and len(_ZH_CLAUSE_PUNCT.findall(text)) >= 2
    return len(text.split()) >= 12 and _EN_SENTENCE_END.search(text) is not None


def _size(blocks: list[Block]) -> int:
    """Comparable size across scripts: CJK characters, or five per word elsewhere."""
    return sum(len(b.text) if cjk_share(b.text) > 0.3 else 5 * len(b.text.split()) for b in blocks)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _extra_blocks(longer: list[Block], shorter: list[Block]) -> list[Block]:
    shorter_text = "".join(_squeezed(b.text) for b in shorter)
    return [b for b in longer if _squeezed(b.text) not in shorter_text]


def _prose_share(blocks: list[Block]) -> float:
    total = sum(len(b.text) for b in blocks)
    return sum(len(b.text) for b in blocks if is_prose(b)) / total if total else 0.0


def needs_second_reading(blocks: list[Block], page: list[Block]) -> bool:
    """Whether trafilatura's reading (`blocks`, before the furniture filter) fails the quality check, so that
    readability must read the page too; `page` is every text block of the page."""
    kept = [b for b in blocks if not is_furniture(b)]
    if len(kept) < 2:  # nothing, or one block: a dump, not a laid-out article
        return True
    total = sum(len(b.text) for b in blocks)
    if sum(b.link_chars for b in blocks) >= _CLEAN_LINK_SHARE * total:
        return True
    if sum(len(b.text) for b in kept) < (1 - _CLEAN_FURNITURE_SHARE) * total:
        return True
    if _prose_share(kept) < _CLEAN_PROSE_SHARE or not is_prose(kept[0]):
        return True  # a reading opening on a short line may have kept the masthead or headline strip
    page_prose = _size([b for b in page if is_prose(b) and not is_furniture(b)])
    return _size([b for b in kept if is_prose(b)]) < _CLEAN_PAGE_PROSE_COVERAGE * page_prose


def choose_content(trafilatura_blocks: list[Block], readability_blocks: list[Block]) -> tuple[list[Block], str]:
    """Clean both readings and pick one; returns the blocks and a short reason (for debugging)."""
    first = [b for b in trafilatura_blocks if not is_furniture(b)]
    second = [b for b in readability_blocks if not is_furniture(b)]
    if not first or not second:
        return (first or second), ("trafilatura only" if first else "readability only")
    size_first, size_second = _size(first), _size(second)
    longer, shorter = (first, second) if size_first >= size_second else (second, first)
    prose_share = _prose_share(_extra_blocks(longer, shorter))
    if min(size_first, size_second) < _FRAGMENT_RATIO * max(size_first, size_second):
        return (longer, "fragment: longer") if prose_share >= 0.5 else (shorter, "fragment: shorter")
    if prose_share >= _PROSE_SHARE_TO_PREFER_LONGER:
        return longer, "longer adds prose"
    return shorter, "shorter is cleaner"


def drop_title_echo(blocks: list[Block], title: str | None) -> list[Block]:
    """The title is its own field: drop it (or its leading part) when repeated among the first blocks."""
    if not title:
        return blocks
    squeezed_title = _squeezed(title)
    kept = []
    for index, block in enumerate(blocks):
        squeezed = _squeezed(block.text)
        echoes = len(squeezed) <= len(squeezed_title) + 5 and (
            squeezed == squeezed_title or (len(squeezed) >= 6 and squeezed in squeezed_title))
        if index < 3 and echoes:
            continue
        kept.append(block)
    return kept
