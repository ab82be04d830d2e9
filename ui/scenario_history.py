"""Scenarios page: the history of the chosen scenario, and restoring one of its versions."""

import pandas as pd
import streamlit as st

from tpt_model.formatting import table_text
from tpt_model.i18n import _
from tpt_model.session.library import version_label, version_rows
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from tpt_model.text import author_name, escape_markdown
from ui.scenario_admin import RENAME_NAME, RESTORE_VERSION, fail, reload_if_open, succeed
from ui.state import app_state


def _restore(store: ScenarioStore, scenario_id: str, expected_version: int) -> None:
    version = st.session_state.get(RESTORE_VERSION)
    if version is None:
        return
    try:
        stored = store.restore(scenario_id, version, expected_version, author_name(app_state().author))
        reload_if_open(store, scenario_id)
    except StoreError as err:
        fail(err.message)
        return
    for key in (RESTORE_VERSION, RENAME_NAME):  # the name may have changed with the version
        st.session_state.pop(key, None)
    succeed(
        _("Version {version} restaurée : elle est maintenant la version {new}.").format(
            version=version, new=stored.version
        )
    )


def history_panel(store: ScenarioStore, info: ScenarioInfo) -> None:
    """Every version, newest first; an older one can be saved again as a new version."""
    try:
        versions = store.versions(info.id)
    except StoreError as err:  # deleted from another session since the list was read
        st.warning(escape_markdown(err.message))
        return
    st.dataframe(table_text(pd.DataFrame(version_rows(versions))), hide_index=True, width="stretch")
    older = {v.version: v for v in versions if v.version != info.version}
    if not older:
        st.caption(_("Une seule version pour l'instant : rien à restaurer."))
        return
    st.selectbox(
        _("Version à restaurer"),
        list(older),
        format_func=lambda v: version_label(older[v]),
        key=RESTORE_VERSION,
    )
    st.button(
        _("Restaurer cette version"),
        key="scenarios_restore",
        on_click=_restore,
        args=(store, info.id, info.version),
        help=_("Enregistre cette version comme une nouvelle version : l'historique est gardé."),
    )
