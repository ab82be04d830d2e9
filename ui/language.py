"""The session's language: made current for every run, callback and fragment, and chosen in the sidebar."""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tpt_model.i18n import LANGUAGE_NAMES, LANGUAGES, Language, follow_session, set_language
from tpt_model.session.app import AppState
from ui.binding import bound
from ui.state import STATE_KEY, app_state

LANGUAGE_KEY = "app_language"


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
