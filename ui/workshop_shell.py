"""What every workshop screen needs: page settings, the address read, who is asking, the scenario shown."""

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.session.workshop import WorkshopAddress, read_workshop_address
from tpt_model.store.errors import StoreError
from tpt_model.text import escape_markdown
from ui.language import streamlit_texts_in_language
from ui.navigation import join_the_router
from ui.settings import app_settings
from ui.shell import page_setup
from ui.store_errors import store_errors
from ui.stores import scenario_store

# Large type and strong contrast for the wall of a room (read from the back at 1280×720); the
# sidebar and the toolbar are hidden. Our own style sheet: no user text goes in it.
PROJECTOR_STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stHeader"] { display: none !important; }
[data-testid="stAppViewContainer"] { background: #ffffff; color: #000000; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.7rem; }
[data-testid="stMarkdownContainer"] h1 { font-size: 3rem; }
[data-testid="stMarkdownContainer"] h2 { font-size: 2.3rem; }
[data-testid="stCaptionContainer"] { color: #1f1f1f; opacity: 1; font-size: 1.3rem; }
[data-testid="stTable"] td, [data-testid="stTable"] th { font-size: 1.3rem; color: #000000; }
.tpt-code { font-size: 4.5rem; font-weight: 800; letter-spacing: 0.3rem; line-height: 1; color: #000; }
</style>
"""


def workshop_setup() -> WorkshopAddress:
    """Page settings for the screen the address asks for, and that address (malformed parts left out).

    Without a code the page is one of the app's, with its sidebar; a workshop's screens have none
    (a participant's phone, the projector) or a collapsed one (the facilitator's).
    """
    join_the_router()
    address = read_workshop_address(st.query_params.to_dict())
    if address.screen == "home":
        page_setup()
        return address
    wide = address.screen in ("facilitator", "projector")
    st.set_page_config(
        page_title="Atelier · Frise TechPourToutes",
        page_icon=":material/groups:",
        layout="wide" if wide else "centered",
        initial_sidebar_state="collapsed" if address.screen != "facilitator" else "auto",
    )
    app_settings()
    streamlit_texts_in_language()
    if address.screen == "projector":
        st.html(PROJECTOR_STYLE)
    return address


def client_key() -> str:
    """Who is trying a code or a secret, for the rate limit: the address of her connection, else her session.

    Behind a reverse proxy every connection has the proxy's address: the limit then holds for the room.
    """
    ip = st.context.ip_address
    if ip:
        return f"ip:{ip}"
    ctx = get_script_run_ctx()
    return f"session:{ctx.session_id if ctx is not None else 'inconnue'}"


@st.cache_resource(max_entries=32, show_spinner=False)
def _version(url: str, scenario_id: str, version: int) -> Scenario:  # noqa: ARG001 (the cache's key)
    return scenario_store().version(scenario_id, version)


def workshop_scenario(scenario_id: str, version: int) -> Scenario:
    """The version of the scenario a workshop is about (a version never changes: read once per process)."""
    with store_errors():
        return _version(app_settings().database_url, scenario_id, version)


@contextmanager
def refusals() -> Iterator[None]:
    """Around an action the page cannot go on without: a refusal is said, and the page stops."""
    try:
        yield
    except (InputError, StoreError) as err:
        st.error(escape_markdown(err.message), icon=":material/block:")
        st.stop()
