"""What every page shows around its content: page settings and the shared sidebar.

Each page draws it itself rather than app.py, and first joins the router if Streamlit ran it
without app.py (a bookmarked page address on a fresh server, see `ui.navigation`).
"""

import streamlit as st

from tpt_model.formatting import counted
from tpt_model.i18n import _
from tpt_model.session.address import Page
from tpt_model.settings import warning_text
from ui.address import keep_address, restore_session
from ui.binding import bind
from ui.catalogue_source import load_result, show_problems
from ui.language import language_selector, streamlit_texts_in_language
from ui.navigation import join_the_router
from ui.settings import app_settings
from ui.state import app_state
from ui.stores import saved_scenarios


def page_setup(page: Page = "other") -> None:
    """Wide layout, checked settings, the session as its address says, and the sidebar.

    The sidebar holds the language, the warnings, the catalogue's summary and problems, the count
    of saved scenarios and the user's name. Pages that open a scenario write the address again
    once it is open.
    """
    join_the_router()
    st.set_page_config(page_title="Frise TechPourToutes", page_icon=":material/explore:", layout="wide")
    settings = app_settings()
    state = app_state()
    restore_session(state)
    keep_address(state, page)
    with st.sidebar:
        st.markdown("**Frise TechPourToutes**")  # the page's title is its only first-level heading
        language_selector(state)
        for warning in settings.warnings:
            st.warning(warning_text(warning), icon=":material/warning:")
        result = load_result()
        if result.catalogue is not None:
            st.caption(_("Catalogue : {summary}").format(summary=result.catalogue.summary()))
        saved = saved_scenarios()
        if saved is not None:
            saved_text = counted(saved, "scénario enregistré", "scénarios enregistrés")
            st.caption(_("Base : {scenarios}").format(scenarios=saved_text))
        show_problems(result)
        st.text_input(
            _("Votre nom (affiché dans l'historique)"),
            key="app_author",
            max_chars=60,
            on_change=bind("app_author", lambda: state.author, state.set_author),
        )
        streamlit_texts_in_language()


def ask_name_once() -> None:
    """On pages that save, ask once per session who is working: every version carries the name."""
    state = app_state()
    if state.author or state.name_asked:
        return

    def validated() -> None:
        state.answer_name(st.session_state.get("app_name_prompt", ""))

    def entered() -> None:
        # Enter in the field validates too, once something is typed (an empty Enter is no answer).
        if st.session_state.get("app_name_prompt", "").strip():
            validated()

    with st.container(border=True):
        st.markdown(
            _("**Qui êtes-vous ?** Votre nom accompagne chaque version enregistrée dans l'historique.")
        )
        cols = st.columns([4, 1, 1], vertical_alignment="bottom")
        cols[0].text_input(
            _("Votre nom"),
            placeholder=_("Prénom Nom, ou votre structure"),
            key="app_name_prompt",
            on_change=entered,
        )
        cols[1].button(_("Valider"), key="app_name_ok", type="primary", on_click=validated)
        cols[2].button(_("Plus tard"), key="app_name_later", on_click=state.answer_name, args=("",))
