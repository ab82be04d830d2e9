"""The cohort plan: how many young women enter the journey each school year, where, and on which walks."""

from collections.abc import Collection
from typing import Annotated

from pydantic import Field, StrictInt, model_validator

from tpt_model.catalogue.types import Exit, Id, PersonaFlag, StrictModel, Track
from tpt_model.formatting import number
from tpt_model.i18n import _

Share = Annotated[float, Field(ge=0, le=1)]
# Shares are written with two decimals or as whole percentages: a rounding slip is no error.
SHARE_TOLERANCE = 0.005


def shares_problem(shares: Collection[float], what: str) -> str | None:
    """Why shares that split a whole cohort (tracks, exits) are wrong; None when they add up.

    `what` names the shares (« des parcours »), already translated.

    Every young woman follows one track and leaves by one exit: given shares must make 100 %.
    """
    if not shares:
        return None
    total = sum(shares)
    if abs(total - 1) <= SHARE_TOLERANCE:
        return None
    return _("les parts {what} font {total} % : elles doivent faire 100 %").format(
        what=what, total=number(total * 100, 1)
    )


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

    @model_validator(mode="after")
    def _shares_make_a_whole(self) -> "CohortPlan":
        problem = shares_problem(self.tracks.values(), _("des parcours")) or shares_problem(
            self.exits.values(), _("des sorties")
        )
        if problem:
            raise ValueError(problem)
        return self
