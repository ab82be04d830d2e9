"""Catalogue page: find bricks by pillar, phase, modality, partner or words, and read one."""

import pandas as pd
import streamlit as st

from tpt_model.brick_card import brick_card_markdown, brick_row
from tpt_model.brick_filter import filter_bricks
from ui.brick_filters import brick_filters
from ui.catalogue_source import require_catalogue
from ui.shell import page_setup
from ui.state import app_state

page_setup()
catalogue = require_catalogue()
view = app_state().catalogue

st.title("Catalogue des briques")
wanted = brick_filters(catalogue, "catalogue")
view.filter = wanted
bricks = filter_bricks(catalogue, wanted)
st.caption(f"{len(bricks)} brique(s) sur {len(catalogue.bricks)}")
if not bricks:
    st.warning("Aucune brique ne correspond : retirez un filtre ou changez la recherche.")
    st.stop()

table = pd.DataFrame([brick_row(catalogue, b) for b in bricks]).set_index("id")
st.dataframe(table, width="stretch", height=min(420, 38 + 35 * len(bricks)))

ids = [b.id for b in bricks]
chosen = st.selectbox(
    "Fiche de la brique",
    ids,
    index=ids.index(view.selected) if view.selected in ids else 0,
    format_func=lambda i: catalogue.bricks_by_id[i].title,
    key="catalogue_selected",
)
view.selected = chosen
with st.container(border=True):
    st.markdown(brick_card_markdown(catalogue, catalogue.brick(chosen)))
