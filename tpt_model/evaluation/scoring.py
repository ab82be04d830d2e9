"""Evaluation of the bricks of a scenario: aggregates per criterion, disagreement, weighted total, ranking.

Criteria, scales and weights come from the programme, so a criterion added to programme.yaml is
aggregated, weighted and ranked with no code change.
"""

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Criterion, Programme, Scale
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _, mark_, n_
from tpt_model.text import fold

__all__ = [
    "DISAGREEMENT_SHARE",
    "REFERENCE_EVALUATOR",
    "BrickResult",
    "CriterionAggregate",
    "WeightScale",
    "criterion_headers",
    "default_weights",
    "disagreement_gap",
    "disagreement_rule",
    "evaluate",
    "rank_changes",
    "rank_results",
    "reference_sheets",
    "sheets_by_brick",
    "split_unscored",
    "weight_scale",
    "weighted_total",
]

REFERENCE_EVALUATOR = mark_("Référence catalogue")  # a reserved name, stored in French, shown translated

# Two scores at least this share of the scale apart make a criterion disputed. A share rather than a
# number of levels keeps the rule fair for a criterion with a longer scale (0–10 next to 1–4).
DISAGREEMENT_SHARE = 0.5

# Totals closer than this are equal: float sums in another order must not split a tie.
_TIE_DIGITS = 6


@dataclass(frozen=True, slots=True)
class CriterionAggregate:
    """The scores of one brick on one criterion, summarised (all None when nobody scored it).

    `gap` is max − min in levels; `spread` is that gap over the scale's range (0 = agreement,
    1 = opposite ends of the scale); `disputed` applies the disagreement rule.
    """

    criterion: str
    count: int
    mean: float | None
    median: float | None
    min: int | None
    max: int | None
    gap: int | None
    spread: float | None
    disputed: bool


@dataclass(frozen=True, slots=True)
class BrickResult:
    """One brick's evaluation: aggregates by criterion id, weighted total (0–100), rank and comments.

    `reference_total` is the weighted total of the catalogue's reference scores alone (None when
    the brick has none), shown apart whether or not the reference counts in `total`.
    """

    brick_id: str
    title: str
    criteria: dict[str, CriterionAggregate]
    total: float | None
    rank: int | None
    to_discuss: bool
    evaluators: int
    comments: tuple[tuple[str, str], ...]
    reference_total: float | None = None

    @property
    def disputed_criteria(self) -> tuple[str, ...]:
        """Ids of the criteria on which the evaluators disagree."""
        return tuple(c for c, agg in self.criteria.items() if agg.disputed)

    @property
    def scored(self) -> bool:
        """Whether anybody scored the brick on at least one criterion."""
        return self.total is not None


def default_weights(programme: Programme) -> dict[str, float]:
    """The weight of each criterion as programme.yaml sets it."""
    return {c.id: float(c.weight) for c in programme.criteria}


@dataclass(frozen=True, slots=True)
class WeightScale:
    """The weights a group can give a criterion on the page: `low` to `high`, by `step`."""

    low: float
    high: float
    step: float

    def clamp(self, weight: float) -> float:
        """The weight brought within the scale (a weight set before the programme changed may fall out)."""
        return min(max(weight, self.low), self.high)

    def options(self, *kept: float) -> list[float]:
        """The weights offered, by step, with the `kept` ones (a programme weight off the steps) in place."""
        steps = round((self.high - self.low) / self.step)
        offered = {self.low + i * self.step for i in range(steps + 1)}
        return sorted(offered | {self.clamp(w) for w in kept})


# The smallest top of the scale and its step: enough room to weigh a criterion of weight 1 five times more.
WEIGHT_FLOOR_HIGH = 5.0
WEIGHT_STEP = 0.5


def weight_scale(programme: Programme) -> WeightScale:
    """From 0 to twice the largest programme weight (5 at least), by halves: every weight fits."""
    largest = max((c.weight for c in programme.criteria), default=0.0)
    doubled = math.ceil(2 * largest / WEIGHT_STEP) * WEIGHT_STEP
    return WeightScale(low=0.0, high=max(WEIGHT_FLOOR_HIGH, doubled), step=WEIGHT_STEP)


def criterion_headers(programme: Programme) -> dict[str, str]:
    """A column header per criterion id: its label, with the id added when two labels are equal."""
    labels = [c.label for c in programme.criteria]
    unique = {label for label in labels if labels.count(label) == 1}
    return {c.id: c.label if c.label in unique else f"{c.label} ({c.id})" for c in programme.criteria}


def disagreement_gap(scale: Scale) -> int:
    """The number of levels between two scores that makes a criterion disputed on this scale."""
    return max(1, math.ceil(DISAGREEMENT_SHARE * (scale.max - scale.min)))


def disagreement_rule(programme: Programme) -> str:
    """The disagreement rule in one French sentence, with the levels of this programme's scales."""
    gaps = {c.label: disagreement_gap(c.scale) for c in programme.criteria}
    # The catalogue's reference is no one in the room: it never makes a brick « à discuter ».
    if len(set(gaps.values())) == 1:
        gap = next(iter(gaps.values()))
        return n_(
            "Une brique est « à discuter » quand, sur au moins un critère, deux personnes ou plus "
            "s'écartent d'au moins {gap} niveau (la « {reference} » n'entre pas dans cette règle).",
            "Une brique est « à discuter » quand, sur au moins un critère, deux personnes ou plus "
            "s'écartent d'au moins {gap} niveaux (la « {reference} » n'entre pas dans cette règle).",
            gap,
        ).format(gap=gap, reference=_(REFERENCE_EVALUATOR))
    first, *others = gaps.items()
    detail = ", ".join(
        [
            _("{gap} niveaux pour « {criterion} »").format(gap=first[1], criterion=first[0]),
            *(_("{gap} pour « {criterion} »").format(gap=g, criterion=lab) for lab, g in others),
        ]
    )
    return _(
        "Une brique est « à discuter » quand, sur au moins un critère, deux personnes ou plus "
        "s'écartent d'au moins la moitié de l'échelle du critère ({detail}) "
        "(la « {reference} » n'entre pas dans cette règle)."
    ).format(detail=detail, reference=_(REFERENCE_EVALUATOR))


def reference_sheets(catalogue: Catalogue, brick_ids: Iterable[str]) -> list[ScoreSheet]:
    """The catalogue's reference scores of these bricks, as sheets of the « Référence catalogue »."""
    sheets = []
    for brick_id in dict.fromkeys(brick_ids):
        brick = catalogue.bricks_by_id.get(brick_id)
        if brick is not None and brick.criteria:
            scores = dict(brick.criteria)
            sheets.append(ScoreSheet(brick=brick_id, evaluator=REFERENCE_EVALUATOR, scores=scores))
    return sheets


def sheets_by_brick(
    catalogue: Catalogue, brick_ids: Sequence[str], sheets: Iterable[ScoreSheet], include_reference: bool
) -> dict[str, list[ScoreSheet]]:
    """The sheets of each brick (reference first, then by evaluator name), one per evaluator."""
    wanted = dict.fromkeys(brick_ids)
    chosen: dict[str, dict[str, ScoreSheet]] = {b: {} for b in wanted}
    all_sheets = [*reference_sheets(catalogue, wanted), *sheets] if include_reference else sheets
    for sheet in all_sheets:
        # A scenario can drop a brick that was scored: its sheets stay stored but are not counted.
        if sheet.brick in chosen:
            chosen[sheet.brick][sheet.evaluator] = sheet  # one sheet per evaluator: the last one wins
    return {b: sorted(by_name.values(), key=_evaluator_order) for b, by_name in chosen.items()}


def _evaluator_order(sheet: ScoreSheet) -> tuple[bool, str, str]:
    return sheet.evaluator != REFERENCE_EVALUATOR, fold(sheet.evaluator), sheet.evaluator


def _disputed(criterion: Criterion, votes: list[int]) -> bool:
    return len(votes) >= 2 and max(votes) - min(votes) >= disagreement_gap(criterion.scale)


def _aggregate(criterion: Criterion, values: list[int], votes: list[int]) -> CriterionAggregate:
    """Summary of `values`; only `votes` (the room's scores, never the reference) can dispute it."""
    if not values:
        return CriterionAggregate(criterion.id, 0, None, None, None, None, None, None, False)
    low, high = min(values), max(values)
    gap = high - low
    return CriterionAggregate(
        criterion=criterion.id,
        count=len(values),
        mean=sum(values) / len(values),
        median=float(statistics.median(values)),
        min=low,
        max=high,
        gap=gap,
        spread=gap / (criterion.scale.max - criterion.scale.min),
        disputed=_disputed(criterion, votes),
    )


def _resolve_weights(programme: Programme, weights: dict[str, float] | None) -> dict[str, float]:
    resolved = default_weights(programme)
    for criterion_id, weight in (weights or {}).items():
        if criterion_id not in resolved:
            continue  # a weight for a criterion the programme no longer has changes nothing
        if not weight >= 0:  # also refuses NaN
            raise ValueError(
                _("le poids du critère « {criterion_id} » doit être un nombre positif ou nul").format(
                    criterion_id=criterion_id
                )
            )
        resolved[criterion_id] = float(weight)
    return resolved


def weighted_total(
    programme: Programme, aggregates: dict[str, CriterionAggregate], weights: dict[str, float]
) -> float | None:
    """Weighted mean of the criteria's means, each mapped onto 0–100 by its own scale (None if unscored).

    Criteria nobody scored do not count; when the weights of the scored criteria sum to zero,
    they count equally (zero everywhere says nothing about preferences).
    """
    parts = []
    for c in programme.criteria:
        mean = aggregates[c.id].mean
        if mean is not None:
            parts.append((weights[c.id], (mean - c.scale.min) / (c.scale.max - c.scale.min)))
    if not parts:
        return None
    total_weight = sum(w for w, _ in parts)
    if total_weight == 0:
        return 100 * sum(n for _, n in parts) / len(parts)
    return 100 * sum(w * n for w, n in parts) / total_weight


def _values(programme: Programme, sheets: Iterable[ScoreSheet]) -> tuple[dict[str, list[int]], int]:
    """The comparable scores of the sheets by criterion id, and how many sheets gave one at least."""
    values: dict[str, list[int]] = {c.id: [] for c in programme.criteria}
    bounds = {c.id: (c.scale.min, c.scale.max) for c in programme.criteria}
    evaluators = 0
    for sheet in sheets:
        counted = False
        for criterion_id, value in sheet.scores.items():
            low, high = bounds.get(criterion_id, (1, 0))
            # Scores of a removed criterion, or off a scale that has since shrunk, cannot be compared.
            if low <= value <= high:
                values[criterion_id].append(value)
                counted = True
        evaluators += counted
    return values, evaluators


def _reference_total(catalogue: Catalogue, brick_id: str, weights: dict[str, float]) -> float | None:
    programme = catalogue.programme
    values = _values(programme, reference_sheets(catalogue, [brick_id]))[0]
    aggregates = {c.id: _aggregate(c, values[c.id], []) for c in programme.criteria}
    return weighted_total(programme, aggregates, weights)


def _brick_result(
    catalogue: Catalogue, brick_id: str, sheets: list[ScoreSheet], weights: dict[str, float]
) -> BrickResult:
    programme = catalogue.programme
    values, evaluators = _values(programme, sheets)
    votes = _values(programme, (s for s in sheets if s.evaluator != REFERENCE_EVALUATOR))[0]
    aggregates = {c.id: _aggregate(c, values[c.id], votes[c.id]) for c in programme.criteria}
    brick = catalogue.bricks_by_id.get(brick_id)
    return BrickResult(
        brick_id=brick_id,
        title=brick.shown_title if brick is not None else brick_id,
        criteria=aggregates,
        total=weighted_total(programme, aggregates, weights),
        rank=None,
        to_discuss=any(a.disputed for a in aggregates.values()),
        evaluators=evaluators,
        comments=tuple((s.evaluator, s.comment.strip()) for s in sheets if s.comment and s.comment.strip()),
        reference_total=_reference_total(catalogue, brick_id, weights),
    )


def _total_key(result: BrickResult) -> float:
    return round(result.total if result.total is not None else -math.inf, _TIE_DIGITS)


def rank_results(results: Iterable[BrickResult]) -> list[BrickResult]:
    """Results by total, highest first (ties share a rank: 1, 2, 2, 4, then by title), unscored last."""
    results = list(results)
    scored = sorted(
        (r for r in results if r.total is not None), key=lambda r: (-_total_key(r), fold(r.title), r.brick_id)
    )
    unscored = sorted((r for r in results if r.total is None), key=lambda r: (fold(r.title), r.brick_id))
    ranked: list[BrickResult] = []
    current_rank, current_key = 0, math.nan
    for position, result in enumerate(scored, start=1):
        if _total_key(result) != current_key:
            current_rank, current_key = position, _total_key(result)
        ranked.append(replace(result, rank=current_rank))
    return ranked + unscored


def evaluate(
    catalogue: Catalogue,
    brick_ids: Sequence[str],
    sheets: Iterable[ScoreSheet],
    weights: dict[str, float] | None = None,
    include_reference: bool = False,
) -> list[BrickResult]:
    """Aggregate the sheets of these bricks and rank them, highest weighted total first.

    Every brick of `brick_ids` is listed once, even if nobody scored it; `weights` override the
    programme's weights by criterion id. The catalogue's reference scores count in the means and
    totals as one more evaluator, « Référence catalogue », only if `include_reference` is True;
    they never make a brick « à discuter », and their own total is always in `reference_total`.
    """
    resolved = _resolve_weights(catalogue.programme, weights)
    grouped = sheets_by_brick(catalogue, brick_ids, sheets, include_reference)
    return rank_results(_brick_result(catalogue, b, own, resolved) for b, own in grouped.items())


def split_unscored(results: Iterable[BrickResult]) -> tuple[list[BrickResult], list[BrickResult]]:
    """The results with a total (in their order), and those nobody scored (« non notées »)."""
    results = list(results)
    return [r for r in results if r.scored], [r for r in results if not r.scored]


def rank_changes(before: Iterable[BrickResult], after: Iterable[BrickResult]) -> int:
    """How many bricks present in both rankings have a different rank in `after`."""
    old = {r.brick_id: r.rank for r in before}
    return sum(1 for r in after if r.brick_id in old and old[r.brick_id] != r.rank)
