"""Top of the frise page (the open scenario, undo/redo) and what happened to the last change (any page)."""

import streamlit as st

from tpt_model.i18n import _
from tpt_model.scenario.editor import step_line
from tpt_model.session.frise import FriseView, redo, retry, save_conflict_as_copy, undo
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown
from ui.store_errors import store_errors


def show_notice(view: FriseView) -> None:
    """Say whether the last change was saved (its warnings, or why not), what an undo undid, what moved."""
    notice = view.notice
    if notice is None:
        return
    if notice.done:
        st.toast(escape_markdown(notice.done), icon=":material/history:")
        view.notice = notice.model_copy(update={"done": None})  # said once
    if notice.update:
        st.info(escape_markdown(notice.update), icon=":material/sync:")
    if notice.error:
        st.error(escape_markdown(notice.error), icon=":material/block:")
    for warning in notice.warnings:
        st.warning(escape_markdown(warning), icon=":material/warning:")


def change_notice(view: FriseView, store: ScenarioStore, author: str) -> None:
    """The last change's notice, and a change that could not be saved with the ways to keep it."""
    show_notice(view)
    if view.conflict is None:
        return
    with st.container(border=True):
        st.write(_("Votre dernier changement n'a pas été perdu : il attend d'être enregistré."))
        if view.pending is not None:
            st.button(
                _("Réessayer d'enregistrer"),
                key="frise_retry",
                type="primary",
                icon=":material/refresh:",
                on_click=retry,
                args=(view, store, author),
            )
        left, right = st.columns(2)
        if left.button(_("Enregistrer ma version comme copie"), key="frise_conflict_copy"):
            with store_errors():
                save_conflict_as_copy(view, store, author)
            st.rerun()
        right.button(_("Abandonner ma version"), key="frise_conflict_drop", on_click=view.drop_conflict)


def frise_header(view: FriseView, store: ScenarioStore, author: str) -> None:
    """Scenario name, version, undo/redo buttons, the last notice and any conflict to settle."""
    assert view.editor is not None
    title, steps = st.columns([2, 1])
    title.header(escape_markdown(view.scenario.name))
    title.caption(
        _("Version {version} · enregistrée automatiquement à chaque changement").format(version=view.version)
    )
    # The buttons as wide as their labels, side by side at the right: a fixed share of the width
    # cut them (« Ann… ») on a 1280-pixel screen.
    buttons = steps.container(horizontal=True, horizontal_alignment="right")
    # Callbacks run before the page is drawn: the version and the buttons above show the result.
    for label, icon, key, step, summary in (
        (_("Annuler"), ":material/undo:", "frise_undo", undo, view.editor.undo_summary),
        (_("Rétablir"), ":material/redo:", "frise_redo", redo, view.editor.redo_summary),
    ):
        buttons.button(
            label,
            icon=icon,
            key=key,
            disabled=summary is None,
            help=None if summary is None else escape_markdown(step_line(label, summary)),
            width="content",
            on_click=step,
            args=(view, store, author),
        )
    change_notice(view, store, author)
