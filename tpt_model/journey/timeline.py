"""The journey's time axis: a point is a stage and a month, years run September → August."""

from tpt_model.catalogue.calendar import month_offset
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint
from tpt_model.formatting import month_name
from tpt_model.i18n import _

SCHOOL_YEAR_MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)


def point_index(programme: Programme, point: JourneyPoint) -> int:
    """Months since the start of the axis (September of the first stage)."""
    return programme.stage_index[point.stage] * 12 + month_offset(point.month)


def point_at(programme: Programme, index: int) -> JourneyPoint:
    """The point at a month index of the axis (inverse of `point_index`)."""
    if index < 0:
        raise IndexError(_("mois {index} avant le début de l'axe").format(index=index))
    stage = programme.stages[index // 12]
    return JourneyPoint(stage=stage.id, month=SCHOOL_YEAR_MONTHS[index % 12])


def axis_months(programme: Programme) -> int:
    """Length of the whole axis in months."""
    return len(programme.stages) * 12


def is_before(programme: Programme, a: JourneyPoint, b: JourneyPoint) -> bool:
    """Whether `a` comes strictly before `b` on the axis."""
    return point_index(programme, a) < point_index(programme, b)


def distance_months(programme: Programme, a: JourneyPoint, b: JourneyPoint) -> int:
    """Signed number of months from `a` to `b`."""
    return point_index(programme, b) - point_index(programme, a)


def duration_months(programme: Programme, start: JourneyPoint, end: JourneyPoint) -> int:
    """Months covered from `start` to `end`, both included (a one-month action lasts 1)."""
    return distance_months(programme, start, end) + 1


def stage_start(stage_id: str) -> JourneyPoint:
    """September of a stage."""
    return JourneyPoint(stage=stage_id, month=9)


def stage_end(stage_id: str) -> JourneyPoint:
    """June of a stage: the school year's last month of activity."""
    return JourneyPoint(stage=stage_id, month=6)


def point_label(programme: Programme, point: JourneyPoint) -> str:
    """French label such as « mars · Terminale »."""
    return f"{month_name(point.month)} · {programme.stage(point.stage).label}"
