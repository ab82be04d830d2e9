"""Two scenarios side by side: bricks only in one, moved or resized placements, coverage, budget, scores."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tpt_model.analysis.budget import budget_entries, budget_years, by_calendar_year, cohort_plan
from tpt_model.analysis.coverage import coverage, placed_bricks
from tpt_model.analysis.totals import journey_totals
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.evaluation.form import scenario_bricks
from tpt_model.evaluation.scoring import evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _
from tpt_model.journey.timeline import duration_months, point_index, point_label

Pair = tuple[float, float]
MaybePair = tuple[float | None, float | None]


@dataclass(frozen=True)
class Comparison:
    """What changes from scenario A to scenario B, in French sentences, and the figures of both.

    `budget_by_year` holds every year of the budget (each scenario with its own cohort plan);
    `scores` every brick of either scenario with its weighted total in each (None: not placed
    there, or nobody scored it); `mean_score` the mean of each scenario's scored bricks.
    """

    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    changes: tuple[str, ...]
    coverage: tuple[tuple[str, str, int, int], ...]  # stage, pillar, placements in A, in B
    cost_per_beneficiary_eur: Pair
    fixed_eur: Pair
    budget_by_year: tuple[tuple[int, float, float], ...] = ()
    scores: tuple[tuple[str, float | None, float | None], ...] = ()
    mean_score: MaybePair = (None, None)
    entrants: tuple[int, int] = (0, 0)  # every cohort of each scenario's plan
    plan_changed: bool = False


def _by_brick(catalogue: Catalogue, scenario: Scenario) -> dict[str, list[Placement]]:
    programme = catalogue.programme
    found: dict[str, list[Placement]] = defaultdict(list)
    for placement, _brick in placed_bricks(catalogue, scenario):
        found[placement.brick].append(placement)
    for placements in found.values():
        placements.sort(key=lambda p: point_index(programme, p.start))
    return found


def _change(catalogue: Catalogue, a: Placement, b: Placement) -> str | None:
    """How one placement of a brick changed, the k-th in A matched with the k-th in B."""
    programme = catalogue.programme
    title = catalogue.brick(a.brick).shown_title
    before = duration_months(programme, a.start, a.end)
    after = duration_months(programme, b.start, b.end)
    if before != after:
        return _("« {title} » redimensionné : {before} → {after} mois, dès {start}.").format(
            title=title, before=before, after=after, start=point_label(programme, b.start)
        )
    if a.start != b.start:
        return _("« {title} » déplacé : {before} → {after}.").format(
            title=title, before=point_label(programme, a.start), after=point_label(programme, b.start)
        )
    return None


def _budgets(catalogue: Catalogue, a: Scenario, b: Scenario) -> tuple[tuple[int, float, float], ...]:
    """Spending by calendar year of both, over five years from the earlier of their first cohorts."""
    first = min(budget_years(catalogue, a)[0], budget_years(catalogue, b)[0])
    years = list(range(first, first + len(budget_years(catalogue, a))))
    in_a = by_calendar_year(budget_entries(catalogue, a), years)
    in_b = by_calendar_year(budget_entries(catalogue, b), years)
    return tuple((ya["year"], ya["eur"], yb["eur"]) for ya, yb in zip(in_a, in_b, strict=True))


def _totals(
    catalogue: Catalogue, scenario: Scenario, sheets: Sequence[ScoreSheet]
) -> dict[str, float | None]:
    return {r.brick_id: r.total for r in evaluate(catalogue, scenario_bricks(catalogue, scenario), sheets)}


def _mean(totals: dict[str, float | None]) -> float | None:
    scored = [t for t in totals.values() if t is not None]
    return sum(scored) / len(scored) if scored else None


def compare(
    catalogue: Catalogue,
    a: Scenario,
    b: Scenario,
    sheets: tuple[Sequence[ScoreSheet], Sequence[ScoreSheet]] = ((), ()),
) -> Comparison:
    """The differences from A to B: bricks only in one, placements moved or resized, coverage, costs, scores.

    `sheets` are the score sheets of each scenario (the same ones for two versions of a scenario).
    """
    in_a, in_b = _by_brick(catalogue, a), _by_brick(catalogue, b)
    changes = [
        change
        for brick in in_a
        if brick in in_b
        for pa, pb in zip(in_a[brick], in_b[brick], strict=False)
        if (change := _change(catalogue, pa, pb))
    ]
    changes += [
        _("« {title} » : {before} → {after} placements.").format(
            title=catalogue.brick(brick).shown_title, before=len(in_a[brick]), after=len(in_b[brick])
        )
        for brick in in_a
        if brick in in_b and len(in_a[brick]) != len(in_b[brick])
    ]
    cells = [
        (ca.stage, ca.group, ca.placements, cb.placements)
        for ca, cb in zip(coverage(catalogue, a), coverage(catalogue, b), strict=True)
        if ca.placements != cb.placements
    ]
    ta, tb = journey_totals(catalogue, a), journey_totals(catalogue, b)
    scores_a, scores_b = _totals(catalogue, a, sheets[0]), _totals(catalogue, b, sheets[1])
    plan_a, plan_b = cohort_plan(catalogue, a), cohort_plan(catalogue, b)
    return Comparison(
        only_in_a=tuple(b for b in in_a if b not in in_b),
        only_in_b=tuple(b for b in in_b if b not in in_a),
        changes=tuple(changes),
        coverage=tuple(cells),
        cost_per_beneficiary_eur=(ta.cost_per_beneficiary_eur, tb.cost_per_beneficiary_eur),
        fixed_eur=(ta.fixed_eur, tb.fixed_eur),
        budget_by_year=_budgets(catalogue, a, b),
        scores=tuple(
            (brick, scores_a.get(brick), scores_b.get(brick))
            for brick in dict.fromkeys([*scores_a, *scores_b])
        ),
        mean_score=(_mean(scores_a), _mean(scores_b)),
        entrants=(sum(c.entrants for c in plan_a.cohorts), sum(c.entrants for c in plan_b.cohorts)),
        plan_changed=plan_a != plan_b,
    )
