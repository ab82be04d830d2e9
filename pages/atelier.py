"""Atelier page: a workshop run live — participants on their phones, the facilitator, the projector."""

import streamlit as st

from tpt_model.i18n import _
from ui.catalogue_source import require_catalogue
from ui.workshop_facilitator import facilitator_screen
from ui.workshop_home import join_box, open_box
from ui.workshop_participant import participant_screen
from ui.workshop_projector import projector_screen
from ui.workshop_shell import workshop_setup

address = workshop_setup()
catalogue = require_catalogue()

if address.screen == "projector":
    projector_screen(catalogue, address)
elif address.screen == "facilitator":
    facilitator_screen(catalogue, address)
elif address.screen == "participant":
    participant_screen(catalogue, address)
else:
    st.title(_("Atelier"))
    st.markdown(
        _(
            "Un atelier réunit un groupe de travail (ou un focus group) autour d'un scénario : chacune "
            "répond depuis son téléphone ou son ordinateur, à l'aveugle, puis l'animatrice ou l'animateur "
            "révèle les résultats à l'écran."
        )
    )
    left, right = st.columns(2, gap="large")
    with left:
        join_box()
    with right:
        open_box(catalogue)
