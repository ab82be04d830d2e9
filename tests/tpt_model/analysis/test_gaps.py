"""Gaps of the journey, with the bricks that could fill them."""

from helpers import pt

from tpt_model.analysis.gaps import fill, idle_gaps, journey_gaps, risk_window_gaps, track_and_exit_gaps
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.scenario.editor import add_placement

WORKSHOP = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
MENTORING = Placement(brick="mentorat", start=pt("terminale", 1), end=pt("bac-1", 6))
SCENARIO = Scenario(name="S", placements=(WORKSHOP, MENTORING))


def test_a_stage_without_action_is_a_gap_with_the_bricks_that_fit_it(catalogue: Catalogue) -> None:
    stages = [g for g in journey_gaps(catalogue, SCENARIO) if g.kind == "stage"]
    assert [(g.stage, g.message, g.candidates) for g in stages] == [
        ("premiere", "Aucune action en « Première ».", ("atelier-classe",)),
        ("bac-2", "Aucune action en « Bac+2 ».", ("mentorat",)),
        ("emploi-1", "Aucune action en « Première année d'emploi ».", ()),
    ]


def test_a_covered_risk_window_is_no_gap_and_an_uncovered_one_is(catalogue: Catalogue) -> None:
    assert risk_window_gaps(catalogue, SCENARIO) == []  # the mentoring runs across the L1 window
    (gap,) = risk_window_gaps(catalogue, Scenario(name="S", placements=(WORKSHOP,)))
    assert gap.message == (
        "La fenêtre « Risque de décrochage en L1 » n'est couverte par aucune action d'accompagnement."
    )
    assert gap.candidates == ("mentorat", "ordinateur")  # « Accompagner » bricks of bac+1


def test_a_phase_without_a_pillar(catalogue: Catalogue) -> None:
    messages = [g.message for g in journey_gaps(catalogue, SCENARIO) if g.kind == "pillar"]
    assert "Aucune action du volet « Accompagner » dans la phase « Je réussis ma formation »." not in messages
    assert "Aucune action du volet « Attirer » dans la phase « Je réussis ma formation »." in messages


def test_a_track_and_an_exit_nobody_serves(catalogue: Catalogue) -> None:
    long_only = Placement(
        brick="mentorat", start=pt("terminale", 1), end=pt("bac-1", 6), tracks=("long",), exits=("doctorat",)
    )
    gaps = track_and_exit_gaps(catalogue, Scenario(name="S", placements=(long_only,)))
    assert [(g.kind, g.message) for g in gaps] == [
        ("track", "Rien pour le parcours « Études courtes »."),
        ("exit", "Rien pour la sortie « Salariat »."),
        ("exit", "Rien pour la sortie « Entrepreneuriat »."),
    ]
    assert track_and_exit_gaps(catalogue, SCENARIO) == []


def test_a_long_idle_stretch_on_a_track(catalogue: Catalogue) -> None:
    messages = [g.message for g in idle_gaps(catalogue, SCENARIO) if "courtes" in g.message]
    assert messages == [
        "Parcours « Études courtes » : rien pendant 26 mois, de novembre · Seconde à décembre · Terminale.",
        "Parcours « Études courtes » : rien pendant 26 mois, de juillet · Bac+1 à août · Première année d'emploi.",
    ]
    # Up to the setting, a stretch is no gap.
    assert idle_gaps(catalogue, SCENARIO, idle_months=26) == []


def test_a_candidate_is_placed_within_the_gap_for_its_duration(catalogue: Catalogue) -> None:
    gap = next(g for g in journey_gaps(catalogue, SCENARIO) if g.stage == "bac-2")
    placement = fill(catalogue, gap, "mentorat")  # six months, as the frise adds it
    assert (placement.start, placement.end) == (pt("bac-2", 9), pt("bac-2", 2))
    result = add_placement(catalogue, SCENARIO, placement)
    assert result.error is None
    assert "bac-2" not in [g.stage for g in journey_gaps(catalogue, result.scenario) if g.kind == "stage"]


def test_a_punctual_brick_fills_one_month(catalogue: Catalogue) -> None:
    gap = next(g for g in journey_gaps(catalogue, SCENARIO) if g.stage == "premiere")
    placement = fill(catalogue, gap, "atelier-classe")
    assert (placement.start, placement.end) == (pt("premiere", 9), pt("premiere", 9))


def test_an_empty_frise_has_no_gaps(catalogue: Catalogue) -> None:
    assert journey_gaps(catalogue, Scenario(name="Vide")) == []
