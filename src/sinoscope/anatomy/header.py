"""The page header: title (and its translation), date, author or byline, translator, counters.

The header is the run of lines before the first body-like paragraph. Dates, bylines and
titles are only read there, so a date in a 'related articles' rail at the foot of the
page is never taken for the article's own date.
"""

from __future__ import annotations

import re

from ..doc import Doc, Paragraph, Span
from .bilingual import MIN_SCORE, translation_score
from .bylines import NAME_AND_OUTLET, byline_names, is_credit_line, split_names
from .dates import find_dates
from .furniture import ends_sentence

_MAX_HEADER_LINES = 12
_HAN = re.compile(r"[\u3400-\u9fff]")
# A label, then a separator (or at least a space): "文｜张三", "记者 李四", "By Jane Doe"; never "文化部…".
_BYLINE = re.compile(
    r"^(by|written by|作者|文|撰文|记者|撰稿|author)(\s*[:：|/｜]\s*|\s+)(?P<name>[^。.!?！？]{2,60})$", re.I
)
_TRANSLATOR = re.compile(
    r"^(译者|翻译|编译|译|translated by|translation by|translator)(\s*[:：|/｜]\s*|\s+)(?P<name>[^。.!?！？]{2,40})$",
    re.I,
)
# "记者许雅婷/台北报道", "本报记者 王明 北京报道": a reporter's name, then where the report is filed from.
_REPORTER = re.compile(
    r"^(本报)?(记者|特派记者|通讯员)\s*(?P<name>[\u4e00-\u9fff·]{2,5}?)\s*[/／]?\s*[\u4e00-\u9fff]{0,6}(报道|报导|电|讯)$"
)
# Under the headline, a line opening with a reporter's label after the outlet's name ("光明日报记者 王明 李华").
_BYLINE_START = re.compile(r"^\W{0,2}(?:[\u4e00-\u9fff·]{0,12}?(?:记者|实习生|通讯员)|作者|撰文|文\s*[/／|｜:：])")
# A persona or a name glossed in the other script: "AI Watcher from Shenzhen (深圳科技观察员)".
PERSONA = re.compile(
    r"^(?P<latin>[A-Za-z][\w .,'’&\-]{1,70}?)\s*[(（](?P<han>[^()（）]{1,24})[)）]$"
    r"|^(?P<han2>[^()（）A-Za-z]{1,24}?)\s*[(（](?P<latin2>[A-Za-z][\w .,'’&\-]{1,70})[)）]$"
)
_TRANSLATION_MARK = re.compile(r"翻译|译文|译者|translated|translation", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d\d(:\d\d)?|[AaPp]\.?[Mm]\.?|GMT|UTC|EST|EDT|BST|CST|HKT|北京时间")
_META_SEPARATORS = re.compile(r"[\s·•|｜/]+")
_DATE_LABEL = re.compile(
    r"(published|updated|posted|posted on|on|发布|发布时间|发表于|更新|更新时间|时间|日期)[:：]?", re.I
)
# Labelled fields of a dateline: "来源：新华网 作者：张三 编辑：李四".
_LABELLED = tuple(
    (re.compile(rf"(?:{labels})\s*[:：]\s*(?P<value>[^\s|｜·•]{{1,30}})", re.I), field_name)
    for labels, field_name in (
        ("来源|source|出处", "site_name"),
        ("作者|author|记者|by", "authors"),
        ("译者|翻译|translator", "translator"),
        ("编辑|责任编辑|editor", "editor"),
    )
)


def split_persona(text: str) -> tuple[str, str] | None:
    """('Latin name', '中文名') for a "Name (名字)" line, either order, else None."""
    match = PERSONA.match(text.strip())
    if not match:
        return None
    latin = match.group("latin") or match.group("latin2")
    han = match.group("han") or match.group("han2")
    if not _HAN.search(han):
        return None
    return latin.strip(), han.strip()


def is_body_like(p: Paragraph) -> bool:
    """A paragraph of running text rather than a headline or a metadata line."""
    size = len(_HAN.findall(p.text)) * 2 + len(p.text) if p.lang == "zh" else len(p.text)
    return size >= 260 or (ends_sentence(p.text) and not p.text.rstrip().endswith(("?", "？")) and size >= 80)


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Dr|No)\.$")


def _title_like(p: Paragraph) -> bool:
    text = p.text.strip()
    if len(text) > 200 or (p.lang == "zh" and len(text) > 80):
        return False
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        return False  # headlines do not end with a full stop; a lede sentence does
    return not text.endswith(("。", "；", ";", ",", "，", "：", ":")) and not find_dates(text)


def _translates(title: Paragraph, other: Paragraph) -> bool:
    """Is `other` the title in the other language (and not the first paragraph of text)?"""
    if {title.lang, other.lang} != {"en", "zh"} or not _title_like(other):
        return False
    en, zh = (title, other) if title.lang == "en" else (other, title)
    return translation_score(en, zh) >= MIN_SCORE


def _weak_title(p: Paragraph) -> bool:
    """Too short to be a headline on its own: more likely a site or column name."""
    return len(_HAN.findall(p.text)) <= 5 if p.lang == "zh" else len(p.text.split()) <= 2


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _set_once(doc: Doc, field_name: str, value: object, span: Span | None = None) -> None:
    """First value wins; its span is recorded with it, so a field and its span always agree.
    The span of `authors` (a list) is kept under "author" and covers the first author.
    An HTML page's metadata comes from its markup (html_dates, html_bylines know where each line sat:
    above the article, or in a rail or a comment); here its lines are only classified."""
    if field_name in doc.meta or doc.format == "html":
        return
    doc.meta[field_name] = value
    if span is not None:
        doc.meta_spans["author" if field_name == "authors" else field_name] = span


def _span_of(doc: Doc, p: Paragraph, name: str, label: str) -> Span | None:
    """Where `name` is printed in paragraph `p`, if it is printed as such."""
    at = p.text.find(name)
    return Span(p.start + at, p.start + at + len(name), label) if at >= 0 else None


def _meta_line(doc: Doc, p: Paragraph, translated: bool) -> bool:
    """Read a date line ("AI · 2026-02-05", "2025-12-09 Name 4946"); True if it was one."""
    dates = find_dates(p.text)
    if not dates or len(p.text) > 120:
        return False
    first = dates[0]
    _set_once(doc, "published", first.iso, Span(p.start + first.start, p.start + first.end, "published"))
    before = [t for t in _META_SEPARATORS.split(p.text[: first.start]) if t and not _DATE_LABEL.fullmatch(t)]
    rest = p.text[first.end :]
    for label, field_name in _LABELLED:
        if match := label.search(rest):
            value = match.group("value").strip()
            if field_name == "authors" and not split_names(value):
                continue
            _set_once(doc, field_name, split_names(value) if field_name == "authors" else value)
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\s·•|｜/]+", rest)]
    tokens = [(a, b) for a, b in tokens if not _CLOCK.fullmatch(rest[a:b]) and not _DATE_LABEL.fullmatch(rest[a:b])]
    counters = [int(rest[a:b]) for a, b in tokens if rest[a:b].isdigit()]
    names = [(a, b) for a, b in tokens if not rest[a:b].isdigit()]
    if before:
        _set_once(doc, "category", " ".join(before))
    if counters:
        _set_once(doc, "counters", counters)
    if names:
        # the name runs from its first word to its last, exactly as printed
        start, end = p.start + first.end + names[0][0], p.start + first.end + names[-1][1]
        name = doc.text[start:end]
        field_name = "translator" if translated else "authors"
        if split_names(name):  # not a timestamp ("06:40更新"), a counter or an interface word
            _set_once(doc, field_name, name if translated else [name], Span(start, end, field_name))
    p.section, p.role = "meta", "dateline"
    return True


def _byline(doc: Doc, p: Paragraph, after_title: bool) -> bool:
    text = p.analysis_text.strip()  # Simplified, so 記者 reads as 记者
    original = p.text.strip()
    if match := _TRANSLATOR.match(text):
        name = original[match.start("name") : match.end("name")].strip()
        _set_once(doc, "translator", name, _span_of(doc, p, name, "translator"))
    elif (_REPORTER.match(text) or _BYLINE.match(text)
          or (after_title and (_BYLINE_START.match(text) or NAME_AND_OUTLET.match(text)))) and (
            found := byline_names(text)):
        # names as printed: the Simplified copy has the original's offsets
        names = [original[text.find(n) : text.find(n) + len(n)] for n in found]
        _set_once(doc, "authors", names, _span_of(doc, p, names[0], "authors"))
    elif persona := split_persona(original):
        if len(persona[0].split()) > 8:
            return False
        _set_once(doc, "authors", [persona[0]], _span_of(doc, p, persona[0], "authors"))
        doc.meta.setdefault("author_alt", persona[1])
    else:
        return False
    p.section, p.role = "meta", "byline"
    return True


_MAX_HEADLINE_WORDS = 25
_MAX_DECK_LINES = 3  # a deck, a label ("ABSTRACT.") or a dateline between a headline and the text
# A sentence break inside the line ("… in Beijing. The …"), not an abbreviation ("U.S. Senate").
_SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?][’”\"')]*\s+[A-Z“‘\"]")


def _short_line(p: Paragraph) -> bool:
    return len(p.text.split()) <= _MAX_HEADLINE_WORDS and len(p.text) <= 200


def _headline_with_full_stop(doc: Doc, index: int) -> bool:
    """A text page's first line is its headline even when it ends with a full stop (or the semicolon of
    news archives), when what follows is body text: one short sentence standing above the article
    ("Senate passes the chip bill."), perhaps with a deck or a label line ("ABSTRACT.") between."""
    p = doc.paragraphs[index]
    text = p.text.strip().rstrip("’”\"')")
    if doc.format != "text" or p.lang != "en" or not text.endswith((".", ";")) or not _short_line(p):
        return False
    if _SENTENCE_BREAK.search(text) or find_dates(text):
        return False
    following = [q for q in doc.paragraphs[index + 1 : index + 8] if q.section == "body"][:_MAX_DECK_LINES + 1]
    for q in following:
        if is_body_like(q) and not _short_line(q):
            return True
        if not _short_line(q):
            return False
    return False


def header(doc: Doc) -> None:
    translated = any(_TRANSLATION_MARK.search(p.text) for p in doc.paragraphs if p.role == "section_label")
    # an HTML page's headline comes from its markup; lines of its article are never taken for it
    title: Paragraph | None = next((p for p in doc.paragraphs if p.section == p.role == "title"), None)
    from_markup = title is not None
    seen = 0
    for index, p in enumerate(doc.paragraphs):
        if p.section != "body":
            continue
        seen += 1
        if seen == 1 and _headline_with_full_stop(doc, index):
            title, p.section, p.role = p, "title", "title"
            continue
        if seen > _MAX_HEADER_LINES or is_body_like(p):
            break
        if _meta_line(doc, p, translated) or _byline(doc, p, title is not None):
            continue
        if title is None or (not from_markup and _weak_title(title) and _title_like(p) and not _weak_title(p)
                             and p.lang == title.lang):
            if _title_like(p) and not is_credit_line(p.text):  # a byline or photo credit is never a title
                if title is not None:  # the short line above the headline was the site's name
                    title.section, title.role = "furniture", "site_name"
                title, p.section, p.role = p, "title", "title"
            continue
        if _norm(p.text) == _norm(title.text):
            p.section, p.role = "furniture", "repeat"
        elif "title_alt" not in doc.meta and _translates(title, p):
            p.section, p.role = "title", "title_alt"
            doc.meta["title_alt"] = p.text
            doc.meta_spans["title_alt"] = Span(p.start, p.end, "title_alt")
    if title is not None and not from_markup:
        doc.meta["title"] = title.text
        doc.meta_spans["title"] = Span(title.start, title.end, "title")
