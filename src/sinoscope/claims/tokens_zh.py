"""The LAC tokens of a Chinese paragraph made fit for reading speakers: Latin names glued back into one
token ("Mike", " ", "Trudell"), short quoted names ("“红十字会”表示") read as names, and a date split off the
name the tagger glued it to ("周日白宫表示")."""

from __future__ import annotations

import re

from ..nlp.chinese import Token, tag_text
from .nouns_zh import ORG_HEADS

CLAUSE_BREAK = frozenset("，,：:；;。！？!?")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
LATIN = re.compile(r"^[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’&.\-]*$")


def merge_latin(tokens: list[Token]) -> list[Token]:
    """Glue Latin words the tagger split ("Mike", " ", "Trudell"; "Sainsbury", "'", "s") into one token."""
    out: list[Token] = []
    toks = _unglued_spaces(tokens)
    for n, tok in enumerate(toks):
        prev = out[-1] if out else None
        if tok.text in ("-", "‐") and prev and prev.end == tok.start and prev.text[-1:].isalpha() and \
                LATIN.match(prev.text.replace(" ", "")) and n + 1 < len(toks) and toks[n + 1].start == tok.end \
                and toks[n + 1].text[:1].isupper() and LATIN.match(toks[n + 1].text):
            out[-1] = Token(prev.start, tok.end, prev.text + tok.text, prev.tag)  # "Mills-Hicks": one name
            continue
        latin = bool(LATIN.match(tok.text)) or tok.text in ("'", "’")
        if prev and latin and prev.end == tok.start and LATIN.match(prev.text.replace(" ", "")) and (
                prev.text[-1:].isalpha() or tok.text[:1].isalpha() or tok.text in ("'", "’")):
            out[-1] = Token(prev.start, tok.end, prev.text + tok.text, _merge_tag(prev.tag, tok.tag))
            continue
        if (prev and tok.text == " " and prev.text[-1:].isalpha() and LATIN.match(prev.text.replace(" ", ""))
                and prev.text[:1].isupper()):
            out.append(tok)  # a space after a Latin name: kept, and joined if another Latin word follows
            continue
        if (len(out) >= 2 and prev and prev.text == " " and latin and tok.text[:1].isupper()
                and LATIN.match(out[-2].text.replace(" ", ""))):
            two = out.pop(-2)
            out[-1] = Token(two.start, tok.end, two.text + " " + tok.text, _merge_tag(two.tag, tok.tag))
            continue
        out.append(tok)
    return out


def _unglued_spaces(tokens: list[Token]) -> list[Token]:
    """"Kavadarkov", " 说"/w: the tagger glued the space after a Latin name to the Chinese word that follows
    and tagged both punctuation; the word is split off (a verb, in practice the predicate after a name)."""
    out: list[Token] = []
    for tok in tokens:
        word = tok.text.lstrip()
        if tok.tag == "w" and word != tok.text and _HAN.match(word):
            cut = tok.start + len(tok.text) - len(word)
            out.append(Token(tok.start, cut, tok.text[: len(tok.text) - len(word)], "w"))
            out.append(Token(cut, tok.end, word, "u" if word in ("的", "地", "得") else "v"))
            continue
        out.append(tok)
    return out


def latin_institutions(tokens: list[Token]) -> list[Token]:
    """"Baton Rouge 警察局": a Latin name and the institution noun after it are one organisation."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-2] if len(out) >= 2 and out[-1].text.isspace() else out[-1] if out else None
        if prev is not None and tok.tag in ("n", "nz") and tok.text.endswith(ORG_HEADS) and len(tok.text) >= 2 \
                and LATIN.match(prev.text.replace(" ", "")) and prev.text[:1].isupper():
            while out and out[-1] is not prev:
                out.pop()
            out[-1] = Token(prev.start, tok.end, prev.text + " " * (tok.start - prev.end) + tok.text, "ORG")
            continue
        out.append(tok)
    return out


def _merge_tag(a: str, b: str) -> str:
    for tag in ("ORG", "PER"):
        if tag in (a, b):
            return tag
    return "PER"  # two capitalised words the tagger left untyped ("Narcis Termes"): most often a person


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


# a date that opens a clause: weekday, day of the month, today/yesterday (周日, 上周五, 昨天, 9月30日)
_DATE_HEAD = re.compile(r"^(?:(?:上|下|本|这)?(?:周|星期|礼拜)[一二三四五六日天末]|今天|昨天|前天|明天|今日|昨日|当天|"
                        r"当日|今晨|昨晚|今晚|[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}[日号])")
# what may follow a date inside one time expression ("周日上午", "周一至周五", "9月30日前后"): no name
_TIME_REST = re.compile(r"^(?:早|晚|上午|下午|中午|凌晨|夜|晨|傍晚|时|起|前|后|以来|之前|之后|当天|开始|举行|发布|"
                        r"至|到|和|与|及|或|的)|[周月日年天点号]")


def split_dates(tokens: list[Token]) -> list[Token]:
    """"周日白宫/TIME 表示", "周日星河科技/ORG 表示": a date the tagger glued to the subject after it (the time
    word before the speaker) is split off, so that the subject is read as the name it is."""
    out: list[Token] = []
    for tok in tokens:
        m = _DATE_HEAD.match(tok.text) if tok.tag in ("TIME", "t", "ORG", "PER", "LOC", "n", "nz") else None
        rest = tok.text[m.end():] if m else ""
        if m and len(rest) >= 2 and _HAN.match(rest) and not _TIME_REST.search(rest):
            cut = tok.start + m.end()
            tag = tok.tag if tok.tag in ("ORG", "PER", "LOC") else "ORG" if rest.endswith(ORG_HEADS) else \
                next((t.tag for t in tag_text(rest) if len(t.text) == len(rest)), "n")
            out += [Token(tok.start, cut, tok.text[: m.end()], "TIME"), Token(cut, tok.end, rest, tag)]
            continue
        out.append(tok)
    return out
