"""A wall-clock budget per document: an input that takes too long becomes a `too_slow` error.

`with limit(seconds):` arms a deadline for the work in this thread (a little before `seconds`, see
STOP_MARGIN_SHARE, so that the document is over within its budget). The work is stopped in two ways:
- cooperatively: stages call `check()` inside their loops (and the pipeline calls it between stages);
- pre-emptively: a watchdog thread raises `TooSlow` in the working thread at the deadline (CPython's
  asynchronous exceptions), so a stage with quadratic work is stopped even if it never checks.
  It lands at the next Python bytecode: a long C call (one regex, one spaCy batch) runs to its end.
`shielded()` marks a section that must not be torn (loading a model): a deadline that passes inside it
fires when the section ends. `cancel_all()` fires every armed budget now (the server at shutdown).

TooSlow derives from BaseException, so a stage's `except Exception` cannot swallow it.
"""

from __future__ import annotations

import contextlib
import ctypes
import heapq
import itertools
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

SECONDS_PER_100KB_ENV = "SINOSCOPE_SECONDS_PER_100KB"
DEFAULT_SECONDS_PER_100KB = 3.0
MIN_SECONDS = 10.0  # fixed costs of any document (a model's first load should be shielded, not counted)
# The stop comes this much before the end of the budget: the C call in flight (a parse, one regex, a spaCy
# batch) runs to its end before TooSlow lands, and the document must still be over by its budget.
STOP_MARGIN_SHARE = 0.15
STOP_MARGIN_MAX = 5.0
RESEND_SECONDS = 1.0  # TooSlow is sent again this often until the budgeted block has ended


class TooSlow(BaseException):  # noqa: N818 - reads as the error kind it becomes
    """The document's time budget ran out."""


def seconds_for(size: int, per_100kb: float | None = None) -> float | None:
    """The budget for an input of `size` bytes or characters; None means no budget (0 in the setting)."""
    if per_100kb is None:
        try:
            per_100kb = float(os.environ.get(SECONDS_PER_100KB_ENV, DEFAULT_SECONDS_PER_100KB))
        except ValueError:
            per_100kb = DEFAULT_SECONDS_PER_100KB
    if per_100kb <= 0:
        return None
    return max(MIN_SECONDS * per_100kb / DEFAULT_SECONDS_PER_100KB, per_100kb * size / 100_000)


@dataclass(eq=False)
class Budget:
    seconds: float
    thread_id: int
    deadline: float
    stage: str | None = None
    shield_depth: int = 0
    pending: bool = False  # the deadline passed inside a shielded section
    fired: bool = False  # TooSlow was sent to the thread
    done: bool = False
    cancelled: bool = False  # stopped by cancel_all (shutdown), not by its deadline
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def over(self) -> bool:
        return time.monotonic() >= self.deadline


_local = threading.local()
_lock = threading.Lock()
_wake = threading.Condition(_lock)
_heap: list[tuple[float, int, Budget]] = []
_armed: set[Budget] = set()
_order = itertools.count()
_watchdog: threading.Thread | None = None


def current() -> Budget | None:
    return getattr(_local, "budget", None)


def _send(budget: Budget) -> None:
    """Raise TooSlow in the budget's thread (called with _lock held, never for the caller's own thread)."""
    budget.fired = True
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(budget.thread_id), ctypes.py_object(TooSlow))


def _fire(budget: Budget) -> None:
    if budget.done:
        return
    if budget.shield_depth:
        budget.pending = True
    elif budget.thread_id != threading.get_ident():
        _send(budget)
        # An asynchronous exception can be swallowed where it lands (a garbage-collector callback, a
        # library's bare except): send it again until the work has really stopped.
        heapq.heappush(_heap, (time.monotonic() + RESEND_SECONDS, next(_order), budget))


def _watch() -> None:
    with _lock:
        while True:
            while _heap and (_heap[0][2].done or _heap[0][0] <= time.monotonic()):
                _, _, budget = heapq.heappop(_heap)
                _fire(budget)
            _wake.wait(None if not _heap else max(0.0, _heap[0][0] - time.monotonic()))


def _start_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():
        _watchdog = threading.Thread(target=_watch, name="sinoscope-budget", daemon=True)
        _watchdog.start()


@contextlib.contextmanager
def limit(seconds: float | None) -> Iterator[Budget | None]:
    """Run the block under a budget of `seconds` (None: no budget); TooSlow is raised when it runs out."""
    if seconds is None or current() is not None:  # no budget, or nested: the outer one rules
        yield current()
        return
    margin = min(STOP_MARGIN_MAX, STOP_MARGIN_SHARE * seconds)
    budget = Budget(seconds, threading.get_ident(), time.monotonic() + seconds - margin)
    _local.budget = budget
    with _lock:
        _start_watchdog()
        _armed.add(budget)
        heapq.heappush(_heap, (budget.deadline, next(_order), budget))
        _wake.notify()
    try:
        yield budget
    finally:
        while True:  # a resent TooSlow may land here, before the budget is marked done: try again
            try:
                with _lock:
                    budget.done = True
                    _armed.discard(budget)
                    if budget.fired:  # sent but maybe not yet delivered: take it back
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(budget.thread_id), None)
                break
            except TooSlow:
                continue
        _local.budget = None


def check() -> None:
    """Raise TooSlow if this thread's budget has run out (cheap: call it in loops)."""
    budget = current()
    if budget is not None and not budget.shield_depth and (budget.pending or budget.over()):
        budget.pending = False
        raise TooSlow


def remaining() -> float | None:
    """Seconds left in this thread's budget (None: no budget)."""
    budget = current()
    return None if budget is None else budget.deadline - time.monotonic()


def enter_stage(name: str) -> None:
    """Name the stage now running (for the error message), after checking the budget."""
    check()
    budget = current()
    if budget is not None:
        budget.stage = name


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """A section the watchdog must not tear (a model being loaded); its time is not counted."""
    budget = current()
    if budget is None:
        yield
        return
    started = time.monotonic()
    with _lock:
        budget.shield_depth += 1
    try:
        yield
    finally:
        with _lock:
            budget.shield_depth -= 1
            if not budget.shield_depth:
                budget.deadline += time.monotonic() - started
                budget.started += time.monotonic() - started
                if budget.pending:  # it passed inside: re-arm at the new deadline
                    budget.pending = False
                    heapq.heappush(_heap, (budget.deadline, next(_order), budget))
                    _wake.notify()


def cancel_all() -> int:
    """Stop every armed budget now (shutdown); the number of documents stopped."""
    with _lock:
        armed = [b for b in _armed if not b.done]
        for budget in armed:
            budget.cancelled = True
            _fire(budget)
    return len(armed)
