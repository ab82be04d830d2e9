"""Scenarios page: the list, the choice of a scenario, and creating, opening, renaming, copying, deleting.

Changes run in button callbacks (before the script), so the list drawn afterwards is already up to
date, and the callbacks keep the rename/delete inputs' expected version from the run the user saw.
"""

import pandas as pd
import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import InputError
from tpt_model.formatting import table_text
from tpt_model.scenario.creation import creation_sources, new_scenario
from tpt_model.session.address import share_link
from tpt_model.session.frise import open_scenario
from tpt_model.session.library import (
    LibraryNotice,
    LibraryView,
    group_labels,
    library_rows,
    notice_markdown,
    scenario_label,
)
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from tpt_model.text import author_name
from ui.binding import bound
from ui.state import app_state

SELECTED = "scenarios_selected"
NEW_NAME = "scenarios_new_name"
NEW_SOURCE = "scenarios_new_source"
RENAME_NAME = "scenarios_rename_name"
DELETE_CONFIRM = "scenarios_delete_confirm"
RESTORE_VERSION = "scenarios_restore_version"
FORM_KEYS = (RENAME_NAME, DELETE_CONFIRM, RESTORE_VERSION)


def library_view() -> LibraryView:
    """The scenarios page's state (selection and pending notice), created on first use."""
    return app_state().scenarios


def succeed(text: str) -> None:
    """Say after the callback's rerun that the action worked."""
    library_view().notice = LibraryNotice(kind="success", text=text)


def fail(notice: LibraryNotice | str) -> None:
    """Say after the callback's rerun why the action did nothing."""
    library_view().notice = (
        notice if isinstance(notice, LibraryNotice) else LibraryNotice(kind="error", text=notice)
    )


def select(scenario_id: str | None) -> None:
    """Make `scenario_id` the chosen scenario (from a callback, before the choice list is drawn)."""
    library_view().selected = scenario_id
    for key in FORM_KEYS:
        st.session_state.pop(key, None)


def reload_if_open(store: ScenarioStore, scenario_id: str) -> None:
    """Show the frise the new version of its scenario, when this one is open there."""
    frise = app_state().frise
    if frise.scenario_id == scenario_id:
        conflict = frise.conflict  # a refused change still waiting to be saved as a copy
        open_scenario(frise, store, scenario_id)
        frise.conflict = conflict


def show_notice(view: LibraryView) -> None:
    """The result of the last action, shown once."""
    notice, view.notice = view.notice, None
    if notice is not None:
        (st.success if notice.kind == "success" else st.error)(notice_markdown(notice))


def scenario_table(catalogue: Catalogue, infos: list[ScenarioInfo], open_id: str | None) -> None:
    """Every scenario, most recently modified first, the one open in the frise marked."""
    rows = library_rows(infos, open_id, group_labels(catalogue))
    table = table_text(pd.DataFrame(rows))
    st.dataframe(table, hide_index=True, width="stretch", height=min(400, 38 + 35 * len(rows)))


def pick_scenario(infos: list[ScenarioInfo], view: LibraryView, open_id: str | None) -> ScenarioInfo:
    """The scenario that the actions below apply to (kept when the user comes back to the page)."""
    by_id = {info.id: info for info in infos}
    if view.selected not in by_id:  # none chosen yet, or deleted meanwhile
        view.selected = open_id if open_id in by_id else infos[0].id
    st.selectbox(
        "Scénario choisi",
        list(by_id),
        format_func=lambda i: scenario_label(by_id[i], open_id),
        key=SELECTED,
        on_change=bound(view, "selected", SELECTED),
    )
    chosen = view.selected
    if view.forms_for != chosen:
        for key in FORM_KEYS:
            st.session_state.pop(key, None)
        view.forms_for = chosen
    return by_id[chosen]


def open_button(store: ScenarioStore, info: ScenarioInfo) -> None:
    """« Ouvrir »: make the chosen scenario the frise's, then go to the frise."""
    if st.button("Ouvrir dans la frise", key="scenarios_open", type="primary", icon=":material/timeline:"):
        try:
            open_scenario(app_state().frise, store, info.id)
        except StoreError as err:
            fail(err.message)
            st.rerun()
        st.switch_page("pages/frise.py")


def share_box(info: ScenarioInfo) -> None:
    """The link that opens the chosen scenario for someone else (the address bar also holds your session)."""
    url = st.context.url
    if not url:
        return
    st.caption("Lien à envoyer pour ouvrir ce scénario (sans votre nom ni votre session) :")
    st.code(share_link(url, "scenarios", info.id), language=None, wrap_lines=True)


def _create(store: ScenarioStore, catalogue: Catalogue) -> None:
    source = st.session_state.get(NEW_SOURCE) or ""
    try:
        scenario = new_scenario(catalogue, st.session_state.get(NEW_NAME, ""), source)
        stored = store.create(scenario, author_name(app_state().author))
        open_scenario(app_state().frise, store, stored.id)
    except (InputError, StoreError) as err:
        fail(err.message)
        return
    st.session_state[NEW_NAME] = ""
    select(stored.id)
    succeed(f"Scénario « {scenario.name} » créé et ouvert dans la frise.")


def create_panel(store: ScenarioStore, catalogue: Catalogue) -> None:
    """A new scenario: empty (a name is required) or from a template of the catalogue."""
    sources = creation_sources(catalogue)
    st.markdown("**Nouveau scénario**")
    st.selectbox("Point de départ", list(sources), format_func=sources.get, key=NEW_SOURCE)
    st.text_input("Nom", key=NEW_NAME, max_chars=120, placeholder="Obligatoire pour une frise vide")
    st.button("Créer", key="scenarios_create", on_click=_create, args=(store, catalogue))


def _rename(store: ScenarioStore, scenario_id: str, expected_version: int) -> None:
    try:
        stored = store.rename(
            scenario_id,
            st.session_state.get(RENAME_NAME, ""),
            expected_version,
            author_name(app_state().author),
        )
        reload_if_open(store, scenario_id)
    except StoreError as err:
        fail(err.message)
        st.session_state.pop(RENAME_NAME, None)  # show the name as it now is
        return
    succeed(f"Scénario renommé en « {stored.scenario.name} » (version {stored.version}).")


def _duplicate(store: ScenarioStore, scenario_id: str, name: str) -> None:
    try:
        stored = store.duplicate(scenario_id, f"Copie de {name}", author_name(app_state().author))
    except StoreError as err:
        fail(err.message)
        return
    select(stored.id)
    succeed(f"Copie créée : « {stored.scenario.name} ».")


def _delete(store: ScenarioStore, scenario_id: str, name: str) -> None:
    if not st.session_state.get(DELETE_CONFIRM):
        fail("Cochez « Je confirme la suppression » avant de supprimer.")
        return
    try:
        store.delete(scenario_id)
    except StoreError as err:
        fail(err.message)
        return
    app_state().frise.forget(scenario_id)
    select(None)
    succeed(f"Scénario « {name} » supprimé, avec son historique.")


def manage_panel(store: ScenarioStore, info: ScenarioInfo) -> None:
    """Rename (over the version shown), duplicate, and delete after a confirmation."""
    if RENAME_NAME not in st.session_state:
        st.session_state[RENAME_NAME] = info.name
    st.text_input("Nouveau nom", key=RENAME_NAME, max_chars=120)
    st.button("Renommer", key="scenarios_rename", on_click=_rename, args=(store, info.id, info.version))
    st.divider()
    st.button("Dupliquer", key="scenarios_duplicate", on_click=_duplicate, args=(store, info.id, info.name))
    st.divider()
    confirmed = st.checkbox("Je confirme la suppression", key=DELETE_CONFIRM)
    st.button(
        "Supprimer ce scénario",
        key="scenarios_delete",
        disabled=not confirmed,
        on_click=_delete,
        args=(store, info.id, info.name),
        help="Supprime aussi son historique et ses évaluations.",
    )
