"""Analyse page: where the open scenario's journey leaves young women alone, and what could fill it."""

import pandas as pd
import streamlit as st

from tpt_model.analysis.coverage import AXIS_TITLES, coverage, coverage_spec, coverage_table
from tpt_model.analysis.gaps import IDLE_MONTHS, Gap, fill, journey_gaps
from tpt_model.analysis.partners import partner_table, single_partner_bricks, unused_partners
from tpt_model.formatting import table_text
from tpt_model.scenario.editor import ChangeResult, add_placement
from tpt_model.session.frise import commit, ensure_open
from tpt_model.text import escape_markdown
from ui.analyse_budget import budget_panel, cohort_plan_editor
from ui.analyse_communication import communication_panel
from ui.analyse_comparison import comparison_panel
from ui.catalogue_source import require_catalogue
from ui.frise_header import show_notice
from ui.shell import ask_name_once, page_setup
from ui.state import app_state
from ui.store_errors import store_errors
from ui.stores import scenario_store

page_setup()
ask_name_once()
catalogue = require_catalogue()
state = app_state()
view = state.frise
store = scenario_store()
with store_errors():
    ensure_open(view, store, catalogue, state.author)


def save(result: ChangeResult) -> None:
    with store_errors():
        commit(view, store, result, state.author)
    st.rerun()


def place(gap: Gap, brick_id: str) -> None:
    save(add_placement(catalogue, view.scenario, fill(catalogue, gap, brick_id)))


st.title("Analyse du parcours")
st.markdown(f"Scénario analysé : **{escape_markdown(view.scenario.name)}** (version {view.version})")
show_notice(view)

st.subheader("Couverture")
axis = st.segmented_control(
    "Croiser les étapes avec",
    list(AXIS_TITLES),
    format_func=lambda a: "les volets" if a == "pillar" else "les modalités",
    default="pillar",
    required=True,
    key="analyse_axis",
)
st.caption("Couleur : nombre de placements ; chiffre : heures par bénéficiaire dans l'étape.")
cells = coverage(catalogue, view.scenario, axis)
st.vega_lite_chart(coverage_spec(catalogue, cells, axis), key="analyse_heatmap")
with st.expander("La couverture en tableau"):
    coverage_rows = pd.DataFrame(coverage_table(catalogue, cells, axis))
    st.dataframe(table_text(coverage_rows, duration=["Heures par bénéficiaire"]), hide_index=True)

st.subheader("Trous du parcours")
idle_months = st.number_input(
    "Signaler une période sans action de plus de (mois)", 1, 36, IDLE_MONTHS, key="analyse_idle_months"
)
gaps = journey_gaps(catalogue, view.scenario, int(idle_months))
if not view.scenario.placements:
    st.info("La frise est vide : ajoutez des briques sur la page Frise.")
elif not gaps:
    st.success("Aucun trou repéré dans ce parcours.")
for i, gap in enumerate(gaps):
    st.markdown(f"- {escape_markdown(gap.message)}")
    if not gap.candidates:
        st.caption("Aucune brique du catalogue ne convient ici.")
    columns = st.columns(min(len(gap.candidates), 4) or 1)
    for j, brick_id in enumerate(gap.candidates):
        title = catalogue.brick(brick_id).short_title
        if columns[j % len(columns)].button(f"Placer « {title} »", key=f"analyse_fill_{i}_{brick_id}"):
            place(gap, brick_id)

st.subheader("Budget sur cinq ans")
cohort_plan_editor(catalogue, view.scenario, save)
budget_panel(catalogue, view.scenario)

st.subheader("Partenaires")
partner_rows = pd.DataFrame(partner_table(catalogue, view.scenario))
st.dataframe(
    table_text(partner_rows, duration=["Heures par bénéficiaire"], money=["Coût par bénéficiaire (€)"]),
    hide_index=True,
)
alone = [catalogue.brick(b).title for b in single_partner_bricks(catalogue, view.scenario)]
if alone:
    st.warning(escape_markdown("Briques qui ne reposent que sur un partenaire : " + ", ".join(alone) + "."))
names = {p.id: p.name for p in catalogue.partners}
unused = [names[p] for p in unused_partners(catalogue, view.scenario)]
if unused:
    st.caption(escape_markdown("Partenaires sans placement : " + ", ".join(unused) + "."))

st.subheader("Plan de communication")
communication_panel(catalogue, view.scenario)

st.subheader("Comparer")
assert view.scenario_id is not None
comparison_panel(catalogue, store, view.scenario_id, view.version, view.scenario)
