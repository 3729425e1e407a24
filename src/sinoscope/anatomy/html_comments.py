"""Reader comments with their authors, from the markup patterns comment systems share.

Comment systems (WordPress, Disqus exports, schema.org Comment, most Chinese CMS '评论' blocks) mark each
comment with a class/id or itemtype containing 'comment', 'reply' or '评论', and its author with 'author',
'name', 'nick', 'user', a <cite> or itemprop=author. trafilatura finds comment text but drops authors and
comment boundaries, so it is only the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from sinoscope.anatomy.html_blocks import Block, element_blocks, normalize_space

_ITEM_CLASS = re.compile(
    r"^(comment|comments?-?(item|body|entry|content|container|wrap|wrapper|block|box|main|single)|"
    r"(single|user|reader|post)-?comment|reply|reply-?(item|body|entry)|review|review-?item|"
    r"cmt|cmt-?item|pinglun|评论|留言|跟帖)$", re.I)
_ITEM_SKIP = re.compile(r"form|count|num|total|link|btn|button|nav|title|header|login|policy|share|rss|feed|"
                        r"respond|pagination|pager|meta|avatar|action|tool|like|vote", re.I)
_LIST_CONTAINER = re.compile(r"comment-?list|commentlist|comments-?list|reply-?list|评论列表", re.I)
_AUTHOR_HINT = re.compile(r"author|user-?name|username|nick|poster|\bfn\b|commenter|member|name|网友|作者", re.I)
_DATE_HINT = re.compile(r"date|time|published|posted|pubdate", re.I)
_TEXT_HINT = re.compile(r"content|text|body|message|msg|comment-?entry|desc|内容", re.I)
_AUTHOR_TAIL = re.compile(r"\s*(says|said|wrote|writes|说|写道)?\s*[:：]?\s*$", re.I)
_ACTION_WORDS = re.compile(
    r"^(reply|回复|举报|report|like|顶|踩|支持|反对|share|分享|quote|引用|\d+\s*(likes?|赞)?)$", re.I)
_ISO_DATE = re.compile(r"(19\d\d|20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_EN_DATE = re.compile(r"\b(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                      r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(19\d\d|20\d\d)\b", re.I)
_MAX_COMMENTS = 500
# Cheap pre-selection: only elements whose class/id/itemtype could name a comment, and list items in one.
_HINT = re.compile(r"comment|reply|review|cmt|pinglun|评论|留言|跟帖", re.I)


def _candidates(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for element in tree.iter(etree.Element):
        if _HINT.search(f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemtype') or ''}"):
            found.append(element)
            found.extend(child for child in element if child.tag == "li")
    return list(dict.fromkeys(found))


@dataclass
class CommentRecord:
    author: str | None
    text: str
    published: str | None


def _class_tokens(element: HtmlElement) -> list[str]:
    return f"{element.get('class') or ''} {element.get('id') or ''}".split()


def _is_item(element: HtmlElement) -> bool:
    if "schema.org/comment" in (element.get("itemtype") or "").lower():
        return True
    tokens = _class_tokens(element)
    if any(_ITEM_SKIP.search(token) for token in tokens):
        return False
    if any(_ITEM_CLASS.match(re.sub(r"[-_]?\d+$", "", token)) for token in tokens):
        return True
    parent = element.getparent()
    return element.tag == "li" and parent is not None and any(
        _LIST_CONTAINER.search(token) for token in _class_tokens(parent))


def parse_comment_date(text: str) -> str | None:
    match = _ISO_DATE.search(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _EN_DATE.search(text)
        if not match:
            return None
        year, month = int(match.group(4)), _MONTHS[match.group(2).lower()[:3]]
        day = int(match.group(1) or match.group(3) or 0)
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _first(element: HtmlElement, predicate: Callable[[HtmlElement], bool]) -> HtmlElement | None:
    for descendant in element.iterdescendants():
        if isinstance(descendant.tag, str) and predicate(descendant):
            return descendant
    return None


def _author_of(item: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    def looks_like_author(element: HtmlElement) -> bool:
        if element.get("itemprop") == "author" or element.tag == "cite":
            return True
        return any(_AUTHOR_HINT.search(token) for token in _class_tokens(element))

    element = _first(item, looks_like_author)
    if element is None:
        return None, None
    named = _first(element, lambda e: e.get("itemprop") == "name")
    name = _AUTHOR_TAIL.sub("", normalize_space((named if named is not None else element).text_content()))
    return (name if 0 < len(name) <= 60 else None), element


def _date_of(item: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    element = _first(item, lambda e: e.tag == "time" or any(_DATE_HINT.search(t) for t in _class_tokens(e)))
    if element is not None:
        date = parse_comment_date(element.get("datetime") or element.text_content())
        if date:
            return date, element
    return parse_comment_date(normalize_space(item.text_content())[:300]), None


def _text_of(item: HtmlElement, skip: list[HtmlElement]) -> str:
    """The comment body: an itemprop=text / 'content' holder if any, minus author and date elements."""
    holder = _first(item, lambda e: e.get("itemprop") == "text"
                    or any(_TEXT_HINT.search(t) for t in _class_tokens(e) if not _ITEM_CLASS.match(t)))
    target = holder if holder is not None else item
    for element in skip:
        contains_target = element is target or any(a is element for a in target.iterancestors())
        if not contains_target and element.getparent() is not None:
            element.drop_tree()
    blocks = [b for b in element_blocks(target) if not _ACTION_WORDS.match(b.text)]
    return "\n".join(b.text for b in blocks)


def structured_comments(tree: HtmlElement) -> list[CommentRecord]:
    candidates = _candidates(tree)
    items = [e for e in candidates if isinstance(e.tag, str) and e.tag not in ("html", "body") and _is_item(e)]
    item_ids = {id(e) for e in items}
    # Keep the innermost wrappers of one comment; a list of comments is a container, not a comment.
    items = [e for e in items if sum(1 for d in e.iterdescendants() if id(d) in item_ids) <= 1
             or len(e) == 0 or _author_of(e)[0] is not None]
    records: list[CommentRecord] = []
    seen: set[str] = set()
    for item in items[: _MAX_COMMENTS * 2]:
        copy = deepcopy(item)
        for nested in [d for d in copy.iterdescendants() if isinstance(d.tag, str) and _is_item(d)]:
            if nested.getparent() is not None and _author_of(nested)[0] is not None:
                nested.drop_tree()  # a reply: it is its own record
        author, author_element = _author_of(copy)
        date, date_element = _date_of(copy)
        text = _text_of(copy, [e for e in (author_element, date_element) if e is not None])
        if author and text.startswith(author):
            text = text[len(author):].lstrip(" :：\n")
        if len(text) < 2 or text in seen:
            continue
        seen.add(text)
        records.append(CommentRecord(author, text, date))
        if len(records) >= _MAX_COMMENTS:
            break
    # A lone match without an author is as likely a 'comments' heading block as a comment.
    if len(records) == 1 and records[0].author is None:
        return []
    return records


def fallback_comments(blocks: list[Block], is_furniture: Callable[[Block], bool]) -> list[CommentRecord]:
    """trafilatura's comment section, one record per paragraph, authors unknown."""
    return [CommentRecord(None, b.text, None) for b in blocks
            if len(b.text) >= 5 and not is_furniture(b)][:_MAX_COMMENTS]


def safe_structured_comments(tree: HtmlElement) -> list[CommentRecord]:
    try:
        return structured_comments(tree)
    except (ValueError, etree.LxmlError, RecursionError):
        return []
