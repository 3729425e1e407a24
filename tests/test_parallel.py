"""The process pool behind `analyze --jobs` and `ingest --jobs`: the same records, in input order, with
the same exit status as one process; a dead or over-budget worker costs its input only; Ctrl-C stops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sinoscope.cli import main
from sinoscope.parallel import Local, PoolError, WorkerConfig, ordered_map
from sinoscope.sources.inputs import RawInput

# Sample texts of our own (fictional outlets and people), one English, one Chinese, one bilingual.
SAMPLE_EN = textwrap.dedent("""\
    Harbor Lantern Robotics opens a sample lab in Port Ellery

    PORT ELLERY, March 3, 2031 — Harbor Lantern Robotics said on Monday it will open a research lab.
    "We expect the lab to hire 40 engineers by next year," said Mara Quillfeather, the firm's chief executive.
    Analysts at the Ellery Institute said the lab could double the town's output of chips.
    """)
SAMPLE_ZH = textwrap.dedent("""\
    星河样例公司发布新型芯片

    2031年3月3日，星河样例公司在云港市发布了一款新芯片。
    公司总裁林晓舟表示：“我们预计明年的出货量将增长30%。”
    分析人士认为，这款芯片可能会改变行业格局。
    """)
SAMPLE_MIXED = SAMPLE_EN + "\n" + SAMPLE_ZH


def _run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    status = main(["analyze", *args])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


@pytest.fixture()
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("SINOSCOPE_SECONDS_PER_100KB", "0")  # wall-clock budgets on a shared machine: off
    files = []
    for n, text in enumerate([SAMPLE_EN, SAMPLE_ZH, SAMPLE_MIXED, SAMPLE_EN.replace("Mara", "Tomas")]):
        path = tmp_path / f"sample_{n}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    return [files[0], str(tmp_path / "empty.txt"), files[1], str(tmp_path / "missing.txt"), files[2],
            str(tmp_path / "blob.txt"), files[3]]


def test_jobs_2_writes_what_jobs_1_writes(capsys: pytest.CaptureFixture[str], pages: list[str]) -> None:
    one = _run_cli(capsys, "--jobs", "1", *pages)
    two = _run_cli(capsys, "--jobs", "2", *pages)
    assert one == two
    status, records = two
    assert status == 1  # some inputs failed
    assert [Path(r["source"]).name for r in records] == [Path(p).name for p in pages]
    assert [r.get("error", {}).get("kind") for r in records] == [None, "empty", None, "not_found", None, "binary",
                                                                   None]
    assert any(q["speaker"] == "Mara Quillfeather" for q in records[0]["quotes"])


def test_jobs_2_exits_zero_when_every_input_is_analysed(capsys: pytest.CaptureFixture[str],
                                                        pages: list[str]) -> None:
    good = [pages[0], pages[2]]
    assert _run_cli(capsys, "--jobs", "2", "--pipeline", "segment,language", *good)[0] == 0


def _raws(*texts: str) -> list[RawInput]:
    return [RawInput(f"input-{n}", text.encode()) for n, text in enumerate(texts)]


def _failed(raw: RawInput, kind: str, message: str) -> dict:
    return {"source": raw.source, "error": kind, "message": message}


HELPERS = WorkerConfig(pipeline=["segment"], handler="pool_helpers:handler")


def test_results_come_back_in_input_order_with_local_work_in_its_place() -> None:
    items = [*_raws("sleep 1.5", "sleep 0", "sleep 0.5", "x"), Local(lambda: ["local"]), *_raws("y")]
    out = list(ordered_map(items, 3, HELPERS, _failed))
    assert [r if isinstance(r, str) else r["source"] for r in out] == \
        ["input-0", "input-1", "input-2", "input-3", "local", "input-0"]


def test_a_slow_input_does_not_hold_up_the_inputs_after_it(tmp_path: Path) -> None:
    # The first input waits for the last: the other worker must reach it while the first is still busy.
    release = tmp_path / "released"
    out = list(ordered_map(_raws(f"wait {release}", *["x"] * 25, f"release {release}"), 2, HELPERS, _failed))
    assert [r["source"] for r in out] == [f"input-{n}" for n in range(27)]
    assert out[0]["released"] and {r["pid"] for r in out[1:]} == {out[1]["pid"]} != {out[0]["pid"]}


def test_inputs_are_read_a_bounded_window_ahead() -> None:
    read = 0

    def endless() -> Iterator[RawInput]:
        nonlocal read
        yield RawInput("slow", b"sleep 1")
        while True:
            read += 1
            yield RawInput(f"quick-{read}", b"x")

    first = next(ordered_map(endless(), 2, HELPERS, _failed))
    assert first["source"] == "slow" and 16 <= read <= 16 * 2


def test_a_dead_worker_costs_its_input_only() -> None:
    out = list(ordered_map(_raws("a", "die", "b", "c"), 2, HELPERS, _failed))
    assert [r["source"] for r in out] == ["input-0", "input-1", "input-2", "input-3"]
    assert out[1]["error"] == "internal" and "died" in out[1]["message"]
    assert all("error" not in r for r in (out[0], out[2], out[3]))


def test_a_worker_over_its_memory_budget_is_replaced_and_its_input_reported() -> None:
    out = list(ordered_map(_raws("a", "hog 400", "b"), 1, HELPERS, _failed, budget_mb=250))
    assert out[1]["error"] == "too_large" and "250 MB" in out[1]["message"]
    assert "error" not in out[0] and "error" not in out[2]
    assert out[0]["pid"] != out[2]["pid"]  # a new worker took the input after the hog


def test_workers_that_never_finish_an_input_stop_the_pool() -> None:
    config = WorkerConfig(pipeline=["segment"], handler="pool_helpers:always_die")
    with pytest.raises(PoolError):
        list(ordered_map(_raws(*"abcdef"), 1, config, _failed))


def test_ctrl_c_stops_the_parent_and_its_workers(tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(textwrap.dedent(f"""
        import signal
        import sys
        # Ctrl-C as a terminal delivers it: a shell starts background jobs with SIGINT ignored, and an ignored
        # signal stays ignored across exec (Python then installs no KeyboardInterrupt handler)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.path[:0] = {[str(Path(__file__).parent), *sys.path]!r}
        from sinoscope.parallel import WorkerConfig, ordered_map
        from sinoscope.sources.inputs import RawInput
        if __name__ == "__main__":
            config = WorkerConfig(pipeline=["segment"], handler="pool_helpers:handler")
            raws = [RawInput(str(n), b"sleep 30") for n in range(4)]
            try:
                for record in ordered_map(raws, 2, config, lambda *a: a):
                    print(record, flush=True)
            except KeyboardInterrupt:
                print("stopped", flush=True)
                sys.exit(130)
    """))
    marks = tmp_path / "busy"
    marks.mkdir()
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "POOL_TEST_MARKS": str(marks)})
    deadline = time.monotonic() + 60
    while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)  # until both workers are busy on an input (each marks its pid as it starts sleeping)
    workers = {int(p.name) for p in marks.iterdir()}
    assert len(workers) == 2 and workers <= set(_children(proc.pid))
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 130 and out.strip() == "stopped"
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_ingest_jobs_2_stores_what_jobs_1_stores(pages: list[str], tmp_path: Path) -> None:
    from sinoscope.store.db import open_store
    from sinoscope.store.ingest import Ingestor, IngestSettings
    from store_fixtures import row_counts

    copy = tmp_path / "copy_of_0.txt"
    copy.write_bytes(Path(pages[0]).read_bytes())  # the same input twice in one batch: the second is 'seen'
    specs = [*pages, str(copy)]
    outcomes = []
    for jobs in (1, 2):
        engine = open_store(str(tmp_path / f"jobs{jobs}.db"))
        settings = IngestSettings(pipeline=["segment", "language", "furniture", "header", "sections", "bilingual",
                                            "entities"])
        results = list(Ingestor(engine, settings).ingest_specs(specs, jobs=jobs))
        outcomes.append(([(Path(r.source).name, r.status, r.document_id, r.story_id) for r in results],
                         row_counts(engine)))
    assert outcomes[0] == outcomes[1]
    assert [status for _, status, _, _ in outcomes[1][0]] == ["added", "failed", "added", "failed", "added",
                                                              "failed", "added", "seen"]


def test_a_worker_hands_freed_memory_back_between_inputs() -> None:
    from sinoscope import parallel
    from sinoscope.pipeline import Pipeline

    if parallel._malloc_trim() is not None and parallel.rss_mb() is not None:  # glibc on Linux
        blocks = [bytearray(8192 if i % 2 else 600) for i in range(20_000)]  # ~80 MB of heap
        kept = blocks[::2]  # the small blocks stay, so the freed pages are holes glibc keeps
        del blocks
        before = parallel.rss_mb()
        parallel.settle_heap()
        assert before - parallel.rss_mb() > 20  # most of each freed 8 KB block is whole pages
        del kept
    record = parallel.analyse_one(RawInput("sample.txt", b"Sample Harbor Daily\n\nA sample page.\n"), Pipeline(),
                                  WorkerConfig(include_text=False, seconds_per_100kb=0))
    assert record["title"] == "Sample Harbor Daily"  # the analysis is untouched


def test_settling_collects_an_inputs_cycles_and_freezes_what_lives_on() -> None:
    import gc
    import weakref

    from sinoscope import parallel

    class Node:
        pass

    cycle = Node()
    cycle.itself = cycle  # garbage only the cycle collector can free
    gone = weakref.ref(cycle)
    del cycle
    lives_on = Node()
    parallel.settle_heap()
    assert gone() is None
    assert gc.get_freeze_count() > 0 and not any(obj is lives_on for obj in gc.get_objects())  # frozen: unscanned
    assert lives_on.__class__ is Node  # and still there
