"""Edit a scenario's cohort plan: its cohorts from the rows of a table, the shares of tracks, exits and flags.

Refused in French, naming the row or the shares that are wrong; the scenario is then unchanged.
"""

import math
from collections.abc import Mapping, Sequence

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan, shares_problem
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.i18n import _, mark_
from tpt_model.scenario.editor import ChangeResult

# Column titles of the cohorts' table, translated where they are shown.
COLUMNS = {"year": mark_("Rentrée"), "entrants": mark_("Entrantes"), "entry_stage": mark_("Étape d'entrée")}


def _whole(value: object) -> int | None:
    """The value as a whole number, or None when the cell is empty or not a whole number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else None


def _row_error(catalogue: Catalogue, row: Mapping[str, object]) -> str | None:
    year, entrants = _whole(row.get("year")), _whole(row.get("entrants"))
    if year is None or not 2000 <= year <= 2100:
        return _("la rentrée doit être une année entre 2000 et 2100")
    if entrants is None or entrants < 0:
        return _("le nombre d'entrantes doit être un entier positif ou nul")
    if row.get("entry_stage") not in catalogue.programme.stage_index:
        return _("choisissez une étape d'entrée du programme")
    return None


def plan_shares(catalogue: Catalogue, plan: CohortPlan) -> tuple[dict[str, float], dict[str, float]]:
    """The plan's shares of each track and exit, equal shares written out where the plan gives none."""
    programme = catalogue.programme
    tracks = [t.id for t in programme.tracks]
    exits = [e.id for e in programme.exits]
    return (
        {t: plan.tracks.get(t, 0.0) for t in tracks}
        if plan.tracks
        else dict.fromkeys(tracks, 1 / len(tracks)),
        {e: plan.exits.get(e, 0.0) for e in exits} if plan.exits else dict.fromkeys(exits, 1 / len(exits)),
    )


def whole_percents(shares: Mapping[str, float]) -> dict[str, int]:
    """Shares as whole percentages that still make 100 (largest remainders): thirds read 34, 33, 33."""
    exact = {key: share * 100 for key, share in shares.items()}
    percents = {key: math.floor(value) for key, value in exact.items()}
    missing = round(sum(exact.values())) - sum(percents.values())
    for key in sorted(exact, key=lambda k: percents[k] - exact[k])[: max(missing, 0)]:
        percents[key] += 1
    return percents


def shares_from_percents(shares: Mapping[str, float], percents: Mapping[str, int]) -> dict[str, float]:
    """Shares typed as percentages; one left as `whole_percents` showed it keeps its exact share."""
    shown = whole_percents(shares)
    return {key: shares[key] if shown.get(key) == value else value / 100 for key, value in percents.items()}


def _shares_error(shares: Mapping[str, float], what: str, whole: bool = True) -> str | None:
    """Why shares are wrong: each one from 0 to 100 %, and together 100 % when they split a cohort."""
    if any(not 0 <= share <= 1 for share in shares.values()):
        return _("chacune des parts {what} doit aller de 0 à 100 %").format(what=what)
    return shares_problem(shares.values(), what) if whole else None


def change_cohort_plan(
    catalogue: Catalogue,
    scenario: Scenario,
    rows: Sequence[Mapping[str, object]],
    *,
    tracks: Mapping[str, float],
    exits: Mapping[str, float],
    flags: Mapping[str, float],
) -> ChangeResult:
    """The scenario with the cohorts of `rows` and these shares (from 0 to 1) of tracks, exits and flags.

    Flags not given keep their share; tracks and exits must each make a whole cohort.
    """
    for number, row in enumerate(rows, start=1):
        error = _row_error(catalogue, row)
        if error:
            error = _("Plan de cohortes, ligne {number} : {error}.").format(number=number, error=error)
            return ChangeResult(scenario=scenario, error=error)
    problem = (
        _shares_error(tracks, _("des parcours"))
        or _shares_error(exits, _("des sorties"))
        or _shares_error(flags, _("de bénéficiaires (boursières…)"), whole=False)
    )
    if problem:
        return ChangeResult(
            scenario=scenario, error=_("Plan de cohortes : {problem}.").format(problem=problem)
        )
    base = scenario.cohort_plan or catalogue.programme.cohort_plan
    cohorts = tuple(
        Cohort(
            year=_whole(r["year"]) or 0,
            entrants=_whole(r["entrants"]) or 0,
            entry_stage=str(r["entry_stage"]),
        )
        for r in rows
    )
    plan = CohortPlan.model_validate(
        {"cohorts": cohorts, "tracks": dict(tracks), "exits": dict(exits), "flags": {**base.flags, **flags}}
    )
    if plan == scenario.cohort_plan:
        return ChangeResult(scenario=scenario, warnings=[_("Le plan de cohortes n'a pas changé.")])
    summary = _("Plan de cohortes modifié")
    return ChangeResult(scenario=scenario.model_copy(update={"cohort_plan": plan}), summary=summary)
