"""Topic gate for the stance question: is a page, or a sentence, about AI, chips, compute or the
technology race between China and the US/the West?

Words such as "gap", "lead" or "超过" are everywhere (income gaps, league tables, car sales); they say
something about the AI race only on a page that is about it. A page is on topic when technology terms
are frequent enough (or in its headline); a sentence on such a page is read unless it is plainly about
another domain (income, trade partners, sport) and names no technology itself.
"""

from __future__ import annotations

import re

from .stance_actors import has_tech_entity

_B = r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))"


def _bounded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _B), flags)


# Terms that by themselves put a sentence in the field (generic "technology"/"科技" do not).
TECH = _bounded(
    r"\bA\.?I\b|\bAGI\b|\bLLMs?\b|\bGPUs?\b|\bEUV\b|\bDUV\b|"
    r"\b(?:artificial intelligence|machine learning|deep learning|neural networks?|(?:large )?language models?|"
    r"foundation models?|frontier models?|open(?:-source| source|-weight)? models?|reasoning models?|"
    r"generative|chatbots?|(?<!potato )(?<!tortilla )(?<!chocolate )(?<!corn )chips?|chipmakers?|chip-?making|"
    r"microchips?|(?:AI|Chinese|American|US|open|frontier|flagship|rival|leading|top|image|video|vision|speech|"
    r"coding|reasoning) models?|computer[- ]vision|speech recognition|image recognition|"
    r"semiconductors?|processors?|accelerators?|"
    r"computing power|compute|data cent(?:er|re)s?|supercomput\w*|foundr(?:y|ies)|lithography|wafers?|"
    r"fabs?|algorithms?|robots?|robotics|humanoids?|autonomous driving|self-driving|quantum comput\w*|"
    r"export controls?|tech(?:nology)? (?:race|war|rivalry|competition|gap|lead|supremacy|dominance)|"
    r"benchmarks?|training runs?|inference|agents? (?:market|race))\b|"
    r"人工智能|大模型|(?:语言|基础|开源|推理|生成|AI|多模态|视觉|语音|图像|视频)模型|生成式|智能体|芯片|半导体|算力|"
    r"光刻|晶圆|制程|多模态|(?:中国|美国|国产|开源|闭源|前沿|顶尖|旗舰|同类|最好的|最强的?)模型|基准测试|语音识别|图像识别|计算机视觉|深度学习|神经网络|机器学习|"
    r"数据中心|智算|超算|算法|机器人|具身智能|自动驾驶|量子计算|出口管制|科技竞争|科技战|技术竞争|"
    r"科技竞赛|科技霸权|技术差距|科技差距",
    re.I,
)
# Domains whose "gap", "lead" or "partner" is not the AI race: they rule a sentence out even when it names
# AI ("AI stocks rose faster in New York than in Shanghai").
OFF_TOPIC = _bounded(
    r"\b(?:income|incomes|wages?|salar(?:y|ies)|poverty|inequality|GDP|gross domestic product|per capita|"
    r"trade (?:partners?|deals?|agreements?|surplus|deficit)|trading partners?|tariff-free|tourism|tourists|"
    r"economic (?:gap|growth|output)|housing|home prices|property market|stocks?|stock (?:market|index)|"
    r"shares? (?:rose|fell|closed)|"
    r"shares (?:in|of)|market (?:value|cap\w*)|cars?|carmakers?|vehicles?|SUVs?|box office|election|"
    r"birth rate|life expectancy|population|cosmetic|beauty|luxury|handbags?|soy\w*|farmers?)\b|"
    r"收入|工资|薪资|贫富|城乡|居民|人均|GDP|经济(?:差距|增长|建设|总量|发展水平|实力)|地区差距|区域差距|省区|"
    r"国内生产总值|贸易伙伴|贸易协定|自贸|关税|旅游|游客|房价|楼市|"
    r"股市|股指|股价|股票|涨幅|市值|大盘|票房|选举|出生率|预期寿命|人口|车型|汽车|车企|轿车|电动车|SUV|"
    r"医美|美容|养老|奢侈品|大豆|农场|单产",
    re.I,
)
# Sport: its "beat" and "caught up" are the game's, unless the sentence is about AI ("a coding contest").
SPORT = _bounded(
    r"\b(?:football|soccer|basketball|tennis|swimm\w*|olympics?|medals?|golds?|league|tournament|"
    r"championship|world cup|match(?:es)? (?:against|between)|quarter|half-time|runners?|lap)\b|"
    r"比赛|球队|联赛|奥运|金牌|奖牌|冠军|进球|比分|足球|篮球|男篮|女篮|女排|乒乓|网球|游泳|选手|领跑者",
    re.I,
)
def tech_hits(text: str) -> int:
    return len(TECH.findall(text))


def page_on_topic(title: str, body: str) -> bool:
    """A page is about the field when technology terms are in its headline or frequent in its text; a long
    page with a handful of passing mentions (a market report naming "AI stocks") is not about it."""
    title_hits = tech_hits(title) + has_tech_entity(title)
    body_hits = tech_hits(body[:200_000]) + has_tech_entity(body[:200_000])
    if title_hits and (body_hits or not body.strip()):
        return True
    return body_hits >= 12 or (body_hits >= 1 and 1000 * body_hits / max(1, len(body)) >= 1.0)


def sentence_on_topic(sentence: str, page_topic: bool) -> bool:
    """On a page about the field, a sentence is read unless it is about another domain ("AI stocks rose
    faster in New York than in Shanghai" is about stocks); off it, only a sentence naming technology."""
    if OFF_TOPIC.search(sentence):
        return False
    names_tech = bool(TECH.search(sentence) or has_tech_entity(sentence, makers=True))
    if SPORT.search(sentence):
        return names_tech
    return page_topic or names_tech
