"""The database: where it lives, how to connect, and the schema shared by the stores."""

import os
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

SQLITE_BUSY_TIMEOUT_MS = 10_000
DATABASE_FILE = "frise.sqlite3"


class StoreError(Exception):
    """A persistence error with a French message that can be shown to the user as is."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes; SQLite receives naive UTC so that text order is time order."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware UTC value")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002
        """Read back as aware UTC, whatever the session time zone of the server."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


metadata = MetaData()

# A real delete: versions and scores of a deleted scenario go with it (ON DELETE CASCADE).
scenarios = Table(
    "scenarios",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("working_group", String(80), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
    Column("current_version", Integer, nullable=False),
    # Bumped by every write of a score of the scenario: a one-row read tells pages whether to re-read.
    Column("scores_revision", Integer, nullable=False, server_default="0"),
)

scenario_versions = Table(
    "scenario_versions",
    metadata,
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("content", Text, nullable=False),  # Scenario.model_dump_json(), never pickle
    Column("author", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    # Kept beside the content so that the history lists without parsing every version.
    Column("placements", Integer, nullable=False),
)

# The primary key is the unique (scenario, brick, evaluator, criterion) that upserts target.
scores = Table(
    "scores",
    metadata,
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("brick_id", String(80), primary_key=True),
    Column("evaluator", String(200), primary_key=True),
    Column("criterion_id", String(80), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("comment", Text, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)


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
