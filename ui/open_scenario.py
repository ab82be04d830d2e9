"""The scenario a page works on: opened once for the session, and every change saved the same way."""

from dataclasses import dataclass

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.editor import ChangeResult
from tpt_model.session.app import AppState
from tpt_model.session.frise import FriseView, commit, ensure_open, follow_saves
from tpt_model.store.scenarios import ScenarioStore
from ui.state import app_state
from ui.store_errors import store_errors
from ui.stores import scenario_store


@dataclass(frozen=True)
class OpenScenario:
    """The session's open scenario, its store, and the one way a page saves a change to it."""

    state: AppState
    store: ScenarioStore

    @property
    def view(self) -> FriseView:
        """The session's work on the scenario (its editor, version, last notice, any conflict)."""
        return self.state.frise

    @property
    def scenario(self) -> Scenario:
        """The scenario as last saved."""
        return self.view.scenario

    @property
    def scenario_id(self) -> str:
        """The scenario's id in the database."""
        assert self.view.scenario_id is not None, "aucun scénario ouvert"
        return self.view.scenario_id

    def save(self, result: ChangeResult) -> None:
        """Save a change as a new version, then rerun at once: the whole page shows it, or why not.

        A refused change, a save over a newer version and a database failure become the view's
        notice (and its conflict, kept to be saved again or as a copy): never a traceback.
        """
        with store_errors():
            commit(self.view, self.store, result, self.state.author)
        st.rerun()

    def follow(self) -> None:
        """At the end of the page's run, show a newer version saved elsewhere: the page reruns at once.

        At the end, so that what this run asked (a click, a form sent) was done on the version the
        user saw: saved, or refused as stale with the work kept aside. One small read otherwise.
        """
        with store_errors():
            moved = follow_saves(self.view, self.store)
        if moved:
            st.rerun()


def open_scenario(catalogue: Catalogue) -> OpenScenario:
    """Open the session's scenario (by the address, the last one, or the shared default) for a page."""
    state = app_state()
    store = scenario_store()
    with store_errors():
        ensure_open(state.frise, store, catalogue, state.author)
    return OpenScenario(state, store)
