"""The session's language: made current for every run, callback and fragment, and chosen in the sidebar."""

import json
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tpt_model.i18n import LANGUAGE_NAMES, LANGUAGES, Language, current_language, follow_session, set_language
from tpt_model.session.app import AppState
from ui.binding import bound
from ui.state import STATE_KEY, app_state

LANGUAGE_KEY = "app_language"
# A fixed script of ours (no user text in it): it says Streamlit's own English texts in French.
_STREAMLIT_FR = (Path(__file__).parent / "static" / "streamlit_fr.js").read_text(encoding="utf-8")


def _session_language() -> Language | None:
    # Outside a script run (a test, a command) there is no session to ask.
    if get_script_run_ctx() is None:
        return None
    state = st.session_state.get(STATE_KEY)
    return state.language if isinstance(state, AppState) else None


def use_session_language() -> None:
    """Make the session's language current for this run, and for its callbacks and fragment reruns.

    Streamlit runs each of them in a fresh thread (a widget's callback before the page's script, a
    fragment's rerun without it): the context variable set here does not reach them, so they ask
    the session through `follow_session`.
    """
    follow_session(_session_language)
    set_language(app_state().language)


def language_selector(state: AppState) -> None:
    """« Langue / Language »: French or English, for the rest of the session."""
    st.radio(
        "Langue / Language",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        horizontal=True,
        key=LANGUAGE_KEY,
        on_change=bound(state, "language", LANGUAGE_KEY),
    )


def streamlit_texts_in_language() -> None:
    """Streamlit's own texts in the session's language: in French, a script of ours rewrites them.

    Streamlit writes in English only the file uploader's texts, the hints under the inputs
    (« Press Enter to apply »), the tables' and charts' toolbars and tooltips, and what screen
    readers hear (the skip link, the buttons' labels, the running status).
    """
    # The language first: the script, once installed, reads it at every change of the page.
    language = json.dumps(current_language())
    st.html(
        f"<script>window.tptLanguage = {language}; window.tptStreamlitTranslate?.();{_STREAMLIT_FR}</script>",
        unsafe_allow_javascript=True,
    )
