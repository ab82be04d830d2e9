"""The frise in words for screen readers: its actions in all and per phase, on the chart's label."""

from helpers import pt

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.frise.chart import frise_chart, frise_spec
from tpt_model.frise.description import frise_description
from tpt_model.frise.display import FriseDisplay
from tpt_model.frise.rows import FriseOptions
from tpt_model.frise.spec import inline_datasets

SCENARIO = Scenario(
    name="Parcours « test »",
    placements=(
        Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10)),
        Placement(brick="mentorat", start=pt("terminale", 1), end=pt("bac-1", 6)),
        Placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9)),
    ),
)


def test_the_actions_are_counted_per_phase_where_they_start(catalogue: Catalogue) -> None:
    assert frise_description(catalogue.programme, SCENARIO, [0, 1, 2]) == (
        "Frise « Parcours « test » » : 3 actions sur le parcours, selon la phase où elles commencent : "
        "phase 1 « Je construis mon projet » : 2 actions ; phase 2 « Je réussis ma formation » : 1 action."
    )


def test_only_the_actions_drawn_are_told(catalogue: Catalogue) -> None:
    assert frise_description(catalogue.programme, SCENARIO, [2, 2]) == (
        "Frise « Parcours « test » » : 1 action sur le parcours, selon la phase où elles commencent : "
        "phase 2 « Je réussis ma formation » : 1 action."
    )
    assert frise_description(catalogue.programme, SCENARIO, []) == (
        "Frise « Parcours « test » » : 0 action sur le parcours."
    )


def test_the_chart_carries_its_description(catalogue: Catalogue) -> None:
    chart = frise_chart(catalogue, SCENARIO, FriseOptions())
    assert chart.description == frise_description(catalogue.programme, SCENARIO, [0, 1, 2])
    phase_two = FriseDisplay(view="presentation", phase=2)
    spec = frise_spec(catalogue, SCENARIO, FriseOptions(), display=phase_two)
    assert spec["description"].startswith("Frise « Parcours « test » » : 2 actions sur le parcours")


def test_a_layer_with_nothing_to_draw_is_left_out_of_what_screen_readers_read() -> None:
    spec = {
        "datasets": {"full": [{"x": 1}], "empty": []},
        "layer": [
            {"data": {"name": "full"}, "mark": {"type": "rect", "opacity": 0.5}},
            {"data": {"name": "empty"}, "mark": {"type": "rect", "opacity": 0.5}},
            {"data": {"name": "empty"}, "mark": "rule"},
        ],
    }
    assert inline_datasets(spec)["layer"] == [
        {"data": {"values": [{"x": 1}]}, "mark": {"type": "rect", "opacity": 0.5}},
        {"data": {"values": []}, "mark": {"type": "rect", "opacity": 0.5, "aria": False}},
        {"data": {"values": []}, "mark": {"type": "rule", "aria": False}},
    ]
