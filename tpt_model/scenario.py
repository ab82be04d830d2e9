"""Scenarios: a named frise, bricks placed on the journey axis."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tpt_model.base import Exit, Id, Text, Track
from tpt_model.timeline import JourneyPoint


class Placement(BaseModel):
    """A brick placed on the axis, from `start` to `end` (both included)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    brick: Id
    start: JourneyPoint
    end: JourneyPoint
    lane: Annotated[str, Field(strict=True, min_length=1)] | None = None
    tracks: tuple[Track, ...] = ()
    exits: tuple[Exit, ...] = ()
    partner: Id | None = None
    note: str | None = None


class Scenario(BaseModel):
    """A composition of placements for one working group (a frise)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    description: str = ""
    working_group: Id | None = None
    placements: tuple[Placement, ...] = ()
