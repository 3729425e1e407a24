"""The HTML content path's cost controls: one extractor when its reading passes the quality check, trafilatura's
fallback cascade only when its fast reading fails, cheap blank normalisation. Sample text written for these
tests; the outlet and people are fictional."""

from __future__ import annotations

import pytest

import sinoscope.anatomy.html as html_module
import sinoscope.anatomy.html_content as content
from sinoscope.anatomy.html import extract_html
from sinoscope.anatomy.html_blocks import Block, normalize_space

PROSE = [
    "The river authority of Fernhollow said on Monday that the new flood gates held back the spring melt without "
    "any damage to the villages downstream, the first time in a decade that no field was flooded.",
    "Engineers who built the gates told the town council that the design relies on a simple counterweight rather "
    "than on pumps, which keeps it working even when the power lines are down during a storm.",
    "Some farmers remain doubtful and say that one quiet spring proves little, since the melt this year was smaller "
    "than usual and the real test will come when a wet winter is followed by a sudden thaw.",
]


def _blocks(texts: list[str], link_chars: int = 0) -> list[Block]:
    return [Block(text, link_chars) for text in texts]


def test_normalize_space_collapses_every_kind_of_blank() -> None:
    assert normalize_space("\u3000北京\u00a0\u00a0市\u200b区\ufeff ") == "北京 市 区"
    assert normalize_space(" a\t\n b\r\x0c c ") == "a b c"
    assert normalize_space("\u200b\ufeff") == ""


def test_clean_prose_reading_covering_the_page_needs_no_second_extractor() -> None:
    page = _blocks(["Fernhollow Gazette", "Home News Sport", *PROSE, "Copyright Fernhollow Gazette"])
    assert not content.needs_second_reading(_blocks(PROSE), page)


def test_fragment_of_the_page_prose_needs_the_second_extractor() -> None:
    more = [text.replace("Fernhollow", "Millbrook") for text in PROSE]  # the page prints twice as much prose
    assert content.needs_second_reading(_blocks(PROSE), _blocks(PROSE + more))


@pytest.mark.parametrize("reading", [
    _blocks([PROSE[0]]),  # one block: a dump of the page, not a laid-out article
    _blocks(PROSE, link_chars=40),  # link text among the paragraphs: related-story rails
    _blocks(["Fernhollow Gazette", *PROSE]),  # opens on the masthead
    _blocks([*PROSE, "Share", "Tweet", "Email"]),  # furniture the filter has to drop
    [],
])
def test_unclean_readings_need_the_second_extractor(reading: list[Block]) -> None:
    assert content.needs_second_reading(reading, _blocks(PROSE))


def test_fast_reading_in_one_block_falls_back_to_the_full_cascade(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def fake(tree: object, url: str | None, fast: bool) -> tuple[list[Block], list[Block]]:
        calls.append(fast)
        return (_blocks([" ".join(PROSE)]) if fast else _blocks(PROSE)), []

    monkeypatch.setattr(content, "_bare_extraction", fake)
    monkeypatch.setattr(content, "_metadata", lambda tree, url: None)
    extraction = content.run_trafilatura(object(), None)  # type: ignore[arg-type]
    assert calls == [True, False]
    assert [b.text for b in extraction.body] == PROSE


def test_clean_page_is_read_by_one_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (f"<html><head><title>Flood gates hold - Fernhollow Gazette</title></head><body>"
            f"<article>{paragraphs}</article></body></html>")
    calls = []
    monkeypatch.setattr(html_module, "run_readability", lambda tree: calls.append(tree) or [])
    assert extract_html(page).paragraphs == PROSE
    assert calls == []


def test_no_htmldate_on_the_hot_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's date is html_dates' job: htmldate (and the dateparser locales behind it) never runs."""
    import htmldate
    import trafilatura.metadata

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("htmldate ran")

    monkeypatch.setattr(trafilatura.metadata, "find_date", refuse)
    monkeypatch.setattr(htmldate, "find_date", refuse)
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = extract_html(f"<html><head><meta property='article:published_time' content='2024-05-06'></head>"
                        f"<body><article>{paragraphs}</article></body></html>")
    assert page.published == "2024-05-06"
    assert page.paragraphs == PROSE
