"""Frise TechPourToutes: the router over the pages (each page draws the shared sidebar itself)."""

import streamlit as st

pages = [
    st.Page("pages/frise.py", title="Frise", icon=":material/timeline:", default=True),
    st.Page("pages/scenarios.py", title="Scénarios", icon=":material/folder_open:"),
    st.Page("pages/catalogue.py", title="Catalogue des briques", icon=":material/view_module:"),
    st.Page("pages/evaluation.py", title="Évaluation", icon=":material/balance:"),
    st.Page("pages/export.py", title="Export", icon=":material/description:"),
]
st.navigation(pages).run()
