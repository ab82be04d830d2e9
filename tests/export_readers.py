"""Readers that open each export format independently of the code that wrote it; a scored source, workshops."""

import datetime
import io
import json
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree

import docx
import openpyxl
import pptx
import pypdf
import yaml

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.build import ExportSource
from tpt_model.workshop.records import Answer, Kind, Participant, Round, Snapshot, Workshop
from tpt_model.workshop.report import WorkshopReport, workshop_report

TODAY = datetime.date(2026, 12, 1)
AT = datetime.datetime(2026, 11, 20, 14, 0, tzinfo=datetime.UTC)
CRITERIA = ("pertinence", "simplicite", "abordable")
FOCUS_QUESTIONS = ("participerais", "utile", "manque")


def scored_source(catalogue: Catalogue, scenario: Scenario, **changes: object) -> ExportSource:
    """The scenario with two evaluators who disagree on the mentoring (it is « à discuter »)."""
    sheets = [
        ScoreSheet(
            brick="mentorat", evaluator="Léa", scores={"pertinence": 4, "simplicite": 1, "abordable": 3}
        ),
        ScoreSheet(
            brick="mentorat", evaluator="Zoé", scores={"pertinence": 1, "simplicite": 4, "abordable": 3}
        ),
        ScoreSheet(
            brick="atelier-classe", evaluator="Léa", scores={"pertinence": 3, "simplicite": 3, "abordable": 4}
        ),
    ]
    fields: dict[str, object] = {"sheets": sheets, "version": 4, "author": "Léa"} | changes
    return ExportSource(catalogue, scenario, TODAY, **fields)  # type: ignore[arg-type]


def _workshop(kind: Kind, title: str) -> Workshop:
    return Workshop(f"w-{kind}", "ABCDEF", kind, title, "s", 3, "open", True, AT, 1, 1)


def workshop_reports(
    catalogue: Catalogue, scenario: Scenario, *, title: str = "GT1 de novembre", missing: str = "Des horaires"
) -> tuple[WorkshopReport, WorkshopReport]:
    """An evaluation workshop and a focus group on the scenario, as the export reads them.

    The evaluation: Alice (named, she agreed), Bea (not named) and a removed participant; round 1
    revealed, Alice and Bea disagree on the mentoring (4 and 1 in relevance); round 2 still blind.
    The focus group: two anonymous answers on the mentoring, one saying what is `missing`.
    """
    people = (
        Participant("p1", 1, "Alice", True, False, AT),
        Participant("p2", 2, "Bea", False, False, AT),
        Participant("p3", 3, "Intruse", True, True, AT),
    )
    scored = [
        ("p1", "mentorat", (4, 2, 3)),
        ("p2", "mentorat", (1, 2, 3)),
        ("p1", "atelier-classe", (3, 3, 4)),
    ]
    answers = [
        Answer(1, who, brick, c, v)
        for who, brick, values in scored
        for c, v in zip(CRITERIA, values, strict=True)
    ]
    answers.append(Answer(2, "p1", "mentorat", "pertinence", 2))
    rounds = (
        Round(1, "Phase 1", "brick", ("atelier-classe", "mentorat"), CRITERIA, "revealed", AT),
        Round(2, "Reprise", "brick", ("mentorat",), CRITERIA, "open", AT),
    )
    evaluation = Snapshot(_workshop("evaluation", title), people, rounds, tuple(answers))
    young = (Participant("j1", 1, None, False, False, AT), Participant("j2", 2, None, False, False, AT))
    focus_round = (Round(1, "Lycéennes", "brick", ("mentorat",), FOCUS_QUESTIONS, "locked", AT),)
    focus_answers = (
        Answer(1, "j1", "mentorat", "participerais", 4),
        Answer(1, "j2", "mentorat", "participerais", 3),
        Answer(1, "j2", "mentorat", "utile", 4),
        Answer(1, "j2", "mentorat", "manque", None, missing),
    )
    focus = Snapshot(_workshop("focus", title), young, focus_round, focus_answers)
    return workshop_report(catalogue, scenario, evaluation), workshop_report(catalogue, scenario, focus)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_parts(data: bytes) -> tuple[list[tuple[str, dict[str, str | None]]], str]:
    """The page's tags with their attributes, and its text as a reader sees it."""
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return parser.tags, " ".join(parser.text)


def pdf_text(data: bytes) -> str:
    """The text of every page, lines joined by spaces."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def docx_text(data: bytes) -> str:
    """Paragraphs and table cells of a Word file."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pptx_text(data: bytes) -> list[str]:
    """The text of each slide."""
    deck = pptx.Presentation(io.BytesIO(data))
    return [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in deck.slides
    ]


def xlsx_cells(data: bytes) -> dict[str, list[list[openpyxl.cell.Cell]]]:
    """Each worksheet's rows of cells."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(row) for row in ws.iter_rows()] for ws in workbook.worksheets}


def svg_root(data: bytes) -> ElementTree.Element:
    """The parsed SVG document (an XML parser refuses anything malformed)."""
    return ElementTree.fromstring(data)


def svg_text(data: bytes) -> str:
    return " ".join(t for t in svg_root(data).itertext())


def all_text(name: str, data: bytes) -> str:
    """What a person reads in a file of any text-bearing format."""
    if name.endswith(".pdf"):
        return pdf_text(data)
    if name.endswith(".docx"):
        return docx_text(data)
    if name.endswith(".pptx"):
        return "\n".join(pptx_text(data))
    if name.endswith(".xlsx"):
        return "\n".join(
            str(c.value) for rows in xlsx_cells(data).values() for row in rows for c in row if c.value
        )
    if name.endswith(".html"):
        return html_parts(data)[1]
    if name.endswith(".svg"):
        return svg_text(data)
    if name.endswith(".json"):
        return json.dumps(json.loads(data), ensure_ascii=False)
    if name.endswith(".yaml"):
        return json.dumps(yaml.safe_load(data), ensure_ascii=False)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(all_text(n, archive.read(n)) for n in archive.namelist())
    return data.decode("utf-8")
