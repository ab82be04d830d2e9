"""The database connection: SQLite by default, PostgreSQL (psycopg 3) for several app servers."""

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from tpt_model.settings import is_in_memory

SQLITE_BUSY_TIMEOUT_MS = 10_000
# SQLite connections kept open for reuse; more are opened when more sessions run at once.
SQLITE_POOL_SIZE = 10


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
    return engine
