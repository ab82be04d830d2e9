"""The evaluation page's part of the session: who scores, which brick, which weights, what was picked.

Beside it, the service that saves a form's sheet and moves on, with store errors turned into French.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.programme import Programme
from tpt_model.errors import InputError
from tpt_model.evaluation.form import GROUP_EVALUATOR, build_sheet
from tpt_model.evaluation.scoring import default_weights, weight_scale
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _, mark_
from tpt_model.store.errors import ScenarioNotFound, StoreError
from tpt_model.store.scores import ScoreStore
from tpt_model.text import clean_name

__all__ = [
    "SCENARIO_GONE",
    "SECTIONS",
    "EvaluationView",
    "ScoreNotice",
    "name_taken",
    "save_and_advance",
]

SCENARIO_GONE = mark_(
    "Ce scénario a été supprimé entre-temps : les notes n'ont pas été enregistrées. "
    "Ouvrez un autre scénario depuis la page Scénarios."
)

Section = Literal["score", "results", "export"]
SECTIONS: dict[Section, str] = {
    "score": mark_("Noter"),
    "results": mark_("Résultats"),
    "export": mark_("Exporter"),
}


class ScoreNotice(BaseModel):
    """What to tell the user after an attempt to save a sheet."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    message: str


class EvaluationView(BaseModel):
    """The evaluation page's part of the session state."""

    model_config = ConfigDict(validate_assignment=True)

    scenario_id: str | None = None
    evaluator: str | None = None  # None until typed: the page then proposes the author's name
    group: bool = False
    position: int = 0
    section: Section = "score"
    weights: dict[str, float] = {}
    include_reference: bool = False  # the room's scores only, unless the group asks for the reference
    selected_brick: str | None = None
    # Names this session saved under or claimed: nobody takes over another's scores by mistake.
    confirmed: list[str] = []
    notice: ScoreNotice | None = None
    # The (brick, evaluator) whose stored scores the form was last filled with.
    form_for: tuple[str, str] | None = None

    def follow(self, scenario_id: str | None) -> None:
        """Start again from the first brick when another scenario is open."""
        if scenario_id != self.scenario_id:
            self.scenario_id = scenario_id
            self.position = 0
            self.selected_brick = None
            self.notice = None
            self.form_for = None

    def evaluator_name(self, author: str) -> str:
        """The name the scores are saved under: « Groupe » in consensus mode, else the typed name."""
        if self.group:
            return GROUP_EVALUATOR
        return clean_name(author if self.evaluator is None else self.evaluator)

    def clamp(self, total: int) -> int:
        """Keep the position on a brick of the scenario (it can lose bricks meanwhile)."""
        self.position = min(max(self.position, 0), max(total - 1, 0))
        return self.position

    def step(self, delta: int, total: int) -> int:
        """Move to the next (+1) or previous (−1) brick, staying within the scenario."""
        self.position += delta
        return self.clamp(total)

    def resolved_weights(self, programme: Programme) -> dict[str, float]:
        """The programme's weights, overridden by those set on the page for criteria it still has."""
        weights, scale = default_weights(programme), weight_scale(programme)
        weights.update({c: scale.clamp(w) for c, w in self.weights.items() if c in weights})
        return weights

    def set_weight(self, criterion_id: str, weight: float) -> None:
        """Weigh a criterion otherwise than the programme does, for this session's results."""
        self.weights = {**self.weights, criterion_id: weight}

    def reset_weights(self) -> None:
        """Back to the programme's weights."""
        self.weights = {}

    def claim(self, evaluator: str) -> None:
        """The scores already stored under this name are this session's: it may change them."""
        if evaluator not in self.confirmed:
            self.confirmed = [*self.confirmed, evaluator]

    def weights_changed(self, programme: Programme) -> bool:
        """Whether the weights set on the page differ from the programme's."""
        return self.resolved_weights(programme) != default_weights(programme)


def name_taken(view: EvaluationView, evaluator: str, sheets: Iterable[ScoreSheet]) -> bool:
    """Whether scores already stand under this name, saved by someone this session is not known to be."""
    if evaluator == GROUP_EVALUATOR or evaluator in view.confirmed:
        return False
    return any(s.evaluator == evaluator for s in sheets)


def save_and_advance(
    view: EvaluationView,
    store: ScoreStore,
    programme: Programme,
    bricks: Sequence[str],
    evaluator: str,
    values: Mapping[str, int | None],
    comment: str | None,
    step: int = 1,
) -> ScoreNotice:
    """Save the current brick's form and move by `step` (±1); on failure stay, with the reason."""
    assert view.scenario_id is not None, "aucun scénario ouvert"
    brick = bricks[view.clamp(len(bricks))]
    try:
        sheet = build_sheet(programme, brick, evaluator, values, comment)
        store.save_sheet(view.scenario_id, sheet, as_evaluator=evaluator)
    except ScenarioNotFound:
        notice = ScoreNotice(ok=False, message=_(SCENARIO_GONE))
    except (InputError, StoreError) as err:
        notice = ScoreNotice(ok=False, message=err.message)
    else:
        view.claim(evaluator)
        last = step > 0 and view.position == len(bricks) - 1
        view.step(step, len(bricks))
        suffix = _(" C'était la dernière brique : voyez les résultats.") if last else ""
        saved = _("Notes de « {evaluator} » enregistrées.").format(evaluator=evaluator)
        notice = ScoreNotice(ok=True, message=saved + suffix)
    view.notice = notice
    return notice
