"""The database connection: SQLite by default, PostgreSQL (psycopg 3) for several app servers."""

import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from tpt_model.settings import is_in_memory

SQLITE_BUSY_TIMEOUT_MS = 10_000
# How long a writer of this process waits for the others of the process: as patient as SQLite.
WRITER_WAIT_S = SQLITE_BUSY_TIMEOUT_MS / 1000
# SQLite connections kept open for reuse; more are opened when more sessions run at once.
SQLITE_POOL_SIZE = 10


# One lock per SQLite file engine: the writers of this process take their turn here (see `writing`).
_WRITERS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()


def normalise_url(url: str) -> str:
    """Point a plain `postgresql://` (or `postgres://`) URL at the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # WAL lets readers go on while one writer commits; foreign keys are off by default in
    # SQLite; the busy timeout makes a second writer wait instead of failing at once.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def make_engine(url: str, *, connect_args: dict[str, Any] | None = None) -> Engine:
    """An engine for `url` (SQLite or PostgreSQL through psycopg 3); the schema is `migrate.upgrade`'s."""
    parsed = make_url(normalise_url(url))
    backend = parsed.get_backend_name()
    options: dict[str, Any] = {"connect_args": dict(connect_args or {})}
    if backend == "postgresql":
        # App servers keep connections for hours: check them before use.
        options["pool_pre_ping"] = True
    elif is_in_memory(parsed):
        # An in-memory database lives in its one connection: every thread (each Streamlit rerun
        # runs in one) must share it, or each would see an empty database of its own.
        options["poolclass"] = StaticPool
        options["connect_args"].setdefault("check_same_thread", False)
    else:
        # Every Streamlit session runs in a thread of its own: forty people in a workshop may read
        # at once. SQLAlchemy's default pool (5 + 10 connections, then 30 s of waiting) made the
        # sixteenth wait, and a wait past 30 s failed as « base occupée ». A SQLite connection is
        # a file handle, and SQLite itself serialises the writers: none is refused for want of one.
        options["pool_size"] = SQLITE_POOL_SIZE
        options["max_overflow"] = -1
    engine = create_engine(parsed, **options)
    if backend == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        _WRITERS[engine] = threading.RLock()
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (`engine.begin()`); on SQLite, this process's writers take turns first.

    SQLite lets one writer in at a time, and one that finds it busy sleeps in growing steps (1, 2,
    5, 10… up to 100 ms) before it looks again: forty sessions of one process saving at once
    waited hundreds of milliseconds for a lock long free, and could starve past the busy timeout.
    A lock of the process wakes the next writer as soon as the last one has committed; SQLite's
    busy timeout still arbitrates between processes. Waiting longer than it is « base occupée ».
    """
    lock = _WRITERS.get(engine)
    if lock is None:
        with engine.begin() as conn:
            yield conn
        return
    if not lock.acquire(timeout=WRITER_WAIT_S):
        raise exc.TimeoutError("another writer of this process held the database past the busy timeout")
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        lock.release()
