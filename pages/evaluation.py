"""Evaluation page: score the bricks on the programme's criteria."""

import streamlit as st

st.title("Évaluation des briques")
st.info("L'évaluation des briques (pertinence, simplicité, caractère abordable) arrive bientôt.")
