"""Page layout: repeated blocks, 'related articles' rails, the comment section, footers.

These rules need more than one line: a block that repeats earlier paragraphs (a scraper
that pasted the body twice), a heading that opens a rail of teasers or a comment
section, and the short site links that trail after the last paragraph.
"""

from __future__ import annotations

import re

from ..doc import Comment, Doc, Paragraph, RemovedBlock
from .dates import is_date_line
from .furniture import ends_sentence
from .header import is_body_like, split_persona

COMMENTS_HEADING = re.compile(
    r"^(评论|留言|网友评论|读者评论|精彩评论|热门评论|最新评论|全部评论|评论区|评论翻译|网友留言|"
    r"comments?|reader comments|readers'? comments|\d+\s+comments?|discussion|responses|join the conversation)"
    r"\s*[\(（\[]?\s*(?P<count>\d*)\s*[\)）\]]?\s*(条)?\s*[:：]?$",
    re.I,
)
RELATED_HEADING = re.compile(
    r"^(相关文章|相关阅读|相关新闻|相关推荐|相关报道|推荐阅读|延伸阅读|热门文章|热门推荐|猜你喜欢|更多文章|更多新闻|"
    r"related|related (articles|stories|posts|content|reading|news|coverage)|read more|read next|more from .{1,30}|"
    r"you (may|might) also like|recommended( for you| reading)?|more stories|most (read|popular)|trending( now)?)"
    r"\s*[:：]?$",
    re.I,
)
# "网友小王：说得对。" / "Jane D.: Fair point." — a short name, a colon, then the comment.
INLINE_AUTHOR = re.compile(r"^(?P<author>[^:：。，,.!?！？\s][^:：。，,!?！？]{0,23})\s*[:：]\s*(?P<text>\S.{1,})$")
_MIN_REPEAT_CHARS = 8
_MIN_FUZZY_CHARS = 40  # shorter lines may differ by one word and mean something else
_NEAR_REPEAT_RATIO = 95
_MAX_FUZZY_PARAGRAPHS = 400  # the pairwise comparison is quadratic
_SHORT_LABEL = 16


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _content(doc: Doc) -> list[int]:
    return [i for i, p in enumerate(doc.paragraphs) if p.section in ("body", "title")]


def _near_repeat(key: str, seen: dict[str, int]) -> int | None:
    """An earlier paragraph this one repeats with small changes (a scraper's second copy with a
    fixed typo or a dropped word), if any."""
    from rapidfuzz import fuzz

    for other, index in seen.items():
        if abs(len(other) - len(key)) <= len(key) // 10 and fuzz.ratio(key, other) >= _NEAR_REPEAT_RATIO:
            return index
    return None


def mark_duplicates(doc: Doc) -> None:
    """Drop paragraphs that repeat earlier ones; report each run of them as one block."""
    paras = doc.paragraphs
    first_seen: dict[str, int] = {}
    repeats: dict[int, int] = {}
    for i in _content(doc):
        key = _key(paras[i].text)
        if len(key) < _MIN_REPEAT_CHARS:
            continue
        earlier = first_seen.get(key)
        if earlier is None and len(key) >= _MIN_FUZZY_CHARS and len(first_seen) <= _MAX_FUZZY_PARAGRAPHS:
            earlier = _near_repeat(key, first_seen)
        if earlier is not None:
            repeats[i] = earlier
        else:
            first_seen[key] = i
    runs: list[list[int]] = []
    for i in sorted(repeats):
        if paras[i].section == "title":
            continue
        previous = runs[-1][-1] if runs else None
        between = range(previous + 1, i) if previous is not None else range(0)
        if previous is not None and all(paras[j].section == "furniture" for j in between):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for i in run:
            paras[i].section, paras[i].role = "duplicate", "repeat"
        heading = _heading_before(doc, run[0]) if len(run) > 1 else None
        start = paras[heading].start if heading is not None else paras[run[0]].start
        if heading is not None:
            paras[heading].section, paras[heading].role = "duplicate", "heading"
        sources = [paras[repeats[i]] for i in run]  # the repeats may come in another order than the originals
        original = (min(p.start for p in sources), max(p.end for p in sources))
        doc.removed.append(
            RemovedBlock(
                "duplicate",
                start,
                paras[run[-1]].end,
                heading=paras[heading].text if heading is not None else None,
                repeats=original,
            )
        )


def _heading_before(doc: Doc, index: int) -> int | None:
    for j in range(index - 1, -1, -1):
        p = doc.paragraphs[j]
        if p.section == "furniture":
            continue
        if p.section == "body" and len(p.text) <= _SHORT_LABEL and not ends_sentence(p.text):
            return j
        return None
    return None


def mark_related(doc: Doc) -> None:
    """A 'related articles' heading opens a rail that runs to the comments or the end."""
    paras = doc.paragraphs
    start = next((i for i in _content(doc) if RELATED_HEADING.match(paras[i].analysis_text.strip())), None)
    if start is None:
        return
    later = range(start + 1, len(paras))
    end = next((i for i in later if COMMENTS_HEADING.match(paras[i].analysis_text.strip())), len(paras))
    for p in paras[start:end]:
        if p.section in ("body", "furniture"):
            p.section = "related"
    doc.removed.append(RemovedBlock("related", paras[start].start, paras[end - 1].end, heading=paras[start].text))


def mark_comments(doc: Doc) -> None:
    paras = doc.paragraphs
    heading = next((i for i in _content(doc) if COMMENTS_HEADING.match(paras[i].analysis_text.strip())), None)
    if heading is None:
        return
    count = COMMENTS_HEADING.match(paras[heading].analysis_text.strip()).group("count")
    if count:
        doc.meta["comment_count"] = int(count)
    paras[heading].section, paras[heading].role = "meta", "comments_heading"
    items = [i for i in range(heading + 1, len(paras)) if paras[i].section == "body"]
    for i in items:
        paras[i].section = "comment"
    inline = [INLINE_AUTHOR.match(paras[i].text) for i in items]
    personas = any(split_persona(paras[i].text) for i in items)
    if items and sum(1 for m in inline if m) >= 0.6 * len(items) and not personas:
        _inline_comments(doc, items, inline)
    else:
        _block_comments(doc, items)
    doc.comments = [c for c in doc.comments if c.paragraphs]


def _inline_comments(doc: Doc, items: list[int], matches: list[re.Match | None]) -> None:
    """Comments written "Name: text" on one line; a line without a name continues the last comment."""
    for i, match in zip(items, matches, strict=True):
        p = doc.paragraphs[i]
        p.role = "comment_text"
        if match or not doc.comments:
            author = match.group("author").strip() if match else None
            span = (p.start, p.start + len(author)) if author else None
            skip = match.start("text") if match else 0
            doc.comments.append(Comment(author, None, span, [i], text_offset=skip))
        else:
            doc.comments[-1].paragraphs.append(i)


def _block_comments(doc: Doc, items: list[int]) -> None:
    """Comments as an author line followed by one or more text paragraphs (and their translations)."""
    paras = doc.paragraphs
    personas = any(split_persona(paras[i].text) for i in items)
    current: Comment | None = None
    for n, i in enumerate(items):
        p = paras[i]
        following = paras[items[n + 1]] if n + 1 < len(items) else None
        is_author = split_persona(p.text) is not None if personas else _is_author_line(p, following)
        if is_author:
            persona = split_persona(p.text)
            author, alt = persona if persona else (p.text.strip(), None)
            current = Comment(author, alt, (p.start, p.end), [])
            doc.comments.append(current)
            p.role = "comment_author"
            continue
        if current is None:
            current = Comment(None, None, None, [])
            doc.comments.append(current)
        current.paragraphs.append(i)
        p.role = "comment_text"


def _is_author_line(p: Paragraph, following: Paragraph | None) -> bool:
    if split_persona(p.text):
        return True
    text = p.text.strip()
    return (
        following is not None
        and len(text) <= 40
        and not ends_sentence(text)
        and not re.search(r"[,，;；:：]", text)
        and len(following.text) > len(text)
    )


def mark_trailing(doc: Doc) -> None:
    """Short unpunctuated lines after the last paragraph of text are site links."""
    paras = doc.paragraphs
    if not any(is_body_like(p) for p in paras if p.section == "body"):
        return
    for p in reversed(paras):
        if p.section not in ("body", "furniture", "related"):
            break
        if p.section != "body":
            continue
        if len(p.text) > 12 or ends_sentence(p.text):
            break
        p.section, p.role = "furniture", "footer"


def mark_rail_dates(doc: Doc) -> None:
    """Stand-alone date lines below the header belong to teaser cards, not to the text."""
    for p in doc.paragraphs:
        if p.section == "body" and is_date_line(p.text):
            p.section, p.role = "furniture", "dateline"


def sections(doc: Doc) -> None:
    mark_related(doc)
    mark_duplicates(doc)
    mark_comments(doc)
    mark_rail_dates(doc)
    mark_trailing(doc)
