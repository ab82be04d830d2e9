"""What the journey of a scenario adds up to — costs, hours — and where it leaves gaps."""

from dataclasses import dataclass

from tpt_model.analysis.gaps import risk_window_gaps
from tpt_model.catalogue.card import MODALITY_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.costs import placement_cost
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.rows import FriseOptions, visible_placements
from tpt_model.i18n import _
from tpt_model.scenario.summary import scenario_stats


@dataclass(frozen=True)
class JourneyTotals:
    """Totals for one young woman who follows the whole frise, and the gaps a group should see."""

    cost_per_beneficiary_eur: float
    fixed_eur: float
    # What third parties (the State, a grant) pay the young woman: apart, not in the programme's budget.
    third_party_eur: float
    hours: float
    estimated_bricks: int
    gaps: tuple[str, ...]


def _empty_groups(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    stats = scenario_stats(catalogue, scenario)
    programme = catalogue.programme
    gaps = [
        _("Aucune action dans la phase « {phase} ».").format(phase=p.label)
        for p in programme.phases
        if not stats["phases"][p.id]
    ]
    gaps += [
        _("Aucune action du volet « {pillar} ».").format(pillar=p.label)
        for p in programme.pillars
        if not stats["pillars"][p.id]
    ]
    gaps += [
        _("Aucune action de modalité « {modality} ».").format(modality=_(MODALITY_LABELS[m]))
        for m, n in stats["modalities"].items()
        if not n
    ]
    return gaps


def journey_totals(catalogue: Catalogue, scenario: Scenario) -> JourneyTotals:
    """Costs and hours of the journey, and its gaps (empty phases, pillars, modalities, risks left alone).

    A brick placed twice is received twice, so costs per beneficiary and hours count placements,
    and a yearly cost counts once per school year its placement spans; fixed costs are paid once
    per brick, so they count distinct bricks.
    """
    programme = catalogue.programme
    placed = [(p, catalogue.brick(p.brick)) for p in scenario.placements if p.brick in catalogue.bricks_by_id]
    costs = [placement_cost(programme, brick, p) for p, brick in placed]
    distinct = {b.id: b for _, b in placed}.values()
    gaps = (
        _empty_groups(catalogue, scenario) + [g.message for g in risk_window_gaps(catalogue, scenario)]
        if scenario.placements
        else []
    )
    return JourneyTotals(
        cost_per_beneficiary_eur=sum(c.programme_eur for c in costs),
        fixed_eur=sum(b.cost.fixed_eur for b in distinct),
        third_party_eur=sum(c.third_party_eur for c in costs),
        hours=sum(b.hours_per_beneficiary for _, b in placed),
        estimated_bricks=sum(1 for b in distinct if b.cost.inferred),
        gaps=tuple(gaps),
    )


def shown_totals(catalogue: Catalogue, scenario: Scenario, options: FriseOptions) -> JourneyTotals:
    """The totals of what the frise shows: a persona's walk, or one track or exit, or everything."""
    shown = tuple(p for _, p in visible_placements(catalogue, scenario, options))
    return catalogue.memo.get(
        ("totals", scenario, options),
        lambda: journey_totals(catalogue, scenario.model_copy(update={"placements": shown})),
    )
