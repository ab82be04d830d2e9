"""Partners: who delivers what by phase, single-partner bricks, partners left out, each one's load."""

from helpers import pt

from tpt_model.analysis.partners import partner_loads, partner_table, single_partner_bricks, unused_partners
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario

WORKSHOP = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
MENTORING = Placement(brick="mentorat", start=pt("terminale", 1), end=pt("bac-1", 6))


def test_a_brick_delivered_by_one_partner_only_is_a_risk(catalogue: Catalogue) -> None:
    assert single_partner_bricks(catalogue, Scenario(name="S", placements=(WORKSHOP, MENTORING))) == [
        "mentorat",
        "atelier-classe",
    ]
    # Once Inria also delivers the workshop somewhere, the workshop no longer hangs on one partner.
    shared = Scenario(name="S", placements=(WORKSHOP, WORKSHOP.model_copy(update={"partner": "inria"})))
    assert single_partner_bricks(catalogue, shared) == []


def test_partners_by_phase_and_their_load(catalogue: Catalogue) -> None:
    scenario = Scenario(name="S", placements=(WORKSHOP, MENTORING, MENTORING))
    (inria, femmes) = partner_loads(catalogue, scenario)
    assert (inria.partner, inria.phases, inria.placements, inria.hours, inria.cost_eur) == (
        "inria",
        {"construire": ["mentorat"]},
        2,
        24,
        800,
    )
    assert femmes.bricks == ["atelier-classe"]


def test_a_partner_no_placement_names_is_listed(catalogue: Catalogue) -> None:
    assert unused_partners(catalogue, Scenario(name="S", placements=(MENTORING,))) == ["femmes-at-numerique"]


def test_the_partner_table_speaks_french_and_names_bricks_by_their_titles(catalogue: Catalogue) -> None:
    (row,) = partner_table(catalogue, Scenario(name="S", placements=(MENTORING,)))
    assert row == {
        "Partenaire": "Inria",
        "Je construis mon projet": "Mentorat",  # the brick's short title, never its id
        "Je réussis ma formation": "",
        "Je m'épanouis dans mon job": "",
        "Placements": 1,
        "Heures par bénéficiaire": 12,
        "Coût par bénéficiaire": 400,
        "Briques à partenaire unique": "Mentorat",
    }
    (femmes,) = partner_table(catalogue, Scenario(name="S", placements=(WORKSHOP,)))
    assert femmes["Je construis mon projet"] == "Atelier"  # atelier-classe
