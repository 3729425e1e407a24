"""Inputs that used to crash or fail a document: a number shape, English over spaCy's length limit,
UTF-16 without a BOM, a NUL past the binary sniffer. Each now gives a result (or a clear error)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import AnalysisError, analyze
from sinoscope.doc import Doc
from sinoscope.nlp.english import english_model, pipe_chunked, split_for_parser
from sinoscope.pipeline import Pipeline
from sinoscope.sources.inputs import RawInput

ANATOMY = "segment,language,furniture,header,sections,bilingual"
SAMPLE = ("Sample Ledger (a fictional outlet)\n\nThe invented analyst Lan Qiao said on Tuesday that the made-up "
          "firm Harbour Chips will ship 40,000 accelerators next year, up 12% from 2030.\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_text(codec: str) -> None:
    text = SAMPLE + "国产加速卡的软件生态仍在追赶。\n"
    doc = analyze(RawInput("windows.txt", text.encode(codec)), Pipeline(ANATOMY.split(",")))
    assert isinstance(doc, Doc), doc
    assert doc.text == text and doc.encoding == codec


def test_binary_with_nul_bytes_is_still_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    result = analyze(RawInput("image.txt", png), Pipeline(ANATOMY.split(",")))
    assert isinstance(result, AnalysisError) and result.kind == "binary"


def test_a_nul_past_the_sniffer_is_marked_in_place() -> None:
    data = (SAMPLE * 60 + "a stray \x00 byte\n").encode()
    doc = analyze(RawInput("late-nul.txt", data), Pipeline(ANATOMY.split(",")))
    assert isinstance(doc, Doc)
    assert "\x00" not in doc.text and len(doc.text) == len(data.decode()) and "stray \ufffd byte" in doc.text


def test_a_number_shape_never_loses_the_document() -> None:
    """Finding 4 (`.07.11` raised ValueError in claims/numbers.py); fixed by the figures work."""
    text = SAMPLE + "Version .07.11 and build 1,2.3,4.5.6 shipped; .1.2 of the chips were tested.\n"
    doc = analyze(RawInput("shapes.txt", text.encode()), Pipeline([*ANATOMY.split(","), "figures"]))
    assert isinstance(doc, Doc), doc


def test_split_for_parser_joins_back_and_respects_the_limit() -> None:
    text = " ".join(f"Sentence {i} of a sample page says the fictional Lan Qiao met the press." for i in range(500))
    pieces = split_for_parser(text, 2_000)
    assert "".join(pieces) == text and len(pieces) > 10
    assert all(len(p) <= 2_000 for p in pieces) and all(p.endswith(" ") for p in pieces[:-1])
    assert "".join(split_for_parser("x" * 5_000, 1_000)) == "x" * 5_000  # no break at all: hard cuts


def test_a_text_over_the_parsers_limit_is_parsed_in_pieces() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 1_000  # stands in for spaCy's 1,000,000: a text over it raises E088
    text = "The invented analyst Lan Qiao met reporters in Shenzhen. " * 100
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (parsed,) = pipe_chunked(nlp, [text])
    assert parsed.text == text


def test_chunked_parses_keep_entities_and_offsets() -> None:
    text = " ".join(f"Report {i}: Jensen Huang met Lan Qiao in Shenzhen on Tuesday." for i in range(200))
    whole = english_model()(text)
    (chunked,) = pipe_chunked(english_model(), [text], max_chars=1_500)
    assert chunked.text == text
    assert all(text[e.start_char:e.end_char] == e.text for e in chunked.ents)
    people = {(e.start_char, e.end_char) for e in whole.ents if e.label_ == "PERSON"}
    found = {(e.start_char, e.end_char) for e in chunked.ents if e.label_ == "PERSON"}
    assert len(people & found) >= 0.95 * len(people)  # NER reads context: a cut may change a name or two


def test_english_over_a_million_characters_is_not_an_internal_error() -> None:
    """Finding 5: one paragraph over spaCy's 1,000,000-character limit (E088). It gives a result or
    `too_slow` (with a small budget here), never an internal error. Needs entities/discover_en to parse
    through nlp.english.pipe_chunked."""
    import time

    text = "Sample Ledger headline\n\n" + " ".join(
        f"The invented analyst Lan Qiao said chips number {i} matter." for i in range(18_000))
    started = time.monotonic()
    result = analyze(RawInput("long-en.txt", text.encode()), Pipeline(), seconds_per_100kb=1.0)
    assert isinstance(result, Doc) or result.kind == "too_slow", result
    assert time.monotonic() - started < 11.1 + 8
