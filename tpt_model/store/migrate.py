"""Schema migrations (Alembic, in `migrations/`): any database, new or old, brought to the newest revision."""

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from tpt_model.store.engine import make_engine
from tpt_model.store.errors import StoreError, translated

MIGRATIONS = Path(__file__).with_name("migrations")
# What a database made by `metadata.create_all`, before migrations existed, is stamped with.
BASELINE = "0001"
SCORES_REVISION = "0002"
# On PostgreSQL several app servers may start at once: one migrates while the others wait.
UPGRADE_LOCK = 7_470_701
# Alembic's `context` and `op` are process-wide proxies: two threads migrating at once (two
# sessions opening the database) would run on each other's connection.
_upgrading = threading.Lock()


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database's schema stands: its revision (None without one), the newest, any tables."""

    current: str | None
    head: str
    has_tables: bool

    @property
    def up_to_date(self) -> bool:
        """Whether the schema is at the newest revision this version of the app knows."""
        return self.current == self.head


@dataclass(frozen=True)
class SchemaUpgrade:
    """The schema revision before an upgrade (None for an empty database) and after it."""

    before: str | None
    after: str


def migration_config(connection: Connection) -> Config:
    """An Alembic configuration over the package's migrations that works through `connection`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database (None when it has no version table)."""
    return MigrationContext.configure(connection).get_current_revision()


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def head_revision() -> str:
    """The newest revision of the schema that this version of the app knows."""
    head = _script().get_current_head()
    assert head is not None, "no migration"
    return head


def known_revisions() -> set[str]:
    """Every revision of the schema that this version of the app knows."""
    return {rev.revision for rev in _script().walk_revisions()}


def schema_revision(connection: Connection) -> str | None:
    """The database's revision: recorded, or recognised in a database made before migrations."""
    return current_revision(connection) or _legacy_revision(connection)


@translated
def schema_status(engine: Engine) -> SchemaStatus:
    """Where the schema of the database stands, without changing anything (what `db check` reports)."""
    with engine.connect() as conn:
        current = current_revision(conn)
        tables = bool(set(inspect(conn).get_table_names()) - {"alembic_version"})
    return SchemaStatus(current, head_revision(), tables)


@translated
def upgrade(engine: Engine) -> SchemaUpgrade:
    """Bring the schema to the newest revision; a database made before migrations is stamped first."""
    with _upgrading, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        config = migration_config(conn)
        recorded = current_revision(conn)
        refuse_unknown(recorded)
        before = recorded or _legacy_revision(conn)
        if recorded is None and before is not None:
            command.stamp(config, before)
        command.upgrade(config, "head")
        after = current_revision(conn)
    assert after is not None
    return SchemaUpgrade(before, after)


@translated
def open_database(url: str, *, connect_args: dict[str, Any] | None = None) -> Engine:
    """An engine on `url` with its schema up to date: what the app and the command line start with."""
    engine = make_engine(url, connect_args=connect_args)
    try:
        upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    return engine


def _legacy_revision(conn: Connection) -> str | None:
    inspector = inspect(conn)
    if not inspector.has_table("scenarios"):
        return None
    columns = {column["name"] for column in inspector.get_columns("scenarios")}
    return SCORES_REVISION if "scores_revision" in columns else BASELINE


def refuse_unknown(recorded: str | None) -> None:
    """Raise a StoreError for a database migrated by a newer version of the app (guessing risks its data)."""
    if recorded is not None and recorded not in known_revisions():
        raise StoreError(
            f"La base de données est à une révision inconnue de cette version de l'application "
            f"({recorded}) : elle a été mise à jour par une version plus récente. Utilisez cette "
            "version-là, ou une sauvegarde faite avant sa mise à jour."
        )
