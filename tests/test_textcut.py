"""Text cut for display (lead sentences, search snippets) ends at a word boundary, never inside a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoscope.store.search import snippet
from sinoscope.textcut import shorten, window
from sinoscope.web.queries import lead_sentence


def test_shorten_keeps_whole_words_and_cuts_chinese_anywhere() -> None:
    text = "Baidu on Tuesday opened an inference computing cluster in Wuhan built on domestic chips"
    assert shorten(text, 30) == "Baidu on Tuesday opened an…"
    assert shorten(text, 200) == text
    assert shorten("百度周二在武汉启用一座推理计算集群", 6) == "百度周二在武…"
    assert shorten("x" * 100, 10) == "x" * 10 + "…"  # one endless "word" is still cut
    sentence = "Alibaba cut the price of its largest hosted model by 30% on Wednesday, the third cut " * 4
    assert lead_sentence(sentence, 50).removesuffix("…").split()[-1] in sentence.split()


def test_snippets_start_and_end_between_words() -> None:
    body = " ".join(f"word{n}" for n in range(200))
    piece = snippet(body, ["word100"], 40)
    inner = piece.strip("…").split()
    assert "word100" in inner and all(w in body.split() for w in inner)
    assert snippet("短文本里的芯片", ["芯片"]) == "短文本里的芯片"


_WORDS = st.lists(st.text(alphabet="abcd中文,", min_size=1, max_size=12), max_size=12).map(" ".join)


@given(_WORDS, st.integers(0, 90), st.integers(0, 90))
def test_window_never_splits_a_latin_word_of_ordinary_length(text: str, start: int, end: int) -> None:
    lo, hi = window(text, start, end)
    for at in (lo, hi):
        if 0 < at < len(text):
            assert not (text[at - 1].isascii() and text[at - 1].isalpha() and text[at].isascii()
                        and text[at].isalpha())
