"""Chinese quotes: rules over the text of one paragraph.

A speech cue (表示, 指出, 说 …) is found outside quotation marks; its subject is read back from the
start of its clause (time phrases, adverbs and "在…上" settings stripped, the head noun after the
last 的 kept) and its content is either the quotation next to it (direct) or the rest of the
sentence (indirect). A quotation right after "…，”X指出。" continues the same speaker.
"""

from __future__ import annotations

import re

from .raw_quote import RawQuote
from .speakers import ANONYMOUS_ZH, SpeakerIndex

CUES = ("解释道", "解释说", "补充道", "补充说", "写道", "回应称", "回应说", "分析称", "分析指出", "分析认为",
        "分析过", "表示", "认为", "指出", "强调", "透露", "坦言", "直言", "预计", "预测", "警告", "称赞", "告诉",
        "承认", "提到", "提醒", "宣布", "声称", "宣称", "证实", "介绍", "说道", "说过", "说", "称")
_CUE_RE = re.compile("|".join(CUES))
_NOT_SAY_BEFORE = ("想", "要", "以", "该", "是", "所以", "这么", "怎么", "比如", "听", "据", "小", "来", "话", "再",
                   "难", "用", "虽", "俗", "或者", "不得不", "还是", "被", "可", "能", "的", "传", "游", "解",
                   "劝", "述", "学", "演", "胡", "细", "诉", "叙", "评", "论", "不", "别")
_SENT_END = "。！？!?；;\n"
_CLAUSE_SEP = "，,：:；;"
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"'}
_LEAD = re.compile(
    r"^(?:据悉|尽管|虽然|即使|如果|即便|此外|不过|但是|但|然而|而且|并且|同时|另外|因此|所以|对此|此前|近日|日前|最近|随后|当天|其中|"
    r"这也是为什么|这就是为什么|也就是说|事实上|实际上|与此同时|今年\d*月?份?|去年\d*月?份?|上周|本周|上个月|"
    r"几天前|\d+月\d+日|周[一二三四五六日]|而|并|且|则|可)+")
_TRAIL = re.compile(
    r"(?:却|也|还|则|更|又|曾经|曾|已经|已|就|都|均|亦|再次|进一步|公开|直接|随即|对此|同时|明确|特别|甚至|一直|"
    r"早就|会|仍然|仍|依然|坦率地|不禁|当时|随后|近日|日前|此前|首先|最后|本人|自己|也曾|则是|就曾|向记者|对记者|"
    r"对媒体|向媒体|在采访中|在声明中|在报告中)+$")
_SETTING = re.compile(r"(?:在|于|接受).{0,40}?(?:上|中|时|期间|里|后|采访)$")
_ROLE = re.compile(r"^.*?(?:首席执行官|执行长|CEO|创始人|总裁|董事长|主席|科学家|负责人|教授|总统|总理|部长|"
                   r"发言人|研究员|分析师|策略师|工程师|经理|院长|所长|主任|专家|高管)(?=.{2,})")
_GENERIC = ("高管", "官员", "人士", "人员", "学者", "专家", "分析师", "研究者", "研究人员", "报告", "研究", "调查",
            "数据", "媒体", "外媒", "团队", "机构")
_BAD_SUBJECT = re.compile(r"[，,。！？“”「」：:%％\d]|很难|难以|无法|不能|不会|没有|未能|[不没很]$")



def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of the quotation marks of a paragraph."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = _QUOTE_PAIRS.get(text[i])
        if close:
            j = text.find(close, i + 1)
            if j > i + 1:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _sentence_start(text: str, pos: int, spans: list[tuple[int, int]]) -> int:
    i = pos - 1
    while i >= 0:
        if text[i] in _SENT_END and not _inside(i, spans):
            return i + 1
        i -= 1
    return 0


def _clean_subject(segment: str) -> tuple[str, int]:
    """The speaker as written in a clause before a cue, and its offset within the clause."""
    seg = segment.rstrip()
    for _ in range(3):
        seg = _TRAIL.sub("", seg)
        seg = _SETTING.sub("", seg)
    lead = _LEAD.match(seg)
    offset = lead.end() if lead else 0
    seg = seg[offset:]
    if "的" in seg:
        cut = seg.rfind("的") + 1
        if len(seg) - cut >= 2:
            offset, seg = offset + cut, seg[cut:]
    role = _ROLE.match(seg)
    if role and not seg.endswith(_GENERIC):
        offset, seg = offset + role.end(), seg[role.end():]
    # "芯片研究机构SemiAnalysis": a Latin name after a Chinese description is the name
    latin = re.search(r"[A-Z][A-Za-z0-9.&\- ]*$", seg)
    if latin and latin.start() > 0 and re.search(r"[\u4e00-\u9fff]", seg[: latin.start()]):
        offset, seg = offset + latin.start(), seg[latin.start():]
    return seg.strip(), offset


def _subject_before(text: str, cue_start: int, spans: list[tuple[int, int]]) -> tuple[str, int] | None:
    sent = _sentence_start(text, cue_start, spans)
    end = cue_start
    while end > sent:
        start = end
        at_quote = False
        while start > sent and not (text[start - 1] in _CLAUSE_SEP and not _inside(start - 1, spans)):
            if any(b == start - 1 for _, b in spans):
                at_quote = True  # a closing quotation mark ends the clause before the subject: "…，”X指出"
                break
            start -= 1
        subject, off = _clean_subject(text[start:end])
        if subject:
            return subject, start + off
        if at_quote:
            return None
        end = start - 1
    return None


def _say_ok(text: str, m: re.Match) -> bool:
    cue, s, e = m.group(), m.start(), m.end()
    after = text[e:e + 1]
    if text[max(0, s - 1):s] in ("没", "未", "不", "别", "无", "被"):
        return False  # "没说过", "被认为": not someone saying something
    if cue == "说":
        if text[max(0, s - 3):s].endswith(_NOT_SAY_BEFORE):
            return False
        return after in "，,：:“\"「。！？!?；;" or after == ""
    if cue == "称":
        return after in "，,：:“\"「" and text[max(0, s - 1):s] not in ("堪", "号", "名", "简", "俗", "自", "之")
    return text[max(0, s - 1):s] != "被"


def _subject_ok(subject: str) -> bool:
    return 0 < len(subject) <= 16 and not _BAD_SUBJECT.search(subject)


def extract_zh(text: str, offset: int) -> list[RawQuote]:
    """Quotes of one Chinese paragraph (`offset` is the paragraph's start in doc.text)."""
    spans = quote_spans(text)
    out: list[RawQuote] = []
    used_quotes: set[tuple[int, int]] = set()
    for m in _CUE_RE.finditer(text):
        if _inside(m.start(), spans) or not _say_ok(text, m):
            continue
        found = _subject_before(text, m.start(), spans)
        cue_end = m.end()
        if text[cue_end:cue_end + 1] in ("说", "道") and m.group() not in ("说", "说道"):
            cue_end += 1
        if m.group() == "告诉":
            rest = re.match(r"(?:我|我们|记者|媒体|本报|[^，,：:。]{1,8}?)(?=[，,：:])", text[cue_end:])
            cue_end += rest.end() if rest else 0
        # "“A，”X指出。" — the quotation just before the subject belongs to this cue
        before = [q for q in spans if q[1] < m.start() and q not in used_quotes]
        prev = before[-1] if before else None
        if not found or not _subject_ok(found[0]):
            continue
        subject, s_off = found
        attached_before = prev if prev and re.fullmatch(r"[，,、\s]*", text[prev[1] + 1:s_off]) else None
        nxt = next((q for q in spans if q[0] >= cue_end), None)
        gap = text[cue_end:nxt[0]] if nxt else None
        quotes: list[tuple[int, int, str]] = []
        if attached_before:
            quotes.append((attached_before[0] + 1, attached_before[1], "direct"))
            used_quotes.add(attached_before)
            if nxt and gap is not None and re.fullmatch(r"[。，,：:\s]*", gap):
                quotes.append((nxt[0] + 1, nxt[1], "direct"))
                used_quotes.add(nxt)
        elif nxt and gap is not None and re.fullmatch(r"[，,：:\s]*", gap):
            quotes.append((nxt[0] + 1, nxt[1], "direct"))
            used_quotes.add(nxt)
        else:
            start = cue_end + len(text[cue_end:]) - len(text[cue_end:].lstrip("，,：: "))
            if text[start:start + 1] in ("了", "过") and m.group() not in ("说过", "分析过"):
                start += 1
            end = start
            while end < len(text) and not (text[end] in "。！？!?；;\n" and not _inside(end, spans)):
                end += 1
            colon = re.search(r"[：:]\s*[“「]", text[start:end])
            q_after = next((q for q in spans if colon and q[0] == start + colon.end() - 1), None)
            if q_after and q_after[1] >= end - 1:
                quotes.append((q_after[0] + 1, q_after[1], "direct"))
                used_quotes.add(q_after)
            elif end - start >= 4:
                if end < len(text) and text[end] in "？?":
                    end += 1
                quotes.append((start, end, "indirect"))
        for qs, qe, kind in quotes:
            qs, qe = _trim(text, qs, qe)
            if qe - qs >= 2:
                out.append(RawQuote(offset + qs, offset + qe, kind, m.group(), subject, offset + s_off,
                                    offset + s_off + len(subject)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ，,：:":
        start += 1
    while end > start and text[end - 1] in " ，,。；;：:":
        end -= 1
    return start, end


def is_anonymous_zh(subject: str) -> bool:
    if subject.startswith(("这位", "该", "此", "这家", "这名", "那位")):
        return False  # a role noun pointing back at someone named before
    return any(a in subject for a in ANONYMOUS_ZH) or subject.endswith(_GENERIC) or subject in ("我", "我们", "大家")


def register_subjects(index: SpeakerIndex, quotes: list[RawQuote]) -> None:
    """Let later pronouns see the names found as subjects ("黄仁勋说 … 他还称赞 …")."""
    from .speakers import Candidate

    for q in quotes:
        s = q.subject
        if s.startswith(("他", "她", "这", "该", "此", "那", "对方")) or is_anonymous_zh(s):
            continue
        if index.inside(q.subject_start, q.subject_end):
            continue
        known = index.by_surface(s)
        cand = Candidate(q.subject_start, q.subject_end, s, known.type if known else "person",
                         known.name if known else s, known.name_zh if known else s, known.key if known else None,
                         [s])
        index.candidates.append(cand)
    index.candidates.sort(key=lambda c: c.start)
    index._starts = [c.start for c in index.candidates]
