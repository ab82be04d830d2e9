"""The app's pages, listed once: for the router (app.py) and for a page that Streamlit ran without it."""

import gc
import threading

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from tpt_model.i18n import _
from tpt_model.session.workshop import read_workshop_address
from ui.address import restore_session
from ui.language import use_session_language
from ui.state import app_state

# Set once app.py's router has run in this server process: Streamlit then routes every address.
_router_ran = threading.Event()
# Set once a page has run to its end: the modules, the catalogue and the stores are loaded.
_settled = threading.Event()


def app_pages() -> list[StreamlitPage]:
    """The pages in the order of the navigation, with their titles in the session's language."""
    return [
        st.Page("pages/frise.py", title=_("Frise"), icon=":material/timeline:", default=True),
        st.Page("pages/scenarios.py", title=_("Scénarios"), icon=":material/folder_open:"),
        st.Page("pages/catalogue.py", title=_("Catalogue des briques"), icon=":material/view_module:"),
        st.Page("pages/evaluation.py", title=_("Évaluation"), icon=":material/balance:"),
        st.Page("pages/analyse.py", title=_("Analyse"), icon=":material/insights:"),
        st.Page("pages/export.py", title=_("Export"), icon=":material/description:"),
        st.Page("pages/atelier.py", title=_("Atelier"), icon=":material/groups:"),
    ]


def route() -> None:
    """Run the page the address asks for, under the app's navigation (what app.py does).

    A participant's and the projector's workshop pages have no navigation (a phone's screen, a
    room's wall); a join link on the app's root (`/?atelier=CODE`) opens the workshop page.
    """
    _router_ran.set()
    restore_session(app_state())  # the address's language (`?lang=en`) first: the navigation shows it
    use_session_language()
    params = st.query_params.to_dict()
    address = read_workshop_address(params)
    pages = app_pages()
    hidden = address.screen in ("participant", "projector")
    page = st.navigation(pages, position="hidden" if hidden else "sidebar")
    if address.code is not None and page.url_path == "":
        st.switch_page(next(p for p in pages if p.url_path == "atelier"), query_params=params)
    page.run()
    if not _settled.is_set():
        _settled.set()
        # What is loaded by now lives as long as the process: Python's collector stops scanning
        # it. Its full collections, which hold every session still (up to 160 ms in a 40-person
        # workshop), then look only at what the sessions made since.
        gc.freeze()


def join_the_router() -> None:
    """Hand a page that Streamlit ran without app.py over to the router, which runs it again.

    On a fresh server, until app.py's `st.navigation` has run once in the process, Streamlit runs a
    bookmarked address such as /scenarios through its `pages/` folder convention, with file names
    (and an « app » entry) in the navigation. Declaring the app's pages ends that convention for the
    whole process; the rerun then goes through app.py to the same page.
    """
    if not _router_ran.is_set():
        st.navigation(app_pages())
        st.rerun()
