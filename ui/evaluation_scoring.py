"""Scoring the bricks of a scenario one after the other: evaluator, progress, one form per brick."""

from collections.abc import Sequence
from functools import partial

import streamlit as st

from tpt_model.catalogue.card import brick_facts_markdown
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Criterion
from tpt_model.errors import InputError
from tpt_model.evaluation.form import (
    GROUP_EVALUATOR,
    MAX_EVALUATOR_LENGTH,
    check_evaluator,
    own_sheets,
    prefill,
)
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.evaluation.wording import level_label, progress_text
from tpt_model.session.app import AppState
from tpt_model.session.evaluation import EvaluationView, name_taken, save_and_advance
from tpt_model.text import escape_markdown
from ui.binding import bind, bound
from ui.stores import score_store

COMMENT_KEY = "eval_comment"
NAME_NEEDED = "Indiquez votre nom pour noter : il signe vos notes."


def score_key(criterion_id: str) -> str:
    """Widget key of a criterion's score in the form."""
    return f"eval_score_{criterion_id}"


def evaluator_picker(state: AppState) -> str | None:
    """Name field and consensus toggle; the name to save under, or None once what is missing is said."""
    view, author = state.evaluation, state.author
    st.toggle(
        "Noter en groupe (consensus)",
        key="eval_group",
        on_change=bound(view, "group", "eval_group"),
        help=f"Les notes décidées ensemble sont enregistrées sous le nom « {GROUP_EVALUATOR} ».",
    )
    if view.group:
        st.caption(f"Notes enregistrées sous le nom « {GROUP_EVALUATOR} ».")
    else:
        st.text_input(
            "Évaluatrice ou évaluateur",
            max_chars=MAX_EVALUATOR_LENGTH + 20,  # a longer name is refused with a message, not cut
            key="eval_name",
            on_change=bind(
                "eval_name",
                lambda: author if view.evaluator is None else view.evaluator,
                state.set_evaluator,
            ),
        )
    name = view.evaluator_name(author)
    if not name:  # nothing typed yet: say what to do, without an error on a page nobody has used
        st.info(NAME_NEEDED, icon=":material/person:")
        return None
    try:
        return check_evaluator(name)
    except InputError as err:
        st.error(escape_markdown(err.message), icon=":material/block:")
        return None


def _fill_form(
    catalogue: Catalogue, view: EvaluationView, brick: str, evaluator: str, sheet: ScoreSheet | None
) -> None:
    # The form's keys are the same for every brick: load the stored scores when the brick or the
    # evaluator changes, or when Streamlit dropped the values (another section or page was shown).
    keys = [score_key(c.id) for c in catalogue.programme.criteria] + [COMMENT_KEY]
    if view.form_for == (brick, evaluator) and all(k in st.session_state for k in keys):
        return
    for criterion_id, value in prefill(catalogue.programme, sheet).items():
        st.session_state[score_key(criterion_id)] = value
    st.session_state[COMMENT_KEY] = (sheet.comment or "") if sheet else ""
    view.form_for = (brick, evaluator)


def _save(
    catalogue: Catalogue, view: EvaluationView, bricks: Sequence[str], evaluator: str, step: int
) -> None:
    values = {c.id: st.session_state.get(score_key(c.id)) for c in catalogue.programme.criteria}
    comment = st.session_state.get(COMMENT_KEY)
    save_and_advance(view, score_store(), catalogue.programme, bricks, evaluator, values, comment, step)


def _navigation(
    catalogue: Catalogue, view: EvaluationView, bricks: Sequence[str], done: dict[str, ScoreSheet]
) -> None:
    total = len(bricks)
    st.progress((view.position + 1) / total, text=f"Brique {progress_text(view.position, total)}")
    left, right = st.columns(2)
    left.button(
        "← Précédente (sans enregistrer)",
        key="eval_prev",
        help="Les notes choisies pour la brique affichée ne sont pas enregistrées.",
        disabled=view.position == 0,
        on_click=view.step,
        args=(-1, total),
    )
    right.button(
        "Suivante (sans enregistrer) →",
        key="eval_next",
        help="Les notes choisies pour la brique affichée ne sont pas enregistrées.",
        disabled=view.position >= total - 1,
        on_click=view.step,
        args=(1, total),
    )
    st.selectbox(
        "Aller à la brique",
        range(total),
        format_func=lambda i: (
            f"{'✓' if bricks[i] in done else '○'} {i + 1}. {catalogue.brick(bricks[i]).title}"
        ),
        key="eval_jump",
        on_change=bound(view, "position", "eval_jump"),
    )


def scoring_panel(
    catalogue: Catalogue,
    view: EvaluationView,
    bricks: Sequence[str],
    sheets: list[ScoreSheet],
    evaluator: str,
) -> None:
    """Progress, previous/next, and the form of the current brick, pre-filled with the evaluator's scores."""
    view.clamp(len(bricks))
    if name_taken(view, evaluator, sheets):
        st.warning(
            f"Des notes existent déjà sous le nom « {escape_markdown(evaluator)} » dans ce scénario. "
            "Si ce sont les vôtres, reprenez-les ; sinon, choisissez un autre nom pour ne pas les remplacer.",
            icon=":material/person_alert:",
        )
        st.button(
            "Ce sont mes notes : les reprendre",
            key="eval_claim",
            on_click=view.claim,
            args=(evaluator,),
        )
        return
    done = own_sheets(sheets, evaluator)
    _navigation(catalogue, view, bricks, done)
    st.caption(
        f"{len(set(done) & set(bricks))} / {len(bricks)} briques notées par « {escape_markdown(evaluator)} »"
    )
    if view.notice is not None:
        (st.success if view.notice.ok else st.error)(escape_markdown(view.notice.message))
        view.notice = None  # said once
    brick = catalogue.brick(bricks[view.position])
    st.header(escape_markdown(brick.title))
    st.caption(escape_markdown(brick.summary))
    _fill_form(catalogue, view, brick.id, evaluator, done.get(brick.id))
    # The levels beside the brick's cost and hours: « caractère abordable » is judged on them.
    form_col, facts_col = st.columns([3, 2], gap="large")
    with facts_col, st.container(border=True):
        st.markdown("**Repères pour noter**")
        st.markdown(brick_facts_markdown(catalogue, brick))
    with form_col, st.form("eval_form"):
        for criterion in catalogue.programme.criteria:
            criterion_radio(criterion, score_key(criterion.id))
        st.text_area("Commentaire (facultatif)", max_chars=2000, key=COMMENT_KEY)
        # Saving moves on: choices made in a form are only kept when it is submitted.
        left, right = st.columns(2)
        left.form_submit_button(
            "← Enregistrer et précédente",
            key="eval_submit_back",
            disabled=view.position == 0,
            on_click=_save,
            args=(catalogue, view, list(bricks), evaluator, -1),
        )
        right.form_submit_button(
            "Enregistrer et suivante",
            type="primary",
            key="eval_submit",
            on_click=_save,
            args=(catalogue, view, list(bricks), evaluator, 1),
        )


def criterion_radio(criterion: Criterion, key: str) -> None:
    """One criterion's levels as radio buttons, none chosen, each level with its descriptor."""
    st.radio(
        criterion.label,
        list(range(criterion.scale.min, criterion.scale.max + 1)),
        index=None,
        format_func=partial(level_label, criterion),
        help=criterion.question,
        key=key,
    )
