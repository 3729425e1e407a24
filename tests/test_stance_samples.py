"""Stance accuracy on labelled sample texts of our own writing (fictional people, outlets and studies).

`data/stance_test.jsonl` is held out: written after the rules were last changed and never used to fit
them. `data/stance_dev.jsonl` is what the rules were developed on (see data/STANCE_SAMPLES.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.stance import AHEAD, BEHIND, MIXED, NONE
from sinoscope.pipeline import Pipeline

DATA = Path(__file__).parent / "data"
LABELS = {"ahead": AHEAD, "behind": BEHIND, "mixed": MIXED, "none": NONE}
HEADLINE = {"en": "Sample", "zh": "样例"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _accuracy(name: str, pipeline: Pipeline) -> tuple[dict[str, float], list[str]]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        doc = analyze_text(f"{HEADLINE[item['lang']]}\n\n{item['text']}", pipeline=pipeline)
        got = doc.layers["stance"][0].china_ai
        total[item["lang"]] += 1
        if got == LABELS[item["label"]]:
            right[item["lang"]] += 1
        else:
            misses.append(f"{item['kind']}: want {item['label']}, got {got}: {item['text']}")
    return {lang: right[lang] / total[lang] for lang in total}, misses


def test_held_out_set_is_large_enough_and_bilingual():
    items = [json.loads(x) for x in (DATA / "stance_test.jsonl").read_text(encoding="utf-8").splitlines()]
    langs = Counter(i["lang"] for i in items)
    assert len(items) >= 120 and langs["en"] == langs["zh"]
    kinds = {i["kind"] for i in items}
    assert {"kb_actor", "compare", "parity", "catchup", "gap_size", "trend", "contrast", "concession",
            "rejected_view", "hypothetical", "speaker_we", "negation", "mixed", "decoy"} <= kinds


def test_held_out_accuracy_per_language(pipeline):
    accuracy, misses = _accuracy("stance_test.jsonl", pipeline)
    assert set(accuracy) == {"en", "zh"}
    assert accuracy["en"] >= 0.90 and accuracy["zh"] >= 0.90, (accuracy, misses)


def test_development_set_stays_learned(pipeline):
    accuracy, misses = _accuracy("stance_dev.jsonl", pipeline)
    assert min(accuracy.values()) >= 0.95, (accuracy, misses)
