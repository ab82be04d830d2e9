"""Model test fixtures: the test catalogue under its usual name, and databases.

An empty database per test, on SQLite always and on PostgreSQL when configured.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import database_target, sqlite_database, url_with_options
from sqlalchemy import Engine

from tpt_model import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.store.engine import make_engine
from tpt_model.store.migrate import open_database

EngineFactory = Callable[[], Engine]


@pytest.fixture(scope="session")
def catalogue(test_catalogue: Catalogue) -> Catalogue:
    """The test catalogue (a module may override it with a catalogue of its own)."""
    return test_catalogue


@pytest.fixture(scope="session")
def programme(test_catalogue: Catalogue) -> Programme:
    """The test catalogue's programme."""
    return test_catalogue.programme


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EngineFactory]:
    """Makes engines on this test's database: one per simulated app server, session or thread."""
    engines: list[Engine] = []
    with database_target(request.param, tmp_path) as (url, connect_args):

        def factory() -> Engine:
            engine = open_database(url, connect_args=connect_args)
            engines.append(engine)
            return engine

        try:
            yield factory
        finally:
            # Connections must be closed before PostgreSQL can drop the schema.
            for engine in engines:
                engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The address of an empty database for this test, its connection options in the query string."""
    with database_target(request.param, tmp_path) as target:
        yield url_with_options(target)


@pytest.fixture
def bare_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database without any table (on PostgreSQL, a schema of its own): for migrations."""
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine on a SQLite file in the test's folder, for tests that need no second backend."""
    with sqlite_database(tmp_path) as (url, connect_args):
        engine = open_database(url, connect_args=connect_args)
        try:
            yield engine
        finally:
            engine.dispose()


@pytest.fixture
def engine(engine_factory: EngineFactory) -> Engine:
    """An engine on an empty database with the schema migrated to the newest revision."""
    return engine_factory()
