"""The brick filter widgets (pillar, phase, modality, partner, words), shared by the pages."""

import streamlit as st

from tpt_model.catalogue.card import MODALITY_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import BrickFilter


def brick_filters(catalogue: Catalogue, prefix: str, *, search_label: str = "Recherche") -> BrickFilter:
    """Draw the filters (widget keys `<prefix>_pillars`, `_phases`, `_modalities`, `_partners`, `_text`)."""
    programme = catalogue.programme
    pillars = {p.id: p.label for p in programme.pillars}
    phases = {p.id: p.label for p in programme.phases}
    partners = {p.id: p.name for p in catalogue.partners}
    text = st.text_input(search_label, placeholder="mentorat, décrochage, Parcoursup…", key=f"{prefix}_text")
    cols = st.columns(4)
    chosen = [
        col.multiselect(
            label,
            list(options),
            format_func=options.__getitem__,
            key=f"{prefix}_{name}",
            placeholder=everything,
        )
        for col, (label, name, options, everything) in zip(
            cols,
            [
                ("Volet", "pillars", pillars, "Tous"),
                ("Phase", "phases", phases, "Toutes"),
                ("Modalité", "modalities", MODALITY_LABELS, "Toutes"),
                ("Partenaire", "partners", partners, "Tous"),
            ],
            strict=True,
        )
    ]
    return BrickFilter(
        pillars=tuple(chosen[0]),
        phases=tuple(chosen[1]),
        modalities=tuple(chosen[2]),
        partners=tuple(chosen[3]),
        text=text,
    )
