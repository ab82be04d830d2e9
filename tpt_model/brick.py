"""Bricks: the reusable actions the frise is composed of."""

from typing import Annotated

from pydantic import Field, StrictInt

from tpt_model.base import (
    Amount,
    BrickKind,
    Exit,
    Flag,
    Id,
    Modality,
    PersonaFlag,
    PillarId,
    StrictModel,
    Text,
    Track,
)
from tpt_model.text import fold


class StageRange(StrictModel):
    """The stages a brick fits, from one stage to another (inclusive)."""

    from_stage: Id = Field(alias="from")
    to_stage: Id = Field(alias="to")


class Cost(StrictModel):
    """What a brick costs: per beneficiary and fixed, with whether the figure is inferred."""

    per_beneficiary_eur: Amount
    fixed_eur: Amount
    inferred: Flag = False
    note: Text | None = None


class Communication(StrictModel):
    """When and with what a brick is made known."""

    moments: tuple[Text, ...] = ()
    tools: tuple[Text, ...] = ()


class Brick(StrictModel):
    """An action brick of the catalogue (one YAML file, named after its id)."""

    id: Id
    title: Text
    short_title: Annotated[str, Field(strict=True, min_length=1, max_length=28)]
    summary: Text
    pillar: PillarId
    modality: Modality
    kind: BrickKind
    stages: StageRange
    tracks: tuple[Track, ...] = ("court", "long")
    exits: tuple[Exit, ...] = ("salariat", "entrepreneuriat", "doctorat")
    audience: Text
    eligibility: tuple[PersonaFlag, ...] = ()
    partners: tuple[Id, ...]
    working_groups: Annotated[tuple[Id, ...], Field(min_length=1)]
    cost: Cost
    hours_per_beneficiary: Amount
    criteria: dict[Id, StrictInt]
    barriers: tuple[Text, ...]
    good_practices: tuple[Text, ...]
    communication: Communication
    sources: Annotated[tuple[Text, ...], Field(min_length=1)]

    def search_text(self) -> str:
        """The folded text a free-text search looks into."""
        parts = [self.id, self.title, self.summary, self.audience, *self.barriers, *self.good_practices]
        return fold(" ".join(parts))
