"""Per-input handlers for the process-pool tests (imported by the worker processes by name).

Each input's text says what its worker does: 'sleep S' then echo (first marking its pid in
$POOL_TEST_MARKS, when set), 'die' (the process exits), 'hog MB'
(holds that much memory for a while), 'wait PATH' (until PATH exists, at most 30 s; says whether it
came), 'release PATH' (makes it), anything else is echoed at once."""

from __future__ import annotations

import os
import pathlib
import time
from typing import Any


def handler(raw: Any, pipeline: Any, config: Any) -> dict:
    words = (raw.data or b"").decode().split()
    if words[:1] == ["sleep"]:
        if marks := os.environ.get("POOL_TEST_MARKS"):  # tell the test this worker is busy on an input
            pathlib.Path(marks, str(os.getpid())).touch()
        time.sleep(float(words[1]))
    elif words[:1] == ["die"]:
        os._exit(3)
    elif words[:1] == ["wait"]:
        path, deadline = pathlib.Path(words[1]), time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        return {"source": raw.source, "pid": os.getpid(), "released": path.exists()}
    elif words[:1] == ["release"]:
        pathlib.Path(words[1]).touch()
    elif words[:1] == ["hog"]:
        block = bytearray(int(words[1]) * 2**20)
        block[::4096] = b"x" * len(block[::4096])  # touch every page: resident, not just reserved
        time.sleep(3)
    return {"source": raw.source, "pid": os.getpid()}


def always_die(raw: Any, pipeline: Any, config: Any) -> dict:
    os._exit(4)
