"""The stance lexicon: comparison predicates and the frames that change how they read.

Each predicate has a kind that tells the reader how to orient it:

- ``compare``: polarity for the subject's side ("China leads" +, "the US leads" −); ``needs_object``
  predicates ("beat", "exceed", "match") count only against a named rival ("DeepSeek beat expectations" is
  not a comparison);
- ``catchup``: catching up or closing the gap, + whoever is named (if the US catches up, China is ahead);
  under a hypothetical or a purpose frame ("would help China catch up") it says the catcher is behind now;
- ``behind``: polarity for the subject's side, but a small gap ("months behind", "nanoseconds") is catching up;
- ``parity``: matching or rivalling; + when China is one side;
- ``trend``, ``share``: a lead or a share that moves; polarity for the possessor's side (a rival's falling
  share, to export bans as often as to Chinese rivals, counts half);
- ``plain``: a fixed polarity (a widening gap, a bottleneck).

Order matters: the first pattern to claim a span wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_B = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))"


def _bounded(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _B), flags)


@dataclass(frozen=True, slots=True)
class Predicate:
    pattern: re.Pattern[str]
    polarity: float
    kind: str
    needs_object: bool = False


_SMALL = r"(?:months?|weeks?|days?|nanoseconds?|seconds?|a hair|a whisker|几个月|数月|半年|几周|数周|个月|几天)"
_LARGE = r"(?:years?|decades?|generations?|几年|多年|数年|十年|两代|三代|几代|代)"
_RISE = r"(?:ris(?:e|es|ing|en)|rose|gr(?:ow|ows|owing|own|ew)|climb\w*|jump\w*|surg\w*|soar\w*|doubl\w*|increas\w*)"
_FALL = r"(?:fall(?:s|ing|en)?|fell|drop\w*|declin\w*|shr[iu]nk\w*|slip\w*|slid\w*|tumbl\w*)"
_SHARE = r"(?:market share|share|shares|adoption|downloads|usage|footprint)"

PREDICATES: list[Predicate] = [
    # -- the size of the gap
    Predicate(_bounded(rf"\b(?:only|just|mere(?:ly)?)\s+(?:a\s+few\s+|several\s+|\w+\s+)?{_SMALL}\s+"
                       r"(?:behind|ahead)|\b(?:only|just|merely)\s+(?:slightly\s+)?behind\b|"
                       rf"\b(?:gap|lag|difference|distance)\b[^.;]{{0,60}}?\b(?:only|just|mere|measured in|down to)\s+"
                       rf"(?:a\s+few\s+)?"
                       rf"(?:\w+\s+)?{_SMALL}|\bmeasured in {_SMALL}|"
                       rf"\bgap\b[^.;]{{0,20}}?\b(?:is|of|at|to)\s+(?:now\s+)?(?:a\s+few|several|a\s+couple\s+of|"
                       rf"\w+)\s+{_SMALL}|\b{_SMALL} behind\b|"
                       r"\bgap\b[^.;]{0,15}?\b(?:is|are|remains|looks)\s+(?:now\s+)?(?:small|tiny|minimal|"
                       r"negligible|narrow)\b"), +1, "plain"),
    Predicate(_bounded(rf"(?:仅|只|只是)\s*落后\S{{0,12}}?{_SMALL}|落后[^，。；\s]{{0,10}}?{_SMALL}|"
                       rf"差距[^，。；]{{0,8}}?(?:仅|只有|只剩|不到|缩小到|缩小至|约为|仅为|在)[^，。；]{{0,8}}?{_SMALL}|"
                       r"差距(?:已经|已)?(?:不大|很小|极小|微乎其微|有限|所剩无几)|相差无几|相差不大|差距(?:仅|只)"),
              +1, "plain"),
    Predicate(_bounded(rf"\b{_LARGE} behind\b|\bgap\b[^.;]{{0,20}}?\b(?:is|are|remains|of)\s+(?:still\s+)?"
                       r"(?:years|decades|huge|vast|enormous|wide|large|massive)\b|"
                       rf"落后\S{{0,4}}?{_LARGE}|差距(?:依然|仍然|仍|还)?(?:巨大|很大|明显|悬殊|较大|不小)"),
              -1, "plain"),
    # -- the subject is the one overtaken: "中国被远远甩在后面", "…was overtaken by"  (zh; English via "by")
    Predicate(_bounded(r"被[^，。；]{0,8}?(?:甩在后面|甩在身后|甩开|超越|超过|反超|击败|碾压|赶超|拉开差距)"),
              -1, "compare"),
    # -- a lead or a share that moves (before the bare "lead"/"advantage" below)
    Predicate(_bounded(r"\b(?:lead|edge|advantage|dominance|primacy|head start)\b[^.;,]{0,55}?\b(?:shrink\w*|"
                       r"shrunk|narrow\w*|erod\w*|slipp\w*|evaporat\w*|vanish\w*|disappear\w*|gone|dwindl\w*|"
                       r"diminish\w*)\b|(?:领先)?优势\S{0,6}?(?:缩小|减弱|不再|消失|收窄|缩水|丧失|不复存在)"),
              -1, "trend"),
    Predicate(_bounded(r"\b(?:lead|edge|advantage)\b[^.;,]{0,50}?\b(?:widen\w*|grow\w*|grew|extend\w*|increas\w*)\b|"
                       r"(?:优势|领先)\S{0,4}?(?:扩大|拉大|加大)"), +1, "trend"),
    Predicate(_bounded(rf"\b{_SHARE}\b[^.;,]{{0,60}}?\b{_RISE}\b|"
                       r"(?:份额|占比|市场占有率|下载量|使用量|采用率|渗透率)\S{0,8}?(?:上升|提升|提高|增长|攀升|翻倍|扩大|"
                       r"猛增|大增|激增|上涨)"), +1, "share"),
    Predicate(_bounded(rf"\b{_SHARE}\b[^.;,]{{0,60}}?\b{_FALL}\b|"
                       r"(?:份额|占比|市场占有率|下载量|使用量|采用率)\S{0,8}?(?:下降|下滑|萎缩|减少|下跌|骤降|归零)"),
              -1, "share"),
    # -- catching up
    Predicate(_bounded(r"\bstill (?:playing )?catch(?:ing)?[- ]up\b|仍在追赶|还在追赶|仍处于追赶|仍是追赶者"),
              -1, "plain"),
    Predicate(_bounded(r"\b(?:catch(?:es|ing)? up|caught up|"
                       r"clos(?:e|es|ing|ed) (?:(?:much|most|part|some|half|a lot) of )?(?:the|that|this) gap|"
                       r"narrow(?:s|ing|ed)? (?:the|that|this) gap|"
                       r"gap\b(?:(?!\bnot\b|n't|\bnever\b)[^.;]){0,70}?\b(?:is |are |has been |have been |has |have )?"
                       r"(?:narrowing|closing|shrinking|narrowed|closed|shrunk)|"
                       r"clos(?:e|es|ing|ed) in on|gain(?:s|ing|ed)? ground on)\b"), +1, "catchup"),
    Predicate(_bounded(r"赶上|追上|追赶|赶超|(?:缩小|追平|弥补|填补|抹平)[^。；，]{0,24}差距|差距(?:(?!没|未|不)[^。；]){0,14}?(?:缩小|收窄)|"
                       r"逼近|紧追|紧随其后|迎头赶上"),
              +1, "catchup"),
    # -- parity
    Predicate(_bounded(r"\b(?:on (?:a )?par\b|at parity with|neck and neck|neck-and-neck|as good as|"
                       r"perform(?:s|ed|ing)? (?:just )?as well as|(?:just )?as (?:capable|strong|fast) as|"
                       r"comparable (?:to|with)|level with|keep(?:s|ing)? pace with|kept pace with|"
                       r"match(?:es|ed|ing)?(?=\s+(?:or\s+(?:beat|exceed)\w*\s+)?(?:the\s+|those\s+|that\s+|"
                       r"(?-i:[A-Z])|American|Chinese|US|them\b|it\b))|"
                       r"rival(?:s|led|ed|ling|ing)?(?=\s+(?:the\s+|those\s+|that\s+|(?-i:[A-Z]))))\b|"
                       r"持平|追平|比肩|媲美|不相上下|旗鼓相当|平分秋色|并驾齐驱|平起平坐|分庭抗礼|不输于?"),
              +1, "parity"),
    # -- leading and beating
    Predicate(_bounded(r"\b(?:beat(?:s|ing)?|top(?:s|ped)|exceed(?:s|ed|ing)?|best(?:s|ed)|trounc\w+|crush(?:es|ed|ing)?|"
                       r"outclass\w*|outdo(?:es|ne)?|outdid|eclips\w+|outscor\w+)\b"), +1, "compare", True),
    Predicate(_bounded(r"\b(?:lead(?:s|ing)?(?!\s+(?:researcher|author|engineer|scientist|developer|designer|"
                       r"investor|analyst|negotiator|architect|role|singer))|ahead|overt(?:ake|akes|aken|ook|aking)|"
                       r"surpass(?:es|ed|ing)?|outpac(?:e|es|ed|ing)|dominat(?:e|es|ed|ing)|"
                       r"win(?:s|ning)? the (?:AI |tech |chip )?race|edg(?:e|es|ed|ing) out|advantage|"
                       r"outperform(?:s|ed|ing)?|"
                       r"(?:global|world|a|the) leader (?:in|of) (?:the )?(?:AI|field|race))\b"), +1, "compare"),
    Predicate(_bounded(r"碾压|吊打|完胜|小胜|险胜|力压|击败|战胜|胜过|打败|高于|优于|强于"), +1, "compare", True),
    Predicate(_bounded(r"低于|弱于|逊于|不敌"), -1, "compare", True),
    Predicate(_bounded(r"\b(?:more|better|faster|cheaper|larger|bigger|stronger|higher)\b(?:\s+[\w-]+){0,3}?\s+than\b"),
              +1, "compare", True),
    Predicate(_bounded(r"\b(?:less|fewer|worse|slower|weaker|smaller|lower)\b(?:\s+[\w-]+){0,3}?\s+than\b"),
              -1, "compare", True),
    # a superlative: "Chinese open models are the most downloaded in the world", "下载量最高"
    Predicate(_bounded(r"\b(?:is|are|was|were|remains?|became|become|among) the (?:world's |global )?"
                       r"(?:most (?:widely )?(?:downloaded|used|popular|adopted|advanced|capable)|"
                       r"best|top|leading|largest)\b"
                       r"(?=(?: [\w-]+){0,3} (?:in the world|globally|worldwide|models?|chips?|AI\b))|"
                       r"(?:下载量|使用量|市场份额|性能)最高|全球第一|世界第一|排名第一|位居榜首|居全球首位"),
              +1, "compare"),
    Predicate(_bounded(r"遥遥领先|大幅领先|领先|远超|远远超过|超越|超过|反超|赢得|领跑|称霸|主导|优势|引领|胜出|甩开"),
              +1, "compare"),
    Predicate(_bounded(r"\b(?:behind|lag(?:s|ging|ged)?|trail(?:s|ing|ed)?|fall(?:s|ing|en)? short|inferior)\b|"
                       r"难以望其项背|望尘莫及|落后|比不过|比不上|赶不上|追不上|逊色于|不及|不如|滞后"),
              -1, "behind"),
    Predicate(_bounded(r"差距"), -1, "plain"),
    Predicate(_bounded(r"取得.{0,6}突破|\bbreakthroughs?\b"), +0.5, "compare"),
    Predicate(_bounded(r"短板|瓶颈|鸿沟|挑战|受制于|卡脖子|\b(?:bottlenecks?|hurdles?|obstacles?|challenges?|"
                       r"shortfalls?)\b"), -0.5, "plain"),
    Predicate(_bounded(r"\b(?:gap|divide)\b.{0,60}\b(?:widen(?:s|ing|ed)?|"
                       r"(?:grow|grew|grown|growing|become|became|gets|got) wider)\b|"
                       r"\bwiden(?:s|ing|ed)? the gap\b|"
                       r"差距.{0,6}(?:扩大|拉大|加大)"), -1, "plain"),
]

SMALL_GAP = _bounded(rf"^\W{{0,3}}(?:by\s+|of\s+)?(?:only\s+|just\s+|a\s+few\s+|several\s+|some\s+|\w+\s+)?{_SMALL}|"
                     rf"^(?:约|大约|仅|只)?[^，。；\s]{{0,10}}?{_SMALL}")
SMALL_BEFORE = _bounded(r"(?:\b(?:only|just|merely|slightly|barely)\s+|仅|只|略微?|稍微?|稍)$")
NEGATION = _bounded(r"\b(?:not|n't|never|no|unlikely|hardly|nor|without|cannot|can't|won't|far from|yet to)\b|"
                    r"不(?!断|少|仅|同|久|过|但|光|论|管|停|错)|没|未(?!来)|非(?!常|洲|凡)|难以|无法|并非|尚未")
HEDGE = _bounded(r"\b(?:may|might|could|possibly|perhaps)\b|或许|可能|也许|或将")
INTENT = _bounded(r"\b(?:whatever it takes|aims? to|wants? to|plans? to|seeks? to|hopes? to|vows? to|"
                  r"determined to)\b|力争|(?<!毫无)(?<!没有)(?<!失去)希望|目标是|计划|誓言")
# A purpose or hypothetical frame before "catch up": the catcher is behind now.
HYPOTHETICAL = _bounded(r"(?:\b(?:help(?:s|ed|ing)?|allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|let|in order to|"
                        r"needs? (?:\w+ ){0,4}?to|must|ha(?:s|ve|d) to|bid to|efforts? to|so that|if|"
                        r"(?:try|trying|tries|tried|struggl\w*|work\w*|striv\w*|push\w*|rac(?:e|es|ing)|scrambl\w*)"
                        r"(?:\s+\w+)?\s+to)\b(?:\s+\S+){0,4}\s+$)|"
                        r"(?:^\W*(?:[Tt]o|[Ii]n order to|[Ff]or \w+ to)\s+$)|"
                        r"(?:帮助|帮|有助于|助力|以便|为了|要想|若想|如想|想要|试图|力图|努力|必须|需要|才能|得以|"
                        r"若要|如果要|要|艰难地?|苦苦|奋力|拼命|竭力|吃力地?)\S{0,10}$")
DISMISS = _bounded(r"炒作|鼓吹|夸大|歇歇|神话|迷思|言过其实|\b(?:hype[sd]?|overblown|overstated|myth|exaggerated)\b")
# "but" weighs the clause after it; a concession ("although") the clause it opens weighs less.
CONTRAST = _bounded(r"但是|但|然而|不过|可是|却|\b(?:but|however|yet(?!\s+to\b)|still,)\b")
CONCESSION = _bounded(r"尽管|虽然|虽说|即便|即使|\b(?:although|though|even though|even if|despite)\b")
# An earlier view the speaker now rejects: "I used to think…", "过去我以为…".
REJECTED = _bounded(r"\b(?:used to (?:think|believe|assume|say)|once (?:thought|believed|assumed)|"
                    r"had (?:long )?(?:thought|assumed|believed)|(?:I|we) thought|was wrong (?:to think )?that)\b|"
                    r"曾(?:经)?(?:以为|认为|觉得|相信)|(?:过去|以前|之前|原来)(?:我们?|人们|大家)?(?:以为|认为|觉得)|"
                    r"原以为|本以为|一度认为")
REJECTED_END = _bounded(r"\b(?:now|but|today|these days|nowadays|I now|we now)\b|现在|如今|而今|但|然而|不过|[;；]")
WE = _bounded(r"\b(?:[Ww]e|[Oo]urs?|us)\b|我们|咱们", 0)
# "puts the chance of China overtaking … at under 20 percent", "可能性低于20%"
LOW_CHANCE = _bounded(r"(?:\b(?:chance|chances|probability|odds|likelihood)\b|概率|可能性|机会)[^.。;；]{0,70}?"
                      r"(?:\b(?:under|less than|below|at most|no more than)\b|不到|低于|不足|少于|小于)\s*(?:a\s+)?"
                      r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent|％)")
