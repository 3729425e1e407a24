"""Chinese speech and thought cues, found on the LAC tokens of a paragraph.

A cue is a verb token (说, 表示, 指出 …), sometimes with a light suffix the tagger splits off
(补充/说, 评价/道, 回应/称). Reading tokens rather than characters keeps 说 apart from 说明, 小说,
据说 and 听说, and 称 apart from 称为 and 堪称.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.chinese import Token

# verbs of saying: their content is a proposition (a clause, or a quotation)
SPEECH = frozenset({
    "说", "说道", "说过", "表示", "称", "指出", "强调", "透露", "坦言", "直言", "告诉", "承认", "提到", "提醒",
    "声称", "宣称", "证实", "介绍", "写道", "补充", "补充道", "解释", "解释道", "回应", "回答", "答道", "警告",
    "呼吁", "如是说", "坦承", "坦陈", "否认", "质疑", "反问", "抱怨", "暗示", "指责", "批评", "称赞", "形容",
    "评价", "重申", "声明", "宣布", "确认", "通报", "回忆", "感叹", "断言", "辩称", "笑称", "问道", "披露",
    "分析", "预计", "预测", "估计", "认定", "坚称", "表态", "反驳", "澄清", "自称", "报道", "描述", "直说",
    "宣告", "留言", "谈道", "告知", "称赞道", "抱怨道", "感慨", "主张", "建议", "强调说", "笑说", "说起",
    "发声", "发问", "申明",
})
# verbs of thinking: reported thought is attributed like speech (ANNOTATION.md), for a named thinker
THINK = frozenset({"认为", "相信", "觉得", "担心", "怀疑", "坚信", "深信", "看来"})
# evidential verbs: speech only for a report, survey or study that speaks for its publisher ("X的民调显示");
# "数据显示" is the data, not a speaker
EVIDENTIAL = frozenset({"显示", "表明", "发现"})
CUES = SPEECH | THINK | EVIDENTIAL
SUFFIXES = ("道", "说", "称", "表示")  # 补充/说, 评价/道, 回应/称: one cue
# verbs that also take a plain noun object ("介绍了新产品", "批评特朗普"): a quote needs a predicate
NEEDS_CLAUSE = frozenset({
    "介绍", "提到", "回应", "回答", "批评", "指责", "称赞", "评价", "否认", "宣布", "通报", "确认", "质疑",
    "抱怨", "描述", "形容", "回忆", "分析", "提出", "主张", "建议", "预测", "估计", "报道", "披露", "澄清",
    "怀疑", "担心", "提醒", "告知", "反驳", "留言", "表态", "呼吁", "发现", "说起", "申明",
})
# verbs of stance, not propositions: "表示感谢", "表示欢迎"
ATTITUDE = frozenset({
    "感谢", "欢迎", "支持", "反对", "遗憾", "担忧", "关切", "祝贺", "同情", "赞赏", "不满", "满意", "哀悼",
    "慰问", "敬意", "歉意", "谢意", "认可", "理解", "赞同", "同意", "肯定", "愤慨", "强烈",
})
# "据X介绍/报道/透露/测算，…", "根据X的说法/报告，…": the words that make 据 a speech cue
ACCORDING = frozenset({"介绍", "报道", "透露", "测算", "称", "表示", "说", "估计", "预测", "分析", "指出", "披露",
                       "报告", "证实", "声称", "宣称", "预计", "说法", "消息", "声明", "民调", "调查", "研究",
                       "文章", "公告", "通报", "评估", "称述", "所述", "解释", "回忆", "描述"})
DATA_WORDS = ("数据", "统计", "数字", "资料", "显示", "记录", "统计数据")  # "据国家统计局数据": a citation of data
ACCORDING_MARKS = frozenset({"据", "根据", "按照", "援引", "依据"})
# "发推特：“…”", "发表声明：…": a verb of publishing and what is published, cues only before a colon
PUBLISH_VERBS = frozenset({"发", "发表", "发布", "发出"})
PUBLISHED = frozenset({"推特", "推文", "声明", "微博", "帖子", "帖", "推", "文章", "讲话", "评论", "公告", "博文",
                       "申明", "贴文", "视频"})
NOT_BEFORE = frozenset({"被", "没", "未", "不", "别", "无", "难以", "很难", "没有", "不能", "无法", "不会", "并未",
                        "从未", "不再", "不愿", "拒绝", "也就是", "就是", "比如", "换句话", "不用", "可以", "虽然",
                        "怎么", "这么", "那么", "再", "听", "难", "该", "想", "敢", "能"})


@dataclass(slots=True)
class Cue:
    i: int  # first token of the cue
    j: int  # token after it
    start: int  # character offsets in the paragraph
    end: int
    text: str
    think: bool = False
    source: tuple[int, int] | None = None  # for "据X介绍": the tokens of X

    @property
    def naming(self) -> bool:
        return self.text.endswith(("为", "作", "成")) and self.text[:2] in ("称之", "称为", "称作", "描述", "形容",
                                   "称赞")

    @property
    def evidential(self) -> bool:
        return self.text in EVIDENTIAL

    @property
    def lemma(self) -> str:
        return self.text[:-1] if len(self.text) > 2 and self.text.endswith(SUFFIXES) else self.text


_NOT_SAYING = frozenset({"据说", "听说", "小说", "传说", "可以说", "比如说", "就是说", "换句话说", "不用说", "再说",
                         "或者说", "应该说", "虽说", "俗话说", "老实说", "总的来说", "来说", "学说", "演说", "游说",
                         "解说", "胡说", "细说", "诉说", "述说", "劝说", "评说", "说说", "难说", "不说", "没说",
                         "也就是说", "所说", "如果说", "对于说", "话说", "却说", "且说", "一说", "谁说"})


_CUE_ENDINGS = frozenset(c[-1] for c in CUES)
_GLUED_ADVERBS = ("再次", "同时", "随后", "当即", "曾经", "还", "也", "则", "并", "又", "更", "就", "曾", "都", "亦",
                  "均")


def _cue_text(tok: Token) -> str | None:
    """The cue a token holds: itself, 说 in "地说" (the tagger glues an adverb's 地 to it), or the 说 of a
    verb the tagger wrote as one word ("边走边说", "笑着说")."""
    if tok.text in CUES:
        return tok.text
    if tok.text[-1:] not in _CUE_ENDINGS:
        return None
    if tok.text in ("地说", "地表示", "地称", "地指出", "地认为") and tok.tag.startswith("v"):
        return tok.text[1:]
    for adverb in _GLUED_ADVERBS:  # "还表示/PER", "并称": the tagger glued an adverb to the cue
        rest = tok.text[len(adverb):]
        if tok.text.startswith(adverb) and rest in ("表示", "说", "称", "指出", "认为", "强调", "透露", "说道", "写道"):
            return rest
    if tok.tag == "v" and 2 < len(tok.text) <= 4 and tok.text.endswith(("说", "说道")) and \
            tok.text not in _NOT_SAYING and not tok.text.endswith(tuple(_NOT_SAYING)):
        return "说"
    return None


def find_cues(tokens: list[Token], text: str) -> list[Cue]:
    """Candidate cues of a paragraph, in order (whether each is inside a quotation is the caller's call)."""
    out: list[Cue] = []
    n = len(tokens)
    k = 0
    while k < n:
        tok = tokens[k]
        if _published(tokens, k):
            out.append(Cue(k, k + 2, tok.start, tokens[k + 1].end, tok.text + tokens[k + 1].text))
            k += 2
            continue
        if tok.text == "发言" and tok.tag.startswith("v") and k + 1 < n and tokens[k + 1].text in ("：", ":"):
            out.append(Cue(k, k + 1, tok.start, tok.end, tok.text))  # "X再次发言：“…”" (not "在会上发言，…")
            k += 1
            continue
        word = _cue_text(tok)
        glued = word is not None and word != tok.text and not tok.text.startswith("地")
        if word is None or not (tok.tag.startswith("v") or glued or tok.tag in ("p", "n", "vn") and word in ("称",
                                                   "说")):
            k += 1
            continue
        if tok.tag == "vn" and k + 1 < n and tokens[k + 1].tag not in ("w",) and tokens[k + 1].text != "为":
            k += 1  # "通报会", "声明稿": a noun compound, not a cue
            continue
        prev = tokens[k - 1].text if k else ""
        if prev in NOT_BEFORE or prev.endswith(("被", "不", "没", "未")):
            k += 1
            continue
        start = tok.start + (len(tok.text) - len(word))
        j = k + 1
        if j < n and tokens[j].text in SUFFIXES and word not in ("说", "说道", "称"):
            word += tokens[j].text
            j += 1
        naming = j < n and (tokens[j].text in ("为", "之为", "作", "成")
                            or tokens[j].text == "之" and j + 1 < n and tokens[j + 1].text == "为")
        if word in ("称", "描述", "形容", "称赞") and naming:
            step = 2 if tokens[j].text == "之" else 1  # naming ("称之为“…”"): a quote only with a quotation after it
            word += "".join(t.text for t in tokens[j:j + step])
            j += step
        out.append(Cue(k, j, start, tokens[j - 1].end, word, word in THINK))
        k = j
    return out


def _published(tokens: list[Token], k: int) -> bool:
    """"X发推特：“…”": publishing a statement, introduced by a colon."""
    return tokens[k].text in PUBLISH_VERBS and tokens[k].tag.startswith("v") and k + 2 < len(tokens) and \
        tokens[k + 1].text in PUBLISHED and tokens[k + 2].text in ("：", ":")


def according_cues(tokens: list[Token]) -> tuple[list[Cue], set[int]]:
    """"据X介绍，…" / "根据X的说法，…": one cue per such clause (its source X), and the token indices the
    clause spans (verb cues inside it are not cues of their own). A clause that cites data is none."""
    out: list[Cue] = []
    spanned: set[int] = set()
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if tok.text not in ACCORDING_MARKS or tok.tag != "p":
            continue
        m = k + 1
        while m < n and tokens[m].text not in "，,：:。；;！？!?":
            m += 1
        spanned.update(range(k, m))
        if any(t.text.endswith(DATA_WORDS) for t in tokens[k + 1:m]):
            continue
        c = next((x for x in range(k + 2, m) if tokens[x].text in ACCORDING), None)
        if c is None:
            continue  # "据悉", "据报道": no source
        spanned.difference_update(range(c + 1, m))  # "据X报道，Y表示…": Y's cue stays a cue
        end = c - 1 if tokens[c - 1].text == "的" else c
        nxt = m if m - (c + 1) <= 3 else c + 1  # "…的报告中所述，": the content starts after the comma
        out.append(Cue(c, nxt, tokens[c].start, tokens[nxt - 1].end, tokens[c].text, False, (k + 1, end)))
    return out, spanned


# "X的回应是，“…”", "X的解释是：…": a noun of speech owned by its speaker, then 是
NOMINAL_SPEECH = frozenset({"回应", "解释", "回答", "答复", "说法", "看法", "观点", "态度", "表态"})
_OWNER_TAGS = frozenset({"PER", "ORG", "LOC", "n", "nz", "nw", "vn"})


def nominal_cues(tokens: list[Token]) -> list[Cue]:
    """"广汽方面的回应是，“…”": one cue per speech noun between 的 and 是, its source the owner before 的."""
    out: list[Cue] = []
    for k in range(2, len(tokens) - 1):
        if tokens[k].text not in NOMINAL_SPEECH or tokens[k - 1].text != "的" or tokens[k + 1].text != "是":
            continue
        a = k - 1
        while a > 0 and k - 1 - a < 6 and (tokens[a - 1].tag in _OWNER_TAGS or tokens[a - 1].text.isspace()):
            a -= 1
        end = k - 2 if tokens[k - 2].text == "方面" else k - 1  # "广汽方面": 广汽's side is 广汽
        if a < end and any(t.tag in ("PER", "ORG") for t in tokens[a:end]):
            out.append(Cue(k, k + 2, tokens[k].start, tokens[k + 1].end, tokens[k].text, False, (a, end)))
    return out
