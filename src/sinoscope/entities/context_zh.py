"""What the words around a Chinese name say it is, on the shared LAC tokens.

The tagger reads a transliterated place as a person as readily as a person (在汉普顿, 前往巴鲁,
俄克拉荷马州塔尔萨) and cuts or runs on transliterations it does not know (奇洛|李维斯, 阿罗|约,
伯纳斯·李成立). These helpers read the construction instead of the word:

- a name after a locative word (在, 于, 前往, 来自, 位于 …) or right after a place is a place — unless
  it is the 在X的…下 of a person (在弗莱克的推动下);
- two pieces of one transliteration are one name; a trailing verb is not part of the last piece;
- a credit line (记者 彭冲 山东冠县报道, （姚峰 上海报道）) names its reporter, not an entity of the story.
"""

from __future__ import annotations

from ..nlp.chinese import Token
from .zh_lexicon import NOT_GIVEN_NAME, TRANSLIT_CHARS

# Words after which a name is where something happens, not who does it.
LOCATIVES = frozenset({"在", "于", "前往", "来自", "位于", "抵达", "飞往", "赴", "途经", "返回", "回到", "离开",
                       "遍及", "驶往", "疏散到"})
_MOTION = ("去", "来", "回", "飞", "运", "送", "疏散", "转移", "撤", "逃", "搬", "赶", "抵", "迁")
_PERSON_FRAMES = frozenset({"看来", "眼中", "眼里", "心中", "心目中", "任内", "任期", "任上", "执政", "领导", "上任",
                            "任职", "面前", "身上", "身边", "手中", "手下", "旗下", "之后", "之前", "以后", "以前",
                            "后", "前", "时", "期间", "去世", "死后", "当选", "主政"})
_LIST_JOINERS = frozenset({"和", "与", "及", "、", "或"})
_CREDIT_BEFORE = frozenset({"记者", "通讯员", "摄影", "见习记者", "特约记者", "（", "("})
_CREDIT_AFTER = ("报道", "电", "摄", "撰稿")
# A tagger's joined piece and the word it ate: the tags of a word that does not continue a name.
_RUN_ON_TAGS = frozenset({"v", "vd", "d", "p", "c", "u", "ad"})
_CLOSING_TAGS = frozenset({"w", "p", "v", "d", "c", "u", "f", "vd"})


def _neighbour(tokens: list[Token], i: int, step: int) -> Token | None:
    """The nearest token from i in direction `step` that is not white space."""
    while 0 <= i < len(tokens) and not tokens[i].text.strip():
        i += step
    return tokens[i] if 0 <= i < len(tokens) else None


def in_place_context(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] stands where a place stands: after a locative word or right after a place."""
    from .discover_zh import surname_length  # discover_zh reads this module

    before = _neighbour(tokens, i - 1, -1)
    size = surname_length(tokens[i].text)
    if before is None or (size and len(tokens[i].text) - size in (1, 2)):
        return False  # 东殷民村殷治军, 在樊禹家里: a Chinese name after a place is a villager, not a place
    if before.tag == "LOC" and before.end == tokens[i].start and len(before.text) >= 2:
        return True  # 俄克拉荷马州塔尔萨, 阿拉斯加|瓦西拉
    if _listed_with_place(tokens, i):
        return True  # 敦夫里斯和加洛韦: a transliteration listed with a place is a place
    if before.text == "到":
        # 疏散到巴鲁 moves to a place; 欣赏到, 提到, 受到 a person are not motion.
        mover = _neighbour(tokens, tokens.index(before) - 1, -1)
        if mover is None or not mover.text.endswith(_MOTION):
            return False
    elif before.text not in LOCATIVES:
        return False
    after = _neighbour(tokens, i + 1, 1)
    if after is not None and (after.text in _PERSON_FRAMES or after.text.startswith("任")):
        return False  # 在X看来, 在X任内: a person's view or time
    # 在弗莱克的推动下, 在邓小平…理论指导下, 漫步在毕加索走过的小巷里: a frame closed by a locative particle is a
    # person's doing or way; 在韦斯特罗斯的花园 is a place.
    return not (before.text == "在" and any(t.tag == "f" for t in tokens[i + 1:i + 8]))


def _listed_with_place(tokens: list[Token], i: int) -> bool:
    if not all(c in TRANSLIT_CHARS for c in tokens[i].text):
        return False
    for step in (-1, 1):
        joiner = _neighbour(tokens, i + step, step)
        if joiner is None or joiner.text not in _LIST_JOINERS:
            continue
        other = _neighbour(tokens, tokens.index(joiner) + step, step)
        if other is not None and other.tag == "LOC" and len(other.text) >= 3 and all(
                c in TRANSLIT_CHARS for c in other.text):
            return True  # (a country beside a person, 卡瓦诺与美国, is two parties, not a list of places)
    return False


PLACE_CONTEXT, PERSON_CONTEXT = "at-place", "as-person"  # keys of a page's votes on a name
_SPEECH = ("说", "表示", "称", "认为", "指出", "告诉", "透露", "强调", "写道", "回忆", "补充", "解释", "承认", "否认")
_PERSON_AFTER = ("先生", "女士", "小姐", "博士", "教授", "总统", "总理", "主席", "议员", "部长", "同志")


def in_person_context(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is doing what only people do: speaking (弗莱舍尔写道) or bearing a title."""
    after = _neighbour(tokens, i + 1, 1)
    return after is not None and after.text.startswith(_SPEECH + _PERSON_AFTER)


def is_credit(tokens: list[Token], i: int) -> bool:
    """记者 彭冲 山东冠县报道, （姚峰 上海报道）: the reporter of a credit line."""
    before = _neighbour(tokens, i - 1, -1)
    if before is None or not (before.text in _CREDIT_BEFORE or before.text.endswith("记者")):
        return False
    after = _neighbour(tokens, i + 1, 1)
    if after is not None and after.tag == "LOC":
        after = _neighbour(tokens, tokens.index(after) + 1, 1)
    return after is not None and after.text.startswith(_CREDIT_AFTER)


def _mostly_transliterated(name: str) -> bool:
    return sum(c not in TRANSLIT_CHARS for c in name) <= 1 and not any(c in NOT_GIVEN_NAME for c in name)


def joins_transliteration(tokens: list[Token], last: int) -> int:
    """How many tokens after tokens[last] belong to the same transliterated name (0 when none):
    奇洛|李维斯 and 詹姆士|潘迪拉 (two PER pieces, nothing between), 弗拉迪米尔|.|科马洛夫, 阿罗|约、."""
    from .discover_zh import looks_chinese_name  # discover_zh reads this module

    token = tokens[last]
    if last + 1 >= len(tokens):
        return 0
    nxt = tokens[last + 1]
    if nxt.tag == "PER" and nxt.start == token.end and _mostly_transliterated(token.text + nxt.text) \
            and len(token.text + nxt.text) >= 3 and not any(c in "·・-" for c in token.text + nxt.text) \
            and not (looks_chinese_name(token.text) and looks_chinese_name(nxt.text)
                     and not (_sounded_given_names(token.text, nxt.text) and not _in_list(tokens, last))):
        return 1  # (but 朱良|朱森林|乔石 is a list of three Chinese names; 詹姆士|潘迪拉 is one transliteration)
    if nxt.text == "." and last + 2 < len(tokens) and tokens[last + 2].tag == "PER" \
            and _mostly_transliterated(token.text + tokens[last + 2].text):
        return 2
    if (len(nxt.text) == 1 and nxt.text in TRANSLIT_CHARS and nxt.text != "于" and nxt.tag not in ("PER", "LOC", "ORG")
            and len(token.text) >= 2 and all(c in TRANSLIT_CHARS for c in token.text)):
        after = tokens[last + 2] if last + 2 < len(tokens) else None
        if after is None or (after.tag in _CLOSING_TAGS and after.tag != "PER"):
            return 1  # 阿罗|约、, 莫利纳|里 : the tagger left the last syllable off
    return 0


def _sounded_given_names(first: str, second: str) -> bool:
    """詹姆士|潘迪拉: two pieces that start like Chinese names but go on in transliteration syllables only."""
    return len(first) >= 3 and len(second) >= 3 and _mostly_transliterated(first[1:] + second[1:])


def _in_list(tokens: list[Token], last: int) -> bool:
    """Whether tokens[last] and the next name are two of a run of names (胡锦涛|朱育理|朱森林)."""
    before = tokens[last - 1] if last > 0 else None
    after = tokens[last + 2] if last + 2 < len(tokens) else None
    return any(t is not None and t.tag == "PER" for t in (before, after))


def run_on_length(part: str) -> int:
    """Characters a verb or adverb added to the last piece of a transliteration (李成立 → 2, 道格曾 → 1)."""
    from .discover_zh import COMMON_WORD_FREQ, tag_alone, word_frequency  # discover_zh reads this module

    for k in range(1, len(part)):
        tail = part[k:]
        if (len(tail) == 1 and tail in NOT_GIVEN_NAME and tail not in TRANSLIT_CHARS) or (
                len(tail) >= 2 and tag_alone(tail) in _RUN_ON_TAGS and word_frequency(tail) >= COMMON_WORD_FREQ):
            return len(tail)
    return 0
