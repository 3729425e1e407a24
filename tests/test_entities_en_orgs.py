"""English organisations by their head words, short forms, given names and context cues (sample text:
fictional bodies, places and people)."""

from __future__ import annotations

import pytest

from sinoscope.entities.context_en import retype_hints
from sinoscope.entities.discover_en import looks_like_person
from sinoscope.entities.orgs_en import org_phrases, shortened_orgs
from sinoscope.entities.stage import EntityStage, page_of


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def _entities(stage: EntityStage, *texts: str):
    doc = page_of(list(texts))
    stage(doc)
    for m in doc.layers["mentions"]:
        assert doc.text[m.start:m.end] == m.text
    return doc.layers["entities"]


def _phrases(text: str) -> list[str]:
    found = org_phrases(text)
    for f in found:
        assert text[f.start:f.end] == f.text
    return [f.text for f in found]


def test_a_run_ending_in_a_head_word_is_one_organisation() -> None:
    assert _phrases("Sample: the North Varrow Parish Coroner's Office released a report.") == [
        "North Varrow Parish Coroner's Office"]
    assert _phrases("a fellow at Tillbury Medical School and the Aske and Women's Hospital, said") == [
        "Tillbury Medical School", "Aske and Women's Hospital"]
    assert _phrases("a plan to create a Fenwick Commission on Tidal Energy has stalled") == [
        "Fenwick Commission on Tidal Energy"]
    assert _phrases("Dr Pell of the University of Marrowby said") == ["University of Marrowby"]


def test_owners_days_and_lone_heads_stay_out() -> None:
    assert _phrases("Sample: Caldera's Agency for Coastal Records said") == ["Agency for Coastal Records"]
    assert _phrases("Jorrit Vale's Harbour Party is to consider it") == ["Harbour Party"]
    assert _phrases("The Brenmoor Security Council on Thursday voted") == ["Brenmoor Security Council"]
    assert _phrases("Assembly Members met. Police said. The Office closed.") == []


def test_a_short_form_joins_the_one_full_name_it_shortens() -> None:
    names = ["Senate Tidal Committee", "Tidal Committee", "Harbour Trust for Varrow", "Harbour Trust", "Varrow"]
    assert shortened_orgs(names) == {"Tidal Committee": "Senate Tidal Committee",
                                     "Harbour Trust": "Harbour Trust for Varrow"}
    assert shortened_orgs(["North Tidal Committee", "South Tidal Committee", "Tidal Committee"]) == {}


def test_given_names_and_context_cues() -> None:
    assert looks_like_person("Kirsty Pellowe") and looks_like_person("Christine Arden Vell")
    assert not looks_like_person("Martin Research Institute") and not looks_like_person("Pellowe Group")
    hints = {(h.text, h.type) for h in retype_hints(
        "Sample: Corvane, whose mill closed, lives near Tarnwick, north of Ellsby. She sent Chatterly messages.")}
    assert {("Corvane", "person"), ("Tarnwick", "place"), ("Ellsby", "place"), ("Chatterly", "product")} <= hints
    sample = "Sample: Hallam's widow spoke. Ostrova wrote back. The Ledger wrote."
    hints = {(h.text, h.type) for h in retype_hints(sample)}
    assert {("Hallam", "person"), ("Ostrova", "person")} <= hints and not any("Ledger" in t for t, _ in hints)


def test_stage_keeps_a_body_named_after_a_known_one_and_joins_its_short_form(stage: EntityStage) -> None:
    entities = _entities(stage, "Sample: the Senate Tidal Committee met on Tuesday in a fictional hearing.",
                         "Sample: The Tidal Committee will meet again, a fictional aide said.")
    orgs = [e for e in entities if e.contract_type == "org"]
    assert [e.name for e in orgs] == ["Senate Tidal Committee"], orgs
    assert len(orgs[0].mentions) == 2 and not orgs[0].known


def test_stage_types_a_given_name_run_as_a_person(stage: EntityStage) -> None:
    entities = _entities(stage, "Sample: The regular presenter of the fictional show, Kirsty Pellowe, is away.")
    assert [(e.name, e.contract_type) for e in entities if e.name == "Kirsty Pellowe"] == [
        ("Kirsty Pellowe", "person")]


def test_a_known_surname_ending_another_full_name_is_not_the_known_person(stage: EntityStage) -> None:
    entities = _entities(stage, "Sample: Megan Trump, a fictional baker from Ohio, opened a shop on Monday.")
    people = [e for e in entities if e.contract_type == "person"]
    assert [(e.name, e.known) for e in people] == [("Megan Trump", False)], people


def test_a_title_case_headline_run_is_cut_to_the_name_the_body_gives(stage: EntityStage) -> None:
    entities = _entities(stage, "Orwen Tallis Embarked on a Fictional Tour, Wearing a Sample Hat",
                         "Sample: Orwen Tallis, a fictional singer, said the tour would go on.")
    assert "Orwen Tallis Embarked" not in {e.name for e in entities}
    assert [e.name for e in entities if e.contract_type == "person"] == ["Orwen Tallis"]


def test_headline_trim_takes_the_body_name_and_its_type() -> None:
    from sinoscope.entities.candidates import Found
    from sinoscope.entities.discover_en import _trim_headline_runs, title_case

    head, body = "Orwen Tallis Embarked on a Fictional Tour, Wearing a Sample Hat", "Orwen Tallis spoke."
    assert title_case(head) and not title_case(body)
    found = [[Found(0, 21, "Orwen Tallis Embarked", "org", "spacy")], [Found(0, 12, "Orwen Tallis", "person", "spacy")]]
    trimmed = _trim_headline_runs([head, body], found)
    assert trimmed[0] == [Found(0, 12, "Orwen Tallis", "person", "spacy")] and trimmed[1] == found[1]
