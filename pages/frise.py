"""Frise page: compose the typical journey (filled by the frise designer)."""

import streamlit as st

st.title("Frise du parcours-type")
st.info(
    "Le concepteur de frise arrive dans la prochaine version : composez ici le parcours à partir des briques."
)
