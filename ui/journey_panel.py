"""Under the frise: what the journey costs, how long it accompanies, and where it leaves gaps."""

import streamlit as st

from tpt_model.catalogue import Catalogue
from tpt_model.journey_totals import euros, journey_totals
from tpt_model.scenario import Scenario
from tpt_model.text import escape_markdown


def journey_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """Three figures for one young woman who follows the whole frise, and the gaps to discuss."""
    totals = journey_totals(catalogue, scenario)
    cols = st.columns(3)
    estimated = f" ({totals.estimated_bricks} brique(s) au coût estimé)" if totals.estimated_bricks else ""
    cols[0].metric(
        "Coût par bénéficiaire",
        euros(totals.cost_per_beneficiary_eur),
        help="Somme des coûts par bénéficiaire des actions de la frise" + estimated + ".",
    )
    cols[1].metric(
        "Coûts fixes",
        euros(totals.fixed_eur),
        help="Une fois par brique, quel que soit le nombre de placements.",
    )
    cols[2].metric(
        "Heures d'accompagnement", f"{totals.hours:g} h", help="Par bénéficiaire qui suit toute la frise."
    )
    if totals.gaps:
        with st.expander(f"Points d'attention ({len(totals.gaps)})", icon=":material/flag:"):
            st.markdown("\n".join(f"- {escape_markdown(gap)}" for gap in totals.gaps))
