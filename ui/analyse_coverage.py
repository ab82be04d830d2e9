"""The Analyse page's coverage heat map and its table, and the gaps with the bricks that could fill them."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from tpt_model.analysis.coverage import (
    AXIS_TITLES,
    HOURS,
    PLACEMENTS,
    Axis,
    coverage,
    coverage_spec,
    coverage_table,
)
from tpt_model.analysis.gaps import IDLE_MONTHS, fill, journey_gaps
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import table_text
from tpt_model.i18n import _
from tpt_model.scenario.editor import ChangeResult, add_placement
from tpt_model.text import escape_markdown
from ui.tables import show_table


def coverage_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """Stages crossed with pillars (or modalities): placements as colour, hours per beneficiary as figures."""
    axis: Axis = (
        st.segmented_control(
            _("Croiser les étapes avec"),
            list(AXIS_TITLES),
            format_func=lambda a: _("les volets") if a == "pillar" else _("les modalités"),
            default="pillar",
            required=True,
            key="analyse_axis",
        )
        or "pillar"
    )
    st.caption(_("Couleur : nombre de placements ; chiffre : heures par bénéficiaire dans l'étape."))
    cells = coverage(catalogue, scenario, axis)
    st.vega_lite_chart(coverage_spec(catalogue, cells, axis), key="analyse_heatmap")
    with st.expander(_("La couverture en tableau")):
        table = pd.DataFrame(coverage_table(catalogue, cells, axis))
        figures = [_(PLACEMENTS), _(HOURS)]
        show_table(table_text(table, duration=[_(HOURS)]), figures)


def gaps_panel(catalogue: Catalogue, scenario: Scenario, save: Callable[[ChangeResult], None]) -> None:
    """Each gap in a sentence, with a button per catalogue brick that places it there."""
    idle_months = st.number_input(
        _("Signaler une période sans action de plus de (mois)"), 1, 36, IDLE_MONTHS, key="analyse_idle_months"
    )
    gaps = journey_gaps(catalogue, scenario, int(idle_months))
    if not scenario.placements:
        st.info(_("La frise est vide : ajoutez des briques sur la page Frise."))
    elif not gaps:
        st.success(_("Aucun trou repéré dans ce parcours."))
    for i, gap in enumerate(gaps):
        st.markdown(f"- {escape_markdown(gap.message)}")
        if not gap.candidates:
            st.caption(_("Aucune brique du catalogue ne convient ici."))
        columns = st.columns(min(len(gap.candidates), 4) or 1)
        for j, brick_id in enumerate(gap.candidates):
            title = catalogue.brick(brick_id).short_title
            if columns[j % len(columns)].button(
                _("Placer « {title} »").format(title=title), key=f"analyse_fill_{i}_{brick_id}"
            ):
                save(add_placement(catalogue, scenario, fill(catalogue, gap, brick_id)))
