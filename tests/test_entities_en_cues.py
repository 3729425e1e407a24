"""Types of English names from the words around them: pronouns, pairs, regnal numbers, titles, places and
peoples, events, bodies named after their noun (sample sentences: fictional people, bodies and places)."""

from __future__ import annotations

from sinoscope.entities.candidates import Found
from sinoscope.entities.context_en import apply_context
from sinoscope.entities.discover_en import clean_entity, list_parts, looks_like_person
from sinoscope.entities.orgs_en import shortened_orgs
from sinoscope.entities.person_cues_en import refine_person_types


def _found(text: str, *names: tuple[str, str]) -> list[Found]:
    """The model's names (text, type) at their first place in `text`, in order."""
    out = []
    for name, kind in names:
        start = text.index(name)
        out.append(Found(start, start + len(name), name, kind, "spacy"))
    return sorted(out, key=lambda f: f.start)


def _types(found: list[Found], text: str) -> dict[str, str]:
    for f in found:
        assert text[f.start:f.end] == f.text
    return {f.text: f.type for f in found}


def _refined(text: str, *names: tuple[str, str]) -> dict[str, str]:
    return _types(refine_person_types(text, _found(text, *names)), text)


def _in_context(text: str, *names: tuple[str, str]) -> dict[str, str]:
    return _types(apply_context(text, _found(text, *names)), text)


def test_a_pronoun_after_a_name_that_acts_makes_it_a_person() -> None:
    text = "Failing health slowed Marrowby's output in the last years of his life."
    assert _refined(text, ("Marrowby", "org")) == {"Marrowby": "person"}
    text = "Quennell preferred to work with the best designers of his day."
    assert _refined(text, ("Quennell", "org")) == {"Quennell": "person"}
    # "her" counts only for a name opening its sentence (elsewhere it is as often an object)
    text = "Tavish moved the family to Dunmore in 1991 after a new deal for her songs."
    assert _refined(text, ("Tavish", "org"), ("Dunmore", "place"))["Tavish"] == "person"


def test_no_person_from_someone_elses_pronoun() -> None:
    text = "At Kestrel, he said, the engineers work at night."
    assert _refined(text, ("Kestrel", "org")) == {"Kestrel": "org"}
    text = "The two-time bronze Olympic medallist used his appearance to speak."
    assert _refined(text, ("Olympic", "org")) == {"Olympic": "org"}
    text = "Brannock said Kestrel had hired him."
    assert _refined(text, ("Brannock", "person"), ("Kestrel", "org"))["Kestrel"] == "org"
    text = "Kestrel lost its licence and he resigned."
    assert _refined(text, ("Kestrel", "org")) == {"Kestrel": "org"}


def test_a_name_paired_with_a_person_is_a_person() -> None:
    text = "There are more differences between Sollan and Varga than similarities."
    assert _refined(text, ("Sollan", "org"), ("Varga", "person"))["Sollan"] == "person"
    text = "The plant makes Tandem's Auris and Vensa models."
    assert _refined(text, ("Auris", "person"), ("Vensa", "org"))["Vensa"] == "org"


def test_a_regnal_number_belongs_to_the_name() -> None:
    text = "In his haste to take the fort, Ramoset II made a grave error."
    assert _refined(text) == {"Ramoset II": "person"}
    text = "Only a few earldoms existed under Harald I and these were symbolic."
    assert _refined(text, ("Harald", "person")) == {"Harald I": "person"}
    text = "the Macedonian king Amyntor I accepted the terms"
    assert _refined(text, ("Amyntor", "org")) == {"Amyntor I": "person"}
    assert _refined("Rationing ended after World War II and Phase III began.") == {}
    assert _refined("When Harald I think of home, I smile.", ("Harald", "person")) == {"Harald": "person"}


def test_a_one_word_person_after_the_is_a_place_unless_it_qualifies_a_persons_thing() -> None:
    text = "Rivers flow from the hills, such as the Varne, the Oste and the Lune."
    found = _refined(text, ("Varne", "person"), ("Oste", "person"))
    assert found == {"Varne": "place", "Oste": "place"}
    text = "provoked by the Brannock government's neglect"
    assert _refined(text, ("Brannock", "person")) == {"Brannock": "person"}


def test_titles_before_a_name_are_cut_and_make_a_person() -> None:
    text = "In the 1350s, King Gongrin was free at last to reform the government."
    assert _in_context(text, ("King Gongrin", "org")) == {"King Gongrin": "person"}
    text = "I was asked whether I knew the writer Günter de Vries and his books."
    assert _in_context(text) == {"Günter de Vries": "person"}
    text = "His achievements as Lord Protector are worth celebrating."
    assert "Protector" not in {k for k, v in _in_context(text).items() if v == "person"}
    text = "He lives on Prince Edward Island."
    assert _in_context(text, ("Prince Edward Island", "place")) == {"Prince Edward Island": "place"}


def test_places_by_the_words_around_them() -> None:
    text = "Tina Varga was born in 1927 in Castelvetro Alto; she grew up there."
    assert _in_context(text, ("Tina Varga", "person"), ("Castelvetro Alto", "person"))["Castelvetro Alto"] == "place"
    assert _in_context("The Eibstadt cloister was disbanded.", ("Eibstadt", "org")) == {"Eibstadt": "place"}
    assert _in_context("Wright grew up in Welling, Somerby.", ("Welling", "org"), ("Somerby", "place")) == {
        "Welling": "place", "Somerby": "place"}
    assert _in_context("London's landmark Southend Tower opened.", ("Southend", "org")) == {"Southend": "place"}
    assert _in_context("Examples are the Lorne Islands in the Pacific.", ("Lorne Islands", "org")) == {
        "Lorne Islands": "place"}
    # a head that does not end the name is no place: a show on a station
    text = "Speaking on the first Radio 4 Desert Island Discs, she laughed."
    assert _in_context(text, ("Radio 4", "org"))["Radio 4"] == "org"
    # "Hill" alone is a paper as often as a place
    assert _in_context("according to The Hill", ("Hill", "org")) == {"Hill": "org"}


def test_peoples_events_and_portfolios_are_no_bodies() -> None:
    assert _in_context("First one of the Ostrani women started crying.", ("Ostrani", "org")) == {}
    assert _in_context("In 1842 it agreed to the Treaty of Vellmark.", ("Treaty of Vellmark", "org")) == {}
    assert _in_context("the best-known person from the Copper Age is", ("Copper Age", "org")) == {}
    assert _in_context("Varga won another Honorary Academy Award.", ("Honorary Academy", "org")) == {}
    assert _in_context("the former Minister for Justice accused him", ("Justice", "org")) == {}
    assert _in_context("During the War of the First Coalition, he rose.", ("First Coalition", "org")) == {}
    assert _in_context("Dunmore will host the Harrow Lights Festival.", ("Harrow Lights Festival", "product")) == {}


def test_bodies_named_after_their_noun_and_acronyms_in_brackets() -> None:
    text = "In June, the Icelandic band Corvin Ash released a video."
    assert _in_context(text, ("Corvin Ash", "person")) == {"Corvin Ash": "org"}
    text = "The course has been certified by UK spy agency VGHQ."
    assert _in_context(text)["VGHQ"] == "org"
    text = "the company Brannock founded in 2010"
    assert _in_context(text, ("Brannock", "person")) == {"Brannock": "person"}
    text = "Adnan Vell, head of the Tidal Energy Agency (TEA), is certain."
    found = apply_context(text, _found(text, ("Adnan Vell", "person")))
    assert [(f.text, f.type) for f in found if f.type == "org"] == [("Tidal Energy Agency", "org"), ("TEA", "org")]
    text = "someone in Sonbeck Australia was like, hey"
    assert _in_context(text, ("Sonbeck", "org"), ("Australia", "place")) == {"Sonbeck Australia": "org"}


def test_lists_the_model_read_as_one_name_are_split() -> None:
    text = "Tesvo, Ubran and Snapfly"
    parts = list_parts(text, 10, "org")
    assert [p for _, p in parts] == ["Tesvo", "Ubran", "Snapfly"]
    assert all(text[s - 10:s - 10 + len(p)] == p for s, p in parts)
    assert list_parts("Marks and Spender", 0, "org") == [(0, "Marks and Spender")]
    assert looks_like_person("Shawn Mendel") and looks_like_person("Irène Joliot-Carré")


def test_two_capitals_name_a_firm_but_not_a_generic_word() -> None:
    assert clean_entity("VW", 0, "org") == (0, 2, "VW")
    assert clean_entity("AI", 0, "org") is None
    assert clean_entity("GDP", 0, "org") is None
    assert clean_entity("Islam", 0, "org") is None


def test_a_bare_head_joins_the_pages_one_full_name() -> None:
    assert shortened_orgs(["Assembly Commission", "Commission"]) == {"Commission": "Assembly Commission"}
    assert shortened_orgs(["Assembly Commission", "Trade Commission", "Commission"]) == {}
