"""The pipeline runs named components in order, each adding a layer to one Doc."""

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.doc import Doc
from sinoscope.pipeline import DEFAULT_PIPELINE, Pipeline, available, component


def test_anatomy_stages_are_registered_in_reading_order():
    names = available()
    anatomy = ["segment", "language", "furniture", "header", "sections", "bilingual"]
    assert [n for n in names if n in anatomy] == anatomy
    assert all(n in DEFAULT_PIPELINE for n in anatomy)


def test_unknown_component_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown pipeline component"):
        Pipeline(["segment", "no-such-stage"])


def test_a_registered_component_adds_its_layer():
    @component("test_shout")
    def make():
        def shout(doc: Doc) -> None:
            doc.layers["shouts"] = [p.text.upper() for p in doc.body]

        return shout

    doc = Pipeline(["segment", "language", "test_shout"])(Doc(source="t", text="Hello there.\n\n你好。"))
    assert doc.layers["shouts"] == ["HELLO THERE.", "你好。"]


def test_exclude_skips_a_stage():
    pipeline = Pipeline(["segment", "language", "bilingual"], exclude=["bilingual"])
    assert pipeline.names == ["segment", "language"]


def test_factory_runs_once_per_pipeline():
    calls = []

    @component("test_counted")
    def make():
        calls.append(1)
        return lambda doc: None

    pipeline = Pipeline(["segment", "test_counted"])
    for text in ("a", "b", "c"):
        pipeline(Doc(source="t", text=text))
    assert calls == [1]


def test_analyze_text_gives_body_paragraphs_with_offsets():
    text = "Sample Headline For A Test\n\nThe first paragraph of a sample article is long enough to be body text here."
    doc = analyze_text(text)
    assert doc.meta["title"] == "Sample Headline For A Test"
    assert [p.text for p in doc.body] == [text.split("\n\n")[1]]
    assert all(doc.text[p.start : p.end] == p.text for p in doc.paragraphs)


def test_appended_paragraphs_keep_their_offsets():
    doc = Doc(source="t", text="")
    first = doc.append_paragraph("样例标题", section="title")
    second = doc.append_paragraph("Body text of a sample page.", lang="en")
    assert doc.text == "样例标题\n\nBody text of a sample page."
    assert [(doc.paragraphs[i].section, doc.text[doc.paragraphs[i].start:doc.paragraphs[i].end])
            for i in (first, second)] == [("title", "样例标题"), ("body", "Body text of a sample page.")]
