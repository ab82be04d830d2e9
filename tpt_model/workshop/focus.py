"""Focus groups: a short anonymous questionnaire for 15–25-year-olds, per brick or per stage, and its results.

The wording speaks to them directly (« tu »), in short sentences, without the programme's words
(« brique », « bénéficiaire »): see README « Écrire aux 15-25 ans ».
"""

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.i18n import _, mark_
from tpt_model.text import clean_name, strip_control
from tpt_model.workshop.errors import WorkshopRefusal
from tpt_model.workshop.records import Answer, ItemKind, Round

__all__ = [
    "MAX_TEXT_LENGTH",
    "QUESTIONS",
    "FocusItemResult",
    "FocusQuestion",
    "check_focus_answer",
    "focus_by_stage",
    "focus_results",
    "item_label",
    "question_text",
]

MAX_TEXT_LENGTH = 500


@dataclass(frozen=True, slots=True)
class FocusQuestion:
    """One question: a scale with a word per level, or a free text (`levels` empty)."""

    id: str
    brick_text: str  # asked about one action
    stage_text: str  # asked about a moment of the journey and what it offers
    levels: tuple[str, ...] = ()

    @property
    def scale(self) -> bool:
        """Whether the question is answered on a scale (1 … len(levels))."""
        return bool(self.levels)


QUESTIONS: tuple[FocusQuestion, ...] = (
    FocusQuestion(
        "participerais",
        mark_("Tu y participerais ?"),
        mark_("Ce qu'on te propose à ce moment-là, tu y participerais ?"),
        (mark_("Non, pas du tout"), mark_("Plutôt non"), mark_("Plutôt oui"), mark_("Oui, carrément")),
    ),
    FocusQuestion(
        "utile",
        mark_("Utile à ce moment-là ?"),
        mark_("Utile à ce moment-là de tes études ?"),
        (mark_("Pas utile"), mark_("Un peu utile"), mark_("Utile"), mark_("Très utile")),
    ),
    FocusQuestion(
        "manque",
        mark_("Qu'est-ce qui te manque ici ?"),
        mark_("Qu'est-ce qui te manque à ce moment-là ?"),
    ),
)
_BY_ID = {q.id: q for q in QUESTIONS}


def question_text(question: FocusQuestion, item_kind: ItemKind) -> str:
    """The question as asked about a brick or about a stage."""
    text = question.brick_text if item_kind == "brick" else question.stage_text
    return _(text)


def item_label(catalogue: Catalogue, item_kind: ItemKind, item: str) -> str:
    """What the young women read for an item: the action's short title, or the stage's name."""
    if item_kind == "brick":
        brick = catalogue.bricks_by_id.get(item)
        return brick.short_title if brick is not None else item
    stages = catalogue.programme.stage_index
    return catalogue.programme.stage(item).label if item in stages else item


def check_focus_answer(
    question_id: str, value: int | None, text: str | None
) -> tuple[int | None, str | None]:
    """A focus answer made safe: a level on the question's scale, or a short text on one line."""
    question = _BY_ID.get(question_id)
    if question is None:
        raise WorkshopRefusal(_("Question inconnue : « {question_id} ».").format(question_id=question_id))
    if question.scale:
        if value is not None and not 1 <= value <= len(question.levels):
            raise WorkshopRefusal(
                _("Réponse hors de l'échelle pour « {brick_text} ».").format(brick_text=question.brick_text)
            )
        return value, None
    cleaned = clean_name(strip_control(text or ""))
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise WorkshopRefusal(
            _("Ta réponse dépasse {most} caractères : raccourcis-la un peu.").format(most=MAX_TEXT_LENGTH)
        )
    return None, cleaned or None


@dataclass(frozen=True, slots=True)
class FocusItemResult:
    """What the group said of one brick or one stage: how many answered, means, counts per level, texts."""

    item: str
    label: str
    item_kind: ItemKind
    respondents: int
    means: dict[str, float | None]  # by scale question id
    counts: dict[str, tuple[int, ...]]  # by scale question id: how many chose each level
    texts: tuple[str, ...]


def _result(item: str, label: str, item_kind: ItemKind, answers: Sequence[Answer]) -> FocusItemResult:
    means: dict[str, float | None] = {}
    counts: dict[str, tuple[int, ...]] = {}
    for question in QUESTIONS:
        if not question.scale:
            continue
        values = [a.value for a in answers if a.question == question.id and a.value is not None]
        means[question.id] = statistics.fmean(values) if values else None
        counts[question.id] = tuple(values.count(level) for level in range(1, len(question.levels) + 1))
    texts = tuple(a.text for a in answers if a.text)
    return FocusItemResult(
        item, label, item_kind, len({a.participant_id for a in answers}), means, counts, texts
    )


def focus_results(catalogue: Catalogue, round_: Round, answers: Iterable[Answer]) -> list[FocusItemResult]:
    """The results of a focus round, item by item in the round's order (answers of no one else)."""
    by_item: dict[str, list[Answer]] = {item: [] for item in round_.items}
    for answer in answers:
        if answer.round == round_.number and answer.item in by_item:
            by_item[answer.item].append(answer)
    return [
        _result(item, item_label(catalogue, round_.item_kind, item), round_.item_kind, found)
        for item, found in by_item.items()
    ]


def focus_by_stage(
    catalogue: Catalogue, scenario: Scenario, round_: Round, answers: Iterable[Answer]
) -> list[FocusItemResult]:
    """A brick round's answers gathered by the stage where each brick starts in the scenario.

    A brick placed at several stages counts at each of them; a stage round's results are its own.
    """
    if round_.item_kind == "stage":
        return focus_results(catalogue, round_, answers)
    stages_of: dict[str, list[str]] = {}
    for placement in scenario.placements:
        stages_of.setdefault(placement.brick, [])
        if placement.start.stage not in stages_of[placement.brick]:
            stages_of[placement.brick].append(placement.start.stage)
    by_stage: dict[str, list[Answer]] = {}
    for answer in answers:
        if answer.round != round_.number or answer.item not in round_.items:
            continue
        for stage in stages_of.get(answer.item, []):
            by_stage.setdefault(stage, []).append(answer)
    order = [s for s in catalogue.programme.stage_ids if s in by_stage]
    return [_result(s, item_label(catalogue, "stage", s), "stage", by_stage[s]) for s in order]
