"""Turn command-line inputs (files, folders, .gz, URLs, '-') into raw pages.

Every input yields exactly one RawInput: either its bytes or a clear error. Nothing
here raises for a bad input, so one unreadable file never stops a batch of hundreds.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .urls import FetchError, fetch_url, is_url, redact

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
PAGE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class RawInput:
    source: str
    data: bytes | None = None
    error_kind: str | None = None
    error: str | None = None
    content_type: str | None = None  # from HTTP, if fetched

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def looks_html(self) -> bool:
        name = self.source.lower().removesuffix(".gz")
        if name.endswith(HTML_SUFFIXES) or (self.content_type or "").startswith(("text/html", "application/xhtml")):
            return True
        head = (self.data or b"")[:2048].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head


def _failed(source: str, kind: str, message: str) -> RawInput:
    return RawInput(source, error_kind=kind, error=message)


def _read_capped(stream: io.BufferedIOBase, max_bytes: int) -> bytes | None:
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is, by name (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


class _NotRegular(OSError):
    """The path names something that is not a regular file."""


def _open_regular(path: Path) -> io.BufferedReader:
    """Open `path` for reading only if it is a regular file. O_NONBLOCK keeps the open of a FIFO from
    waiting for a writer; the check runs on the opened descriptor, so a swap after a check cannot fool it."""
    kind = _not_regular(os.stat(path).st_mode)  # a socket cannot even be opened: name it first
    if kind is not None:
        raise _NotRegular(kind)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind is not None:
            raise _NotRegular(kind)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """A regular file's bytes (decompressed for .gz), never more than `max_bytes`: the size on disk is not
    trusted (/dev/zero says 0), only what the capped reader reads."""
    source = str(path)
    try:
        with _open_regular(path) as handle:
            if path.name.endswith(".gz"):
                # Read the decompressed stream with the same cap: a small .gz can hide gigabytes.
                with gzip.open(handle, "rb") as stream:
                    data = _read_capped(stream, max_bytes)
                if data is None:
                    return _failed(source, "too_large",
                                   f"decompressed content is over the size cap of {max_bytes:,} bytes")
            else:
                data = _read_capped(handle, max_bytes)
                if data is None:
                    return _failed(source, "too_large", f"file is over the size cap of {max_bytes:,} bytes")
    except _NotRegular as exc:
        kind = "not_found" if str(exc) == "a directory" else "refused"
        return _failed(source, kind, "is a directory" if kind == "not_found" else f"refused: {exc}, not a file")
    except FileNotFoundError:
        return _failed(source, "not_found", "no such file")
    except IsADirectoryError:
        return _failed(source, "not_found", "is a directory")
    except PermissionError:
        return _failed(source, "unreadable", "permission denied")
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        return _failed(source, "unreadable", f"cannot read: {exc}")
    return RawInput(source, data)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            # A folder's README documents the folder; it is not one of its pages.
            if name.lower().removesuffix(".gz").endswith(PAGE_SUFFIXES) and not name.upper().startswith("README"):
                yield Path(root) / name


def iter_inputs(
    specs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False
) -> Iterator[RawInput]:
    """One RawInput per page named by `specs` (a folder names every page below it)."""
    for spec in specs:
        if spec == "-":
            data = _read_capped(sys.stdin.buffer, max_bytes)
            yield RawInput("-", data) if data is not None else _failed("-", "too_large", "stdin is over the size cap")
        elif is_url(spec):
            try:
                fetched = fetch_url(spec, max_bytes=max_bytes, allow_private=allow_private)
                yield RawInput(spec, fetched.data, content_type=fetched.content_type)
            except FetchError as exc:
                yield _failed(redact(spec), "fetch", str(exc))
            except Exception as exc:  # noqa: BLE001 - one odd server must not end a batch
                yield _failed(redact(spec), "fetch", f"cannot fetch {redact(spec)}: {type(exc).__name__}")
        elif "://" in spec:
            yield _failed(spec, "refused", "only http and https URLs are fetched")
        elif Path(spec).is_dir():
            pages = list(_walk(Path(spec)))
            if not pages:
                yield _failed(spec, "not_found", f"no pages ({', '.join(PAGE_SUFFIXES)}, or .gz) in this folder")
            yield from (read_file(path, max_bytes) for path in pages)
        else:
            yield read_file(Path(spec), max_bytes)
