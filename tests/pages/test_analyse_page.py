"""The analyse page: the coverage heat map and its table, the gaps, and a button that fills one."""

import json

from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.text import escape_markdown
from ui.state import STATE_KEY


def analyse_page() -> AppTest:
    at = app_test().run()
    at.switch_page("pages/analyse.py").run()
    assert not at.exception, at.exception
    return at


def x_field(at: AppTest) -> str:
    """The heat map's column field (Streamlit moves the chart's rows out of the spec)."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return spec["layer"][0]["encoding"]["x"]["field"]


def bullets(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("- ")]


FIRST_GAP = "- " + escape_markdown("Aucune action en « Première ».")


def test_the_heat_map_and_its_table_show_the_open_scenario() -> None:
    at = analyse_page()
    assert at.title[0].value == "Analyse du parcours"
    assert x_field(at) == "Volet"
    table = at.dataframe[0].value
    assert table.shape == (18, 4)
    assert table.iloc[0].to_dict() == {
        "Étape": "Seconde",
        "Volet": "Attirer",
        "Placements": 1,
        "Heures par bénéficiaire": 1,
    }


def test_the_modality_axis_redraws_the_heat_map() -> None:
    at = analyse_page()
    at.segmented_control(key="analyse_axis").set_value("modality").run()
    assert x_field(at) == "Modalité"
    assert list(at.dataframe[0].value.columns)[1] == "Modalité"


def test_the_gaps_are_listed_and_a_button_places_a_candidate_there() -> None:
    at = analyse_page()
    assert FIRST_GAP in bullets(at)
    at.button(key="analyse_fill_0_atelier-classe").click().run()
    assert not at.exception, at.exception
    assert FIRST_GAP not in bullets(at)
    placements = at.session_state[STATE_KEY].frise.scenario.placements
    assert placements[-1].brick == "atelier-classe"
    assert placements[-1].start.stage == "premiere"


def test_the_idle_setting_changes_the_stretches_reported() -> None:
    at = analyse_page()
    idle = [b for b in bullets(at) if "rien pendant" in b]
    assert idle
    at.number_input(key="analyse_idle_months").set_value(36).run()
    assert not [b for b in bullets(at) if "rien pendant" in b]
