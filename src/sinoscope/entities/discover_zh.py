"""Discovery of Chinese names the knowledge base does not know, from the shared LAC tagger's tokens.

LAC (`nlp/chinese.py`) segments and names persons, organisations and places in one pass; its
tokens are shared with the claims stage through `Doc.cache["lac"]`. On top of its labels:

- a name is joined across its transliteration separator (萨姆·奥特曼 tagged in two pieces);
- a Latin-script name in Chinese prose (Larry Giles) is one name when the tagger calls a part PER;
- an organisation is also read from its head (…公司, …研究所, …委员会) led by a proper noun, and an
  outlet from 《…报》;
- a bare surname fused with a title (江主席) names a person;
- no name is made of a common word: a span the tagger calls a name here but not when it reads the
  word alone, and that jieba's dictionary knows as a frequent word, is a word (东西, 城市, 太阳).

The knowledge base overrules all of this: the stage drops any discovered name that overlaps a
linked one.
"""

from __future__ import annotations

import functools
import logging
import marshal
import re
from collections import Counter
from collections.abc import Iterable

from .. import budget
from ..nlp.chinese import Token, tag_text
from .candidates import Found
from .context_zh import (
    PERSON_CONTEXT,
    PLACE_CONTEXT,
    in_person_context,
    in_place_context,
    is_credit,
    joins_transliteration,
    run_on_length,
)
from .latin_zh import latin_names
from .linker import is_han
from .zh_lexicon import (
    COMPOUND_SURNAMES,
    NOT_GIVEN_NAME,
    PERSON_TITLES_AFTER,
    SINGLE_SURNAMES,
    TRANSLIT_CHARS,
)

SEPARATORS = "·•‧・-‐‑"
_NAME_TAGS = {"PER": "person", "ORG": "org", "LOC": "place"}
# Tags of tokens that can lead an organisation name ending with a head word.
_PROPER_TAGS = frozenset({"PER", "ORG", "LOC", "nz", "nw"})
_INNER_TAGS = frozenset({"n", "nz", "vn", "an", "nw", "ORG", "LOC"})
ORG_HEADS = (
    "有限公司", "股份公司", "公司", "集团", "证券", "基金会", "基金", "银行", "委员会", "联盟", "实验室", "研究所",
    "研究院", "研究中心", "大学", "学院", "科学院", "工程院", "协会", "联合会", "交易所", "事务所", "出版社",
    "通讯社", "电视台", "日报", "时报", "晚报", "报社", "常委会", "组委会", "筹委会", "办公厅", "书记处", "主席团",
    "法院", "同学会", "学社", "组织", "造船厂", "大会", "唱片", "工会", "部队", "部", "局", "院", "署", "党", "厂",
)
_TRADE_TAGS = frozenset({"n", "vn", "an", "nz"})  # 机器学习, 芯片: what a company does, not its name
_COMPANY_HEADS = frozenset({"公司", "集团", "企业"})
_DESCRIPTIVE_HEADS = _COMPANY_HEADS | {"实验室"}
_HEAD_SET = frozenset(ORG_HEADS)
_PLACE_LIKE_HEADS = frozenset("部局厂")  # one-character heads that end common words of a part or a place
_HEAD_LAST_CHARS = frozenset(h[-1] for h in ORG_HEADS)
_LONGEST_HEAD = max(len(h) for h in ORG_HEADS)
# What a title in 《》 ends with when it names a newspaper, magazine or broadcaster rather than a book.
OUTLET_HEADS = ("报", "刊", "杂志", "周报", "新闻", "电视台", "通讯社", "评论")
COURTESY_TITLES = frozenset({"先生", "女士", "小姐", "老师", "师傅", "医生", "护士长", "同志", "律师"})
_TITLES_LONGEST_FIRST = sorted(PERSON_TITLES_AFTER, key=len, reverse=True)
_FUNCTION_TAGS = frozenset({"p", "c", "u", "d", "m", "q", "w", "f", "r", "xc"})
_PERSON_ENDINGS = (*PERSON_TITLES_AFTER, "员", "长")
_ADMIN_LEVELS = frozenset("市省县区镇乡村州")
_JOINERS = ("和", "与", "及", "、")
_PLACE_ENDINGS = ("州", "省", "市", "县", "岛", "港", "湾", "镇", "村")
# A place written with one of these after it (帕鲁市) is that place when the page writes it bare (州 aside:
# 华盛顿州 does not make every 华盛顿 a place).
_TOWN_ENDINGS = ("省", "市", "县", "岛", "港", "镇", "村")
_RUN_ON_TAIL_TAGS = frozenset({"v", "vd", "d", "p", "c", "u", "ad", "r"})
_GOVERNMENT = "政府"
_UNNAMED_COUNTRIES = frozenset({"外国", "各国", "本国", "他国", "该国", "两国", "多国"})  # 外国政府: no body named
_PREPOSITIONS = frozenset("从在于对向把被将给让自")
_NUMERALS = frozenset("一二三四五六七八九十两几")
_TEAM = "队"
# Heads of a named building whose body is an organisation: the tagger reads 圣马丁教堂 as a place.
INSTITUTION_HEADS = ("教堂", "百货", "百货公司", "百货商店")
_KIN = frozenset("母父妻夫嫂婶姐兄弟叔伯姨舅哥姑爷奶婆")
_DOCTRINE_SUFFIXES = ("主义", "思想", "理论")
_CONGRESS = re.compile(r"(?:中共|党的)?[一二三四五六七八九十]{2,3}大")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零\d]+[届次]")
# A word jieba's dictionary counts at least this often is a word of the language before it is a name.
COMMON_WORD_FREQ = 20
# Characters either side of a short name that jieba reads to see where the words around it end.
_GLUE_WINDOW = 6
_GLUE_LONGEST = 4  # longer tagger names are rarely glued fragments


class _WholeFileMarshal:
    """jieba's `marshal`, reading its dictionary cache in one read: marshal.load(file) reads a file object
    piece by piece (1.3 s for jieba's 500,000 entries), marshal.loads of the same bytes takes 0.4 s."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):  # noqa: ANN001, ANN205 - marshal.load's signature
        return marshal.loads(file.read())


@functools.cache
def _segmenter():  # noqa: ANN202 - jieba's Tokenizer, loaded on first use (its dictionary: from jieba's cache)
    import jieba

    jieba.marshal = _WholeFileMarshal  # every worker process loads the dictionary: see _WholeFileMarshal
    jieba.setLogLevel(logging.WARNING)
    with budget.shielded():  # a document's time budget must not tear the dictionary half loaded
        jieba.dt.check_initialized()
    return jieba.dt


def _word_bounds(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in `text` where jieba's words of text[lo:hi] begin and end."""
    bounds = [lo]
    for word in _segmenter().cut(text[lo:hi]):
        bounds.append(bounds[-1] + len(word))
    return bounds


def glued_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of jieba's words covering a short name whose first or last character jieba reads as part of a
    neighbouring word (欧共|体评 → 欧共体, 北京正|之本); None when the name's edges are word edges."""
    lo, hi = max(0, start - _GLUE_WINDOW), min(len(text), end + _GLUE_WINDOW)
    bounds = _word_bounds(text, lo, hi)
    first, last = max(b for b in bounds if b <= start), min(b for b in bounds if b >= end)
    outside = text[first:start] + text[end:last]
    if not outside or (len(outside) == 1 and outside in NOT_GIVEN_NAME):
        return None  # 广汽|对: jieba ran a name on into a function character, the tagger's edge stands
    return first, last


@functools.lru_cache(maxsize=20000)  # the same candidate words come back on every page of a corpus
def tag_alone(word: str) -> str:
    """The tagger's tag for `word` read on its own ("" when it splits the word)."""
    tokens = tag_text(word)
    return tokens[0].tag if len(tokens) == 1 else ""


def word_frequency(word: str) -> int:
    """The word's count in jieba's dictionary: the segmenter's own table (one copy of it in the process; the
    prefixes it keeps for segmenting count 0)."""
    return _segmenter().FREQ.get(word) or 0


def is_common_word(word: str) -> bool:
    """A frequent dictionary word the tagger does not read as a name on its own (东西, 城市, 长大)."""
    if not all(is_han(c) for c in word):
        return False
    if word_frequency(word) < COMMON_WORD_FREQ:
        return False
    alone = tag_alone(word)
    return bool(alone) and alone not in _NAME_TAGS and alone not in ("nz", "nw")


def surname_length(word: str) -> int:
    """Length of the surname `word` starts with (2 for compound surnames), 0 if none."""
    if word[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if word[:1] in SINGLE_SURNAMES else 0


def looks_chinese_name(name: str) -> bool:
    size = surname_length(name)
    return bool(size) and 1 <= len(name) - size <= 2 and all(c not in NOT_GIVEN_NAME for c in name[size:])


def looks_transliterated(name: str) -> bool:
    letters = [c for c in name if c not in SEPARATORS and not c.isspace()]
    return len(letters) >= 2 and all(c in TRANSLIT_CHARS for c in letters)


def _is_separator(token: Token) -> bool:
    return len(token.text.strip()) == 1 and token.text.strip() in SEPARATORS


def _kept(found: Found) -> bool:
    """No name from a common word, a lone character (华, 英) or a body said generically (市政府, 县委)."""
    name = found.text
    if is_common_word(name):
        return False
    if found.type in ("person", "org") and name.endswith(("人", "族")) and word_frequency(name):
        return False  # 斯拉夫人, 维吾尔族: a people the dictionary knows is neither a person nor a body
    if found.type == "person" and len(name) == 2 and surname_length(name) == 1 and name[1] in _KIN:
        return False  # 杨母, 王父: someone's mother, not a name
    if len(name) == 1 and is_han(name):
        return found.source == "rule"  # 江 of 江主席
    if len(name) == 2 and name[0] in NOT_GIVEN_NAME and word_frequency(name) < COMMON_WORD_FREQ:
        return False  # 从一 (of 从一开始), 两国: a function character or a numeral does not start a short name
    if found.type == "org" and len(name) >= 3 and name[0] in _PREPOSITIONS and name[1] in _NUMERALS:
        return False  # 从一块: a preposition before a numeral opens a phrase, not a body
    # 商务部长, 中共党员: a role, not a body; 市政府, 县委: a body said generically.
    return not (found.type == "org" and (name.endswith(_PERSON_ENDINGS)
                                         or (len(name) <= 3 and name[0] in _ADMIN_LEVELS)))


class ChineseNames:
    """Names in Chinese paragraphs, read from the LAC tokens of each paragraph."""

    def find(self, text: str) -> list[Found]:
        if not text or not any(is_han(c) for c in text):
            return []
        return self.find_in_tokens(text, tag_text(text))

    def find_in_tokens(self, text: str, tokens: list[Token]) -> list[Found]:
        found = _tagged_names(text, tokens)
        found += latin_names(text, tokens)
        found += _headed_orgs(text, tokens)
        found += _outlets(text, tokens)
        found += _surname_with_title(tokens)
        found += _doctrine_names(tokens)
        found += _party_congresses(tokens)
        return _without_overlaps([f for f in found if _kept(f)])


def _tagged_names(text: str, tokens: list[Token]) -> list[Found]:
    """PER / ORG / LOC tokens, a name joined across its separators (詹姆斯·范恩, 汉斯-彼得·巴特尔斯)."""
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = _NAME_TAGS.get(token.tag)
        if kind is None or not any(is_han(c) for c in token.text):
            i += 1
            continue
        last = i
        while last + 1 < len(tokens):
            nxt = tokens[last + 1]
            if tokens[last].text[-1:] in SEPARATORS and _continues(nxt, token.tag):
                last += 1  # 卡莉纳·吉恩·|皮埃尔: the tagger kept the separator on the first piece
            elif last + 2 < len(tokens) and _is_separator(nxt) and _continues(tokens[last + 2], token.tag):
                last += 2
            elif kind == "person" and (extra := joins_transliteration(tokens, last)):
                last += extra  # 奇洛|李维斯, 弗拉迪米尔|.|科马洛夫, 阿罗|约
            else:
                break
        if token.tag == "ORG":
            # 第九届|全国人民代表大会, 中国共产党|第十五次|全国代表大会: an ordinal belongs to the body it numbers.
            if i > 0 and _ORDINAL.fullmatch(tokens[i - 1].text):
                token = tokens[i - 1]
            while (last + 2 < len(tokens) and _ORDINAL.fullmatch(tokens[last + 1].text)
                   and tokens[last + 2].tag == "ORG"):
                last += 2
        if (kind == "person" and last == i and len(token.text) == surname_length(token.text)
                and last + 1 < len(tokens) and _given_char(tokens[last + 1])):
            last += 1  # 欧阳|默: the tagger left the given name off a bare surname
        start, end = token.start, tokens[last].end
        while end > start and text[end - 1] in SEPARATORS:
            end -= 1
        first, i = i, last + 1
        if kind == "person" and last == first and is_credit(tokens, first):
            continue  # 记者 彭冲 山东冠县报道: a credit line, not the story
        if kind == "person":
            out += _persons_in(text, start, end)
            continue
        if kind == "org":
            end -= _org_run_on(text[start:end])  # 律师事务所|有关: the tagger ran the body on into a verb
        name = text[start:end]
        if kind == "org" and (place := place_fused_with_word(text, start, end)):
            end, name, kind = start + len(place), place, "place"  # 在莫斯科|学理工科: no body 莫斯科学
        if kind == "org" and _short_unheaded(name) and not word_frequency(name) \
                and (glued := glued_span(text, start, end)):
            # 北京正|之本 or 欧共|体评: the tagger's span, no word itself, cuts a word (a place cut so, 中美|关系,
            # stays); keep it only as the whole word it cuts
            # when that is a dictionary word the tagger alone reads as a name of the same kind (欧共体).
            start, end = glued
            name = text[start:end]
            if tag_alone(name) != token.tag or not word_frequency(name):
                continue
        if kind == "org" and tag_alone(name) == "LOC":
            kind = "place"  # 欧洲 read as an organisation in a sentence is still a place
        if kind == "place" and _named_institution(name):
            kind = "org"  # 圣马丁教堂, 南昌凯美百货: a named church or store is the body that runs it
        if kind == "org" and (describes_company(name) or generic_government(name) or leader_government(name)):
            continue  # (the leader is not made a person: 马拉维政府 reads as 马拉维 PER alone, and is a country's)
        out.append(Found(start, end, name, kind, "lac"))
    return out


def _named_institution(name: str) -> bool:
    """圣马丁教堂, 南昌凯美百货. Not 基督教堂 (the head's first character ends the word 基督教: a church of a
    faith names none), 圣保罗修道院教堂 (an abbey's church is a building of the abbey) or a cathedral,
    圣母大教堂 (the seat of a diocese: the body is the diocese)."""
    head = next((h for h in INSTITUTION_HEADS if name.endswith(h)), "")
    rest = name[: -len(head)] if head else ""
    return len(rest) >= 2 and word_frequency(name[: len(rest) + 1]) < COMMON_WORD_FREQ \
        and not rest.endswith((*ORG_HEADS, "大"))


def place_fused_with_word(text: str, start: int, end: int) -> str:
    """The place of a tagger "organisation" that is a place run on into the first character of the next
    word (莫斯科|学 of 在莫斯科学理工科, the verb 学 study): that character is a verb or function word that
    jieba reads as a word of its own. "" when the span is no such fragment."""
    name = text[start:end]
    if len(name) < 3 or name.endswith(ORG_HEADS) or not all(is_han(c) for c in name):
        return ""
    place, last = name[:-1], name[-1]
    if tag_alone(place) != "LOC" or tag_alone(last) not in _RUN_ON_TAIL_TAGS:
        return ""
    bounds = _word_bounds(text, max(0, start - _GLUE_WINDOW), min(len(text), end + _GLUE_WINDOW))
    return place if {start, end - 1, end} <= set(bounds) else ""  # 上海|正式 is the glued case, not this


def _short_unheaded(name: str) -> bool:
    return len(name) <= _GLUE_LONGEST and all(is_han(c) for c in name) and not name.endswith(ORG_HEADS)


def _org_run_on(name: str) -> int:
    """Characters after an organisation's last head that are a common verb or function word (…事务所有关 → 2):
    the tagger ran the name on into the next word."""
    for size in range(1, min(3, len(name) - 3) + 1):
        head_end, tail = name[:-size], name[-size:]
        if head_end.endswith(ORG_HEADS) and tag_alone(tail) in _RUN_ON_TAIL_TAGS \
                and word_frequency(tail) >= COMMON_WORD_FREQ:
            return size
    return 0


def _given_char(token: Token) -> bool:
    word = token.text
    return len(word) == 1 and is_han(word) and word not in NOT_GIVEN_NAME and token.tag not in _FUNCTION_TAGS


def _continues(token: Token, tag: str) -> bool:
    return token.tag == tag or looks_transliterated(token.text)


def _persons_in(text: str, start: int, end: int) -> list[Found]:
    """One PER span: 迈克·李和奥林·哈奇 is two names, 田纳西州 read alone is a place, 吕女士 is nobody."""
    name = text[start:end]
    if not all(is_han(c) or c in SEPARATORS or c.isascii() for c in name):
        return []  # kana or private-use characters: a mis-decoded page, not a name
    for joiner in _JOINERS:
        left, sep, right = name.partition(joiner)
        if sep and any(c in SEPARATORS for c in left + right) and len(left) >= 2 and len(right) >= 2:
            cut = start + len(left)
            return _persons_in(text, start, cut) + _persons_in(text, cut + len(joiner), end)
    if any(c in SEPARATORS for c in name):
        end -= run_on_length(re.split(f"[{re.escape(SEPARATORS)}]", name)[-1])  # 伯纳斯·李|成立
        name = text[start:end]
    if name.endswith(_TEAM) and len(name) > 2:  # 阿洛拉队: a club
        return [Found(start, end, name, "org", "lac")]
    title = next((t for t in _TITLES_LONGEST_FIRST if name.endswith(t)), None)
    if title and len(name) > len(title) and (len(name) - len(title) >= 2 or surname_length(name)):
        end -= len(title)  # 江主席 → 江, 乔石委员长 → 乔石: the title is not part of the name
        name = text[start:end]
        if title in COURTESY_TITLES and len(name) == surname_length(name):
            return []  # 吕女士, 刘先生: an unnamed private person
    if not _plausible_person(name) and not (len(name) == 1 and surname_length(name)):
        return []
    if name.endswith(_PLACE_ENDINGS) or tag_alone(name) == "LOC":
        return [Found(start, end, name, "place", "lac")]
    if any(name.endswith(h) for h in ORG_HEADS if len(h) >= 2):
        return [Found(start, end, name, "org", "lac")]  # 霍顿·米夫林·哈考特出版社
    return [Found(start, end, name, "person", "rule" if title else "lac")]


def generic_government(name: str) -> bool:
    """西班牙政府, 美国联邦政府: a country's government said generically is the country (an administration,
    特朗普政府, is not)."""
    if not name.endswith(_GOVERNMENT):
        return False
    place = name[: -len(_GOVERNMENT)].removesuffix("联邦").removesuffix("中央")
    return bool(place) and (tag_alone(place) == "LOC" or place in _UNNAMED_COUNTRIES)


def leader_government(name: str) -> bool:
    """佐科政府, 工党政府: the government of a leader or a party is its time in office, not a body of its own."""
    leader = name.removesuffix(_GOVERNMENT)
    return leader != name and len(leader) >= 2 and (tag_alone(leader) == "PER" or leader.endswith("党"))


def describes_company(name: str) -> bool:
    """美国机器学习公司, 美国实验室: a place before a bare head, or before a trade and a company head,
    describes a body rather than naming it."""
    for head in ORG_HEADS:
        if not name.endswith(head):
            continue
        rest = name[: -len(head)]
        if head in _DESCRIPTIVE_HEADS and tag_alone(rest) == "LOC":
            return True  # 美国实验室 (but 南京大学, 中国银行 are names)
        if head in _COMPANY_HEADS:
            if tag_alone(rest) in ("n", "vn") and word_frequency(rest) >= COMMON_WORD_FREQ:
                return True  # 水务公司, 利益集团: a trade and a company head
            for size in (2, 3, 4):
                place, trade = rest[:size], rest[size:]
                if trade and tag_alone(place) == "LOC" and (
                        word_frequency(trade) >= COMMON_WORD_FREQ or tag_alone(trade) in _TRADE_TAGS):
                    return True
        return False
    return False


def _plausible_person(name: str) -> bool:
    core = "".join(c for c in name if c not in SEPARATORS)
    return len(core) >= 2 and not (len(core) == 2 and core[1] in NOT_GIVEN_NAME)


def _ends_with_head(token: Token) -> bool:
    """Whether the word ends with an organisation head (a one-character head needs a word before it)."""
    word = token.text
    if word[-1:] not in _HEAD_LAST_CHARS:
        return False
    for size in range(min(_LONGEST_HEAD, len(word)), 0, -1):
        if word[-size:] in _HEAD_SET:
            return len(word) > size or size > 1
    return False


def _common_word_head(word: str) -> bool:
    """头部, 当局, 工厂: a common word of its own that only ends like a one-character head."""
    return len(word) == 2 and word[-1] in _PLACE_LIKE_HEADS and word_frequency(word) >= COMMON_WORD_FREQ \
        and tag_alone(word) != "ORG"


def _body_of_body(word: str) -> bool:
    """参议院司法委员会 read as one common noun: a body's head after a word that is itself a body."""
    for head in ORG_HEADS:
        if len(head) >= 2 and word.endswith(head) and len(word) - len(head) >= 2:
            rest = word[: -len(head)]  # 参议院司法: it opens with a body (参议院)
            return rest[0] not in NOT_GIVEN_NAME and any(
                tag_alone(rest[:k]) == "ORG" or _ends_with_head(Token(0, k, rest[:k], "n"))
                for k in range(3, min(len(rest) - 1, 6) + 1))
    return False


def _headed_orgs(text: str, tokens: list[Token]) -> list[Found]:
    """An organisation ending with a head word and led by a proper noun: 北京|智源|研究院, 消费者|能源|联盟."""
    out: list[Found] = []
    for i, token in enumerate(tokens):
        if token.tag not in _INNER_TAGS or not _ends_with_head(token):
            continue
        first = i
        j = i - 1
        while j >= 0 and i - j <= 3 and tokens[j].tag in _INNER_TAGS | _PROPER_TAGS and all(
                is_han(c) for c in tokens[j].text):
            first = j
            j -= 1
        while first < i and tokens[first].tag not in _PROPER_TAGS and not _ends_with_head(tokens[first]):
            first += 1  # a proper noun leads the name, or a body (参议院|司法委员会, 国务院|办公厅)
        lead = tokens[first]
        if first == i and not (token.tag == "ORG" or (token.tag == "nz" and len(token.text) >= 4)
                               or _body_of_body(token.text)):
            continue
        if lead.tag == "PER" and first == i - 1 and tokens[i].text in ("部", "局", "院"):
            continue
        if token.text in _COMPANY_HEADS and first < i and tokens[i - 1].tag not in _PROPER_TAGS - {"LOC"}:
            continue  # 美国|机器学习|公司: a country and a trade describe a company, they do not name it
        if lead.tag == "LOC" and first == i - 1 and token.text in ORG_HEADS:
            continue  # 美国|实验室: a country and a bare head describe, they do not name
        start, end = lead.start, token.end
        if _common_word_head(token.text) and tag_alone(text[start:end]) != "ORG":
            continue  # 曾志伟|头部, 加泰罗尼亚|当局 (but 美国太平洋|总部 the tagger reads as a body)
        if not describes_company(text[start:end]):
            out.append(Found(start, end, text[start:end], "org", "rule"))
    return out


def _outlets(text: str, tokens: list[Token]) -> list[Found]:
    """《华盛顿观察报》: a title in book-title marks names an outlet when it ends like one."""
    out: list[Found] = []
    for i, token in enumerate(tokens):
        if token.text != "《":
            continue
        close = next((j for j in range(i + 1, min(i + 6, len(tokens))) if tokens[j].text == "》"), None)
        if close is None or close == i + 1:
            continue
        start, end = tokens[i + 1].start, tokens[close - 1].end
        title = text[start:end]
        if 2 <= len(title) <= 16 and title.endswith(OUTLET_HEADS):
            out.append(Found(start, end, title, "outlet", "rule"))
    return out


def _doctrine_names(tokens: list[Token]) -> list[Found]:
    """马克思主义 → 马克思: a doctrine named after a person names that person."""
    out = []
    for token in tokens:
        for suffix in _DOCTRINE_SUFFIXES:
            head = token.text[: -len(suffix)]
            if token.text.endswith(suffix) and len(head) >= 2 and tag_alone(head) == "PER":
                out.append(Found(token.start, token.start + len(head), head, "person", "rule"))
                break
    return out


def _party_congresses(tokens: list[Token]) -> list[Found]:
    """十五大, 中共十九大: a party congress by its number is an organisation."""
    return [Found(t.start, t.end, t.text, "org", "rule") for t in tokens if _CONGRESS.fullmatch(t.text)]


def _surname_with_title(tokens: list[Token]) -> list[Found]:
    """江主席, 李总理: a bare surname fused with a title names a person (the surname alone)."""
    out = []
    for token in tokens:
        word = token.text
        size = surname_length(word)
        if size and len(word) > size and word[size:] in PERSON_TITLES_AFTER and word[size:] not in COURTESY_TITLES:
            out.append(Found(token.start, token.start + size, word[:size], "person", "rule"))
    return out


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Longest first; on ties the earlier rule (the tagger's own labels) wins."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: -(f.end - f.start)):
        if all(item.end <= c.start or item.start >= c.end for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


def page_tag_votes(paragraph_tokens: Iterable[list[Token]]) -> dict[str, Counter]:
    """How often the tagger called each word PER, LOC or ORG across a page."""
    votes: dict[str, Counter] = {}
    for tokens in paragraph_tokens:
        for i, token in enumerate(tokens):
            if token.tag in _NAME_TAGS:
                # 在汉普顿, 前往巴鲁: a "person" standing where a place stands counts as a place.
                as_person = token.tag == "PER" and in_person_context(tokens, i)
                placed = token.tag == "PER" and not as_person and in_place_context(tokens, i)
                tally = votes.setdefault(token.text, Counter())
                tally["LOC" if placed else token.tag] += 1
                tally[PLACE_CONTEXT] += placed
                tally[PERSON_CONTEXT] += as_person
                if token.tag == "LOC" and len(token.text) >= 3 and token.text.endswith(_TOWN_ENDINGS):
                    votes.setdefault(token.text[:-1], Counter())[PLACE_CONTEXT] += 1  # 帕鲁市 → 帕鲁
    return votes


def vote_type(name: str, kind: str, votes: dict[str, Counter]) -> str:
    """A person the page mostly reads as a place (巴鲁, 塔尔萨), or puts where a place stands and never
    where a person does, is a place; and the reverse (but 亚奇省 stays a province)."""
    tally = votes.get(name)
    if not tally or kind not in ("person", "place"):
        return kind
    per, loc = tally["PER"], tally["LOC"]
    placed = bool(tally[PLACE_CONTEXT]) and not tally[PERSON_CONTEXT]
    if kind == "person" and (loc > per or placed):
        return "place"
    if kind == "place" and per > loc and not placed and not name.endswith(_PLACE_ENDINGS):
        return "person"
    return kind
