"""Rules a placement must follow: errors refuse it, warnings let it through with a message."""

from dataclasses import dataclass

from tpt_model.catalogue.card import stage_span
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement
from tpt_model.journey.timeline import is_before, point_index, stage_end, stage_start

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on a placement: where, what, and whether it blocks the change."""

    loc: Loc
    message: str
    blocking: bool


def _unknown_stage(catalogue: Catalogue, point: JourneyPoint, loc: Loc) -> Finding | None:
    if point.stage in catalogue.programme.stage_index:
        return None
    stages = ", ".join(catalogue.programme.stage_ids)
    return Finding(
        (*loc, "stage"), f"étape « {point.stage} » hors de l'axe du parcours (étapes : {stages})", True
    )


def check_placement(catalogue: Catalogue, placement: Placement) -> list[Finding]:
    """Every finding on one placement, blocking ones first."""
    findings = [
        f
        for f in (
            _unknown_stage(catalogue, placement.start, ("start",)),
            _unknown_stage(catalogue, placement.end, ("end",)),
        )
        if f is not None
    ]
    brick = catalogue.bricks_by_id.get(placement.brick)
    if brick is None:
        findings.append(Finding(("brick",), f"brique inconnue « {placement.brick} »", True))
    if placement.partner is not None and placement.partner not in catalogue.partners_by_id:
        findings.append(Finding(("partner",), f"partenaire inconnu « {placement.partner} »", True))
    if findings:
        return findings
    programme = catalogue.programme
    if is_before(programme, placement.end, placement.start):
        return [Finding(("end",), "la fin vient avant le début", True)]
    assert brick is not None
    first = point_index(programme, stage_start(brick.stages.from_stage))
    last = point_index(programme, stage_end(brick.stages.to_stage)) + 2  # July and August count
    early = point_index(programme, placement.start) < first
    late = point_index(programme, placement.end) > last
    if early or late:
        span = stage_span(catalogue, brick)
        loc: Loc = ("start",) if early and not late else ("end",) if late and not early else ()
        findings.append(Finding(loc, f"en dehors des étapes prévues pour « {brick.title} » ({span})", False))
    return findings
