"""What a workshop is made of: the workshop, its participants, rounds and answers, and the passes."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.i18n import _, mark_

__all__ = [
    "KIND_LABELS",
    "Answer",
    "ItemKind",
    "Kind",
    "Participant",
    "Pass",
    "Role",
    "Round",
    "RoundState",
    "Snapshot",
    "Workshop",
    "WorkshopStatus",
]

Kind = Literal["evaluation", "focus"]  # a working group scores bricks; a focus group answers questions
Role = Literal["participant", "facilitator"]
RoundState = Literal["open", "closed", "revealed", "locked"]
ItemKind = Literal["brick", "stage"]
WorkshopStatus = Literal["open", "closed"]

KIND_LABELS: dict[Kind, str] = {"evaluation": mark_("Atelier d'évaluation"), "focus": mark_("Focus group")}


@dataclass(frozen=True, slots=True)
class Workshop:
    """A workshop on one version of a scenario.

    `revision` moves with every change (an answer too); `state_revision` only with what changes
    the participants' pages (a round opened, revealed, locked; a participant removed; the workshop
    closed): a participant's page polls it and reruns only when it moves.
    """

    id: str
    code: str
    kind: Kind
    title: str
    scenario_id: str
    scenario_version: int
    status: WorkshopStatus
    show_code: bool
    created_at: datetime
    revision: int
    state_revision: int


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who joined: her display name (none in a focus group), her order of arrival."""

    id: str
    number: int
    name: str | None
    named_in_report: bool  # she agreed that her name appears in the exported report
    removed: bool
    joined_at: datetime

    @property
    def label(self) -> str:
        """Her name, or « Participante 3 » when she gave none (focus groups ask for none)."""
        return self.name or _("Participante {number}").format(number=self.number)


@dataclass(frozen=True, slots=True)
class Round:
    """A round: the items to answer (bricks or stages) and the questions (criteria ids or focus questions)."""

    number: int
    title: str
    item_kind: ItemKind
    items: tuple[str, ...]
    questions: tuple[str, ...]
    state: RoundState
    opened_at: datetime

    @property
    def shown_title(self) -> str:
        """Its title as people read it; the default one (« Tour 2 », stored in French) in their language."""
        if self.title in ("", f"Tour {self.number}"):
            return _("Tour {number}").format(number=self.number)
        return self.title


@dataclass(frozen=True, slots=True)
class Answer:
    """One participant's answer to one question on one item of a round: a level, a text, or both."""

    round: int
    participant_id: str
    item: str
    question: str
    value: int | None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A workshop as read at one revision: everything the pages and the report draw from."""

    workshop: Workshop
    participants: tuple[Participant, ...]
    rounds: tuple[Round, ...]
    answers: tuple[Answer, ...] = field(repr=False)

    def round(self, number: int) -> Round | None:
        """The round of that number, if any."""
        return next((r for r in self.rounds if r.number == number), None)

    @property
    def current(self) -> Round | None:
        """The last round opened (participants answer the current round), if any."""
        return self.rounds[-1] if self.rounds else None

    @property
    def present(self) -> tuple[Participant, ...]:
        """The participants not removed, in order of arrival."""
        return tuple(p for p in self.participants if not p.removed)

    def answers_of(self, number: int) -> list[Answer]:
        """The answers of a round."""
        return [a for a in self.answers if a.round == number]


class Pass(BaseModel):
    """What a browser session holds to act in a workshop: its role and the credential the store checks.

    The store checks the credential (the facilitator's secret, or the participant's token) against
    its digest on every action: a pass made up in a session gains nothing.
    """

    model_config = ConfigDict(frozen=True)

    workshop_id: str
    role: Role
    credential: str
