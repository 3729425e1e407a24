"""Stance on "is China catching up with / ahead of the US in AI?" (short sample texts)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.stance import AHEAD, BEHIND, MIXED, NONE, sentence_polarity
from sinoscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def stance_of(text: str, pipeline: Pipeline) -> str:
    return analyze_text(text, pipeline=pipeline).layers["stance"][0].china_ai


def test_sentence_polarity_reads_actor_and_negation():
    assert sentence_polarity("Chinese labs are closing the gap with American AI labs.") > 0
    assert sentence_polarity("The US still leads China in AI chips.") < 0
    assert sentence_polarity("China is not ahead of the US in AI.") < 0
    assert sentence_polarity("中国在人工智能领域仍然落后于美国。") < 0
    assert sentence_polarity("中国AI正在缩小与美国的差距。") > 0
    assert sentence_polarity("The chance that China overtakes the US in AI is less than 20%.") < 0
    assert sentence_polarity("The weather was pleasant.") == 0


def test_document_labels(pipeline):
    ahead = ("Sample headline: Chinese AI labs catch up\n\n"
             "Chinese open models now lead American rivals in downloads, a fictional survey found.")
    behind = ("样例标题：差距仍在扩大\n\n"
              "虚构研究员卢青表示，中国AI芯片仍然落后美国至少两代，中美差距正在扩大。")
    mixed = ("Sample headline on the AI race\n\n"
             "China leads the US in AI deployment in factories.\n\n"
             "But China lags far behind the US in advanced AI chips.")
    unrelated = "Sample headline\n\nThe village fair sold apples and pears this weekend."
    assert stance_of(ahead, pipeline) == AHEAD
    assert stance_of(behind, pipeline) == BEHIND
    assert stance_of(mixed, pipeline) == MIXED
    assert stance_of(unrelated, pipeline) == NONE


def test_by_speaker_and_evidence_offsets(pipeline):
    text = ("Sample headline\n\n"
            "Tova Lind, a fictional investor, said Chinese AI firms are catching up with US labs quickly.")
    doc = analyze_text(text, pipeline=pipeline)
    stance = doc.layers["stance"][0]
    assert stance.by_speaker and stance.by_speaker[0]["speaker"] == "Tova Lind"
    assert stance.by_speaker[0]["label"] == AHEAD
    for ev in stance.evidence:
        assert doc.text[ev["start"]:ev["end"]].strip() == ev["text"]


def test_a_contrast_is_evidence_on_both_sides():
    from sinoscope.claims.stance import sentence_evidence

    for_, against = sentence_evidence("样例：专家认为中国AI正在缩小差距，但原创研究依然落后于美国。")
    assert for_ > 0 and against > 0
    for_, against = sentence_evidence("Chinese labs are closing the gap, but original research still lags the US.")
    assert for_ > 0 and against > 0
    # "while" is as often about time as about contrast: the sentence makes one net point
    for_, against = sentence_evidence("China is closing the gap while the US builds more data centres.")
    assert for_ > 0 and against == 0


def test_a_dismissed_claim_counts_against_itself():
    assert sentence_polarity("样例：所谓‘中国AI领先全球’的炒作可以停一停了。") < 0
    assert sentence_polarity("The 'China leads in AI' narrative is overblown.") < 0
    assert sentence_polarity("Some call it 'China leads in AI', a phrase from the report.") > 0


def test_a_gap_that_narrows_with_words_in_between():
    assert sentence_polarity("Chinese chips are good enough now, and the gap with American hardware is narrowing.") > 0
    assert sentence_polarity("The gap between China and the US is not closing.") <= 0
