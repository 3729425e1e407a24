"""Fetch a web page safely: http(s) only, timeout, size cap, few redirects, no private hosts.

Private, loopback and link-local addresses are refused unless the caller allows them,
so a URL handed to sinoscope cannot make it probe the machine's own network. The check
runs on every redirect hop, against the addresses the host name resolves to.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0
USER_AGENT = "sinoscope/0.1 (+news analysis; offline-friendly)"


class FetchError(RuntimeError):
    """The URL could not be fetched; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str | None


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _check_host(url: str, allow_private: bool) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused scheme {parts.scheme!r}: only http and https are fetched")
    if not parts.hostname:
        raise FetchError("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"refused {parts.hostname}: it resolves to a non-public address ({address})")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        return None


def fetch_url(url: str, max_bytes: int, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    opener = urllib.request.build_opener(_NoRedirect)
    for _ in range(MAX_REDIRECTS + 1):
        _check_host(url, allow_private)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        try:
            with opener.open(request, timeout=timeout) as response:
                data = response.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise FetchError(f"response is over the size cap of {max_bytes:,} bytes")
                return Fetched(response.geturl(), data, response.headers.get_content_type())
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urllib.parse.urljoin(url, exc.headers["Location"])
                continue
            raise FetchError(f"HTTP {exc.code} from {url}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise FetchError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from exc
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
