"""Widgets bound to the typed state root: the one way a widget and a state field are kept in agreement.

The state is the reference. Streamlit forgets a widget's value when the user visits another page,
and the state also changes behind a widget's back (a click on the chart, an undo, a removal). So
before the widget is drawn its key receives the state's value, and the widget's `on_change` writes
what the user chose back into the state, before the script reruns.
"""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from pydantic import BaseModel

T = TypeVar("T")


def bind(key: str, read: Callable[[], T], write: Callable[[T], None]) -> Callable[[], None]:
    """Show `read()` in the widget `key`; return the `on_change` callback that passes its value to `write`.

    Call it just before drawing the widget with `key=key, on_change=<the callback>` and no default
    (`value=`, `index=`, `default=`): the state is then the widget's only source. `read()` must be a
    value the widget accepts (one of a selectbox's options, within a slider's range), or Streamlit
    silently shows another one.
    """
    # Always, even when the key seems to hold the value already: a widget drawn on every page (the
    # sidebar's) has one identity per page, and the one of the page just opened starts empty.
    st.session_state[key] = read()

    def write_back() -> None:
        write(st.session_state[key])

    return write_back


def bound(
    model: BaseModel, field: str, key: str, proposal: Callable[[], object] | None = None
) -> Callable[[], None]:
    """`bind` for the plain case: widget `key` shows and sets `model.<field>` (`proposal()` while None)."""

    def read() -> object:
        value = getattr(model, field)
        return proposal() if value is None and proposal is not None else value

    return bind(key, read, lambda value: setattr(model, field, value))
