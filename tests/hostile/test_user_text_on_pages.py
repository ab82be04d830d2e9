"""User text is shown literally on every page: no Markdown, no image fetched, no bidi trick."""

import pytest
from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown, strip_control
from ui.state import STATE_KEY

pytestmark = pytest.mark.usefixtures("isolated_app")

HOSTILE = "![pixel](http://attaquant.example/p.png) **gras** :red[rouge] $x$"


def store() -> ScenarioStore:
    return ScenarioStore(open_database(load_settings().database_url))


def test_the_scenario_name_in_the_frise_header_is_literal() -> None:
    store().create(Scenario(name=HOSTILE), "Test")
    at = app_test().run()
    assert not at.exception, at.exception
    assert at.header[0].value == escape_markdown(HOSTILE)
    assert "\\!\\[pixel\\]\\(http" in at.header[0].value


@pytest.mark.parametrize("view", ["presentation", "telephone"])
def test_the_scenario_name_in_a_room_or_on_a_phone_is_literal(view: str) -> None:
    store().create(Scenario(name=HOSTILE), "Test")
    at = app_test()
    at.query_params = {"vue": view}
    at.run()
    assert not at.exception, at.exception
    shown = [c.value for c in at.caption] + [m.value for m in at.markdown]
    assert any(escape_markdown(HOSTILE) in text for text in shown)
    assert not any("![pixel]" in text for text in shown)


def someone_else_saves(at: AppTest) -> None:
    frise = at.session_state[STATE_KEY].frise
    current = store().get(frise.scenario_id)
    store().save(frise.scenario_id, current.scenario, current.version, HOSTILE)


def test_the_other_authors_name_in_the_update_notice_is_literal() -> None:
    at = app_test().run()
    someone_else_saves(at)
    at.run()  # the next rerun shows her version, and says who saved it
    assert not at.exception, at.exception
    [update] = [i.value for i in at.info if i.value.startswith("Mis à jour")]
    assert escape_markdown(HOSTILE) in update
    assert "![pixel]" not in update


def test_the_other_authors_name_in_the_stale_write_warning_is_literal() -> None:
    at = app_test().run()
    at.selectbox(key="frise_selected").set_value(0).run()
    at.button(key="frise_edit_open").click().run()
    someone_else_saves(at)  # while the placement's dialog is open
    at.text_area(key="frise_edit_0_note").set_value("Une note")
    at.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()
    assert not at.exception, at.exception
    [error] = at.error
    assert escape_markdown(HOSTILE) in error.value
    assert "![pixel]" not in error.value


def test_bidirectional_characters_are_dropped_from_names() -> None:
    assert strip_control("Alice\u202e\u2066gpj.exe") == "Alicegpj.exe"
    assert escape_markdown("a\u202eb") == "ab"
