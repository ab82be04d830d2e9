"""What one placement of a brick costs: the programme's share, and what a third party pays apart."""

from dataclasses import dataclass

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Placement


@dataclass(frozen=True)
class PlacementCost:
    """The cost of one placement for one beneficiary: the programme's, and a third party's (not budgeted)."""

    programme_eur: float
    third_party_eur: float


def school_years(programme: Programme, placement: Placement) -> int:
    """How many school years (stages) a placement touches, both ends included."""
    index = programme.stage_index
    return index[placement.end.stage] - index[placement.start.stage] + 1


def placement_cost(programme: Programme, brick: Brick, placement: Placement) -> PlacementCost:
    """One beneficiary's cost of a placement: a per-year amount once per school year it spans."""
    cost = brick.cost
    times = school_years(programme, placement) if cost.unit == "per_year" else cost.sessions or 1
    return PlacementCost(cost.per_beneficiary_eur * times, cost.third_party_eur * times)
