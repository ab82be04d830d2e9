"""Migrations: old databases reach the newest schema with all their data, and match the models."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, insert, inspect, text

from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.errors import StoreError
from tpt_model.store.migrate import SchemaUpgrade, current_revision, migration_config, open_database, upgrade
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.tables import metadata, scenario_versions, scenarios, scores

AT = datetime(2026, 11, 28, 16, 39, tzinfo=UTC)
HEAD = "0005"  # the newest migration
WORKSHOP_TABLES = {
    "workshops",
    "workshop_participants",
    "workshop_rounds",
    "workshop_answers",
    "workshop_attempts",
}
CATALOGUE_EDIT_TABLES = {"catalogue_edits", "pilot_attempts"}
FIRST = Scenario(name="Frise de mars")
SECOND = Scenario(
    name="Frise de mars",
    placements=(
        Placement(
            brick="mentorat",
            start=JourneyPoint(stage="seconde", month=10),
            end=JourneyPoint(stage="premiere", month=6),
        ),
    ),
)
SHEETS = [
    ScoreSheet(
        brick="mentorat", evaluator="Alice", scores={"pertinence": 4, "simplicite": 2}, comment="Utile"
    ),
    ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 3}),
]


def migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    with engine.begin() as conn:
        step = command.downgrade if down else command.upgrade
        step(migration_config(conn), revision)


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision(conn)


def store_a_scenario_with_scores(engine: Engine) -> None:
    """A scenario with two versions and two evaluators' scores, written without `scores_revision`."""
    with engine.begin() as conn:
        conn.execute(
            insert(scenarios).values(
                id="s1",
                name=SECOND.name,
                working_group=None,
                created_at=AT,
                updated_at=AT,
                updated_by="Alice",
                current_version=2,
            )
        )
        for version, scenario in ((1, FIRST), (2, SECOND)):
            conn.execute(
                insert(scenario_versions).values(
                    scenario_id="s1",
                    version=version,
                    content=scenario.model_dump_json(),
                    author="Alice",
                    created_at=AT,
                    summary="Création" if version == 1 else "Ajout de « mentorat »",
                    placements=len(scenario.placements),
                )
            )
        rows = [
            {
                "scenario_id": "s1",
                "brick_id": s.brick,
                "evaluator": s.evaluator,
                "criterion_id": criterion,
                "value": value,
                "comment": s.comment,
                "updated_at": AT,
            }
            for s in SHEETS
            for criterion, value in s.scores.items()
        ]
        conn.execute(insert(scores), rows)


def assert_nothing_lost(engine: Engine) -> None:
    stored = ScenarioStore(engine)
    current = stored.get("s1")
    assert (current.version, current.scenario, current.updated_by, current.updated_at) == (
        2,
        SECOND,
        "Alice",
        AT,
    )
    assert [(v.version, v.summary, v.placements) for v in stored.versions("s1")] == [
        (2, "Ajout de « mentorat »", 1),
        (1, "Création", 0),
    ]
    assert stored.version("s1", 1) == FIRST
    score_store = ScoreStore(engine)
    assert score_store.sheets("s1") == SHEETS
    assert score_store.revision("s1") == 0


def test_an_empty_database_gets_the_newest_schema(bare_engine: Engine) -> None:
    assert upgrade(bare_engine) == SchemaUpgrade(before=None, after=HEAD)
    tables = set(inspect(bare_engine).get_table_names())
    assert tables == {
        "alembic_version",
        "scenarios",
        "scenario_versions",
        "scores",
        "sessions",
        *WORKSHOP_TABLES,
        *CATALOGUE_EDIT_TABLES,
    }
    assert upgrade(bare_engine) == SchemaUpgrade(before=HEAD, after=HEAD)  # a second start


def test_a_database_from_before_the_scores_revision_is_upgraded_with_nothing_lost(
    bare_engine: Engine,
) -> None:
    migrate(bare_engine, "0001")
    columns = {c["name"] for c in inspect(bare_engine).get_columns("scenarios")}
    assert "scores_revision" not in columns
    store_a_scenario_with_scores(bare_engine)
    assert upgrade(bare_engine) == SchemaUpgrade(before="0001", after=HEAD)
    assert_nothing_lost(bare_engine)
    ScoreStore(bare_engine).save_sheet("s1", SHEETS[1], as_evaluator="Bob")
    assert ScoreStore(bare_engine).revision("s1") == 1


@pytest.mark.parametrize("had_scores_revision", [True, False], ids=["with-revision", "without-revision"])
def test_a_database_made_before_migrations_is_stamped_then_upgraded(
    bare_engine: Engine, had_scores_revision: bool
) -> None:
    # How the app made its schema before migrations: its three tables of then.
    metadata.create_all(bare_engine, tables=[scenarios, scenario_versions, scores])
    if not had_scores_revision:
        with bare_engine.begin() as conn:
            conn.execute(text("ALTER TABLE scenarios DROP COLUMN scores_revision"))
    store_a_scenario_with_scores(bare_engine)
    assert revision_of(bare_engine) is None
    before = "0002" if had_scores_revision else "0001"
    assert upgrade(bare_engine) == SchemaUpgrade(before=before, after=HEAD)
    assert_nothing_lost(bare_engine)
    assert_models_match(bare_engine)


def assert_models_match(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        assert compare_metadata(context, metadata) == []


def test_the_models_and_the_migrations_agree(bare_engine: Engine) -> None:
    upgrade(bare_engine)
    assert_models_match(bare_engine)


def test_a_database_at_the_scores_revision_gets_the_sessions_table_with_nothing_lost(
    bare_engine: Engine,
) -> None:
    migrate(bare_engine, "0002")
    store_a_scenario_with_scores(bare_engine)
    assert "sessions" not in inspect(bare_engine).get_table_names()
    assert upgrade(bare_engine) == SchemaUpgrade(before="0002", after=HEAD)
    assert_nothing_lost(bare_engine)
    assert "sessions" in inspect(bare_engine).get_table_names()


def test_a_database_at_the_sessions_revision_gets_the_workshop_tables_with_nothing_lost(
    bare_engine: Engine,
) -> None:
    migrate(bare_engine, "0003")
    store_a_scenario_with_scores(bare_engine)
    assert upgrade(bare_engine) == SchemaUpgrade(before="0003", after=HEAD)
    assert_nothing_lost(bare_engine)
    assert set(inspect(bare_engine).get_table_names()) >= WORKSHOP_TABLES


def test_every_migration_can_be_undone(bare_engine: Engine) -> None:
    upgrade(bare_engine)
    migrate(bare_engine, "0004", down=True)
    assert not CATALOGUE_EDIT_TABLES & set(inspect(bare_engine).get_table_names())
    assert set(inspect(bare_engine).get_table_names()) >= WORKSHOP_TABLES
    migrate(bare_engine, "0003", down=True)
    assert not WORKSHOP_TABLES & set(inspect(bare_engine).get_table_names())
    migrate(bare_engine, "0002", down=True)
    assert "sessions" not in inspect(bare_engine).get_table_names()
    migrate(bare_engine, "0001", down=True)
    assert "scores_revision" not in {c["name"] for c in inspect(bare_engine).get_columns("scenarios")}
    migrate(bare_engine, "base", down=True)
    assert set(inspect(bare_engine).get_table_names()) == {"alembic_version"}
    assert upgrade(bare_engine) == SchemaUpgrade(before=None, after=HEAD)


def test_the_version_table_lives_beside_the_tables(bare_engine: Engine) -> None:
    upgrade(bare_engine)
    if bare_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one schema")
    with bare_engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        where = conn.execute(
            text("SELECT table_schema FROM information_schema.tables WHERE table_name = 'alembic_version'")
        ).scalars()
        assert schema.startswith("t_") and schema in set(where)
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD


def test_a_database_from_a_newer_version_of_the_app_is_left_alone(bare_engine: Engine) -> None:
    upgrade(bare_engine)
    with bare_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError) as caught:
        upgrade(bare_engine)
    assert caught.value.message == (
        "La base de données est à une révision inconnue de cette version de l'application (0099) : "
        "elle a été mise à jour par une version plus récente. Utilisez cette version-là, ou une "
        "sauvegarde faite avant sa mise à jour."
    )
    assert revision_of(bare_engine) == "0099"


def test_sessions_opening_a_new_database_at_once_all_get_the_schema(database_url: str) -> None:
    start = threading.Barrier(4)

    def open_once(_: int) -> Engine:
        start.wait(timeout=30)
        return open_database(database_url)

    with ThreadPoolExecutor(4) as pool:
        engines = list(pool.map(open_once, range(4)))
    try:
        assert {revision_of(engine) for engine in engines} == {HEAD}
    finally:
        for engine in engines:
            engine.dispose()


def test_a_database_at_the_sessions_revision_gets_the_catalogue_journal_with_nothing_lost(
    bare_engine: Engine,
) -> None:
    migrate(bare_engine, "0003")
    store_a_scenario_with_scores(bare_engine)
    assert "catalogue_edits" not in inspect(bare_engine).get_table_names()
    assert upgrade(bare_engine) == SchemaUpgrade(before="0003", after=HEAD)
    assert_nothing_lost(bare_engine)
    assert set(inspect(bare_engine).get_table_names()) >= CATALOGUE_EDIT_TABLES
