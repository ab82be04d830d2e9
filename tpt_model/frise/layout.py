"""The frise's layout: the records of every layer of the chart, from the catalogue and scenario.

The y axis has one band per line of the chart: the phase line, milestone label lines, the line of
the moments that come back every year (when drawn), then for each lane a title line and its rows.
Layout (rows, which labels go where) is computed here in Python, in the pixels of the view's
narrowest plot, so that Vega only draws: `frise_chart` turns these records into layers.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.bars import bar_lanes, pack_rows, text_color
from tpt_model.frise.display import METRICS, NORMAL, FriseDisplay, Metrics, phase_window, picture_metrics
from tpt_model.frise.fitting import Anchor, LabelRequest, place_marks, place_on_lines, shorten, text_px
from tpt_model.frise.milestones import (
    KIND_LABELS,
    DatedMark,
    dated_marks,
    period_text,
    stage_numbers,
    yearly_spans,
)
from tpt_model.frise.records import (
    DARK,
    RISK_COLOR,
    BarRecord,
    Geometry,
    LabelRecord,
    LaneRecord,
    MilestoneRecord,
    Numbered,
    OffTrackRecord,
    PhaseRecord,
    YearlyRecord,
)
from tpt_model.frise.rows import FriseOptions, frise_rows
from tpt_model.i18n import _, mark_

HEADER_MARGIN_PX = 4
PHASE_TINTS = ("#EEF3F9", "#F6F1F8", "#EEF7F1")
PHASE_BAND = "phase"
YEARLY_BAND = "annuel"
EMPTY_BAND = "couloir-vide"
NO_ACTION = mark_("Aucune action pour ces choix")

__all__ = [
    "DARK",
    "KIND_LABELS",
    "RISK_COLOR",
    "BarRecord",
    "FriseLayout",
    "Geometry",
    "LabelRecord",
    "LaneRecord",
    "MilestoneRecord",
    "Numbered",
    "OffTrackRecord",
    "PhaseRecord",
    "YearlyRecord",
    "frise_layout",
    "pack_rows",
    "text_color",
]


@dataclass(frozen=True)
class FriseLayout:
    """Everything the chart draws, as plain records: the data of each layer and the y bands."""

    bands: list[str]
    band_labels: dict[str, str]
    bars: list[BarRecord]
    bar_labels: list[LabelRecord]
    milestones: list[MilestoneRecord]
    yearly: list[YearlyRecord]
    phases: list[PhaseRecord]
    off_track: list[OffTrackRecord]
    lanes: list[LaneRecord]
    window: tuple[int, int]
    metrics: Metrics
    numbered: list[Numbered] = field(default_factory=list)

    @property
    def height(self) -> int:
        """Pixel height of the plot: one line per band."""
        return len(self.bands) * self.metrics.row_px

    @property
    def header_bottom(self) -> float:
        """Pixels from the top to the first line below the milestone labels (where shading starts)."""
        header = [b for b in self.bands if b == PHASE_BAND or b.startswith("jalons-")]
        return len(header) * self.metrics.row_px

    @property
    def unlabelled(self) -> list[MilestoneRecord]:
        """Milestones whose label found no room: only their mark and tooltip name them."""
        return [m for m in self.milestones if not m["labelled"]]

    def datasets(self) -> dict[str, Sequence[Mapping[str, object]]]:
        """The records of each layer by dataset name (the chart refers to them by name)."""
        dated, yearly = self.milestones, self.yearly
        start, stop = self.window
        return {
            "phases": self.phases,
            "phases_titres": self.phases if PHASE_BAND in self.bands else [],
            "etapes": [{"start": m} for m in range(start + 12, stop, 12)],
            "hors_parcours": self.off_track,
            "periodes": [m for m in dated if m["range"] and not m["risk"]],
            "risques": [m for m in dated if m["risk"]],
            "jalons_periodes": [m for m in dated if m["range"]],
            "jalons_mois": [m for m in dated if not m["range"]],
            "jalons_textes": [m for m in dated if m["labelled"] and not m["risk"]],
            "risques_textes": [m for m in dated if m["labelled"] and m["risk"]],
            "annuels_periodes": [m for m in yearly if m["range"]],
            "annuels_mois": [m for m in yearly if not m["range"]],
            "couloirs": [{"band": lane["band"]} for lane in self.lanes],
            "couloirs_titres": self.lanes,
            "barres": self.bars,
            "etiquettes": self.bar_labels,
        }


# --- Milestones ---------------------------------------------------------------------------------


def label_limit(metrics: Metrics, *, risk: bool = False) -> float:
    """The widest a milestone label may be: longer ones end in « … » (their tooltip has them whole).

    A risk window's label is only cut at the plot's width: it is what no one must miss.
    """
    return metrics.plot_px - 8 if risk else min(metrics.plot_px - 8, metrics.font_px * 24)


def _request(key: int, mark: DatedMark, text: str, g: Geometry, metrics: Metrics) -> LabelRequest:
    """The places a milestone's label may take on a line, best first.

    A month's marker: its text after the marker, else before it. A period: its text from the
    period's start (the period underlines it), else ending at its end, else at the plot's left edge.
    """
    first, last = g.px(max(mark.start, g.start)), g.px(min(mark.end + 1, g.stop))
    width = text_px(text, metrics.measured_px, bold=mark.kind == "risque")
    anchors: tuple[Anchor, ...]
    if mark.start == mark.end:
        middle, clear = (first + last) / 2, metrics.font_px * 0.6
        anchors = (Anchor(middle, "left", clear), Anchor(middle, "right", -clear))
    else:
        anchors = (Anchor(first, "left", 3), Anchor(last, "right", 0), Anchor(0, "left", 1))
    return LabelRequest(key, mark.priority, width, (first, last), anchors)


def _milestone_record(
    programme: Programme,
    mark: DatedMark,
    text: str,
    line: int,
    anchor: tuple[float, Anchor] | None,
    cohort: int | None,
) -> MilestoneRecord:
    start, end = mark.start, mark.end
    return {
        "label": mark.label,
        "kind": _(KIND_LABELS[mark.kind]),
        "risk": mark.kind == "risque",
        "range": start != end,
        "labelled": anchor is not None,
        "text": text,
        "start": start,
        "stop": end + 1,
        "mid": start + 0.5,
        "text_x": start if anchor is None else anchor[0],
        "align": "left" if anchor is None else anchor[1].align,
        "dx": 0.0 if anchor is None else anchor[1].dx,
        "period": period_text(programme, start, end, cohort),
        "description": " / ".join(m.description for m in mark.group),
        "line": line,
        "y": 0.0,
        "y_top": 0.0,
        "y_bottom": 0.0,
    }


def _dated_milestones(
    catalogue: Catalogue, options: FriseOptions, g: Geometry, metrics: Metrics, top: float
) -> list[MilestoneRecord]:
    """Milestones on label lines: labels by priority where they overlap nothing, the others as marks."""
    programme = catalogue.programme
    marks = dated_marks(catalogue, options, (g.start, g.stop))
    texts = [
        shorten(m.label, label_limit(metrics, risk=risk), metrics.measured_px, bold=risk)
        for m in marks
        for risk in [m.kind == "risque"]
    ]
    requests = [_request(i, m, texts[i], g, metrics) for i, m in enumerate(marks)]
    placed = place_on_lines(requests, lines=metrics.milestone_lines, plot_px=g.width)
    taken: list[list[tuple[float, float]]] = [[] for _ in range(metrics.milestone_lines)]
    for kept in placed.values():
        taken[kept.line].append((kept.left, kept.right))
    alone = place_marks([(r.key, r.mark) for r in requests if r.key not in placed], taken)
    records = []
    for i, mark in enumerate(marks):
        p = placed.get(i)
        anchor = None if p is None else (round(g.at(p.anchor.at), 3), p.anchor)
        line = p.line if p is not None else alone[i]
        records.append(_milestone_record(programme, mark, texts[i], line, anchor, options.cohort_year))
    return _on_lines(records, metrics, top)


def _on_lines(records: list[MilestoneRecord], metrics: Metrics, top: float) -> list[MilestoneRecord]:
    """Pixel heights of each record's line, from `top` down (only the lines in use are kept)."""
    used = sorted({m["line"] for m in records})
    renumber = {line: n for n, line in enumerate(used)}
    half, pill = metrics.line_px / 2, metrics.line_px * 0.62
    for m in records:
        m["line"] = renumber[m["line"]]
        middle = top + HEADER_MARGIN_PX + m["line"] * metrics.line_px + half
        m["y"] = middle
        if m["labelled"]:  # the period underlines its text, so that nothing covers the words
            m["y_top"] = middle + metrics.font_px * 0.5
            m["y_bottom"] = m["y_top"] + max(3.0, metrics.font_px * 0.25)
        else:
            m["y_top"], m["y_bottom"] = middle - pill / 2, middle + pill / 2
    return records


def _yearly(catalogue: Catalogue, options: FriseOptions, g: Geometry) -> list[YearlyRecord]:
    """Marks of the moments of every year in each stage shown (their labels are in the tooltips)."""
    return [
        {
            "label": moment.label,
            "kind": _(KIND_LABELS[moment.milestone.kind]),
            "range": start != end,
            "start": start,
            "stop": end + 1,
            "mid": start + 0.5,
            "period": f"chaque année, {moment.when}",
            "description": moment.milestone.description,
            "band": YEARLY_BAND,
        }
        for moment, start, end in yearly_spans(catalogue, options, (g.start, g.stop))
    ]


# --- Layout -----------------------------------------------------------------------------------


def _phase_label(number: int, label: str, months: int, g: Geometry, metrics: Metrics) -> str:
    """« Phase 1 · Je construis mon projet », shortened when the phase is too narrow for it."""
    for text in (f"Phase {number} · {label}", label, f"Phase {number}"):
        phase_px = metrics.phase_font_px * metrics.text_scale
        if text_px(text, phase_px, bold=True) + 12 <= g.width * months / (g.stop - g.start):
            return text
    return str(number)


def _phases(programme: Programme, g: Geometry, metrics: Metrics) -> list[PhaseRecord]:
    """One record per run of consecutive stages of the same phase, within the months shown."""
    records: list[PhaseRecord] = []
    runs = groupby(enumerate(programme.stages), key=lambda numbered: numbered[1].phase)
    for n, (_phase, run) in enumerate(runs):
        numbers = [i for i, _stage in run]
        start, stop = max(numbers[0] * 12, g.start), min((numbers[-1] + 1) * 12, g.stop)
        if start >= stop:
            continue
        phase = programme.phase_of(programme.stages[numbers[0]].id)
        records.append(
            {
                "tint": PHASE_TINTS[n % len(PHASE_TINTS)],
                "start": start,
                "stop": stop,
                "label": _phase_label(phase.number, phase.label, stop - start, g, metrics),
                "mid": (start + stop) / 2,
                "band": PHASE_BAND,
            }
        )
    return records


def _off_track(catalogue: Catalogue, options: FriseOptions, g: Geometry) -> list[OffTrackRecord]:
    """Stages that the chosen track skips (such as bac+4 and bac+5 for short studies)."""
    if options.track is None:
        return []
    programme = catalogue.programme
    track = next((t.label for t in programme.tracks if t.id == options.track), options.track)
    on_track = set(stage_numbers(programme, options.track))
    return [
        {"start": i * 12, "stop": (i + 1) * 12, "label": f"{s.label} : hors du parcours « {track} »"}
        for i, s in enumerate(programme.stages)
        if i not in on_track and g.start <= i * 12 < g.stop
    ]


def frise_layout(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    display: FriseDisplay = NORMAL,
    width: int | None = None,
) -> FriseLayout:
    """The records and y bands of every layer of the frise, for one view.

    `width`: the plot's width of a picture drawn outside the browser (an export), in the normal view.
    """
    programme = catalogue.programme
    metrics = METRICS[display.view] if width is None else picture_metrics(width)
    window = phase_window(programme, display)
    geometry = Geometry(*window, metrics.plot_px)
    lanes = bar_lanes(
        catalogue, frise_rows(catalogue, scenario, options), options, selected, geometry, metrics
    )
    band_labels = {lane["band"]: lane["label"] for lane in lanes.lanes}
    if not lanes.bands:
        lanes.bands = [EMPTY_BAND]
        lanes.lanes = [{"band": EMPTY_BAND, "label": _(NO_ACTION), "x": geometry.at(2)}]
    # The phase line names the phases of the whole axis; a one-phase view has its phase in the page's title.
    phase_band = [] if display.one_phase else [PHASE_BAND]
    milestones = _dated_milestones(catalogue, options, geometry, metrics, len(phase_band) * metrics.row_px)
    yearly = _yearly(catalogue, options, geometry) if display.yearly else []
    lines = max((m["line"] + 1 for m in milestones), default=0)
    needed = (lines * metrics.line_px + 2 * HEADER_MARGIN_PX) / metrics.row_px
    header = [f"jalons-{i}" for i in range(math.ceil(needed))] if lines else []
    return FriseLayout(
        bands=[*phase_band, *header, *([YEARLY_BAND] if yearly else []), *lanes.bands],
        band_labels=band_labels,
        bars=lanes.bars,
        bar_labels=lanes.labels,
        milestones=milestones,
        yearly=yearly,
        phases=_phases(programme, geometry, metrics),
        off_track=_off_track(catalogue, options, geometry),
        lanes=lanes.lanes,
        window=window,
        metrics=metrics,
        numbered=sorted(lanes.numbered, key=lambda n: n.number),
    )
