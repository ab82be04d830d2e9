"""Export page: the specification for partner briefings (the full document comes in a later version)."""

import streamlit as st

from ui.shell import page_setup

page_setup()
st.title("Export du cahier des charges")
st.info(
    "Le cahier des charges complet (PDF, DOCX, diaporama, image de la frise) arrive dans une prochaine "
    "version. Déjà disponibles :"
)
st.page_link(
    "pages/scenarios.py", label="Exporter un scénario en YAML (page Scénarios)", icon=":material/download:"
)
st.page_link(
    "pages/evaluation.py",
    label="Exporter l'évaluation en CSV ou Excel (page Évaluation)",
    icon=":material/table:",
)
