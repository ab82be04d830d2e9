"""Edit a scenario's cohort plan from the rows of a table, refused in French when a row is wrong."""

import math
from collections.abc import Mapping, Sequence

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.editor import ChangeResult

COLUMNS = {"year": "Rentrée", "entrants": "Entrantes", "entry_stage": "Étape d'entrée"}


def _whole(value: object) -> int | None:
    """The value as a whole number, or None when the cell is empty or not a whole number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else None


def _row_error(catalogue: Catalogue, row: Mapping[str, object]) -> str | None:
    year, entrants = _whole(row.get("year")), _whole(row.get("entrants"))
    if year is None or not 2000 <= year <= 2100:
        return "la rentrée doit être une année entre 2000 et 2100"
    if entrants is None or entrants < 0:
        return "le nombre d'entrantes doit être un entier positif ou nul"
    if row.get("entry_stage") not in catalogue.programme.stage_index:
        return "choisissez une étape d'entrée du programme"
    return None


def change_cohort_plan(
    catalogue: Catalogue, scenario: Scenario, rows: Sequence[Mapping[str, object]], bursary_share: float
) -> ChangeResult:
    """The scenario with the cohorts of `rows` and this share of bursary holders, the other shares kept."""
    for number, row in enumerate(rows, start=1):
        error = _row_error(catalogue, row)
        if error:
            return ChangeResult(scenario=scenario, error=f"Plan de cohortes, ligne {number} : {error}.")
    if not 0 <= bursary_share <= 1:
        return ChangeResult(scenario=scenario, error="La part de boursières doit aller de 0 à 1.")
    base = scenario.cohort_plan or catalogue.programme.cohort_plan
    cohorts = tuple(
        Cohort(
            year=_whole(r["year"]) or 0,
            entrants=_whole(r["entrants"]) or 0,
            entry_stage=str(r["entry_stage"]),
        )
        for r in rows
    )
    plan = CohortPlan(
        cohorts=cohorts,
        tracks=base.tracks,
        exits=base.exits,
        flags={**base.flags, "boursiere": bursary_share},
    )
    return ChangeResult(
        scenario=scenario.model_copy(update={"cohort_plan": plan}), summary="Plan de cohortes modifié"
    )
