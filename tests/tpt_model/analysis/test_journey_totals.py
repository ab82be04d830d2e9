"""Totals and gaps of a journey."""

from helpers import pt

from tpt_model.analysis.totals import journey_totals
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario


def place(brick: str, stage: str, first: int, last: int) -> Placement:
    return Placement(
        brick=brick, start=JourneyPoint(stage=stage, month=first), end=JourneyPoint(stage=stage, month=last)
    )


def test_costs_count_placements_and_fixed_costs_count_bricks(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="S",
        placements=(
            place("mentorat", "terminale", 1, 3),
            place("mentorat", "bac-1", 9, 12),
            place("atelier-classe", "seconde", 10, 10),
        ),
    )
    totals = journey_totals(catalogue, scenario)
    assert totals.cost_per_beneficiary_eur == 400 + 400 + 5
    assert totals.fixed_eur == 0 + 1000
    assert totals.hours == 12 + 12 + 1
    assert totals.estimated_bricks == 1  # mentorat's cost is inferred, the workshop's is not


def yearly(brick: Brick) -> Brick:
    return brick.model_copy(
        update={"cost": brick.cost.model_copy(update={"unit": "per_year", "third_party_eur": 50})}
    )


def test_a_yearly_cost_counts_each_school_year_and_a_third_party_apart(catalogue: Catalogue) -> None:
    bricks = tuple(yearly(b) if b.id == "mentorat" else b for b in catalogue.bricks)
    yearly_catalogue = Catalogue(
        programme=catalogue.programme, milestones=catalogue.milestones, bricks=bricks
    )
    scenario = Scenario(
        name="S",
        placements=(
            Placement(brick="mentorat", start=pt("terminale", 9), end=pt("bac-2", 6)),  # three school years
            place("atelier-classe", "seconde", 10, 10),
        ),
    )
    totals = journey_totals(yearly_catalogue, scenario)
    assert totals.cost_per_beneficiary_eur == 3 * 400 + 5
    assert totals.third_party_eur == 3 * 50  # received, but not paid by the programme
    assert totals.fixed_eur == 0 + 1000


def test_gaps_name_empty_phases_pillars_modalities(catalogue: Catalogue) -> None:
    scenario = Scenario(name="S", placements=(place("atelier-classe", "seconde", 10, 10),))
    assert journey_totals(catalogue, scenario).gaps == (
        "Aucune action dans la phase « Je réussis ma formation ».",
        "Aucune action dans la phase « Je m'épanouis dans mon job ».",
        "Aucune action du volet « Accompagner ».",
        "Aucune action du volet « Transformer ».",
        "Aucune action de modalité « Individuel ».",
        "Aucune action de modalité « Matériel et financier ».",
        "La fenêtre « Risque de décrochage en L1 » n'est couverte par aucune action d'accompagnement.",
    )


def test_the_dropout_window_is_covered_by_an_accompaniment_across_it(catalogue: Catalogue) -> None:
    uncovered = "La fenêtre « Risque de décrochage en L1 » n'est couverte par aucune action d'accompagnement."
    # The window runs October → February of bac+1: a mentoring from September to November touches it.
    covering = Scenario(name="S", placements=(place("mentorat", "bac-1", 9, 11),))
    assert uncovered not in journey_totals(catalogue, covering).gaps
    after = Scenario(name="S", placements=(place("mentorat", "bac-1", 3, 6),))
    assert uncovered in journey_totals(catalogue, after).gaps


def test_an_empty_frise_has_no_gap_list(catalogue: Catalogue) -> None:
    totals = journey_totals(catalogue, Scenario(name="Vide"))
    assert totals.gaps == () and totals.cost_per_beneficiary_eur == 0
