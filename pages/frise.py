"""Frise page: compose the typical journey from the catalogue's bricks, on the time axis."""

import streamlit as st

from tpt_model.catalogue.card import persona_card_markdown
from tpt_model.frise.rows import shared_frise_table
from tpt_model.i18n import _
from tpt_model.scenario.editor import add_placement, placement_for
from tpt_model.scenario.summary import already_placed, brick_notices, scenario_caption
from tpt_model.text import escape_markdown
from ui.address import keep_address
from ui.brick_picker import brick_picker
from ui.catalogue_source import require_catalogue
from ui.frise_controls import frise_options
from ui.frise_header import frise_header
from ui.frise_room import phone_view, presentation_view
from ui.frise_views import chart_notes, frise_chart_element, page_style, view_switch
from ui.journey_panel import journey_panel
from ui.open_scenario import open_scenario
from ui.placement_panel import placement_panel, placement_selector
from ui.shell import ask_name_once, page_setup

page_setup("frise")
catalogue = require_catalogue()
opened = open_scenario(catalogue)
state, view, store, save = opened.state, opened.view, opened.store, opened.save
page_style(view.display)
if view.display.one_phase:  # a room or a phone: the frise to read, one phase at a time
    (presentation_view if view.display.view == "presentation" else phone_view)(catalogue, view)
    keep_address(state, "frise")
    opened.follow()
    st.stop()
ask_name_once()


title, switch = st.columns([3, 2], vertical_alignment="bottom")
title.title(_("Frise du parcours-type"))
with switch:
    view_switch(view)
frise_header(view, store, state.author)
for notice in brick_notices(catalogue, view.scenario):
    st.warning(escape_markdown(notice), icon=":material/history:")
frise_options(catalogue, view)
keep_address(state, "frise")  # the scenario opened and the view chosen, for a reload or a link
persona = catalogue.personas_by_id.get(view.options.persona or "")
if persona is not None:
    st.info(persona_card_markdown(catalogue, persona), icon=":material/person:")
chart_notes(frise_chart_element(catalogue, view), view)
journey_panel(catalogue, view.scenario, view.options)

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown(_("### Placement sélectionné"))
    placement_selector(catalogue, view)
    placement_panel(catalogue, view, save)
with right:
    st.markdown(_("### Ajouter une brique"))
    brick_id = brick_picker(catalogue)
    placed = already_placed(catalogue, view.scenario, brick_id) if brick_id is not None else None
    if placed is not None:
        st.info(escape_markdown(placed), icon=":material/content_copy:")
    if st.button(
        _("Ajouter à la frise"),
        icon=":material/add:",
        key="frise_add",
        disabled=brick_id is None,
        type="primary",
    ):
        view.selected = len(view.scenario.placements)  # the new one, once added
        save(add_placement(catalogue, view.scenario, placement_for(catalogue, brick_id)))

st.markdown(_("### La frise en tableau"))
st.caption(escape_markdown(scenario_caption(catalogue, view.scenario)))
st.dataframe(shared_frise_table(catalogue, view.scenario, view.options), hide_index=True, width="stretch")
opened.follow()  # last: a newer version saved elsewhere shows once this run's change is done
