"""Choosing a brick to add to the frise: search and filters over the catalogue."""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import filter_bricks
from ui.brick_filters import brick_filters

MAX_OPTIONS = 200


def brick_picker(catalogue: Catalogue) -> str | None:
    """Draw the picker; the chosen brick id, or None when nothing matches."""
    wanted = brick_filters(catalogue, "frise_pick", search_label="Chercher une brique")
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
