"""What a round shows: each one's progress while it is blind, then the group's results once revealed."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.scoring import BrickResult, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _, n_
from tpt_model.workshop.records import Answer, Participant, Round, Snapshot

__all__ = [
    "Progress",
    "RoundComparison",
    "compare_rounds",
    "disputed_bricks",
    "finished_text",
    "by_item",
    "progress",
    "round_results",
    "round_sheets",
]


@dataclass(frozen=True, slots=True)
class Progress:
    """How far one participant is in a round: items with at least one answer, out of all."""

    participant: Participant
    done: int
    total: int

    @property
    def finished(self) -> bool:
        """Whether she answered every item."""
        return self.done >= self.total


def progress(snapshot: Snapshot, round_: Round) -> list[Progress]:
    """Each present participant's progress in the round, in order of arrival (never her answers)."""
    done: dict[str, set[str]] = {}
    items = set(round_.items)
    for answer in snapshot.answers:
        if answer.round == round_.number and answer.item in items:
            done.setdefault(answer.participant_id, set()).add(answer.item)
    total = len(round_.items)
    return [Progress(p, len(done.get(p.id, ())), total) for p in snapshot.present]


def finished_text(finished: int) -> str:
    """« personne n'a fini », « 1 a fini », « 12 ont fini »."""
    if finished == 0:
        return _("personne n'a fini")
    return n_("{count} a fini", "{count} ont fini", finished).format(count=finished)


def by_item(answers: Iterable[Answer]) -> dict[str, dict[str, Answer]]:
    """Answers by item, then question (one participant's answers of one round, say)."""
    grouped: dict[str, dict[str, Answer]] = {}
    for answer in answers:
        grouped.setdefault(answer.item, {})[answer.question] = answer
    return grouped


def round_sheets(snapshot: Snapshot, round_: Round) -> list[ScoreSheet]:
    """The round's scores as score sheets, one per (brick, participant), signed with her label.

    The scores of a participant removed from the workshop count only in a locked round: a locked
    round accepts no change, not even that one.
    """
    counted = {p.id: p for p in snapshot.participants if not p.removed or round_.state == "locked"}
    scores: dict[tuple[str, str], dict[str, int]] = {}
    for answer in snapshot.answers:
        if answer.round != round_.number or answer.participant_id not in counted or answer.value is None:
            continue
        if answer.question in round_.questions:
            scores.setdefault((answer.item, answer.participant_id), {})[answer.question] = answer.value
    return [
        ScoreSheet(brick=brick, evaluator=counted[who].label, scores=values)
        for (brick, who), values in scores.items()
    ]


def round_results(catalogue: Catalogue, snapshot: Snapshot, round_: Round) -> list[BrickResult]:
    """The round's bricks aggregated and ranked, with their spread and « à discuter » flag."""
    return evaluate(catalogue, list(round_.items), round_sheets(snapshot, round_))


def disputed_bricks(results: Iterable[BrickResult]) -> list[str]:
    """The bricks « à discuter » of a round, in its ranking's order: a second round's proposal."""
    return [r.brick_id for r in results if r.to_discuss]


@dataclass(frozen=True, slots=True)
class RoundComparison:
    """A brick scored in two rounds: its total and flag in each."""

    brick_id: str
    title: str
    before_total: float | None
    after_total: float | None
    before_disputed: bool
    after_disputed: bool


def compare_rounds(before: Sequence[BrickResult], after: Sequence[BrickResult]) -> list[RoundComparison]:
    """The bricks of the later round that the earlier one also scored, in the later ranking's order."""
    earlier = {r.brick_id: r for r in before}
    return [
        RoundComparison(
            r.brick_id,
            r.title,
            earlier[r.brick_id].total,
            r.total,
            earlier[r.brick_id].to_discuss,
            r.to_discuss,
        )
        for r in after
        if r.brick_id in earlier
    ]
