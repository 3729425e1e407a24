"""Fetch a web page safely: http(s) only, size cap, few redirects, a total deadline, no private hosts.

Private, loopback and link-local addresses are refused unless the caller allows them, so a URL handed
to sinoscope cannot make it probe the machine's own network. On every redirect hop the host name is
resolved once, each address is vetted (including IPv4 addresses embedded in IPv6: mapped, 6to4,
NAT64, Teredo, compatible) and the connection goes to a vetted address, never through a second lookup
(DNS rebinding). Each read has a timeout and the whole fetch has a deadline, so a server trickling a
byte a second (slowloris) cannot hold it. Every failure is a FetchError, with any URL password redacted.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0  # one connect or read
TOTAL_SECONDS = 30.0  # the whole fetch: every hop, headers and body
USER_AGENT = "sinoscope/0.1 (+news analysis; offline-friendly)"
CHUNK = 64 * 1024
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (RFC 6052 NAT64, local-use NAT64).
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated IPv4-compatible addresses, ::a.b.c.d


# The commands that fetch (analyze, ingest, watch, api) all take this switch; the message names it.
PRIVATE_HINT = "pass --allow-private to fetch it anyway"


class FetchError(RuntimeError):
    """The URL could not be fetched; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str | None


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def redact(url: str) -> str:
    """The URL with the password of its user part replaced by ***: error records must not leak it."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, tail = rest.partition("/")
    userinfo, at, host = authority.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}{slash}{tail}"


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]  # the client; the server is checked by the caller's rule on the whole address
    if any(address in net for net in _NAT64) or (address in _COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """A globally routable unicast address, and so is any IPv4 address it embeds."""
    if address.is_multicast or not address.is_global:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address.teredo and not is_public(address.teredo[0]):
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded) and not any(address in net for net in _NAT64[1:])
    return True


def _vetted_addresses(host: str, port: int, allow_private: bool) -> list[tuple[int, str]]:
    """The host's addresses (family, address), resolved once; refused if any is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from exc
    found: list[tuple[int, str]] = []
    for family, _, _, _, sockaddr in infos:
        text = str(sockaddr[0]).split("%", 1)[0]
        address = ipaddress.ip_address(text)
        if not allow_private and not is_public(address):
            raise FetchError(f"refused {host}: it resolves to a non-public address ({address}); {PRIVATE_HINT}")
        if (family, text) not in found:
            found.append((family, text))
    if not found:
        raise FetchError(f"cannot resolve {host}: no address")
    return found


class _Deadline:
    """Shuts the socket down when the fetch's total time is up, so no read can wait past it."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.expired = False
        self._sock: socket.socket | None = None
        self._timer: threading.Timer | None = None

    def remaining(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            self.expired = True
            raise FetchError("took longer than the total deadline")
        return left

    def passed(self) -> bool:
        """The deadline is (about) now or gone: a read that timed out near it timed out because of it."""
        return self.expired or time.monotonic() >= self.at - 0.05

    def watch(self, sock: socket.socket) -> None:
        self._sock = sock
        self._timer = threading.Timer(max(0.0, self.at - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        self.expired = True
        if self._sock is not None:
            with contextlib.suppress(OSError):  # already closed: nothing left to wait on
                self._sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def _connect(addresses: list[tuple[int, str]], port: int, deadline: _Deadline, timeout: float) -> socket.socket:
    last: OSError | None = None
    for family, address in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.settimeout(min(timeout, deadline.remaining()))
        try:
            sock.connect((address, port))
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError("no address to connect to")


def _fetch_once(url: str, max_bytes: int, allow_private: bool, timeout: float,
                deadline: _Deadline) -> tuple[int, http.client.HTTPResponse, bytes]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused scheme {parts.scheme!r}: only http and https are fetched")
    if not parts.hostname:
        raise FetchError("URL has no host")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except (UnicodeError, ValueError) as exc:
        raise FetchError(f"bad host or port in URL: {exc}") from exc
    addresses = _vetted_addresses(host, port, allow_private)
    sock = _connect(addresses, port, deadline, timeout)
    if parts.scheme == "https":
        try:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        except BaseException:
            sock.close()
            raise
    conn_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_class(host, port, timeout=timeout)
    conn.sock = sock  # the vetted connection: http.client never resolves the name itself
    deadline.watch(sock)
    try:
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        response = conn.getresponse()
        if response.status in (301, 302, 303, 307, 308) or response.status >= 400:
            return response.status, response, b""
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            sock.settimeout(min(timeout, deadline.remaining()))
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if deadline.passed():
            raise FetchError(f"cannot fetch {redact(url)}: took longer than the total deadline")
        if size > max_bytes:
            raise FetchError(f"response is over the size cap of {max_bytes:,} bytes")
        return response.status, response, b"".join(chunks)
    finally:
        deadline.stop()
        conn.close()


def fetch_url(url: str, max_bytes: int, allow_private: bool = False, timeout: float | None = None,
              total: float | None = None) -> Fetched:
    """The page at `url` (following up to MAX_REDIRECTS redirects), or FetchError saying why not;
    `timeout` bounds each connect and read (TIMEOUT_SECONDS), `total` the whole fetch (TOTAL_SECONDS)."""
    start_url = url
    timeout = timeout or TIMEOUT_SECONDS
    total = total or TOTAL_SECONDS
    deadline_at = time.monotonic() + total
    for _ in range(MAX_REDIRECTS + 1):
        deadline = _Deadline(deadline_at)
        try:
            status, response, data = _fetch_once(url, max_bytes, allow_private, timeout, deadline)
        except (OSError, http.client.HTTPException, ValueError) as exc:  # a bad Location: InvalidURL
            reason = "took longer than the total deadline" if deadline.passed() else (
                getattr(exc, "reason", None) or exc or type(exc).__name__)
            raise FetchError(f"cannot fetch {redact(url)}: {reason}") from exc
        if status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"HTTP {status} without a Location from {redact(url)}")
            url = urllib.parse.urljoin(url, location.strip())
            continue
        if status >= 400:
            raise FetchError(f"HTTP {status} from {redact(url)}")
        return Fetched(url, data, response.headers.get_content_type())
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {redact(start_url)}")
