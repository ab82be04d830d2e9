"""Coverage of the journey: stage × pillar and stage × modality, drawn as a heat map."""

import altair as alt
from helpers import pt

from tpt_model.analysis.coverage import coverage, coverage_spec, coverage_table
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario

SCENARIO = Scenario(
    name="S",
    placements=(
        Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10)),
        # Eight months in terminale (January → August), ten in bac+1 (September → June).
        Placement(brick="mentorat", start=pt("terminale", 1), end=pt("bac-1", 6)),
    ),
)


def cell(cells: list, stage: str, group: str) -> tuple[int, float]:
    found = next(c for c in cells if c.stage == stage and c.group == group)
    return found.placements, found.hours


def test_a_placement_counts_in_each_stage_it_touches_and_shares_its_hours(catalogue: Catalogue) -> None:
    cells = coverage(catalogue, SCENARIO)
    assert len(cells) == 6 * 3  # every stage × every pillar, empty cells included
    assert cell(cells, "seconde", "attract") == (1, 1)
    assert cell(cells, "terminale", "empower") == (1, round(12 * 8 / 18, 2))
    assert cell(cells, "bac-1", "empower") == (1, round(12 * 10 / 18, 2))
    assert cell(cells, "premiere", "attract") == (0, 0)


def test_coverage_by_modality(catalogue: Catalogue) -> None:
    cells = coverage(catalogue, SCENARIO, "modality")
    assert cell(cells, "terminale", "individuel") == (1, round(12 * 8 / 18, 2))
    assert cell(cells, "seconde", "collectif") == (1, 1)
    assert cell(cells, "bac-1", "materiel") == (0, 0)


def test_the_table_twin_speaks_french(catalogue: Catalogue) -> None:
    rows = coverage_table(catalogue, coverage(catalogue, SCENARIO), "pillar")
    assert rows[0] == {"Étape": "Seconde", "Volet": "Attirer", "Placements": 1, "Heures par bénéficiaire": 1}


def test_the_heat_map_is_valid_vega_lite(catalogue: Catalogue) -> None:
    spec = coverage_spec(catalogue, coverage(catalogue, SCENARIO))
    alt.Chart.from_dict(spec) if "mark" in spec else alt.LayerChart.from_dict(spec)  # validates
    assert spec["layer"][0]["mark"]["type"] == "rect"
    assert len(spec["data"]["values"]) == 18
    # The stages by their short labels on the axis, as on the frise; in full in the tooltip and the table.
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["2de", "1re", "Tle", "Bac+1", "Bac+2", "An 1"]
    assert spec["data"]["values"][0]["Étape"] == "Seconde"
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_the_modality_heat_map_is_valid_vega_lite_too(catalogue: Catalogue) -> None:
    spec = coverage_spec(catalogue, coverage(catalogue, SCENARIO, "modality"), "modality")
    alt.LayerChart.from_dict(spec)
    assert spec["layer"][0]["encoding"]["x"]["field"] == "Modalité"


def test_the_heat_map_says_in_words_which_stages_hold_no_placement(catalogue: Catalogue) -> None:
    # Vega makes the description the chart's label, which screen readers read.
    assert coverage_spec(catalogue, coverage(catalogue, SCENARIO))["description"] == (
        "Carte de chaleur des placements et des heures par étape et volet : 3 cases sur 18 ont au moins "
        "un placement ; étapes sans aucun placement : Première, Bac+2, Première année d'emploi."
    )
    by_modality = coverage_spec(catalogue, coverage(catalogue, SCENARIO, "modality"), "modality")
    assert by_modality["description"].startswith(
        "Carte de chaleur des placements et des heures par étape et modalité"
    )
