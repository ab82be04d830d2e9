"""The scoring form: the bricks to score, the evaluator's name, the starting values, the sheet it makes."""

from collections.abc import Iterable, Mapping

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.evaluation.scoring import REFERENCE_EVALUATOR
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _
from tpt_model.text import clean_name, fold, strip_control

GROUP_EVALUATOR = "Groupe"
MAX_EVALUATOR_LENGTH = 60


def scenario_bricks(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """Distinct brick ids of the scenario in placement order (bricks missing from the catalogue left out)."""
    known = catalogue.bricks_by_id
    return [b for b in dict.fromkeys(p.brick for p in scenario.placements) if b in known]


def check_evaluator(name: str) -> str:
    """The evaluator's name, cleaned; raises InputError when it cannot sign scores."""
    cleaned = clean_name(name)
    if not cleaned:
        raise InputError(_("Indiquez le nom de l'évaluatrice ou de l'évaluateur."))
    if len(cleaned) > MAX_EVALUATOR_LENGTH:
        raise InputError(
            _("Le nom de l'évaluatrice ou de l'évaluateur ne doit pas dépasser {most} caractères.").format(
                most=MAX_EVALUATOR_LENGTH
            )
        )
    if fold(cleaned) == fold(REFERENCE_EVALUATOR):
        raise InputError(
            _("« {reference} » est réservé aux notes du catalogue : choisissez un autre nom.").format(
                reference=_(REFERENCE_EVALUATOR)
            )
        )
    return cleaned


def own_sheets(sheets: Iterable[ScoreSheet], evaluator: str) -> dict[str, ScoreSheet]:
    """The evaluator's sheets by brick id."""
    return {s.brick: s for s in sheets if s.evaluator == evaluator}


def prefill(programme: Programme, sheet: ScoreSheet | None) -> dict[str, int | None]:
    """The form's starting value per criterion: the stored score if it is on the scale, else none."""
    stored = sheet.scores if sheet is not None else {}
    return {
        c.id: stored[c.id] if c.id in stored and c.scale.contains(stored[c.id]) else None
        for c in programme.criteria
    }


def build_sheet(
    programme: Programme, brick: str, evaluator: str, values: Mapping[str, int | None], comment: str | None
) -> ScoreSheet:
    """The sheet a submitted form makes (criteria left blank are not scored); at least one score needed."""
    scores: dict[str, int] = {}
    for c in programme.criteria:
        value = values.get(c.id)
        if isinstance(value, int) and not isinstance(value, bool) and c.scale.contains(value):
            scores[c.id] = value
    if not scores:
        raise InputError(_("Choisissez au moins une note avant d'enregistrer."))
    text = strip_control(comment or "").strip()
    return ScoreSheet(brick=brick, evaluator=evaluator, scores=scores, comment=text or None)
