"""Tables as the pages show them: French text (see `formatting.table_text`), figures aligned on the right."""

from collections.abc import Iterable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler


def show_table(table: pd.DataFrame | Styler, figures: Iterable[str] = ()) -> None:
    """A whole-width table without its index, the `figures` columns (amounts, counts) aligned on the right.

    The cells are already French text (« 12 345 € »): text cells would otherwise align on the left.
    """
    config = {column: st.column_config.Column(alignment="right") for column in figures}
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
