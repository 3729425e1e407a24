"""The fetcher under attack (loopback only): bad redirects, DNS rebinding, private addresses hidden in
IPv6, slowloris servers and passwords in URLs each give one clear fetch error, and the batch goes on."""

from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from sinoscope.sources import urls
from sinoscope.sources.inputs import iter_inputs
from sinoscope.sources.urls import FetchError, fetch_url

PAGE = b"<html><body><p>Sample page of the fictional Harbour Ledger.</p></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        Handler.hits.append(self.path)
        if self.path == "/space-redirect":
            self.send_response(302)
            self.send_header("Location", "/a page with spaces")
            self.end_headers()
        elif self.path == "/slow-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(100):  # a header byte now and then: each read is quick, the whole never ends
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()


def test_a_location_with_a_space_is_an_error_record_and_the_batch_goes_on(server: int) -> None:
    bad, good = iter_inputs([f"http://127.0.0.1:{server}/space-redirect", f"http://127.0.0.1:{server}/page"],
                            allow_private=True)
    assert (bad.ok, bad.error_kind) == (False, "fetch") and "cannot fetch" in bad.error
    assert good.ok and good.data == PAGE


@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body"])
def test_a_trickling_server_cannot_hold_a_fetch_past_its_deadline(server: int, path: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls, "TOTAL_SECONDS", 1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch_url(f"http://127.0.0.1:{server}{path}", max_bytes=1_000_000, allow_private=True, timeout=5)
    assert time.monotonic() - started < 3


def _resolver(answers: list[str]):
    calls: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):  # noqa: ANN001, ANN202 - socket's signature
        address = answers[min(len(calls), len(answers) - 1)]
        calls.append(host)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sockaddr = (address, port, 0, 0) if family == socket.AF_INET6 else (address, port)
        return [(family, socket.SOCK_STREAM, 6, "", sockaddr)]

    return getaddrinfo, calls


def test_dns_rebinding_cannot_reach_loopback(server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name resolves to a public address when vetted, then to 127.0.0.1: the connection must go to the
    vetted address (here refused), never to the loopback server."""
    getaddrinfo, calls = _resolver(["1.1.1.1", "127.0.0.1"])
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    original_connect = socket.socket.connect
    tried: list[str] = []

    def connect(self, address):  # noqa: ANN001, ANN202
        tried.append(address[0])
        if address[0] != "127.0.0.1":
            raise ConnectionRefusedError("no network in tests")
        return original_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    Handler.hits.clear()
    with pytest.raises(FetchError):
        fetch_url(f"http://rebind.example:{server}/page", max_bytes=10_000)
    assert Handler.hits == [] and "127.0.0.1" not in tried
    assert calls == ["rebind.example"]


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:101::",
                                     "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b:1::808:808",
                                     "2001:0:4136:e378:8000:63bf:80ff:fffe", "fe80::1", "fd00::1", "100.64.0.1",
                                     "169.254.169.254", "0.0.0.0", "224.0.0.1"])
def test_every_embedding_of_a_private_address_is_refused(address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    getaddrinfo, _ = _resolver([address])
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url("http://hidden.example/page", max_bytes=10_000)


def test_a_public_address_embedded_in_nat64_is_allowed() -> None:
    import ipaddress

    assert urls.is_public(ipaddress.ip_address("64:ff9b::808:808"))
    assert urls.is_public(ipaddress.ip_address("2002:808:808::1"))


def test_a_url_password_never_reaches_an_error_record() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (raw,) = iter_inputs([f"http://reader:hunter2@127.0.0.1:{port}/page"], allow_private=True)
    assert raw.error_kind == "fetch"
    assert "hunter2" not in raw.error and "hunter2" not in raw.source
    assert "reader:***@" in raw.source
