"""Keep an ambiguous gazetteer hit only when the page vouches for it.

An alias the knowledge base marks as ambiguous (Meta, Apple, Amazon, Nature, 苹果, Kimi …) is
kept when one of these holds, all general rules:
- the same entity is named unambiguously elsewhere in the page's content ("Meta Platforms");
- an entity tied to it is on the page (its maker, products, parent, people);
- a cue word for its type stands close by ("company", "chatbot", "journal", 公司, 模型, 杂志);
- it sits in a list with confirmed names of the same kind ("Alphabet, Microsoft, Meta and Amazon");
- a Chinese name stands in title marks (《自然》), as journals and products do;
- an agency or a place whose country the page names (参议院 and 北京 beside the US or China).
Where one span could name several entities, the one the page supports best wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..kb.load import KnowledgeBase
from .candidates import Candidate

_EN_CUES = {
    "org": "company companies firm firms inc corp corporation ltd group platforms ceo chief founder founders "
           "shares stock startup start-up giant giants rival rivals owner executive executives investor "
           "valuation subsidiary headquarters hq labs listed acquired acquisition",
    "model": "model models chatbot chatbots llm llms app release released version launched open-source "
             "benchmark reasoning assistant weights parameters",
    "chip": "chip chips gpu gpus processor processors accelerator accelerators architecture semiconductor "
            "semiconductors silicon",
    "product": "app apps product products device devices browser service launched users platform",
    "outlet": "journal newspaper magazine reported reports report according published paper editor editors "
              "study studies ranking index column",
    "agency": "agency department ministry regulator regulators government bureau administration commission",
    "program": "program programme project initiative plan",
    "person": "said says told mr ms mrs dr ceo founder",
    "place": "river city province country region",
}
_ZH_CUES = {
    "org": ("公司", "集团", "巨头", "旗下", "创始人", "首席", "股价", "企业", "厂商", "市值", "CEO", "高管"),
    "model": ("模型", "版本", "发布", "推出", "开源", "聊天机器人", "应用", "大模型"),
    "chip": ("芯片", "处理器", "架构", "算力", "GPU"),
    "product": ("产品", "应用", "用户", "推出", "发布", "浏览器"),
    "outlet": ("杂志", "报道", "期刊", "发表", "排名", "报》", "据"),
    "agency": ("部", "局", "委员会", "政府", "监管"),
    "program": ("计划", "项目"),
    "person": ("表示", "说", "认为", "先生", "女士"),
    "place": ("河", "流域", "雨林"),
}
_EN_CUE_RES = {
    kind: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words.split()) + r")\b", re.IGNORECASE)
    for kind, words in _EN_CUES.items()
}
_LIST_GLUE = re.compile(r"^\s*(?:,|，|、|and|or|&|和|与|及|以及|或)\s*(?:and\s+|or\s+)?$", re.IGNORECASE)
_EN_WINDOW = 60
_ZH_WINDOW = 12
# A legislature or a city is tied to its country: 参议院 or 北京 on a page that names the US or China.
_NATIONAL_TYPES = frozenset({"agency", "place"})
_TITLE_MARK_TYPES = {"outlet", "product", "model", "program"}


def relation_index(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Entity id → ids tied to it (maker, parent, affiliations, and the reverse ties), built once."""
    index: dict[str, set[str]] = {}

    def tie(a: str, b: str) -> None:
        index.setdefault(a, set()).add(b)
        index.setdefault(b, set()).add(a)

    for entity in kb:
        for other in (entity.maker, entity.parent, *(a.org for a in entity.affiliations)):
            if other:
                tie(entity.id, other)
    return index


def has_cue(text: str, start: int, end: int, entity_type: str, chinese: bool) -> bool:
    if chinese:
        window = text[max(0, start - _ZH_WINDOW):start] + "|" + text[end:end + _ZH_WINDOW]
        return any(cue in window for cue in _ZH_CUES.get(entity_type, ()))
    window = text[max(0, start - _EN_WINDOW):start] + " | " + text[end:end + _EN_WINDOW]
    cue = _EN_CUE_RES.get(entity_type)
    return bool(cue and cue.search(window))


def in_title_marks(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in "《〈「『" and text[end] in "》〉」』"


def _listed_with(doc_text: str, cand: Candidate, neighbours: Iterable[Candidate], confirmed: set[str],
                 kb: KnowledgeBase) -> bool:
    for other in neighbours:
        if other is cand or other.entity not in confirmed:
            continue
        other_entity = kb.get(other.entity)
        if other_entity is None or other_entity.contract_type != cand.coarse:
            continue
        gap = doc_text[other.end:cand.start] if other.end <= cand.start else doc_text[cand.end:other.start]
        if len(gap) <= 8 and _LIST_GLUE.match(gap):
            return True
    return False


def resolve_ambiguity(kb: KnowledgeBase, doc_text: str, candidates: list[Candidate],
                      relations: dict[str, set[str]]) -> list[Candidate]:
    """Choose one entity per gazetteer span and drop ambiguous hits the page does not support."""
    confirmed = {c.entity for c in candidates if c.entity and not c.ambiguous and len(c.options) <= 1}
    countries = {e.country for e in (kb.get(i) for i in confirmed) if e is not None and e.country}
    support: set[str] = set(confirmed)
    for entity_id in list(confirmed):
        support |= relations.get(entity_id, set())
    by_para: dict[int, list[Candidate]] = {}
    for cand in candidates:
        by_para.setdefault(cand.para, []).append(cand)
    kept: list[Candidate] = []
    for cand in candidates:
        if not cand.ambiguous and len(cand.options) <= 1:
            kept.append(cand)
            continue
        chosen = _choose(kb, doc_text, cand, by_para.get(cand.para, []), confirmed, support, countries)
        if chosen is not None:
            entity = kb.get(chosen)
            cand.entity, cand.type = chosen, entity.type if entity else cand.type
            kept.append(cand)
    return kept


def _choose(kb: KnowledgeBase, doc_text: str, cand: Candidate, neighbours: list[Candidate],
            confirmed: set[str], support: set[str], countries: set[str]) -> str | None:
    options = list(cand.options) or ([cand.entity] if cand.entity else [])
    chinese = cand.lang == "zh" or any("\u4e00" <= ch <= "\u9fff" for ch in cand.text)
    scored: list[tuple[int, int, str]] = []
    for rank, option in enumerate(options):
        entity = kb.get(option)
        if entity is None:
            continue
        score = 0
        if option in confirmed:
            score = 4
        elif option in support:
            score = 3
        elif (has_cue(doc_text, cand.start, cand.end, entity.type, chinese)
              or (chinese and entity.type in _TITLE_MARK_TYPES and in_title_marks(doc_text, cand.start, cand.end))
              or _listed_with(doc_text, cand, neighbours, confirmed, kb)
              or (entity.type in _NATIONAL_TYPES and entity.country in countries)):
            score = 2
        elif not cand.ambiguous:
            score = 1  # an unambiguous name shared by several entities: keep the first
        if score:
            scored.append((score, -rank, option))
    if not scored:
        return None
    return max(scored)[2]
