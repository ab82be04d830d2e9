"""The settings of this server process, read once; a malformed value stops the page with its message."""

import streamlit as st

from tpt_model.errors import SettingsError
from tpt_model.settings import Settings, load_settings


@st.cache_resource(show_spinner=False)
def _settings() -> Settings:
    return load_settings()


def app_settings() -> Settings:
    """The settings from the environment, or a French error naming the variable and a stop."""
    try:
        return _settings()
    except SettingsError as err:
        st.error(err.message, icon=":material/settings:")
        st.stop()
