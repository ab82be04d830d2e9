"""Access to the session's typed state root."""

import streamlit as st

from tpt_model.session.app import AppState

STATE_KEY = "tpt_state"


def app_state() -> AppState:
    """The session's state root, created on first use."""
    return st.session_state.setdefault(STATE_KEY, AppState())
