"""What one placement costs: a yearly amount counts each school year, a third party's money apart."""

from helpers import ROOT, pt

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.costs import PlacementCost, placement_cost, school_years
from tpt_model.catalogue.scenario_format import Placement


def with_cost(brick: Brick, **changes: object) -> Brick:
    return brick.model_copy(update={"cost": brick.cost.model_copy(update=changes)})


def mentorat(start: tuple[str, int], end: tuple[str, int]) -> Placement:
    return Placement(brick="mentorat", start=pt(*start), end=pt(*end))


def test_a_placement_spans_the_school_years_of_its_stages(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert school_years(programme, mentorat(("terminale", 1), ("terminale", 6))) == 1
    # September to June of the next year is two school years; January to March of the next, two too.
    assert school_years(programme, mentorat(("terminale", 9), ("bac-1", 6))) == 2
    assert school_years(programme, mentorat(("terminale", 1), ("bac-2", 3))) == 3


def test_a_one_off_cost_counts_once_whatever_the_length(catalogue: Catalogue) -> None:
    brick = catalogue.brick("mentorat")
    cost = placement_cost(catalogue.programme, brick, mentorat(("terminale", 1), ("bac-2", 3)))
    assert cost == PlacementCost(programme_eur=400, third_party_eur=0)


def test_a_yearly_cost_counts_once_per_school_year(catalogue: Catalogue) -> None:
    brick = with_cost(catalogue.brick("mentorat"), unit="per_year", third_party_eur=100)
    cost = placement_cost(catalogue.programme, brick, mentorat(("terminale", 1), ("bac-2", 3)))
    assert cost == PlacementCost(programme_eur=3 * 400, third_party_eur=3 * 100)


def test_a_cost_per_session_counts_every_session(catalogue: Catalogue) -> None:
    brick = with_cost(catalogue.brick("mentorat"), per_beneficiary_eur=50, unit="per_session", sessions=4)
    assert brick.cost.beneficiary_eur == 200
    cost = placement_cost(catalogue.programme, brick, mentorat(("terminale", 1), ("bac-2", 3)))
    assert cost == PlacementCost(programme_eur=200, third_party_eur=0)


def test_the_shipped_bursary_over_five_years_counts_five_times() -> None:
    shipped = load_catalogue(ROOT / "catalogue")
    bursary = shipped.brick("bourse-techpourtoutes")
    five_years = Placement(brick=bursary.id, start=pt("bac-1", 9), end=pt("bac-5", 6))
    assert placement_cost(shipped.programme, bursary, five_years).programme_eur == 15_000
    # The French Tech Tremplin grant is paid by the Mission French Tech, not by the programme.
    tremplin = shipped.brick("tremplin-entrepreneuriat")
    one_year = Placement(brick=tremplin.id, start=pt("emploi-1", 9), end=pt("emploi-1", 12))
    assert placement_cost(shipped.programme, tremplin, one_year) == PlacementCost(0, 17_000)
