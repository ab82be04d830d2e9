"""The scenario file format (catalogue/scenarios/*.yaml, imports): points, placements, scenarios.

Part of the catalogue's contract with the pilots, like the brick format: the catalogue holds
the shipped scenarios as templates, and `schema` writes scenario.schema.json from these models.
"""

from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from tpt_model.catalogue.cohorts import CohortPlan
from tpt_model.catalogue.types import Exit, Id, Month, StrictModel, Text, Track


class JourneyPoint(StrictModel):
    """A moment of the journey: a stage (school year) and a calendar month."""

    stage: Id
    """Étape (année scolaire ou professionnelle), id de programme.yaml."""
    month: Month
    """Mois de 1 à 12 (l'année court de septembre à août)."""


class Placement(BaseModel):
    """A brick placed on the axis, from `start` to `end` (both included)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    brick: Id
    """Identifiant de la brique placée."""
    start: JourneyPoint
    """Début : étape et mois."""
    end: JourneyPoint
    """Fin (comprise) : étape et mois, pas avant le début."""
    lane: Annotated[str, Field(strict=True, min_length=1)] | None = None
    """Couloir libre du groupe (vue « Couloirs libres »)."""
    tracks: tuple[Track, ...] = ()
    """Parcours concernés (court, long) ; vide = tous."""
    exits: tuple[Exit, ...] = ()
    """Sorties concernées (salariat, entrepreneuriat, doctorat) ; vide = toutes."""
    partner: Id | None = None
    """Partenaire qui la met en œuvre ici (sinon celui de la brique)."""
    note: str | None = None
    """Note libre."""


class Scenario(BaseModel):
    """A composition of placements for one working group (a frise)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    name: Text
    """Nom du scénario."""
    description: str = ""
    """Description."""
    working_group: Id | None = None
    """Groupe de travail (gt1 … gt5)."""
    placements: tuple[Placement, ...] = ()
    """Les briques placées sur la frise."""
    cohort_plan: CohortPlan | None = None
    """Plan de cohortes du scénario (sinon celui de programme.yaml)."""

    @cached_property
    def content_hash(self) -> int:
        """The hash of the content, computed once: results are memoised by scenario on every rerun."""
        plan = self.cohort_plan.model_dump_json() if self.cohort_plan else None
        return hash((self.name, self.description, self.working_group, self.placements, plan))

    def __hash__(self) -> int:
        return self.content_hash

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> "Scenario":
        """A copy (with `update` applied) whose hash is computed afresh, never copied from this one."""
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("content_hash", None)
        return copy
