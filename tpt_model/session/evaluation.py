"""The evaluation page's part of the session: who scores, which brick, which weights, what was picked.

Pure helpers beside it: the bricks of a scenario in frise order, progress, the evaluator's name
check, the sheet a form makes, and saving it with errors turned into French messages.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.matrix import priority_matrix_chart, ranking_table
from tpt_model.evaluation.scoring import REFERENCE_EVALUATOR, BrickResult, default_weights, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.frise.spec import chart_spec
from tpt_model.session.library import slug
from tpt_model.store.errors import ScenarioNotFound, StoreError
from tpt_model.store.scores import ScoreStore
from tpt_model.text import fold, strip_control

__all__ = [
    "GROUP_EVALUATOR",
    "MAX_EVALUATOR_LENGTH",
    "SCENARIO_GONE",
    "SECTIONS",
    "EvaluationInputError",
    "EvaluationView",
    "ScoreNotice",
    "aggregate_lines",
    "build_sheet",
    "check_evaluator",
    "export_file_name",
    "level_label",
    "own_sheets",
    "prefill",
    "progress_text",
    "rank_change_message",
    "save_and_advance",
    "scenario_bricks",
]

GROUP_EVALUATOR = "Groupe"
MAX_EVALUATOR_LENGTH = 60

SCENARIO_GONE = (
    "Ce scénario a été supprimé entre-temps : les notes n'ont pas été enregistrées. "
    "Ouvrez un autre scénario depuis la page Scénarios."
)

Section = Literal["score", "results", "export"]
SECTIONS: dict[Section, str] = {"score": "Noter", "results": "Résultats", "export": "Exporter"}


class EvaluationInputError(ValueError):
    """What the user typed or chose cannot be saved; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


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
    include_reference: bool = True
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
        weights = default_weights(programme)
        weights.update({c: w for c, w in self.weights.items() if c in weights})
        return weights

    def weights_changed(self, programme: Programme) -> bool:
        """Whether the weights set on the page differ from the programme's."""
        return self.resolved_weights(programme) != default_weights(programme)


def scenario_bricks(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """Distinct brick ids of the scenario in placement order (bricks missing from the catalogue left out)."""
    known = catalogue.bricks_by_id
    return [b for b in dict.fromkeys(p.brick for p in scenario.placements) if b in known]


def progress_text(position: int, total: int) -> str:
    """« 12 / 31 » for the 12th brick of 31 (position counts from 0)."""
    return f"{min(position + 1, total)} / {total}"


def clean_name(name: str) -> str:
    """A name on one line, without control characters or surrounding spaces."""
    return " ".join(strip_control(name).split())


def check_evaluator(name: str) -> str:
    """The evaluator's name, cleaned; raises EvaluationInputError when it cannot sign scores."""
    cleaned = clean_name(name)
    if not cleaned:
        raise EvaluationInputError("Indiquez le nom de l'évaluatrice ou de l'évaluateur.")
    if len(cleaned) > MAX_EVALUATOR_LENGTH:
        raise EvaluationInputError(
            "Le nom de l'évaluatrice ou de l'évaluateur ne doit pas dépasser "
            f"{MAX_EVALUATOR_LENGTH} caractères."
        )
    if fold(cleaned) == fold(REFERENCE_EVALUATOR):
        raise EvaluationInputError(
            f"« {REFERENCE_EVALUATOR} » est réservé aux notes du catalogue : choisissez un autre nom."
        )
    return cleaned


def level_label(criterion: Criterion, value: int) -> str:
    """A score with its level's descriptor: « 3 — Pertinente »."""
    descriptor = criterion.levels.get(value)
    return f"{value} — {descriptor}" if descriptor else str(value)


def name_taken(view: EvaluationView, evaluator: str, sheets: Iterable[ScoreSheet]) -> bool:
    """Whether scores already stand under this name, saved by someone this session is not known to be."""
    if evaluator == GROUP_EVALUATOR or evaluator in view.confirmed:
        return False
    return any(s.evaluator == evaluator for s in sheets)


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
        raise EvaluationInputError("Choisissez au moins une note avant d'enregistrer.")
    text = strip_control(comment or "").strip()
    return ScoreSheet(brick=brick, evaluator=evaluator, scores=scores, comment=text or None)


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
        notice = ScoreNotice(ok=False, message=SCENARIO_GONE)
    except (EvaluationInputError, StoreError) as err:
        notice = ScoreNotice(ok=False, message=err.message)
    else:
        if evaluator not in view.confirmed:
            view.confirmed.append(evaluator)
        last = step > 0 and view.position == len(bricks) - 1
        view.step(step, len(bricks))
        suffix = " C'était la dernière brique : voyez les résultats." if last else ""
        notice = ScoreNotice(ok=True, message=f"Notes de « {evaluator} » enregistrées.{suffix}")
    view.notice = notice
    return notice


def rank_change_message(changed: int) -> str:
    """How many bricks the page's weights move, compared with the programme's weights."""
    if changed == 0:
        return "Avec ces poids, aucune brique ne change de rang par rapport aux poids du programme."
    if changed == 1:
        return "Avec ces poids, 1 brique change de rang par rapport aux poids du programme."
    return f"Avec ces poids, {changed} briques changent de rang par rapport aux poids du programme."


def _number(value: float) -> str:
    """A French decimal: 3,5 (no trailing ,0)."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def aggregate_lines(programme: Programme, result: BrickResult) -> list[str]:
    """One French line per criterion: mean, median, range, count and disagreement."""
    lines = []
    for c in programme.criteria:
        agg = result.criteria[c.id]
        if agg.mean is None or agg.median is None:
            lines.append(f"{c.label} : pas encore notée")
            continue
        line = (
            f"{c.label} : moyenne {_number(agg.mean)}, médiane {_number(agg.median)}, "
            f"de {agg.min} à {agg.max} ({agg.count} note{'s' if agg.count > 1 else ''})"
        )
        lines.append(line + (" — désaccord" if agg.disputed else ""))
    return lines


def export_file_name(scenario_name: str, extension: str) -> str:
    """« evaluation-parcours-gt1.csv » for the scenario « Parcours GT1 »."""
    return f"evaluation-{slug(scenario_name)}.{extension}"


def evaluation_key(
    scenario_id: str,
    revision: Hashable,
    bricks: Sequence[str],
    weights: Mapping[str, float] | None,
    reference: bool,
) -> tuple[Hashable, ...]:
    """What an evaluation's results depend on: equal keys give equal results."""
    frozen_weights = tuple(sorted(weights.items())) if weights else None
    return (scenario_id, revision, tuple(bricks), frozen_weights, reference)


def memo_evaluate(
    catalogue: Catalogue,
    key: tuple[Hashable, ...],
    sheets: Sequence[ScoreSheet],
) -> list[BrickResult]:
    """`evaluate` for `key` (see evaluation_key), computed once while the scores stay the same."""
    _, _, bricks, weights, reference = key
    return catalogue.memo.get(
        ("evaluate", *key),
        lambda: evaluate(
            catalogue, list(bricks), list(sheets), dict(weights) if weights else None, reference
        ),
    )


def memo_matrix_spec(
    catalogue: Catalogue, key: tuple[Hashable, ...], results: list[BrickResult], axes: tuple[str, str]
) -> dict[str, Any]:
    """The priority matrix's Vega-Lite spec for these results and axes, built once (without re-validation)."""
    return catalogue.memo.get(
        ("matrix", *key, axes),
        lambda: chart_spec(
            priority_matrix_chart(catalogue, results, x_criterion=axes[0], y_criterion=axes[1])
        ),
    )


def memo_ranking_table(
    catalogue: Catalogue, key: tuple[Hashable, ...], results: list[BrickResult]
) -> pd.DataFrame:
    """The ranking table for these results, built once (a shared frame: do not change it)."""
    return catalogue.memo.get(("ranking", *key), lambda: ranking_table(catalogue, results))
