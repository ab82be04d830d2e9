"""The page's address: what a session shares (the scenario, the frise's view, the section) and its token.

A reloaded page (F5) or a link opens what its address says. Every value is checked one by one: a
malformed or unknown one is ignored, never an error, and nothing is ever unpickled from an
address. The session's token (`s`) is a random code that only names a row of the `sessions` table,
where the name typed and the last scenario are kept (see `store/sessions.py`).
"""

import re
import secrets
import uuid
from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

from pydantic import ValidationError

from tpt_model.frise.display import FriseDisplay, parse_view
from tpt_model.frise.rows import FriseOptions
from tpt_model.i18n import DEFAULT_LANGUAGE, parse_language
from tpt_model.session.app import AppState
from tpt_model.session.evaluation import SECTIONS
from tpt_model.store.sessions import SessionRecord

__all__ = [
    "FRISE_PARAMS",
    "LANGUAGE",
    "PHASE",
    "VIEW",
    "YEARLY",
    "SCENARIO",
    "SECTION",
    "TOKEN",
    "Page",
    "address_params",
    "new_token",
    "read_address",
    "share_link",
    "to_keep",
    "token_from",
]

TOKEN = "s"
LANGUAGE = "lang"  # `?lang=en`: the app in English
SCENARIO = "scenario"
SECTION = "section"
# Address parameter → the frise option it sets; only options that differ from the default are written.
FRISE_PARAMS = {
    "couloirs": "lane_mode",
    "parcours": "track",
    "sortie": "exit",
    "persona": "persona",
    "cohorte": "cohort_year",
}

# The frise's view (`?vue=presentation`, `?vue=telephone`), its phase shown alone, the yearly moments drawn.
VIEW, PHASE, YEARLY = "vue", "phase", "annuels"

Page = Literal["frise", "evaluation", "other"]

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_ID = re.compile(r"[a-z0-9_-]{1,80}")  # ids of the catalogue and of the option lists
_YEAR = re.compile(r"[0-9]{4}")
_PHASE = re.compile(r"[1-9]")


def new_token() -> str:
    """A new session token: random, unguessable, safe in an address."""
    return secrets.token_urlsafe(18)


def token_from(params: Mapping[str, str]) -> str | None:
    """The session token of an address, if it has a well-formed one."""
    token = params.get(TOKEN, "")
    return token if _TOKEN.fullmatch(token) else None


def _scenario_id(value: str) -> str | None:
    # Store ids are UUIDs: anything else cannot name a scenario.
    try:
        return value if str(uuid.UUID(value)) == value else None
    except ValueError:
        return None


def _option(name: str, value: str) -> object | None:
    """The option value an address parameter may hold (None when malformed)."""
    if name == "cohort_year":
        return int(value) if _YEAR.fullmatch(value) else None
    return value if _ID.fullmatch(value) else None


def _read_options(state: AppState, params: Mapping[str, str]) -> None:
    options = state.frise.options.model_dump()
    for param, name in FRISE_PARAMS.items():
        value = _option(name, params.get(param, ""))
        if value is None:
            continue
        try:  # one option at a time: a bad one does not drop the good ones
            FriseOptions.model_validate({**options, name: value})
        except ValidationError:
            continue
        options[name] = value
    state.frise.options = FriseOptions.model_validate(options)


def _read_display(state: AppState, params: Mapping[str, str], phone: bool) -> None:
    """The frise's view of the address; a phone without one gets the phone view."""
    display = state.frise.display
    view = parse_view(params.get(VIEW)) or ("telephone" if phone else None)
    if view is not None:
        display = display.model_copy(update={"view": view})
    phase = params.get(PHASE, "")
    if _PHASE.fullmatch(phase):
        display = display.model_copy(update={"phase": int(phase)})
    if params.get(YEARLY) in ("1", "oui"):
        display = display.model_copy(update={"yearly": True})
    state.frise.display = FriseDisplay.model_validate(display.model_dump())


def read_address(
    state: AppState, params: Mapping[str, str], kept: SessionRecord | None, *, phone: bool = False
) -> None:
    """Take what a reloaded page or a link asks for, and what its session kept (name, last scenario).

    The scenario of the address wins over the session's last one; unknown or malformed values are
    ignored (a scenario that no longer exists is replaced by the default when the page opens one).
    A phone (`phone`) opens the frise's phone view unless the address names a view.
    """
    if kept is not None:
        state.author = kept.author
        state.name_asked = True
        state.frise.scenario_id = kept.scenario_id
    scenario = _scenario_id(params.get(SCENARIO, ""))
    if scenario is not None:
        state.frise.scenario_id = scenario
    _read_options(state, params)
    language = parse_language(params.get(LANGUAGE))
    if language is not None:
        state.language = language
    state.phone = phone
    _read_display(state, params, phone)
    for section in SECTIONS:  # the section's own typed name, not the address's text
        if params.get(SECTION) == section:
            state.evaluation.section = section


def share_link(page_url: str, page_path: str, scenario_id: str) -> str:
    """The frise's address with this scenario and nothing personal (no token): what to send a colleague.

    `page_url` is the address of the page shown, `page_path` its last segment (« scenarios »).
    """
    parts = urlsplit(page_url)
    path = parts.path.removesuffix(page_path).rstrip("/") + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode({SCENARIO: scenario_id}), ""))


def to_keep(state: AppState) -> tuple[str, str | None] | None:
    """The name and scenario to write under the session's token, when they changed since last kept."""
    now = (state.author, state.frise.scenario_id)
    return None if state.token is None or state.kept == now else now


def _display_params(display: FriseDisplay, phone: bool) -> dict[str, str]:
    """The view's parameters: none for the normal view, unless a phone chose it (it opens its own)."""
    params: dict[str, str] = {}
    if display.one_phase:
        params[VIEW], params[PHASE] = display.view, str(display.phase)
    elif phone:
        params[VIEW] = display.view
    if display.yearly:
        params[YEARLY] = "1"
    return params


def address_params(state: AppState, page: Page) -> dict[str, str]:
    """What the address of `page` says for this session: its token, scenario, language, that page's view."""
    params: dict[str, str] = {}
    if state.token:
        params[TOKEN] = state.token
    if state.frise.scenario_id:
        params[SCENARIO] = state.frise.scenario_id
    if state.language != DEFAULT_LANGUAGE:
        params[LANGUAGE] = state.language
    if page == "frise":
        options, default = state.frise.options.model_dump(), FriseOptions().model_dump()
        for param, name in FRISE_PARAMS.items():
            if options[name] != default[name]:
                params[param] = str(options[name])
        params.update(_display_params(state.frise.display, state.phone))
    elif page == "evaluation" and state.evaluation.section != "score":
        params[SECTION] = state.evaluation.section
    return params
