"""Property tests: every span the anatomy reports points at its own text in Doc.text, and no
input, however odd, makes analysis raise or fail with an internal error."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoscope.analyze import AnalysisError, analyze
from sinoscope.anatomy.dates import find_dates
from sinoscope.doc import Doc
from sinoscope.pipeline import Pipeline
from sinoscope.sources.inputs import RawInput

ANATOMY = ["segment", "language", "furniture", "header", "sections", "bilingual"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def anatomy() -> Pipeline:
    return Pipeline(ANATOMY)


@functools.cache
def full() -> Pipeline:
    return Pipeline()


# Characters of the pages we meet, plus the white space and line breaks that trip offset arithmetic.
ODD_SPACE = [" ", "\t", "\r", "\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028", "\u2029", "\x0b", "\x0c",
             "\x85"]
LINE_BREAKS = ["\n", "\n\n", "\r\n", " \n", "\u3000\n", "\u2028", "\r"]
free_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),  # anything encodable
        st.sampled_from(ODD_SPACE),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),  # CJK extension A
        st.sampled_from("輝達台積電記憶體說們這個為與從「」『』,。!?:;、()【】“”‘’…—·•"),
    ),
    max_size=400,
)
# Lines shaped like page parts, so the header, comment, duplicate and rail rules actually fire.
page_line = st.sampled_from([
    "AI · 2026-02-05", "2025-12-09 某译者 4946", "January 19, 2026", "2025年12月9日 10:30 来源:某某日报",
    "Compute Tracker from Hangzhou (杭州算力观察者)", "By Jane Roe and Li Ming", "记者 陈一鸣", "译者:小王",
    "Chips Are the Bottleneck, Engineers Say", "芯片才是瓶颈,工程师们说", "正文翻译", "评论翻译", "题图。", "500",
    "评论 (3)", "Comments", "相关文章", "Related stories", "喜欢这篇文章?", "订阅我们的周报", "很赞 12", "收藏",
    "www.example.com", "参考文章 https://example.cn/a/1.html", "站务", "© 2026 Example Daily",
    "Reader One (读者一号)", "Quiet Observer",
    "Chinese labs are moving more of their training onto domestic accelerators, engineers said on Monday.",
    "中国实验室正把更多训练任务转移到国产加速卡上,工程师们周一表示。",
    "“拿不到最好的芯片,就只能把每一个比特都榨干,”她指出。",
    "He added that the chance was less than 20% within three to five years.",
    "  indented line with trailing spaces   ", "\u3000\u3000全角空格缩进的段落。\u3000",
])
structured_page = st.lists(
    st.tuples(st.one_of(page_line, page_line, free_text), st.sampled_from(LINE_BREAKS)),
    max_size=30,
).map(lambda parts: "".join(line + sep for line, sep in parts))


def check_spans(doc: Doc) -> None:
    text = doc.text
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
        assert text[p.start:p.end] == p.text
        assert len(p.norm or p.text) == len(p.text)
    for comment in doc.comments:
        assert comment.paragraphs and all(0 <= i < len(doc.paragraphs) for i in comment.paragraphs)
        assert all(doc.paragraphs[i].section == "comment" for i in comment.paragraphs)
        if comment.author_span:
            start, end = comment.author_span
            assert comment.author and comment.author in text[start:end]
    for pair in doc.pairs:
        en, zh = doc.paragraphs[pair.en], doc.paragraphs[pair.zh]
        assert (en.lang, zh.lang) == ("en", "zh")
    for block in doc.removed:
        assert 0 <= block.start <= block.end <= len(text)
        if block.heading:
            assert text[block.start:block.end].startswith(block.heading)
        if block.repeats:
            assert 0 <= block.repeats[0] < block.repeats[1] <= len(text)
    spans = doc.meta_spans
    for key in ("title", "title_alt", "translator"):
        if key in spans:
            assert text[spans[key].start:spans[key].end] == doc.meta[key]
    if "published" in spans:
        found = find_dates(text[spans["published"].start:spans["published"].end])
        assert [f.iso for f in found] == [doc.meta["published"]]
    if "author" in spans:
        assert text[spans["author"].start:spans["author"].end] == doc.meta["authors"][0]


@pytest.mark.parametrize("header", ["By Jane Roe\n2025-12-09 Somebody Else",
                                    "Reader One (读者一号)\n2025-12-09 某人 4946"])
def test_author_span_names_the_reported_author(header: str) -> None:
    body = "This body paragraph is long enough to end the header and reads like a full sentence of text."
    doc = analyse(f"A title\n{header}\n\n{body}\n".encode(), "byline.txt", anatomy())
    span = doc.meta_spans["author"]
    assert doc.text[span.start:span.end] == doc.meta["authors"][0]


def test_repeated_block_span_is_ordered() -> None:
    first = "First paragraph of the article, long enough to be a proper sentence of running text here."
    second = "Second paragraph of the article, also long enough to be a proper sentence of running text."
    doc = analyse(f"A title\n\n{first}\n{second}\n\n{second}\n{first}\n".encode(), "reorder.txt", anatomy())
    (block,) = doc.removed
    start, end = block.repeats
    assert start < end and first in doc.text[start:end] and second in doc.text[start:end]


def analyse(data: bytes, name: str, pipeline: Pipeline) -> Doc | AnalysisError:
    result = analyze(RawInput(name, data), pipeline)
    assert isinstance(result, (Doc, AnalysisError))
    if isinstance(result, AnalysisError):
        assert result.kind != "internal", result.message  # a clean refusal, never a bug
    return result


@SETTINGS
@given(free_text)
def test_spans_of_arbitrary_text_point_at_their_text(text: str) -> None:
    result = analyse(text.encode("utf-8"), "free.txt", anatomy())
    if isinstance(result, Doc):
        check_spans(result)
    else:
        assert result.kind in ("empty", "binary"), result


@SETTINGS
@given(structured_page)
def test_spans_of_page_shaped_text_point_at_their_text(text: str) -> None:
    result = analyse(text.encode("utf-8"), "page.txt", anatomy())
    if isinstance(result, Doc):
        check_spans(result)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["raw.txt", "raw.html", "raw.txt.gz"]))
def test_arbitrary_bytes_never_raise(data: bytes, name: str) -> None:
    result = analyse(data, name, full())
    if isinstance(result, Doc):
        check_spans(result)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>x()</script>", "<a href='#'>",
                                 "</a>", "<table><tr><td>", "<!--", "-->", "<br>", "&amp;", "&#xd800;", "<html>",
                                 "<body>", "<title>T</title>", "中文内容,足够长的一句话。", "Some English text here."]),
                max_size=60).map("".join))
def test_arbitrary_markup_never_raises(html: str) -> None:
    result = analyse(html.encode("utf-8"), "markup.html", full())
    if isinstance(result, Doc):
        check_spans(result)
