"""Export page: the specification for partner briefings."""

import streamlit as st

from ui.shell import page_setup

page_setup()
st.title("Export du cahier des charges")
st.info("L'export (PDF, DOCX, diaporama, tableur, image de la frise) arrive dans une prochaine version.")
