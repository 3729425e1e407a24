"""py3langid restricted to a set of languages, loaded from an uncompressed local copy when there is one.

py3langid ships its model LZMA-compressed: decompressing it costs ~0.8 CPU s, paid by every process that
identifies a language. The first load saves the arrays the identifier uses (the DFA tokeniser and the model
columns of the chosen languages) uncompressed to the user's cache ($SINOSCOPE_CACHE_DIR, else
~/.cache/sinoscope), keyed by the model file, the py3langid version and the language set; later processes
map them back in about a hundredth of a second and build the same identifier, value for value. A missing or
unreadable copy means the normal load; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import shutil
import tempfile
from array import array
from typing import Any

_CACHE_ENV = "SINOSCOPE_CACHE_DIR"


def _cache_dir() -> pathlib.Path:
    if os.environ.get(_CACHE_ENV):
        return pathlib.Path(os.environ[_CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache"
    return pathlib.Path(base) / "sinoscope"


def _cache_path(model_file: pathlib.Path, languages: list[str], version: str) -> pathlib.Path:
    stat = model_file.stat()
    key = f"{model_file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{version}|{','.join(languages)}"
    return _cache_dir() / f"langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def _save(path: pathlib.Path, identifier: Any) -> None:
    """One .npy file per array in a directory renamed into place whole (a parallel worker sees all or none)."""
    import numpy as np

    arrays = {"ptc": identifier.nb_ptc, "pc": identifier.nb_pc, "classes": np.array(identifier.nb_classes),
              "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode),
              "nextmove_code": np.array(identifier.tk_nextmove.typecode),
              "row": np.frombuffer(identifier.tk_row, dtype=identifier.tk_row.typecode),
              "row_code": np.array(identifier.tk_row.typecode),
              "out_feat": np.asarray(identifier.tk_output, dtype=np.int64)}
    staging: pathlib.Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = pathlib.Path(tempfile.mkdtemp(dir=path.parent, prefix=".langid-"))
        for name, value in arrays.items():
            np.save(staging / f"{name}.npy", value, allow_pickle=False)
        os.replace(staging, path)
    except OSError:  # unwritable cache, or another process got there first
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _from_cache(path: pathlib.Path, cls: Any) -> Any | None:
    import numpy as np

    def load(name: str, mmap_mode: str | None = None) -> Any:
        return np.load(path / f"{name}.npy", mmap_mode=mmap_mode, allow_pickle=False)

    try:
        # The 39 MB transition table is mapped, not read: a run touches a small part of it, and a
        # memoryview indexes like the stdlib array py3langid builds.
        nextmove = memoryview(load("nextmove", "r")).cast("B").cast(str(load("nextmove_code")))
        row = array(str(load("row_code")), load("row").tobytes())
        return cls(load("ptc"), load("pc"), load("classes").tolist(), nextmove, load("out_feat").tolist(),
                   norm_probs=True, tk_row=row)
    except (OSError, ValueError):
        return None


def restricted_identifier(languages: list[str]) -> Any:
    """A normalising py3langid identifier that chooses among `languages` only."""
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model_file = pathlib.Path(MODEL_DIR) / MODEL_FILE
    try:
        path: pathlib.Path | None = _cache_path(model_file, languages, py3langid.__version__)
    except OSError:
        path = None
    if path is not None and path.exists():
        cached = _from_cache(path, LanguageIdentifier)
        if cached is not None:
            return cached
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(languages)
    if path is not None:
        _save(path, identifier)
    return identifier
