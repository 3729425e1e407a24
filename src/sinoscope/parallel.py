"""A process pool for `analyze` and `ingest`: every core, results in input order, bounded memory.

Each worker process builds its pipeline once (models load on its first document) and analyses one
input at a time; the parent reads the inputs, hands them out, puts the results back in input order
and does all the writing (standard output, or the store: one writer, in order). A worker whose
resident memory goes over its budget, or that dies, is replaced and its input is reported as an
error record, so a batch always ends with one result per input. Ctrl-C stops the workers at once.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import ctypes
import dataclasses
import functools
import gc
import importlib
import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .sources.inputs import RawInput

DEFAULT_WORKER_MB = 1500  # resident memory a worker may reach before it is replaced ($SINOSCOPE_WORKER_MB)
_POLL_SECONDS = 0.5  # how often the parent reads its busy workers' memory
# Our own words, in the shapes that make each stage load what it loads lazily (both models, the language
# identifier — a long English paragraph —, the Traditional-to-Simplified converter, the word frequencies).
_WARM_UP = ("Sample Harbor Daily\n\n"
            "The sample council of Port Ellery will open a small library next spring, said Mara Quillfeather, "
            "who leads the sample project. \"We expect readers to come from every town on the coast,\" she said.\n\n"
            "样例日报记者林晓舟报道，云港市样例委员会表示，明年将开放一座新图书馆。\n\n"
            "這是一個樣例段落，樣例人物說，圖書館將於明年開放。\n")
_MAX_FRUITLESS_STARTS = 3  # workers dying before finishing any input: a broken set-up, not a bad input
# Inputs read ahead of the oldest unfinished one, per worker, and in bytes: enough that one slow document does
# not leave the other workers without work (at 4 per worker they idled ~2% of a run), bounded in memory.
_READ_AHEAD_PER_WORKER = 16
_READ_AHEAD_BYTES = 64 * 2**20


def add_jobs_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --worker-mb, shared by `analyze` and `ingest`."""
    p.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                   help="worker processes (default: the machine's cores; 1: analyse in this process)")
    p.add_argument("--worker-mb", type=_positive, default=None, metavar="MB",
                   help="memory a worker may use before it is replaced and its input reported "
                        "(default: $SINOSCOPE_WORKER_MB or 1500)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


class PoolError(RuntimeError):
    """The workers cannot run at all (they die before finishing any input)."""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def worker_budget_mb() -> int:
    try:
        return int(os.environ.get("SINOSCOPE_WORKER_MB", DEFAULT_WORKER_MB))
    except ValueError:
        return DEFAULT_WORKER_MB


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker builds once and how it turns an input into a picklable result."""

    pipeline: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    seconds_per_100kb: float | None = None
    include_text: bool = True
    features: bool = False  # ingest: story features (the sentence encoder) are computed in the worker too
    handler: str = "sinoscope.parallel:analyse_one"  # module:function(raw, pipeline, config) run per input


@dataclass(frozen=True)
class Local:
    """A piece of work the parent runs itself, in order, once every input before it is done (a feed)."""

    run: Callable[[], Iterable[Any]]


def rss_mb(pid: int | None = None) -> float | None:
    """Resident memory of a process in MB (Linux /proc; None elsewhere)."""
    try:
        with open(f"/proc/{pid or 'self'}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim (None on other C libraries), looked up among the symbols the process has loaded:
    ctypes.util.find_library would start a subprocess (ldconfig) in every worker."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def settle_heap() -> None:
    """Between inputs: collect what the analysis left in reference cycles, then freeze what is still alive (the
    models, the KB, caches) out of the cycle collector's way, whose full passes otherwise walk those ~450,000
    objects again and again (2-4% of a run's CPU time); what is frozen is still freed when its last reference
    goes. Then the heap's free pages go back to the system: glibc keeps what a document's parse trees and pages
    freed (over 100 English pages a process grew ~135 MB, half of it free heap that this returns)."""
    gc.collect()
    gc.freeze()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def analyse_one(raw: RawInput, pipeline: Any, config: WorkerConfig) -> Any:
    """One input → its record (or error record); with `features`, (record, story features or None).
    The heap is settled (settle_heap) before the next input."""
    try:
        return _analyse_one(raw, pipeline, config)
    finally:
        settle_heap()


def _analyse_one(raw: RawInput, pipeline: Any, config: WorkerConfig) -> Any:
    from .analyze import AnalysisError, analyze
    from .export.record import to_record

    result = analyze(raw, pipeline, seconds_per_100kb=config.seconds_per_100kb)
    if isinstance(result, AnalysisError):
        return (result.to_dict(), None) if config.features else result.to_dict()
    record = to_record(result, include_text=config.include_text)
    if not config.features:
        return record
    from .store.ingest import without_nul
    from .store.stories import compute_features

    return record, compute_features(without_nul(record))


def _worker_main(conn: Connection, config: WorkerConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    from .pipeline import Pipeline

    pipeline = Pipeline(config.pipeline, exclude=config.exclude)
    # Load the models now, outside any document's time budget: workers starting together on a busy machine
    # would otherwise spend their first documents' (wall-clock) budgets loading them.
    analyse_one(RawInput("<warm-up>", _WARM_UP.encode()), pipeline, dataclasses.replace(config, seconds_per_100kb=0))
    module, _, name = config.handler.partition(":")
    handle = getattr(importlib.import_module(module), name)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        seq, raw = message
        conn.send((seq, handle(raw, pipeline, config), rss_mb()))


class _Worker:
    def __init__(self, context: Any, config: WorkerConfig) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, config), daemon=True,
                                       name="sinoscope-worker")
        self.process.start()
        child.close()
        self.task: tuple[int, RawInput] | None = None
        self.done = 0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError, ValueError):  # a dead worker's pipe may be closed already
                self.conn.send(None)
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def ordered_map(items: Iterable[RawInput | Local], jobs: int, config: WorkerConfig,
                failure: Callable[[RawInput, str, str], Any], *, budget_mb: int | None = None) -> Iterator[Any]:
    """Analyse `items` in `jobs` worker processes; yield one result per input, in input order.

    `failure(raw, kind, message)` makes the result of an input whose worker died or went over `budget_mb`
    (default $SINOSCOPE_WORKER_MB or DEFAULT_WORKER_MB). A `Local` item is run here, after everything
    before it, and its results are yielded in its place."""
    budget = budget_mb or worker_budget_mb()
    context = mp.get_context("spawn")  # a fresh interpreter: no threads or half-loaded models inherited
    source = iter(items)
    workers: list[_Worker] = []
    pending: collections.deque[tuple[int, RawInput]] = collections.deque()  # read, not yet handed out
    results: dict[int, Any] = {}
    locals_: dict[int, Local] = {}
    next_seq = next_out = pending_bytes = 0
    exhausted = False
    fruitless = 0
    window = _READ_AHEAD_PER_WORKER * jobs

    def read_ahead() -> None:
        nonlocal next_seq, exhausted, pending_bytes
        while (not exhausted and next_seq - next_out < window and pending_bytes < _READ_AHEAD_BYTES
               and not locals_):
            item = next(source, None)
            if item is None:
                exhausted = True
            elif isinstance(item, Local):
                locals_[next_seq] = item
                next_seq += 1
                return  # nothing after a local item is read until it has run (it may depend on what came before)
            else:
                pending.append((next_seq, item))
                pending_bytes += len(item.data or b"")
                next_seq += 1

    def hand_out() -> None:
        """Start workers up to `jobs` while there is work, and give each idle one the next input."""
        nonlocal pending_bytes
        while len(workers) < min(jobs, len(pending) + sum(w.task is not None for w in workers)):
            workers.append(_Worker(context, config))
        for worker in workers:
            if worker.task is None and pending:
                worker.task = pending.popleft()
                pending_bytes -= len(worker.task[1].data or b"")
                worker.conn.send(worker.task)

    def retire(worker: _Worker, kind: str, message: str) -> None:
        nonlocal fruitless
        if worker.task is not None:
            seq, raw = worker.task
            results[seq] = failure(raw, kind, message)
            fruitless = fruitless + 1 if worker.done == 0 else 0
        worker.stop(kill=True)
        workers.remove(worker)
        if fruitless >= _MAX_FRUITLESS_STARTS:
            raise PoolError(f"worker processes die before finishing any input ({message})")

    try:
        while True:
            read_ahead()
            hand_out()  # before writing results out: the workers analyse while this process writes
            while next_out in results or next_out in locals_:  # hand results back in order
                if next_out in locals_:
                    yield from locals_.pop(next_out).run()
                else:
                    yield results.pop(next_out)
                next_out += 1
                read_ahead()
                hand_out()
            if exhausted and not pending and not locals_ and next_out == next_seq:
                return
            busy = [w for w in workers if w.task is not None]
            if not busy:
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=_POLL_SECONDS)
            for worker in list(busy):
                if worker.conn in ready:
                    try:
                        seq, result, rss = worker.conn.recv()
                    except (EOFError, OSError):
                        retire(worker, "internal", _death(worker))
                        continue
                    results[seq] = result
                    worker.task, worker.done = None, worker.done + 1
                    if rss is not None and rss > budget:  # grew past its budget between inputs: start afresh
                        worker.stop()
                        workers.remove(worker)
                elif worker.process.sentinel in ready:
                    retire(worker, "internal", _death(worker))
                elif (rss := rss_mb(worker.process.pid)) is not None and rss > budget:
                    retire(worker, "too_large", f"analysis needed over {budget} MB of memory (worker budget; "
                                                "$SINOSCOPE_WORKER_MB)")
    finally:  # normal end, Ctrl-C, or the consumer stopped reading: no worker outlives the pool
        interrupted = not exhausted or bool(pending) or any(w.task for w in workers)
        for worker in workers:
            worker.stop(kill=interrupted)


def _death(worker: _Worker) -> str:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    return f"the worker analysing this input died ({how})"
