"""The workshop page's part of the session: its address, the pass it holds, where the participant is.

Beside it, the services that turn a submitted form into checked answers and save them, with every
refusal turned into a French notice.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.programme import Programme
from tpt_model.errors import InputError
from tpt_model.evaluation.form import build_sheet
from tpt_model.i18n import _
from tpt_model.store.errors import StoreBusyError, StoreError
from tpt_model.store.workshops import AnswerValue, WorkshopStore
from tpt_model.workshop.codes import normalise_code, well_formed_code, well_formed_credential
from tpt_model.workshop.focus import QUESTIONS, check_focus_answer
from tpt_model.workshop.records import Pass, Round

__all__ = [
    "CODE",
    "FACILITATOR",
    "PARTICIPANT",
    "PROJECTOR",
    "VIEW",
    "WorkshopAddress",
    "WorkshopNotice",
    "WorkshopView",
    "focus_values",
    "join_link",
    "read_workshop_address",
    "save_answers",
    "score_values",
    "workshop_params",
]

CODE = "atelier"
PARTICIPANT = "p"
FACILITATOR = "animation"
VIEW = "vue"
PROJECTOR = "projecteur"

Screen = Literal["home", "participant", "facilitator", "projector"]


@dataclass(frozen=True, slots=True)
class WorkshopAddress:
    """What the address of the workshop page asks for; malformed values are left out, never an error."""

    code: str | None = None
    token: str | None = None
    secret: str | None = None
    projector: bool = False

    @property
    def screen(self) -> Screen:
        """Which view the page draws."""
        if self.code is None:
            return "home"
        if self.projector:
            return "projector"
        return "facilitator" if self.secret is not None else "participant"


def read_workshop_address(params: Mapping[str, str]) -> WorkshopAddress:
    """The workshop, the participant's token, the facilitator's secret and the view an address names."""
    code = normalise_code(params.get(CODE, ""))
    token, secret = params.get(PARTICIPANT, ""), params.get(FACILITATOR, "")
    return WorkshopAddress(
        code=code if well_formed_code(code) else None,
        token=token if well_formed_credential(token) else None,
        secret=secret if well_formed_credential(secret) else None,
        projector=params.get(VIEW) == PROJECTOR,
    )


def workshop_params(
    code: str, *, token: str | None = None, secret: str | None = None, projector: bool = False
) -> dict[str, str]:
    """The address parameters of a workshop's page for a participant, its facilitator or its projector."""
    params = {CODE: code}
    if token:
        params[PARTICIPANT] = token
    if secret:
        params[FACILITATOR] = secret
    if projector:
        params[VIEW] = PROJECTOR
    return params


def join_link(
    app_url: str, code: str, *, token: str | None = None, secret: str | None = None, projector: bool = False
) -> str:
    """The address of the workshop page: `…/atelier?atelier=CODE` (with a token, secret or view if given)."""
    parts = urlsplit(app_url)
    path = parts.path.rstrip("/")
    path = path[: path.rfind("/")] if path.rsplit("/", 1)[-1] == "atelier" else path
    query = urlencode(workshop_params(code, token=token, secret=secret, projector=projector))
    return urlunsplit((parts.scheme, parts.netloc, f"{path}/atelier", query, ""))


class WorkshopNotice(BaseModel):
    """What to tell the user after an action: a success or a refusal, in French."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    message: str


class WorkshopView(BaseModel):
    """The workshop page's part of the session state."""

    model_config = ConfigDict(validate_assignment=True)

    workshop_id: str | None = None
    code: str | None = None
    pass_: Pass | None = None
    # The state revision the participant's page was last drawn at: it reruns when it moves.
    seen_state: int | None = None
    round_number: int | None = None
    position: int = 0
    notice: WorkshopNotice | None = None
    # The (round, item) whose stored answers the form was last filled with.
    form_for: tuple[int, str] | None = None
    # The facilitator just opened the workshop: her secret link is shown once, in full.
    just_opened: bool = False

    def enter(self, workshop_id: str, code: str) -> None:
        """Look at this workshop (another one forgets the pass and the place of the previous)."""
        if workshop_id != self.workshop_id:
            self.workshop_id, self.code = workshop_id, code
            self.pass_ = None
            self.seen_state = None
            self.round_number = None
            self.position = 0
            self.notice = None
            self.form_for = None

    def follow(self, round_: Round | None) -> None:
        """Start from the first item when a new round opens."""
        number = round_.number if round_ is not None else None
        if number != self.round_number:
            self.round_number = number
            self.position = 0

    def clamp(self, total: int) -> int:
        """Keep the position on an item of the round."""
        self.position = min(max(self.position, 0), max(total - 1, 0))
        return self.position

    def step(self, delta: int, total: int) -> None:
        """Move to the next (+1) or previous (−1) item of the round."""
        self.position += delta
        self.clamp(total)


def score_values(
    programme: Programme, round_: Round, brick: str, chosen: Mapping[str, int | None]
) -> dict[str, AnswerValue]:
    """The scores chosen for a brick, checked on each criterion's scale (the evaluation's one rule)."""
    asked = {c: v for c, v in chosen.items() if c in round_.questions}
    sheet = build_sheet(programme, brick, "atelier", asked, None)
    return {criterion: (sheet.scores.get(criterion), None) for criterion in round_.questions}


def focus_values(round_: Round, levels: Mapping[str, int | None], text: str | None) -> dict[str, AnswerValue]:
    """A focus group's answers to one item, checked: a level per scale question, the text question's text."""
    values: dict[str, AnswerValue] = {}
    for question in QUESTIONS:
        if question.id not in round_.questions:
            continue
        given = (levels.get(question.id), None) if question.scale else (None, text)
        values[question.id] = check_focus_answer(question.id, *given)
    if all(v == (None, None) for v in values.values()):
        raise InputError(_("Réponds à au moins une question avant de passer à la suite."))
    return values


BUSY_RETRIES = 2  # a busy database (another writer held it past the timeout) is tried again


def _answer_patiently(
    store: WorkshopStore, pass_: Pass, number: int, item: str, values: dict[str, AnswerValue]
) -> None:
    # Forty people saving at once on one app process can keep SQLite's writer lock busy past its
    # timeout: nothing was written then, so trying again is safe, and better than an error box.
    for attempt in range(BUSY_RETRIES + 1):
        try:
            store.answer(pass_, number, item, values)
            return
        except StoreBusyError:
            if attempt == BUSY_RETRIES:
                raise


def save_answers(
    view: WorkshopView,
    store: WorkshopStore,
    round_: Round,
    items: Sequence[str],
    make_values: Callable[[str], dict[str, AnswerValue]],
    step: int = 1,
) -> WorkshopNotice:
    """Check and save the answers to the current item and move by `step`; on a refusal stay, with why.

    `make_values` turns the item into the form's checked answers (`score_values`, `focus_values`).
    """
    assert view.pass_ is not None, "pas de participation"
    item = items[view.clamp(len(items))]
    try:
        _answer_patiently(store, view.pass_, round_.number, item, make_values(item))
    except (InputError, StoreError) as err:
        notice = WorkshopNotice(ok=False, message=err.message)
    else:
        last = step > 0 and view.position == len(items) - 1
        view.step(step, len(items))
        notice = WorkshopNotice(
            ok=True, message=_("Dernière réponse enregistrée : merci !") if last else _("Enregistré.")
        )
    view.notice = notice
    return notice
