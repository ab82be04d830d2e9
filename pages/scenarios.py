"""Scenarios page: list, create, open, rename, duplicate, delete, history, import and export."""

import streamlit as st

st.title("Scénarios")
st.info("La gestion des scénarios arrive bientôt.")
