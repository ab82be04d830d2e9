"""The catalogue's bricks to browse: filters, the table, and the card of the chosen brick."""

import pandas as pd
import streamlit as st

from tpt_model.catalogue.card import brick_card_markdown, brick_row
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import filter_bricks
from tpt_model.formatting import counted, number
from tpt_model.i18n import _
from tpt_model.session.app import CatalogueView
from tpt_model.session.catalogue_edit import EditorView
from ui.binding import bound
from ui.brick_filters import brick_filters
from ui.settings import app_settings


def catalogue_browser(catalogue: Catalogue, view: CatalogueView, editor: EditorView | None) -> None:
    """Find bricks and read one; with an `editor` (a pilot's), open the brick there or copy it."""
    bricks = filter_bricks(catalogue, brick_filters(catalogue, "catalogue", view=view))
    st.caption(
        _("{shown} sur {total}").format(
            shown=counted(len(bricks), "brique", "briques"), total=number(len(catalogue.bricks), 0)
        )
    )
    if not bricks:
        st.warning(_("Aucune brique ne correspond : retirez un filtre ou changez la recherche."))
        return
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
        _("Fiche de la brique"),
        ids,
        format_func=lambda i: catalogue.bricks_by_id[i].title,
        key="catalogue_selected",
        on_change=bound(view, "selected", "catalogue_selected"),  # also shows the brick of a clicked row
    )
    selected = view.selected
    if editor is not None and selected is not None:
        root = app_settings().catalogue_dir
        cols = st.columns([1, 1, 4])
        cols[0].button(
            _("Modifier"),
            key="catalogue_card_edit",
            icon=":material/edit:",
            on_click=editor.open_brick,
            args=(root, selected),
        )
        cols[1].button(
            _("Dupliquer"),
            key="catalogue_card_duplicate",
            icon=":material/content_copy:",
            on_click=editor.duplicate,
            args=(root, catalogue, selected, frozenset(p.stem for p in (root / "bricks").glob("*.yaml"))),
        )
    with st.container(border=True):
        st.markdown(brick_card_markdown(catalogue, catalogue.brick(view.selected)))
