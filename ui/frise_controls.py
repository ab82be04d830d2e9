"""The frise's view controls (lanes, persona, track, exit, cohort calendar), bound to its options."""

import datetime
from collections.abc import Callable
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.frise.rows import LANE_LABELS
from tpt_model.i18n import _
from tpt_model.journey.cohort import cohort_label, cohort_years
from tpt_model.session.frise import FriseView
from ui.binding import bind


def _option(view: FriseView, field: str, key: str) -> Callable[[], None]:
    return bind(
        key, lambda: getattr(view.options, field), lambda value: view.change_options(**{field: value})
    )


def _choice(
    column: DeltaGenerator, label: str, labels: dict[str, str], everyone: str, key: str, **kw: object
) -> None:
    column.selectbox(
        label,
        [None, *labels],
        format_func=lambda v: everyone if v is None else labels[v],  # labels: the catalogue's
        key=key,
        placeholder=everyone,
        **kw,
    )


def _cohorts(chosen: int | None) -> list[int | None]:
    # The years around today, and the one already chosen if the school year turned since.
    years = cohort_years(datetime.date.today())
    if chosen is not None and chosen not in years:
        years = sorted([*years, chosen])
    return [None, *years]


def frise_options(catalogue: Catalogue, view: FriseView) -> None:
    """Draw the controls above the frise; they show and change `view.options`."""
    programme = catalogue.programme
    view.follow_persona(catalogue, view.options.persona)  # her track and exit, or nobody if she left
    # The lanes on a row of their own, the four lists below it: wide enough for their longest label.
    lanes = st.container()
    cols = st.columns(4)
    _choice(
        cols[2],
        _("Persona"),
        {p.id: _("{name}, {age} ans").format(name=p.name, age=p.age) for p in catalogue.personas},
        _("Toutes"),
        "frise_persona",
        on_change=bind(
            "frise_persona", lambda: view.options.persona, partial(view.follow_persona, catalogue)
        ),
        help=_(
            "Suivre une jeune femme : son parcours, sa sortie, son entrée dans le programme, sa situation."
        ),
    )
    lanes.radio(
        _("Couloirs"),
        list(LANE_LABELS),
        format_func=lambda lane: _(LANE_LABELS[lane]),
        horizontal=True,
        key="frise_lane",
        on_change=_option(view, "lane_mode", "frise_lane"),
    )
    following = view.options.persona is not None  # her track and exit are shown, not chosen
    _choice(
        cols[0],
        _("Parcours"),
        {t.id: t.label for t in programme.tracks},
        _("Tous"),
        "frise_track",
        disabled=following,
        on_change=_option(view, "track", "frise_track"),
    )
    _choice(
        cols[1],
        _("Sortie"),
        {e.id: e.label for e in programme.exits},
        _("Toutes"),
        "frise_exit",
        disabled=following,
        on_change=_option(view, "exit", "frise_exit"),
    )
    cols[3].selectbox(
        _("Calendrier"),
        _cohorts(view.options.cohort_year),
        format_func=lambda y: _("Années scolaires") if y is None else cohort_label(y),
        key="frise_cohort",
        placeholder=_("Années scolaires"),
        on_change=_option(view, "cohort_year", "frise_cohort"),
    )
