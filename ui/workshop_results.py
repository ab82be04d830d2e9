"""A round's results as the workshop shows them: ranking, spread, « à discuter », matrix, focus answers."""

from typing import Any

import pandas as pd
import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.ranking import DISCUSS_BADGE
from tpt_model.evaluation.results import EvaluationKey, evaluation_key, memo_matrix_spec, memo_ranking_table
from tpt_model.evaluation.scoring import BrickResult, disagreement_rule
from tpt_model.formatting import count, table_text
from tpt_model.text import escape_markdown
from tpt_model.workshop.focus import QUESTIONS, FocusItemResult, focus_by_stage, focus_results
from tpt_model.workshop.records import Round, Snapshot
from tpt_model.workshop.results import compare_rounds, round_results

LARGE_FONTS = {
    "axis": {"labelFontSize": 18, "titleFontSize": 20},
    "legend": {"labelFontSize": 18, "titleFontSize": 20},
    "text": {"fontSize": 16},
    "title": {"fontSize": 22},
}


def evaluated(
    catalogue: Catalogue, snapshot: Snapshot, round_: Round
) -> tuple[EvaluationKey, list[BrickResult]]:
    """The round's results, computed once per revision of the workshop for every session."""
    workshop = snapshot.workshop
    key = evaluation_key(
        f"atelier:{workshop.id}:{round_.number}:{round_.state}", workshop.revision, round_.items, None, False
    )
    results = catalogue.memo.get(("workshop", key), lambda: round_results(catalogue, snapshot, round_))
    return key, results


def spread_table(catalogue: Catalogue, results: list[BrickResult]) -> pd.DataFrame:
    """Per brick: the gap between the lowest and highest score on each criterion, and the flag."""
    rows: dict[str, list[Any]] = {"Brique": [r.title for r in results]}
    for criterion in catalogue.programme.criteria:
        rows[f"Écart {criterion.label.lower()}"] = [r.criteria[criterion.id].gap for r in results]
    rows["Notes"] = [r.evaluators for r in results]
    rows["À discuter"] = [r.to_discuss for r in results]
    return table_text(pd.DataFrame(rows), flags={"À discuter": DISCUSS_BADGE})


def disputed_line(results: list[BrickResult]) -> str:
    """« À discuter (2) : Mentorat en ligne, Ordinateur offert », or that the group agrees."""
    disputed = [r.title for r in results if r.to_discuss]
    if not disputed:
        return "Aucune brique à discuter : le groupe est d'accord sur toutes celles qu'il a notées."
    return f"À discuter ({len(disputed)}) : {', '.join(disputed)}"


def large_type(spec: dict[str, Any]) -> dict[str, Any]:
    """A chart's spec with type readable from the back of a room (a copy: the memo's spec is shared)."""
    config = dict(spec.get("config") or {})
    for part, sizes in LARGE_FONTS.items():
        config[part] = {**(config.get(part) or {}), **sizes}
    return {**spec, "config": config, "height": 460}


def evaluation_results(
    catalogue: Catalogue,
    snapshot: Snapshot,
    round_: Round,
    *,
    matrix: bool,
    key_prefix: str,
    large: bool = False,
) -> None:
    """The ranking with its « à discuter » flag, the spread per brick, and (if asked) the priority matrix."""
    key, results = evaluated(catalogue, snapshot, round_)
    st.markdown(f"**{escape_markdown(disputed_line(results))}**")
    st.caption(escape_markdown(disagreement_rule(catalogue.programme)))
    if matrix:
        spec = memo_matrix_spec(catalogue, key, results, ("pertinence", "simplicite"))
        st.vega_lite_chart(large_type(spec) if large else spec)
    st.markdown("### Classement")
    ranking = memo_ranking_table(catalogue, key, results)
    if large:  # a table of large type, the first ten: a room reads no scrolling grid
        st.table(ranking.head(10).set_index("Rang"))
    else:
        st.dataframe(ranking, hide_index=True, width="stretch")
    if st.toggle("Voir l'écart des notes par brique", key=f"{key_prefix}_spread"):
        st.dataframe(spread_table(catalogue, results), hide_index=True, width="stretch")
    earlier = [r for r in snapshot.rounds if r.number < round_.number and r.state in ("revealed", "locked")]
    if earlier:
        _comparison(catalogue, snapshot, earlier[-1], results)


def _comparison(catalogue: Catalogue, snapshot: Snapshot, before: Round, after: list[BrickResult]) -> None:
    _, earlier = evaluated(catalogue, snapshot, before)
    compared = compare_rounds(earlier, after)
    if not compared:
        return
    st.markdown(f"### Par rapport au tour {before.number}")
    frame = pd.DataFrame(
        {
            "Brique": [c.title for c in compared],
            f"Total au tour {before.number}": [c.before_total for c in compared],
            "Total maintenant": [c.after_total for c in compared],
            f"À discuter au tour {before.number}": [c.before_disputed for c in compared],
            "À discuter maintenant": [c.after_disputed for c in compared],
        }
    )
    flags = {f"À discuter au tour {before.number}": DISCUSS_BADGE, "À discuter maintenant": DISCUSS_BADGE}
    st.dataframe(table_text(frame, flags=flags), hide_index=True, width="stretch")


def focus_table(results: list[FocusItemResult]) -> pd.DataFrame:
    """One line per brick or stage: how many answered, the mean of each scale question, the texts."""
    rows: dict[str, list[Any]] = {
        "": [r.label for r in results],
        "Réponses": [r.respondents for r in results],
    }
    for question in QUESTIONS:
        if question.scale:
            top = len(question.levels)
            rows[f"{question.brick_text} (sur {top})"] = [r.means.get(question.id) for r in results]
    rows["Ce qui manque"] = [" · ".join(r.texts) for r in results]
    return table_text(pd.DataFrame(rows))


def focus_group_results(catalogue: Catalogue, scenario: Scenario, snapshot: Snapshot, round_: Round) -> None:
    """A focus round's answers per brick or stage: counts and means, and what is missing, word for word."""
    results = catalogue.memo.get(
        ("focus", snapshot.workshop.id, round_.number, snapshot.workshop.revision),
        lambda: focus_results(catalogue, round_, snapshot.answers_of(round_.number)),
    )
    answered = len({a.participant_id for a in snapshot.answers_of(round_.number)})
    st.markdown(f"**{count(answered, 'participante a répondu', 'participantes ont répondu')}**")
    st.dataframe(focus_table(results), hide_index=True, width="stretch")
    if round_.item_kind == "brick" and st.toggle(
        "Regrouper par étape du parcours", key="workshop_focus_by_stage"
    ):
        by_stage = focus_by_stage(catalogue, scenario, round_, snapshot.answers_of(round_.number))
        st.dataframe(focus_table(by_stage), hide_index=True, width="stretch")
    for result in results:
        if result.texts:
            with st.expander(
                f"{result.label} : {count(len(result.texts), 'réponse libre', 'réponses libres')}"
            ):
                st.markdown("\n".join(f"- {escape_markdown(text)}" for text in result.texts))
