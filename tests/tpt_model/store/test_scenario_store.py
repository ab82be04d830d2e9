"""Scenarios in the database: versions, history, optimistic locking, atomic saves."""

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.sql import Insert

import tpt_model.store.engine as engine_module
import tpt_model.store.scenarios as scenario_store_module
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.store.engine import make_engine, normalise_url
from tpt_model.store.errors import ScenarioNotFound, StaleWrite, StoreError, VersionNotFound
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, VersionStamp
from tpt_model.store.tables import scenario_versions

EngineFactory = Callable[[], Engine]
STALE_MESSAGE = (
    "Ce scénario a été modifié par {author} à {time} depuis votre dernière lecture : "
    "vos changements n'ont pas été enregistrés par-dessus les siens."
)


def placement(brick: str, month: int = 10) -> Placement:
    return Placement(
        brick=brick,
        start=JourneyPoint(stage="seconde", month=month),
        end=JourneyPoint(stage="seconde", month=month + 1),
    )


def make_scenario(name: str = "Frise A", *bricks: str, working_group: str | None = None) -> Scenario:
    return Scenario(name=name, working_group=working_group, placements=tuple(placement(b) for b in bricks))


@pytest.fixture
def store(engine: Engine) -> ScenarioStore:
    return ScenarioStore(engine)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Every write happens at 16:39 UTC on 28 November 2026 (17:39 in Paris)."""
    at = datetime(2026, 11, 28, 16, 39, 5, tzinfo=UTC)
    monkeypatch.setattr(scenario_store_module, "utc_now", lambda: at)
    return at


# --- create, get, list -------------------------------------------------------------------------


def test_create_then_get(store: ScenarioStore) -> None:
    scenario = make_scenario("Frise A", "mentorat", "tutorat", working_group="gt-lycee")
    before = datetime.now(UTC)
    created = store.create(scenario, "alice")
    got = store.get(created.id)
    assert created.version == got.version == 1
    assert got.scenario == scenario
    assert got.updated_by == "alice"
    assert got.updated_at == created.updated_at
    assert got.updated_at.tzinfo == UTC
    assert before <= got.updated_at <= datetime.now(UTC)


def test_list_is_most_recently_modified_first(store: ScenarioStore) -> None:
    first = store.create(make_scenario("Frise A", "mentorat"), "alice")
    second = store.create(make_scenario("Frise B", working_group="gt-lycee"), "bob")
    assert [info.id for info in store.list()] == [second.id, first.id]
    saved = store.save(first.id, make_scenario("Frise A2"), 1, "carole")
    assert store.list() == [
        ScenarioInfo(
            id=first.id,
            name="Frise A2",
            working_group=None,
            version=2,
            updated_at=saved.updated_at,
            updated_by="carole",
            created_at=first.updated_at,
        ),
        ScenarioInfo(
            id=second.id,
            name="Frise B",
            working_group="gt-lycee",
            version=1,
            updated_at=second.updated_at,
            updated_by="bob",
            created_at=second.updated_at,
        ),
    ]


def test_list_of_an_empty_database(store: ScenarioStore) -> None:
    assert store.list() == []
    assert store.count() == 0


def test_count_is_the_number_of_scenarios_in_the_database(store: ScenarioStore) -> None:
    first = store.create(make_scenario("Frise A"), "alice")
    store.create(make_scenario("Frise B"), "bob")
    store.save(first.id, make_scenario("Frise A2"), 1, "carole")  # a new version is no new scenario
    assert store.count() == 2


# --- versions ----------------------------------------------------------------------------------


def test_save_makes_a_new_version(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    second = store.save(created.id, make_scenario("Frise", "mentorat", "tutorat"), 1, "bob", "ajout tutorat")
    third = store.save(created.id, make_scenario("Frise"), 2, "alice")
    assert (second.version, third.version) == (2, 3)
    got = store.get(created.id)
    assert (got.version, got.scenario, got.updated_by) == (3, make_scenario("Frise"), "alice")
    assert store.version(created.id, 2) == make_scenario("Frise", "mentorat", "tutorat")


def test_stamp_says_the_current_version_and_who_saved_it(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise"), "alice")
    assert store.stamp(created.id) == VersionStamp(version=1, updated_by="alice")
    store.save(created.id, make_scenario("Frise", "mentorat"), 1, "bob")
    assert store.stamp(created.id) == VersionStamp(version=2, updated_by="bob")


def test_versions_newest_first(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    store.save(created.id, make_scenario("Frise", "mentorat", "tutorat"), 1, "bob", "ajout tutorat")
    store.save(created.id, make_scenario("Frise"), 2, "alice")
    history = store.versions(created.id)
    assert [(v.version, v.author, v.summary, v.placements) for v in history] == [
        (3, "alice", "", 0),
        (2, "bob", "ajout tutorat", 2),
        (1, "alice", "Création", 1),
    ]
    assert history[0].created_at >= history[1].created_at >= history[2].created_at
    assert all(v.created_at.tzinfo == UTC for v in history)


def test_unknown_version(store: ScenarioStore) -> None:
    created = store.create(make_scenario(), "alice")
    with pytest.raises(VersionNotFound) as error:
        store.version(created.id, 7)
    assert error.value.message == "La version 7 de ce scénario n'existe pas."


def test_restore_makes_a_new_version_equal_to_the_old_one(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    store.save(created.id, make_scenario("Frise", "tutorat", "atelier"), 1, "bob")
    restored = store.restore(created.id, 1, 2, "carole")
    assert restored.version == 3
    assert (
        store.get(created.id).scenario == store.version(created.id, 1) == make_scenario("Frise", "mentorat")
    )
    # History is never rewritten: the version restored over is still there.
    assert store.version(created.id, 2) == make_scenario("Frise", "tutorat", "atelier")
    assert [(v.version, v.author, v.summary) for v in store.versions(created.id)][0] == (
        3,
        "carole",
        "Restauration de la version 1",
    )


def test_restore_over_a_newer_version_is_refused(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    store.save(created.id, make_scenario("Frise", "tutorat"), 1, "bob")
    with pytest.raises(StaleWrite) as error:
        store.restore(created.id, 1, 1, "carole")
    assert error.value.rejected == make_scenario("Frise", "mentorat")
    assert store.get(created.id).version == 2


# --- rename, duplicate, delete -----------------------------------------------------------------


def test_rename_makes_a_new_version(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat", working_group="gt-lycee"), "alice")
    renamed = store.rename(created.id, "  Frise du lycée ", 1, "bob")
    assert renamed.version == 2
    assert store.get(created.id).scenario == make_scenario(
        "Frise du lycée", "mentorat", working_group="gt-lycee"
    )
    assert store.list()[0].name == "Frise du lycée"
    assert store.versions(created.id)[0].summary == "Renommé en « Frise du lycée »"
    assert store.version(created.id, 1).name == "Frise"


def test_rename_from_an_old_version_is_refused(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    store.save(created.id, make_scenario("Frise", "mentorat", "tutorat"), 1, "bob")
    with pytest.raises(StaleWrite) as error:
        store.rename(created.id, "Autre nom", 1, "carole")
    assert error.value.rejected == make_scenario("Autre nom", "mentorat")
    assert store.get(created.id).scenario.name == "Frise"


def test_names_are_cleaned_on_rename_and_duplicate(store: ScenarioStore) -> None:
    created = store.create(make_scenario(), "alice")
    assert store.rename(created.id, " Frise\n du\x00 lycée ", 1, "bob").scenario.name == "Frise du lycée"
    assert store.duplicate(created.id, "\tCopie  ", "bob").scenario.name == "Copie"


@pytest.mark.parametrize("name", ["", "   ", "\n\x00"])
def test_empty_name_is_refused(store: ScenarioStore, name: str) -> None:
    created = store.create(make_scenario(), "alice")
    for action in (
        lambda: store.rename(created.id, name, 1, "bob"),
        lambda: store.duplicate(created.id, name, "bob"),
    ):
        with pytest.raises(StoreError) as error:
            action()
        assert error.value.message == "Le nom du scénario ne peut pas être vide."
    assert len(store.list()) == 1
    assert store.get(created.id).version == 1


def test_duplicate_copies_the_current_version(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat", working_group="gt-lycee"), "alice")
    store.save(
        created.id, make_scenario("Frise", "mentorat", "tutorat", working_group="gt-lycee"), 1, "alice"
    )
    copy = store.duplicate(created.id, "Frise (copie)", "bob")
    assert copy.id != created.id
    assert copy.version == 1
    expected = make_scenario("Frise (copie)", "mentorat", "tutorat", working_group="gt-lycee")
    assert store.get(copy.id).scenario == expected
    assert store.get(copy.id).updated_by == "bob"
    assert [v.summary for v in store.versions(copy.id)] == ["Copie de « Frise » (version 2)"]
    assert store.get(created.id).version == 2  # the original is untouched
    assert {info.id for info in store.list()} == {created.id, copy.id}


def test_delete(store: ScenarioStore) -> None:
    kept = store.create(make_scenario("Gardé"), "alice")
    gone = store.create(make_scenario("Supprimé"), "alice")
    store.save(gone.id, make_scenario("Supprimé", "mentorat"), 1, "alice")
    store.delete(gone.id)
    assert [info.id for info in store.list()] == [kept.id]
    with pytest.raises(ScenarioNotFound):
        store.get(gone.id)
    with store.engine.connect() as conn:  # its history went with it
        count = conn.execute(
            text("SELECT count(*) FROM scenario_versions WHERE scenario_id = :id"), {"id": gone.id}
        )
        assert count.scalar_one() == 0


UNKNOWN = "00000000-0000-0000-0000-000000000000"
OPERATIONS: dict[str, Callable[[ScenarioStore], Any]] = {
    "get": lambda s: s.get(UNKNOWN),
    "stamp": lambda s: s.stamp(UNKNOWN),
    "save": lambda s: s.save(UNKNOWN, make_scenario(), 1, "alice"),
    "rename": lambda s: s.rename(UNKNOWN, "Nom", 1, "alice"),
    "duplicate": lambda s: s.duplicate(UNKNOWN, "Nom", "alice"),
    "delete": lambda s: s.delete(UNKNOWN),
    "versions": lambda s: s.versions(UNKNOWN),
    "version": lambda s: s.version(UNKNOWN, 1),
    "restore": lambda s: s.restore(UNKNOWN, 1, 1, "alice"),
}


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_unknown_id(store: ScenarioStore, operation: Callable[[ScenarioStore], Any]) -> None:
    store.create(make_scenario(), "alice")
    with pytest.raises(ScenarioNotFound) as error:
        operation(store)
    assert error.value.message == f"Scénario introuvable : « {UNKNOWN} » (il a peut-être été supprimé)."
    assert error.value.scenario_id == UNKNOWN


# --- optimistic locking --------------------------------------------------------------------------


def test_stale_write_is_refused_and_keeps_the_rejected_scenario(
    engine_factory: EngineFactory, fixed_clock: datetime
) -> None:
    # Two sessions, as on two laptops (or two app servers): each has its own engine.
    alice, bob = ScenarioStore(engine_factory()), ScenarioStore(engine_factory())
    created = alice.create(make_scenario("Frise", "mentorat"), "alice")
    read_by_alice, read_by_bob = alice.get(created.id), bob.get(created.id)
    assert read_by_alice.version == read_by_bob.version == 1

    alice.save(created.id, make_scenario("Frise", "mentorat", "tutorat"), read_by_alice.version, "alice")
    bobs_change = make_scenario("Frise", "atelier")
    with pytest.raises(StaleWrite) as error:
        bob.save(created.id, bobs_change, read_by_bob.version, "bob")

    stale = error.value
    assert stale.message == STALE_MESSAGE.format(author="alice", time="17:39 le 28/11/2026")
    assert (stale.rejected, stale.author, stale.at, stale.current_version) == (
        bobs_change,
        "alice",
        fixed_clock,
        2,
    )
    assert bob.get(created.id).scenario == make_scenario("Frise", "mentorat", "tutorat")
    assert len(bob.versions(created.id)) == 2
    # Nothing is lost: the UI can offer to keep Bob's work as a copy.
    copy = bob.create(stale.rejected.model_copy(update={"name": "Frise (version de bob)"}), "bob")
    assert bob.get(copy.id).scenario.placements == bobs_change.placements


def test_saving_a_deleted_scenario_keeps_the_rejected_scenario(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise"), "alice")
    store.delete(created.id)
    change = make_scenario("Frise", "mentorat")
    with pytest.raises(ScenarioNotFound) as error:
        store.save(created.id, change, 1, "bob")
    assert error.value.rejected == change


def test_concurrent_saves_from_one_version_only_one_wins(engine_factory: EngineFactory) -> None:
    writers = 4
    created = ScenarioStore(engine_factory()).create(make_scenario("Frise"), "alice")
    stores = [ScenarioStore(engine_factory()) for _ in range(writers)]
    start = threading.Barrier(writers)

    def save(index: int) -> str:
        start.wait()
        try:
            stores[index].save(created.id, make_scenario("Frise", f"brique-{index}"), 1, f"user{index}")
        except StaleWrite:
            return "refused"
        return "saved"

    with ThreadPoolExecutor(writers) as pool:
        outcomes = list(pool.map(save, range(writers)))
    assert sorted(outcomes) == ["refused"] * (writers - 1) + ["saved"]
    winner = outcomes.index("saved")
    assert stores[0].get(created.id).scenario == make_scenario("Frise", f"brique-{winner}")
    assert [v.version for v in stores[0].versions(created.id)] == [2, 1]


# --- atomicity -----------------------------------------------------------------------------------


class SimulatedCrashError(Exception):
    """Stands for anything that stops a save half-way (a bug, a killed process, a lost connection)."""


def test_save_interrupted_after_the_version_row_leaves_the_previous_version(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")

    def crash_after_version_insert(_conn: Any, clause: Any, *_args: Any) -> None:
        if isinstance(clause, Insert) and clause.table is scenario_versions:
            raise SimulatedCrashError

    event.listen(store.engine, "after_execute", crash_after_version_insert)
    try:
        with pytest.raises(SimulatedCrashError):
            store.save(created.id, make_scenario("Frise", "tutorat"), 1, "bob")
    finally:
        event.remove(store.engine, "after_execute", crash_after_version_insert)

    got = store.get(created.id)
    assert (got.version, got.scenario, got.updated_by) == (1, make_scenario("Frise", "mentorat"), "alice")
    assert len(store.versions(created.id)) == 1
    # The version number was not used up: the next save from version 1 goes through.
    assert store.save(created.id, make_scenario("Frise", "tutorat"), 1, "bob").version == 2


def test_serialisation_failure_inside_the_transaction_leaves_the_previous_version(
    store: ScenarioStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")

    def fail(*_args: Any, **_kwargs: Any) -> str:
        raise SimulatedCrashError

    monkeypatch.setattr(Scenario, "model_dump_json", fail)
    with pytest.raises(SimulatedCrashError):
        store.save(created.id, make_scenario("Frise", "tutorat"), 1, "bob")
    monkeypatch.undo()
    assert store.get(created.id).scenario == make_scenario("Frise", "mentorat")
    assert [v.version for v in store.versions(created.id)] == [1]


# --- the database itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/frise.sqlite3", "sqlite:////tmp/frise.sqlite3"),
    ],
)
def test_postgresql_urls_use_psycopg_3(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


def test_forty_sessions_get_a_sqlite_connection_at_once(tmp_path: Path) -> None:
    """One per session thread: none waits for another's connection (nor fails after the pool's timeout)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'frise.sqlite3'}", connect_args={"timeout": 1})
    engine.pool._timeout = 0.1  # type: ignore[attr-defined] (a wait would fail at once, not in 30 s)
    try:
        connections = [engine.connect() for _ in range(40)]
        assert all(c.exec_driver_sql("SELECT 1").scalar_one() == 1 for c in connections)
        for connection in connections:
            connection.close()
    finally:
        engine.dispose()


def test_writers_of_one_process_take_turns_before_sqlite_refuses_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty sessions saving at once: with no busy timeout SQLite refuses a second writer at once,
    so each save got through only by waiting for its turn in the process."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 0)
    store = ScenarioStore(open_database(f"sqlite:///{tmp_path / 'frise.sqlite3'}"))
    start = threading.Barrier(20)

    def create(number: int) -> str:
        start.wait()
        return store.create(make_scenario(f"Frise {number}", "mentorat"), "alice").id

    try:
        with ThreadPoolExecutor(20) as pool:
            created = list(pool.map(create, range(20)))
        assert len(set(created)) == store.count() == 20
    finally:
        store.engine.dispose()


def test_sqlite_connections_are_configured(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'frise.sqlite3'}")
    try:
        with engine.connect() as conn:
            pragmas = [
                conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            ]
    finally:
        engine.dispose()
    assert pragmas == ["wal", 1, 10_000]
    with closing(sqlite3.connect(tmp_path / "frise.sqlite3")) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set()  # the schema comes from the migrations only


def test_timestamps_come_back_in_utc(store: ScenarioStore) -> None:
    created = store.create(make_scenario(), "alice")
    for at in (
        store.get(created.id).updated_at,
        store.versions(created.id)[0].created_at,
        store.list()[0].updated_at,
    ):
        assert at.utcoffset() == timedelta(0)
        assert at == created.updated_at


def test_history_gives_the_last_versions_up_to_one_oldest_first(store: ScenarioStore) -> None:
    created = store.create(make_scenario("Frise", "mentorat"), "alice")
    store.save(created.id, make_scenario("Frise", "mentorat", "tutorat"), 1, "bob", "Ajout de « Tutorat »")
    store.save(created.id, make_scenario("Frise"), 2, "alice", "Retrait de tout")
    assert [(len(s.placements), summary) for s, summary in store.history(created.id, 3, 2)] == [
        (2, "Ajout de « Tutorat »"),
        (0, "Retrait de tout"),
    ]
    assert [summary for _, summary in store.history(created.id, 2, 10)] == [
        "Création",
        "Ajout de « Tutorat »",
    ]
