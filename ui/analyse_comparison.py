"""The Analyse page's comparison: the open scenario against an earlier version or a shipped scenario."""

import pandas as pd
import streamlit as st

from tpt_model.analysis.comparison import compare
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import euros, table_text
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown
from ui.store_errors import store_errors


def comparison_panel(
    catalogue: Catalogue, store: ScenarioStore, scenario_id: str, version: int, scenario: Scenario
) -> None:
    """Pick what to compare with; show bricks only in one, moved or resized placements, coverage and costs."""
    with store_errors():
        versions = [v.version for v in store.versions(scenario_id) if v.version != version]
    choices = {f"version {n} de ce scénario": ("version", str(n)) for n in sorted(versions, reverse=True)}
    choices |= {f"scénario livré « {s.name} »": ("template", key) for key, s in catalogue.templates}
    label = st.selectbox("Comparer avec", list(choices), index=None, key="analyse_compare_with")
    if label is None:
        return
    kind, key = choices[label]
    with store_errors():
        other = store.version(scenario_id, int(key)) if kind == "version" else catalogue.template(key)
    found = compare(catalogue, other, scenario)
    titles = {b.id: b.title for b in catalogue.bricks}
    lines = [f"Seulement dans la référence : « {titles[b]} »." for b in found.only_in_a]
    lines += [f"Seulement dans ce scénario : « {titles[b]} »." for b in found.only_in_b]
    lines += list(found.changes)
    (cost_a, cost_b), (fixed_a, fixed_b) = found.cost_per_beneficiary_eur, found.fixed_eur
    if cost_a != cost_b:
        lines.append(f"Coût par bénéficiaire : {euros(cost_a)} → {euros(cost_b)}.")
    if fixed_a != fixed_b:
        lines.append(f"Coûts fixes : {euros(fixed_a)} → {euros(fixed_b)}.")
    if not lines:
        st.success("Aucune différence de briques, de placements ni de coûts.")
    for line in lines:
        st.markdown(f"- :orange[{escape_markdown(line)}]")
    if found.coverage:
        programme = catalogue.programme
        rows = [
            {
                "Étape": programme.stage(s).label,
                "Volet": programme.pillar(p).label,
                "Référence": a,
                "Ce scénario": b,
            }
            for s, p, a, b in found.coverage
        ]
        st.dataframe(table_text(pd.DataFrame(rows)), hide_index=True)
