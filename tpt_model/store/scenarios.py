"""Scenarios in the database: every save is a new version, and a save over a newer one is refused."""

# Postponed annotations: the store has a method named `list`, which would otherwise shadow the
# built-in in the annotations of the methods defined after it.
from __future__ import annotations

import builtins
import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, update

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.i18n import mark_
from tpt_model.scenario.creation import scenario_name
from tpt_model.store.engine import writing
from tpt_model.store.errors import (
    ScenarioNotFound,
    StaleWrite,
    StoreError,
    VersionNotFound,
    translated,
)
from tpt_model.store.tables import scenario_versions, scenarios, utc_now

__all__ = [
    "ScenarioInfo",
    "ScenarioNotFound",
    "ScenarioStore",
    "StaleWrite",
    "StoreError",
    "StoredScenario",
    "VersionInfo",
    "VersionStamp",
    "VersionNotFound",
]


class StoredScenario(BaseModel):
    """A scenario as read from (or just written to) the database, with its version."""

    model_config = ConfigDict(frozen=True)

    id: str
    version: int
    scenario: Scenario
    updated_at: datetime
    updated_by: str


class VersionStamp(BaseModel):
    """A scenario's current version number and who saved it: what a page checks at every rerun."""

    model_config = ConfigDict(frozen=True)

    version: int
    updated_by: str


class ScenarioInfo(BaseModel):
    """One line of the list of scenarios."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    working_group: str | None
    version: int
    updated_at: datetime
    updated_by: str
    created_at: datetime


class VersionInfo(BaseModel):
    """One line of a scenario's history."""

    model_config = ConfigDict(frozen=True)

    version: int
    author: str
    created_at: datetime
    summary: str
    placements: int


def _checked_name(name: str) -> str:
    # The scenario room's rule, raised as a store error like every refusal of the store.
    try:
        return scenario_name(name)
    except InputError as err:
        raise StoreError(err.message) from None


def _insert_version(
    conn: Connection,
    scenario_id: str,
    version: int,
    scenario: Scenario,
    author: str,
    at: datetime,
    summary: str,
) -> None:
    # Serialised inside the transaction: if it fails, the version number bump is rolled back too.
    conn.execute(
        insert(scenario_versions).values(
            scenario_id=scenario_id,
            version=version,
            content=scenario.model_dump_json(),
            author=author,
            created_at=at,
            summary=summary,
            placements=len(scenario.placements),
        )
    )


class ScenarioStore:
    """Scenarios and their full history; writes use optimistic locking on a version number.

    Every method turns a database failure into a StoreError with its French message.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translated
    def create(self, scenario: Scenario, author: str) -> StoredScenario:
        """Store a new scenario as its version 1."""
        return self._create(scenario, author, mark_("Création"))  # stored in French, shown translated

    @translated
    def get(self, scenario_id: str) -> StoredScenario:
        """The current version of a scenario."""
        query = (
            select(scenarios, scenario_versions.c.content)
            .join(
                scenario_versions,
                and_(
                    scenario_versions.c.scenario_id == scenarios.c.id,
                    scenario_versions.c.version == scenarios.c.current_version,
                ),
            )
            .where(scenarios.c.id == scenario_id)
        )
        # One statement, so that the version number and the content come from the same save.
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            raise ScenarioNotFound(scenario_id)
        return StoredScenario(
            id=row.id,
            version=row.current_version,
            scenario=Scenario.model_validate_json(row.content),
            updated_at=row.updated_at,
            updated_by=row.updated_by,
        )

    @translated
    def stamp(self, scenario_id: str) -> VersionStamp:
        """The current version number of a scenario and its author: one row read by primary key.

        Cheap enough for every rerun of a page: the scenario itself is read only when it moved.
        """
        query = select(scenarios.c.current_version, scenarios.c.updated_by).where(
            scenarios.c.id == scenario_id
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            raise ScenarioNotFound(scenario_id)
        return VersionStamp(version=row.current_version, updated_by=row.updated_by)

    @translated
    def save(
        self, scenario_id: str, scenario: Scenario, expected_version: int, author: str, summary: str = ""
    ) -> StoredScenario:
        """Store `scenario` as a new version, if the current one is still `expected_version`."""
        now = utc_now()
        new_version = expected_version + 1
        with writing(self.engine) as conn:
            # The conditional write comes first and takes the row (or database) lock: of two
            # saves from the same version, the second finds 0 rows and nothing is overwritten.
            result = conn.execute(
                update(scenarios)
                .where(scenarios.c.id == scenario_id, scenarios.c.current_version == expected_version)
                .values(
                    current_version=new_version,
                    name=scenario.name,
                    working_group=scenario.working_group,
                    updated_at=now,
                    updated_by=author,
                )
            )
            if result.rowcount == 0:
                raise self._refusal(conn, scenario_id, scenario)
            _insert_version(conn, scenario_id, new_version, scenario, author, now, summary)
        return StoredScenario(
            id=scenario_id, version=new_version, scenario=scenario, updated_at=now, updated_by=author
        )

    @translated
    def rename(self, scenario_id: str, name: str, expected_version: int, author: str) -> StoredScenario:
        """Store a new version that differs from `expected_version` only by its name."""
        name = _checked_name(name)
        renamed = self.version(scenario_id, expected_version).model_copy(update={"name": name})
        return self.save(scenario_id, renamed, expected_version, author, f"Renommé en « {name} »")

    @translated
    def duplicate(self, scenario_id: str, new_name: str, author: str) -> StoredScenario:
        """Copy the current version of a scenario into a new scenario (version 1)."""
        new_name = _checked_name(new_name)
        source = self.get(scenario_id)
        copy = source.scenario.model_copy(update={"name": new_name})
        summary = f"Copie de « {source.scenario.name} » (version {source.version})"
        return self._create(copy, author, summary)

    @translated
    def delete(self, scenario_id: str) -> None:
        """Delete a scenario with its history and scores."""
        with writing(self.engine) as conn:
            result = conn.execute(delete(scenarios).where(scenarios.c.id == scenario_id))
            if result.rowcount == 0:
                raise ScenarioNotFound(scenario_id)

    @translated
    def versions(self, scenario_id: str) -> list[VersionInfo]:
        """The history of a scenario, newest version first."""
        query = (
            select(scenario_versions)
            .where(scenario_versions.c.scenario_id == scenario_id)
            .order_by(scenario_versions.c.version.desc())
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:  # every stored scenario has at least its version 1
            raise ScenarioNotFound(scenario_id)
        return [
            VersionInfo(
                version=row.version,
                author=row.author,
                created_at=row.created_at,
                summary=row.summary,
                placements=row.placements,
            )
            for row in rows
        ]

    @translated
    def version(self, scenario_id: str, version: int) -> Scenario:
        """The content of one version of a scenario."""
        query = select(scenario_versions.c.content).where(
            scenario_versions.c.scenario_id == scenario_id, scenario_versions.c.version == version
        )
        with self.engine.connect() as conn:
            content = conn.execute(query).scalar_one_or_none()
            if content is None and self._exists(conn, scenario_id):
                raise VersionNotFound(scenario_id, version)
        if content is None:
            raise ScenarioNotFound(scenario_id)
        return Scenario.model_validate_json(content)

    @translated
    def history(self, scenario_id: str, up_to: int, count: int) -> list[tuple[Scenario, str]]:
        """The contents and summaries of the `count` versions up to `up_to`, oldest first.

        What an undo history is rebuilt from after a reload: each version undoes into the one before.
        """
        query = (
            select(scenario_versions.c.content, scenario_versions.c.summary)
            .where(
                scenario_versions.c.scenario_id == scenario_id,
                scenario_versions.c.version <= up_to,
                scenario_versions.c.version > up_to - count,
            )
            .order_by(scenario_versions.c.version)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [(Scenario.model_validate_json(row.content), row.summary) for row in rows]

    @translated
    def restore(self, scenario_id: str, version: int, expected_version: int, author: str) -> StoredScenario:
        """Store an old version again as a new version: history is never rewritten."""
        old = self.version(scenario_id, version)
        return self.save(scenario_id, old, expected_version, author, f"Restauration de la version {version}")

    @translated
    def list(self) -> list[ScenarioInfo]:
        """Every scenario, most recently modified first."""
        query = select(scenarios).order_by(scenarios.c.updated_at.desc(), scenarios.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            ScenarioInfo(
                id=row.id,
                name=row.name,
                working_group=row.working_group,
                version=row.current_version,
                updated_at=row.updated_at,
                updated_by=row.updated_by,
                created_at=row.created_at,
            )
            for row in rows
        ]

    @translated
    def current_contents(self) -> builtins.list[tuple[str, Scenario]]:
        """The name and current version of every scenario (what the catalogue's health reads)."""
        query = (
            select(scenarios.c.name, scenario_versions.c.content)
            .join(
                scenario_versions,
                and_(
                    scenario_versions.c.scenario_id == scenarios.c.id,
                    scenario_versions.c.version == scenarios.c.current_version,
                ),
            )
            .order_by(scenarios.c.name, scenarios.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [(row.name, Scenario.model_validate_json(row.content)) for row in rows]

    @translated
    def count(self) -> int:
        """How many scenarios the database holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(scenarios)).scalar_one())

    def _create(self, scenario: Scenario, author: str, summary: str) -> StoredScenario:
        scenario_id = str(uuid.uuid4())
        now = utc_now()
        with writing(self.engine) as conn:
            conn.execute(
                insert(scenarios).values(
                    id=scenario_id,
                    name=scenario.name,
                    working_group=scenario.working_group,
                    created_at=now,
                    updated_at=now,
                    updated_by=author,
                    current_version=1,
                )
            )
            _insert_version(conn, scenario_id, 1, scenario, author, now, summary)
        return StoredScenario(id=scenario_id, version=1, scenario=scenario, updated_at=now, updated_by=author)

    @staticmethod
    def _exists(conn: Connection, scenario_id: str) -> bool:
        query = select(scenarios.c.id).where(scenarios.c.id == scenario_id)
        return conn.execute(query).first() is not None

    @staticmethod
    def _refusal(conn: Connection, scenario_id: str, rejected: Scenario) -> StoreError:
        # Read inside the failed save's transaction: this is the save that won.
        query = select(scenarios).where(scenarios.c.id == scenario_id)
        row = conn.execute(query).one_or_none()
        if row is None:
            return ScenarioNotFound(scenario_id, rejected)
        return StaleWrite(scenario_id, rejected, row.current_version, row.updated_by, row.updated_at)
