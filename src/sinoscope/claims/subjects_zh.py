"""The subject of a Chinese speech cue, read from LAC tokens.

Walking back from the cue, adverbials are set aside (则, 还, 周六, "满怀激动地", "在接受X采访时",
"向联合国", "发推特"), then the noun phrase before them is the subject. Its head says what it is:
a name (PER, ORG, a Latin name, a title in 《》), a pronoun (他, 其), a definite description
(该公司, 这位创始人), a role of a named organisation (X发言人, X有关负责人 → X), or an anonymous or
generic noun (业内人士, 专家, 受访者), which is no speaker. A clause with nothing before its cue
("…，并表示…") has a dropped subject, which the caller takes from the clause before.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.chinese import Token
from .nouns_zh import (
    ANONYMOUS,
    DEFINITE_GENERIC,
    DEMONSTRATIVES,
    INDEFINITE,
    ORG_HEADS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_OR_SELF,
    REPORT_HEADS,
    ROLE_HEADS,
    TITLES,
)
from .tokens_zh import CLAUSE_BREAK, LATIN

_SKIP_WORDS = frozenset({
    "则", "也", "还", "又", "都", "均", "亦", "就", "再", "曾", "已", "并", "而", "更", "却", "仍", "即", "便", "随即",
    "随后", "同时", "此前", "近日", "日前", "最近", "当天", "当时", "对此", "为此", "其后", "此外", "另外", "接着",
    "继续", "最后", "首先", "再次", "公开", "直接", "一再", "反复", "多次", "曾经", "亲口", "私下", "当场", "当即",
    "进一步", "这样", "如此", "这么", "同样", "也曾", "还曾", "则是", "随之", "然后", "后来", "如今", "今天", "昨天",
    "坦率", "明确", "特别", "甚至", "一直", "早就", "依然", "仍然", "不禁", "本人", "自己", "亲自", "笑着", "微笑着",
    "会", "要", "将", "可能", "应该", "也许", "或许", "必须", "还会", "也会", "就会", "总是", "常常", "经常",
})
_SKIP_TAGS = frozenset({"d", "ad", "c", "TIME", "t", "vd", "xc"})
_FRAME_END = frozenset({"中", "上", "时", "后", "期间", "之际", "里", "前", "以来", "之后", "时候", "以后", "之前",
                        "下", "方面", "问题上", "当中", "之中"})
_FRAME_OPEN = frozenset({"在", "于", "当", "从", "自", "自从", "趁", "接受"})
_OBJECT_PREP = frozenset({"向", "对", "跟", "给", "和", "与", "同", "朝", "为", "替", "通过", "经", "对着", "在", "于",
                          "从", "经过", "凭借", "针对", "就", "围绕", "关于", "借助", "以", "据", "将", "把"})
_MEDIA_VERB = frozenset({"发", "发表", "发布", "发出", "通过", "在", "接受", "致信", "写信", "撰文", "发文", "发帖"})
_NOMINAL = frozenset({"PER", "ORG", "LOC", "n", "nz", "nw", "vn", "an", "m", "q", "r", "a"})
_BRACKETS = frozenset("《》()（）")
_HONORIFICS = frozenset({"先生", "女士", "小姐", "夫人", "太太"})  # a person's, never an organisation's



@dataclass(slots=True)
class Subject:
    kind: str  # person | org | pronoun | definite | anonymous
    head: str  # the name, pronoun or head noun as written
    start: int  # paragraph offsets of the head
    end: int
    surface: str  # the whole subject as written
    hint: str = "person"  # person | org | report: what a pronoun or description points at
    key: str = ""  # for a generic definite (警方): a character its antecedent's name holds


def _is_name_token(tok: Token) -> bool:
    """A PER/ORG token, or a capitalised Latin word that is a name rather than an acronym ("Hammel", not "AM")."""
    if tok.tag in ("PER", "ORG"):
        return True
    word = tok.text.replace(" ", "")
    return bool(LATIN.match(word)) and word[:1].isupper() and (any(ch.islower() for ch in word) or len(word) >= 4)


def _skippable(tok: Token) -> bool:
    return tok.tag in _SKIP_TAGS or tok.text in _SKIP_WORDS or tok.text.isspace() or tok.text in ("-", "–", "—")


def subject_before(tokens: list[Token], k: int, lo: int) -> Subject | str | None:
    """The subject of the cue at token `k` within tokens[lo:k]: a Subject, "dropped" when the clause has
    none of its own, or None when what stands before the cue is no speaker."""
    j = k - 1
    seen_anything = False
    while j >= lo:
        tok = tokens[j]
        if _skippable(tok) or tok.text in ("在", "于") and j + 1 < k and tokens[j + 1].tag in ("TIME", "t") or \
                tok.text == "是" and j + 1 < k and tokens[j + 1].text in ("这样", "这么", "如此"):  # "X是这样回答的"
            j -= 1
            continue
        if tok.text == "地" or tok.text == "得":  # "满怀激动地说": an adverbial of manner
            j -= 1
            n = 0
            while j >= lo and n < 3 and tokens[j].tag in ("a", "ad", "an", "v", "vd", "d", "m"):
                j -= 1
                n += 1
            continue
        if tok.text == "时候" and (t := _time_phrase(tokens, j, lo)) is not None:
            j = t - 1  # "张维上周早些时候表示": a time adverbial, not a clause sharing the subject
            continue
        if tok.text in _FRAME_END and tok.tag in ("f", "n", "t", "TIME", "m"):
            opener = next((p for p in range(j - 1, max(lo, j - 16) - 1, -1) if tokens[p].text in _FRAME_OPEN), None)
            if opener is not None:
                j = opener - 1
                continue
            # "胡先生看完这则报道后说": a time clause sharing the subject; the subject is its first name
            name = next((p for p in range(max(lo, j - 16), j)
                         if _is_name_token(tokens[p]) or tokens[p].text in PERSON_PRONOUNS), None)
            if name is None:
                return None
            j = name
        if tok.tag == "v" and tok.text in _MEDIA_VERB:
            j -= 1
            continue
        break
    end = j
    while j >= lo and _in_np(tokens, j, end):
        j -= 1
        if tokens[j + 1].tag == "r" and not tokens[j + 1].text.startswith(DEMONSTRATIVES):
            break  # a pronoun is a whole subject ("在采访开始时他说")
    run = tokens[j + 1:end + 1]
    if not run:
        seen_anything = any(not _skippable(t) for t in tokens[lo:k])
        return None if seen_anything or j >= lo and tokens[j].tag == "p" else "dropped"
    before = tokens[j] if j >= lo else None
    if before is not None:
        if before.tag == "p" and before.text in _OBJECT_PREP:
            outer = subject_before(tokens, j, lo)  # "向联合国表示": the subject stands before the preposition
            if outer == "dropped" and before.text == "在" and end < k - 1:
                # "九月在诺瓦克在莫斯科会见佩里后表示": nothing before the frame, so its own subject speaks
                inner = classify(run, None)
                if inner is not None and inner.kind == "person":
                    return inner
            return outer
        if before.tag.startswith("v") and before.text in _MEDIA_VERB:
            return subject_before(tokens, j, lo)  # "发推特说", "发布公告表示"
        if before.text == "被" or before.tag.startswith("v") and not _modifier_verb(tokens, j, lo, run):
            return None  # the noun is an object or a passive agent, not the speaker
    owner = _owner(tokens, j, lo) if before is not None and before.text == "的" else None
    return classify(run, owner)


_NP_AND = frozenset({"以及", "及", "和", "与", "或"})
_EARLY_LATE = frozenset({"早些", "晚些", "早", "晚", "些", "稍早", "稍晚", "较早"})


def _time_phrase(tokens: list[Token], j: int, lo: int) -> int | None:
    """The first token of "上周早些时候" / "周三晚些时候" ending at token j (时候), or None."""
    p = j - 1
    while p >= lo and j - p <= 3 and tokens[p].text in _EARLY_LATE:
        p -= 1
    return p if p >= lo and p < j - 1 and tokens[p].tag in ("TIME", "t") else None


_PP_HEADS = frozenset({"通过", "经过", "凭借", "针对", "就", "围绕", "关于", "借助", "根据", "按照", "依据", "向", "对",
                       "在", "于"})


def prepositions_after(tokens: list[Token]) -> list[int]:
    """For each token index (and the end), the index of the first preposition heading a phrase (通过, 针对 …)
    at or after it, len(tokens) if none: subject_of finds a clause's first one without reading the clause."""
    out = [len(tokens)] * (len(tokens) + 1)
    for p in range(len(tokens) - 1, -1, -1):
        out[p] = p if tokens[p].tag == "p" and tokens[p].text in _PP_HEADS else out[p + 1]
    return out


def subject_of(tokens: list[Token], k: int, lo: int, prepositions: list[int] | None = None) -> Subject | str | None:
    """subject_before, and when that finds no speaker, the subject before a prepositional phrase of the
    clause ("宋国青教授通过分析国家统计局的数据表示": 宋国青). `prepositions`: prepositions_after(tokens), when
    the caller reads many clauses of the same tokens."""
    sub = subject_before(tokens, k, lo)
    if isinstance(sub, Subject) and sub.kind != "anonymous" or sub == "dropped":
        return sub
    if lo + 1 < k:
        p = (prepositions or prepositions_after(tokens))[lo + 1]
        if p < k:
            found = subject_before(tokens, p, lo)
            if isinstance(found, Subject) and found.kind not in ("anonymous",):
                return found
    # serial verbs share the clause's subject: "特朗普直接指着他面前的人群说"; not a cue inside a noun phrase,
    # after a verbal noun ("暂停了投票/vn 确认") or a noun and its conjunction ("听证会以及预计…的事宜")
    if k > lo and tokens[k - 1].tag == "vn" or k > lo + 1 and tokens[k - 1].text in _NP_AND and \
            tokens[k - 2].tag in _NOMINAL:
        return sub
    found = opening_subject(tokens, lo, k)
    if found is not None and found.kind in ("person", "org", "pronoun", "role") and found.end <= tokens[k].start:
        return found
    return sub


def _modifier_verb(tokens: list[Token], j: int, lo: int, run: list[Token]) -> bool:
    """A verb opening the clause before "institution + role + name" is the tagger misreading a modifier
    ("虚构/v 实验室 首席执行官 欧阳默"), not a verb taking the name as its object."""
    opening = j == lo or j == lo + 1 and tokens[lo].tag in ("v", "a", "vn")  # "进步/v 组织/v MoveOn 顾问 X"
    return opening and len(run) >= 3 and run[-1].tag == "PER" and run[-2].text.endswith(ROLE_HEADS + TITLES)


def _in_np(tokens: list[Token], j: int, end: int) -> bool:
    tok = tokens[j]
    if tok.text in _BRACKETS or tok.text in ("·", "•"):
        return True
    if tok.text in ("兼", "暨") and 0 < j < end:  # "投资家兼AI从业者李开复"
        return True
    if tok.text.isspace():  # "Paul Mills-Hicks", "Sumbung 女士", "（Gjorge Ivanov） 总统"
        return j < end and j > 0 and (_is_name_token(tokens[j - 1]) or tokens[j - 1].text in _BRACKETS) and \
            (tokens[j + 1].tag in _NOMINAL or tokens[j + 1].text in _BRACKETS)
    if tok.tag in ("TIME", "t") and 0 < j < end and tokens[j - 1].tag in ("ORG", "LOC", "nz") and \
            tokens[j + 1].tag in ("n", "nz") and tokens[j + 1].text.endswith(ORG_HEADS):
        return True  # "法国/星期/天报": an outlet the tagger cut at a time word
    if tok.tag not in _NOMINAL or tok.text in ("的",):
        return False
    if tok.tag == "r":  # pronouns and demonstratives open a phrase; they never sit inside one
        return j == end or tok.text.startswith(DEMONSTRATIVES) or tok.text in ("某",)
    if tok.tag in ("m", "q"):  # "一位", "三届": only inside a described phrase
        return j < end
    if tok.tag in ("vn", "a"):  # "有关/vn 负责人", "资深/a 研究者": modifiers, never the head (but "一项调查")
        return j < end or tok.tag == "vn" and tok.text.endswith(REPORT_HEADS)
    return True


def _owner(tokens: list[Token], j: int, lo: int) -> Subject | None:
    """The name before "的" in "X的发言人": the organisation or person a role belongs to."""
    end = j - 1
    i = end
    while i >= lo and _in_np(tokens, i, end):
        i -= 1
    run = tokens[i + 1:end + 1]
    if not run:
        return None
    sub = classify(run, None)
    return sub if sub and sub.kind in ("person", "org") else None


def _surface(run: list[Token]) -> str:
    return "".join(t.text for t in run).strip()


def _name_groups(run: list[Token], tag: str) -> list[tuple[int, int]]:
    groups: list[tuple[int, int]] = []
    for i, tok in enumerate(run):
        if tok.tag == tag or tag == "LATIN" and _is_name_token(tok) and tok.tag not in ("PER", "ORG"):
            if groups and groups[-1][1] == i:
                groups[-1] = (groups[-1][0], i + 1)
            else:
                groups.append((i, i + 1))
    return groups


def _unbracketed(run: list[Token], groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name groups outside brackets, when there are any: "格奥尔基·伊万诺夫（Gjorge Ivanov）总统" is the
    former, glossed."""
    depth, inside = 0, set()
    for i, tok in enumerate(run):
        if tok.text in ("(", "（"):
            depth += 1
        elif tok.text in (")", "）"):
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    outside = [g for g in groups if g[0] not in inside]
    return outside or groups


def _span(run: list[Token], a: int, b: int) -> tuple[str, int, int]:
    return "".join(t.text for t in run[a:b]), run[a].start, run[b - 1].end


def classify(run: list[Token], owner: Subject | None) -> Subject | None:
    """What a subject noun phrase is (its tokens `run`; `owner` the name before a 的, if any)."""
    surface = _surface(run)
    last = run[-1].text
    if any(a in surface for a in ("不愿透露", "不愿具名", "匿名", "知情", "消息人士")):
        return Subject("anonymous", surface, run[0].start, run[-1].end, surface)
    pers = _unbracketed(run, _name_groups(run, "PER"))
    if pers:
        a, b = pers[-1]
        after = [t.text for t in run[b:] if not t.text.isspace()]
        if after and after[-1].endswith(ORG_HEADS) and not after[-1].endswith(ROLE_HEADS + TITLES):
            text, s, e = _span(run, a, len(run))
            return Subject("org", text, s, e, surface)
        if after and not after[-1].endswith(ROLE_HEADS + TITLES + REPORT_HEADS):
            return Subject("anonymous", surface, run[0].start, run[-1].end, surface)  # "特朗普支持者"
        text, s, e = _span(run, a, b)
        return Subject("person", text, s, e, surface)
    orgs = _unbracketed(run, _name_groups(run, "ORG"))
    if orgs:
        a, b = orgs[-1]
        after = "".join(t.text for t in _outside_brackets(run[b:]) if t.tag != "LOC")  # "美国国家广播公司(NBC)"
        if after.strip() in _HONORIFICS and len(orgs) == 1:  # "Doseba/ORG 先生": a person the tagger mistyped
            text, s, e = _span(run, a, b)
            return Subject("person", text, s, e, surface)
        if not after and run[b - 1].text.endswith(ROLE_HEADS + TITLES):
            return _role(run, surface)  # "朝鲜外交部长" tagged ORG: a role, not an organisation
        if after and after.endswith(ORG_HEADS) and not after.endswith(ROLE_HEADS + REPORT_HEADS):
            b = len(run)  # "华为 公司"
        elif after and not after.endswith(ROLE_HEADS + REPORT_HEADS):
            return Subject("anonymous", surface, run[0].start, run[-1].end, surface)  # "北约成员", "曼尼托巴农民"
        elif after.endswith("人士") and surface.startswith(INDEFINITE):
            return Subject("anonymous", surface, run[0].start, run[-1].end, surface)  # "一位工党高层人士": a source
        text, s, e = _span(run, a, b)
        return Subject("org", text, s, e, surface)
    if "《" in surface and "》" in surface:  # a newspaper or programme in title marks
        title = surface[surface.index("《") + 1:surface.index("》")]
        if title and not surface.endswith(("》文", "》一书", "》中")):
            first = next(t for t in run if t.text == "《")
            return Subject("org", title, first.end, first.end + len(title), surface)
    latin = _name_groups(run, "LATIN")
    if latin:
        a, b = latin[-1]
        if b == len(run) or all(t.text.endswith(ROLE_HEADS + TITLES + ORG_HEADS) or t.text.isspace()
                                for t in run[b:]):
            text, s, e = _span(run, a, b)
            return Subject("person", text, s, e, surface)
    if len(run) == 1 and last in PERSON_PRONOUNS:
        return Subject("pronoun", last, run[0].start, run[0].end, surface)
    if len(run) == 1 and last in ORG_PRONOUNS:
        return Subject("pronoun", last, run[0].start, run[0].end, surface, "org")
    if surface in PLURAL_OR_SELF or last in PLURAL_OR_SELF:
        return Subject("anonymous", surface, run[0].start, run[-1].end, surface)
    if owner is not None and last.endswith(ROLE_HEADS + REPORT_HEADS):
        if owner.kind == "person" and not last.endswith(REPORT_HEADS):
            # "X的律师/顾问/发言人": not X but the role speaks, the person the page gave it or no one named
            # (ANNOTATION.md: a role resolves to the name it stands for; only an organisation speaks for its own)
            return _role(run, surface)
        return owner  # "苹果公司的一位发言人", "X的报告"
    if surface.startswith(DEMONSTRATIVES) and len(surface) > 1 and not surface.startswith("这些"):
        head = surface[2:] if surface.startswith(("这位", "这名", "这家", "这个", "那位", "那名", "这所", "这支")) \
            else surface[1:]
        if surface.startswith("本") and head not in ("人",):
            return None  # "本报", "本文": the page itself
        if head.endswith(REPORT_HEADS):
            hint = "report"
        elif head.endswith(ORG_HEADS) or surface.startswith("这家") or head in ("报", "台", "社", "网"):
            hint = "org"
        else:
            hint = "person"
        return Subject("definite", surface, run[0].start, run[-1].end, surface, hint)
    if surface in DEFINITE_GENERIC:
        return Subject("definite", surface, run[0].start, run[-1].end, surface, "org", DEFINITE_GENERIC[surface])
    if len(surface) >= 3 and last.endswith(ORG_HEADS) and any(t.tag in ("LOC", "nz", "nw") for t in run) and \
            not surface.startswith(INDEFINITE):  # "法国星期天报", "克里姆林宫": an institution named by place
        return Subject("org", surface, run[0].start, run[-1].end, surface)
    if last.endswith(_SPOKESPERSON) and len(run) >= 2:  # "某工党发言人": the organisation speaks (ANNOTATION.md)
        body = run[-2]
        if body.tag in ("n", "nz") and len(body.text) >= 2 and body.text.endswith(ORG_HEADS):
            if body.text in DEFINITE_GENERIC:
                return Subject("definite", body.text, body.start, body.end, surface, "org",
                               DEFINITE_GENERIC[body.text])
            if body.text not in _GENERIC_BODIES:
                return Subject("org", body.text, body.start, body.end, surface)
    if last.endswith(ROLE_HEADS + TITLES) and not surface.endswith(ANONYMOUS):
        return _role(run, surface)
    return Subject("anonymous", surface, run[0].start, run[-1].end, surface)



_SPOKESPERSON = ("发言人", "负责人", "女发言人", "男发言人")
_GENERIC_BODIES = frozenset({"政府", "公司", "当局", "部门", "机构", "组织", "企业", "集团", "官方", "学校", "医院",
                             "党", "国会", "议会"})  # "某政府发言人": which government is not said


def _outside_brackets(run: list[Token]) -> list[Token]:
    """The tokens of a phrase less its bracketed glosses and their brackets."""
    out, depth = [], 0
    for tok in run:
        if tok.text in ("(", "（"):
            depth += 1
        elif tok.text in (")", "）"):
            depth = max(0, depth - 1)
        elif not depth:
            out.append(tok)
    return out


def _role(run: list[Token], surface: str) -> Subject:
    """A bare role ("国务卿", "该党发言人" without 该): it names the person the page gave that role, if any."""
    if surface.startswith(INDEFINITE):
        return Subject("anonymous", surface, run[0].start, run[-1].end, surface)
    return Subject("role", surface, run[0].start, run[-1].end, surface)


def _quoted_name(tokens: list[Token], j: int) -> bool:
    """A closing mark after a quoted name that a role or institution noun follows ("“印尼红十字会”发言人"),
    or after a quoted term that modifies a noun ("模仿“主持人”的口吻说"): part of the clause, not the end of
    a quotation before it."""
    if tokens[j].text not in ("”", "」", "』") or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if nxt.text != "的" and (nxt.tag not in ("n", "nz") or not nxt.text.endswith(ROLE_HEADS + ORG_HEADS)):
        return False
    k = j - 1
    while k >= 0 and j - k <= 6 and tokens[k].text not in ("“", "「", "『"):
        if tokens[k].text in CLAUSE_BREAK:
            return False
        k -= 1
    return k >= 0 and tokens[k].text in ("“", "「", "『")


def clause_start(tokens: list[Token], k: int, inside) -> int:
    """Index of the first token of the clause that holds token k (clauses end at ，。：； outside quotations,
    and at a closing quotation mark: "“…，”X说")."""
    return clause_starts(tokens, inside)[k]


def clause_starts(tokens: list[Token], inside) -> list[int]:
    """clause_start of every token (and of the end), in one pass: the token after the last clause end before
    it (a clause is no longer read again from every cue in it)."""
    out: list[int] = []
    lo = 0
    for k, tok in enumerate(tokens):
        out.append(lo)
        closing = tok.text in ("”", "」", "』", "“", '"') and inside(tok.start - 1) and not inside(tok.start)
        if (tok.text in CLAUSE_BREAK or tok.text in ("”", "」", "』") or tok.text in ("-", "–", "—") or closing) \
                and not inside(tok.start) and not _quoted_name(tokens, k):
            lo = k + 1
    out.append(lo)  # the clause of a cue at the end
    return out


def opening_subject(tokens: list[Token], lo: int, hi: int) -> Subject | None:
    """The noun phrase that opens tokens[lo:hi] as its subject ("戴利以…身份出现在…", "警方在现场找到…"):
    names and nouns after any time words and adverbs, followed by a predicate (not by 的 or 和)."""
    i = lo
    while i < hi and (tokens[i].tag in ("TIME", "t", "d", "c", "w") or tokens[i].text.isspace()):
        i += 1
    j = i
    while j < hi and (tokens[j].tag in ("PER", "ORG", "LOC", "n", "nz", "nw", "vn", "an", "m", "q")
                      or tokens[j].tag == "a" and j + 1 < hi and tokens[j + 1].tag in ("n", "nz", "PER", "ORG")
                      or tokens[j].text == "·" or j == i and tokens[j].tag == "r"):
        j += 1
    owner = None
    if j < hi and j > i and tokens[j].text == "的" and tokens[j - 1].tag in ("ORG", "PER"):
        k = j + 1  # "耐克的英国发言人倒颇有…": a role of a named organisation
        while k < hi and tokens[k].tag in ("LOC", "n", "nz", "m", "a"):
            k += 1
        if k > j + 1 and tokens[k - 1].text.endswith(ROLE_HEADS) and k < hi:
            owner = classify(tokens[i:j], None)
            i, j = j + 1, k
    end = j
    while j < hi and tokens[j].text.isspace():
        j += 1
    if j < hi and tokens[j].text in ("（", "("):  # "李英浩（ Ri Yong Ho）在联合国…": a gloss of the name
        close = next((n for n in range(j, min(hi, j + 12)) if tokens[n].text in ("）", ")")), None)
        j = close + 1 if close is not None else j
    if end == i or j >= hi or tokens[j].text in ("的", "和", "与", "及", "以及", "、", "或", "或者", "之", "跟", "同"):
        return None
    if tokens[end - 1].tag not in ("PER", "ORG", "LOC", "n", "nz", "nw", "r"):
        return None
    if not tokens[j].tag.startswith(("v", "d", "p", "TIME", "c", "a")):
        return None
    return classify(tokens[i:end], owner)


def leading_np(tokens: list[Token], a: int, b: int) -> Subject | None:
    """The noun phrase that opens tokens[a:b] ("萨福克大学政治研究中心和…联合进行的" → the centre)."""
    j = a
    while j < b and (tokens[j].tag in ("PER", "ORG", "LOC", "n", "nz", "nw", "r") and (j == a or tokens[j].tag != "r")
                     or tokens[j].text in _BRACKETS or tokens[j].text in ("·", "•")
                     or tokens[j].tag in ("m", "q", "a", "vn") and j + 1 < b and tokens[j + 1].tag in _NOMINAL
                     or tokens[j].text.isspace() and j > a and _is_name_token(tokens[j - 1])):
        j += 1
    return classify(tokens[a:j], None) if j > a else None
