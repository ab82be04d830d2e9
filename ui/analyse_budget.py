"""The Analyse page's budget: the cohort plan to edit, walk costs, spending per year and pillar."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from tpt_model.analysis.budget import (
    budget_entries,
    budget_spec,
    budget_table,
    budget_years,
    cohort_plan,
    inferred_share,
    walk_table,
)
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import euros, number, table_text
from tpt_model.scenario.cohort_plan import COLUMNS, change_cohort_plan
from tpt_model.scenario.editor import ChangeResult


def cohort_plan_editor(
    catalogue: Catalogue, scenario: Scenario, save: Callable[[ChangeResult], None]
) -> None:
    """The scenario's cohort plan as a table to edit, and the share of bursary holders; saved on demand."""
    plan = cohort_plan(catalogue, scenario)
    origin = "ce scénario" if scenario.cohort_plan else "le programme (par défaut)"
    st.caption(f"Plan de cohortes de {origin}. Modifiez-le puis enregistrez : le budget suit.")
    rows = pd.DataFrame([c.model_dump() for c in plan.cohorts], columns=list(COLUMNS))
    edited = st.data_editor(
        rows,
        num_rows="dynamic",
        key="analyse_cohorts",
        hide_index=True,
        column_config={
            "year": st.column_config.NumberColumn(COLUMNS["year"], step=1, format="%d"),
            "entrants": st.column_config.NumberColumn(COLUMNS["entrants"], step=1, min_value=0),
            "entry_stage": st.column_config.SelectboxColumn(
                COLUMNS["entry_stage"], options=list(catalogue.programme.stage_ids)
            ),
        },
    )
    # In whole percents: a share written 0.25 would show a decimal point, not a French comma.
    percent = st.number_input(
        "Part de boursières (%)",
        0,
        100,
        round(plan.flags.get("boursiere", 0.0) * 100),
        5,
        key="analyse_bursary",
    )
    if st.button("Enregistrer le plan de cohortes", key="analyse_save_plan", icon=":material/save:"):
        records = edited.to_dict("records")
        save(change_cohort_plan(catalogue, scenario, records, percent / 100))


def budget_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """Cost of each typical walk, then spending per calendar year stacked by pillar, with its table."""
    st.markdown("##### Coût par bénéficiaire de chaque parcours-type")
    walks = pd.DataFrame(walk_table(catalogue, scenario))
    st.dataframe(table_text(walks, money=["Non boursière (€)", "Boursière (€)"]), hide_index=True)
    years = budget_years(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    st.markdown(f"##### Dépenses par année civile, {years[0]}–{years[-1]}")
    total = sum(e.eur for e in entries if e.year in years)
    share = number(inferred_share(entries, years) * 100, 0)
    st.caption(f"Total : {euros(total)}, dont {share} % estimés d'après des programmes comparables.")
    rows = budget_table(catalogue, entries, years)
    st.vega_lite_chart(budget_spec(catalogue, rows), key="analyse_budget_chart")
    with st.expander("Les dépenses en tableau"):
        spending = pd.DataFrame(rows).astype({"Année": str})  # a year, not a number: « 2025 »
        st.dataframe(table_text(spending, money=["Montant (€)"]), hide_index=True)
