"""The database stores, shared by every session of this server process."""

import streamlit as st

from tpt_model.store.catalogue_edits import CatalogueEditStore
from tpt_model.store.errors import StoreError
from tpt_model.store.migrate import open_database
from tpt_model.store.pilots import PilotAttemptStore
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.sessions import SessionStore
from tpt_model.store.workshops import WorkshopStore
from ui.settings import app_settings
from ui.store_errors import store_errors

Stores = tuple[ScenarioStore, ScoreStore, SessionStore, CatalogueEditStore, PilotAttemptStore, WorkshopStore]


@st.cache_resource(show_spinner=False)
def _stores(url: str) -> Stores:
    engine = open_database(url)  # the schema migrated to the newest revision at start-up
    return (
        ScenarioStore(engine),
        ScoreStore(engine),
        SessionStore(engine),
        CatalogueEditStore(engine),
        PilotAttemptStore(engine),
        WorkshopStore(engine),
    )


def _configured() -> Stores:
    # Not cached when it fails: the next rerun tries again (a server started after the app).
    with store_errors():
        return _stores(app_settings().database_url)


def scenario_store() -> ScenarioStore:
    """The scenario store of the configured database (`TPT_DATABASE_URL` or SQLite in `TPT_DATA_DIR`)."""
    return _configured()[0]


def saved_scenarios() -> int | None:
    """How many scenarios the database holds; None when it cannot say (the page says why)."""
    try:
        return _stores(app_settings().database_url)[0].count()
    except StoreError:
        return None


def score_store() -> ScoreStore:
    """The score store of the configured database."""
    return _configured()[1]


def session_store() -> SessionStore | None:
    """The store of browser sessions; None when the database cannot be reached (the page says why)."""
    try:
        return _stores(app_settings().database_url)[2]
    except StoreError:
        return None


def catalogue_edit_store() -> CatalogueEditStore:
    """The journal of the catalogue's saves from the app."""
    return _configured()[3]


def pilot_attempt_store() -> PilotAttemptStore:
    """The count of failed attempts at the pilot secret."""
    return _configured()[4]


def workshop_store() -> WorkshopStore:
    """The workshop store of the configured database."""
    return _configured()[5]
