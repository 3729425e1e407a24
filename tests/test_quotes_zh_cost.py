"""The Chinese quote reader costs time linear in its paragraph, even where an unclosed quotation mark makes the
rest of the paragraph one quotation and every clause of it starts at the paragraph's head."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# The work is counted in a fresh interpreter: a profile hook installed inside the full suite's process, after
# hundreds of other tests (threads, budgets, servers), was seen to spin; a child process counts the same calls.
_COUNT = """
import json, sys
from sinoscope.claims.quotes_zh import ZhQuoteReader
from sinoscope.claims.speakers import SpeakerIndex
from sinoscope.doc import Doc, Paragraph
from sinoscope.nlp.chinese import tag_paragraph

def calls_to_read(text):
    doc = Doc(source="sample", text=text)
    doc.paragraphs = [Paragraph(0, len(text), text, lang="zh", section="body")]
    tag_paragraph(doc, 0)
    index = SpeakerIndex(doc)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        ZhQuoteReader(doc, index).read(0)
    finally:
        sys.setprofile(None)
    return calls

unit = sys.argv[1]
print(json.dumps([calls_to_read(unit * 60), calls_to_read(unit * 600)]))
"""


def _calls_to_read(unit: str) -> tuple[int, int]:
    """Python and C function calls made while reading the quotes of one paragraph of 60 and of 600 `unit`s (its
    tagging aside): a count of the work, the same on a busy machine as on an idle one."""
    done = subprocess.run([sys.executable, "-c", _COUNT, unit], capture_output=True, text=True, timeout=300,
                          check=True)
    small, large = json.loads(done.stdout.strip().splitlines()[-1])
    return small, large


@pytest.mark.parametrize("unit", ["他称“", "称“", "据报道，他称“", "“他称", "他说：“"])
def test_ten_times_the_text_costs_less_than_twenty_times_the_work(unit):
    small, large = _calls_to_read(unit)
    assert small > 0 and large < 20 * small, (small, large)
