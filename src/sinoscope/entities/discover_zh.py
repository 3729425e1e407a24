"""Discovery of Chinese names the knowledge base does not know: jieba's part-of-speech tags plus rules.

jieba alone (nr → person, nt → organisation) misses names it splits into single characters
(林/俊/旸) and tags many common words as names. The rules here rebuild names from a surname
plus given-name characters, keep transliterated names whole across their separators
(萨姆·奥特曼, 迈克尔-鲍尔, 黄梁詹妮), use titles as evidence (…先生, 总统…), and filter junk.
Knowledge-base names are added to jieba's dictionary at start-up so that 英伟达 or 陈立武 segment
as one word.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba
import jieba.posseg

from .candidates import Found
from .linker import is_han
from .zh_lexicon import (
    COMPOUND_SURNAMES,
    NOT_GIVEN_NAME,
    NOT_PERSON_WORDS,
    ORG_SUFFIXES,
    PERSON_TITLES_AFTER,
    PERSON_TITLES_BEFORE,
    SINGLE_SURNAMES,
    TRANSLIT_CHARS,
)

_SEPARATORS = "·•‧・-‐‑"
_TRANSLIT_RE = re.compile(r"[\u4e00-\u9fff]+(?:\s?[·•‧・\-‐‑]\s?[\u4e00-\u9fff]+)+")
_JIEBA_TAGS = {"person": "nr", "org": "nt", "agency": "nt", "outlet": "nt", "place": "ns"}
_PERSON_FLAGS = {"nr", "nrfg", "nrt"}
_SPEECH_AFTER = frozenset(["说", "表示", "指出", "认为", "强调", "同志", "会见", "称", "透露", "解释", "宣布"])
_DOCTRINE_SUFFIXES = ("理论", "主义", "思想", "时代", "故居", "纪念馆")
# A two-character word jieba knows this well is a common word first (文明, 明白), a name second.
_COMMON_WORD_FREQ = 150


def _dictionary_tag(word: str) -> str | None:
    return jieba.posseg.dt.word_tag_tab.get(word)


def _starts_with_common_word(word: str) -> bool:
    head = word[:2]
    return _dictionary_tag(head) not in _PERSON_FLAGS and (jieba.dt.FREQ.get(head) or 0) >= 30


def _is_common_word(word: str) -> bool:
    return (jieba.dt.FREQ.get(word) or 0) >= _COMMON_WORD_FREQ


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    word: str
    flag: str


def quiet_jieba() -> None:
    jieba.setLogLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)


def add_words(words: Iterable[tuple[str, str]]) -> int:
    """Teach jieba the (word, kb type) pairs so they segment as one word; returns how many were added."""
    quiet_jieba()
    jieba.initialize()
    added = 0
    for word, entity_type in words:
        word = word.strip()
        if len(word) < 2 or not all(is_han(c) for c in word):
            continue
        jieba.add_word(word, freq=2000, tag=_JIEBA_TAGS.get(entity_type, "nz"))
        added += 1
    return added


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    offset = 0
    for pair in jieba.posseg.cut(text, HMM=True):
        word = pair.word
        position = offset if text.startswith(word, offset) else text.find(word, offset)
        if position < 0 or not word:
            continue
        tokens.append(Token(position, position + len(word), word, pair.flag))
        offset = position + len(word)
    return tokens


def surname_length(word: str) -> int:
    """Length of the surname `word` starts with (2 for compound surnames), 0 if none."""
    if word[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if word[:1] in SINGLE_SURNAMES else 0


def looks_chinese_name(name: str) -> bool:
    size = surname_length(name)
    return bool(size) and 1 <= len(name) - size <= 2 and all(c not in NOT_GIVEN_NAME for c in name[size:])


def looks_transliterated(name: str) -> bool:
    letters = [c for c in name if c not in _SEPARATORS and not c.isspace()]
    return len(letters) >= 2 and all(c in TRANSLIT_CHARS for c in letters)


def _given_char(token: Token) -> bool:
    return len(token.word) == 1 and is_han(token.word) and token.word not in NOT_GIVEN_NAME


def _transliterated_spans(text: str) -> list[Found]:
    """Names whose parts are joined by a separator; the outer parts are trimmed to transliteration characters."""
    out: list[Found] = []
    for match in _TRANSLIT_RE.finditer(text):
        parts = re.split(r"(\s?[·•‧・\-‐‑]\s?)", match.group())
        first, last = parts[0], parts[-1]
        head = len(first)
        while head > 0 and first[head - 1] in TRANSLIT_CHARS and len(first) - head < 5:
            head -= 1
        tail = 0
        while tail < len(last) and last[tail] in TRANSLIT_CHARS and tail < 5:
            tail += 1
        middle = parts[1:-1]
        if head == len(first) or tail == 0 or not all(looks_transliterated(p) or not p.strip(" ·•‧・-‐‑")
                                                       for p in middle):
            continue
        start = match.start() + head
        end = match.end() - (len(last) - tail)
        out.append(Found(start, end, text[start:end], "person", "rule"))
    return out


class ChineseNames:
    """jieba-based discovery of person, organisation and place names in Chinese text."""

    def __init__(self, known_words: Iterable[tuple[str, str]] = ()) -> None:
        # jieba's dictionary takes most of a second to load: wait until a page has Chinese in it.
        self._pending = list(known_words)
        self.words_added = 0
        self.ready = False

    def prepare(self) -> None:
        if not self.ready:
            self.words_added = add_words(self._pending)
            self._pending = []
            self.ready = True

    def tokenize(self, text: str) -> list[Token]:
        self.prepare()
        return tokenize(text)

    def find(self, text: str) -> list[Found]:
        if not text or not any(is_han(c) for c in text):
            return []
        return self.find_in_tokens(text, self.tokenize(text))

    def find_in_tokens(self, text: str, tokens: list[Token]) -> list[Found]:
        """Names in `text`, given its jieba tokens (shared with the linker's word-boundary check)."""
        found = _transliterated_spans(text)
        found += self._persons(tokens)
        found += _doctrine_names(tokens)
        found += self._orgs_and_places(tokens)
        return _without_overlaps(found)

    def _persons(self, tokens: list[Token]) -> list[Found]:
        out: list[Found] = []
        i = 0
        while i < len(tokens):
            name = self._person_at(tokens, i)
            if name is None:
                i += 1
                continue
            last, source = name
            # 黄梁|詹妮: a name run on into a transliterated part is one name (Chinese surname + Western name).
            while (last + 1 < len(tokens) and tokens[last + 1].flag in _PERSON_FLAGS
                   and looks_transliterated(tokens[last + 1].word) and last - i < 3):
                last += 1
            start, end = tokens[i].start, tokens[last].end
            out.append(Found(start, end, "".join(t.word for t in tokens[i:last + 1]), "person", source))
            i = last + 1
        out += self._surname_with_title(tokens)
        return out

    @staticmethod
    def _surname_with_title(tokens: list[Token]) -> list[Found]:
        """江主席, 李总理: a bare surname fused with a title names a person (the surname alone)."""
        out = []
        for token in tokens:
            word = token.word
            size = surname_length(word)
            if size and word[size:] in PERSON_TITLES_AFTER and len(word) > size:
                out.append(Found(token.start, token.start + size, word[:size], "person", "rule"))
        return out

    def _person_at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        """(index of the name's last token, source) if a person's name starts at token i."""
        token = tokens[i]
        word = token.word
        if not all(is_han(c) for c in word) or word in NOT_PERSON_WORDS:
            return None
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        preceding = tokens[i - 1] if i > 0 else None
        titled = bool(
            (following and (following.word in PERSON_TITLES_AFTER or following.word in _SPEECH_AFTER))
            or (preceding and preceding.word in PERSON_TITLES_BEFORE)
        )
        if token.flag in _PERSON_FLAGS and len(word) >= 2:
            common = _is_common_word(word)
            size = surname_length(word)
            if size and 1 <= len(word) - size <= 2:
                if len(word) - size == 2 and _starts_with_common_word(word) and not titled:
                    return None  # 安全性, 车库里: a common word plus a suffix, not surname + given name
                if len(word) - size == 1:
                    # "陈立|武": a two-character name may continue with a given-name character jieba split off.
                    if following and _given_char(following) and following.flag in ("nr", "ng", "zg"):
                        return i + 1, "jieba"
                    if common and not titled:
                        return None
                return i, "jieba"
            if looks_transliterated(word) and (not common or titled):
                return i, "jieba"
            if titled and 2 <= len(word) <= 4 and not common:
                return i, "jieba"
            return None
        # A surname token followed by one or two single given-name characters (林|俊|旸).
        size = surname_length(word)
        if size and len(word) == size:
            given: list[int] = []
            for j in (i + 1, i + 2):
                if j < len(tokens) and _given_char(tokens[j]) and tokens[j].flag not in ("p", "c", "u", "d", "m"):
                    given.append(j)
                else:
                    break
            if given and (titled or any(tokens[j].flag in _PERSON_FLAGS for j in [i, *given])):
                return given[-1], "rule"
        return None

    def _orgs_and_places(self, tokens: list[Token]) -> list[Found]:
        out: list[Found] = []
        for i, token in enumerate(tokens):
            word = token.word
            if not all(is_han(c) for c in word):
                continue
            if token.flag == "nt" and len(word) >= 2:
                # Only dictionary organisations; "…国" words (超级大国) are countries or powers.
                if _dictionary_tag(word) == "nt" and not word.endswith("国"):
                    out.append(Found(token.start, token.end, word, "org", "jieba"))
            elif token.flag == "ns" and len(word) >= 2 and (jieba.dt.FREQ.get(word) or 0) > 5:
                out.append(Found(token.start, token.end, word, "place", "jieba"))
            elif word in ORG_SUFFIXES and i > 0:
                span = self._org_ending_at(tokens, i)
                if span:
                    out.append(span)
        return out

    def _org_ending_at(self, tokens: list[Token], i: int) -> Found | None:
        """An organisation name ending with a suffix token (…研究所), led by a proper noun."""
        start_index = i
        j = i - 1
        while j >= 0 and i - j <= 4 and all(is_han(c) for c in tokens[j].word) and tokens[j].flag[:1] in "nj":
            start_index = j
            j -= 1
        while start_index < i and tokens[start_index].flag not in ("ns", "nt", "nz", "nr", "nrt", "j"):
            start_index += 1
        if start_index == i:
            return None
        start, end = tokens[start_index].start, tokens[i].end
        text = "".join(t.word for t in tokens[start_index:i + 1])
        return Found(start, end, text, "org", "rule")


def _doctrine_names(tokens: list[Token]) -> list[Found]:
    """邓小平理论 → 邓小平: jieba fuses a known person's name with the doctrine or place named after them."""
    out = []
    for token in tokens:
        for suffix in _DOCTRINE_SUFFIXES:
            head = token.word[: -len(suffix)]
            if token.word.endswith(suffix) and len(head) >= 2 and _dictionary_tag(head) in _PERSON_FLAGS:
                out.append(Found(token.start, token.start + len(head), head, "person", "rule"))
                break
    return out


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Longest first, earlier rules (separator names) winning ties."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: -(f.end - f.start)):
        if all(item.end <= c.start or item.start >= c.end for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)
