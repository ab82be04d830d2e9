"""What every page shows around its content: page settings and the shared sidebar.

Each page draws it itself rather than app.py: on a fresh server, a bookmarked page address is
run by Streamlit without app.py (the `pages/` folder convention), and must look the same.
"""

import streamlit as st

from ui.catalogue_source import load_result, show_problems
from ui.settings import app_settings
from ui.state import app_state


def page_setup() -> None:
    """Wide layout, checked settings, and the sidebar: warnings, catalogue summary and problems, user name."""
    st.set_page_config(page_title="Frise TechPourToutes", page_icon=":material/explore:", layout="wide")
    settings = app_settings()
    state = app_state()
    with st.sidebar:
        st.markdown("### Frise TechPourToutes")
        for warning in settings.warnings:
            st.warning(warning, icon=":material/warning:")
        result = load_result()
        if result.catalogue is not None:
            st.caption(result.catalogue.summary())
        show_problems(result)
        # The state root is the reference: the field shows it, and typing changes it.
        st.session_state["app_author"] = state.author

        def typed() -> None:
            state.author = st.session_state["app_author"].strip()

        st.text_input(
            "Votre nom (affiché dans l'historique)", key="app_author", max_chars=60, on_change=typed
        )


def ask_name_once() -> None:
    """On pages that save, ask once per session who is working: every version carries the name."""
    state = app_state()
    if state.author or state.name_asked:
        return

    def answered(keep_name: bool) -> None:
        state.author = st.session_state.get("app_name_prompt", "").strip() if keep_name else ""
        state.name_asked = True

    with st.container(border=True):
        st.markdown("**Qui êtes-vous ?** Votre nom accompagne chaque version enregistrée dans l'historique.")
        cols = st.columns([4, 1, 1], vertical_alignment="bottom")
        cols[0].text_input("Votre nom", placeholder="Prénom Nom, ou votre structure", key="app_name_prompt")
        cols[1].button("Valider", key="app_name_ok", type="primary", on_click=answered, args=(True,))
        cols[2].button("Plus tard", key="app_name_later", on_click=answered, args=(False,))
