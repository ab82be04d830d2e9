"""The frise page in each view: normal, presentation (one phase at a time) and phone; shared by address."""

import json
from typing import Any

from helpers import app_test, pt
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.frise.display import FriseDisplay
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from ui.state import STATE_KEY


def opened(query: dict[str, str] | None = None) -> AppTest:
    """A new browser session on the frise, at an address with these parameters."""
    at = app_test()
    at.query_params = dict(query or {})
    at.run()
    assert not at.exception, at.exception
    return at


def spec(at: AppTest) -> dict[str, Any]:
    (chart,) = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def layer(at: AppTest, name: str) -> dict[str, Any]:
    return next(layer for layer in spec(at)["layer"] if layer.get("name") == name)


def x_domain(at: AppTest) -> list[int]:
    return layer(at, "barres")["encoding"]["x"]["scale"]["domain"]


def layer_of(at: AppTest, dataset: str) -> list[dict[str, Any]]:
    """The records of the layer that draws `dataset` (its values are inlined in the spec)."""
    for candidate in spec(at)["layer"]:
        values = candidate["data"].get("values", [])
        if dataset == "etiquettes" and values and "label_x" in values[0]:
            return values
    return []


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_normal_view_shows_the_whole_frise_with_its_tools() -> None:
    at = opened()
    assert at.segmented_control(key="frise_view").value == "normal"
    assert x_domain(at) == [0, 72]
    assert spec(at)["title"]["text"] == "Mini parcours"
    assert "frise_add" in [b.key for b in at.button]
    assert "frise_phase_next" not in [b.key for b in at.button]
    # The moments of every year in one line of words, under the chart.
    assert "Chaque année\\. En mars : 8 mars\\." in markdown(at)
    assert "vue" not in at.query_params


def test_presentation_one_phase_at_a_time_and_back() -> None:
    at = opened()
    at.segmented_control(key="frise_view").set_value("presentation").run()
    assert not at.exception
    assert at.session_state[STATE_KEY].frise.display == FriseDisplay(view="presentation")
    assert dict(at.query_params)["vue"] == "presentation" and dict(at.query_params)["phase"] == "1"
    # Nothing to edit: the phase in large type, the buttons to turn it.
    keys = [b.key for b in at.button]
    assert "frise_add" not in keys and "frise_undo" not in keys
    assert at.button(key="frise_phase_back").disabled
    assert "Phase 1 sur 3 · Je construis mon projet" in markdown(at)
    assert x_domain(at) == [0, 36] and "title" not in spec(at)
    at.button(key="frise_phase_next").click().run()
    assert x_domain(at) == [36, 60]
    assert dict(at.query_params)["phase"] == "2"
    assert "Phase 2 sur 3 · Je réussis ma formation" in markdown(at)
    at.button(key="frise_phase_next").click().run()
    assert at.button(key="frise_phase_next").disabled and x_domain(at) == [60, 72]
    at.button(key="frise_leave").click().run()
    assert at.session_state[STATE_KEY].frise.display.view == "normal"
    assert "vue" not in at.query_params and "frise_add" in [b.key for b in at.button]


def test_a_link_opens_the_presentation_on_its_phase_and_reruns_keep_it() -> None:
    at = opened({"vue": "presentation", "phase": "2"})
    assert x_domain(at) == [36, 60]
    at.run()
    at.run()  # the address is written again at each rerun: the view stays in it
    assert dict(at.query_params)["vue"] == "presentation" and dict(at.query_params)["phase"] == "2"
    assert x_domain(at) == [36, 60]


def test_the_phone_view_one_line_per_action_and_the_milestones_in_words() -> None:
    at = opened({"vue": "telephone"})
    assert at.segmented_control(key="frise_view").value == "telephone"
    bars = layer(at, "barres")["data"]["values"]
    assert len({b["band"] for b in bars}) == len(bars), "each action on its own line"
    # Phase 1: the first placement, and the start of the second, which goes on into phase 2.
    assert sorted(b["num"] for b in bars) == [1, 2]
    assert {v["num"]: v["text"] for v in layer_of(at, "etiquettes")} == {1: "Atelier", 2: "Mentorat →"}
    assert at.segmented_control(key="frise_phase").options == ["Phase 1", "Phase 2", "Phase 3"]
    assert "frise_phase_next" not in [b.key for b in at.button], "one row of phases, no big buttons"
    at.segmented_control(key="frise_phase").set_value(2).run()
    bars = layer(at, "barres")["data"]["values"]
    assert sorted(b["num"] for b in bars) == [2, 3]
    assert len({b["band"] for b in bars}) == 2
    assert {v["num"]: v["text"] for v in layer_of(at, "etiquettes")} == {2: "← Mentorat", 3: "Ordinateur"}
    assert "Jalons de la phase" in markdown(at)
    assert "Vœux Parcoursup" not in markdown(at)  # a milestone of phase 1
    assert "Risque de décrochage en L1" in markdown(at)
    assert at.expander[0].label == "La frise en tableau" and len(at.dataframe[0].value) == 3
    assert dict(at.query_params)["vue"] == "telephone" and dict(at.query_params)["phase"] == "2"
    assert "Je réussis ma formation" in markdown(at)


def test_the_yearly_moments_can_be_drawn_on_the_frise() -> None:
    at = opened()
    names = [layer.get("data", {}).get("values") for layer in spec(at)["layer"]]
    assert all(not any(v.get("band") == "annuel" for v in values or []) for values in names)
    at.toggle(key="frise_yearly").set_value(True).run()
    yearly = [v for layer in spec(at)["layer"] for v in layer["data"]["values"] if v.get("band") == "annuel"]
    assert {v["label"] for v in yearly} == {"8 mars"} and len(yearly) == 6
    assert dict(at.query_params)["annuels"] == "1"
    assert at.toggle(key="frise_yearly").value is True


def test_numbered_bars_are_explained_in_a_table_under_the_chart() -> None:
    # Ten one-month actions in ten months in a row: no room for all their titles.
    months = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6]
    crowded = Scenario(
        name="Serrée",
        placements=tuple(
            Placement(brick="ordinateur", start=pt("seconde", m), end=pt("seconde", m)) for m in months
        ),
    )
    stored = ScenarioStore(open_database(load_settings().database_url)).create(crowded, "Test")
    at = opened({"scenario": stored.id})
    labels = layer_of(at, "etiquettes")
    assert sorted(v["num"] for v in labels) == list(range(1, 11)), "every bar carries something"
    numbered = sorted(v["num"] for v in labels if v["text"] == str(v["num"]))
    assert numbered, "some bars show their number"
    table = markdown(at)
    assert "| N° | Action | Quand |" in table
    for number in numbered:
        assert f"| {number} | Ordinateur offert |" in table
    titled = [v for v in labels if v["text"] != str(v["num"])]
    assert titled and all(v["text"] == "Ordinateur" for v in titled)
