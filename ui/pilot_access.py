"""Who holds the pilot role in this session: the secret's form, the identity provider, or no one."""

import streamlit as st

from tpt_model.errors import InputError
from tpt_model.i18n import _
from tpt_model.session.app import AppState
from tpt_model.session.pilot import Pilot, editor_off, editor_off_text, pilot_from_login, unlock_with_secret
from tpt_model.store.errors import StoreError
from ui.settings import app_settings
from ui.stores import pilot_attempt_store

SECRET = "pilot_secret"
NAME = "pilot_name"


def login_configured() -> bool:
    """Whether an identity provider is set up for `st.login` (an [auth] section in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file (or an unreadable one): no login
        return False


def current_pilot(state: AppState) -> Pilot | None:
    """The session's pilot: the signed-in user when she is one, else whoever unlocked the secret."""
    if login_configured() and st.user.is_logged_in:
        user = st.user.to_dict()
        pilot = pilot_from_login(app_settings(), True, str(user.get("name", "")), str(user.get("email", "")))
        if pilot is not None:
            return pilot
    return state.editor.pilot


def _unlock(state: AppState) -> None:
    typed = st.session_state.get(SECRET, "")
    name = st.session_state.get(NAME, "")
    st.session_state[SECRET] = ""  # the secret never stays in the page's state
    try:
        pilot = unlock_with_secret(pilot_attempt_store(), app_settings(), typed, name, state.token)
    except (InputError, StoreError) as err:
        st.session_state["pilot_refusal"] = err.message
        return
    state.editor.pilot = pilot
    if not state.author:
        state.answer_name(pilot.name)


def pilot_gate(state: AppState) -> Pilot | None:
    """The pilot holding the role, or what to do to get it (drawn here) and None."""
    pilot = current_pilot(state)
    if pilot is not None:
        return pilot
    settings, login = app_settings(), login_configured()
    if editor_off(settings, login):
        st.info(editor_off_text(), icon=":material/lock:")
        return None
    st.markdown(
        _("**Réservé aux pilotes du catalogue.** Les autres pages restent ouvertes à toutes et à tous.")
    )
    if login:
        if st.user.is_logged_in:
            st.warning(
                _("Votre compte n'est pas parmi ceux des pilotes (TPT_PILOT_EMAILS)."), icon=":material/lock:"
            )
        else:
            st.button(_("Se connecter"), icon=":material/login:", key="pilot_login", on_click=st.login)
    if settings.pilot_secret is not None:
        with st.form("pilot_unlock", border=True):
            st.text_input(_("Votre nom"), key=NAME, value=state.author, max_chars=60)
            st.text_input(_("Secret des pilotes"), key=SECRET, type="password")
            st.form_submit_button(
                _("Ouvrir le rôle de pilote"), on_click=_unlock, args=(state,), type="primary"
            )
        st.caption(
            _(
                "Le secret est donné aux pilotes par la personne qui déploie l'application. Après quelques "
                "essais manqués, le rôle reste fermé un quart d'heure."
            )
        )
        refusal = st.session_state.pop("pilot_refusal", None)
        if refusal:
            st.error(refusal, icon=":material/lock:")
    return None


def leave_role(state: AppState) -> None:
    """Give up the pilot role in this session (a signed-in pilot signs out)."""
    state.editor.pilot = None
    state.editor.close()
    state.editor.section = "parcourir"
    if login_configured() and st.user.is_logged_in:
        st.logout()
