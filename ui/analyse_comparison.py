"""Analyse page, comparison: the open scenario against an earlier version, another scenario or a template."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from tpt_model.analysis.comparison import compare
from tpt_model.analysis.comparison_tables import (
    AFTER,
    BEFORE,
    DIFFERENCE,
    SideBySide,
    budget_side_by_side,
    comparison_lines,
    coverage_side_by_side,
    scores_side_by_side,
)
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.scores import ScoreStore
from tpt_model.text import escape_markdown
from ui.open_scenario import OpenScenario
from ui.store_errors import store_errors
from ui.tables import show_table

FIGURES = (BEFORE, AFTER, DIFFERENCE)
HIGHLIGHT = "background-color: #fdebd0"  # the rows that differ, in the orange of the sentences


@dataclass(frozen=True)
class Reference:
    """Something to compare with: a version of this scenario, another saved scenario, or a template."""

    kind: Literal["version", "stored", "template"]
    key: str
    label: str


def _references(catalogue: Catalogue, opened: OpenScenario) -> list[Reference]:
    with store_errors():
        versions = [v.version for v in opened.store.versions(opened.scenario_id)]
        others = [info for info in opened.store.list() if info.id != opened.scenario_id]
    return (
        [
            Reference("version", str(n), f"version {n} de ce scénario")
            for n in sorted(versions, reverse=True)
            if n != opened.view.version
        ]
        + [
            Reference("stored", info.id, f"scénario « {info.name} » (version {info.version})")
            for info in others
        ]
        + [Reference("template", key, f"modèle livré « {s.name} »") for key, s in catalogue.templates]
    )


def _other(
    catalogue: Catalogue, opened: OpenScenario, scores: ScoreStore, chosen: Reference
) -> tuple[Scenario, Sequence[ScoreSheet]]:
    """The scenario to compare with, and its score sheets (a template has none: nobody scores it)."""
    with store_errors():
        if chosen.kind == "version":
            return opened.store.version(opened.scenario_id, int(chosen.key)), scores.sheets(
                opened.scenario_id
            )
        if chosen.kind == "stored":
            return opened.store.get(chosen.key).scenario, scores.sheets(chosen.key)
    return catalogue.template(chosen.key), ()


def highlighted(table: SideBySide) -> Styler:
    """The table with the rows that differ highlighted."""
    colours = pd.DataFrame(
        [[HIGHLIGHT if changed else ""] * table.frame.shape[1] for changed in table.changed],
        index=table.frame.index,
        columns=table.frame.columns,
    )
    return table.frame.style.apply(lambda _: colours, axis=None)


def comparison_panel(catalogue: Catalogue, opened: OpenScenario, scores: ScoreStore) -> None:
    """Pick what to compare with; show what changed, then budget, scores and coverage side by side."""
    references = {r.label: r for r in _references(catalogue, opened)}
    label = st.selectbox(
        "Comparer avec",
        list(references),
        index=None,
        placeholder="Choisir une version ou un scénario",
        key="analyse_compare_with",
    )
    if label is None:
        return
    other, other_sheets = _other(catalogue, opened, scores, references[label])
    with store_errors():
        own_sheets = scores.sheets(opened.scenario_id)
    found = compare(catalogue, other, opened.scenario, (other_sheets, own_sheets))
    lines = comparison_lines(catalogue, found)
    if not lines:
        st.success("Aucune différence de briques, de placements, de coûts ni de notes.")
    for line in lines:
        st.markdown(f"- :orange[{escape_markdown(line)}]")
    st.caption("Référence : ce qui est choisi ci-dessus. Les lignes qui diffèrent sont surlignées.")
    tables = [budget_side_by_side(found), scores_side_by_side(catalogue, found)]
    if found.coverage:
        tables.append(coverage_side_by_side(catalogue, found))
    for table in tables:
        st.markdown(f"### {table.title}")
        if table.note:
            st.caption(table.note)
            continue
        show_table(highlighted(table), [c for c in table.frame.columns if c in FIGURES])
