"""Where things sit on an HTML page: its text blocks in reading order, the headline and the article.

The content extractors return the article's paragraphs without saying where they were on the page; the
dateline and the byline are found by where they sit relative to the article (between the headline and
the first paragraph, just under the last one), so the page's own blocks are laid out once and the
article is located among them by its first and last characters.
"""

from __future__ import annotations

import bisect
import re

from lxml.html import HtmlElement

from sinoscope.anatomy.html_blocks import Block, element_blocks

_ANCHOR_CHARS = 24  # characters of the first and last paragraphs that locate the article
_HEADER_REACH = 8  # blocks above the article searched when the headline is not found
_FIELD_REACH = 16  # blocks of the article searched for a labelled field
_MAX_FIELD_CHARS = 40
_NEXT_LABEL = re.compile(r"\s+[\u4e00-\u9fff]{2,6}\s*[:：]")


def _squeezed(text: str) -> str:
    return "".join(text.split())


class Layout:
    """The page's text blocks with where the headline and the extracted article sit among them."""

    def __init__(self, blocks: list[Block], body_start: int, body_end: int, title_at: int | None) -> None:
        self.blocks = blocks
        self.body_start, self.body_end, self.title_at = body_start, body_end, title_at

    @property
    def header_from(self) -> int:
        """First block of the header: the headline (unless far above), else a few blocks above the article."""
        near = max(0, self.body_start - _HEADER_REACH)
        return near if self.title_at is None else max(self.title_at, self.body_start - 3 * _HEADER_REACH)

    @property
    def header(self) -> list[Block]:
        return self.blocks[self.header_from : self.body_start]

    @property
    def article(self) -> list[Block]:
        return self.blocks[self.body_start : self.body_end + 1]

    def after(self, count: int) -> list[Block]:
        return self.blocks[self.body_end + 1 : self.body_end + 1 + count]

    def above(self, count: int) -> list[Block]:
        return self.blocks[max(0, self.header_from - count) : self.header_from]

    def field(self, labels: str) -> str | None:
        """The value of a labelled field printed around the headline ("发文机关：某省人民政府", or the label
        in one cell and the value in the next, as government pages print their document's particulars)."""
        label = re.compile(rf"^\s*(?:{labels})\s*[:：]\s*(?P<value>.*)$")
        near = self.above(_HEADER_REACH) + self.header + self.article[:_FIELD_REACH]
        for index, block in enumerate(near):
            if block.link_density > 0.5 or not (match := label.match(block.text)):
                continue
            value = match.group("value").strip() or (near[index + 1].text if index + 1 < len(near) else "")
            value = _NEXT_LABEL.split(value, maxsplit=1)[0].strip()  # "某省人民政府 成文日期：…" on one line
            if value and len(value) <= _MAX_FIELD_CHARS and not value.endswith((":", "：")):
                return value
        return None


def page_blocks(tree: HtmlElement) -> list[Block]:
    """The text blocks of the page's <body> in reading order (laid out once, read by the content check and
    the layout)."""
    body = tree.find("body")
    return element_blocks(body) if body is not None else []


def page_layout(blocks: list[Block], paragraphs: list[str], title: str | None) -> Layout | None:
    """Locate the headline and the article among the page's blocks; None when the article cannot be found."""
    if not blocks or not paragraphs:
        return None
    starts, offset = [], 0
    for block in blocks:
        starts.append(offset)
        offset += len(_squeezed(block.text))
    text = "".join(_squeezed(b.text) for b in blocks)
    first = _squeezed(paragraphs[0])[:_ANCHOR_CHARS]
    last = _squeezed(paragraphs[-1])[-_ANCHOR_CHARS:]
    at_first = text.find(first) if first else -1
    if at_first < 0:
        return None
    at_last = text.find(last, at_first) if last else -1
    body_start = bisect.bisect_right(starts, at_first) - 1
    body_end = bisect.bisect_right(starts, at_last + len(last) - 1) - 1 if at_last >= 0 else body_start
    squeezed_title = _squeezed(title or "")
    title_at = next((i for i, b in enumerate(blocks[:body_start])
                     if squeezed_title and _squeezed(b.text) == squeezed_title), None)
    return Layout(blocks, body_start, max(body_start, body_end), title_at)
