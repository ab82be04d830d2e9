"""Rounds: their life (open ⇄ closed → revealed → locked) and the bricks or stages they are about."""

from collections.abc import Iterable, Sequence

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.form import scenario_bricks
from tpt_model.i18n import _, mark_
from tpt_model.text import clean_name
from tpt_model.workshop.errors import WorkshopRefusal
from tpt_model.workshop.records import RoundState
from tpt_model.workshop.roles import Action

__all__ = [
    "MAX_TITLE_LENGTH",
    "STATE_LABELS",
    "accepts_answers",
    "can_change",
    "check_items",
    "check_title",
    "next_state",
    "phase_bricks",
    "refuse_answer",
    "results_visible",
    "stage_items",
]

STATE_LABELS: dict[RoundState, str] = {
    "open": mark_("ouvert"),
    "closed": mark_("fermé"),
    "revealed": mark_("révélé"),
    "locked": mark_("verrouillé"),
}
# Action → (states it applies to, state it leads to). Reopening a revealed round is not offered:
# its results have been seen, and a second round on the disputed bricks keeps both.
_TRANSITIONS: dict[Action, tuple[frozenset[RoundState], RoundState]] = {
    "close_round": (frozenset({"open"}), "closed"),
    "reopen_round": (frozenset({"closed"}), "open"),
    "reveal_round": (frozenset({"open", "closed"}), "revealed"),
    "lock_round": (frozenset({"revealed"}), "locked"),
}
_REFUSALS: dict[Action, str] = {
    "close_round": mark_("seul un tour ouvert peut être fermé"),
    "reopen_round": mark_("seul un tour fermé, pas encore révélé, peut être rouvert"),
    "reveal_round": mark_("ses résultats sont déjà révélés"),
    "lock_round": mark_("un tour se verrouille une fois ses résultats révélés"),
}
MAX_TITLE_LENGTH = 80


def next_state(number: int, state: RoundState, action: Action) -> RoundState:
    """The state a round reaches by `action`; raises WorkshopRefusal when its state forbids it."""
    if state == "locked":
        raise WorkshopRefusal(
            _("Le tour {number} est verrouillé : il n'accepte plus aucun changement.").format(number=number)
        )
    sources, target = _TRANSITIONS[action]
    if state not in sources:
        message = _("Le tour {number} est {state} : {refusal}.")
        raise WorkshopRefusal(
            message.format(number=number, state=_(STATE_LABELS[state]), refusal=_(_REFUSALS[action]))
        )
    return target


def can_change(state: RoundState, action: Action) -> bool:
    """Whether a round in `state` can take `action` (the facilitator's buttons are enabled by it)."""
    return state != "locked" and state in _TRANSITIONS[action][0]


def accepts_answers(state: RoundState) -> bool:
    """Only an open round takes answers."""
    return state == "open"


def refuse_answer(number: int, state: RoundState) -> None:
    """Raise WorkshopRefusal unless the round takes answers, saying why."""
    if accepts_answers(state):
        return
    why = {
        "closed": _("l'animation l'a fermé"),
        "revealed": _("ses résultats sont révélés"),
        "locked": _("il est verrouillé"),
    }
    raise WorkshopRefusal(
        _(
            "Le tour {number} n'accepte plus de réponses ({why}) : la dernière n'a pas été enregistrée."
        ).format(number=number, why=why[state])
    )


def results_visible(state: RoundState) -> bool:
    """While a round is open or closed, each one sees only her own answers (blind)."""
    return state in ("revealed", "locked")


def check_items(items: Sequence[str], allowed_items: Iterable[str]) -> tuple[str, ...]:
    """The round's items in the order given, each once; refused when empty or not of the scenario."""
    allowed_set = set(allowed_items)
    unknown = [i for i in items if i not in allowed_set]
    if unknown:
        raise WorkshopRefusal(
            _("« {unknown} » n'est pas dans le scénario de l'atelier.").format(unknown=unknown[0])
        )
    kept = tuple(dict.fromkeys(items))
    if not kept:
        raise WorkshopRefusal(_("Un tour porte sur au moins une brique ou une étape : choisissez-en."))
    return kept


def check_title(title: str) -> str:
    """A round's or a workshop's title on one line, at most 80 characters."""
    cleaned = clean_name(title)
    if len(cleaned) > MAX_TITLE_LENGTH:
        raise WorkshopRefusal(
            _("Le titre ne doit pas dépasser {most} caractères.").format(most=MAX_TITLE_LENGTH)
        )
    return cleaned


def phase_bricks(catalogue: Catalogue, scenario: Scenario, phase_id: str) -> list[str]:
    """The scenario's bricks that have a placement starting in this phase, in placement order."""
    programme = catalogue.programme
    known = set(scenario_bricks(catalogue, scenario))
    stages = programme.stage_index  # a stage the programme has since dropped belongs to no phase
    in_phase = (
        p.brick
        for p in scenario.placements
        if p.start.stage in stages and programme.phase_of(p.start.stage).id == phase_id
    )
    return [b for b in dict.fromkeys(in_phase) if b in known]


def stage_items(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """The stages where the scenario places something, in the journey's order (a focus group's items)."""
    used = {p.start.stage for p in scenario.placements if p.brick in catalogue.bricks_by_id}
    return [s for s in catalogue.programme.stage_ids if s in used]
