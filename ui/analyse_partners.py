"""The Analyse page's partners: who delivers what by phase, their load, and the risks of the journey."""

import pandas as pd
import streamlit as st

from tpt_model.analysis.partners import partner_table, single_partner_bricks, unused_partners
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import table_text
from tpt_model.i18n import _
from tpt_model.text import escape_markdown
from ui.tables import show_table


def partners_panel(catalogue: Catalogue, scenario: Scenario) -> None:
    """The partner × phase table, the bricks hanging on one partner, and the partners left out."""
    table = pd.DataFrame(partner_table(catalogue, scenario))
    if table.empty:
        st.info(_("Aucun placement ne nomme de partenaire."))
    else:
        figures = [_("Placements"), _("Heures par bénéficiaire"), _("Coût par bénéficiaire")]
        show_table(table_text(table, money=figures[2:], duration=figures[1:2]), figures)
    alone = [catalogue.brick(b).title for b in single_partner_bricks(catalogue, scenario)]
    if alone:
        st.warning(
            escape_markdown(_("Briques qui ne reposent que sur un partenaire : ") + ", ".join(alone) + ".")
        )
    names = {p.id: p.name for p in catalogue.partners}
    unused = [names[p] for p in unused_partners(catalogue, scenario)]
    if unused:
        st.caption(escape_markdown(_("Partenaires sans placement : ") + ", ".join(unused) + "."))
