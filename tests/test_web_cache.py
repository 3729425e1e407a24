"""The corpus-wide aggregates of the web app: computed once, then refreshed in the background."""

import threading

from sinoscope.web import queries as webq


def test_a_stale_aggregate_is_served_while_it_refreshes(monkeypatch):
    version = {"n": 1}
    monkeypatch.setattr(webq, "latest_document_id", lambda engine: version["n"])
    monkeypatch.setattr(webq, "CACHE_SECONDS", 0)
    release = threading.Event()
    calls = []

    def compute():
        calls.append(version["n"])
        if len(calls) > 1:
            release.wait(5)  # a slow refresh must not hold up the reader
        return f"result for version {version['n']}"

    engine = object()
    assert webq.cached(engine, ("test-aggregate",), compute) == "result for version 1"
    version["n"] = 2  # a new document arrived
    assert webq.cached(engine, ("test-aggregate",), compute) == "result for version 1"  # stale, at once
    release.set()
    for _ in range(100):
        if webq.cached(engine, ("test-aggregate",), compute) == "result for version 2":
            break
        threading.Event().wait(0.02)
    assert webq.cached(engine, ("test-aggregate",), compute) == "result for version 2"
    assert calls == [1, 2]  # one refresh, not one per request
