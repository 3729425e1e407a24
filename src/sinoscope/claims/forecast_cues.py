"""The words that make a sentence a forecast, and the ones that make it something else.

A forecast (ANNOTATION.md) is a statement about what will or may happen: a modal or a word of
expectation ("will", "could", "is expected to", 将, 可能, 预计) that is not a counterfactual past
("would have"), a polite or hedged way of speaking ("I would like", "could not say"), a question,
a schedule ("will be held on"), or the holder's own plan ("we will launch", 计划, 力争).
English is read with patterns; Chinese with patterns that tell the 将 of the future
from 将 = 把 and the modal 会 from 会 in 会议 or 社会.
Unnamed groups ("analysts say", 业内人士认为) are found here too: they hold forecasts of their own.
"""

from __future__ import annotations

import re

from . import forecasts_zh

# --- English ---------------------------------------------------------------------------------------
EN_MARKER = re.compile(
    r"(?<![A-Za-z])(?:will|won[’']t|wo n[’']t|shall|would|wouldn[’']t|could|may|might|[’']ll|"
    r"(?:is|are|was|were|'s|’s|'re|’re|am|not)\s+going\s+to|gonna|expected\s+to|expects?|predict(?:s|ed)?|"
    r"forecasts?|projected\s+to|(?:un)?likely|set\s+to|poised\s+to|on\s+track\s+to|bound\s+to|stand\s+to|"
    r"at\s+risk\s+of|on\s+the\s+verge\s+of|about\s+to|chances?|odds|probability|likelihood)(?![A-Za-z])")
# what follows a modal that makes it a past counterfactual, a polite request or a speech act
_EN_NOT_AFTER = re.compile(
    r"\s+(?:not\s+|never\s+)?(?:have|’ve|'ve|like|love|prefer|rather|say|argue|appeal|urge|ask|encourage|suggest|"
    r"recommend|imagine|guess|hope|add|want|welcome|advise|thank|point|describe|call|characteri[sz]e|comment|"
    r"usually|often|normally|typically|always|sometimes)\b|[’']ve\b",
    re.I)
_EN_PAST_ABILITY = re.compile(r"could(?:\s+not|n[’']t|\s+never)\b", re.I)
_EN_EPISTEMIC_PRESENT = re.compile(r"(?:may|might)\s+(?:not\s+|well\s+|also\s+|actually\s+)?be\b", re.I)
_EN_PAST_PERSPECTIVE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:not\s+)?$", re.I)
_EN_PAST_GOING = re.compile(r"(?:was|were)\s+going\s+to$", re.I)
_EN_LIKELY_PAST = re.compile(r"\s+to\s+have\b", re.I)
# "likely" looks ahead after a verb of being or with "to" ("is likely to", "will likely"); "the country likely
# sees", "likely voters" and "more likely to" (a tendency) do not
_EN_LIKELY_OK_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|been|seems?|appears?|looks?|very|highly|quite|not|"
                                  r"will|would|[’']s|[’']re)\s+)$", re.I)
_EN_TENDENCY = re.compile(r"\b(?:more|less|most|least)\s+$", re.I)
_EN_CHANCE = re.compile(r"chances?|odds|probability|likelihood", re.I)
_EN_PERCENT = re.compile(r"\d\s*(?:%|per\s?cent)", re.I)
_EN_WHAT_COULD = re.compile(r"\b(?:anything|everything|whatever|all|what|as\s+\w+\s+as)\s+(?:\w+\s+)?$", re.I)
_EN_YOU = re.compile(r"\byou\s+$", re.I)
_EN_EXPECT_NOT_FUTURE = re.compile(r"(?:as|than|had|were|was)\s+expected$", re.I)
# a plan, an intention or a schedule, not a forecast
_EN_PLAN = re.compile(
    r"\b(?:plans?\s+to|planning\s+to|planned\s+to|intends?\s+to|intending\s+to|aims?\s+to|is\s+to\s+\w+|are\s+to\s+\w+|"
    r"(?:is|are|was|were)\s+scheduled|(?:is|are)\s+due\s+to|will\s+be\s+held|will\s+take\s+place\s+on|"
    r"will\s+(?:host|hold|meet|visit|travel|attend|air|start|begin|open|close|resume|return|star|appear|perform|"
    r"feature)\b|will\s+be\s+(?:hosted|shown|broadcast|screened|aired)\b|"
    r"whatever\s+it\s+takes|vow(?:s|ed)?|promis(?:e|es|ed)|pledg(?:e|es|ed)|"
    r"will\s+(?:also\s+|then\s+)?be\s+(?:placed|produced|installed|built|launched|opened|released|published|"
    r"introduced|tested|held|hosted|unveiled|rolled\s+out|carried\s+out|conducted|operated)\b)", re.I)
_EN_FUTURE_PROGRESSIVE = re.compile(r"\bwill\s+(?:also\s+)?be\s+[a-z]+ing\b", re.I)
_EN_FIRST_PERSON_ACT = re.compile(
    r"\b(?:I|we)\s*(?:will|shall|would|[’']ll|(?:are|am|'re|’re|'m|’m)\s+(?:not\s+)?going\s+to)\s+(?:not\s+|never\s+|also\s+|"
    r"continue\s+to\s+|keep\s+)?(?!be\b|see\b|have\b|succeed|fail|fall|lose|win|need|face|suffer|regret|remain|"
    r"become|find|feel|know|forget|get\b|miss|struggle|run\s+out)[a-z]+", re.I)
# a reported intention: "he would run", "she will take a hard look", "they would seek"
_EN_INTENTION = re.compile(
    r"\b(?:he|she|they|I|we)\s+(?:would|will|[’']ll|[’']d)\s+(?:not\s+|never\s+|also\s+|only\s+)?(?:run|seek|visit|"
    r"decide|take|travel|return|sign|resign|attend|meet|announce|launch|release|introduce|vote|support|oppose|"
    r"continue|keep|do|make|give|consider|try|work|hold|host|push|fight|ask|call|bring|send|stay|step|join|"
    r"leave|stand|be\s+(?:voting|doing|running|taking|making|working|seeking|looking))\b", re.I)
_EN_QUESTION_LEAD = re.compile(r"\b(?:whether|asked\s+if|wondered\s+if|ask\s+if)\b", re.I)
# a capitalised "Will" inside a sentence is a name ("coach Will Wade")
_EN_NAME_WILL = re.compile(r"(?<=[a-z,] )Will(?= [A-Z])")

GROUP_HEADS_EN = (
    r"analysts?|experts?|economists?|observers?|critics?|officials?|lawmakers?|legislators?|sources?|studies|"
    r"researchers?|scientists?|insiders?|industry|media|reports?|opponents|supporters|residents|AMs|MPs|"
    r"senators|investors|traders|pundits|commentators|forecasters|campaigners|activists|aides?|diplomats|"
    r"strategists|insiders|observers|authorities|doctors|engineers|executives|voters|many|others")
_EN_GROUP_CUE = (r"(?:say|says|said|believe[sd]?|warn(?:s|ed)?|fear(?:s|ed)?|worr(?:y|ies|ied)|expect(?:s|ed)?|"
                 r"predict(?:s|ed)?|estimate[sd]?|argue[sd]?|suggest(?:s|ed)?|think|thought|told|tell|"
                 r"caution(?:s|ed)?|claim(?:s|ed)?|reported|report|reckon(?:s|ed)?|project(?:s|ed)|doubt(?:s|ed)?)")
EN_GROUP = re.compile(
    rf"(?P<np>(?:\b(?:a|an|the|some|many|most|several|other|few|two|three|local|senior|top|leading|nationalist|"
    rf"[A-Z][\w.-]*)\s+){{0,5}}\b(?:{GROUP_HEADS_EN})\b)(?:\s+(?!{_EN_GROUP_CUE}\b)[a-z]+){{0,4}}?"
    rf"\s+(?:have\s+|had\s+|also\s+|are\s+|were\s+|now\s+|still\s+)?{_EN_GROUP_CUE}\b"
    rf"|\baccording\s+to\s+(?P<np2>(?:some\s+|local\s+|the\s+)?(?:{GROUP_HEADS_EN}))\b")
_EN_NOT_GROUP = re.compile(r"^(?:the\s+)?(?:many|others)$|^(?:his|her|their)\b", re.I)
EN_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according\s+to|stated|states|noted|notes|argued|argues|warned|"
    r"warns|explained|claimed|claims|insisted|believes|believed|thinks|wrote|writes|predicted|predicts|"
    r"suggested|expects|expected\s+that|announced|confirmed|reported|stressed|emphasi[sz]ed)\b|[“”\"]")

# --- Chinese ---------------------------------------------------------------------------------------
_ZH_MARKER = re.compile(r"可能性|很可能|有可能|不可能|可能|将会|将要|有望|可望|预计|预期|即将|势必|必将|"
                        r"终将|或将|迟早|概率|几率|不会|会|将|要[^，。；]{0,12}?才能")
_ZH_HUI_WORD_BEFORE = re.compile(r"(?:社|机|协|委员|大|国|议|年|峰|晚|宴|聚|博览|运动|研讨|座谈|奥运|理事|董事|"
                                 r"工|商|体|领|误|约|开|入|与|庙|全|展|发布|记者|演唱|交易|都|学|省|总|分|例|茶|"
                                 r"酒|舞|盛|集|幽|汇|融|附|照|拜|教|公|赛|夜|村|乡|州|市|区|党|团|联|车|花|灯|音乐|"
                                 r"证|运|理)$")
_ZH_HUI_WORD_AFTER = re.compile(r"[议见谈晤上场计所馆展长员徽标期后前中堂聚诊商签同师合面址务费籍众意心友旗歌刊话考稿"
                                r"的。，、；！？]")
_ZH_JIANG_WORD = re.compile(r"将(?:军|领|近|士|帅|官|来|计就计|心比心|信将疑)|"
                            r"将(?:其|之|他们|她们|它们|他|她|它|这|那|该|此|一[名个头位批些])")  # 将其用作: 将 = 把
_ZH_JIANG_WORD_BEFORE = re.compile(r"(?:大|老|名|主|干|中|少|上|猛|武|悍|战|女|副|败|良|爱|宿|小|麻)$")
_ZH_DEGREE = re.compile(r"(?:太|很|真|最|挺|特别|非常|比较|更)$")  # 太会搞: a skill, not the future
_ZH_SKILL_OR_SPEECH = re.compile(r"搞|说|讲|写|表示|认为|称|觉得|编程|做饭|开车|游泳|唱|跳舞|对话")
_ZH_EPISTEMIC = re.compile(r"可能(?:有|是|存在|已|已经|正在|还|就是)|将比")
ZH_QUESTION = re.compile(r"[？?]|是否|能否|会不会|可不可以|吗[。！]?$")
ZH_PLAN = re.compile(
    r"计划|打算|准备|拟于|拟将|力争|争取|定于|预定|将于[^，。]{0,14}(?:举行|召开|开幕|举办|访问|出席|启动|开始|发布|上线)|"
    r"将(?:举行|召开|出席|访问|举办|现身)|不惜一切代价|承诺|誓言|决心|宣布[^，。]{0,12}将|"
    r"将(?:于|在)[^，。]{0,24}(?:推出|上市|开业|发布|上线|举行|召开|开幕|举办|亮相|投产|开通|启用|饰演|出演|主演)")
_ZH_FIRST_PERSON_ACT = re.compile(
    r"(?:^|[，：“])(?:[^，：“]{0,8}?)(?:我们|我|咱们)(?:也|还|都|一定|必须|确实|绝对|肯定)?(?:将|会|要)"
    r"(?:继续|进一步|加大|推进|开展|实施|加强|提供|投资|努力|坚持|扩大|打造|推出|建设|发布|启动|进行|采取|支持|"
    r"帮助|保持|做好|全力|积极|呼吁|参选|参加竞选|竞选|认真考虑|考虑)"
    r"|不会(?:容忍|允许|放弃|坐视|让步|屈服|妥协|退缩)")  # 我们不会容忍: a commitment, not a prediction
_ZH_COUNTERFACTUAL = re.compile(r"本应|本来会|原本会|本可以|早就会|以为会|原以为|怎么会|怎会|为什么会|为何会|"
                                r"没(?:能|有)?想到|想不到|如果不是|要不是|若不是")  # 没想到他会: the past's surprise
GROUP_HEADS_ZH = (r"分析人士|分析师|分析家|专家们?|学者|业内人士|业界人士|知情人士|消息人士|有关人士|相关人士|观察人士|"
                  r"观察家|评论人士|有人|很多人|不少人|许多人|多数人|外界|当地媒体|外媒|媒体|研究人员|研究机构|研究|"
                  r"报告|官员|议员|批评者|批评人士|反对派|支持者|投资者|经济学家|有关渠道|渠道|舆论|高层人士|助手|人们|AMs?|MPs?")
_ZH_GROUP_CUE = r"(?:认为|表示|指出|称|说|预计|预测|估计|担心|警告|相信|透露|预期|分析|预言|坦言|显示|告诉|推测|判断)"
ZH_GROUP = re.compile(
    rf"(?P<np>[\u4e00-\u9fffA-Za-z ]{{0,8}}?(?:{GROUP_HEADS_ZH}))(?:也|还|则|都|均|普遍|一致|肯定地|更是|曾)?"
    rf"{_ZH_GROUP_CUE}"
    rf"|(?:据|根据|按照)“?(?P<np2>[\u4e00-\u9fffA-Za-z ]{{0,8}}?(?:{GROUP_HEADS_ZH}))”?的?(?:最新)?"
    rf"(?:报道|透露|消息|称|统计|预计|分析|传言|说法|估计)"
    rf"|在(?P<np3>[\u4e00-\u9fff]{{0,8}}?(?:{GROUP_HEADS_ZH}))看来")
ZH_CUE = re.compile(r"表示|(?<![小传学据听解游来虽])说(?![明法服])|(?<![名号堪俗简统])称(?![号为作呼])|"
                    r"指出|认为|透露|告诉|告知|介绍|强调|坦言|据悉|显示|担心|相信|怀疑|期待|确认|"
                    r"据.{1,12}?(?:报道|介绍|透露)|[“”「」]|(?<!意味着)(?<!包括)(?<!如下)(?<!例如)(?<!比如)(?<!分别是)：")
# a short quoted term ("北马其顿共和国", a title or a scare quote) is a name, not reported speech
_ZH_QUOTED_TERM = re.compile(r"[“”「『\"][^“”「」『』\"，。！？；,!?;：:]{1,12}[“”」』\"]")


def zh_cue(sentence: str) -> re.Match[str] | None:
    """A cue of reported speech in a Chinese sentence, past the quotation marks around a mere term."""
    return ZH_CUE.search(_ZH_QUOTED_TERM.sub(lambda m: "_" * len(m.group()), sentence))


# first and second persons in a sentence no quote holds: speech the page did not attribute, not its own voice
ZH_PERSONAL = re.compile(r"我|你|咱们")
EN_PERSONAL = re.compile(r"\b(?:I|we|We|you|You|my|our|Our|My|us)\b|\bI[’']")


def en_markers(sentence: str) -> list[int]:
    """Offsets of the words in an English sentence that look ahead to what will or may happen."""
    if _EN_QUESTION_END.search(sentence):
        return []
    found = []
    for m in EN_MARKER.finditer(sentence):
        word = m.group()
        if word[0] == "W" and m.start() > 0 and _EN_NAME_WILL.match(sentence, m.start()):
            continue
        low = word.lower()
        head = sentence[: m.start()]
        if re.sub(r"n[’']t$", "", low) in ("would", "could", "may", "might", "will", "wo") and _EN_NOT_AFTER.match(
                sentence, m.end()):  # "would like", "wouldn't call it"
            continue
        if low.startswith("could") and _EN_PAST_ABILITY.match(sentence, m.start()):
            continue
        if low in ("may", "might") and _EN_EPISTEMIC_PRESENT.match(sentence, m.start()):
            continue
        if low.endswith("going to") and _EN_PAST_GOING.search(word):
            continue
        if _EN_PAST_PERSPECTIVE.search(head) and low.startswith(("about", "set", "on", "poised", "expected", "likely",
                                                                 "bound", "at risk")):
            continue  # "was on the verge of joining", "he was about to resign": the past's future
        if low in ("likely", "unlikely") and (_EN_LIKELY_PAST.match(sentence, m.end()) or _EN_TENDENCY.search(head)
                                               or not (_EN_LIKELY_OK_BEFORE.search(head)
                                                       or sentence.startswith(" to", m.end()))):
            continue
        if _EN_CHANCE.fullmatch(word) and not _EN_PERCENT.search(sentence):
            continue  # "took their chances": only a chance with a number is a forecast's probability
        if low.startswith("could") and _EN_WHAT_COULD.search(head):
            continue  # "anything they could find"
        if _EN_YOU.search(head):
            continue  # "you will find": a generic second person
        if low.startswith("expect") and (_EN_EXPECT_NOT_FUTURE.search(head + word) or low == "expected to"
                                         and head.rstrip().endswith(("than", "as"))):
            continue
        if _EN_QUESTION_LEAD.search(head[-40:]):
            continue
        found.append(m.start())
    return found


_EN_QUESTION_END = re.compile(r"\?[”’\"']?\s*$")


_EN_CONDITION = re.compile(r"\b(?:if|unless|without|even if|in the event|otherwise)\b", re.I)
_EN_WOULD = re.compile(r"\bwould(?:n[’']t)?\b", re.I)


def en_narrative_would(clause: str) -> bool:
    """In the article's own voice a bare "would" is mostly the past's future ("the stone would be revealed")."""
    markers = en_markers(clause)
    return bool(markers) and all(_EN_WOULD.match(clause, m) for m in markers) and not _EN_CONDITION.search(clause)


def en_author_schedule(clause: str) -> bool:
    """In the article's voice "will be testing", "will be looking for" tell what is arranged, not foreseen."""
    return bool(_EN_FUTURE_PROGRESSIVE.search(clause))


def en_is_plan(clause: str) -> bool:
    return bool(_EN_PLAN.search(clause) or _EN_FIRST_PERSON_ACT.search(clause) or _EN_INTENTION.search(clause))


_ZH_BA_TAIL = re.compile(r"作为|视为|改为|列为|当作|称为|称赞为|变成|交给|移交|送往|纳入|提升为|转为|用于|解救|"
                         r"部署到|联接成|相结合|结合起来|告上|推向|引入|带到|带回|放在|放到|投入到|转移到|出售给|卖给")
_ZH_HABIT = re.compile(r"通常|往往|一般|总是|经常|常常|每当|每次|定期|有时|时常|很少")
_ZH_ATTRIBUTIVE = re.compile(r"即将[\u4e00-\u9fff]{1,4}的")  # 即将到来的: an attribute, not a statement
_ZH_PAST_GUESS = re.compile(r"可能[\u4e00-\u9fff]{0,6}了")  # 可能导致了: a guess about what happened
_ZH_CLAUSE_END = re.compile(r"[，,；;。！？]")


_GLUED_ADVERBS = "就才也还都便又必终或仍即"
_NO_OBJECT = ("w", "v", "vd", "a", "ad", "d")
_ZH_QUESTION_END = re.compile(r"[？?][”’」』）)]*\s*$")
_ZH_GENERIC_FIND = re.compile(r"会(?:进一步|更加|更)?(?:发现|看到|觉得|感到|了解|学到|思考|自动)")


# a clause is looked for this far on either side of a word, so that a page-long run without punctuation
# costs linear time, not quadratic
CLAUSE_REACH = 300


def _clause_start(sentence: str, pos: int) -> int:
    floor = max(0, pos - CLAUSE_REACH)
    starts = [m.end() for m in _ZH_CLAUSE_END.finditer(sentence, floor, pos)]
    return starts[-1] if starts else floor


def _clause_end(sentence: str, pos: int) -> int:
    ceiling = min(len(sentence), pos + CLAUSE_REACH)
    m = _ZH_CLAUSE_END.search(sentence, pos, ceiling)
    return m.start() if m else ceiling


def zh_markers(sentence: str, tagger=None) -> list[int]:  # noqa: ANN001 - a callable: sentence -> LAC tokens
    """Offsets (into `sentence`) of the Chinese words of the future.

    Patterns first: 会 and 将 are told apart from the words they build (会议, 社会, 将军, 将近) by their
    neighbours, 将 = 把 by the verb of placing that follows it (将X作为Y). What is left of a bare 会 or 将 is
    checked with the LAC tags of the sentence (`tagger`, called only then): the adverb 将 (will), not the
    preposition 将 (= 把); the auxiliary 会 before a verb."""
    if _ZH_QUESTION_END.search(sentence):
        return []
    found = []
    tags: dict[int, tuple[str, str]] | None = None
    for m in _ZH_MARKER.finditer(sentence):
        at, text = m.start(), m.group()
        if text == "会" and sentence.startswith("不会", at - 1):
            continue  # counted once, as 不会
        if text in ("会", "不会"):  # 不会 is never the end of 党会 or 社会
            if (text == "会" and _ZH_HUI_WORD_BEFORE.search(sentence, max(0, at - 4), at)) or _ZH_HUI_WORD_AFTER.match(
                    sentence, m.end()):
                continue  # 会议, 社会, 大会: 会 is part of a word
            if _ZH_SKILL_OR_SPEECH.match(sentence, m.end()) or _ZH_GENERIC_FIND.match(sentence, at):
                continue  # 会搞, 会说: a skill or a habit; 又会发现: "one finds"
            first_person = sentence[max(0, at - 2) : at].endswith(("我", "我不"))
            if _ZH_DEGREE.search(sentence, max(0, at - 2), at) or first_person:
                continue  # 太会搞, 我不会编程: what someone can do
            if _ZH_HABIT.search(sentence, max(0, at - 20), at) or _ZH_HABIT.match(sentence, m.end()):
                continue  # 通常…会: what usually happens
        if text == "将":
            glued = _ZH_JIANG_WORD_BEFORE.search(sentence, max(0, at - 2), at)  # 大将, but also 国名|将
            if _ZH_JIANG_WORD.match(sentence, at) or (glued and tagger is None):
                continue  # 将军, 将近, 将来; with the tagger, its word decides whether 将 follows a word
            if _ZH_BA_TAIL.search(sentence, m.end(), _clause_end(sentence, m.end())):
                continue  # 将X作为Y, 将X部署到: 将 = 把
        if text.startswith("要") and not text.endswith("才能"):
            continue
        clause = sentence[_clause_start(sentence, at) : _clause_end(sentence, m.end())]
        condition = sentence[_clause_start(sentence, max(0, _clause_start(sentence, at) - 1)) : at]
        if ZH_QUESTION.search(clause) or _ZH_COUNTERFACTUAL.search(clause) or _ZH_COUNTERFACTUAL.search(condition):
            continue  # 是否将其国名更改为: a question; 本应…: what should have been
        if (_ZH_ATTRIBUTIVE.match(sentence, at) or _ZH_PAST_GUESS.match(sentence, at)
                or sentence.startswith(("预期的", "预计的"), at)):  # 即将到来的, 预期的上涨: attributes
            continue
        if _ZH_EPISTEMIC.match(sentence, at) or forecasts_zh.excluded(sentence, at, text):
            continue  # 可能有, 可能是: a guess about the present; 将比…更: a comparison; habits, attributes
        if text in ("会", "不会", "将") and tagger is not None:
            if tags is None:
                tokens = tagger(sentence)
                following = [tokens[k + 1].tag if k + 1 < len(tokens) else "" for k in range(len(tokens))]
                tags = {t.start: (t.text, following[k]) for k, t in enumerate(tokens)}
                # 将 keeps its own tag, read as the adverb when the tagger's preposition has no object after it
                # (将“懊悔不已”, 将大幅下滑)
                tags.update({t.start: (t.text, "d" if t.tag == "p" and following[k] in _NO_OBJECT else t.tag)
                             for k, t in enumerate(tokens) if t.text == "将"})
                # an adverb the tagger glued to the modal (就会, 也将): the modal as a word of its own
                tags.update({t.end - 1: (t.text[-1], following[k] if t.text[-1] == "会" else "d")
                             for k, t in enumerate(tokens) if len(t.text) == 2 and t.text[-1] in "会将"
                             and t.text[0] in _GLUED_ADVERBS})
            word, tag = tags.get(at, ("", ""))
            if text == "将" and (word != "将" or tag == "p"):
                continue  # 将 = 把 ("将一名农民顶到"), or part of a word
            if text != "将" and (word != text or tag not in ("v", "vd", "a", "d", "p", "ad")):
                continue  # 会 inside a word (听证会), or before a noun
        found.append(at)
    return found


# "• 地缘政治背景: …": a key-points list restates the article, it holds no statement of its own
SUMMARY_BULLET = re.compile(r"^\s*[•·▪●◆■\-*]\s*[^:：。，,]{1,16}[:：]")


_ZH_HEDGE_AFTER = re.compile(r"可能|预计|有望|或将|估计|料将")


def zh_is_plan(clause: str) -> bool:
    plan = ZH_PLAN.search(clause)
    if plan and _ZH_HEDGE_AFTER.search(clause, plan.end()):
        plan = None  # 计划于今晚举行的集会可能汇集…: the plan is what the forecast is about
    return bool(plan or _ZH_FIRST_PERSON_ACT.search(clause) or forecasts_zh.is_plan(clause))


def en_group(sentence: str) -> re.Match[str] | None:
    for m in EN_GROUP.finditer(sentence):
        np = (m.group("np") or m.group("np2") or "").strip()
        if np and not _EN_NOT_GROUP.search(np):
            return m
    return None


def zh_group(sentence: str) -> re.Match[str] | None:
    return ZH_GROUP.search(sentence)


_PRONOUN = re.compile(r"^(?:he|she|they|it|i|we|you|him|her|them|his|its|their|this|that|这|那|他|她|它|其|我|你)"
                      r"(?:们|自己)?$", re.I)
_GROUP_SURFACE = re.compile(rf"\b(?:{GROUP_HEADS_EN}|source|official|aide|insider)s?$|(?:{GROUP_HEADS_ZH})$",
                            re.I)
_NAMEISH = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][\w.'’-]+)+$")


# Cues of opinion and expectation. An unnamed group's forecast is one it holds ("analysts believe", 专家认为);
# a group that "noted" or "stated" reports what the page's named people said, and is no holder of its own.
_GROUP_HOLDING_CUE = re.compile(
    rf"^(?:(?:have|has|had|also|are|were)\s+)*(?:{_EN_GROUP_CUE}|according to|{_ZH_GROUP_CUE}|介绍|解释说|"
    rf"据.*|.*看来)$",
    re.I)


def group_cue(cue: str | None) -> bool:
    return bool(_GROUP_HOLDING_CUE.match((cue or "").strip()))


def group_surface(surface: str | None) -> bool:
    """Whether a quote's speaker as written is an unnamed group or an anonymous source."""
    surface = re.split(r"[,，(（]", (surface or "").strip())[0].strip()  # "Pella Warrick, an analyst": a name
    if not surface or _PRONOUN.match(surface) or _NAMEISH.match(surface):
        return False
    # 某公司董事长, 某官员: an unnamed holder the page keeps anonymous
    return bool(_GROUP_SURFACE.search(surface) or re.search(r"某[\u4e00-\u9fff]{2,}", surface))


def group_noun(m: re.Match[str]) -> str:
    for name in ("np", "np2", "np3"):
        value = m.groupdict().get(name)
        if value:
            return value.strip(" “”")
    return m.group().strip()
