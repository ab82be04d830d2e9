"""Catalogue page: find bricks by pillar, phase, modality, partner or words, and read one."""

import pandas as pd
import streamlit as st

from tpt_model.catalogue.card import brick_card_markdown, brick_row
from tpt_model.catalogue.search import filter_bricks
from tpt_model.formatting import count, number
from ui.binding import bound
from ui.brick_filters import brick_filters
from ui.catalogue_source import require_catalogue
from ui.shell import page_setup
from ui.state import app_state

page_setup()
catalogue = require_catalogue()
view = app_state().catalogue

st.title("Catalogue des briques")
bricks = filter_bricks(catalogue, brick_filters(catalogue, "catalogue", view=view))
st.caption(f"{count(len(bricks), 'brique')} sur {number(len(catalogue.bricks), 0)}")
if not bricks:
    st.warning("Aucune brique ne correspond : retirez un filtre ou changez la recherche.")
    st.stop()

ids = [b.id for b in bricks]
if view.selected not in ids:
    view.selected = ids[0]


def on_row() -> None:
    rows = st.session_state["catalogue_table"].selection.rows
    if rows:
        view.selected = ids[rows[0]]


table = pd.DataFrame([brick_row(catalogue, b) for b in bricks])
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=min(420, 38 + 35 * len(bricks)),
    on_select=on_row,
    selection_mode="single-row",
    key="catalogue_table",
)
st.selectbox(
    "Fiche de la brique",
    ids,
    format_func=lambda i: catalogue.bricks_by_id[i].title,
    key="catalogue_selected",
    on_change=bound(view, "selected", "catalogue_selected"),  # also shows the brick of a clicked row
)
with st.container(border=True):
    st.markdown(brick_card_markdown(catalogue, catalogue.brick(view.selected)))
