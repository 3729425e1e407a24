"""A bounded load test of `sinoscope serve` on loopback: a fixed request rate, a fixed number of requests.

Builds a small corpus from the sample pages (or uses --db), starts the server on 127.0.0.1, then sends
--requests requests at --rate per second (open loop: each request has its scheduled time, so a slow server
cannot slow the load down and hide its own latency) over --connections keep-alive connections, a mix of
pages, API reads, searches, the digest and its feed. Reports latency percentiles (from each request's
scheduled time) and every error. Exits 1 unless p95 < --p95-ms with no errors (5xx or transport).

Loopback only, by construction: the server is this script's own child on 127.0.0.1.

    python bench/load_test.py [--rate 30] [--requests 900] [--connections 16] [--db FILE]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import pathlib
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
TOKEN = "load-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build_corpus(db: pathlib.Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "sinoscope", "ingest", str(ROOT / "src" / "sinoscope" / "samples"),
                    "--db", str(db)], env=env, check=True, capture_output=True, timeout=600)


def get_json(port: int, path: str) -> dict:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", path)
    body = conn.getresponse().read()
    conn.close()
    return json.loads(body)


def request_mix(port: int) -> list[str]:
    """Paths of every kind the app serves, with ids and names taken from the corpus."""
    docs = [d["id"] for d in get_json(port, "/api/documents?limit=50")["items"]]
    stories = [s["id"] for s in get_json(port, "/api/stories?limit=50")["items"]]
    entities = [e["id"] for e in get_json(port, "/api/entities?limit=20")["items"]]
    words = ["chip", "芯片", "Nvidia", "华为", "accelerator", "加速卡", "export controls", "人工智能"]
    mix = ["/", "/forecasts", "/digest", "/digest.atom", "/static/style.css", "/api/documents", "/api/stories",
           "/api/entities", "/api/quotes", "/api/figures", "/api/forecasts?status=open", "/search?q=chip"]
    mix += [f"/doc/{d}" for d in docs[:8]] + [f"/api/documents/{d}" for d in docs[:8]]
    mix += [f"/story/{s}" for s in stories[:6]] + [f"/api/stories/{s}" for s in stories[:6]]
    mix += [f"/entity/{urllib.parse.quote(e, safe='')}" for e in entities[:6]]
    mix += [f"/search?q={urllib.parse.quote(w)}" for w in words] + [f"/api/search?q={urllib.parse.quote(w)}"
                                                                     for w in words]
    return mix


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run_load(port: int, paths: list[str], rate: float, count: int, connections: int) -> dict:
    jobs: queue.Queue[tuple[float, str] | None] = queue.Queue()
    results: list[tuple[float, float, int | str, str]] = []  # (from schedule, service time, status, path)
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while (job := jobs.get()) is not None:
            scheduled, path = job
            time.sleep(max(0.0, scheduled - time.monotonic()))
            sent = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status: int | str = response.status
                if response.getheader("connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
            done = time.monotonic()
            with lock:
                results.append((done - scheduled, done - sent, status, path))
        conn.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    start = time.monotonic() + 0.5
    for i in range(count):
        jobs.put((start + i / rate, paths[i % len(paths)]))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join(timeout=count / rate + 120)
    elapsed = max(r[0] for r in results) if results else 0.0
    latencies = [r[0] for r in results]
    errors = [(status, path) for _, _, status, path in results if not isinstance(status, int) or status >= 500]
    slowest = max(results, default=(0.0, 0.0, 0, ""))
    return {"requests": len(results), "seconds": round(time.monotonic() - start, 1),
            "achieved_rate": round(len(results) / max(time.monotonic() - start, 1e-9), 1),
            "p50_ms": round(percentile(latencies, 0.50) * 1000), "p95_ms": round(percentile(latencies, 0.95) * 1000),
            "p99_ms": round(percentile(latencies, 0.99) * 1000), "max_ms": round(slowest[0] * 1000),
            "slowest": slowest[3], "errors": len(errors), "error_samples": errors[:5],
            "statuses": sorted({str(r[2]) for r in results}), "_elapsed": elapsed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=30.0, help="requests per second")
    parser.add_argument("--requests", type=int, default=900, help="how many requests in all (bounded run)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--db", type=pathlib.Path, help="an existing corpus (default: the samples, ingested)")
    parser.add_argument("--p95-ms", type=float, default=500.0, help="the target: p95 latency under this")
    args = parser.parse_args()
    if not 0 < args.rate <= 500 or not 0 < args.requests <= 20_000 or not 0 < args.connections <= 64:
        parser.error("rate ≤ 500/s, requests ≤ 20,000 and connections ≤ 64: this is a bounded test")

    with tempfile.TemporaryDirectory(prefix="sinoscope-load-") as tmp:
        db = args.db
        if db is None:
            db = pathlib.Path(tmp) / "load.db"
            print("building the sample corpus ...", file=sys.stderr, flush=True)
            build_corpus(db)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SINOSCOPE_API_TOKEN": TOKEN}
        server = subprocess.Popen([sys.executable, "-m", "sinoscope", "serve", "--db", str(db), "--host", HOST,
                                   "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    get_json(port, "/api/documents?limit=1")
                    break
                except (OSError, ValueError):
                    time.sleep(0.2)
            paths = request_mix(port)
            for path in paths:  # one warm-up pass: first renders fill caches, as on a live server
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                conn.request("GET", path)
                conn.getresponse().read()
                conn.close()
            report = run_load(port, paths, args.rate, args.requests, args.connections)
        finally:
            server.terminate()
            server.wait(30)
    report.pop("_elapsed")
    report.update(rate=args.rate, connections=args.connections, distinct_paths=len(paths))
    print(json.dumps(report, ensure_ascii=False, indent=1))
    ok = report["errors"] == 0 and report["p95_ms"] < args.p95_ms and report["requests"] == args.requests
    print(f"{'PASS' if ok else 'FAIL'}: p95 {report['p95_ms']} ms at {args.rate:g} req/s, {report['errors']} errors",
          file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
