"""The facilitator's screen: the join code to show, the rounds to run, the room's progress, the results."""

from collections.abc import Callable

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.evaluation.form import scenario_bricks
from tpt_model.formatting import count
from tpt_model.session.workshop import WorkshopAddress, WorkshopNotice, WorkshopView, join_link
from tpt_model.store.errors import StoreError
from tpt_model.text import escape_markdown
from tpt_model.workshop.focus import QUESTIONS, item_label
from tpt_model.workshop.qr import qr_alt, qr_png
from tpt_model.workshop.records import KIND_LABELS, ItemKind, Round, Snapshot, Workshop
from tpt_model.workshop.results import disputed_bricks, finished_text, progress
from tpt_model.workshop.roles import ACTIONS, Action
from tpt_model.workshop.rounds import STATE_LABELS, can_change, phase_bricks, results_visible, stage_items
from ui.state import app_state
from ui.stores import workshop_store
from ui.workshop_results import evaluated, evaluation_results, focus_group_results
from ui.workshop_shell import client_key, refusals, workshop_scenario

LIVE_SECONDS = 3.0
# What a new round can be about, for a working group.
SELECTIONS = {
    "all": "Tout le scénario",
    "phase": "Une phase",
    "chosen": "Quelques briques",
    "disputed": "Les briques « à discuter » d'un tour révélé",
}
# Action, button, icon, what is said once done (« {n} » is the round's number).
ROUND_ACTIONS: list[tuple[Action, str, str, str]] = [
    ("close_round", "Fermer", ":material/stop_circle:", "Tour {n} fermé : il n'accepte plus de réponses."),
    ("reopen_round", "Rouvrir", ":material/play_circle:", "Tour {n} rouvert."),
    ("reveal_round", "Révéler", ":material/visibility:", "Résultats du tour {n} révélés."),
    ("lock_round", "Verrouiller", ":material/lock:", "Tour {n} verrouillé : plus aucun changement."),
]


def _act(view: WorkshopView, action: Callable[[], object], success: str) -> None:
    """Run a facilitator's action; its outcome is said once at the next run."""
    try:
        action()
    except (InputError, StoreError) as err:
        view.notice = WorkshopNotice(ok=False, message=err.message)
    else:
        view.notice = WorkshopNotice(ok=True, message=success)


def authorise(view: WorkshopView, address: WorkshopAddress) -> str:
    """The facilitator's pass for the address's code and secret (checked once per session, rate-limited)."""
    assert address.code is not None and address.secret is not None
    held = view.pass_
    if (
        held is None
        or held.role != "facilitator"
        or held.credential != address.secret
        or view.code != address.code
    ):
        with refusals():
            granted = workshop_store().facilitate(address.code, address.secret, client_key())
        view.enter(granted.workshop_id, address.code)
        view.pass_ = granted
    assert view.workshop_id is not None
    return view.workshop_id


def join_panel(view: WorkshopView, workshop: Workshop) -> None:
    """The code, the join link and its QR code; the projector's link; show or hide the code there."""
    url = st.context.url or "http://localhost:8501/atelier"
    link = join_link(url, workshop.code)
    st.markdown(f"## Code : `{workshop.code}`")
    st.caption("Lien à donner aux participantes (ou le QR code) :")
    st.code(link, language=None, wrap_lines=True)  # no scrolling box a keyboard cannot reach
    st.image(qr_png(link, scale=5), width=180, alt=qr_alt(workshop.code))
    st.caption("Écran projeté (sans barre latérale, en grand), à ouvrir sur l'ordinateur du projecteur :")
    st.code(join_link(url, workshop.code, projector=True), language=None, wrap_lines=True)
    assert view.pass_ is not None
    pass_ = view.pass_
    shown = workshop.show_code
    st.button(
        "Masquer le code à l'écran" if shown else "Afficher le code à l'écran",
        key="workshop_toggle_code",
        icon=":material/qr_code_2:",
        on_click=_act,
        args=(view, lambda: workshop_store().show_code(pass_, not shown), "Écran projeté mis à jour."),
    )
    with st.expander("Votre lien d'animation (à garder pour vous)", expanded=view.just_opened):
        st.caption(
            "Il est le seul moyen d'animer cet atelier (ouvrir, révéler, verrouiller les tours, retirer "
            "quelqu'un). Ne le projetez pas, ne l'envoyez pas aux participantes."
        )
        st.code(join_link(url, workshop.code, secret=pass_.credential), language=None, wrap_lines=True)
    view.just_opened = False


def _round_items(
    catalogue: Catalogue, scenario: Scenario, snapshot: Snapshot
) -> tuple[list[str], ItemKind] | None:
    """The items of the round to open, as chosen in the form, and their kind; None until chosen."""
    workshop = snapshot.workshop
    if workshop.kind == "focus":
        about = st.radio(
            "Questions posées",
            ["brick", "stage"],
            horizontal=True,
            key="workshop_round_about",
            format_func=lambda k: "Sur chaque action" if k == "brick" else "Sur chaque étape du parcours",
        )
        if about == "stage":
            return stage_items(catalogue, scenario), "stage"
        return scenario_bricks(catalogue, scenario), "brick"
    bricks = scenario_bricks(catalogue, scenario)
    mode = st.radio(
        "Briques du tour", list(SELECTIONS), format_func=SELECTIONS.__getitem__, key="workshop_round_mode"
    )
    if mode == "phase":
        phases = {p.id: p.label for p in catalogue.programme.phases}
        phase = st.selectbox(
            "Phase", list(phases), format_func=phases.__getitem__, key="workshop_round_phase"
        )
        return phase_bricks(catalogue, scenario, phase), "brick"
    if mode == "chosen":
        chosen = st.multiselect(
            "Briques", bricks, format_func=lambda b: catalogue.brick(b).title, key="workshop_round_bricks"
        )
        return chosen, "brick"
    if mode == "disputed":
        revealed = [r for r in snapshot.rounds if results_visible(r.state)]
        if not revealed:
            st.info("Aucun tour n'est encore révélé.")
            return None
        number = st.selectbox(
            "Tour",
            [r.number for r in revealed],
            index=len(revealed) - 1,
            key="workshop_round_from",
            format_func=lambda n: f"Tour {n}",
        )
        source = next(r for r in revealed if r.number == number)
        _, results = evaluated(catalogue, snapshot, source)
        disputed = disputed_bricks(results)
        st.caption(f"{count(len(disputed), 'brique à discuter', 'briques à discuter')} au tour {number}.")
        return disputed, "brick"
    return bricks, "brick"


def new_round_panel(view: WorkshopView, catalogue: Catalogue, scenario: Scenario, snapshot: Snapshot) -> None:
    """Open the next round: on which bricks (or stages), with which criteria (or questions)."""
    number = len(snapshot.rounds) + 1
    with st.expander(f"Ouvrir le tour {number}", expanded=not snapshot.rounds, icon=":material/add_circle:"):
        chosen = _round_items(catalogue, scenario, snapshot)
        if snapshot.workshop.kind == "focus":
            questions = [q.id for q in QUESTIONS]
        else:
            labels = {c.id: c.label for c in catalogue.programme.criteria}
            st.session_state.setdefault("workshop_round_criteria", list(labels))
            questions = st.multiselect(
                "Critères à noter",
                list(labels),
                format_func=labels.__getitem__,
                key="workshop_round_criteria",
            )
        title = st.text_input("Titre du tour (facultatif)", max_chars=80, key="workshop_round_title")
        if chosen is not None:
            items, item_kind = chosen
            st.caption(f"{count(len(items), 'élément', 'éléments')} dans ce tour.")
        current = snapshot.current
        if current is not None and current.state == "open":
            st.caption(f"Ouvrir ce tour ferme le tour {current.number}.")
        if st.button(
            f"Ouvrir le tour {number}", type="primary", key="workshop_open_round", disabled=chosen is None
        ):
            assert chosen is not None and view.pass_ is not None
            pass_ = view.pass_
            _act(
                view,
                lambda: workshop_store().open_round(pass_, title, item_kind, items, questions),
                f"Tour {number} ouvert : les participantes peuvent répondre.",
            )
            st.rerun()


def round_controls(view: WorkshopView, round_: Round) -> None:
    """The buttons that move the current round along: close, reopen, reveal, lock."""
    assert view.pass_ is not None
    pass_ = view.pass_
    st.markdown(f"## {escape_markdown(round_.title)} · {STATE_LABELS[round_.state]}")
    cols = st.columns(len(ROUND_ACTIONS))
    for col, (action, label, icon, done) in zip(cols, ROUND_ACTIONS, strict=True):
        col.button(
            label,
            key=f"workshop_{action}",
            icon=icon,
            help=ACTIONS[action].capitalize(),
            width="stretch",
            disabled=not can_change(round_.state, action),
            on_click=_act,
            args=(
                view,
                lambda a=action: workshop_store().change_round(pass_, round_.number, a),
                done.format(n=round_.number),
            ),
        )


@st.fragment(run_every=LIVE_SECONDS)
def live_progress(workshop_id: str, number: int) -> None:
    """Who has answered how many items of the round, refreshed every few seconds (never the answers)."""
    snapshot = workshop_store().snapshot(workshop_id)  # read again only when the revision moved
    round_ = snapshot.round(number)
    if round_ is None:
        return
    rows = progress(snapshot, round_)
    finished = sum(r.finished for r in rows)
    st.markdown(
        f"**{count(len(rows), 'participante', 'participantes')}** · {finished_text(finished)} · "
        f"{count(len(round_.items), 'élément', 'éléments')} dans le tour"
    )
    if rows:
        st.dataframe(
            {
                "Participante": [r.participant.label for r in rows],
                "Fait": [f"{r.done} / {r.total}" for r in rows],
            },
            hide_index=True,
            width="stretch",
            height=min(400, 38 + 35 * len(rows)),
        )


def participants_panel(view: WorkshopView, snapshot: Snapshot) -> None:
    """Everyone who joined, with a button to remove someone (a duplicate, a mistaken join)."""
    present = snapshot.present
    with st.expander(f"Participantes et participants ({len(present)})", icon=":material/group:"):
        if not present:
            st.caption("Personne n'a encore rejoint l'atelier.")
        assert view.pass_ is not None
        pass_ = view.pass_
        for participant in present:
            cols = st.columns([4, 1], vertical_alignment="center")
            named = " · nommée dans le compte rendu" if participant.named_in_report else ""
            cols[0].markdown(f"{escape_markdown(participant.label)}{named}")
            cols[1].button(
                "Retirer",
                key=f"workshop_remove_{participant.id}",
                on_click=_act,
                args=(
                    view,
                    lambda pid=participant.id: workshop_store().remove(pass_, pid),
                    f"{participant.label} a été retiré(e) de l'atelier.",
                ),
            )


def round_name(snapshot: Snapshot, number: int) -> str:
    """« Tour 2 », or « Tour 2 : Briques à discuter » when the round has a title of its own."""
    round_ = snapshot.round(number)
    title = round_.title if round_ is not None else ""
    return f"Tour {number}" if title in ("", f"Tour {number}") else f"Tour {number} : {title}"


def results_panel(catalogue: Catalogue, scenario: Scenario, snapshot: Snapshot) -> None:
    """The results of the revealed rounds (the last one first)."""
    revealed = [r for r in snapshot.rounds if results_visible(r.state)]
    if not revealed:
        return
    st.markdown("## Résultats")
    number = st.selectbox(
        "Tour",
        [r.number for r in reversed(revealed)],
        format_func=lambda n: round_name(snapshot, n),
        key="workshop_results_round",
    )
    round_ = snapshot.round(number)
    assert round_ is not None
    if snapshot.workshop.kind == "focus":
        focus_group_results(catalogue, scenario, snapshot, round_)
    else:
        evaluation_results(catalogue, snapshot, round_, matrix=True, key_prefix="workshop_facilitator")


def close_panel(view: WorkshopView, workshop: Workshop) -> None:
    """Close the workshop (its code stops working): asked twice."""
    if workshop.status == "closed":
        st.info("Cet atelier est clos : son code ne fonctionne plus ; ses résultats restent ici.")
        return
    assert view.pass_ is not None
    pass_ = view.pass_
    with st.expander("Clore l'atelier", icon=":material/door_front:"):
        st.caption(
            "Le code ne fonctionnera plus ; un tour ouvert est fermé. Les résultats restent consultables."
        )
        if st.checkbox("Je veux clore cet atelier", key="workshop_close_confirm"):
            st.button(
                "Clore l'atelier",
                key="workshop_close",
                on_click=_act,
                args=(view, lambda: workshop_store().close(pass_), "Atelier clos."),
            )


def facilitator_screen(catalogue: Catalogue, address: WorkshopAddress) -> None:
    """Everything the facilitator runs the workshop with."""
    view = app_state().workshop
    workshop_id = authorise(view, address)
    with refusals():
        snapshot = workshop_store().snapshot(workshop_id)
    workshop = snapshot.workshop
    scenario = workshop_scenario(workshop.scenario_id, workshop.scenario_version)
    st.title(escape_markdown(workshop.title))
    st.caption(
        f"{KIND_LABELS[workshop.kind]} · scénario « {escape_markdown(scenario.name)} », version "
        f"{workshop.scenario_version} · {'ouvert' if workshop.status == 'open' else 'clos'}"
    )
    if view.notice is not None:
        (st.success if view.notice.ok else st.error)(escape_markdown(view.notice.message))
        view.notice = None
    left, right = st.columns([1, 2], gap="large")
    with left, st.container(border=True):
        join_panel(view, workshop)
    with right:
        current = snapshot.current
        if current is not None:
            round_controls(view, current)
            if not results_visible(current.state):
                live_progress(workshop.id, current.number)
            if workshop.kind == "focus":
                items = ", ".join(item_label(catalogue, current.item_kind, i) for i in current.items[:8])
                st.caption(f"Sur : {escape_markdown(items)}{'…' if len(current.items) > 8 else ''}")
        else:
            st.info("Aucun tour pour l'instant : ouvrez le premier ci-dessous.")
        if workshop.status == "open":
            new_round_panel(view, catalogue, scenario, snapshot)
        participants_panel(view, snapshot)
        close_panel(view, workshop)
    results_panel(catalogue, scenario, snapshot)
