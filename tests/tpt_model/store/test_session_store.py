"""Browser sessions in the database: a reloaded page finds its name and its scenario again."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

import tpt_model.store.sessions as session_store_module
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.sessions import KEPT_FOR, SessionRecord, SessionStore

AT = datetime(2026, 11, 28, 16, 39, tzinfo=UTC)


@pytest.fixture
def sessions(engine: Engine) -> SessionStore:
    return SessionStore(engine)


def test_a_session_is_recalled_as_it_was_remembered(engine: Engine, sessions: SessionStore) -> None:
    scenario = ScenarioStore(engine).create(Scenario(name="Frise"), "Alice")
    assert sessions.recall("jeton-inconnu") is None
    sessions.remember("jeton-a", "", None)
    sessions.remember("jeton-a", "Alice", scenario.id)  # the same session, later
    sessions.remember("jeton-b", "Bob", None)
    recalled = sessions.recall("jeton-a")
    assert recalled is not None and (recalled.author, recalled.scenario_id) == ("Alice", scenario.id)
    bob = sessions.recall("jeton-b")
    assert isinstance(bob, SessionRecord) and (bob.author, bob.scenario_id) == ("Bob", None)


def test_a_deleted_scenario_leaves_the_session_without_one(engine: Engine, sessions: SessionStore) -> None:
    store = ScenarioStore(engine)
    scenario = store.create(Scenario(name="Frise"), "Alice")
    sessions.remember("jeton-a", "Alice", scenario.id)
    store.delete(scenario.id)
    recalled = sessions.recall("jeton-a")
    assert recalled is not None and (recalled.author, recalled.scenario_id) == ("Alice", None)


def test_sessions_unseen_for_long_are_forgotten(
    monkeypatch: pytest.MonkeyPatch, sessions: SessionStore
) -> None:
    monkeypatch.setattr(session_store_module, "utc_now", lambda: AT)
    sessions.remember("ancien", "Alice", None)
    monkeypatch.setattr(session_store_module, "utc_now", lambda: AT + KEPT_FOR + KEPT_FOR / 10)
    sessions.remember("ancien-revu", "Bob", None)  # a new session clears the long-unseen ones
    assert sessions.recall("ancien") is None
    assert sessions.recall("ancien-revu") is not None
