"""Gaps of the journey in French sentences, each with the catalogue bricks that could fill it."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from tpt_model.analysis.coverage import named_exits, named_tracks, placed_bricks
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import month_offset
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.i18n import _
from tpt_model.journey.timeline import point_at, point_index, point_label

GapKind = Literal["stage", "risk_window", "pillar", "track", "exit", "idle_stretch"]
# A young woman left without any action for longer than this is alone (a setting of the page).
IDLE_MONTHS = 6
JUNE = 9  # month offset of June: a school year's last month of activity


@dataclass(frozen=True)
class Gap:
    """A place of the journey left empty: where (months of the axis, both included) and what could fill it."""

    kind: GapKind
    stage: str | None
    message: str
    first: int
    last: int
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class _Need:
    """What a brick must offer to fill a gap: a pillar, a track, an exit (None: any)."""

    pillar: str | None = None
    track: str | None = None
    exit: str | None = None


def _window(catalogue: Catalogue, brick: Brick) -> tuple[int, int]:
    """Months where the brick may be placed: September of its first stage to June of its last."""
    index = catalogue.programme.stage_index
    return index[brick.stages.from_stage] * 12, index[brick.stages.to_stage] * 12 + JUNE


def _candidates(catalogue: Catalogue, first: int, last: int, need: _Need) -> tuple[str, ...]:
    """Bricks of the right pillar, track and exit whose stages meet the months first → last."""

    def fits(brick: Brick) -> bool:
        start, end = _window(catalogue, brick)
        return (
            start <= last
            and first <= end
            and need.pillar in (None, brick.pillar)
            and (need.track is None or need.track in brick.tracks)
            and (need.exit is None or need.exit in brick.exits)
        )

    return tuple(b.id for b in catalogue.bricks if fits(b))


def fill(catalogue: Catalogue, gap: Gap, brick_id: str) -> Placement:
    """A placement of the brick over the gap's months that its stages allow (one month for an event)."""
    brick = catalogue.brick(brick_id)
    start, end = _window(catalogue, brick)
    first, last = max(start, gap.first), min(end, gap.last)
    last = min(last, first + (brick.duration_months or 1) - 1)  # as long as the frise adds it
    programme = catalogue.programme
    return Placement(brick=brick.id, start=point_at(programme, first), end=point_at(programme, last))


def _spans(catalogue: Catalogue, placed: Iterable[tuple[Placement, Brick]]) -> list[tuple[int, int]]:
    programme = catalogue.programme
    return [(point_index(programme, p.start), point_index(programme, p.end)) for p, _ in placed]


def _gap(
    catalogue: Catalogue, kind: GapKind, stage: str | None, message: str, months: tuple[int, int], need: _Need
) -> Gap:
    """A gap over these months (first, last), with the catalogue's bricks that meet the need there."""
    first, last = months
    return Gap(kind, stage, message, first, last, _candidates(catalogue, first, last, need))


def stage_gaps(catalogue: Catalogue, scenario: Scenario) -> list[Gap]:
    """Stages where no action at all takes place."""
    spans = _spans(catalogue, placed_bricks(catalogue, scenario))
    return [
        _gap(
            catalogue,
            "stage",
            stage.id,
            _("Aucune action en « {stage} ».").format(stage=stage.label),
            (i * 12, i * 12 + JUNE),
            _Need(),
        )
        for i, stage in enumerate(catalogue.programme.stages)
        if not any(a <= i * 12 + 11 and i * 12 <= b for a, b in spans)
    ]


def risk_window_gaps(catalogue: Catalogue, scenario: Scenario) -> list[Gap]:
    """Risk windows of the calendar (the L1 dropout window…) that no « Accompagner » action overlaps."""
    programme = catalogue.programme
    spans = _spans(
        catalogue, [(p, b) for p, b in placed_bricks(catalogue, scenario) if b.pillar == "empower"]
    )
    gaps = []
    for milestone in catalogue.milestones:
        if milestone.kind != "risque" or milestone.stage not in programme.stage_index:
            continue
        first_month, last_month = milestone.months
        first = point_index(programme, JourneyPoint(stage=milestone.stage, month=first_month))
        last = first + (month_offset(last_month) - month_offset(first_month)) % 12
        if not any(a <= last and first <= b for a, b in spans):
            message = _("La fenêtre « {label} » n'est couverte par aucune action d'accompagnement.").format(
                label=milestone.label
            )
            gaps.append(
                _gap(catalogue, "risk_window", milestone.stage, message, (first, last), _Need("empower"))
            )
    return gaps


def pillar_gaps(catalogue: Catalogue, scenario: Scenario) -> list[Gap]:
    """Phases where a pillar has no action."""
    programme = catalogue.programme
    placed = placed_bricks(catalogue, scenario)
    gaps = []
    for phase in programme.phases:
        stages = [programme.stage_index[s.id] for s in programme.stages if s.phase == phase.id]
        if not stages:
            continue
        first, last = min(stages) * 12, max(stages) * 12 + JUNE
        for pillar in programme.pillars:
            spans = _spans(catalogue, [(p, b) for p, b in placed if b.pillar == pillar.id])
            if any(a <= max(stages) * 12 + 11 and first <= b for a, b in spans):
                continue
            message = _("Aucune action du volet « {pillar} » dans la phase « {phase} ».").format(
                pillar=pillar.label, phase=phase.label
            )
            stage = programme.stages[min(stages)].id
            gaps.append(_gap(catalogue, "pillar", stage, message, (first, last), _Need(pillar=pillar.id)))
    return gaps


def track_and_exit_gaps(catalogue: Catalogue, scenario: Scenario) -> list[Gap]:
    """Tracks (court, long) and exits (salariat, entrepreneuriat, doctorat) that no placement serves."""
    programme = catalogue.programme
    placed = placed_bricks(catalogue, scenario)
    served_tracks = {t for p, b in placed for t in named_tracks(p, b)}
    served_exits = {e for p, b in placed for e in named_exits(p, b)}
    wanted: list[tuple[GapKind, str, str, _Need]] = [
        ("track", t.id, _("Rien pour le parcours « {label} ».").format(label=t.label), _Need(track=t.id))
        for t in programme.tracks
    ]
    wanted += [
        ("exit", e.id, _("Rien pour la sortie « {label} ».").format(label=e.label), _Need(exit=e.id))
        for e in programme.exits
    ]
    whole_journey = (0, len(programme.stages) * 12 - 1)
    return [
        _gap(catalogue, kind, None, message, whole_journey, need)
        for kind, key, message, need in wanted
        if key not in (served_tracks if kind == "track" else served_exits)
    ]


def _runs(months: list[int], covered: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive uncovered months (as first and last month index) in the track's months."""
    runs: list[list[int]] = []
    for month in months:
        if month in covered:
            continue
        if runs and runs[-1][-1] == month - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return [(run[0], run[-1]) for run in runs]


def idle_gaps(catalogue: Catalogue, scenario: Scenario, idle_months: int = IDLE_MONTHS) -> list[Gap]:
    """Stretches of more than `idle_months` months in which a young woman on a track receives nothing."""
    programme = catalogue.programme
    placed = placed_bricks(catalogue, scenario)
    gaps = []
    for track in programme.tracks:
        months = [
            i * 12 + m for i, s in enumerate(programme.stages) if track.id in s.tracks for m in range(12)
        ]
        on_track = [(p, b) for p, b in placed if track.id in named_tracks(p, b)]
        covered = {m for a, b in _spans(catalogue, on_track) for m in range(a, b + 1)}
        for first, last in _runs(months, covered):
            if last - first + 1 <= idle_months:
                continue
            message = _("Parcours « {track} » : rien pendant {months} mois, de {start} à {end}.").format(
                track=track.label,
                months=last - first + 1,
                start=point_label(programme, point_at(programme, first)),
                end=point_label(programme, point_at(programme, last)),
            )
            stage = programme.stages[first // 12].id
            gaps.append(_gap(catalogue, "idle_stretch", stage, message, (first, last), _Need(track=track.id)))
    return gaps


def journey_gaps(catalogue: Catalogue, scenario: Scenario, idle_months: int = IDLE_MONTHS) -> list[Gap]:
    """Every gap of the journey, in the order a group reads them; none for an empty frise."""
    if not scenario.placements:
        return []
    return (
        stage_gaps(catalogue, scenario)
        + risk_window_gaps(catalogue, scenario)
        + pillar_gaps(catalogue, scenario)
        + track_and_exit_gaps(catalogue, scenario)
        + idle_gaps(catalogue, scenario, idle_months)
    )
