"""Rules a placement must follow: errors refuse it, warnings let it through with a message."""

from dataclasses import dataclass

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import Milestone, month_offset
from tpt_model.catalogue.card import stage_span
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement
from tpt_model.formatting import month_range
from tpt_model.i18n import _
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
    message = _("étape « {stage} » hors de l'axe du parcours (étapes : {stages})")
    return Finding((*loc, "stage"), message.format(stage=point.stage, stages=stages), True)


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
        findings.append(
            Finding(("brick",), _("brique inconnue « {brick} »").format(brick=placement.brick), True)
        )
    if placement.partner is not None and placement.partner not in catalogue.partners_by_id:
        message = _("partenaire inconnu « {partner} »").format(partner=placement.partner)
        findings.append(Finding(("partner",), message, True))
    if findings:
        return findings
    programme = catalogue.programme
    if is_before(programme, placement.end, placement.start):
        return [Finding(("end",), _("la fin vient avant le début"), True)]
    assert brick is not None
    first = point_index(programme, stage_start(brick.stages.from_stage))
    last = point_index(programme, stage_end(brick.stages.to_stage)) + 2  # July and August count
    early = point_index(programme, placement.start) < first
    late = point_index(programme, placement.end) > last
    if early or late:
        span = stage_span(catalogue, brick)
        loc: Loc = ("start",) if early and not late else ("end",) if late and not early else ()
        message = _("en dehors des étapes prévues pour « {brick} » ({span})")
        findings.append(Finding(loc, message.format(brick=brick.shown_title, span=span), False))
    return findings + _timing_findings(catalogue, brick, placement)


def _applies(milestone: Milestone, brick: Brick, placement: Placement) -> bool:
    """Whether a milestone holds for every track and exit the placement may be on."""
    tracks = set(placement.tracks or brick.tracks) & set(brick.tracks)
    exits = set(placement.exits or brick.exits) & set(brick.exits)
    return tracks <= set(milestone.tracks) and exits <= set(milestone.exits)


def _span(catalogue: Catalogue, milestone: Milestone, stage: str) -> tuple[int, int, str]:
    """First and last month index of a milestone (a yearly one: in `stage`), and how it reads."""
    programme = catalogue.programme
    stage = milestone.stage or stage
    first, last = milestone.months
    start = point_index(programme, JourneyPoint(stage=stage, month=first))
    end = start + month_offset(last) - month_offset(first)
    return start, end, f"{month_range(first, last)} · {programme.stage(stage).label}"


def _timing_finding(kind: str, span: tuple[int, int], placed: tuple[int, int], text: str) -> Finding | None:
    """The warning of one timing rule (before, after, during) when the placement breaks it."""
    (start, end), (begin, finish) = span, placed
    if kind == "before" and begin > start:
        return Finding(
            ("start",), _("commence après le début de {text} doit y préparer").format(text=text), False
        )
    if kind == "after" and begin < start:
        return Finding(("start",), _("commence avant {text} vient après son début").format(text=text), False)
    if kind == "during" and not start <= begin <= finish <= end:
        loc: Loc = ("start",) if not start <= begin <= end else ("end",)
        return Finding(loc, _("en dehors de {text} se tient pendant ce moment").format(text=text), False)
    return None


def _timing_findings(catalogue: Catalogue, brick: Brick, placement: Placement) -> list[Finding]:
    """Warnings for a placement that starts before, after or outside the milestones its brick names."""
    programme = catalogue.programme
    placed = (point_index(programme, placement.start), point_index(programme, placement.end))
    milestones = {
        m.id: m for m in catalogue.milestones if m.stage is None or m.stage in programme.stage_index
    }
    timing = brick.timing
    findings = []
    for kind, ids in (("before", timing.before), ("after", timing.after), ("during", timing.during)):
        for milestone in (milestones[i] for i in ids if i in milestones):
            if _applies(milestone, brick, placement):
                start, end, when = _span(catalogue, milestone, placement.start.stage)
                text = _("« {milestone} » ({when}) : « {brick} »").format(
                    milestone=milestone.label, when=when, brick=brick.shown_title
                )
                finding = _timing_finding(kind, (start, end), placed, text)
                findings += [finding] if finding else []
    return findings
