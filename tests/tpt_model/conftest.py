"""Model test fixtures: the test catalogue under its usual name, and databases.

An empty database per test, on SQLite always and on PostgreSQL when configured.
"""

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from tpt_model import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.store.engine import make_engine, normalise_url
from tpt_model.store.migrate import open_database

POSTGRESQL_URL_ENV = "TPT_TEST_DATABASE_URL"

EngineFactory = Callable[[], Engine]
Target = tuple[str, dict[str, Any]]  # URL and connect_args of one test's database


@pytest.fixture(scope="session")
def catalogue(test_catalogue: Catalogue) -> Catalogue:
    """The test catalogue (a module may override it with a catalogue of its own)."""
    return test_catalogue


@pytest.fixture(scope="session")
def programme(test_catalogue: Catalogue) -> Programme:
    """The test catalogue's programme."""
    return test_catalogue.programme


@contextmanager
def sqlite_database(folder: Path) -> Iterator[Target]:
    """A SQLite file in the test's temporary folder."""
    yield f"sqlite:///{folder / 'frise.sqlite3'}", {}


@contextmanager
def postgresql_schema(url: str) -> Iterator[Target]:
    """A fresh schema, dropped afterwards, so that tests are independent and can run in parallel."""
    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(normalise_url(url))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield url, {"options": f"-csearch_path={schema}"}
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def database_target(backend: str, tmp_path: Path) -> AbstractContextManager[Target]:
    """The context manager that provides the database of one test on `backend`."""
    if backend == "sqlite":
        return sqlite_database(tmp_path)
    url = os.environ.get(POSTGRESQL_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRESQL_URL_ENV} (e.g. postgresql://postgres@127.0.0.1/test)")
    return postgresql_schema(url)


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
    with database_target(request.param, tmp_path) as (url, connect_args):
        yield make_url(url).update_query_dict(connect_args).render_as_string(hide_password=False)


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
