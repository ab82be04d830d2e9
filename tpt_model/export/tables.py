"""Tables of the document from what the other rooms return (frames, rows), and their cells in French."""

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from tpt_model.export.document import Cell, Column, ColumnKind, Table
from tpt_model.formatting import EMPTY, euros, hours, number
from tpt_model.text import strip_control


def plain(value: Any) -> Cell:
    """A cell value as the document holds it: None for missing, Python numbers, text without controls."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()  # numpy scalars from pandas become plain Python values
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, numbers.Real):
        return float(value)
    return strip_control(str(value))


def _kind(series: pd.Series) -> ColumnKind:
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    return "text"


def table_from_frame(title: str, frame: pd.DataFrame, kinds: Mapping[str, ColumnKind] | None = None) -> Table:
    """A frame as a table: column kinds from the dtypes unless `kinds` names them (euros, hours)."""
    given = kinds or {}
    columns = [Column(name=str(c), kind=given.get(str(c), _kind(frame[c]))) for c in frame.columns]
    rows = [[plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return Table(title=strip_control(title), columns=columns, rows=rows)


def table_from_rows(
    title: str, rows: Sequence[Mapping[str, Any]], kinds: Mapping[str, ColumnKind] | None = None
) -> Table:
    """Rows of dicts (the analyses' French tables) as a table; headers from the first row."""
    given = kinds or {}
    names = list(rows[0]) if rows else list(given)
    columns = [Column(name=n, kind=given.get(n, "text")) for n in names]
    return Table(title=title, columns=columns, rows=[[plain(r.get(n)) for n in names] for r in rows])


def cell_text(value: Cell, kind: ColumnKind) -> str:
    """A cell as people read it: French numbers, euros, hours, « oui »/« non », « — » where empty."""
    if value is None or value == "":
        return EMPTY if kind != "text" or value is None else ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        if kind == "eur":
            return euros(value)
        if kind == "hours":
            return hours(value)
        return number(value, 0 if kind == "int" else 2)
    return value


def column_shares(table: Table) -> list[float]:
    """Each column's share of the table's width, from the length of its longest text (capped).

    A fixed table layout with these widths reads well, and spares the layout measuring every cell.
    """
    weights = []
    for i, column in enumerate(table.columns):
        texts = [cell_text(row[i], column.kind) for row in table.rows]
        longest = max(map(len, texts), default=0)
        # A word is never cut: the column is at least as wide as its longest word (header included).
        word = max((len(w) for t in [*texts, column.name] for w in t.split()), default=1)
        weights.append(max(word + 2, min(longest, 30), 4))
    total = sum(weights) or 1
    return [w / total for w in weights]
