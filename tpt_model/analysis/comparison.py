"""Two scenarios side by side: bricks only in one, moved or resized placements, coverage and budget."""

from collections import defaultdict
from dataclasses import dataclass

from tpt_model.analysis.coverage import coverage, placed_bricks
from tpt_model.analysis.totals import journey_totals
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.journey.timeline import duration_months, point_index, point_label


@dataclass(frozen=True)
class Comparison:
    """What changes from scenario A to scenario B, in French sentences, and the figures that differ."""

    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    changes: tuple[str, ...]
    coverage: tuple[tuple[str, str, int, int], ...]  # stage, pillar, placements in A, in B
    cost_per_beneficiary_eur: tuple[float, float]
    fixed_eur: tuple[float, float]


def _by_brick(catalogue: Catalogue, scenario: Scenario) -> dict[str, list[Placement]]:
    programme = catalogue.programme
    found: dict[str, list[Placement]] = defaultdict(list)
    for placement, _ in placed_bricks(catalogue, scenario):
        found[placement.brick].append(placement)
    for placements in found.values():
        placements.sort(key=lambda p: point_index(programme, p.start))
    return found


def _change(catalogue: Catalogue, a: Placement, b: Placement) -> str | None:
    """How one placement of a brick changed, the k-th in A matched with the k-th in B."""
    programme = catalogue.programme
    title = catalogue.brick(a.brick).title
    before = duration_months(programme, a.start, a.end)
    after = duration_months(programme, b.start, b.end)
    if before != after:
        return f"« {title} » redimensionné : {before} → {after} mois, dès {point_label(programme, b.start)}."
    if a.start != b.start:
        return f"« {title} » déplacé : {point_label(programme, a.start)} → {point_label(programme, b.start)}."
    return None


def compare(catalogue: Catalogue, a: Scenario, b: Scenario) -> Comparison:
    """The differences from A to B: bricks only in one, placements moved or resized, coverage and costs."""
    in_a, in_b = _by_brick(catalogue, a), _by_brick(catalogue, b)
    changes = [
        change
        for brick in in_a
        if brick in in_b
        for pa, pb in zip(in_a[brick], in_b[brick], strict=False)
        if (change := _change(catalogue, pa, pb))
    ]
    changes += [
        f"« {catalogue.brick(brick).title} » : {len(in_a[brick])} → {len(in_b[brick])} placements."
        for brick in in_a
        if brick in in_b and len(in_a[brick]) != len(in_b[brick])
    ]
    cells = [
        (ca.stage, ca.group, ca.placements, cb.placements)
        for ca, cb in zip(coverage(catalogue, a), coverage(catalogue, b), strict=True)
        if ca.placements != cb.placements
    ]
    ta, tb = journey_totals(catalogue, a), journey_totals(catalogue, b)
    return Comparison(
        only_in_a=tuple(b for b in in_a if b not in in_b),
        only_in_b=tuple(b for b in in_b if b not in in_a),
        changes=tuple(changes),
        coverage=tuple(cells),
        cost_per_beneficiary_eur=(ta.cost_per_beneficiary_eur, tb.cost_per_beneficiary_eur),
        fixed_eur=(ta.fixed_eur, tb.fixed_eur),
    )
