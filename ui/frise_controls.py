"""The frise's view controls: lanes, track, exit and cohort calendar."""

import datetime

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.frise.rows import FriseOptions, for_persona
from tpt_model.journey.cohort import cohort_label, cohort_years

LANE_LABELS = {
    "pillar": "Volet",
    "modality": "Modalité",
    "partner": "Partenaire",
    "working_group": "Groupe",
    "custom": "Couloirs libres",
}


def _keep(key: str, value: object) -> None:
    # Widget values vanish when the user visits another page: restore them from the state root.
    if key not in st.session_state:
        st.session_state[key] = value


def _choice(
    column: DeltaGenerator, label: str, labels: dict[str, str], everyone: str, key: str, **kw: object
) -> str | None:
    return column.selectbox(
        label,
        [None, *labels],
        format_func=lambda v: everyone if v is None else labels[v],
        key=key,
        placeholder=everyone,
        **kw,
    )


def frise_options(catalogue: Catalogue, current: FriseOptions) -> FriseOptions:
    """Draw the controls above the frise and return the options they set."""
    programme = catalogue.programme
    for key, value in (
        ("frise_lane", current.lane_mode),
        ("frise_persona", current.persona),
        ("frise_track", current.track),
        ("frise_exit", current.exit),
        ("frise_cohort", current.cohort_year),
    ):
        _keep(key, value)
    cols = st.columns([3, 2, 2, 2, 3])
    personas = {p.id: f"{p.name}, {p.age} ans" for p in catalogue.personas}
    persona = _choice(
        cols[3],
        "Persona",
        personas,
        "Toutes",
        "frise_persona",
        help="Suivre une jeune femme : son parcours, sa sortie, son entrée dans le programme, sa situation.",
    )
    chosen = catalogue.personas_by_id.get(persona or "")
    if chosen is not None:  # her track and exit, shown in their fields
        st.session_state["frise_track"], st.session_state["frise_exit"] = chosen.track, chosen.exit
    lane = cols[0].radio(
        "Couloirs par",
        list(LANE_LABELS),
        format_func=LANE_LABELS.__getitem__,
        horizontal=True,
        key="frise_lane",
    )
    track = _choice(
        cols[1],
        "Parcours",
        {t.id: t.label for t in programme.tracks},
        "Tous",
        "frise_track",
        disabled=chosen is not None,
    )
    exit_ = _choice(
        cols[2],
        "Sortie",
        {e.id: e.label for e in programme.exits},
        "Toutes",
        "frise_exit",
        disabled=chosen is not None,
    )
    cohort = cols[4].selectbox(
        "Calendrier",
        [None, *cohort_years(datetime.date.today())],
        format_func=lambda y: "Années scolaires" if y is None else cohort_label(y),
        key="frise_cohort",
        placeholder="Années scolaires",
    )
    options = FriseOptions(lane_mode=lane, track=track, exit=exit_, cohort_year=cohort)
    return for_persona(catalogue, options, persona)
