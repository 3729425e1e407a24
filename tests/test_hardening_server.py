"""`sinoscope serve` honours SIGTERM while an ingest is running: the analysis is stopped, its request
answered, and the process exits promptly (it used to finish a many-minute document first)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

TOKEN = "sample-token-for-tests"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_stops_a_running_ingest_and_the_server(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "SINOSCOPE_API_TOKEN": TOKEN, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    server = subprocess.Popen([sys.executable, "-m", "sinoscope", "serve", "--db", str(tmp_path / "s.db"),
                               "--port", str(port)], env=env, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/api/documents", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        # Many short English paragraphs: minutes of parsing, in Python between the parser's calls.
        text = "\n\n".join(f"Paragraph {i}: the fictional analyst Lan Qiao {i} said chips from Sample Foundry "
                           f"{i * 7} matter to {i * 3} firms." for i in range(40_000))
        answers: list[object] = []

        def post() -> None:
            request = urllib.request.Request(f"{base}/api/ingest", data=json.dumps({"text": text}).encode(),
                                             headers={"Authorization": f"Bearer {TOKEN}",
                                                      "Content-Type": "application/json"})
            try:
                answers.append(urllib.request.urlopen(request, timeout=300).status)
            except urllib.error.HTTPError as exc:
                answers.append(json.loads(exc.read()))
            except OSError as exc:
                answers.append(exc)

        poster = threading.Thread(target=post, daemon=True)
        poster.start()
        time.sleep(4)
        assert not answers, "the sample ingest should still be running"
        signalled = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        assert time.monotonic() - signalled < 15
        poster.join(10)
        assert answers and isinstance(answers[0], dict) and "shutting down" in answers[0]["detail"]
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
