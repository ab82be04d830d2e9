"""Spreadsheet exports (CSV and XLSX) that neither run formulas nor break on pasted control characters.

CSV has no cell types: a text starting with a formula sign gets an apostrophe (`safe_cell`). XLSX has
them: such a text is written as a text cell and shows exactly as typed (`xlsx_cell`).
"""

import datetime as dt
import io
import math
import numbers
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.scoring import BrickResult, CriterionAggregate, criterion_headers, sheets_by_brick
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.i18n import _, mark_
from tpt_model.scenario.files import slug
from tpt_model.text import strip_control

__all__ = [
    "aggregate_frame",
    "evaluation_file_name",
    "evaluation_frame",
    "safe_cell",
    "sheet_title",
    "to_csv_bytes",
    "to_xlsx_bytes",
    "write_sheet",
    "xlsx_cell",
]

# A cell starting with one of these is a formula for Excel or LibreOffice (OWASP « CSV injection »);
# LF too, as some spreadsheets trim leading whitespace before looking for the formula sign.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet shows as typed: text never runs as a formula, numbers stay numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, np.generic):
        value = value.item()  # numpy scalars from pandas become plain Python values
    if isinstance(value, str):
        text = strip_control(value)
        return "'" + text if text.startswith(_FORMULA_STARTS) else text
    if isinstance(value, numbers.Number):
        # NaN is pandas' « empty »; openpyxl would write it as an error cell.
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)  # spreadsheets have no time zones
    if isinstance(value, dt.date | dt.time):
        return value
    return safe_cell(str(value))


def evaluation_frame(
    catalogue: Catalogue,
    results: Sequence[BrickResult],
    sheets: Iterable[ScoreSheet],
    *,
    include_reference: bool = True,
) -> pd.DataFrame:
    """One row per brick × evaluator (scores by criterion, comment) with the brick's aggregates beside.

    Bricks come in ranking order; a brick nobody scored keeps one row with no evaluator, so that it is
    listed. `include_reference` adds the « Référence catalogue » rows, as `evaluate` does.
    """
    programme = catalogue.programme
    headers = criterion_headers(programme)
    pillars = {p.id: p.label for p in programme.pillars}
    by_brick = sheets_by_brick(catalogue, [r.brick_id for r in results], sheets, include_reference)
    rows = []
    for result in results:
        brick = catalogue.bricks_by_id.get(result.brick_id)
        common: dict[str, object] = {
            _("Rang"): result.rank,
            _("Brique"): result.title,
            _("Identifiant"): result.brick_id,
            _("Volet"): pillars.get(brick.pillar, brick.pillar) if brick else None,
        }
        aggregates: dict[str, object] = {
            _("{h} (moyenne)").format(h=h): _round(result.criteria[c].mean, 2) for c, h in headers.items()
        }
        aggregates |= {
            _("Total pondéré"): _round(result.total, 1),
            _("Évaluatrices"): result.evaluators,
            _("À discuter"): result.to_discuss,
        }
        own_sheets: Sequence[ScoreSheet | None] = by_brick.get(result.brick_id) or [None]
        for sheet in own_sheets:
            own = {
                _("Évaluatrice"): sheet.evaluator if sheet else None,
                **{h: sheet.scores.get(c) if sheet else None for c, h in headers.items()},
                _("Commentaire"): sheet.comment if sheet else None,
            }
            rows.append(common | own | aggregates)
    columns = [
        _("Rang"),
        _("Brique"),
        _("Identifiant"),
        _("Volet"),
        _("Évaluatrice"),
        *headers.values(),
        _("Commentaire"),
    ]
    columns += [_("{h} (moyenne)").format(h=h) for h in headers.values()]
    columns += [_("Total pondéré"), _("Évaluatrices"), _("À discuter")]
    frame = pd.DataFrame(rows, columns=columns)
    # Nullable integers: a missing score stays empty instead of turning the column into floats.
    for column in [_("Rang"), *headers.values()]:
        frame[column] = frame[column].astype("Int64")
    return frame


_AGGREGATE_COLUMNS = [
    mark_("Rang"),
    mark_("Brique"),
    mark_("Critère"),
    mark_("Notes"),
    mark_("Moyenne"),
    mark_("Médiane"),
    mark_("Minimum"),
    mark_("Maximum"),
    mark_("Écart (niveaux)"),
    mark_("Écart (part de l'échelle)"),
    mark_("Désaccord"),
]


def aggregate_frame(catalogue: Catalogue, results: Sequence[BrickResult]) -> pd.DataFrame:
    """One row per brick × criterion: count, mean, median, min, max, gap and disagreement flag."""
    headers = criterion_headers(catalogue.programme)
    rows = [
        _aggregate_row(result, header, result.criteria[criterion_id])
        for result in results
        for criterion_id, header in headers.items()
    ]
    frame = pd.DataFrame(rows, columns=_AGGREGATE_COLUMNS)
    for column in (_("Rang"), _("Minimum"), _("Maximum"), _("Écart (niveaux)")):
        frame[column] = frame[column].astype("Int64")
    return frame


def _aggregate_row(result: BrickResult, header: str, agg: CriterionAggregate) -> list[Any]:
    return [
        result.rank,
        result.title,
        header,
        agg.count,
        _round(agg.mean, 2),
        agg.median,
        agg.min,
        agg.max,
        agg.gap,
        _round(agg.spread, 2),
        agg.disputed,
    ]


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns and headers made safe; numeric columns untouched so that they stay numeric."""
    out = df.copy()
    out.columns = [str(safe_cell(str(c))) for c in df.columns]
    for position in range(df.shape[1]):
        series = df.iloc[:, position]
        if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
            out.isetitem(position, series.map(_csv_text).to_numpy(dtype=object))
    return out


def _csv_text(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        # French Excel reads neither True nor False in a CSV: say it in French.
        return _("oui") if value else _("non")
    return safe_cell(value)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The frame as a CSV that French Excel opens right: UTF-8 with BOM, `;` separator, decimal comma."""
    text = _csv_frame(df).to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet title: at most 31 characters, none of []:*?/\\."""
    base = _SHEET_NAME_FORBIDDEN.sub(" ", strip_control(name)).strip().strip("'")[:31] or _("Feuille")
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def _column_width(header: Any, values: Iterable[Any]) -> float:
    longest = max((len(str(v)) for v in (header, *values) if v is not None), default=8)
    return min(max(longest + 2, 8), _MAX_WIDTH)


def xlsx_value(value: Any) -> Any:
    """A value for a workbook cell: text without control characters, numbers as numbers, nothing for empty.

    Unlike `safe_cell`, text keeps its first character: `xlsx_cell` marks it as text instead.
    """
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str | bool):
        return value
    return safe_cell(value)


def xlsx_cell(ws: Any, value: Any, *, bold: bool = False, number_format: str | None = None) -> Cell:
    """A cell that shows exactly what it holds: text is a text cell (`=1+1` stays text), numbers stay numbers.

    A text cell with a formula sign also gets Excel's « quote prefix » style: editing it keeps it text,
    and it shows as typed, without the apostrophe CSV needs.
    """
    cell = WriteOnlyCell(ws, value=xlsx_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if cell.value.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    if number_format and isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
        cell.number_format = number_format
    return cell


def write_sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: Sequence[str | None] | None = None,
) -> None:
    """A worksheet: bold header row frozen and filtered, fitted column widths, safe typed cells.

    `formats` gives a number format per column (None for the default).
    """
    # Write-only worksheets stream rows (about twice as fast) but need widths and panes set first.
    ws = workbook.create_sheet(title)
    shown = [[xlsx_value(v) for v in row] for row in rows]
    for i, header in enumerate(headers):
        ws.column_dimensions[get_column_letter(i + 1)].width = _column_width(header, (r[i] for r in shown))
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    ws.append([xlsx_cell(ws, h, bold=True) for h in headers])
    columns = list(formats) if formats else [None] * len(headers)
    for row in shown:
        ws.append([xlsx_cell(ws, v, number_format=f) for v, f in zip(row, columns, strict=False)])


def _write_sheet(workbook: Workbook, title: str, df: pd.DataFrame) -> None:
    write_sheet(workbook, title, [str(c) for c in df.columns], list(df.itertuples(index=False, name=None)))


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one worksheet per frame: bold frozen header, fitted widths, safe cells."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for name, df in sheets.items():
        _write_sheet(workbook, sheet_title(name, taken), df)
    if not sheets:
        workbook.create_sheet(_("Feuille"))  # a workbook must hold one sheet at least
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def evaluation_file_name(scenario_name: str, extension: str) -> str:
    """« evaluation-parcours-gt1.csv » for the scenario « Parcours GT1 »."""
    return f"evaluation-{slug(scenario_name)}.{extension}"
