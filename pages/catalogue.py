"""Catalogue page: browse the bricks; pilots also see the catalogue's health, edit it and read the journal."""

import streamlit as st

from tpt_model.i18n import _
from tpt_model.session.catalogue_edit import SECTION_LABELS
from tpt_model.text import escape_markdown
from ui.binding import bound
from ui.catalogue_browser import catalogue_browser
from ui.catalogue_editor import catalogue_editor
from ui.catalogue_health import health_panel
from ui.catalogue_journal import edit_journal
from ui.catalogue_source import require_catalogue
from ui.pilot_access import current_pilot, leave_role, pilot_gate
from ui.shell import page_setup
from ui.state import app_state

page_setup()
catalogue = require_catalogue()
state = app_state()
editor = state.editor

st.title(_("Catalogue des briques"))
sections = st.columns([4, 1], vertical_alignment="bottom")
sections[0].segmented_control(
    _("Section"),
    list(SECTION_LABELS),
    format_func=lambda section: _(SECTION_LABELS[section]),
    key="catalogue_section",
    label_visibility="collapsed",
    on_change=bound(editor, "section", "catalogue_section"),
    required=True,
)
pilot = current_pilot(state)
if pilot is not None:
    sections[1].button(
        _("Quitter le rôle de pilote"),
        key="catalogue_leave",
        on_click=leave_role,
        args=(state,),
        width="stretch",
    )

if editor.section == "parcourir":
    catalogue_browser(catalogue, state.catalogue, editor if pilot is not None else None)
elif pilot_gate(state) is None:
    st.stop()
elif editor.section == "sante":
    health_panel(catalogue, editor)
elif editor.section == "modifier":
    st.caption(
        escape_markdown(
            _("Vous modifiez le catalogue en tant que pilote : {name}.").format(
                name=pilot.name if pilot else ""
            )
        )
    )
    catalogue_editor(catalogue, editor)
else:
    edit_journal()
