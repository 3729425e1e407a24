"""Database URLs and engines: SQLite by default (one file, WAL), PostgreSQL for teams.

SQLite is tuned for several processes at once: WAL lets readers run beside one writer,
busy_timeout makes a second writer wait instead of failing, and every write transaction
starts with BEGIN IMMEDIATE so two writers never deadlock upgrading a read lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

DEFAULT_DB_PATH = "sinoscope.db"
DB_URL_ENV = "SINOSCOPE_DB"
BUSY_TIMEOUT_MS = 30_000
MMAP_BYTES = 2 * 1024**3
CACHE_KIB = 64 * 1024


def resolve_url(url_or_path: str | None = None) -> str:
    """A SQLAlchemy URL from a URL, a bare file path, $SINOSCOPE_DB, or the default file."""
    value = url_or_path or os.environ.get(DB_URL_ENV) or DEFAULT_DB_PATH
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
        # Take transaction control from the driver so BEGIN IMMEDIATE below is what runs.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
        cursor.execute("PRAGMA foreign_keys = ON")
        # Search reads many scattered rows: map the file and keep a larger page cache than the 2 MB default.
        cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy connection
        # Writers take the write lock up front; readers stay deferred so they never wait on a writer.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


def make_engine(url_or_path: str | None = None) -> Engine:
    url = resolve_url(url_or_path)
    if make_url(url).get_backend_name() == "sqlite":
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):  # file: is a SQLite URI
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed whole on success, rolled back whole on any error."""
    with engine.connect() as conn:
        conn.execution_options(writer=True)
        with conn.begin():
            yield conn


class StoreError(RuntimeError):
    """The database cannot be used (corrupt, read-only, unreachable, not a sinoscope database); says why."""


def describe(url_or_path: str | None) -> str:
    """The database named for a message: its file, or its URL without the password."""
    url = make_url(resolve_url(url_or_path))
    return url.database or "" if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    reason = text[0] if text else type(exc).__name__
    if "not a database" in reason or "malformed" in reason:
        return f"{reason} (the file is corrupt or not a SQLite database)"
    if "readonly" in reason or "read-only" in reason:
        return f"{reason} (the file or its folder is read-only: sinoscope needs to write to it)"
    return reason


def open_store(url_or_path: str | None = None) -> Engine:
    """An engine on a database migrated to the current schema; StoreError if it cannot be used."""
    from .migrations import migrate

    try:
        engine = make_engine(url_or_path)
        migrate(engine)
    except (DBAPIError, ArgumentError, NoSuchModuleError, OSError) as exc:
        where = describe(url_or_path) if not isinstance(exc, ArgumentError) else "(bad database URL)"
        raise StoreError(f"cannot use the database {where}: {_reason(exc)}") from None
    return engine
