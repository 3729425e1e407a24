"""Bylines: who wrote a page, from the ways pages print it, and what is not a name.

Printed forms, Chinese and English: "记者 王明", "本报记者 王明 李华", "光明日报记者 王明", "作者：林晓舟",
"文/林晓舟", "林晓舟/文", "执笔人：王明 李华", "（记者 王明）", "By Jane Roe and Tom Doe", "Jane Roe, Reuters";
on blogs and forums the post's credit line: "本贴由大卫于2005年8月12日…发表", "由海姑娘张贴 @ …",
"ggjjzhzz 发表于 2005-9-15"; a reporter given as the source ("来源：王明") and, where nothing else names a
writer, the page's editor ("责任编辑：王明"). Several authors are split into one name each.

A candidate is a name only if it reads like one: no digits (timestamps "06:40更新", counters "网友评论 0 条"),
no interface words (简介, 章评论, 楼主), no organisation words (forum software credits "Discuz Team",
"钱江晚报"), no sentence.
"""

from __future__ import annotations

import functools
import re

from ..entities.zh_lexicon import COMPOUND_SURNAMES, SINGLE_SURNAMES

_MAX_LINE = 80
_HAN_NAME = r"(?:[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}|[\u4e00-\u9fff]{2,4})"
_NICK = r"[^\s，,、|｜/／（）()\[\]【】:：;；。]{2,20}"
_AFTER_NAMES = r"(?=$|[\s)）\]】/／|｜,，。;；]|报道|报导|发自|摄|电|讯|来源|编辑|责任|通讯员|实习生|记者)"
# A further name, unless it is the next label (editor, proofreader, source) or where the report is filed ("北京报道").
_MORE = (r"(?!实习|记者|通讯员|见习|摄影|编辑|责任|责编|校对|审核|来源|"
         r"[\u4e00-\u9fff]{0,4}(?:报道|报导|发自|电|讯)(?![\u4e00-\u9fff]))")
_NAMES = rf"{_HAN_NAME}(?:\s*[、，,和与及]\s*{_MORE}{_HAN_NAME}|\s+{_MORE}{_HAN_NAME}){{0,6}}"
# A reporter's label, perhaps after the outlet's name ("光明日报记者", "新华网黑龙江频道 记者", "本报实习生").
_REPORTER = re.compile(
    r"(?:本报|本刊|本台|本网|本站)?(?:特派|特约|驻[\u4e00-\u9fff]{1,4})?(?:首席)?"
    rf"(?:实习记者|见习记者|记者|实习生|通讯员|执笔人?)\s*[:：]?\s*(?P<names>{_NAMES}){_AFTER_NAMES}")
# A writer's label, which also credits pen names: "作者：放飞&心情", "文/林晓舟", "撰文｜林晓舟".
# A name may carry its form in the other script: "周思博 (Joel Spolsky)" is one author.
_GLOSS = r"(?:\s*[(（][A-Za-z][\w .'’-]{1,40}[)）])?"
_WRITER = re.compile(
    rf"(?:^|(?<=[\s(（\[【|｜]))(?:作者|撰文|撰稿|文|原作)\s*(?:[:：/／|｜]\s*|(?<=[者文稿])\s+)"
    rf"(?P<names>{_NICK}{_GLOSS}(?:\s*[、，,]\s*{_NICK}|\s+{_HAN_NAME}){{0,6}}){_AFTER_NAMES}")
_SLASH_WRITER = re.compile(rf"(?:^|(?<=\s))(?P<names>{_HAN_NAME})\s*[/／]\s*文(?![化字章件明学])")
# The post's own credit on blogs and forums.
_POSTED_BY = re.compile(
    rf"(?:本贴由|由|是)\s*(?P<name>{_NICK}?)\s*(?:于|在)?\s*(?:张贴|\d{{4}}\s*[年-])"
    rf"|^(?P<nick>{_NICK})\s+(?:发表于|写于|posted (?:on|at))"
    rf"|(?P<han>{_HAN_NAME}?)写于\s*\d{{4}}"
    rf"|\d\s+by\s+(?P<by>{_NICK})", re.I)
_CREDIT_WORD = re.compile(r"发表|张贴|发布|写于|posted", re.I)
_BRACKETED = re.compile(rf"^[（(\[【]\s*(?P<name>{_HAN_NAME})\s*[）)\]】]$|\[\s*(?P<strip>{_HAN_NAME})\s*\]")
_EN_BY = re.compile(r"^(?:by|written by|words by|text by)\s+(?P<names>[^\d|]{3,120}?)"
                    r"(?:\s*(?:[,|｜]|\s[-–—])\s*(?P<outlet>[A-Z][\w .&'’]{1,40}))?\s*$", re.I)
# "Jane Roe, Reuters", "Jane Roe and Tom Doe | Bloomberg": names, then the outlet they write for.
NAME_AND_OUTLET = re.compile(r"^(?P<names>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
                             r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})*)"
                             r"\s*(?:,|\||｜|—|-)\s*(?P<outlet>[A-Z][\w .&'’]{1,40})$")
_EN_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|bin|al|la|le)){0,4}$")
_EN_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.I)
_ZH_SPLIT = re.compile(r"\s*[、，,;；和与及]\s*|\s+")

_UI_WORDS = re.compile(
    r"更新|评论|简介|首页|楼主|版主|斑竹|管理员|登录|注册|文章|阅读|发表|链接|地址|复制|收藏|打印|关闭|返回|责任|编辑|"
    r"来源|网友|匿名|游客|本站|本报|本刊|记者|作者|查看|点击|回复|分享|推荐|相关|专题|频道|栏目|热门|最新|下载|"
    r"图片|资料|供图|摄影|博客|主页|个人|留言|搜索|目录|存档|链接|"
    r"\b(?:admin|administrator|anonymous|guest|staff|team|editor|editors|reporter|correspondent|contributor|"
    r"powered|copyright|inc|ltd|llc|corp|co|group|foundation|press|news|media|online|network|"
    r"discuz|comsenz|wordpress|staff writer|the|agency|bureau|weekly|daily|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|"
    r"september|october|november|december)\b", re.I)
_ORG_TAIL = re.compile(
    r"(?:报|网|网络|社|台|刊|站|频道|集团|公司|出版社|中心|杂志|新闻|政府|委员会|大学|学院|协会|营|班|队|部|局|厅)$")
# Words of a clause, never of a Chinese name: "王明的报道" is not a name.
_CLAUSE_CHARS = re.compile(r"[的了是在说着过们这那个就都也还把被对从向]")
_SENTENCE = re.compile(r"[。！？!?：:;；\"“”]|\s\S+\s\S+\s\S+\s\S+\s\S+")


@functools.cache
def _outlet_names() -> frozenset[str]:
    from ..kb.load import load_kb

    return frozenset(n.casefold() for e in load_kb().by_type("outlet") for n in e.declared_names)


def without_outlet(printed: str) -> str:
    """'Jill Roe Associated Press' → 'Jill Roe': a wire credit glued to the name it follows."""
    words = printed.split()
    for size in (3, 2, 1):
        if len(words) > size + 1 and " ".join(words[-size:]).casefold() in _outlet_names():
            return " ".join(words[:-size])
    return printed


def is_name(name: str) -> bool:
    """Does this read as a person's name or a pen name (not a timestamp, counter, UI word or organisation)?"""
    name = name.strip()
    if name.casefold() in _outlet_names():  # "Reuters" alone credits the outlet, not a person
        return False
    if not 2 <= len(name) <= 40 or re.search(r"\d|https?:|\bwww\b|@|\.com|\.cn", name, re.I):
        return False
    if _SENTENCE.search(name) or _UI_WORDS.search(name):
        return False
    if re.fullmatch(r"[\u4e00-\u9fff·]+", name) and _CLAUSE_CHARS.search(name):
        return False
    return not (re.search(r"[\u4e00-\u9fff]", name) and len(name) >= 3 and _ORG_TAIL.search(name))


def looks_chinese_name(name: str) -> bool:
    """A Chinese personal name: a common surname and one or two given-name characters."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        return len(name) in (3, 4)
    return name[0] in SINGLE_SURNAMES and len(name) <= 3


def split_names(printed: str) -> list[str]:
    """'王明 李华' / '王明、李华' / 'Jane Roe and Tom Doe' → one name each; [] if any part is not a name."""
    printed = printed.strip()
    if re.fullmatch(rf"{_NICK}{_GLOSS}", printed):
        return [printed] if is_name(re.sub(r"\s*[(（].*", "", printed)) else []
    if re.search(r"[\u4e00-\u9fff]", printed):
        parts = [p for p in _ZH_SPLIT.split(printed) if p]
        # spaces split Chinese names only when every part is one ("王 明" is a single name)
        if len(parts) > 1 and not all(len(p) >= 2 for p in parts):
            parts = [p for p in re.split(r"\s*[、，,;；]\s*", printed) if p]
    else:
        parts = [p for p in _EN_SPLIT.split(printed) if p]
    names = list(dict.fromkeys(p.strip() for p in parts))
    return names if names and all(is_name(n) for n in names) else []


def byline_names(line: str) -> list[str]:
    """The authors a short byline line credits, or []."""
    line = " ".join(line.split())
    if not line or len(line) > _MAX_LINE:
        return []
    for pattern in (_REPORTER, _WRITER):
        found = [n for match in pattern.finditer(line) for n in split_names(match.group("names"))]
        if found:
            return list(dict.fromkeys(found))
    if match := _SLASH_WRITER.search(line):
        return split_names(match.group("names"))
    if match := _EN_BY.match(line):
        names = split_names(match.group("names"))
        if all(_EN_NAME.match(n) or re.search(r"[\u4e00-\u9fff]", n) for n in names):
            return names
    if (match := NAME_AND_OUTLET.match(line)) and match.group("outlet").strip().casefold() in _outlet_names():
        return split_names(match.group("names"))
    return []


# The editor who put the page up, printed under the article: "（责任编辑：王明）", "来源：某报 编辑：王明",
# "【编辑:王明】", "(责编：王明、李华)". Portals credit their editor where the source printed no writer.
_EDITOR = re.compile(rf"(?:^|(?<=[\s(（\[【|｜]))(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<names>{_NAMES}){_AFTER_NAMES}")
# A person given as the source: "来源：王明" (a reporter), never an outlet ("来源：新闻晨报").
_SOURCE_PERSON = re.compile(rf"^\W{{0,2}}(?:来源|稿源)\s*[:：]\s*(?P<name>{_HAN_NAME})\W{{0,2}}$")


def editor_names(line: str) -> list[str]:
    """The editors an editor's credit names ("责任编辑：王明"), or []."""
    line = " ".join(line.split())
    if len(line) > _MAX_LINE or not (match := _EDITOR.search(line)):
        return []
    return split_names(match.group("names"))


def source_person(line: str) -> list[str]:
    """A reporter credited as the page's source ("来源: 王明"), or []; an outlet is not a person."""
    match = _SOURCE_PERSON.match(" ".join(line.split()))
    name = match.group("name") if match else ""
    if not (looks_chinese_name(name) and is_name(name)):
        return []
    from ..entities.discover_zh import COMMON_WORD_FREQ, word_frequency

    # two characters that are also a word are an outlet's short name ("来源：齐鲁", "来源：华商") more often
    return [] if len(name) == 2 and word_frequency(name) >= COMMON_WORD_FREQ else [name]


def credit_names(line: str) -> list[str]:
    """The poster of a blog or forum post ("本贴由大卫于2005年…发表", "ggjjzhzz 发表于 2005-9-15"), or []."""
    line = " ".join(line.split())
    if len(line) > 120 or re.search(r"[，。]", line) or not _CREDIT_WORD.search(line):
        return []
    match = _POSTED_BY.search(line)
    if not match:
        return []
    name = next((g for g in match.group("name", "nick", "han", "by") if g), "").strip()
    return [name] if is_name(name) else []


def bracketed_name(line: str) -> list[str]:
    """A reporter credited in brackets: "（王明）" closing an article, "[ 王明 ]" in a dateline strip."""
    match = _BRACKETED.search(" ".join(line.split()))
    if not match:
        return []
    name = match.group("name") or match.group("strip")
    return [name] if looks_chinese_name(name) else []


def bare_names(line: str) -> list[str]:
    """A line that is only Chinese personal names ("王明", "王明、李华"), as printed under a headline."""
    line = line.strip()
    if len(line) > 24 or not re.fullmatch(r"[\u4e00-\u9fff、，,\s]+", line):
        return []
    names = split_names(line)
    if not names or not all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n) for n in names):
        return []
    # every one a common-surname name, or co-authors of whom one has a three-character one ("赵样东、风样天")
    if all(looks_chinese_name(n) for n in names) or (
            len(names) > 1 and any(len(n) == 3 and looks_chinese_name(n) for n in names)):
        return names
    return []


# A reporter credited in brackets where a paragraph opens or closes: "本报讯（记者 王明 通讯员 李华）…",
# "…的发展。（总台记者 王明）", "…（王明 上海报道）", "…（王明 李华）".
_OPENING_CREDIT = re.compile(r"^\W{0,2}[^（(]{0,12}?[（(](?P<inside>[^（()）]{2,40})[）)]")
_CLOSING_CREDIT = re.compile(r"[（(](?P<inside>[^（()）]{2,40})[）)]\W{0,2}$")
_FILED_FROM = re.compile(r"\s*[\u4e00-\u9fff]{2,4}(?:报道|报导)$")


def paragraph_credit(text: str) -> list[str]:
    """The authors credited in brackets at the opening or the close of a paragraph, or []."""
    for pattern in (_OPENING_CREDIT, _CLOSING_CREDIT):
        match = pattern.search(text.strip())
        if not match:
            continue
        inside = match.group("inside").strip()
        if names := byline_names(inside):
            return names
        names = split_names(_FILED_FROM.sub("", inside))
        if names and all(looks_chinese_name(n) for n in names):
            return names
    return []


_PHOTO_CREDIT = re.compile(r"[/／]\s*摄|摄影\s*[:：/／]|供图|图片来源|图\s*[/／:：]|"
                           r"\bphoto(?:graph)?s?\s*(?:by|:)|\bcredit\s*:|getty images|\b(?:AP|AFP|Reuters) Photo\b",
                           re.I)


def is_credit_line(text: str) -> bool:
    """A byline or a photo credit ("新华网记者 王明 李华", "王明/摄", "Photo: Jane Roe"), which is never a title."""
    text = " ".join(text.split())
    return bool(_PHOTO_CREDIT.search(text)) or (len(text) <= 40 and bool(byline_names(text)))
