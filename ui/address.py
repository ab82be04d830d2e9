"""The page's address kept in step with the session: a reload (F5) or a link opens the same thing.

What is shareable (the scenario, the frise's view, the evaluation's section) is in the address's
parameters; the name and the last scenario are kept in the database under the session's token.
A session that cannot reach the database still works: only the reload loses more.
"""

import streamlit as st

from tpt_model.frise.display import is_phone
from tpt_model.session.address import Page, address_params, new_token, read_address, to_keep, token_from
from tpt_model.session.app import AppState
from tpt_model.store.errors import StoreError
from ui.stores import session_store


def restore_session(state: AppState) -> None:
    """Once per browser session: take what the address asks for and what its token kept."""
    if state.address_read:
        return
    state.address_read = True
    params = st.query_params.to_dict()
    token, kept, store = token_from(params), None, session_store()
    if token is not None and store is not None:
        try:
            kept = store.recall(token)
        except StoreError:
            kept = None  # the page says what is wrong with the database where it needs it
    state.token = token or new_token()
    headers = st.context.headers
    phone = is_phone(headers.get("User-Agent"), headers.get("Sec-CH-UA-Mobile"))
    read_address(state, params, kept, phone=phone)


def keep_address(state: AppState, page: Page) -> None:
    """Write the session's shareable state into the address, and its name and scenario under its token."""
    wanted = address_params(state, page)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    changed, store = to_keep(state), session_store()
    if changed is None or store is None or state.token is None:
        return
    try:
        store.remember(state.token, *changed)
    except StoreError:
        return  # tried again at the next rerun
    state.kept = changed
