"""Scenarios page: list, create, open, rename, duplicate, delete, history, import and export."""

import streamlit as st

from tpt_model.formatting import count
from ui.catalogue_source import require_catalogue
from ui.scenario_admin import (
    create_panel,
    library_view,
    manage_panel,
    open_button,
    pick_scenario,
    scenario_table,
    share_box,
    show_notice,
)
from ui.scenario_history import history_panel
from ui.scenario_transfer import export_button, import_panel
from ui.shell import ask_name_once, page_setup
from ui.state import app_state
from ui.store_errors import store_errors
from ui.stores import scenario_store

page_setup()
ask_name_once()
catalogue = require_catalogue()
store = scenario_store()
open_id = app_state().frise.scenario_id
view = library_view()

st.title("Scénarios")
show_notice(view)
with store_errors():
    infos = store.list()
if infos:
    st.caption(f"{count(len(infos), 'scénario')}, du plus récemment modifié au plus ancien.")
    scenario_table(catalogue, infos, open_id)
else:
    st.info("Aucun scénario pour l'instant : créez-en un ou importez un fichier YAML.")

new_col, import_col = st.columns(2)
with new_col, st.container(border=True):
    create_panel(store, catalogue)
with import_col, st.container(border=True):
    import_panel(store, catalogue)
if not infos:
    st.stop()

st.header("Scénario choisi")
info = pick_scenario(infos, view, open_id)
open_col, export_col = st.columns(2)
with open_col:
    open_button(store, info)
with export_col:
    export_button(store, info)
share_box(info)

manage_tab, history_tab = st.tabs(["Renommer, dupliquer, supprimer", "Historique"])
with manage_tab:
    manage_panel(store, info)
with history_tab:
    history_panel(store, info)
