"""Choosing a brick to add to the frise: search and filters over the catalogue."""

import streamlit as st

from tpt_model.brick_card import MODALITY_LABELS
from tpt_model.brick_filter import BrickFilter, filter_bricks
from tpt_model.catalogue import Catalogue

MAX_OPTIONS = 200


def brick_picker(catalogue: Catalogue) -> str | None:
    """Draw the picker; the chosen brick id, or None when nothing matches."""
    programme = catalogue.programme
    text = st.text_input("Chercher une brique", placeholder="mentorat, Parcoursup…", key="frise_pick_text")
    cols = st.columns(3)
    pillars = cols[0].multiselect(
        "Volet",
        [p.id for p in programme.pillars],
        format_func=lambda i: programme.pillar(i).label,
        key="frise_pick_pillars",
        placeholder="Tous",
    )
    phases = {p.id: p.label for p in programme.phases}
    phase = cols[1].multiselect(
        "Phase", list(phases), format_func=phases.__getitem__, key="frise_pick_phases", placeholder="Toutes"
    )
    modalities = cols[2].multiselect(
        "Modalité",
        list(MODALITY_LABELS),
        format_func=MODALITY_LABELS.__getitem__,
        key="frise_pick_modalities",
        placeholder="Toutes",
    )
    wanted = BrickFilter(pillars=tuple(pillars), phases=tuple(phase), modalities=tuple(modalities), text=text)
    found = filter_bricks(catalogue, wanted)
    if not found:
        st.caption("Aucune brique ne correspond.")
        return None
    if len(found) > MAX_OPTIONS:
        st.caption(
            f"{len(found)} briques : les {MAX_OPTIONS} premières sont proposées, affinez la recherche."
        )
    titles = {b.id: b.title for b in found[:MAX_OPTIONS]}
    return st.selectbox("Brique", list(titles), format_func=titles.__getitem__, key="frise_pick_brick")
