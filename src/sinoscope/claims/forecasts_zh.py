"""Chinese words of the future that state no forecast, and Chinese plans, schedules and intentions.

``forecast_cues.zh_markers`` finds 会, 将, 可能 and their kin; this module turns away the ones that tell
something else. Translated and native news alike write the present with them: a habit (每37分钟便会,
过去会), what happens whenever something is done (学生在点击…之后会了解), a guess about the past or the
present (可能收看了, 可能由于, 可能正处在), what a generic subject does (人们会…, 一位真正的英雄会…,
这种文化会…), an attribute (可能遭受的风险), an emphatic general truth
(是根本不会…的), 将 = 把 after a modal (可以将范围扩大). A forecast is also not a holder's arrangement:
a schedule (将在周日迎战, 将于…开业) or an intention (他将竞选连任, 我们会根据实际情况来定).
"""

from __future__ import annotations

import re

_HAN = r"[\u4e00-\u9fff]"
# a habit: "every N minutes", "in the past", "usually" — what happens again and again, not once ahead
_HABIT_BEFORE = re.compile(r"每(?:当|次|逢|[天日周年月晚]|个|隔|[\d一二两三四五六七八九十几]+)|"
                           r"过去|以前|从前|往常|平时|平常|向来|一向|历来|惯常")
# "when/after one does X, Y 会": what happens whenever something is done (在…时会, 在…之后会)
_WHENEVER = re.compile(r"(?:在|当|每当)[^，。；！？]{1,30}?(?:时|之时|的时候|之后|以后|后)"
                       r"(?:[，,]\s*[^，。；！？]{0,6}?)?\s*(?:就|便|都|也)?$")
# a generic subject: people at large, "a (true) hero", "this kind of culture" — what such a one does, not what
# will happen (人们会…, 一位真正的英雄会…, 这种文化会…); only a bare 会 — 这种情绪可能会 is hedged, a forecast
_GENERIC_SUBJECT = re.compile(r"^[\s“「『\"]*(?:但|而|可|但是|然而|其实|显然|很明显|事实上|当然)?\s*"
                              r"(?:人们|人类|大家|任何人|每个人|所有人|一般人|普通人|"
                              r"一(?:个|位|名|只|种|类)(?!月|小时|星期|季度|多月|周|年)[^，。；！？]{1,12}?|"
                              r"(?:这|那|此)(?:种|类|样的)[^，。；！？]{1,8}?)"
                              r"(?:也|都|就|便|往往|总|一定|肯定|自然)?$")
# 这种情绪会越发高涨: a trend ahead, told of a kind's noun all the same
_TREND_AFTER = re.compile(r"(?:会|不会)(?:更|再)?(?:越发|越来越|逐渐|日益|进一步|变得|不断)")
_AS_LONG_AS = re.compile(r"只要[^。；！？]{1,30}?[，,]?\s*(?:就|便|都)$")
# a guess about the past: 可能 … V了 + object (可能收看了这场听证会), not 可能会…了
_PAST_GUESS = re.compile(rf"可能(?!会|将|要)[^，。；！？]{{0,20}}?{_HAN}了(?={_HAN})")
# a guess about the present or a cause: 可能由于, 可能正处在, 可能和…有关, 也可能他们的兴趣在于
_EPISTEMIC = re.compile(r"(?:不)?可能(?:由于|因为|是因为|正|正在|正处|和|与|跟|同|只是|仅仅|在于|属于|并不|并非|"
                        r"没有|不是|也是|都是|早已|曾|存在|有|可以|实际上|其实|确实|已|已经)")
_ESTIMATE_PAST = re.compile(r"预计(?:已|已经|共已)")  # 预计已筹得的资金: an estimate of what was done
_PRESENT_AFTER_SUBJECT = re.compile(rf"可能(?:是)?(?:他|她|它|这|那|其){_HAN}{{0,5}}(?:在于|属于|来自|源于)")
# the nouns of chance hold a forecast's probability only with a number (as "chance" does in English)
_CHANCE_NOUN = re.compile(r"可能性|概率|几率")
_NUMBER = re.compile(r"\d\s*[%％]|百分之|成(?:把握|可能)")
# an attribute: a marker inside a noun phrase (对供应链可能遭受的风险担忧, 可能妨碍司法公正等问题)
_ATTRIBUTE_AFTER = re.compile(rf"[^，。；！？]{{0,14}}?的(?:风险|危险|后果|影响|问题|威胁|变化|情况|结果|机会|"
                              rf"损失|方向|歌|人|事)(?:{_HAN}{{0,2}})(?:担忧|担心|表示|感到)|"
                              rf"[^，。；！？]{{0,20}}?等(?:问题|事宜|情况|方面)(?:[，。；！？]|$)")
_GLOSS = re.compile(r"[(（][^)）]{0,3}$")
_NOUN_BEFORE = re.compile(r"(?:有|的|心理|市场|没有)$")
_NOUN_POSSIBLE = re.compile(r"\s*(?:[，,；;。！!？?”]|$)")
_POSSIBILITIES = re.compile(r"(?:更多|很多|许多|无限|种种|多种|一种|各种|有)$")
_YOU = re.compile(r"你")
_ONLY_BEFORE = re.compile(r"(?:唯一|首[个套部台款位支]|第一[个套部台款位支])$")
# 是…不会/不可能…的: an emphatic general truth (真正的飞人是根本不会用气垫鞋的, 永动机是不可能造出来的)
_EMPHATIC = re.compile(r"是(?:根本|绝对|肯定|决|一定|完全)?$")
_EMPHATIC_END = re.compile(r"[^，。；！？]*的\s*[！!。]?[”’」』]*\s*(?:[，,；;。！!？?]|$)")
# 将 = 把 after a modal or an auxiliary: 可以将切除的范围扩大, 要将其…
_MODAL_BEFORE_JIANG = re.compile(r"(?:可以|能够|能|要|会|应当|应该|应|必须|需要|无法|不能|不会|没有|准备|打算|"
                                 r"决定|想)$")
_BA_VERBS = re.compile(r"看成|看作|看做|视作|当成|当做|翻番|扩大到|提高到|降低到|推迟到|延长到")


_CLAUSE_START = re.compile(r"[，,；;。！？：:]")
_CLAUSE_END = re.compile(r"[，,；;。！？]")
_REACH = 300  # as far as a clause is looked for on either side: linear on a run without punctuation


def _clause_bounds(sentence: str, at: int) -> tuple[int, int]:
    floor, ceiling = max(0, at - _REACH), min(len(sentence), at + _REACH)
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, floor, at)]
    end = _CLAUSE_END.search(sentence, at, ceiling)
    return (starts[-1] if starts else floor), (end.start() if end else ceiling)


def excluded(sentence: str, at: int, word: str) -> bool:
    """Whether the marker `word` at `at` in a Chinese sentence tells the present, the past or a habit."""
    lo, hi = _clause_bounds(sentence, at)
    before, after = sentence[lo:at], sentence[at:hi]
    habit = _HABIT_BEFORE.search(before)
    if habit and (word in ("会", "不会") or (word in ("将", "将会") and not habit.group().startswith("每"))):
        return True  # 每37分钟便会提供, 过去会十分迅速地作出裁决; but 每年的股息收入将达到: a rate ahead
    lead = sentence[_clause_bounds(sentence, lo - 1)[0] if lo else 0 : at]  # the clause before it too
    if word in ("会", "不会") and (_WHENEVER.search(lead) or _AS_LONG_AS.search(lead)):
        return True  # 学生在看到…时会思考, 只要衣服一离身，就会…: what happens whenever
    if word in ("会", "不会") and _GENERIC_SUBJECT.search(before) and not _TREND_AFTER.match(sentence, at):
        return True
    if _PAST_GUESS.match(sentence, at):
        return True
    if word.endswith("可能"):
        pos = at if word == "不可能" else at + word.index("可能")
        if _EPISTEMIC.match(sentence, pos) or _PRESENT_AFTER_SUBJECT.match(sentence, pos):
            return True
    if word == "预计" and _ESTIMATE_PAST.match(sentence, at):
        return True
    if _CHANCE_NOUN.fullmatch(word) and not _NUMBER.search(sentence):
        return True  # 罢免总统的可能性, 更改的可能性不大: no number, no forecast's probability
    if _ATTRIBUTE_AFTER.match(sentence, at + len(word)):
        return True
    if _ONLY_BEFORE.search(before):
        return True  # 唯一会让我哭的歌, 首套将由…演奏的作品: the marker qualifies a noun
    if _GLOSS.search(before) and not re.search(r"[)）]", before[before.rfind("(") :]):
        return True  # “impossible”(不可能): a word glossed, not said
    if word.endswith(("预期", "预计")) and _NOUN_BEFORE.search(before):
        return True  # 他也有心理预期: the noun
    if word.endswith("可能") and _NOUN_POSSIBLE.match(sentence, at + len(word)) and _POSSIBILITIES.search(before):
        return True  # 我的未来还有更多可能: possibilities
    if word in ("会", "不会", "将") and (_YOU.search(after) or _YOU.search(lead)):
        return True  # 它会打乱你的生理节律: a general truth told to "you"
    if word in ("会", "不会", "可能", "不可能") and _EMPHATIC.search(before.rstrip()) and _EMPHATIC_END.match(
            sentence, at + len(word)):
        return True
    # 可以将范围扩大, 如果将热度看成100度: 将 = 把
    return word == "将" and bool(_MODAL_BEFORE_JIANG.search(before) or _BA_VERBS.search(after))


# -- plans, schedules and intentions --------------------------------------------------------------------
# an arrangement told with its time or place: 将在周日迎战, 将于今年晚些时候在伯明翰开业, 其间特朗普将在…停留
_SCHEDULE = re.compile(
    r"(?:将|将会|会|还将|也将)(?:于|在)[^，。；！？\-–—]{0,24}?(?:出场|迎战|对阵|直面|停留|试水|参赛|出战|会见|会晤|出访|前往|"
    r"抵达|返回|发表|演讲|讲话|录制|拍摄|播出|上映|开放|关闭|展开|开展|进行|举行|召开|举办|开业|增加销售|增设|进驻|引进|"
    r"推广|做出决定|作出决定|宣布|表演|演出|登台|亮相|出席|访问|参加|参与|现身)"
    r"|(?:将|将会|还将|也将)(?:展开|开展|包括|进驻|派|利用|提供|提议|提交|关闭至|开放至|建设|兴建|投资建设)"
    r"|(?:将|会)(?:关闭|开设|扩建|出售|收购)其|(?:将|会)(?:于|在)[^，。；！？\-–—]{0,24}?对[^，。；！？]*$"
    r"|即将(?:离开|出访|访问|前往|抵达|举行|召开|启程|出席)|保证(?:不会|会|将)"
    r"|(?:将|会)派(?:出|遣)?|(?:将|会)(?:大规模|全面|正式|进一步)?(?:进军|依托|携手)"
    # who will do it: 将由双方进行协商; when: 下周将会调查, 周五将举行
    r"|将(?:会)?由[^，。；！？]{1,20}?(?:进行|负责|协商|主持|牵头|组织)"
    r"|(?:下周|本周|下个?月|明天|明日|今晚|周[一二三四五六日])(?:还|也)?(?:将|将会|会)(?:开始)?"
    r"(?:调查|审议|表决|投票|举行|召开|会见|会晤|出访|前往|宣布|公布|发布)"
    # an appointment: 威洛比将成为马莎百货的品牌形象大使
    r"|将(?:出任|担任|成为)[^，。；！？]{0,12}?(?:大使|代言人|主席|总裁|首席执行官|CEO|董事长|主帅|主教练|主持人|发言人)")
_PERSON = r"(?:我们|我|咱们|他们|她们|他|她)"
# an intention of a person: he will run again, we will look for the next breakthrough, we will decide
_INTENTION = re.compile(
    rf"{_PERSON}(?:也|还|就|都|一定|必须|确实|绝对|肯定|明年|今年|随后|之后)?(?:将|会|要|将会|将要|不会|不再|也将|还将)"
    r"(?:再|继续|正式|亲自|全力|尽快|尽力)?[^，。；！？\-–—]{0,16}?"
    r"(?:竞选|参选|连任|参加|出席|辞职|退休|签署|接拍|出演|推广|寻求|起诉|提起诉讼|投票|合作|做出决定|作出决定|来定|决定|"
    r"考虑|拱手|让给|让步|参与|宣布|推出|发布)")
_THIRD_PLAN = re.compile(r"(?:将|会)(?:参与|参加|竞选|参选)[^，。；！？]{0,10}?(?:竞选|大选|选举)|"
                         r"(?:不会再|将不再|不再)(?:接拍|出演|参加|参选|竞选|担任|出任)")
# an arrangement someone expects is a forecast all the same: 预期参议院会在周五之前进行投票
_EXPECTED = re.compile(r"预期|预计|估计|有望|可望|可能(?!的)|或将|似乎|看来|料将")  # 可能的谈判: an attribute


def is_plan(clause: str) -> bool:
    """A schedule or an intention stated in a clause (a Chinese forecast's text)."""
    if _EXPECTED.search(clause):
        return False
    return bool(_SCHEDULE.search(clause) or _INTENTION.search(clause) or _THIRD_PLAN.search(clause))


# -- holders and sentences ---------------------------------------------------------------------------------
_QUOTE_OPEN = re.compile(r"[“「『\"]|\s[-–—]\s|——")


def apart(gap: str) -> bool:
    """A second forecast of a Chinese sentence stands apart from the first past a clause of other words, an
    opening quotation mark or a dash; the clause right after a forecast ("，而且可能会…") goes on with it."""
    return bool(_QUOTE_OPEN.search(gap)) or len(re.findall(r"[\u4e00-\u9fffA-Za-z0-9]", gap)) >= 6



def romanised(name: str | None) -> list[str]:
    """A Chinese person's name in pinyin, family name first, as English-language pages write it (宋国青 → Song
    Guoqing), for a reader (and a record) that looks the holder up in English."""
    from ..entities.english_forms import pinyin_name

    return [n] if (n := pinyin_name(name)) else []
