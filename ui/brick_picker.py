"""Choosing a brick to add to the frise: search and filters over the catalogue, best match first."""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import filter_bricks
from tpt_model.i18n import _
from ui.brick_filters import brick_filters

MAX_OPTIONS = 200
PICK = "frise_pick_brick"
_SEARCHED = "frise_pick_searched"  # the filter the proposed brick was chosen for


def brick_picker(catalogue: Catalogue) -> str | None:
    """Draw the picker; the chosen brick id, or None when nothing is chosen or nothing matches.

    A new search proposes its best match; browsing without words proposes nothing, so that
    « Ajouter » never adds a brick nobody chose.
    """
    wanted = brick_filters(catalogue, "frise_pick", search_label=_("Chercher une brique"), per_row=2)
    found = filter_bricks(catalogue, wanted)
    if not found:
        st.caption(_("Aucune brique ne correspond."))
        return None
    if len(found) > MAX_OPTIONS:
        st.caption(
            _("{found} briques : les {shown} premières sont proposées, affinez la recherche.").format(
                found=len(found), shown=MAX_OPTIONS
            )
        )
    titles = {b.id: b.title for b in found[:MAX_OPTIONS]}
    if st.session_state.get(_SEARCHED) != wanted:
        st.session_state[_SEARCHED] = wanted
        st.session_state[PICK] = found[0].id if wanted.text.strip() else None
    elif st.session_state.get(PICK) not in titles:
        st.session_state[PICK] = None
    return st.selectbox(
        _("Brique"),
        list(titles),
        format_func=titles.__getitem__,
        key=PICK,
        placeholder=_("Choisissez une brique"),
    )
