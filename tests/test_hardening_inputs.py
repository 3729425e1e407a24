"""Only regular files are read, always through the capped reader: devices, FIFOs and sockets are refused
by name, and a FIFO hidden in a folder cannot hang the folder's ingest."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sinoscope.sources.inputs import iter_inputs, read_file

SAMPLE = b"Sample Wire (fictional) reports that an invented start-up shipped a chip.\n"


def _within(seconds: float, work):  # noqa: ANN001, ANN202
    """Run `work` in a daemon thread; its result, or a failure if it is still running after `seconds`."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_page_in_a_folder_is_refused_and_the_folder_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "z.txt").write_bytes(SAMPLE)
    raws = _within(10, lambda: list(iter_inputs([str(tmp_path)])))
    by_name = {Path(r.source).name: r for r in raws}
    assert by_name["a.txt"].ok and by_name["z.txt"].ok
    fifo = by_name["x.txt"]
    assert (fifo.ok, fifo.error_kind) == (False, "refused") and "FIFO" in fifo.error


def test_a_socket_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        raw = _within(10, lambda: read_file(path))
    assert (raw.ok, raw.error_kind) == (False, "refused") and "socket" in raw.error


def _read_in_a_child(path: str) -> str:
    """read_file in a child with a memory limit: the old reader trusted st_size (0 for a device) and read
    forever, which must fail the test, not exhaust the machine."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30));"
            "from pathlib import Path; from sinoscope.sources.inputs import read_file;"
            f"r = read_file(Path({path!r}), max_bytes=1000); print(r.error_kind, r.error)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_not_read(device: str) -> None:
    out = _read_in_a_child(device)
    assert out.startswith("refused") and "character device" in out


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert _read_in_a_child(str(link)).startswith("refused")


def test_stdin_and_regular_files_keep_their_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"chips " * 1000)
    assert read_file(path, max_bytes=100).error_kind == "too_large"
    assert read_file(path, max_bytes=100_000).data == b"chips " * 1000
