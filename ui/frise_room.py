"""The frise for a room (presentation) and for a phone: one phase at a time, to read rather than to edit."""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.frise.rows import shared_frise_table
from tpt_model.scenario.summary import placement_summary
from tpt_model.session.frise import FriseView
from tpt_model.text import escape_markdown
from ui.frise_views import chart_notes, frise_chart_element, phase_nav, phase_picker, view_switch


def presentation_view(catalogue: Catalogue, view: FriseView) -> None:
    """Full screen, large type, one phase at a time with the previous and next ones a click away."""
    phase_nav(catalogue, view)
    caption = st.empty()
    figure = frise_chart_element(catalogue, view)
    caption.caption(escape_markdown(f"{view.scenario.name} · {figure.caption}"))
    chart_notes(figure, view)


def phone_view(catalogue: Catalogue, view: FriseView) -> None:
    """One phase per screen, one line per action, then its milestones and the whole frise as a table."""
    st.markdown(f"**{escape_markdown(view.scenario.name)}**")
    view_switch(view)
    phase_picker(catalogue, view)
    caption = st.empty()
    figure = frise_chart_element(catalogue, view)
    caption.caption(escape_markdown(figure.caption))
    index = view.selected
    if index is not None and index < len(view.scenario.placements):
        placement = view.scenario.placements[index]
        st.info(f"**N° {index + 1}** · {escape_markdown(placement_summary(catalogue, placement))}")
    chart_notes(figure, view, all_milestones=True)
    with st.expander("La frise en tableau"):
        st.dataframe(shared_frise_table(catalogue, view.scenario, view.options), hide_index=True)
