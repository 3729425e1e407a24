"""Layout rules across lines: blocks a scraper repeated, with or without small changes."""

from sinoscope.analyze import analyze_text
from sinoscope.pipeline import Pipeline

ANATOMY = Pipeline(["segment", "language", "furniture", "header", "sections", "bilingual"])
FIRST = "The first paragraph of the sample article is long enough to count as running text for the test."
SECOND = "The second paragraph of the sample article is also long enough to count as running text here."


def test_a_block_repeated_with_a_typo_is_removed_and_reported():
    retyped = FIRST.replace("long enough", "long enogh")
    doc = analyze_text(f"Sample Title\n\n{FIRST}\n{SECOND}\n\n转载\n{retyped}\n{SECOND}\n", pipeline=ANATOMY)
    assert [p.text for p in doc.body] == [FIRST, SECOND]
    (block,) = doc.removed
    assert block.kind == "duplicate" and block.heading == "转载"
    assert doc.text[block.repeats[0]:block.repeats[1]] == f"{FIRST}\n{SECOND}"


def test_similar_but_different_paragraphs_stay():
    other = "The first paragraph of the sample article is short enough to count as running text for a test."
    doc = analyze_text(f"Sample Title\n\n{FIRST}\n{other}\n", pipeline=ANATOMY)
    assert [p.text for p in doc.body] == [FIRST, other]
    assert not doc.removed
