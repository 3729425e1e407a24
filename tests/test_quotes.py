"""Quotes: who said what (sample sentences written for these tests; people and outlets are fictional)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoscope.analyze import analyze_text
from sinoscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def quotes_of(text: str, pipeline: Pipeline) -> list:
    return analyze_text(text, pipeline=pipeline).layers["quotes"]


def test_english_direct_quote_split_around_cue(pipeline):
    text = ("Sample headline about chips\n\n"
            "“Our models are improving every quarter,” Marla Quint said. “The hard part is the data.”")
    quotes = quotes_of(text, pipeline)
    assert [q.text for q in quotes] == ["Our models are improving every quarter",
                                        "The hard part is the data"]
    assert all(q.speaker == "Marla Quint" and q.kind == "direct" for q in quotes)


def test_english_indirect_and_pronoun(pipeline):
    text = ("Sample headline about research\n\n"
            "Dorian Vell, the chief scientist at a fictional lab, said that the new benchmark was too easy. "
            "He added that larger models would not fix the problem.")
    quotes = quotes_of(text, pipeline)
    assert len(quotes) == 2
    assert quotes[0].text.startswith("the new benchmark was too easy")
    assert quotes[1].speaker == "Dorian Vell" and quotes[1].speaker_surface == "He"
    assert quotes[1].speaker_start is None  # resolved, not named there
    doc_text = text
    for q in quotes:
        assert doc_text[q.start:q.end] == q.text


def test_according_to_and_anonymous_source(pipeline):
    text = ("Sample headline about exports\n\n"
            "According to Helmut Brasch, the export rules will be tightened next spring. "
            "People familiar with the plan said the list of banned chips was still being drafted.")
    quotes = quotes_of(text, pipeline)
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["according to"].speaker == "Helmut Brasch"
    assert "export rules will be tightened" in by_cue["according to"].text
    anonymous = by_cue["said"]
    assert anonymous.speaker is None and anonymous.speaker_surface.lower().startswith("people familiar")


def test_chinese_direct_continuation_and_indirect(pipeline):
    text = ("样例标题：虚构公司的新模型\n\n"
            "“我们的推理成本已经下降了一半，”龚澜指出。“下一步是降低训练成本。”\n\n"
            "她还表示，公司明年将开放更多接口。")
    quotes = quotes_of(text, pipeline)
    texts = [q.text for q in quotes]
    assert "我们的推理成本已经下降了一半" in texts and "下一步是降低训练成本" in texts
    assert all(q.speaker_surface in ("龚澜", "她") for q in quotes)
    indirect = next(q for q in quotes if q.kind == "indirect")
    assert indirect.speaker == "龚澜" and indirect.cue == "表示"
    assert indirect.text.startswith("公司明年将开放更多接口")


def test_chinese_role_noun_resolves_to_last_person(pipeline):
    text = ("样例标题：访谈\n\n"
            "在一次采访中，虚构实验室首席执行官欧阳默谈到了算力问题。\n\n"
            "这位资深研究者透露，团队的训练集群已经扩大到两倍。")
    quotes = quotes_of(text, pipeline)
    assert len(quotes) == 1
    assert quotes[0].speaker == "欧阳默" and quotes[0].speaker_surface == "这位资深研究者"


def test_bilingual_pair_gives_one_quote_with_both_texts(pipeline):
    text = ("Sample bilingual page\n\n"
            "“Open models will spread faster than anyone expects,” Ravi Tennant said at the sample forum.\n\n"
            "“开源模型的普及速度将超出所有人的预期，”拉维·坦南特在样例论坛上说。\n\n"
            "The sample forum drew hundreds of engineers from many countries.\n\n"
            "该样例论坛吸引了来自许多国家的数百名工程师。")
    doc = analyze_text(text, pipeline=pipeline)
    quotes = doc.layers["quotes"]
    if not doc.pairs:
        pytest.skip("the bilingual stage did not pair these paragraphs")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "Open models will spread faster than anyone expects"
    assert q.text_zh == "开源模型的普及速度将超出所有人的预期"
    assert doc.text[q.translation_start:q.translation_end] == q.text_zh


def test_scare_quotes_are_not_direct_quotes(pipeline):
    text = ("Sample headline\n\n"
            "Ines Morrow argues that the so-called “compute gap” is overstated by most commentators.")
    quotes = quotes_of(text, pipeline)
    assert len(quotes) == 1 and quotes[0].kind == "indirect"
    assert "compute gap" in quotes[0].text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab 他说表示：，。“”\"' said he she according to X Y.\n")), max_size=200))
def test_nothing_raises_and_offsets_hold(pipeline, text):
    if not text.strip():
        return
    doc = analyze_text(text, pipeline=pipeline)
    for q in doc.layers.get("quotes", []):
        assert doc.text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(doc.text)
    for f in doc.layers.get("forecasts", []):
        assert doc.text[f.start:f.end] == f.text
    assert len(doc.layers.get("stance", [])) == 1
