"""The journal of the catalogue's saves from the app: who, when, which files, and each diff."""

import pandas as pd
import streamlit as st

from tpt_model.formatting import table_text, time_label
from tpt_model.i18n import _
from tpt_model.store.catalogue_edits import CatalogueEdit
from ui.store_errors import store_errors
from ui.stores import catalogue_edit_store

SHOWN = 50


def _row(edit: CatalogueEdit) -> dict[str, object]:
    return {
        _("Quand"): time_label(edit.saved_at),
        _("Qui"): edit.author,
        _("Quoi"): edit.summary,
        _("Fichiers"): ", ".join(edit.files),
        _("Commit"): edit.git_commit[:10] if edit.git_commit else None,
    }


def edit_journal() -> None:
    """The latest saves, newest first, and the diff of the one chosen."""
    with store_errors():
        edits = catalogue_edit_store().recent(SHOWN)
    if not edits:
        st.info(
            _("Aucun enregistrement du catalogue depuis l'application pour l'instant."),
            icon=":material/history:",
        )
        return
    st.caption(
        _(
            "Les {edits} derniers enregistrements faits depuis l'application (les plus récents d'abord)."
        ).format(edits=len(edits))
    )
    st.dataframe(table_text(pd.DataFrame([_row(e) for e in edits])), hide_index=True, width="stretch")
    by_id = {e.id: e for e in edits}
    chosen = st.selectbox(
        _("Voir les changements de"),
        list(by_id),
        format_func=lambda i: f"{time_label(by_id[i].saved_at)} — {by_id[i].author} — {by_id[i].summary}",
        key="catalogue_journal_choice",
    )
    if chosen is not None:
        st.code(by_id[chosen].diff or _("(aucun changement)"), language="diff")
