"""The Chinese quote reader costs time linear in its paragraph, even where an unclosed quotation mark makes the
rest of the paragraph one quotation and every clause of it starts at the paragraph's head."""

from __future__ import annotations

import sys

import pytest

from sinoscope.claims.quotes_zh import ZhQuoteReader
from sinoscope.claims.speakers import SpeakerIndex
from sinoscope.doc import Doc, Paragraph
from sinoscope.nlp.chinese import tag_paragraph


def _calls_to_read(text: str) -> int:
    """Python and C function calls made while reading the quotes of one paragraph (its tagging aside): a count
    of the work, the same on a busy machine as on an idle one."""
    doc = Doc(source="sample", text=text)
    doc.paragraphs = [Paragraph(0, len(text), text, lang="zh", section="body")]
    tag_paragraph(doc, 0)
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        ZhQuoteReader(doc, SpeakerIndex(doc)).read(0)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("unit", ["他称“", "称“", "据报道，他称“", "“他称", "他说：“"])
def test_ten_times_the_text_costs_less_than_twenty_times_the_work(unit):
    small, large = _calls_to_read(unit * 60), _calls_to_read(unit * 600)
    assert large < 20 * small, (small, large)
