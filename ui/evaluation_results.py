"""The results of an evaluation: weights, ranking, disagreement rule, priority matrix and brick details."""

from collections.abc import Sequence
from functools import partial

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.evaluation.matrix import PLOT_WIDTH_PX, SELECTION_PARAM, matrix_axes, matrix_table
from tpt_model.evaluation.ranking import DISCUSS_BADGE, DISCUSS_COLUMN, unscored_line
from tpt_model.evaluation.results import evaluation_key, memo_evaluate, memo_matrix_spec, memo_ranking_table
from tpt_model.evaluation.scoring import (
    BrickResult,
    default_weights,
    disagreement_rule,
    rank_changes,
    split_unscored,
    weight_scale,
)
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.evaluation.wording import aggregate_lines, rank_change_message
from tpt_model.formatting import number, table_text
from tpt_model.session.evaluation import EvaluationView
from tpt_model.text import escape_markdown
from ui.binding import bind, bound
from ui.chart_width import keep_chart_width

# The matrix's plot, its y axis and padding: names were placed for no narrower a chart.
MATRIX_LEAST_WIDTH_PX = PLOT_WIDTH_PX + 80


def weight_key(criterion_id: str) -> str:
    """Widget key of a criterion's weight slider."""
    return f"eval_weight_{criterion_id}"


def weight_sliders(programme: Programme, view: EvaluationView) -> dict[str, float]:
    """One slider per criterion, showing the weight in use (the programme's until moved); the weights."""
    current, scale = view.resolved_weights(programme), weight_scale(programme)
    cols = st.columns(len(programme.criteria))
    for col, criterion in zip(cols, programme.criteria, strict=True):
        key = weight_key(criterion.id)
        # A select slider, not a slider: its values read « 1,5 », the French way.
        col.select_slider(
            criterion.label,
            scale.options(criterion.weight, current[criterion.id]),
            format_func=number,
            help=f"Poids dans le total. Programme : {number(criterion.weight)}.",
            key=key,
            on_change=bind(
                key, partial(current.__getitem__, criterion.id), partial(view.set_weight, criterion.id)
            ),
        )
    st.button(
        "Rétablir les poids du programme",
        key="eval_weights_reset",
        disabled=not view.weights_changed(programme),
        on_click=view.reset_weights,
    )
    return current


def matrix_axes_picker(programme: Programme) -> tuple[str, str]:
    """The criteria on the matrix's two axes: pertinence × simplicité unless the group picks others."""
    ids = [c.id for c in programme.criteria]
    x, y = matrix_axes(programme, "pertinence", "simplicite")
    labels = {c.id: c.label for c in programme.criteria}
    cols = st.columns(2)
    x_id = cols[0].selectbox(
        "Axe horizontal", ids, index=ids.index(x.id), format_func=labels.get, key="eval_axis_x"
    )
    y_id = cols[1].selectbox(
        "Axe vertical", ids, index=ids.index(y.id), format_func=labels.get, key="eval_axis_y"
    )
    return x_id, y_id


def brick_detail(catalogue: Catalogue, view: EvaluationView, results: Sequence[BrickResult]) -> None:
    """The brick picked in the matrix (or in the list): title, aggregates by criterion and comments."""
    by_id = {r.brick_id: r for r in results}
    if view.selected_brick not in by_id:
        view.selected_brick = None
    st.selectbox(
        "Brique à examiner",
        list(by_id),
        index=None,
        format_func=lambda b: by_id[b].title,
        placeholder="Cliquez sur une bulle de la matrice ou choisissez une brique",
        key="eval_detail_brick",
        on_change=bound(view, "selected_brick", "eval_detail_brick"),  # also shows a clicked bubble
    )
    result = by_id.get(view.selected_brick or "")
    if result is None:
        return
    with st.container(border=True):
        total = "—" if result.total is None else number(result.total, 1)
        rank = "—" if result.rank is None else str(result.rank)
        flag = f" · **{DISCUSS_BADGE}**" if result.to_discuss else ""
        st.markdown(f"**{escape_markdown(result.title)}** · rang {rank} · total pondéré {total} / 100{flag}")
        st.markdown(
            "\n".join(f"- {escape_markdown(line)}" for line in aggregate_lines(catalogue.programme, result))
        )
        if result.comments:
            st.markdown("**Commentaires**")
            st.markdown(
                "\n".join(
                    f"- *{escape_markdown(who)}* : {escape_markdown(text)}" for who, text in result.comments
                )
            )
        else:
            st.caption("Aucun commentaire.")


def results_panel(
    catalogue: Catalogue,
    view: EvaluationView,
    bricks: Sequence[str],
    sheets: Sequence[ScoreSheet],
    revision: int,
) -> None:
    """Weights that re-rank live, the ranking with its « à discuter » flag, the matrix and its table twin."""
    programme = catalogue.programme
    st.checkbox(
        "Compter aussi la « Référence catalogue » dans les moyennes",
        key="eval_include_reference",
        on_change=bound(view, "include_reference", "eval_include_reference"),
        help=(
            "Les notes de référence des fiches du catalogue. Leur total est toujours dans la colonne "
            "« Référence catalogue » ; elles ne rendent jamais une brique « à discuter »."
        ),
    )
    st.markdown("## Poids des critères")
    weights = weight_sliders(programme, view)
    assert view.scenario_id is not None
    key = evaluation_key(view.scenario_id, revision, bricks, weights, view.include_reference)
    results = memo_evaluate(catalogue, key, sheets)
    if weights != default_weights(programme):
        baseline_key = evaluation_key(view.scenario_id, revision, bricks, None, view.include_reference)
        baseline = memo_evaluate(catalogue, baseline_key, sheets)
        st.info(
            escape_markdown(rank_change_message(rank_changes(baseline, results))), icon=":material/balance:"
        )
    st.markdown("## Classement")
    st.caption(escape_markdown(disagreement_rule(programme)))
    st.dataframe(memo_ranking_table(catalogue, key, results), hide_index=True, width="stretch")
    unscored = unscored_line(split_unscored(results)[1])
    if unscored is not None:
        st.caption(escape_markdown(unscored))

    def on_select() -> None:
        points = st.session_state["eval_matrix"].selection.get(SELECTION_PARAM) or []
        view.selected_brick = points[0].get("brick_id") if points else None

    st.markdown("## Matrice de priorisation")
    axes = matrix_axes_picker(programme)
    keep_chart_width("eval_matrix", MATRIX_LEAST_WIDTH_PX)
    st.vega_lite_chart(
        memo_matrix_spec(catalogue, key, results, axes),
        on_select=on_select,
        selection_mode=SELECTION_PARAM,
        key="eval_matrix",
    )
    brick_detail(catalogue, view, results)
    # The table twin is drawn on demand: a second 300-line table on every rerun would double its cost.
    if st.toggle("Afficher la matrice en tableau (lecteur d'écran)", key="eval_matrix_table"):
        st.caption("Toutes les briques, y compris celles qui manquent de notes :")
        table = matrix_table(catalogue, results, x_criterion=axes[0], y_criterion=axes[1])
        text = table_text(table, flags={DISCUSS_COLUMN: DISCUSS_BADGE})
        st.dataframe(text, hide_index=True, width="stretch")
