"""The frise's view controls: lanes, track, exit and cohort calendar."""

import streamlit as st

from tpt_model.catalogue import Catalogue
from tpt_model.cohort import cohort_label
from tpt_model.frise_rows import FriseOptions

LANE_LABELS = {
    "pillar": "Volet",
    "modality": "Modalité",
    "partner": "Partenaire",
    "working_group": "Groupe",
    "custom": "Couloirs libres",
}
COHORTS = (None, 2023, 2024, 2025, 2026, 2027, 2028)


def _keep(key: str, value: object) -> None:
    # Widget values vanish when the user visits another page: restore them from the state root.
    if key not in st.session_state:
        st.session_state[key] = value


def frise_options(catalogue: Catalogue, current: FriseOptions) -> FriseOptions:
    """Draw the controls above the frise and return the options they set."""
    programme = catalogue.programme
    tracks = {t.id: t.label for t in programme.tracks}
    exits = {e.id: e.label for e in programme.exits}
    for key, value in (
        ("frise_lane", current.lane_mode),
        ("frise_track", current.track),
        ("frise_exit", current.exit),
        ("frise_cohort", current.cohort_year),
    ):
        _keep(key, value)
    cols = st.columns([3, 2, 2, 3])
    lane = cols[0].radio(
        "Couloirs par",
        list(LANE_LABELS),
        format_func=LANE_LABELS.__getitem__,
        horizontal=True,
        key="frise_lane",
    )
    track = cols[1].selectbox(
        "Parcours",
        [None, *tracks],
        format_func=lambda t: "Tous" if t is None else tracks[t],
        key="frise_track",
        placeholder="Tous",
    )
    exit_ = cols[2].selectbox(
        "Sortie",
        [None, *exits],
        format_func=lambda e: "Toutes" if e is None else exits[e],
        key="frise_exit",
        placeholder="Toutes",
    )
    cohort = cols[3].selectbox(
        "Calendrier",
        COHORTS,
        format_func=lambda y: "Années scolaires" if y is None else cohort_label(y),
        key="frise_cohort",
        placeholder="Années scolaires",
    )
    return FriseOptions(lane_mode=lane, track=track, exit=exit_, cohort_year=cohort)
