"""The projected screen: large type, strong contrast, no sidebar; the code and its QR code until hidden.

All of it is one fragment that redraws itself every few seconds from the workshop's snapshot, which
is read again only when the workshop's revision has moved (one cheap row otherwise).
"""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.formatting import count
from tpt_model.session.workshop import WorkshopAddress, join_link
from tpt_model.text import escape_markdown
from tpt_model.workshop.qr import qr_alt, qr_png
from tpt_model.workshop.records import Round, Snapshot
from tpt_model.workshop.results import finished_text, progress
from tpt_model.workshop.rounds import STATE_LABELS, results_visible
from ui.state import app_state
from ui.stores import workshop_store
from ui.workshop_participant import enter_workshop
from ui.workshop_results import evaluation_results, focus_group_results
from ui.workshop_shell import workshop_scenario

REFRESH_SECONDS = 2.0
PROGRESS_COLUMNS = 4


def _progress(snapshot: Snapshot, round_: Round) -> None:
    rows = progress(snapshot, round_)
    finished = sum(r.finished for r in rows)
    people = count(len(rows), "participante", "participantes")
    st.markdown(f"## {people} · {finished_text(finished)}")
    if snapshot.workshop.kind == "focus":
        return  # anonymous: counts only, no one's progress by name or number
    cols = st.columns(PROGRESS_COLUMNS)
    for i, row in enumerate(rows):
        text = f"{escape_markdown(row.participant.label)} · {row.done} / {row.total}"
        cols[i % PROGRESS_COLUMNS].progress(row.done / row.total if row.total else 0.0, text=text)


def _code_box(snapshot: Snapshot) -> None:
    workshop = snapshot.workshop
    link = join_link(st.context.url or "http://localhost:8501/atelier", workshop.code)
    st.html(f'<div class="tpt-code" aria-label="Code de l\'atelier">{workshop.code}</div>')
    st.image(
        qr_png(link, scale=8),
        width=260,
        caption="Scannez pour rejoindre",
        alt=qr_alt(workshop.code),
    )
    st.code(link, language=None, wrap_lines=True)


@st.fragment(run_every=REFRESH_SECONDS)
def projected(catalogue: Catalogue, workshop_id: str) -> None:
    """The projected screen, redrawn every few seconds."""
    snapshot = workshop_store().snapshot(workshop_id)
    workshop = snapshot.workshop
    current = snapshot.current
    main, side = st.columns([2, 1], gap="large") if workshop.show_code else (st.container(), None)
    with main:
        st.markdown(f"# {escape_markdown(workshop.title)}")
        if workshop.status == "closed":
            st.markdown("## L'atelier est clos. Merci à toutes et à tous !")
        elif current is None:
            st.markdown("## Rejoignez l'atelier : le premier tour va commencer.")
        else:
            st.markdown(f"## {escape_markdown(current.title)} · {STATE_LABELS[current.state]}")
            if not results_visible(current.state):
                _progress(snapshot, current)
    if side is not None:
        with side:
            _code_box(snapshot)
    if current is not None and results_visible(current.state):
        if workshop.kind == "focus":
            scenario = workshop_scenario(workshop.scenario_id, workshop.scenario_version)
            focus_group_results(catalogue, scenario, snapshot, current)
        else:
            evaluation_results(
                catalogue, snapshot, current, matrix=True, key_prefix="workshop_projector", large=True
            )


def projector_screen(catalogue: Catalogue, address: WorkshopAddress) -> None:
    """The workshop of the address's code, projected."""
    workshop = enter_workshop(app_state().workshop, address)
    projected(catalogue, workshop.id)
