"""Turn extractor output (trafilatura's XML body, readability's HTML) into text blocks.

A block is one paragraph-like unit with the share of its characters that sit inside links:
link density is the best generic signal separating prose from navigation and 'related' lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# HTML elements that end the current paragraph (readability output and comment markup).
_HTML_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
    "tbody", "thead", "tfoot", "caption", "figure", "figcaption", "form", "fieldset", "address", "center",
    "hr", "br", "body", "html",
})
_HTML_LINK_TAGS = frozenset({"a"})
# trafilatura's XML vocabulary: p/head/item/quote/cell/row are blocks, lb is a line break, ref a link.
_XML_BLOCK_TAGS = frozenset({"p", "head", "item", "quote", "list", "table", "row", "cell", "code", "lb", "body",
                             "main", "comments", "div"})
_XML_LINK_TAGS = frozenset({"ref"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
                        "select", "option", "textarea", "button"})


@dataclass
class Block:
    text: str
    link_chars: int = 0
    kind: str = "p"  # p | head | item

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def normalize_space(text: str) -> str:
    """Collapse runs of blanks (including ideographic and no-break spaces) to one space."""
    if "\u200b" in text or "\ufeff" in text:  # zero-width: not whitespace to str.split
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(text.split())  # the same as a regex over [\s\u00a0\u3000]+, and cheaper


def cjk_share(text: str) -> float:
    return len(_CJK.findall(text)) / max(1, len(text))


def _kind_of(tag: str) -> str:
    if tag in {"head", "h1", "h2", "h3", "h4", "h5", "h6"}:
        return "head"
    if tag in {"item", "li"}:
        return "item"
    return "p"


_LOCAL_NAMES: dict[object, str] = {}  # element.tag → lower-case local name ('' for comments, PIs, entities)
_MAX_LOCAL_NAMES = 5_000


def _local_name(tag: object) -> str:
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _MAX_LOCAL_NAMES:  # hostile pages invent tag names: keep the cache bounded
            _LOCAL_NAMES[tag] = name
    return name


def element_blocks(root: etree._Element, xml_vocabulary: bool = False) -> list[Block]:
    """Split an element into blocks at block-level tags and line breaks, in document order.

    Iterative (iterwalk), so deep trees cannot exhaust the Python stack.
    """
    block_tags = _XML_BLOCK_TAGS if xml_vocabulary else _HTML_BLOCK_TAGS
    link_tags = _XML_LINK_TAGS if xml_vocabulary else _HTML_LINK_TAGS
    blocks: list[Block] = []
    parts: list[str] = []
    link_parts: list[str] = []
    kinds: list[str] = []
    link_depth = 0
    skip_depth = 0

    def flush() -> None:
        if not parts:  # link_parts only ever holds a subset of parts
            return
        text = normalize_space("".join(parts))
        if text:
            linked = len(normalize_space("".join(link_parts))) if link_parts else 0
            blocks.append(Block(text, min(linked, len(text)), kinds[-1] if kinds else "p"))
        parts.clear()
        link_parts.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = _local_name(element.tag)
        if event == "start":
            if tag in _SKIP_TAGS or not tag:
                skip_depth += 1
                continue
            if skip_depth:
                continue
            if tag in block_tags:
                flush()
                kinds.append(_kind_of(tag))
            if tag in link_tags:
                link_depth += 1
            if element.text:
                parts.append(element.text)
                if link_depth:
                    link_parts.append(element.text)
        else:
            if tag in _SKIP_TAGS or not tag:
                skip_depth -= 1
            elif not skip_depth:
                if tag in link_tags:
                    link_depth -= 1
                if tag in block_tags:
                    flush()
                    if kinds:
                        kinds.pop()
            if element is not root and not skip_depth and (tail := element.tail):
                parts.append(tail)
                if link_depth:
                    link_parts.append(tail)
    flush()
    return blocks
