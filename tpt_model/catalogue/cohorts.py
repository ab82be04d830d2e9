"""The cohort plan: how many young women enter the journey each school year, where, and on which walks."""

from typing import Annotated

from pydantic import Field, StrictInt

from tpt_model.catalogue.types import Exit, Id, PersonaFlag, StrictModel, Track

Share = Annotated[float, Field(ge=0, le=1)]


class Cohort(StrictModel):
    """The young women entering the journey in September of one year, at one stage."""

    year: Annotated[StrictInt, Field(ge=2000, le=2100)]
    """Année de la rentrée (septembre) où la cohorte entre dans le parcours."""
    entrants: Annotated[StrictInt, Field(ge=0)]
    """Nombre de jeunes femmes qui entrent."""
    entry_stage: Id
    """Étape d'entrée (id de programme.yaml : seconde, bac-1…)."""


class CohortPlan(StrictModel):
    """Entrants per school year and entry stage, and the shares of each track, exit and flag."""

    cohorts: tuple[Cohort, ...] = ()
    """Les cohortes : year, entrants, entry_stage."""
    tracks: dict[Track, Share] = {}
    """Part de chaque parcours (court, long) ; à défaut, parts égales."""
    exits: dict[Exit, Share] = {}
    """Part de chaque sortie (salariat, entrepreneuriat, doctorat) ; à défaut, parts égales."""
    flags: dict[PersonaFlag, Share] = {}
    """Part des bénéficiaires de chaque condition (boursiere…) ; une condition absente compte 0."""
