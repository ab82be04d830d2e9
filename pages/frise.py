"""Frise page: compose the typical journey from the catalogue's bricks, on the time axis."""

import streamlit as st

from tpt_model.catalogue.card import persona_card_markdown
from tpt_model.frise.chart import SELECTION, frise_spec, selection_after_click
from tpt_model.frise.rows import shared_frise_table
from tpt_model.scenario.editor import add_placement, placement_for
from tpt_model.scenario.summary import already_placed, brick_notices, scenario_caption
from tpt_model.text import escape_markdown
from ui.address import keep_address
from ui.brick_picker import brick_picker
from ui.catalogue_source import require_catalogue
from ui.frise_controls import frise_options
from ui.frise_header import frise_header
from ui.journey_panel import journey_panel
from ui.open_scenario import open_scenario
from ui.placement_panel import placement_panel, placement_selector
from ui.shell import ask_name_once, page_setup

page_setup("frise")
ask_name_once()
catalogue = require_catalogue()
opened = open_scenario(catalogue)
state, view, store, save = opened.state, opened.view, opened.store, opened.save


def on_chart_select() -> None:
    points = st.session_state["frise_chart"].selection.get(SELECTION, [])
    view.selected = selection_after_click(points, view.selected, len(view.scenario.placements))


st.title("Frise du parcours-type")
frise_header(view, store, state.author)
for notice in brick_notices(catalogue, view.scenario):
    st.warning(escape_markdown(notice), icon=":material/history:")
frise_options(catalogue, view)
keep_address(state, "frise")  # the scenario opened and the view chosen, for a reload or a link
persona = catalogue.personas_by_id.get(view.options.persona or "")
if persona is not None:
    st.info(persona_card_markdown(catalogue, persona), icon=":material/person:")
spec = frise_spec(catalogue, view.scenario, view.options, selected=view.selected)
st.vega_lite_chart(spec, on_select=on_chart_select, selection_mode=SELECTION, key="frise_chart")
journey_panel(catalogue, view.scenario, view.options)

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("##### Placement sélectionné")
    placement_selector(catalogue, view)
    placement_panel(catalogue, view, save)
with right:
    st.markdown("##### Ajouter une brique")
    brick_id = brick_picker(catalogue)
    placed = already_placed(catalogue, view.scenario, brick_id) if brick_id is not None else None
    if placed is not None:
        st.info(escape_markdown(placed), icon=":material/content_copy:")
    if st.button(
        "Ajouter à la frise",
        icon=":material/add:",
        key="frise_add",
        disabled=brick_id is None,
        type="primary",
    ):
        view.selected = len(view.scenario.placements)  # the new one, once added
        save(add_placement(catalogue, view.scenario, placement_for(catalogue, brick_id)))

st.markdown("##### La frise en tableau")
st.caption(escape_markdown(scenario_caption(catalogue, view.scenario)))
st.dataframe(shared_frise_table(catalogue, view.scenario, view.options), hide_index=True, width="stretch")
