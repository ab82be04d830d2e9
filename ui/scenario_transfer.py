"""Scenarios page: export the chosen scenario as YAML, import a YAML file as a new scenario."""

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import ProblemsError
from tpt_model.scenario.files import export_bytes, scenario_file_name
from tpt_model.session.frise import open_scenario
from tpt_model.session.library import import_failure, import_scenario
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from tpt_model.text import escape_markdown
from ui.scenario_admin import fail, select, succeed
from ui.state import app_state
from ui.uploader import yaml_uploader

IMPORT_FILE = "scenarios_import_file"


def export_button(store: ScenarioStore, info: ScenarioInfo) -> None:
    """Download the current version of the chosen scenario as `<slug>.yaml`."""
    try:
        stored = store.get(info.id)
    except StoreError as err:  # deleted from another session since the list was read
        st.warning(escape_markdown(err.message))
        return
    st.download_button(
        "Exporter en YAML",
        data=export_bytes(stored.scenario),
        file_name=scenario_file_name(stored.scenario.name),
        mime="application/x-yaml",
        key="scenarios_export",
        icon=":material/download:",
        on_click="ignore",  # a download changes nothing: no rerun racing with the next upload
    )


def _import(store: ScenarioStore, catalogue: Catalogue) -> None:
    upload = st.session_state.get(IMPORT_FILE)
    if not isinstance(upload, UploadedFile):  # None, or a file the server has already dropped
        fail("Choisissez d'abord un fichier YAML à importer.")
        return
    try:
        stored = import_scenario(store, upload.getvalue(), upload.name, catalogue, app_state().author)
        open_scenario(app_state().frise, store, stored.id)
    except ProblemsError as err:
        fail(import_failure(upload.name, err))
        return
    except StoreError as err:
        fail(err.message)
        return
    select(stored.id)
    succeed(f"Scénario « {stored.scenario.name} » importé et ouvert dans la frise.")


def import_panel(store: ScenarioStore, catalogue: Catalogue) -> None:
    """A YAML file (256 KB at most) checked against the catalogue, then created and opened."""
    st.markdown("**Importer un fichier**")
    upload = yaml_uploader("Scénario au format YAML (256 Ko au plus)", IMPORT_FILE)
    st.button(
        "Importer", key="scenarios_import", disabled=upload is None, on_click=_import, args=(store, catalogue)
    )
