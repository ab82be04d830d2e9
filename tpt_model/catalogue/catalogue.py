"""The catalogue: one immutable object holding the programme and everything it lists."""

from functools import cached_property

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import Milestone
from tpt_model.catalogue.memo import Memo
from tpt_model.catalogue.partner import Partner
from tpt_model.catalogue.persona import Persona
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import counted


class Catalogue(BaseModel):
    """Programme, partners, milestones, personas, bricks and scenario templates."""

    model_config = ConfigDict(frozen=True)

    programme: Programme
    partners: tuple[Partner, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    personas: tuple[Persona, ...] = ()
    bricks: tuple[Brick, ...] = ()
    templates: tuple[tuple[str, Scenario], ...] = ()
    # Bricks whose file is broken now, shown from their last valid version (see `last_good`).
    stale_bricks: frozenset[str] = frozenset()

    @cached_property
    def bricks_by_id(self) -> dict[str, Brick]:
        """Bricks by id."""
        return {b.id: b for b in self.bricks}

    @cached_property
    def personas_by_id(self) -> dict[str, Persona]:
        """Personas by id."""
        return {p.id: p for p in self.personas}

    @cached_property
    def partners_by_id(self) -> dict[str, Partner]:
        """Partners by id."""
        return {p.id: p for p in self.partners}

    @cached_property
    def search_texts(self) -> dict[str, str]:
        """Folded searchable text of each brick, computed once per catalogue."""
        return {b.id: b.search_text() for b in self.bricks}

    @cached_property
    def memo(self) -> Memo:
        """Results computed from this catalogue (charts, aggregates), kept while it is current."""
        return Memo(size=64)

    def replace(self, **changes: object) -> "Catalogue":
        """A new catalogue with these fields changed, its indexes and memo computed afresh.

        Not `model_copy`: it would copy this catalogue's cached properties (stale indexes, shared memo).
        """
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        return type(self).model_validate({**fields, **changes})

    def brick(self, brick_id: str) -> Brick:
        """The brick with this id (KeyError if unknown)."""
        return self.bricks_by_id[brick_id]

    def template(self, template_id: str) -> Scenario:
        """A shipped scenario (such as `parcours-type`)."""
        return dict(self.templates)[template_id]

    def summary(self) -> str:
        """One French line counting what the catalogue holds (its scenarios are templates to start from)."""
        return ", ".join(
            [
                counted(len(self.bricks), "brique", "briques"),
                counted(len(self.partners), "partenaire", "partenaires"),
                counted(len(self.milestones), "jalon", "jalons"),
                counted(len(self.personas), "persona", "personas"),
                counted(len(self.templates), "modèle de scénario", "modèles de scénario"),
            ]
        )
