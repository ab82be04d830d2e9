"""Scenarios page: export the chosen scenario as YAML, import a YAML file as a new scenario."""

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import ProblemsError
from tpt_model.i18n import _
from tpt_model.scenario.files import export_bytes, scenario_file_name
from tpt_model.session.frise import open_scenario
from tpt_model.session.library import (
    LibraryView,
    PendingImport,
    import_failure,
    import_scenario,
    import_under_a_free_name,
    replace_with_import,
)
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario
from tpt_model.text import escape_markdown
from ui.scenario_admin import fail, library_view, select, succeed
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
        _("Exporter en YAML"),
        data=export_bytes(stored.scenario),
        file_name=scenario_file_name(stored.scenario.name),
        mime="application/x-yaml",
        key="scenarios_export",
        icon=":material/download:",
        on_click="ignore",  # a download changes nothing: no rerun racing with the next upload
    )


def _uploader_key(view: LibraryView) -> str:
    # A new key for each file dealt with: Streamlit offers no other way to empty an uploader.
    return IMPORT_FILE if view.upload_round == 0 else f"{IMPORT_FILE}_{view.upload_round}"


def _opened(store: ScenarioStore, stored: StoredScenario, replaced: bool = False) -> None:
    """Open what an import stored, empty the uploader, and say it."""
    library_view().upload_done()
    open_scenario(app_state().frise, store, stored.id)
    select(stored.id)
    done = (
        _("Scénario « {name} » remplacé par le fichier et ouvert dans la frise.")
        if replaced
        else _("Scénario « {name} » importé et ouvert dans la frise.")
    )
    succeed(done.format(name=stored.scenario.name))


def _import(store: ScenarioStore, catalogue: Catalogue) -> None:
    upload = st.session_state.get(_uploader_key(library_view()))
    if not isinstance(upload, UploadedFile):  # None, or a file the server has already dropped
        fail(_("Choisissez d'abord un fichier YAML à importer."))
        return
    try:
        result = import_scenario(store, upload.getvalue(), upload.name, catalogue, app_state().author)
        if isinstance(result, PendingImport):
            library_view().pending_import = result  # the user chooses: replace, rename or cancel
            return
        _opened(store, result)
    except ProblemsError as err:
        fail(import_failure(upload.name, err))
    except StoreError as err:
        fail(err.message)


def _settle(store: ScenarioStore, choice: str) -> None:
    view = library_view()
    pending = view.pending_import
    if pending is None:  # settled in another tab of this session meanwhile
        return
    if choice == "cancel":
        view.upload_done()
        succeed(_("Import de « {file_name} » annulé : rien n'a changé.").format(file_name=pending.file_name))
        return
    try:
        if choice == "replace":
            _opened(store, replace_with_import(store, pending, app_state().author), replaced=True)
        else:
            _opened(store, import_under_a_free_name(store, pending, app_state().author))
    except StoreError as err:
        view.upload_done()
        fail(err.message)


def _name_taken(store: ScenarioStore, pending: PendingImport) -> None:
    """The choice an import of a name already taken waits for."""
    name = escape_markdown(pending.scenario.name)
    with st.container(border=True):
        st.warning(
            _("Un scénario s'appelle déjà « {name} ». Que faire du fichier « {file_name} » ?").format(
                name=name, file_name=escape_markdown(pending.file_name)
            ),
            icon=":material/content_copy:",
        )
        for choice, label, kind in (
            (
                "replace",
                _("Remplacer « {name} » (l'historique est gardé)").format(name=pending.scenario.name),
                "primary",
            ),
            ("rename", _("L'importer sous un autre nom"), "secondary"),
            ("cancel", _("Annuler l'import"), "tertiary"),
        ):
            st.button(
                label,
                key=f"scenarios_import_{choice}",
                type=kind,
                on_click=_settle,
                args=(store, choice),
            )


def import_panel(store: ScenarioStore, catalogue: Catalogue) -> None:
    """A YAML file (256 KB at most) checked against the catalogue, then created (or settled) and opened."""
    st.markdown(_("**Importer un fichier**"))
    view = library_view()
    if view.pending_import is not None:
        _name_taken(store, view.pending_import)
        return
    upload = yaml_uploader(_("Scénario au format YAML (256 Ko au plus)"), _uploader_key(view))
    st.button(
        _("Importer"),
        key="scenarios_import",
        disabled=upload is None,
        on_click=_import,
        args=(store, catalogue),
    )
