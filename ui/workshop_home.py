"""The workshop page without a code: join a workshop with its code, or open one on a scenario."""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import InputError
from tpt_model.i18n import _, mark_
from tpt_model.session.workshop import workshop_params
from tpt_model.store.errors import StoreError
from tpt_model.text import escape_markdown
from tpt_model.workshop.records import KIND_LABELS, Kind
from ui.open_scenario import open_scenario
from ui.state import app_state
from ui.store_errors import store_errors
from ui.stores import workshop_store
from ui.workshop_shell import client_key

KIND_HELP: dict[Kind, str] = {
    "evaluation": (
        mark_(
            "Le groupe de travail note les briques sur les critères du programme, chacune sur son appareil."
        )
    ),
    "focus": (
        mark_(
            "Des lycéennes, étudiantes ou jeunes professionnelles répondent, sans donner leur nom, à trois "
            "questions courtes sur chaque action ou chaque étape."
        )
    ),
}


def join_box() -> None:
    """« Rejoindre un atelier »: the code shown on the projector."""
    with st.container(border=True):
        st.markdown(_("## Rejoindre un atelier"))
        with st.form("workshop_join_code", border=False):
            st.text_input(
                _("Code de l'atelier"), max_chars=12, placeholder=_("ex. : K7M2QX"), key="workshop_code"
            )
            joined = st.form_submit_button(_("Rejoindre"), type="primary")
        if joined:
            try:
                found = workshop_store().find(st.session_state.get("workshop_code", ""), client_key())
            except (InputError, StoreError) as err:
                st.error(escape_markdown(err.message), icon=":material/block:")
                return
            app_state().workshop.enter(found.id, found.code)
            st.query_params.from_dict(workshop_params(found.code))
            st.rerun()


def open_box(catalogue: Catalogue) -> None:
    """« Ouvrir un atelier » on a version of a saved scenario; its facilitator's link comes next."""
    opened = open_scenario(catalogue)
    opened.follow()  # opening a workshop changes no scenario: the newest version can show first
    state, store = opened.state, opened.store
    with store_errors():
        infos = store.list()
    by_id = {info.id: info for info in infos}
    with st.container(border=True):
        st.markdown(_("## Ouvrir un atelier"))
        st.caption(_("Vous l'animerez : un lien d'animation, à garder pour vous, vous sera donné."))
        kind = st.radio(
            _("Type d'atelier"),
            list(KIND_LABELS),
            format_func=lambda kind: _(KIND_LABELS[kind]),
            key="workshop_new_kind",
            horizontal=True,
        )
        st.caption(_(KIND_HELP[kind]))
        ids = list(by_id)
        current = state.frise.scenario_id
        scenario_id = st.selectbox(
            _("Scénario"),
            ids,
            index=ids.index(current) if current in by_id else 0,
            format_func=lambda i: f"{by_id[i].name} (version {by_id[i].version})",
            key="workshop_new_scenario",
        )
        title = st.text_input(_("Titre de l'atelier"), max_chars=100, key="workshop_new_title")
        if st.button(_("Ouvrir l'atelier"), type="primary", key="workshop_open", icon=":material/groups:"):
            info = by_id[scenario_id]
            try:
                workshop, facilitator = workshop_store().create(info.id, info.version, title, kind)
            except (InputError, StoreError) as err:
                st.error(escape_markdown(err.message))
                return
            view = state.workshop
            view.enter(workshop.id, workshop.code)
            view.pass_, view.just_opened = facilitator, True
            st.query_params.from_dict(workshop_params(workshop.code, secret=facilitator.credential))
            st.rerun()
