"""Fetching pages: http(s) only, capped size and redirects, no private hosts unless allowed."""

import http.server
import threading

import pytest

from sinoscope.sources.urls import MAX_REDIRECTS, FetchError, fetch_url

PAGE = "<html><body><p>样例页面 sample page</p></body></html>".encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path.startswith("/loop"):
            n = int(self.path.rsplit("/", 1)[-1] or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop/{n + 1}")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"x" * 50_000)
        elif self.path == "/page":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetches_a_page_and_follows_a_redirect(server):
    fetched = fetch_url(server + "/moved", max_bytes=10_000, allow_private=True)
    assert fetched.data == PAGE
    assert fetched.content_type == "text/html"


def test_loopback_is_refused_unless_allowed(server):
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url(server + "/page", max_bytes=10_000)


def test_redirects_are_capped(server):
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch_url(server + "/loop/0", max_bytes=10_000, allow_private=True)


def test_size_is_capped(server):
    with pytest.raises(FetchError, match="size cap"):
        fetch_url(server + "/big", max_bytes=1000, allow_private=True)


def test_http_errors_are_reported(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(server + "/missing", max_bytes=1000, allow_private=True)


def test_other_schemes_are_refused():
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url("file:///etc/passwd", max_bytes=1000)
