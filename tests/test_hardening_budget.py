"""A time budget per document: a stage that runs too long gives a `too_slow` error and the batch goes on."""

from __future__ import annotations

import threading
import time

import pytest

from sinoscope import budget
from sinoscope.analyze import AnalysisError, analyze
from sinoscope.doc import Doc
from sinoscope.pipeline import Pipeline, component
from sinoscope.sources.inputs import RawInput

TEXT = b"Sample Wire (a fictional outlet) reports that Lan Qiao, an invented analyst, said chips matter."


@component("_test_spin")
def _spin_factory():
    def spin(doc: Doc) -> None:
        if "spin" in doc.text:
            while True:  # quadratic work stands in for this: it never ends on its own
                pass

    return spin


@component("_test_swallow")
def _swallow_factory():
    def swallow(doc: Doc) -> None:
        if "spin" in doc.text:
            while True:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - a stage that swallows errors must still be stopped
                    continue

    return swallow


@pytest.mark.parametrize("stage", ["_test_spin", "_test_swallow"])
def test_a_document_over_its_budget_is_too_slow_and_the_next_one_runs(stage: str) -> None:
    pipeline = Pipeline(["segment", stage])
    started = time.monotonic()
    result = analyze(RawInput("spin.txt", TEXT + b" spin"), pipeline, seconds_per_100kb=0.3)
    assert time.monotonic() - started < 5
    assert isinstance(result, AnalysisError) and result.kind == "too_slow"
    assert "time budget" in result.message and stage in result.message
    doc = analyze(RawInput("fine.txt", TEXT), pipeline, seconds_per_100kb=0.3)
    assert isinstance(doc, Doc) and doc.paragraphs
    time.sleep(1.2)  # a budget that ended must never fire later
    assert budget.current() is None


def test_budget_grows_with_the_input_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert budget.seconds_for(1_000) == budget.MIN_SECONDS
    assert budget.seconds_for(1_000_000) == pytest.approx(10 * budget.DEFAULT_SECONDS_PER_100KB)
    assert budget.seconds_for(1_000_000, 0) is None
    monkeypatch.setenv(budget.SECONDS_PER_100KB_ENV, "1")
    assert budget.seconds_for(1_000_000) == pytest.approx(10.0)


def test_check_raises_once_the_deadline_passed() -> None:
    with pytest.raises(budget.TooSlow), budget.limit(0.05):
        time.sleep(0.1)
        budget.check()
        raise AssertionError("check() should have raised")  # pragma: no cover


def test_a_shielded_section_is_not_torn() -> None:
    finished = []
    with pytest.raises(budget.TooSlow), budget.limit(0.05):
        with budget.shielded():
            time.sleep(0.2)  # loading a model: the deadline passes here but does not fire here
            finished.append(True)
        while True:
            budget.check()
    assert finished == [True]


def test_cancel_all_stops_work_in_other_threads() -> None:
    results: list[object] = []
    pipeline = Pipeline(["segment", "_test_spin"])
    worker = threading.Thread(target=lambda: results.append(analyze(RawInput("spin.txt", TEXT + b" spin"), pipeline,
                                                                            seconds_per_100kb=1000)))
    worker.start()
    time.sleep(0.5)
    assert budget.cancel_all() == 1
    worker.join(5)
    assert not worker.is_alive()
    (result,) = results
    assert isinstance(result, AnalysisError) and result.kind == "too_slow" and "shutting down" in result.message


def test_a_stop_that_was_swallowed_is_sent_again() -> None:
    # a garbage-collector callback or a library's bare `except` can eat the first TooSlow: the watchdog
    # sends it again, so the work still stops (without the resend this loop would run its whole 20 s)
    swallowed = 0
    give_up = time.monotonic() + 20
    with pytest.raises(budget.TooSlow), budget.limit(0.3):
        while time.monotonic() < give_up:
            try:
                while time.monotonic() < give_up:
                    sum(range(200))
            except budget.TooSlow:
                swallowed += 1
                if swallowed > 1:
                    raise
    assert swallowed == 2
