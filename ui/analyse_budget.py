"""Analyse page, budget: the cohort plan to edit, spending by year and pillar, phase or partner."""

from collections.abc import Callable, Mapping
from typing import TypeVar

import pandas as pd
import streamlit as st

from tpt_model.analysis.budget import YearKind, budget_entries, budget_years, cohort_plan, inferred_share
from tpt_model.analysis.budget_tables import (
    AMOUNT,
    Breakdown,
    budget_pivot_text,
    budget_rows,
    budget_spec,
    walk_table,
)
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import euros, percent, table_text
from tpt_model.i18n import _, mark_
from tpt_model.scenario.cohort_plan import (
    COLUMNS,
    change_cohort_plan,
    plan_shares,
    shares_from_percents,
    whole_percents,
)
from tpt_model.scenario.editor import ChangeResult
from ui.tables import show_table

BURSARY = "boursiere"
YEAR_KINDS: dict[YearKind, str] = {"calendar": mark_("années civiles"), "school": mark_("années scolaires")}
ONE_YEAR: dict[YearKind, str] = {"calendar": mark_("année civile"), "school": mark_("année scolaire")}
BREAKDOWNS: dict[Breakdown, str] = {
    "pillar": mark_("volet"),
    "phase": mark_("phase"),
    "partner": mark_("partenaire"),
}
PLAN_FOR = "analyse_plan_for"  # the scenario version the plan's widgets were filled from


def _percents(labels: dict[str, str], shares: dict[str, float], keys: dict[str, str]) -> dict[str, float]:
    """A whole-percentage input per share; the shares they give (an untouched one keeps its exact value)."""
    shown = whole_percents(shares)
    typed = {
        key: int(st.number_input(labels[key], 0, 100, shown[key], 5, format="%d", key=keys[key]))
        for key in shares
    }
    return shares_from_percents(shares, typed)


def _forget_edits_of_another_plan(stamp: tuple[str | None, int], keys: list[str]) -> None:
    """Widgets keep what was typed across reruns: once another version is open, they start from its plan."""
    if st.session_state.get(PLAN_FOR) != stamp:
        for key in keys:
            st.session_state.pop(key, None)
        st.session_state[PLAN_FOR] = stamp


def cohort_plan_editor(
    catalogue: Catalogue,
    scenario: Scenario,
    stamp: tuple[str | None, int],
    save: Callable[[ChangeResult], None],
) -> None:
    """The cohort plan as a form: cohorts in a table, shares of tracks, exits and bursary holders.

    `stamp` names the version shown (scenario id, version): the form starts again from each new one.
    """
    programme = catalogue.programme
    plan = cohort_plan(catalogue, scenario)
    tracks, exits = plan_shares(catalogue, plan)
    track_keys = {t: f"analyse_track_{t}" for t in tracks}
    exit_keys = {e: f"analyse_exit_{e}" for e in exits}
    _forget_edits_of_another_plan(
        stamp, ["analyse_cohorts", "analyse_bursary", *track_keys.values(), *exit_keys.values()]
    )
    heading = (
        _("**Plan de cohortes de ce scénario** : modifiez-le puis enregistrez, le budget suit.")
        if scenario.cohort_plan
        else _(
            "**Plan de cohortes du programme (par défaut)** : modifiez-le puis enregistrez, le budget suit."
        )
    )
    with st.form("analyse_plan_form", border=True):
        st.markdown(heading)
        rows = pd.DataFrame([c.model_dump() for c in plan.cohorts], columns=list(COLUMNS))
        titles = {key: _(title) for key, title in COLUMNS.items()}
        edited = st.data_editor(
            rows,
            num_rows="dynamic",
            key="analyse_cohorts",
            hide_index=True,
            width="stretch",
            column_config={
                "year": st.column_config.NumberColumn(titles["year"], step=1, format="%d", required=True),
                "entrants": st.column_config.NumberColumn(
                    titles["entrants"], step=1, min_value=0, format="localized", required=True
                ),
                "entry_stage": st.column_config.SelectboxColumn(
                    titles["entry_stage"],
                    options=list(programme.stage_ids),
                    format_func=lambda s: programme.stage(s).label,
                    required=True,
                ),
            },
        )
        left, middle, right = st.columns([2, 3, 1.2])
        with left:
            st.caption(_("Parts des parcours (%)"))
            track_shares = _percents({t.id: t.label for t in programme.tracks}, tracks, track_keys)
        with middle:
            st.caption(_("Parts des sorties (%)"))
            exit_shares = _percents({e.id: e.label for e in programme.exits}, exits, exit_keys)
        with right:
            st.caption(_("Conditions (%)"))
            bursary = {BURSARY: plan.flags.get(BURSARY, 0.0)}
            flags = _percents({BURSARY: _("Boursières")}, bursary, {BURSARY: "analyse_bursary"})
        submitted = st.form_submit_button(
            _("Enregistrer le plan de cohortes"), key="analyse_save_plan", icon=":material/save:"
        )
    if submitted:
        records = edited.to_dict("records")
        save(
            change_cohort_plan(
                catalogue, scenario, records, tracks=track_shares, exits=exit_shares, flags=flags
            )
        )


# One of a few fixed choices (a breakdown, a kind of year).
Choice = TypeVar("Choice", bound=str)


def _one_of(label: str, labels: Mapping[Choice, str], default: Choice, key: str) -> Choice:
    """A required choice among `labels` (translated where shown), as a segmented control."""
    chosen = st.segmented_control(
        label, list(labels), format_func=lambda c: _(labels[c]), default=default, required=True, key=key
    )
    return chosen if chosen is not None else default


def budget_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """Cost of each typical walk, then spending per year by pillar, phase or partner, with its table."""
    st.markdown(_("### Coût par bénéficiaire de chaque parcours-type"))
    walks = pd.DataFrame(walk_table(catalogue, scenario))
    money = [_("Non boursière"), _("Boursière")]
    show_table(table_text(walks, money=money), money)
    left, right = st.columns(2)
    with left:
        by: Breakdown = _one_of(_("Répartir par"), BREAKDOWNS, "pillar", "analyse_budget_by")
    with right:
        kind: YearKind = _one_of(_("Compter par"), YEAR_KINDS, "calendar", "analyse_budget_years")
    years = budget_years(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    rows = budget_rows(catalogue, entries, years, by, kind)
    total = sum(r[_(AMOUNT)] for r in rows)
    share = percent(inferred_share(entries, years, kind))
    first, last = years[0], years[-1]
    span = (
        f"{first}–{last}"
        if kind == "calendar"
        else _("rentrées {first} à {last}").format(first=first, last=last)
    )
    st.markdown(
        _("### Dépenses par {year} et par {breakdown}, {span}").format(
            year=_(ONE_YEAR[kind]), breakdown=_(BREAKDOWNS[by]), span=span
        )
    )
    st.caption(
        _(
            "Total : {total}, dont {share} de coûts estimés d'après des programmes comparables "
            "(plus pâles sur le graphique, « dont estimé » dans le tableau)."
        ).format(total=euros(round(total)), share=share)
        + (_(" Un placement à plusieurs partenaires est partagé à parts égales.") if by == "partner" else "")
    )
    st.vega_lite_chart(budget_spec(catalogue, rows, by, kind), key="analyse_budget_chart")
    pivot = budget_pivot_text(rows, by, kind)
    show_table(pivot, pivot.columns[1:])
