"""Analyse page: where the open scenario leaves young women alone, what it costs, who delivers it."""

import streamlit as st

from tpt_model.i18n import _
from tpt_model.text import escape_markdown
from ui.analyse_budget import budget_panel, cohort_plan_editor
from ui.analyse_communication import communication_panel
from ui.analyse_comparison import comparison_panel
from ui.analyse_coverage import coverage_panel, gaps_panel
from ui.analyse_partners import partners_panel
from ui.catalogue_source import require_catalogue
from ui.frise_header import change_notice
from ui.open_scenario import open_scenario
from ui.shell import ask_name_once, page_setup
from ui.stores import score_store

page_setup()
ask_name_once()
catalogue = require_catalogue()
opened = open_scenario(catalogue)
view, scenario = opened.view, opened.scenario

st.title(_("Analyse du parcours"))
st.markdown(
    _("Scénario analysé : **{name}** (version {version})").format(
        name=escape_markdown(scenario.name), version=view.version
    )
)
change_notice(view, opened.store, opened.state.author)

st.header(_("Couverture"))
coverage_panel(catalogue, scenario)

st.header(_("Trous du parcours"))
gaps_panel(catalogue, scenario, opened.save)

st.header(_("Budget sur cinq ans"))
cohort_plan_editor(catalogue, scenario, (view.scenario_id, view.version), opened.save)
budget_panel(catalogue, scenario)

st.header(_("Partenaires"))
partners_panel(catalogue, scenario)

st.header(_("Plan de communication"))
communication_panel(catalogue, scenario)

st.header(_("Comparer"))
comparison_panel(catalogue, opened, score_store())
opened.follow()  # last: a newer version saved elsewhere shows once this run's change is done
