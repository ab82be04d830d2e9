"""The Analyse page's communication plan: a cohort's dates, the bricks using them, CSV and ICS files."""

import datetime

import pandas as pd
import streamlit as st

from tpt_model.analysis.communication import communication_plan, plan_csv, plan_ics, plan_table
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import table_text
from tpt_model.i18n import _
from tpt_model.journey.cohort import cohort_label, cohort_years, school_year_start
from ui.tables import show_table


def communication_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """Pick a cohort; show its calendar of moments and offer it as CSV and ICS."""
    today = datetime.date.today()
    years = cohort_years(today)
    year = st.selectbox(
        _("Cohorte"),
        years,
        index=years.index(school_year_start(today)),
        format_func=cohort_label,
        key="analyse_cohort",
    )
    dates = communication_plan(catalogue, scenario, year)
    show_table(table_text(pd.DataFrame(plan_table(catalogue, dates))))
    name = _("Plan de communication, {cohort}").format(cohort=cohort_label(year))
    csv_file, ics_file = plan_csv(catalogue, dates), plan_ics(catalogue, dates, name)
    left, right = st.columns(2)
    left.download_button(
        _("Télécharger (CSV)"),
        csv_file,
        f"communication-{year}.csv",
        "text/csv",
        key="analyse_csv",
    )
    right.download_button(
        _("Ajouter à un agenda (ICS)"),
        ics_file,
        f"communication-{year}.ics",
        "text/calendar",
        key="analyse_ics",
    )
