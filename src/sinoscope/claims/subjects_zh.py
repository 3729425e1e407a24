"""The subject of a Chinese speech cue, read from LAC tokens.

Walking back from the cue, adverbials are set aside (则, 还, 周六, "满怀激动地", "在接受X采访时",
"向联合国", "发推特"), then the noun phrase before them is the subject. Its head says what it is:
a name (PER, ORG, a Latin name, a title in 《》), a pronoun (他, 其), a definite description
(该公司, 这位创始人), a role of a named organisation (X发言人, X有关负责人 → X), or an anonymous or
generic noun (业内人士, 专家, 受访者), which is no speaker. A clause with nothing before its cue
("…，并表示…") has a dropped subject, which the caller takes from the clause before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.chinese import Token

CLAUSE_BREAK = frozenset("，,：:；;。！？!?")
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

PERSON_PRONOUNS = frozenset({"他", "她", "其", "此人", "对方", "后者", "前者", "本人"})
ORG_PRONOUNS = frozenset({"它"})
PLURAL_OR_SELF = frozenset({"他们", "她们", "它们", "我", "我们", "你", "你们", "大家", "咱们", "自己", "人们", "有人",
                            "有的", "一些", "各方", "双方", "谁", "这", "那", "这些", "那些", "之"})
DEMONSTRATIVES = ("这位", "这名", "这家", "这个", "该", "此", "那位", "那名", "这些", "这所", "此位", "这支", "本")
TITLES = ("先生", "女士", "小姐", "博士", "教授", "医生", "大夫", "所长", "院长", "院士", "老师", "律师",
          "总统", "总理", "主席", "部长", "局长", "校长", "议员", "参议员", "众议员", "法官", "将军", "队长",
          "主任", "经理", "总裁",
          "董事长", "书记", "大使", "市长", "州长", "首相", "国务卿", "教练", "警官", "警长", "厅长", "处长", "委员")
ROLE_HEADS = ("发言人", "负责人", "官员", "高管", "高层", "人士", "代表", "律师", "主管", "首席执行官", "执行长", "CEO",
              "创始人", "总裁", "董事长", "经理", "主席", "研究员", "分析师", "专家", "教授", "主任", "院长", "所长",
              "局长", "部长", "工作人员", "员工", "人员", "领导", "领导人", "总监", "助手", "顾问", "科学家", "工程师",
              "记者", "编辑", "成员", "议员", "大使", "外长", "总经理", "副总裁", "合伙人", "投资人", "老板")
ORG_HEADS = ("公司", "集团", "团队", "报", "日报", "时报", "新闻", "周刊", "杂志", "电台", "通讯社", "宫", "政府",
             "办公室",
             "委员会", "部门", "机构", "组织", "协会", "学会", "研究所",
             "研究院", "大学", "学院", "法院", "警方", "警察局", "电视台", "报社", "银行", "基金会", "实验室", "中心",
             "联盟", "工会", "党", "当局", "企业", "医院", "学校", "俱乐部", "事务所", "交易所", "部", "局", "署",
             "厅", "院", "处", "会", "社", "台", "所", "网")
REPORT_HEADS = ("报告", "研究", "调查", "民调", "声明", "报道", "文章", "社论", "公告", "通知", "消息", "评论",
                "白皮书", "文件", "信", "公开信", "推文", "帖子", "节目", "新闻稿", "简报")
ANONYMOUS = ("知情人士", "消息人士", "业内人士", "分析人士", "观察人士", "市场人士", "有关人士", "内部人士", "接近",
             "不愿透露姓名", "不愿具名", "匿名", "消息", "舆论", "外界", "网友", "有人", "人们", "很多人", "许多人",
             "不少人", "多数人", "一些人", "有分析", "专家", "学者", "分析师", "受访者", "民众", "选民", "观众",
             "记者", "笔者", "小编", "本报", "官员", "当局", "官方", "人士", "媒体", "外媒", "报道", "批评者",
             "支持者", "反对者", "居民", "村民", "目击者", "家属", "邻居")
# generic nouns that point at an organisation the page named (警方 → the police force named before)
DEFINITE_GENERIC = {"警方": "警", "校方": "校", "院方": "院", "该报": "报", "报纸": "报", "法庭": "法", "法院": "法",
                    "白宫": "白宫", "该台": "台", "该社": "社"}
_LATIN = re.compile(r"^[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’&.\-]*$")


@dataclass(slots=True)
class Subject:
    kind: str  # person | org | pronoun | definite | anonymous
    head: str  # the name, pronoun or head noun as written
    start: int  # paragraph offsets of the head
    end: int
    surface: str  # the whole subject as written
    hint: str = "person"  # person | org | report: what a pronoun or description points at
    key: str = ""  # for a generic definite (警方): a character its antecedent's name holds


def merge_latin(tokens: list[Token]) -> list[Token]:
    """Glue Latin words the tagger split ("Mike", " ", "Trudell"; "Sainsbury", "'", "s") into one token."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        latin = bool(_LATIN.match(tok.text)) or tok.text in ("'", "’")
        if prev and latin and prev.end == tok.start and _LATIN.match(prev.text.replace(" ", "")) and (
                prev.text[-1:].isalpha() or tok.text[:1].isalpha() or tok.text in ("'", "’")):
            out[-1] = Token(prev.start, tok.end, prev.text + tok.text, _merge_tag(prev.tag, tok.tag))
            continue
        if (prev and tok.text == " " and prev.text[-1:].isalpha() and _LATIN.match(prev.text.replace(" ", ""))
                and prev.text[:1].isupper()):
            out.append(tok)  # a space after a Latin name: kept, and joined if another Latin word follows
            continue
        if (len(out) >= 2 and prev and prev.text == " " and latin and tok.text[:1].isupper()
                and _LATIN.match(out[-2].text.replace(" ", ""))):
            two = out.pop(-2)
            out[-1] = Token(two.start, tok.end, two.text + " " + tok.text, _merge_tag(two.tag, tok.tag))
            continue
        out.append(tok)
    return out


def _merge_tag(a: str, b: str) -> str:
    for tag in ("ORG", "PER"):
        if tag in (a, b):
            return tag
    return "PER"  # two capitalised words the tagger left untyped ("Narcis Termes"): most often a person


def _is_name_token(tok: Token) -> bool:
    """A PER/ORG token, or a capitalised Latin word that is a name rather than an acronym ("Hammel", not "AM")."""
    if tok.tag in ("PER", "ORG"):
        return True
    word = tok.text.replace(" ", "")
    return bool(_LATIN.match(word)) and word[:1].isupper() and (any(ch.islower() for ch in word) or len(word) >= 4)


def _skippable(tok: Token) -> bool:
    return tok.tag in _SKIP_TAGS or tok.text in _SKIP_WORDS or tok.text.isspace() or tok.text in ("-", "–", "—")


def subject_before(tokens: list[Token], k: int, lo: int) -> Subject | str | None:
    """The subject of the cue at token `k` within tokens[lo:k]: a Subject, "dropped" when the clause has
    none of its own, or None when what stands before the cue is no speaker."""
    j = k - 1
    seen_anything = False
    while j >= lo:
        tok = tokens[j]
        if _skippable(tok) or tok.text in ("在", "于") and j + 1 < k and tokens[j + 1].tag in ("TIME", "t"):
            j -= 1
            continue
        if tok.text == "地" or tok.text == "得":  # "满怀激动地说": an adverbial of manner
            j -= 1
            n = 0
            while j >= lo and n < 3 and tokens[j].tag in ("a", "ad", "an", "v", "vd", "d", "m"):
                j -= 1
                n += 1
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
            return subject_before(tokens, j, lo)  # "向联合国表示": the subject stands before the preposition
        if before.tag.startswith("v") and before.text in _MEDIA_VERB:
            return subject_before(tokens, j, lo)  # "发推特说", "发布公告表示"
        if before.text == "被" or before.tag.startswith("v") and not _modifier_verb(tokens, j, lo, run):
            return None  # the noun is an object or a passive agent, not the speaker
    owner = _owner(tokens, j, lo) if before is not None and before.text == "的" else None
    return classify(run, owner)


_PP_HEADS = frozenset({"通过", "经过", "凭借", "针对", "就", "围绕", "关于", "借助", "根据", "按照", "依据", "向", "对",
                       "在", "于"})


def subject_of(tokens: list[Token], k: int, lo: int) -> Subject | str | None:
    """subject_before, and when that finds no speaker, the subject before a prepositional phrase of the
    clause ("宋国青教授通过分析国家统计局的数据表示": 宋国青)."""
    sub = subject_before(tokens, k, lo)
    if isinstance(sub, Subject) and sub.kind != "anonymous" or sub == "dropped":
        return sub
    for p in range(lo + 1, k):
        if tokens[p].tag == "p" and tokens[p].text in _PP_HEADS:
            found = subject_before(tokens, p, lo)
            if isinstance(found, Subject) and found.kind not in ("anonymous",):
                return found
            break
    # serial verbs share the clause's subject: "特朗普直接指着他面前的人群说"
    found = opening_subject(tokens, lo, k)
    if found is not None and found.kind in ("person", "org", "pronoun", "role") and found.end <= tokens[k].start:
        return found
    return sub


def _modifier_verb(tokens: list[Token], j: int, lo: int, run: list[Token]) -> bool:
    """A verb opening the clause before "institution + role + name" is the tagger misreading a modifier
    ("虚构/v 实验室 首席执行官 欧阳默"), not a verb taking the name as its object."""
    return j == lo and len(run) >= 3 and run[-1].tag == "PER" and run[-2].text.endswith(ROLE_HEADS + TITLES)


def _in_np(tokens: list[Token], j: int, end: int) -> bool:
    tok = tokens[j]
    if tok.text in _BRACKETS or tok.text in ("·", "•"):
        return True
    if tok.text in ("兼", "暨") and 0 < j < end:  # "投资家兼AI从业者李开复"
        return True
    if tok.text.isspace():  # "Paul Mills-Hicks", "Sumbung 女士", "（Gjorge Ivanov） 总统"
        return j < end and j > 0 and (_is_name_token(tokens[j - 1]) or tokens[j - 1].text in _BRACKETS) and \
            (tokens[j + 1].tag in _NOMINAL or tokens[j + 1].text in _BRACKETS)
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
    orgs = _name_groups(run, "ORG")
    if orgs:
        a, b = orgs[-1]
        after = "".join(t.text for t in run[b:] if t.tag != "LOC")
        if not after and run[b - 1].text.endswith(ROLE_HEADS + TITLES):
            return _role(run, surface)  # "朝鲜外交部长" tagged ORG: a role, not an organisation
        if after and after.endswith(ORG_HEADS) and not after.endswith(ROLE_HEADS + REPORT_HEADS):
            b = len(run)  # "华为 公司"
        elif after and not after.endswith(ROLE_HEADS + REPORT_HEADS):
            return Subject("anonymous", surface, run[0].start, run[-1].end, surface)  # "北约成员", "曼尼托巴农民"
        elif after.endswith("人士") and surface.startswith(_INDEFINITE):
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
            not surface.startswith(_INDEFINITE):  # "法国星期天报", "克里姆林宫": an institution named by place
        return Subject("org", surface, run[0].start, run[-1].end, surface)
    if last.endswith(ROLE_HEADS + TITLES) and not surface.endswith(ANONYMOUS):
        return _role(run, surface)
    return Subject("anonymous", surface, run[0].start, run[-1].end, surface)


_INDEFINITE = ("一位", "一名", "一个", "某", "有", "多名", "多位", "一些", "几位", "两名", "两位", "部分", "许多",
               "不少")


def _role(run: list[Token], surface: str) -> Subject:
    """A bare role ("国务卿", "该党发言人" without 该): it names the person the page gave that role, if any."""
    if surface.startswith(_INDEFINITE):
        return Subject("anonymous", surface, run[0].start, run[-1].end, surface)
    return Subject("role", surface, run[0].start, run[-1].end, surface)


def _quoted_name(tokens: list[Token], j: int) -> bool:
    """A closing mark after a quoted name that a role or institution noun follows ("“印尼红十字会”发言人"):
    part of the subject, not the end of a quotation before it."""
    if tokens[j].text not in ("”", "」", "』") or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if nxt.tag not in ("n", "nz") or not nxt.text.endswith(ROLE_HEADS + ORG_HEADS):
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
    j = k - 1
    while j >= 0:
        tok = tokens[j]
        closing = tok.text in ("”", "」", "』", "“", '"') and inside(tok.start - 1) and not inside(tok.start)
        if (tok.text in CLAUSE_BREAK or tok.text in ("”", "」", "』") or tok.text in ("-", "–", "—") or closing) \
                and not inside(tok.start) and not _quoted_name(tokens, j):
            return j + 1
        j -= 1
    return 0


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


def quoted_names(tokens: list[Token]) -> list[Token]:
    """“红十字会”表示, “警察局”发言人: a short name in quotation marks that the sentence goes on to use is a
    name (one ORG or PER token, without its marks), not a quotation."""
    out: list[Token] = []
    n, k = len(tokens), 0
    while k < n:
        tok = tokens[k]
        if tok.text in ("“", "「", "\"") and k + 2 < n:
            close = next((m for m in range(k + 1, min(n, k + 7)) if tokens[m].text in ("”", "」", "\"", "“")), None)
            inner = tokens[k + 1:close] if close is not None else []
            after = tokens[close + 1] if close is not None and close + 1 < n else None
            if inner and after is not None and after.text not in CLAUSE_BREAK and after.tag != "w" and \
                    all(t.tag in ("ORG", "PER", "LOC", "n", "nz", "nw") or t.text.isspace() for t in inner) and \
                    inner[-1].tag in ("ORG", "PER", "n", "nz", "nw") and \
                    (any(t.tag in ("ORG", "PER") for t in inner) or inner[-1].text.endswith(ORG_HEADS)) and \
                    inner[-1].end - inner[0].start <= 20:
                tag = "PER" if inner[-1].tag == "PER" else "ORG"
                out.append(Token(inner[0].start, inner[-1].end, "".join(t.text for t in inner), tag))
                k = close + 1
                continue
        out.append(tok)
        k += 1
    return out
