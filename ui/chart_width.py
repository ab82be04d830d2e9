"""Charts laid out for a least width keep it: on a narrower screen they scroll sideways, never squeeze."""

import streamlit as st

# A fixed style of ours (no user text in it): the chart's element container is named by its key.
_CSS = (
    ".st-key-{key} {{ overflow-x: auto; }}"
    ' .st-key-{key} [data-testid="stVegaLiteChart"] {{ min-width: {width}px; }}'
)


def keep_chart_width(key: str, min_px: int) -> None:
    """Never draw the chart of widget key `key` narrower than `min_px` pixels (labels were placed for it)."""
    st.html(f"<style>{_CSS.format(key=key, width=min_px)}</style>")
