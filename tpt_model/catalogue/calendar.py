"""Calendar milestones: orientation, exam, communication moments and risk windows."""

from pydantic import Field, model_validator

from tpt_model.catalogue.types import Exit, Id, MilestoneKind, Month, Source, StrictModel, Text, Track
from tpt_model.i18n import _


def month_offset(month: int) -> int:
    """Months since September within a school year (September is 0, August is 11)."""
    return (month - 9) % 12


class Milestone(StrictModel):
    """A dated moment of the journey: one month, or a from/to range of months within a stage.

    `stage` is omitted for moments that come back every year (8 March, Ada Lovelace Day).
    """

    id: Id
    """Identifiant en minuscules et tirets."""
    label: Text
    """Libellé court affiché sur la frise."""
    kind: MilestoneKind
    """Nature : orientation, examen, communication ou risque (fenêtre de risque, ombrée)."""
    stage: Id | None = None
    """Étape (année) du jalon ; à omettre pour un moment qui revient chaque année (8 mars)."""
    month: Month | None = None
    """Mois (1 à 12) d'un jalon ponctuel ; sinon « from » et « to »."""
    from_month: Month | None = Field(default=None, alias="from")
    """Premier mois d'une période (peut passer le nouvel an : from: 10, to: 2)."""
    to_month: Month | None = Field(default=None, alias="to")
    """Dernier mois d'une période."""
    date: Text | None = None
    """Date en clair (« 19 janvier – 12 mars 2026 »)."""
    description: Text
    """Ce qui se passe à ce moment."""
    tracks: tuple[Track, ...] = ("court", "long")
    """Parcours concernés (court, long) ; les deux par défaut (ex. les épreuves du BTS : court)."""
    exits: tuple[Exit, ...] = ("salariat", "entrepreneuriat", "doctorat")
    """Sorties concernées ; toutes par défaut (ex. les contrats doctoraux : doctorat)."""
    sources: tuple[Source, ...] = ()
    """Sources vérifiables du moment et de sa date (title, publisher, url, date)."""

    @model_validator(mode="after")
    def _one_month_or_range(self) -> "Milestone":
        has_range = self.from_month is not None or self.to_month is not None
        if (self.month is None) == (not has_range):
            raise ValueError(_("indiquez soit « month », soit « from » et « to »"))
        if has_range and (self.from_month is None or self.to_month is None):
            raise ValueError(_("une période demande « from » et « to »"))
        return self

    @property
    def months(self) -> tuple[int, int]:
        """First and last month of the milestone (the same for a single month)."""
        if self.month is not None:
            return self.month, self.month
        assert self.from_month is not None and self.to_month is not None
        return self.from_month, self.to_month

    @property
    def leaves_its_year(self) -> bool:
        """Whether a range of one stage runs past August, into the next school year."""
        first, last = self.months
        return self.stage is not None and month_offset(last) < month_offset(first)

    @property
    def every_year(self) -> bool:
        """Whether the moment recurs each school year rather than in one stage."""
        return self.stage is None


class CalendarFile(StrictModel):
    """The content of calendar.yaml."""

    milestones: tuple[Milestone, ...]
