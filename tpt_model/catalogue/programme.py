"""The programme: pillars, phases, stages, tracks, exits, criteria and working groups."""

from functools import cached_property
from typing import Annotated

from pydantic import Field, StrictInt, model_validator

from tpt_model.catalogue.cohorts import CohortPlan
from tpt_model.catalogue.types import Amount, Exit, Id, PillarId, StrictModel, Text, Track
from tpt_model.i18n import _


class Pillar(StrictModel):
    """A pillar (volet) of the programme."""

    id: PillarId
    label: Text
    description: Text
    color: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", strict=True)]


class Phase(StrictModel):
    """One of the three phases of the journey."""

    id: Id
    number: Annotated[StrictInt, Field(ge=1, le=9)]
    label: Text
    description: Text


class Stage(StrictModel):
    """A school or work year of the journey axis (September → August)."""

    id: Id
    label: Text
    short: Annotated[str, Field(strict=True, min_length=1, max_length=12)]
    phase: Id
    tracks: tuple[Track, ...] = ("court", "long")


class TrackDef(StrictModel):
    """A study track: court (bac+2/3) or long (bac+5)."""

    id: Track
    label: Text


class ExitDef(StrictModel):
    """A way out of the journey: employment, entrepreneurship or doctorate."""

    id: Exit
    label: Text


class Scale(StrictModel):
    """The integer range of a criterion's scores."""

    min: StrictInt
    max: StrictInt

    @model_validator(mode="after")
    def _ordered(self) -> "Scale":
        if self.max <= self.min:
            raise ValueError(_("l'échelle doit aller d'un minimum à un maximum plus grand"))
        return self

    def contains(self, value: int) -> bool:
        """Whether a score lies on the scale."""
        return self.min <= value <= self.max


class CostLevel(StrictModel):
    """A row of a criterion's cost scale: the score a brick gets when its costs stay within the maxima."""

    score: StrictInt
    """Note de référence donnée par cette ligne du barème."""
    max_per_beneficiary_eur: Amount | None = None
    """Coût par bénéficiaire le plus haut de ce niveau (par an pour un coût annuel, séances comprises)."""
    max_fixed_eur: Amount | None = None
    """Coûts fixes les plus hauts de ce niveau."""

    def admits(self, per_beneficiary_eur: float, fixed_eur: float) -> bool:
        """Whether costs this high stay within this level's maxima."""
        return (
            self.max_per_beneficiary_eur is None or per_beneficiary_eur <= self.max_per_beneficiary_eur
        ) and (self.max_fixed_eur is None or fixed_eur <= self.max_fixed_eur)


class Criterion(StrictModel):
    """An evaluation criterion with its scale, weight and one descriptor per level."""

    id: Id
    label: Text
    question: Text
    scale: Scale
    weight: Amount
    levels: dict[StrictInt, Text]
    cost_levels: tuple[CostLevel, ...] = ()
    """Barème de coûts d'un critère comme « caractère abordable » : la première ligne dont les
    maxima ne sont pas dépassés donne la note de référence attendue d'une brique (le validateur
    avertit quand une brique en a une autre)."""

    @model_validator(mode="after")
    def _levels_cover_scale(self) -> "Criterion":
        expected = set(range(self.scale.min, self.scale.max + 1))
        if set(self.levels) != expected:
            message = _("il faut un descripteur par niveau de {min} à {max}")
            raise ValueError(message.format(min=self.scale.min, max=self.scale.max))
        off = [level.score for level in self.cost_levels if not self.scale.contains(level.score)]
        if off:
            message = _("note {score} du barème de coûts hors de l'échelle {min} à {max}")
            raise ValueError(message.format(score=off[0], min=self.scale.min, max=self.scale.max))
        return self

    def cost_score(self, per_beneficiary_eur: float, fixed_eur: float) -> int | None:
        """The score the cost scale gives to these costs (None without a scale, or past its last row)."""
        return next((c.score for c in self.cost_levels if c.admits(per_beneficiary_eur, fixed_eur)), None)


class WorkingGroup(StrictModel):
    """One of the programme's working groups, with its pilots."""

    id: Id
    number: Annotated[StrictInt, Field(ge=1)]
    title: Text
    theme: Text
    pilots: tuple[Id, ...]
    experts: tuple[Text, ...] = ()


class Programme(StrictModel):
    """The programme's frame: everything a catalogue refers to."""

    name: Text
    description: Text
    pillars: tuple[Pillar, ...]
    phases: tuple[Phase, ...]
    stages: Annotated[tuple[Stage, ...], Field(min_length=1)]
    tracks: tuple[TrackDef, ...]
    exits: tuple[ExitDef, ...]
    criteria: Annotated[tuple[Criterion, ...], Field(min_length=1)]
    working_groups: tuple[WorkingGroup, ...]
    cohort_plan: CohortPlan = CohortPlan()
    """Plan de cohortes par défaut (entrées par rentrée et par étape, parts des parcours, sorties et
    conditions) : le budget sur cinq ans en découle ; un scénario peut le remplacer."""

    @model_validator(mode="after")
    def _cohorts_enter_known_stages(self) -> "Programme":
        known = {s.id for s in self.stages}
        unknown = [c.entry_stage for c in self.cohort_plan.cohorts if c.entry_stage not in known]
        if unknown:
            raise ValueError(_("cohort_plan : étape d'entrée inconnue « {stage} »").format(stage=unknown[0]))
        return self

    @cached_property
    def stage_ids(self) -> tuple[str, ...]:
        """Stage ids in journey order."""
        return tuple(s.id for s in self.stages)

    @cached_property
    def stage_index(self) -> dict[str, int]:
        """Position of each stage on the axis."""
        return {s.id: i for i, s in enumerate(self.stages)}

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id."""
        return self.stages[self.stage_index[stage_id]]

    def phase_of(self, stage_id: str) -> Phase:
        """The phase a stage belongs to."""
        phase_id = self.stage(stage_id).phase
        return next(p for p in self.phases if p.id == phase_id)

    def pillar(self, pillar_id: str) -> Pillar:
        """The pillar with this id."""
        return next(p for p in self.pillars if p.id == pillar_id)

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == criterion_id)
