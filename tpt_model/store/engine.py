"""The database: where it lives and how to connect (SQLite by default, PostgreSQL for several servers)."""

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from tpt_model.store.tables import metadata

SQLITE_BUSY_TIMEOUT_MS = 10_000
DATABASE_FILE = "frise.sqlite3"


def database_url(env: Mapping[str, str] | None = None) -> str:
    """`TPT_DATABASE_URL` if set, else a SQLite file in `TPT_DATA_DIR` (default `./data`), created."""
    env = os.environ if env is None else env
    url = env.get("TPT_DATABASE_URL", "").strip()
    if url:
        return url
    folder = Path(env.get("TPT_DATA_DIR") or "data").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DATABASE_FILE}"


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
    """An engine for `url` (SQLite or PostgreSQL through psycopg 3), with the schema created."""
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    options: dict[str, Any] = {"connect_args": dict(connect_args or {})}
    if backend == "postgresql":
        # App servers keep connections for hours: check them before use.
        options["pool_pre_ping"] = True
    engine = create_engine(url, **options)
    if backend == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    metadata.create_all(engine)
    return engine
