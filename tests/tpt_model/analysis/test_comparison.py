"""Two scenarios side by side."""

from helpers import pt

from tpt_model.analysis.comparison import compare
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario

WORKSHOP = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
MENTORING = Placement(brick="mentorat", start=pt("terminale", 1), end=pt("terminale", 3))
COMPUTER = Placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9))


def test_one_moved_placement_is_found(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    moved = MENTORING.model_copy(update={"start": pt("terminale", 3), "end": pt("terminale", 5)})
    b = Scenario(name="B", placements=(WORKSHOP, moved))
    found = compare(catalogue, a, b)
    assert found.changes == ("« Mentorat en ligne » déplacé : janvier · Terminale → mars · Terminale.",)
    assert (found.only_in_a, found.only_in_b, found.coverage) == ((), (), ())
    assert found.cost_per_beneficiary_eur == (405, 405)


def test_a_resized_placement_and_bricks_only_in_one(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    longer = MENTORING.model_copy(update={"end": pt("bac-1", 6)})
    b = Scenario(name="B", placements=(longer, COMPUTER))
    found = compare(catalogue, a, b)
    assert found.changes == ("« Mentorat en ligne » redimensionné : 3 → 18 mois, dès janvier · Terminale.",)
    assert (found.only_in_a, found.only_in_b) == (("atelier-classe",), ("ordinateur",))
    assert ("seconde", "attract", 1, 0) in found.coverage
    assert ("bac-1", "empower", 0, 2) in found.coverage  # the mentoring now reaches bac+1 too
    assert found.cost_per_beneficiary_eur == (405, 850)
    assert found.fixed_eur == (1000, 0)


def test_identical_scenarios_differ_in_nothing(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    found = compare(catalogue, a, a.model_copy(update={"name": "B"}))
    assert (found.only_in_a, found.only_in_b, found.changes, found.coverage) == ((), (), (), ())


def test_one_more_placement_of_a_brick(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP,))
    b = Scenario(name="B", placements=(WORKSHOP, WORKSHOP))
    assert compare(catalogue, a, b).changes == ("« Atelier en classe » : 1 → 2 placements.",)
