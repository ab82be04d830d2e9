"""Frise TechPourToutes: page set-up, shared sidebar and navigation."""

import streamlit as st

from ui.catalogue_source import load_result, show_problems
from ui.state import app_state

st.set_page_config(page_title="Frise TechPourToutes", page_icon=":material/explore:", layout="wide")
state = app_state()

with st.sidebar:
    st.markdown("### Frise TechPourToutes")
    result = load_result()
    if result.catalogue is not None:
        st.caption(result.catalogue.summary())
    show_problems(result)
    name = st.text_input(
        "Votre nom (affiché dans l'historique)", value=state.author, key="app_author", max_chars=60
    )
    state.author = name.strip()

pages = [
    st.Page("pages/frise.py", title="Frise", icon=":material/timeline:", default=True),
    st.Page("pages/scenarios.py", title="Scénarios", icon=":material/folder_open:"),
    st.Page("pages/catalogue.py", title="Catalogue des briques", icon=":material/view_module:"),
    st.Page("pages/evaluation.py", title="Évaluation", icon=":material/balance:"),
    st.Page("pages/export.py", title="Export", icon=":material/description:"),
]
st.navigation(pages).run()
