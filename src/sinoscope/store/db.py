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
        if database and database != ":memory:":
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


def open_store(url_or_path: str | None = None) -> Engine:
    """An engine on a database migrated to the current schema."""
    from .migrations import migrate

    engine = make_engine(url_or_path)
    migrate(engine)
    return engine
