"""Database failures, provoked for real, reach the caller as StoreErrors with their French message."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, make_url, select, text
from sqlalchemy.exc import SQLAlchemyError

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.engine import make_engine
from tpt_model.store.errors import (
    UNEXPECTED,
    StoreBusyError,
    StoreDataError,
    StoreError,
    StoreReadOnlyError,
    StoreUnavailableError,
)
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.tables import scenarios

BUSY = (
    "La base de données est occupée par une autre écriture : rien n'a été enregistré. "
    "Réessayez dans quelques secondes."
)
READ_ONLY = (
    "La base de données est en lecture seule : rien n'a été enregistré. La personne qui gère le serveur "
    "doit la rendre accessible en écriture (le fichier SQLite et son dossier, ou les droits du compte "
    "PostgreSQL)."
)
UNAVAILABLE = (
    "La base de données est injoignable : rien n'a été lu ni enregistré. Réessayez dans un instant ; "
    "si cela dure, la personne qui gère le serveur doit vérifier TPT_DATABASE_URL et que la base "
    "fonctionne."
)
INVALID = (
    "La base de données a refusé un texte (caractère invisible interdit ou texte trop long) : rien n'a "
    "été enregistré. Retirez ce caractère ou raccourcissez le texte, puis réessayez."
)
CLOSED_PORT = "postgresql://postgres@127.0.0.1:1/frise"  # nothing listens on port 1
on_postgresql = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@pytest.fixture
def engines() -> Iterator[list[Engine]]:
    """Engines a test opens on the side, disposed at the end."""
    opened: list[Engine] = []
    yield opened
    for engine in opened:
        engine.dispose()


def opened(engines: list[Engine], url: str, **connect_args: Any) -> Engine:
    engine = make_engine(url, connect_args=connect_args)
    engines.append(engine)
    return engine


def with_settings(url: str, **settings: str) -> str:
    """The same PostgreSQL database, with session settings added to its connection options."""
    parsed = make_url(url)
    extra = " ".join(f"-c{name}={value}" for name, value in settings.items())
    return parsed.update_query_dict(
        {"options": f"{parsed.query.get('options', '')} {extra}".strip()}
    ).render_as_string(hide_password=False)


def read_only(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:///file:{parsed.database}?mode=ro&uri=true"
    return with_settings(url, default_transaction_read_only="on")


def test_a_read_only_database_is_read_but_refuses_writes(database_url: str, engines: list[Engine]) -> None:
    engines.append(open_database(database_url))
    ScenarioStore(engines[0]).create(Scenario(name="Frise"), "Alice")
    store = ScenarioStore(opened(engines, read_only(database_url)))
    assert [info.name for info in store.list()] == ["Frise"]
    with pytest.raises(StoreReadOnlyError) as caught:
        store.create(Scenario(name="Autre"), "Bob")
    assert caught.value.message == READ_ONLY
    assert isinstance(caught.value.__cause__, SQLAlchemyError)  # kept for the logs


def test_a_sqlite_database_held_by_another_writer_is_busy(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "frise.sqlite3"
    engines.append(open_database(f"sqlite:///{path}"))
    waiting = opened(engines, f"sqlite:///{path}")

    @event.listens_for(waiting, "connect")
    def impatient(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=1")  # after the app's 10 s: fail at once

    with closing(sqlite3.connect(path)) as holder:
        holder.execute("BEGIN IMMEDIATE")  # another writer's transaction, left open
        with pytest.raises(StoreBusyError) as caught:
            ScenarioStore(waiting).create(Scenario(name="Frise"), "Alice")
        holder.rollback()
    assert caught.value.message == BUSY
    assert ScenarioStore(waiting).list() == []


@on_postgresql
def test_a_postgresql_row_held_by_another_writer_is_busy(database_url: str, engines: list[Engine]) -> None:
    engines.append(open_database(database_url))
    created = ScenarioStore(engines[0]).create(Scenario(name="Frise"), "Alice")
    waiting = ScenarioStore(opened(engines, with_settings(database_url, lock_timeout="50ms")))
    with engines[0].begin() as holder:
        holder.execute(select(scenarios).where(scenarios.c.id == created.id).with_for_update())
        with pytest.raises(StoreBusyError) as caught:
            waiting.save(created.id, Scenario(name="Frise 2"), 1, "Bob")
    assert caught.value.message == BUSY
    assert waiting.get(created.id).version == 1


def test_an_unreachable_server_is_unavailable(engines: list[Engine]) -> None:
    with pytest.raises(StoreUnavailableError) as caught:
        open_database(CLOSED_PORT)
    assert caught.value.message == UNAVAILABLE
    with pytest.raises(StoreUnavailableError):
        ScenarioStore(opened(engines, CLOSED_PORT)).list()
    with pytest.raises(StoreUnavailableError):
        ScoreStore(opened(engines, CLOSED_PORT)).sheets("s")


@pytest.mark.parametrize("case", ["folder-missing", "not-a-database"])
def test_a_sqlite_file_that_cannot_be_opened_is_unavailable(tmp_path: Path, case: str) -> None:
    path = tmp_path / "absent" / "frise.sqlite3"
    if case == "not-a-database":
        path = tmp_path / "notes.txt"
        path.write_bytes(b"Ceci n'est pas une base SQLite, mais un texte assez long. " * 20)
    with pytest.raises(StoreUnavailableError) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.message == UNAVAILABLE


@on_postgresql
def test_a_nul_character_is_refused_as_invalid_data(database_url: str, engines: list[Engine]) -> None:
    engines.append(open_database(database_url))
    store = ScenarioStore(engines[0])
    with pytest.raises(StoreDataError) as caught:
        store.create(Scenario(name="Frise\x00copiée de Word"), "Alice")
    assert caught.value.message == INVALID
    assert store.list() == []


@on_postgresql
def test_a_text_too_long_for_its_column_is_refused_as_invalid_data(
    database_url: str, engines: list[Engine]
) -> None:
    engines.append(engine := open_database(database_url))
    scenario_id = ScenarioStore(engine).create(Scenario(name="Frise"), "Alice").id
    evaluator = "A" * 201
    sheet = ScoreSheet(brick="mentorat", evaluator=evaluator, scores={"pertinence": 3})
    with pytest.raises(StoreDataError) as caught:
        ScoreStore(engine).save_sheet(scenario_id, sheet, as_evaluator=evaluator)
    assert caught.value.message == INVALID
    assert ScoreStore(engine).sheets(scenario_id) == []


def test_any_other_failure_is_still_a_store_error(bare_engine: Engine) -> None:
    with pytest.raises(StoreError) as caught:
        ScenarioStore(bare_engine).list()  # no schema: the migrations were never run
    assert (type(caught.value), caught.value.message) == (StoreError, UNEXPECTED)
    assert caught.value.message == (
        "La base de données a refusé l'opération : rien n'a été enregistré. Réessayez ; si cela se "
        "reproduit, signalez-le à la personne qui gère le serveur."
    )
    with bare_engine.connect() as conn:  # the store left no transaction behind
        assert conn.execute(text("SELECT 1")).scalar_one() == 1


@pytest.mark.parametrize("store", [ScenarioStore, ScoreStore])
def test_every_public_store_method_translates_database_errors(store: type) -> None:
    public = [name for name, member in vars(store).items() if callable(member) and not name.startswith("_")]
    assert public
    assert [name for name in public if not hasattr(getattr(store, name), "__wrapped__")] == []
