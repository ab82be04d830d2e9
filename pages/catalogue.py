"""Catalogue page: find bricks by pillar, phase, modality, partner or words, and read one."""

import pandas as pd
import streamlit as st

from tpt_model.brick_card import MODALITY_LABELS, brick_card_markdown, brick_row
from tpt_model.brick_filter import BrickFilter, filter_bricks
from ui.catalogue_source import require_catalogue
from ui.shell import page_setup
from ui.state import app_state

page_setup()
catalogue = require_catalogue()
programme = catalogue.programme
view = app_state().catalogue

st.title("Catalogue des briques")
cols = st.columns([2, 2, 2, 2, 3])
wanted = BrickFilter(
    pillars=tuple(
        cols[0].multiselect(
            "Volet",
            [p.id for p in programme.pillars],
            format_func=lambda i: programme.pillar(i).label,
            key="catalogue_pillars",
            placeholder="Tous",
        )
    ),
    phases=tuple(
        cols[1].multiselect(
            "Phase",
            [p.id for p in programme.phases],
            format_func=lambda i: next(p.label for p in programme.phases if p.id == i),
            key="catalogue_phases",
            placeholder="Toutes",
        )
    ),
    modalities=tuple(
        cols[2].multiselect(
            "Modalité",
            list(MODALITY_LABELS),
            format_func=MODALITY_LABELS.get,
            key="catalogue_modalities",
            placeholder="Toutes",
        )
    ),
    partners=tuple(
        cols[3].multiselect(
            "Partenaire",
            list(catalogue.partners_by_id),
            format_func=lambda i: catalogue.partners_by_id[i].name,
            key="catalogue_partners",
            placeholder="Tous",
        )
    ),
    text=cols[4].text_input(
        "Recherche", placeholder="mentorat, décrochage, Parcoursup…", key="catalogue_text"
    ),
)
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
