"""Under the frise: what the journey costs, how long it accompanies, and where it leaves gaps."""

import streamlit as st

from tpt_model.analysis.totals import shown_totals
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import counted, euros, hours
from tpt_model.frise.rows import FriseOptions
from tpt_model.i18n import _
from tpt_model.text import escape_markdown


def journey_panel(catalogue: Catalogue, scenario: Scenario, options: FriseOptions) -> None:
    """Three figures for one young woman who follows what the frise shows, and the gaps to discuss."""
    totals = shown_totals(catalogue, scenario, options)
    persona = catalogue.personas_by_id.get(options.persona or "")
    whom = _("pour {name}").format(name=persona.name) if persona is not None else _("par bénéficiaire")
    cols = st.columns(3)
    estimated = (
        _(" ({bricks} au coût estimé)").format(bricks=counted(totals.estimated_bricks, "brique", "briques"))
        if totals.estimated_bricks
        else ""
    )
    cols[0].metric(
        _("Coût {whom}").format(whom=whom),
        euros(totals.cost_per_beneficiary_eur),
        help=_("Somme des coûts par bénéficiaire des actions de la frise") + estimated + ".",
    )
    cols[1].metric(
        _("Coûts fixes"),
        euros(totals.fixed_eur),
        help=_("Une fois par brique, quel que soit le nombre de placements."),
    )
    cols[2].metric(
        _("Heures d'accompagnement"),
        hours(totals.hours),
        help=_("Heures {whom}, pour ce que montre la frise.").format(whom=whom),
    )
    if totals.gaps:
        with st.expander(
            _("Points d'attention ({gaps})").format(gaps=len(totals.gaps)), icon=":material/flag:"
        ):
            st.markdown("\n".join(f"- {escape_markdown(gap)}" for gap in totals.gaps))
