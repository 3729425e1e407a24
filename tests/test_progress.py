"""Ingest progress: a live status line on a terminal, a line per input in a log."""

import io

from sinoscope.store.ingest import IngestResult, report_progress

RESULTS = [IngestResult("a.txt", "added", 1), IngestResult("b.txt", "failed", message="input looks binary"),
           IngestResult("c.txt", "duplicate", 1)]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_input_and_a_summary():
    log = io.StringIO()
    counts = report_progress(iter(RESULTS), stream=log)
    lines = log.getvalue().splitlines()
    assert [line.split()[1] for line in lines[:3]] == ["added", "failed", "duplicate"]
    assert lines[-1] == "sinoscope: 1 added, 1 duplicate, 0 seen, 1 failed"
    assert counts == {"added": 1, "duplicate": 1, "seen": 0, "failed": 1}


def test_a_terminal_gets_a_redrawn_status_line_and_the_failures():
    tty = Terminal()
    report_progress(iter(RESULTS), stream=tty)
    out = tty.getvalue()
    assert "\r\033[K3 inputs" in out and "added 1 duplicate 1 failed 1" in out
    assert "[2] failed    b.txt  input looks binary\n" in out  # failures keep a line of their own
    assert "[1] added" not in out
