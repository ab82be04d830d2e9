"""A participant's screen, made for a phone: join with a name (or none), answer item by item, see results.

The answering form is a fragment: saving reruns it alone, never the page. The page itself reruns
only when the facilitator changes something (a round opened, closed, revealed), which a small
fragment notices by polling the workshop's state revision every few seconds.
"""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import InputError
from tpt_model.evaluation.wording import progress_text
from tpt_model.session.workshop import (
    WorkshopAddress,
    WorkshopView,
    focus_values,
    save_answers,
    score_values,
    workshop_params,
)
from tpt_model.store.errors import StoreError
from tpt_model.text import escape_markdown
from tpt_model.workshop.errors import WrongToken
from tpt_model.workshop.focus import QUESTIONS, item_label, question_text
from tpt_model.workshop.records import Answer, Participant, Pass, Round, Workshop
from tpt_model.workshop.results import by_item
from ui.evaluation_scoring import criterion_radio
from ui.state import app_state
from ui.stores import workshop_store
from ui.workshop_results import evaluation_results
from ui.workshop_shell import client_key, refusals

# Every poll is a fragment run, and a run costs the server far more than its one-row read: while
# she answers, her own saves look at the workshop's state, and the poll is slower.
POLL_SECONDS = 3.0
POLL_WHILE_ANSWERING_SECONDS = 8.0
TEXT_KEY = "workshop_text"


def answer_key(question: str) -> str:
    """Widget key of a question's answer in the form."""
    return f"workshop_answer_{question}"


def enter_workshop(view: WorkshopView, address: WorkshopAddress) -> Workshop:
    """The workshop of the address's code (rate-limited when wrong), then as stored now."""
    assert address.code is not None
    store = workshop_store()
    if view.code != address.code or view.workshop_id is None:
        with refusals():
            found = store.find(address.code, client_key())
        view.enter(found.id, found.code)
    assert view.workshop_id is not None
    with refusals():
        return store.workshop(view.workshop_id)


def _participant(view: WorkshopView, workshop: Workshop, address: WorkshopAddress) -> Participant | None:
    """Who this session is in the workshop: the token of the address (a reload) or of the session."""
    if address.token and (view.pass_ is None or view.pass_.credential != address.token):
        view.pass_ = Pass(workshop_id=workshop.id, role="participant", credential=address.token)
    if view.pass_ is None or view.pass_.role != "participant":
        return None
    try:
        return workshop_store().resume(view.pass_)
    except WrongToken as err:
        view.pass_ = None
        st.query_params.from_dict(workshop_params(workshop.code))
        st.error(escape_markdown(err.message), icon=":material/person_off:")
        if err.removed:
            st.stop()
        return None
    except StoreError as err:
        st.error(err.message, icon=":material/database:")
        st.stop()


def _join_form(view: WorkshopView, workshop: Workshop) -> None:
    focus = workshop.kind == "focus"
    with st.form("workshop_join"):
        if focus:
            st.markdown(
                "Tes réponses sont **anonymes** : on ne te demande pas ton nom. Trois questions par étape."
            )
        else:
            st.text_input("Votre nom", max_chars=80, key="workshop_name", placeholder="Prénom Nom")
            st.checkbox(
                "J'accepte que mon nom figure dans le compte rendu de l'atelier", key="workshop_named"
            )
            st.caption(
                "Sans votre accord, le compte rendu compte les participantes et participants sans les nommer."
            )
        submitted = st.form_submit_button("C'est parti" if focus else "Rejoindre l'atelier", type="primary")
    if not submitted:
        return
    name = None if focus else st.session_state.get("workshop_name", "")
    try:
        _, pass_ = workshop_store().join(workshop.id, name, bool(st.session_state.get("workshop_named")))
    except (InputError, StoreError) as err:
        st.error(escape_markdown(err.message), icon=":material/block:")
        return
    view.pass_ = pass_
    # The token in the address: a reload, or the same link later, comes back to this place.
    st.query_params.from_dict(workshop_params(workshop.code, token=pass_.credential))
    st.rerun()


def _rerun_if_changed(workshop_id: str, seen: int) -> None:
    """Rerun the page when the facilitator changed something; otherwise one small read, nothing drawn."""
    try:
        _, state_revision = workshop_store().stamp(workshop_id)
    except (InputError, StoreError):
        return  # the next look tries again; the page says what is wrong when it reruns
    if state_revision != seen:
        st.rerun(scope="app")


@st.fragment(run_every=POLL_SECONDS)
def _watch(workshop_id: str, seen: int) -> None:
    """While she waits (no round, a closed one, results shown): look every few seconds."""
    _rerun_if_changed(workshop_id, seen)


@st.fragment(run_every=POLL_WHILE_ANSWERING_SECONDS)
def _watch_slowly(workshop_id: str, seen: int) -> None:
    """While she answers: her saves look too, so a slower look suffices."""
    _rerun_if_changed(workshop_id, seen)


def _fill_form(view: WorkshopView, round_: Round, item: str, answers: dict[str, dict[str, Answer]]) -> None:
    # The form's keys are the same for every item: load her stored answers when the item changes.
    keys = [answer_key(q) for q in round_.questions] + [TEXT_KEY]
    if view.form_for == (round_.number, item) and all(k in st.session_state for k in keys):
        return
    stored = answers.get(item, {})
    for question in round_.questions:
        answer = stored.get(question)
        st.session_state[answer_key(question)] = answer.value if answer is not None else None
    texts = [a.text for a in stored.values() if a.text]
    st.session_state[TEXT_KEY] = texts[0] if texts else ""
    view.form_for = (round_.number, item)


def _save(catalogue: Catalogue, workshop: Workshop, round_: Round, step: int) -> None:
    view = app_state().workshop
    levels = {q: st.session_state.get(answer_key(q)) for q in round_.questions}
    if workshop.kind == "focus":
        text = st.session_state.get(TEXT_KEY)
        save_answers(
            view,
            workshop_store(),
            round_,
            round_.items,
            lambda _item: focus_values(round_, levels, text),
            step,
        )
    else:
        save_answers(
            view,
            workshop_store(),
            round_,
            round_.items,
            lambda item: score_values(catalogue.programme, round_, item, levels),
            step,
        )


def _questions(catalogue: Catalogue, workshop: Workshop, round_: Round) -> None:
    if workshop.kind == "focus":
        for question in QUESTIONS:
            if question.id not in round_.questions:
                continue
            text = question_text(question, round_.item_kind)
            if question.scale:
                levels = question.levels
                st.radio(
                    text,
                    list(range(1, len(levels) + 1)),
                    index=None,
                    format_func=lambda v, lv=levels: lv[v - 1],
                    key=answer_key(question.id),
                )
            else:
                st.text_area(
                    text, max_chars=500, key=TEXT_KEY, placeholder="Écris ce qui te vient (facultatif)"
                )
        return
    for criterion in catalogue.programme.criteria:
        if criterion.id in round_.questions:
            criterion_radio(criterion, answer_key(criterion.id))


@st.fragment
def answering(catalogue: Catalogue, workshop: Workshop, round_: Round) -> None:
    """The current item and its questions; saving moves on and reruns only this fragment."""
    view = app_state().workshop
    assert view.pass_ is not None and view.seen_state is not None
    _rerun_if_changed(workshop.id, view.seen_state)  # a save may find the round closed or revealed
    items, focus = round_.items, workshop.kind == "focus"
    total = len(items)
    position = view.clamp(total)
    with refusals():
        mine = by_item(workshop_store().own_answers(view.pass_, round_.number))
    done = len(set(mine) & set(items))
    noun = "Étape" if round_.item_kind == "stage" else ("Action" if focus else "Brique")
    st.progress(
        (position + 1) / total, text=f"{noun} {progress_text(position, total)} · {done} / {total} faites"
    )
    if view.notice is not None:
        (st.success if view.notice.ok else st.error)(escape_markdown(view.notice.message))
        view.notice = None  # said once
    item = items[position]
    if round_.item_kind == "brick" and item in catalogue.bricks_by_id:
        brick = catalogue.brick(item)
        st.header(escape_markdown(brick.short_title if focus else brick.title))
        st.caption(escape_markdown(brick.summary))
    else:
        st.header(escape_markdown(item_label(catalogue, round_.item_kind, item)))
    _fill_form(view, round_, item, mine)
    with st.form("workshop_answer_form"):
        _questions(catalogue, workshop, round_)
        left, right = st.columns(2)
        left.form_submit_button(
            "← Précédente" if not focus else "← Retour",
            key="workshop_back",
            disabled=position == 0,
            on_click=_save,
            args=(catalogue, workshop, round_, -1),
        )
        right.form_submit_button(
            "Enregistrer et suivante" if not focus else "Suivant",
            type="primary",
            key="workshop_next",
            on_click=_save,
            args=(catalogue, workshop, round_, 1),
        )

    def jump() -> None:
        view.position = st.session_state["workshop_jump"]

    st.session_state["workshop_jump"] = position
    st.selectbox(
        "Aller à",
        range(total),
        format_func=lambda i: (
            f"{'✓' if items[i] in mine else '○'} {i + 1}. {item_label(catalogue, round_.item_kind, items[i])}"
        ),
        key="workshop_jump",
        on_change=jump,
    )


def participant_screen(catalogue: Catalogue, address: WorkshopAddress) -> None:
    """Join, then answer the current round, then see its results once revealed."""
    view = app_state().workshop
    workshop = enter_workshop(view, address)
    focus = workshop.kind == "focus"
    st.title(escape_markdown(workshop.title))
    participant = _participant(view, workshop, address)
    if participant is None:
        if workshop.status == "closed":
            st.info("Cet atelier est clos : il n'accepte plus personne.")
            return
        _join_form(view, workshop)
        return
    with refusals():
        _, state_revision = workshop_store().stamp(workshop.id)
        rounds = workshop_store().rounds(workshop.id, state_revision)
    current = rounds[-1] if rounds else None
    view.follow(current)
    view.seen_state = state_revision
    who = "anonyme" if participant.name is None else escape_markdown(participant.name)
    st.caption(f"Vous participez : {who}" if not focus else "Tu participes de façon anonyme.")
    if workshop.status == "closed":
        st.success(
            "L'atelier est clos. Merci de votre participation !" if not focus else "C'est fini, merci à toi !"
        )
        return
    if current is not None and current.state == "open":
        _watch_slowly(workshop.id, state_revision)
    else:
        _watch(workshop.id, state_revision)
    if current is None:
        st.info(
            "Le premier tour n'est pas encore ouvert : cette page se met à jour toute seule."
            if not focus
            else "Ça va commencer : cette page se met à jour toute seule."
        )
    elif current.state == "open":
        st.markdown(
            f"**{escape_markdown(current.title)}** · vos réponses restent cachées jusqu'à la révélation"
            if not focus
            else f"**{escape_markdown(current.title)}** · personne ne voit tes réponses"
        )
        answering(catalogue, workshop, current)
    elif current.state == "closed":
        st.info(f"« {escape_markdown(current.title)} » est fermé : les résultats arrivent à l'écran.")
    elif focus:
        st.success("Merci ! Les réponses du groupe sont à l'écran.")
    else:
        st.markdown(f"## Résultats · {escape_markdown(current.title)}")
        with refusals():
            snapshot = workshop_store().snapshot(workshop.id)
        evaluation_results(catalogue, snapshot, current, matrix=False, key_prefix="workshop_participant")
    st.caption("Gardez cette page ouverte : son adresse vous ramène à votre place si vous la rechargez.")
