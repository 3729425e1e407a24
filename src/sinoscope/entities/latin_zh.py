"""Latin-script names in Chinese prose (a translated story keeps many originals: Brian O'Hagan,
Baton Rouge 警察局, Chase银行), read on the text rather than the tagger's tokens, which cut Latin
words at apostrophes, hyphens and accented letters (O|'|Hagan, Willough|by, Rodr|íguez).

- a run followed by a Chinese organisation head is that organisation: "Long Lartin 监狱",
  "Rady 儿童医院" (a company suffix is dropped: "Bellator公司" is Bellator);
- otherwise a run of two or more words is a person when the tagger calls a word of it PER, and an
  organisation when it calls one ORG — unless it stands where a place stands (伯明翰的 Selly Oak,
  威灵Wesbanco Arena) or carries a number (Nord Stream 2), which no person does.
"""

from __future__ import annotations

import re

from ..nlp.chinese import Token
from .candidates import Found
from .linker import is_han

_L = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
_WORD = rf"[A-Z][{_L}]*(?:['’\-][{_L}]+)*\.?"
LATIN_RUN = re.compile(rf"(?<![{_L}0-9'’.\-]){_WORD}(?: {_WORD}){{0,5}}(?![{_L}0-9'’\-])")
_COMPANY_SUFFIXES = ("股份有限公司", "有限公司", "公司", "集团")
# Chinese heads that make the Latin name before them an organisation's name.
LATIN_ORG_HEADS = (
    *_COMPANY_SUFFIXES, "警察局", "警局", "监狱", "酒店", "医院", "教堂", "俱乐部", "工党", "电视台", "电台", "办公室",
    "中心", "学校", "频道", "乐队", "球队", "商店", "超市", "银行", "基金会", "基金", "协会", "委员会", "大学", "学院",
    "研究所", "研究院", "实验室", "法院", "议会", "出版社", "通讯社", "报社", "事务所", "交易所", "联盟", "党",
)
_STOPS = frozenset("的了在和与是将对向从于及等也都就而被把说称")
_MAX_HEAD = 8
_NOUN_TAGS = frozenset({"n", "nz", "nw", "vn", "an", "ORG", "LOC", "PER", "xc"})


def _head_after(text: str, tokens: list[Token], end: int) -> tuple[int, str] | None:
    """(end of the head, head) when the Chinese right after `end` is a short noun ending with an org head
    (教区法医办公室, not 表示其办公室)."""
    pos = end + 1 if text[end:end + 1] == " " else end
    for stop in range(pos + 1, min(len(text), pos + _MAX_HEAD) + 1):
        ch = text[stop - 1]
        token = next((t for t in tokens if t.start < stop <= t.end), None)
        if not is_han(ch) or ch in _STOPS or token is None or token.tag not in _NOUN_TAGS:
            return None
        chunk = text[pos:stop]
        head = next((h for h in LATIN_ORG_HEADS if chunk.endswith(h)), None)
        if head is not None:
            return stop, head
    return None


def _chinese_side(text: str, start: int, end: int) -> bool:
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return any(ch and not ch.isascii() for ch in (before, after))


def _place_before(tokens: list[Token], start: int) -> bool:
    """伯明翰的 Selly Oak, 威灵Wesbanco Arena, 南伦敦的 Croydon: a place before the run places it."""
    before = [t for t in tokens if t.end <= start and t.text.strip()]
    if before and before[-1].text == "的":
        before = before[:-1]
    return bool(before) and before[-1].tag == "LOC" and before[-1].end >= start - 3


def not_a_person(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """A Latin run that stands where a place stands or carries a number is no person's name."""
    after = text[end:end + 2].lstrip()[:1]
    return after.isdigit() or _place_before(tokens, start) or _head_after(text, tokens, end) is not None


# A Latin name before one of these, or after one, is a business or an outlet: "Argos 折扣店", "Revlon、Essie
# 等品牌", "香水零售商 Fragrance Shop", "据Mic报道".
_CATEGORY_AFTER = ("品牌", "折扣店", "连锁店", "连锁", "超市", "商店", "零售商", "百货", "网站", "报道", "新闻报道")
_CATEGORY_BEFORE = ("品牌", "零售商", "连锁", "超市", "网站", "机构", "媒体", "组织", "团体", "集团", "公司", "据",
                    "告诉", "接受")
# "Gateway Pundit和RedState等保守派网站": a list closed by 等 and a category word a few characters on.
_LISTED_KIND = re.compile(rf"\s*等[\u4e00-\u9fff]{{1,4}}?(?:{'|'.join(_CATEGORY_AFTER[:-2])})")
_COORDINATION = re.compile(r"\s*(?:、|和|与|及|以及|或|,|，)\s*")
_OUTLET_TAIL = re.compile(r"\s*新闻(?=\s*(?:报道|采访|频道))")


def _runs(text: str) -> list[tuple[int, int]]:
    out = []
    for match in LATIN_RUN.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1] == ".":
            end -= 1
        if end - start >= 2 and _chinese_side(text, start, end):
            out.append((start, end))
    return out


def category_orgs(text: str, runs: list[tuple[int, int]]) -> dict[int, int]:
    """Runs named as businesses or outlets by the category word after or before them, with the runs
    coordinated with them ("Boots、Superdrug 和 Debenhams 等品牌"): run index → end of the name."""
    named: dict[int, int] = {}
    for k, (start, end) in enumerate(runs):
        tail = _OUTLET_TAIL.match(text, end)
        stop = tail.end() if tail else end  # 据NBC新闻报道: the outlet is "NBC新闻"
        after = text[stop:stop + 6].lstrip().removeprefix("等").lstrip()
        before = text[max(0, start - 6):start].rstrip()
        if after.startswith(_CATEGORY_AFTER) or before.endswith(_CATEGORY_BEFORE) or _LISTED_KIND.match(text, stop):
            named[k] = stop
    for k in sorted(named, reverse=True):  # back over "A、B 和 C" before a named run
        j = k
        while j > 0 and _COORDINATION.fullmatch(text[runs[j - 1][1]:runs[j][0]]):
            named.setdefault(j - 1, runs[j - 1][1])
            j -= 1
    for k in sorted(named):  # and on over the runs coordinated after it
        j = k
        while j + 1 < len(runs) and _COORDINATION.fullmatch(text[runs[j][1]:runs[j + 1][0]]):
            named.setdefault(j + 1, runs[j + 1][1])
            j += 1
    return named


def coordinated_with_orgs(text: str, orgs: list[tuple[int, int]],
                          others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Latin runs listed with an organisation of the paragraph ("Boots、Superdrug 和 Debenhams", "PBS、C-SPAN 和
    Fox Business Network"): the members of a list are of one kind — unless the list holds a name of another
    kind ("Microsoft Outlook、Slack 和 Spotify" lists products). Spans are in `text`; `others` are the
    paragraph's names that are not organisations."""
    taken = [*orgs, *others]
    runs = [r for r in _runs(text) if not any(r[0] < e and s < r[1] for s, e in taken)]
    members = sorted(set(orgs) | set(runs) | set(others))
    out: set[tuple[int, int]] = set()
    for k, item in enumerate(members):
        if item not in orgs or _latin_letter(text, item[0] - 1, -1) or _latin_letter(text, item[1], 1):
            continue  # an organisation inside a longer Latin name (Microsoft of Microsoft Outlook) lists nothing
        for step in (-1, 1):  # along the list both ways from the organisation
            j, listed = k, []
            while 0 <= j + step < len(members):
                left, right = sorted((members[j], members[j + step]))
                if not _COORDINATION.fullmatch(text[left[1]:right[0]]):
                    break
                j += step
                listed.append(members[j])
            if not any(m in others for m in listed):
                out.update(m for m in listed if m in runs)
    return sorted(r for r in out if not _lone_acronym(text[r[0]:r[1]]))


def _latin_letter(text: str, i: int, step: int) -> bool:
    """Whether a Latin word goes on from position i (across one space) in direction `step`."""
    if 0 <= i < len(text) and text[i] == " ":
        i += step
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()


def _lone_acronym(name: str) -> bool:
    return len(name) < 3 and name.isupper()


def latin_names(text: str, tokens: list[Token]) -> list[Found]:
    out: list[Found] = []
    runs = _runs(text)
    businesses = category_orgs(text, runs)
    for k, (start, end) in enumerate(runs):
        words = text[start:end].split()
        if k in businesses and not (len(words) == 1 and words[0].isupper() and len(words[0]) < 3):
            out.append(Found(start, businesses[k], text[start:businesses[k]], "org", "rule"))
            continue
        head = _head_after(text, tokens, end)
        if head is not None and not (len(words) == 1 and words[0].isupper() and (
                head[1] not in _COMPANY_SUFFIXES or len(words[0]) < 3)):
            stop, suffix = head  # an acronym before a head (LSU 篮球队, AI 公司) is left to the acronym rules
            org_end = end if suffix in _COMPANY_SUFFIXES else stop
            out.append(Found(start, org_end, text[start:org_end], "org", "rule"))
            continue
        if len(words) < 2:
            continue  # one word (NinetyOne) is the Latin-word rule's
        tags = {t.tag for t in tokens if t.start < end and start < t.end and t.text.strip()}
        if "PER" in tags and not not_a_person(text, tokens, start, end):
            out.append(Found(start, end, text[start:end], "person", "lac"))
        elif "ORG" in tags and len(words) <= 4:
            out.append(Found(start, end, text[start:end], "org", "lac"))
    return out


def latin_company(name: str) -> str:
    """The Latin name of a Latin name fused with a Chinese company suffix (Bellator公司 → Bellator), or ""."""
    suffix = next((s for s in _COMPANY_SUFFIXES if name.endswith(s)), "")
    latin = name[: -len(suffix)].strip() if suffix else ""
    return latin if len(latin) >= 2 and latin[0].isascii() and latin[0].isalpha() and not any(
        is_han(c) for c in latin) else ""
