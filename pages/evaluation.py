"""Evaluation page: score the open scenario's bricks on the programme's criteria, then rank and export."""

import streamlit as st

from tpt_model.evaluation.form import scenario_bricks
from tpt_model.i18n import _, n_
from tpt_model.session.evaluation import SECTIONS
from tpt_model.text import escape_markdown
from ui.address import keep_address
from ui.binding import bound
from ui.catalogue_source import require_catalogue
from ui.evaluation_export import export_panel
from ui.evaluation_results import results_panel
from ui.evaluation_scoring import evaluator_picker, scoring_panel
from ui.open_scenario import open_scenario
from ui.shell import ask_name_once, page_setup
from ui.store_errors import store_errors
from ui.stores import score_store

page_setup("evaluation")
ask_name_once()
catalogue = require_catalogue()
opened = open_scenario(catalogue)
opened.follow()  # scores are not versions of the scenario: the newest one can show first
state = opened.state
frise, view = state.frise, state.evaluation
keep_address(state, "evaluation")
view.follow(opened.scenario_id)
bricks = scenario_bricks(catalogue, frise.scenario)

st.title(_("Évaluation des briques"))
st.markdown(
    n_(
        "Scénario évalué : **{name}** (version {version}) · {bricks} brique à noter",
        "Scénario évalué : **{name}** (version {version}) · {bricks} briques à noter",
        len(bricks),
    ).format(name=escape_markdown(frise.scenario.name), version=frise.version, bricks=len(bricks))
)
st.caption(_("Pour évaluer un autre scénario, ouvrez-le depuis la page Scénarios."))
if not bricks:
    st.info(_("Ce scénario ne contient encore aucune brique du catalogue : ajoutez-en sur la page Frise."))
    st.stop()

# Read again only when a score changed since the last rerun; shared by every section.
with store_errors():
    revision, sheets = score_store().snapshot(opened.scenario_id)
st.segmented_control(
    _("Section"),
    list(SECTIONS),
    required=True,
    format_func=lambda section: _(SECTIONS[section]),
    key="eval_section",
    label_visibility="collapsed",
    on_change=bound(view, "section", "eval_section"),
)

if view.section == "score":
    evaluator = evaluator_picker(state)
    if evaluator is not None:
        scoring_panel(catalogue, view, bricks, sheets, evaluator)
elif view.section == "results":
    results_panel(catalogue, view, bricks, sheets, revision)
else:
    export_panel(catalogue, view, bricks, sheets, frise.scenario.name)
