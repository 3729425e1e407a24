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


def test_actors_come_from_the_knowledge_base():
    from sinoscope.claims.stance_actors import CN, US, find_actors

    assert [a.side for a in find_actors("样例：千问在测试中超过GPT。")] == [CN, US]
    assert [a.side for a in find_actors("Kimi K2 beat Claude in a sample contest.")] == [CN, US]
    assert sentence_polarity("Sample: DeepSeek-R1 beat OpenAI's o1 on a fictional maths test.") > 0
    assert sentence_polarity("Sample: Apple caught up with Amazon in a fictional gadget ranking.") == 0


def test_the_topic_gate_keeps_other_domains_out(pipeline):
    for text in ("样例\n\n虚构统计局称，我国城乡居民收入差距连续缩小。",
                 "Sample\n\nCanada and the EU signed a trade deal that gives their farmers an edge over US rivals.",
                 "Sample\n\nThe Chinese team caught up in the final minutes and beat the American team.",
                 "Sample\n\nAI stocks in New York rose faster than shares in Shanghai, a fictional fund said."):
        assert stance_of(text, pipeline) == NONE


def test_constructions_read_like_an_analyst():
    assert sentence_polarity("Sample: Chinese models are only a few months behind the best US models.") > 0
    assert sentence_polarity("样例：中美大模型的差距仅三个月左右。") > 0
    assert sentence_polarity("Sample: Cheaper power would help China catch up with the US in AI.") < 0
    assert sentence_polarity("样例：中国企业正竭力追赶美国AI实验室。") < 0
    assert sentence_polarity("Sample: The US still leads in AI chips, but Chinese share of the market is rising.") > 0
    assert sentence_polarity("样例：美国对中国的AI领先优势正在缩小。") > 0


def test_a_speakers_we_is_the_speakers_country(pipeline):
    text = ("Sample headline\n\nDana Whitfield, a fictional US commerce official, said: "
            "“Our lead over China in AI chips is shrinking.”")
    doc = analyze_text(text, pipeline=pipeline)
    stance = doc.layers["stance"][0]
    assert stance.china_ai == AHEAD
    assert stance.evidence[0]["holder"] == "Dana Whitfield"
    assert stance.by_speaker[0]["label"] == AHEAD
