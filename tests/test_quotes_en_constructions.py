"""English attribution constructions (sample sentences written for these tests; people and outlets are fictional)."""

from __future__ import annotations

import contextlib

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.quotes_en import cue_candidate
from sinoscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    p = Pipeline()
    # load the models outside any test's time budget (a busy machine can take longer than the budget)
    with contextlib.suppress(ValueError):
        analyze_text("Warm-up headline\n\nDana Vell said the models load once.", pipeline=p)
    return p


def quotes_of(body: str, pipeline: Pipeline) -> list:
    text = "Sample headline about the port strike\n\n" + body
    quotes = analyze_text(text, pipeline=pipeline).layers["quotes"]
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def by_text(quotes: list, start: str):
    return next((q for q in quotes if q.text.startswith(start)), None)


def test_according_to_opening_a_sentence_the_parse_hung_the_clause_on(pipeline):
    quotes = quotes_of("According to talk radio host Brannock Pell, the move reeks of fear and desperation.", pipeline)
    q = by_text(quotes, "the move reeks of fear")
    assert q is not None and q.speaker == "Brannock Pell"
    assert "Pell" not in q.text


def test_paragraph_ending_in_a_colon_cue_attributes_the_next_paragraph(pipeline):
    body = ("The dockers rejected the offer on Monday.\n\n"
            "Marisol Teague added:\n\n"
            "The offer does nothing for the night shifts, and the union will not sign it.")
    q = by_text(quotes_of(body, pipeline), "The offer does nothing")
    assert q is not None and q.speaker == "Marisol Teague"
    assert q.text.endswith("will not sign it")


def test_saying_after_a_preposition_takes_the_subject_of_the_main_verb(pipeline):
    body = "Dorrit Vance appeared on Tern Radio and began by saying the strike would end within a week."
    q = by_text(quotes_of(body, pipeline), "the strike would end")
    assert q is not None and q.speaker == "Dorrit Vance"


def test_claim_noun_with_its_owner(pipeline):
    body = ("Dorrit Vance spoke on Friday. Reporters checked Vance's claim that the harbour had lost "
            "two thousand jobs this year.")
    q = by_text(quotes_of(body, pipeline), "the harbour had lost")
    assert q is not None and q.speaker == "Dorrit Vance"


def test_a_claim_noun_without_an_owner_or_with_a_relative_clause_is_no_quote(pipeline):
    quotes = quotes_of("The claims that the minister made were checked by the harbour board.", pipeline)
    assert not by_text(quotes, "the minister made")


def test_a_verb_of_manner_after_a_quotation_attributes_it(pipeline):
    body = ("“Why is this not proof that the port is too big to run?” Senator Olwen Marsh demanded. "
            "The hearing went on.")
    q = by_text(quotes_of(body, pipeline), "Why is this not proof")
    assert q is not None and q.speaker == "Olwen Marsh" and q.kind == "direct"


def test_a_relative_clause_is_no_trailing_attribution(pipeline):
    body = "The firm took over the debts of Corvane Shipping, another operator that had declared bankruptcy."
    assert not quotes_of(body, pipeline)


def test_a_clause_inside_a_sentence_is_no_trailing_attribution(pipeline):
    body = "But the harbour police also fear that sweeping arrests could add fuel to the dispute."
    quotes = quotes_of(body, pipeline)
    assert not by_text(quotes, "But the harbour police")
    assert not by_text(quotes, "fuel to the dispute")


def test_a_long_attribution_between_two_quotations_joins_them(pipeline):
    body = ('"The harbour is a cynical place," said Tobin Ash, a crane driver in Lask, who trained Mr. Dole. '
            '"But when you see that kind of courage, people lean forward."')
    quotes = quotes_of(body, pipeline)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The harbour is a cynical place") and quotes[0].text.endswith("lean forward")
    assert quotes[0].speaker == "Tobin Ash"


def test_a_reported_clause_goes_on_after_but_that(pipeline):
    body = "All three agreed that the plan would raise fees but that it would add layers of paperwork."
    q = by_text(quotes_of(body, pipeline), "the plan would raise fees")
    assert q is not None and q.text.endswith("layers of paperwork")


def test_cue_candidate_sees_the_new_cues():
    assert cue_candidate("Marisol Teague added:")
    assert cue_candidate("Reporters checked Vance's claim that the harbour had lost jobs.")
    assert cue_candidate("“Why?” Senator Olwen Marsh demanded.")
    assert cue_candidate("According to Brannock Pell, the move failed.")
    assert not cue_candidate("The dockers went home early on Monday.")


def test_an_institution_that_suggests_is_a_speaker_not_evidence(pipeline):
    body = ("The Tern Port Authority wrote to the council on Monday. In the memo, the authority suggested that "
            "the pilot scheme should end next year.")
    assert by_text(quotes_of(body, pipeline), "the pilot scheme should end")


def test_a_participle_or_time_clause_before_the_cue_is_not_what_was_said(pipeline):
    quotes = quotes_of("Speaking to students at Tern University this week, Alda Vorn responded sharply. "
                       "But when the council cut funding two years later, Vorn said nothing.", pipeline)
    assert not by_text(quotes, "Speaking to students")
    assert not by_text(quotes, "But when the council")


def test_a_cue_in_the_middle_after_a_time_clause_still_takes_both_sides(pipeline):
    q = by_text(quotes_of("When the board cut funding, Vell said, the program died.", pipeline), "When")
    assert q is not None and q.text.endswith("the program died")


def test_reported_speech_that_runs_on_into_the_next_sentence_is_one_quote(pipeline):
    body = ("Mr. Vell said the harbour would make visitors face hard truths. But it would also show the city at "
            "its best. The ferry left at noon.")
    q = by_text(quotes_of(body, pipeline), "the harbour would make visitors")
    assert q is not None and q.text.endswith("the city at its best")
    assert "ferry" not in q.text
