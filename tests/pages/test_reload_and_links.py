"""A reload (F5) keeps the session; a link opens its scenario; a newcomer opens the shared one."""

from helpers import BRICKS, app_test
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.session.app import AppState
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from ui.state import STATE_KEY


def store() -> ScenarioStore:
    """The page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return ScenarioStore(open_database(load_settings().database_url))


def opened(query: dict[str, str] | None = None) -> AppTest:
    """A new browser session on the frise, at an address with these parameters."""
    at = app_test()
    at.query_params = dict(query or {})
    at.run()
    assert not at.exception, at.exception
    return at


def state(at: AppTest) -> AppState:
    return at.session_state[STATE_KEY]


def test_a_reload_keeps_the_name_the_scenario_the_view_and_the_undo_history() -> None:
    at = opened()
    at.text_input(key="app_name_prompt").set_value("Béatrice").run()
    at.radio(key="frise_lane").set_value("modality").run()
    at.text_input(key="frise_pick_text").set_value("ordinateur").run()
    at.button(key="frise_add").click().run()
    address = dict(at.query_params)
    assert set(address) == {"s", "scenario", "couloirs"} and address["couloirs"] == "modality"

    reloaded = opened(address)  # F5: a new session at the same address
    assert state(reloaded).author == "Béatrice"
    assert "app_name_prompt" not in [t.key for t in reloaded.text_input], "the name is not asked again"
    assert state(reloaded).frise.scenario_id == address["scenario"]
    assert reloaded.radio(key="frise_lane").value == "modality"
    assert reloaded.button(key="frise_undo").help == "Annuler : ajout de « Ordinateur offert »"
    reloaded.button(key="frise_undo").click().run()
    assert [p.brick for p in state(reloaded).frise.scenario.placements] == BRICKS
    assert dict(reloaded.query_params)["s"] == address["s"]


def test_a_shared_link_opens_its_scenario_but_not_the_sender_s_name() -> None:
    sender = opened()
    sender.text_input(key="app_name_prompt").set_value("Béatrice").run()
    copy = store().create(Scenario(name="Frise de Lyon"), "Béatrice")
    link = {"scenario": copy.id}
    receiver = opened(link)
    assert state(receiver).frise.scenario_id == copy.id
    assert state(receiver).author == ""
    assert "app_name_prompt" in [t.key for t in receiver.text_input]
    assert receiver.query_params["s"] != sender.query_params["s"], "a session of her own"


def test_a_newcomer_opens_the_shared_parcours_type_not_the_last_copy() -> None:
    first = opened()
    shared = state(first).frise.scenario_id
    latest = store().create(Scenario(name="Mini parcours (ma version)"), "Bob")
    assert store().list()[0].id == latest.id
    newcomer = opened()
    assert state(newcomer).frise.scenario_id == shared
    assert newcomer.query_params["scenario"] == shared


def test_a_bad_address_is_ignored_without_a_crash() -> None:
    at = opened({"s": "<b>x</b>", "scenario": "pas-un-id", "couloirs": "partout", "cohorte": "99999"})
    assert not at.error
    assert state(at).frise.options.lane_mode == "pillar"
    assert state(at).frise.scenario_id == store().list()[0].id
    assert at.query_params["s"] != "<b>x</b>"
