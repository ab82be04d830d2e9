"""Who delivers what: partners by phase, bricks hanging on one partner, partners left out, loads."""

from collections import defaultdict
from dataclasses import dataclass, field

from tpt_model.analysis.coverage import placed_bricks
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.costs import placement_cost
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.i18n import _


@dataclass
class PartnerLoad:
    """What one partner delivers in a scenario: bricks by phase, placements, hours, cost per beneficiary."""

    partner: str
    phases: dict[str, list[str]] = field(default_factory=dict)
    placements: int = 0
    hours: float = 0.0
    cost_eur: float = 0.0
    single_partner_bricks: list[str] = field(default_factory=list)

    @property
    def bricks(self) -> list[str]:
        """Every brick the partner delivers, once, in the order met."""
        return list(dict.fromkeys(b for ids in self.phases.values() for b in ids))


def delivering(placement: Placement, brick: Brick) -> tuple[str, ...]:
    """Who delivers a placement: the partner it names, or the brick's (confirmed, then prospective)."""
    return (placement.partner,) if placement.partner else brick.partner_ids


def partner_loads(catalogue: Catalogue, scenario: Scenario) -> list[PartnerLoad]:
    """Each partner named by a placement, in the catalogue's order (unknown ids last), with its load."""
    programme = catalogue.programme
    loads: dict[str, PartnerLoad] = {}
    by_brick: dict[str, set[str]] = defaultdict(set)
    for placement, brick in placed_bricks(catalogue, scenario):
        partners = delivering(placement, brick)
        by_brick[brick.id] |= set(partners)
        phase = programme.phase_of(placement.start.stage).id
        for partner in partners:
            load = loads.setdefault(partner, PartnerLoad(partner))
            bricks = load.phases.setdefault(phase, [])
            if brick.id not in bricks:
                bricks.append(brick.id)
            load.placements += 1
            load.hours += brick.hours_per_beneficiary
            load.cost_eur += placement_cost(programme, brick, placement).programme_eur
    for load in loads.values():
        load.single_partner_bricks = [b for b in load.bricks if by_brick[b] == {load.partner}]
    order = {p.id: i for i, p in enumerate(catalogue.partners)}
    return sorted(loads.values(), key=lambda load: order.get(load.partner, len(order)))


def single_partner_bricks(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """Placed bricks that one partner alone delivers, in every placement: at risk if that partner leaves."""
    return list(
        dict.fromkeys(b for load in partner_loads(catalogue, scenario) for b in load.single_partner_bricks)
    )


def unused_partners(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """Partners of the catalogue that no placement names."""
    named = {load.partner for load in partner_loads(catalogue, scenario)}
    return [p.id for p in catalogue.partners if p.id not in named]


def partner_table(catalogue: Catalogue, scenario: Scenario) -> list[dict[str, object]]:
    """One French row per partner: name, bricks by phase (short titles), placements, hours, cost."""
    names = {p.id: p.name for p in catalogue.partners}
    phases = catalogue.programme.phases

    def titles(brick_ids: list[str]) -> str:
        return ", ".join(catalogue.brick(b).short_title for b in brick_ids)

    rows: list[dict[str, object]] = []
    for load in partner_loads(catalogue, scenario):
        row: dict[str, object] = {_("Partenaire"): names.get(load.partner, load.partner)}
        row |= {phase.label: titles(load.phases.get(phase.id, [])) for phase in phases}
        row |= {
            _("Placements"): load.placements,
            _("Heures par bénéficiaire"): load.hours,
            _("Coût par bénéficiaire"): load.cost_eur,
            _("Briques à partenaire unique"): titles(load.single_partner_bricks),
        }
        rows.append(row)
    return rows
