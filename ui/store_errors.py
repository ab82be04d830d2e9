"""The edge where database failures become a French message on the page, never a traceback."""

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from tpt_model.store.errors import StoreError


@contextmanager
def store_errors() -> Iterator[None]:
    """Around direct store calls of a page: a StoreError shows its message, and the page stops there."""
    try:
        yield
    except StoreError as err:
        st.error(err.message, icon=":material/database:")
        st.stop()
