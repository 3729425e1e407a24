"""The entities stage: link known names, discover unknown ones, merge them across languages.

Runs over content paragraphs only (title, body, comments): names in navigation, related-article
lists or repeated blocks are not entities of the document.
"""

from __future__ import annotations

import re

from ..doc import CONTENT_SECTIONS, Doc, Paragraph
from ..kb.load import KnowledgeBase, has_han, load_kb
from ..nlp.chinese import Token, tag_paragraph, tag_paragraphs
from .candidates import CONTRACT_TYPES, Candidate
from .compound_zh import compound_short_name
from .disambiguate import relation_index, resolve_ambiguity
from .discover_en import EnglishNames
from .discover_zh import (
    ORG_HEADS,
    OUTLET_HEADS,
    ChineseNames,
    generic_government,
    page_tag_votes,
    tag_alone,
    vote_type,
)
from .english_forms import add_english_forms, place_names
from .identity import unify_identities
from .latin_zh import coordinated_with_orgs, not_a_person
from .learn import identity, learn_from_pairs
from .linker import Gazetteer, Hit, is_han
from .orgs_en import ORG_HEAD_WORDS
from .resolve import build_layers, new_key
from .surnames import attach_surnames
from .truncated import link_truncated, truncation_index
from .variants import extend_variants
from .zh_lexicon import PERSON_TITLES_BEFORE

# Latin names inside Chinese prose: "首席执行官Demis Hassabis", "研究机构SemiAnalysis".
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,2}(?![A-Za-z0-9])")
_L = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"  # accented letters too: Eduardo Rodríguez is not "Eduardo Rodr"
_LATIN_PART = rf"[A-Z][a-zß-öø-ÿā-ſ]+(?:[’'\-][{_L}]+)*"
_LATIN_RUN = re.compile(
    rf"(?<![{_L}0-9.'’\-])(?:{_LATIN_PART}(?: {_LATIN_PART}){{1,3}}|[A-Z]{{3,5}})(?![{_L}0-9'’\-])")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9.])[A-Z][A-Za-z]*[a-z][A-Za-z]*(?![A-Za-z0-9])")
_PERSON_BEFORE = (*PERSON_TITLES_BEFORE, "岁的")  # 62岁的Gjose Tanevski
_COURTESY = ("先生", "女士", "小姐")
_ZH_SPEECH_AFTER = ("表示", "说", "认为", "指出", "称", "透露", "强调", "解释")
_NAME_TOKEN_TAGS = frozenset({"PER", "ORG", "LOC", "nz", "nw"})
_INNER_HEADS = (*ORG_HEADS, "政府", "团队", "方面", "总部", "芯片", "模型", "大模型")
# 德国议会|国防委员会; 路透社|西弗吉尼亚大学 (a poll's two sponsors fused: an agency's 社 ends a parent too)
_PARENT_HEADS = (*ORG_HEADS, "议会", "国会", "社")
_COMPANY_SUFFIXES = frozenset({"公司", "集团", "有限公司", "股份有限公司", "集团公司", "科技有限公司", "控股", "组织"})
_EN_UNIT_HEADS = (ORG_HEAD_WORDS - {"Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "Group", "Holdings"}) | {
    "Research", "Channel"}
_ZH_ORG_NOUNS = ("公司", "机构", "集团", "企业", "实验室", "初创", "媒体", "基金", "银行", "平台")


class EntityStage:
    """Build once per pipeline (the automaton over every KB name); call on every Doc."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_kb()
        self.gazetteer = Gazetteer(self.kb)
        self.zh_names = ChineseNames()
        self.en_names = EnglishNames()
        self.kb_keys = set(self.kb.ids_by_surface())
        self.relations = relation_index(self.kb)
        self.truncations = truncation_index(self.kb)
        self.places = place_names(self.kb)

    def __call__(self, doc: Doc) -> Doc:
        mentions, entities = self.analyse(doc)
        doc.layers["mentions"] = mentions
        doc.layers["entities"] = entities
        return doc

    def analyse(self, doc: Doc):
        content = [(i, p) for i, p in enumerate(doc.paragraphs)
                   if p.section in CONTENT_SECTIONS and p.end > p.start and doc.text[p.start:p.end] == p.text]
        tokens: dict[int, list[Token]] = {}
        linked: list[Candidate] = []
        chinese = [index for index, para in content if has_han(_norm(para))]
        if chinese:  # one batched pass; an English page never loads the tagger
            tag_paragraphs(doc, chinese)
        for index, para in content:
            norm = _norm(para)
            if has_han(norm):
                tokens[index] = tag_paragraph(doc, index)
            linked += self._link(doc, index, para, norm, tokens.get(index))
        linked = resolve_ambiguity(self.kb, doc.text, linked, self.relations)
        linked = extend_variants(self.kb, doc.text, linked)
        discovered = self._discover(doc, content, tokens, linked)
        link_truncated(self.kb, self.truncations, linked, discovered)
        candidates = attach_surnames(self.kb, doc, content, linked + discovered, self.kb_keys)
        learned_aliases = _apply_learning(self.kb, doc, candidates)
        candidates = unify_identities(self.kb, doc, content, candidates)
        candidates = attach_surnames(self.kb, doc, content, candidates, self.kb_keys)
        mentions, entities = build_layers(self.kb, candidates, learned_aliases)
        add_english_forms(entities, self.places)  # 亚当斯 is Adams: for a reader who looks it up in English
        return mentions, entities

    # -- linking ---------------------------------------------------------------------------------------
    def _link(self, doc: Doc, index: int, para: Paragraph, norm: str,
              tokens: list[Token] | None) -> list[Candidate]:
        hits = self.gazetteer.find(para.text)
        if norm != para.text:
            seen = {(h.start, h.end) for h in hits}
            hits += [h for h in self.gazetteer.find(norm) if (h.start, h.end) not in seen]
            hits = [h for h in hits if not any(_inside(h, o) for o in hits)]
        boundaries = _token_boundaries(tokens) if tokens else None
        by_span: dict[tuple[int, int], list[Hit]] = {}
        for hit in hits:
            if boundaries is not None and _short_han(hit.text) and not (
                    hit.start in boundaries and hit.end in boundaries):
                continue  # 字节 inside 字节数: a short Chinese name must be a word of its own
            by_span.setdefault((hit.start, hit.end), []).append(hit)
        out: list[Candidate] = []
        for (start, end), group in by_span.items():
            group.sort(key=lambda h: h.surface.ambiguous)
            options = tuple(dict.fromkeys(h.surface.entity_id for h in group))
            first = group[0].surface
            if first.entity_type != "person" and has_han(group[0].text) and generic_government(group[0].text):
                continue  # 中国政府 said generically is the country, whatever the knowledge base files it as
            out.append(Candidate(
                para.start + start, para.start + end, doc.text[para.start + start:para.start + end], index,
                first.entity_type, "kb", entity=first.entity_id, options=options,
                ambiguous=all(h.surface.ambiguous for h in group), lang=para.lang,
            ))
        return out

    # -- discovery -------------------------------------------------------------------------------------
    def _discover(self, doc: Doc, content: list[tuple[int, Paragraph]], tokens: dict[int, list[Token]],
                  linked: list[Candidate]) -> list[Candidate]:
        found: list[Candidate] = []
        english = [(i, p) for i, p in content if p.lang == "en" and not has_han(p.text)]
        for (index, para), names in zip(english, self.en_names.find_many([p.text for _, p in english]),
                                        strict=True):
            for n in names:
                cand = _candidate(doc, index, para, n.start, n.end, n.type, "rule" if n.source == "rule" else "spacy",
                                  n.text)
                if n.source == "context":
                    cand.attrs["typed_by"] = "context"  # the words around it gave its type: it outvotes the model
                found.append(cand)
        votes = page_tag_votes(tokens.values())
        latin_runs: list[tuple[int, Paragraph, re.Match[str]]] = []
        for index, para in content:
            if index not in tokens:
                continue
            norm = _norm(para)
            names = [_candidate(doc, index, para, n.start, n.end, vote_type(n.text, n.type, votes), n.source, n.text)
                     for n in self.zh_names.find_in_tokens(norm, tokens[index])]
            found += names
            found += [c for c in _latin_names_in_chinese(doc, index, para) if not any(c.overlaps(n) for n in names)]
            latin_runs += [(index, para, m) for m in _LATIN_RUN.finditer(para.text) if _in_chinese(para.text, m)
                           and not any(c.start < para.start + m.end() and para.start + m.start() < c.end
                                       for c in found)]
        # Latin names left in Chinese prose (a roster of players, an English firm): the English model reads
        # each run on its own.
        runs = self.en_names.find_many([m.group() for _, _, m in latin_runs]) if latin_runs else []
        for (index, para, match), names_in_run in zip(latin_runs, runs, strict=True):
            for name in names_in_run:
                if name.type == "person" and not_a_person(_norm(para), tokens[index], match.start(), match.end()):
                    continue  # 伯明翰的 Selly Oak, Nord Stream 2
                if name.start == 0 and name.end == len(match.group()) and name.type in ("person", "org"):
                    found.append(_candidate(doc, index, para, match.start(), match.end(), name.type, "spacy",
                                            name.text))
        found += self._listed_with_orgs(doc, content, tokens, linked + found)
        # 全国人大|常委会, 微软|研究院, 华盛顿|观察报: a discovered body named after a known name is its own.
        units = [c for c in found if c.coarse == "org" and any(_sub_unit(c, k) for k in linked)]
        linked[:] = [k for k in linked if not any(_sub_unit(u, k) for u in units)]
        # Melania|Trump, Larry|Vance: a known surname ending a discovered full name is another person's.
        fuller = [c for c in found if c.coarse == "person" and " " in c.text and not has_han(c.text)]
        linked[:] = [k for k in linked if not (k.coarse == "person" and " " not in k.text and any(
            f.start < k.start and f.end == k.end for f in fuller))]
        taken = sorted((c.start, c.end) for c in linked)
        kept = [c for c in found if not any(c.start < e and s < c.end for s, e in taken)]
        self._short_names(doc, tokens, kept)
        return kept

    def _listed_with_orgs(self, doc: Doc, content: list[tuple[int, Paragraph]], tokens: dict[int, list[Token]],
                          named: list[Candidate]) -> list[Candidate]:
        """"Boots、Superdrug 和 Debenhams": a Latin name listed with an organisation in Chinese prose is one."""
        out: list[Candidate] = []
        for index, para in content:
            if index not in tokens:
                continue
            mine = [(c.start - para.start, c.end - para.start, c.coarse) for c in named if c.para == index]
            # Microsoft of "Microsoft Outlook": a name read two ways anchors no list.
            orgs = [(s, e) for s, e, coarse in mine if coarse == "org" and sum(
                s < e2 and s2 < e for s2, e2, _ in mine) == 1]
            if orgs:
                others = [(s, e) for s, e, coarse in mine if coarse != "org"]
                for start, end in coordinated_with_orgs(para.text, orgs, others):
                    out.append(_candidate(doc, index, para, start, end, "org", "rule", para.text[start:end]))
        return out

    def _short_names(self, doc: Doc, tokens: dict[int, list[Token]], found: list[Candidate]) -> None:
        """雪域大学麦克斯韦学院, 内华达州克拉克县地方法院: the body's own short name (麦克斯韦学院, 克拉克县地方法院) is
        an alias of it (kept on the candidate, not a second mention of the same words)."""
        for cand in found:
            if cand.coarse != "org" or not has_han(cand.text) or len(cand.text) < 6 or cand.para not in tokens:
                continue
            para = doc.paragraphs[cand.para]
            short = compound_short_name(_norm(para)[cand.start - para.start:cand.end - para.start], _PARENT_HEADS,
                                        tag_alone)
            if short is not None:
                cand.attrs["alias"] = cand.text[short:]


def _in_chinese(text: str, match: re.Match[str]) -> bool:
    """Whether the run touches Chinese on a side (spaces aside): 球员Grant Anderson、…, not "Grad Student from"."""
    before, after = text[:match.start()].rstrip()[-1:], text[match.end():].lstrip()[:1]
    return any(ch and not ch.isascii() for ch in (before, after))


def _sub_unit(outer: Candidate, known: Candidate) -> bool:
    """Whether `outer` holds the KB org `known` at its start plus an organisation head that is more than
    a company suffix (华为公司 is Huawei; 微软研究院 is a body of its own), or names a body after a place."""
    if not (outer.start <= known.start and known.end <= outer.end and outer.text != known.text):
        return False
    if not has_han(outer.text):  # Senate|Judiciary Committee, Harvard|Medical School, Microsoft|Research
        head = outer.text.rsplit(" ", 1)[-1]
        return known.coarse in ("org", "place") and (head in _EN_UNIT_HEADS or outer.source == "rule")
    if known.coarse == "place":
        return has_han(outer.text) and outer.text.endswith(ORG_HEADS + OUTLET_HEADS)  # 华盛顿|观察报, 北京|大学
    if known.coarse != "org" or outer.start != known.start:
        return False
    rest = outer.text[known.end - outer.start:]
    return rest.endswith(ORG_HEADS) and rest not in _COMPANY_SUFFIXES


def _norm(para: Paragraph) -> str:
    return para.norm if para.norm and len(para.norm) == len(para.text) else para.text


def _inside(hit: Hit, other: Hit) -> bool:
    return other is not hit and other.start <= hit.start and hit.end <= other.end and (
        other.end - other.start > hit.end - hit.start)


def _short_han(text: str) -> bool:
    return len(text) <= 2 and all(is_han(c) for c in text)


def _token_boundaries(tokens: list[Token]) -> set[int]:
    """Word edges, plus the edge before an organisation head inside a name token (华为|公司 in 华为公司)."""
    edges = {0}
    for token in tokens:
        edges.add(token.start)
        edges.add(token.end)
        if token.tag in _NAME_TOKEN_TAGS:
            for head in _INNER_HEADS:
                if token.text.endswith(head) and len(token.text) > len(head):
                    edges.add(token.end - len(head))
    return edges


def _candidate(doc: Doc, index: int, para: Paragraph, start: int, end: int, coarse: str, source: str,
               norm_text: str) -> Candidate:
    cand = Candidate(para.start + start, para.start + end, doc.text[para.start + start:para.start + end],
                     index, coarse, source, lang=para.lang)
    cand.key = new_key(coarse, norm_text)
    return cand


def _latin_names_in_chinese(doc: Doc, index: int, para: Paragraph) -> list[Candidate]:
    """Latin-script names in Chinese prose, typed by the Chinese words around them."""
    text = para.text
    out: list[Candidate] = []
    for match in _LATIN_NAME.finditer(text):
        before = text[max(0, match.start() - 6):match.start()].rstrip()
        after = text[match.end():match.end() + 4].lstrip()  # "Olivera Georgijevska 说": a space before the cue
        if any(before.endswith(t) for t in _PERSON_BEFORE) or any(after.startswith(s) for s in _ZH_SPEECH_AFTER):
            out.append(_candidate(doc, index, para, match.start(), match.end(), "person", "rule", match.group()))
    for match in _LATIN_WORD.finditer(text):
        after = text[match.end():match.end() + 3].lstrip()
        if after.startswith(_COURTESY) and not any(c.start <= para.start + match.start() < c.end for c in out):
            # "Doseba 先生表示": a courtesy title makes a person of one word
            out.append(_candidate(doc, index, para, match.start(), match.end(), "person", "rule", match.group()))
    for match in _LATIN_WORD.finditer(text):
        before = text[max(0, match.start() - 4):match.start()]
        if (len(match.group()) >= 3 and any(before.endswith(n) for n in _ZH_ORG_NOUNS)
                and not any(c.start <= para.start + match.start() < c.end for c in out)):
            out.append(_candidate(doc, index, para, match.start(), match.end(), "org", "rule", match.group()))
    return out


def _apply_learning(kb: KnowledgeBase, doc: Doc, candidates: list[Candidate]) -> dict[str, list[str]]:
    """Rename Chinese-side discovered names onto their English-side identity; returns learned aliases."""
    mapping = learn_from_pairs(doc, candidates)
    aliases: dict[str, list[str]] = {}
    for cand in candidates:
        target = mapping.get(identity(cand))
        if target is None:
            continue
        aliases.setdefault(target, []).append(cand.text)
        if target.startswith("new:"):
            cand.key = target
        else:
            entity = kb.get(target)
            cand.entity, cand.key = target, ""
            cand.type = entity.type if entity else cand.type
        cand.source = "pair"
    return aliases


def page_of(texts: list[str]) -> Doc:
    """A text page made of `texts` as body paragraphs (for evaluations and benchmarks)."""
    from ..anatomy.language import detect_language, to_simplified

    doc = Doc(source="<strings>", text="")
    for text in texts:
        lang = detect_language(text)
        doc.append_paragraph(text, lang=lang, norm=to_simplified(text) if lang == "zh" else text)
    return doc


def analyse_string(stage: EntityStage, text: str) -> list[tuple[int, int, str, str]]:
    """Run linking and discovery on one string as a plain body paragraph: (start, end, text, coarse type)."""
    from ..anatomy.language import detect_language, to_simplified

    lang = detect_language(text)
    norm = to_simplified(text) if lang == "zh" else text
    doc = Doc(source="<string>", text=text, paragraphs=[Paragraph(0, len(text), text, lang=lang, norm=norm)])
    mentions, _ = stage.analyse(doc)
    return [(m.start, m.end, m.text, CONTRACT_TYPES.get(m.type, "other")) for m in mentions]
