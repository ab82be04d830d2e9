"""Each format opened by an independent reader finds the document's content; the same input gives the same bytes."""

import io
import json
import zipfile

import jsonschema
import pytest
import yaml
from export_readers import (
    TODAY,
    docx_text,
    html_parts,
    pdf_text,
    pptx_text,
    scored_source,
    svg_root,
    svg_text,
    xlsx_cells,
)
from helpers import ROOT
from PIL import Image

from tpt_model.bench.synthetic import synthetic_scenario
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.export.as_json import document_schema_text
from tpt_model.export.build import ExportSource
from tpt_model.export.formats import BY_ID, FORMATS, Export, export

TITLES = ("Atelier en classe", "Mentorat en ligne", "Ordinateur offert")


@pytest.fixture(scope="module")
def done(catalogue: Catalogue) -> Export:
    """Every format of the test scenario, with scores, built once for the module."""
    return export(scored_source(catalogue, catalogue.template("mini")), FORMATS)


def data(done: Export, extension: str) -> bytes:
    return next(f.data for f in done.files if f.name.endswith(f".{extension}"))


def test_files_are_named_after_the_scenario_and_its_version(done: Export) -> None:
    assert [f.name for f in done.files] == [
        "mini-parcours-v4.pdf",
        "mini-parcours-v4.docx",
        "mini-parcours-v4.pptx",
        "mini-parcours-v4.xlsx",
        "mini-parcours-v4.html",
        "mini-parcours-v4.md",
        "mini-parcours-v4.json",
        "mini-parcours-v4.yaml",
        "mini-parcours-v4-frise.png",
        "mini-parcours-v4-frise.svg",
    ]
    assert done.zip().name == "mini-parcours-v4.zip"


def test_the_pdf_holds_the_chapters_and_numbered_pages(done: Export) -> None:
    text = pdf_text(data(done, "pdf"))
    for expected in (
        "Cahier des charges",
        "Mini parcours",
        "Contexte et objectifs",
        "La frise en tableau",
        "Fiches des briques",
        "Classement pondéré",
        "Budget sur cinq ans",
        "Parcours des personas",
        "Annexe : les critères d'évaluation",
        *TITLES,
    ):
        assert expected in text, expected
    assert "Page 1 / " in text  # the running footer counts the pages


def test_the_pdf_draws_the_frise_as_vectors(done: Export) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data(done, "pdf")))
    # The frise's page is landscape, and its SVG is drawn as a form of vectors, not a bitmap.
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert landscape
    assert not any(p.images for p in landscape)


def test_the_pdf_repeats_table_headers_under_running_headers(catalogue: Catalogue) -> None:
    import pypdf

    scenario = synthetic_scenario(catalogue, 80)
    pdf = export(ExportSource(catalogue, scenario, TODAY), [BY_ID["pdf"]]).files[0].data
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    frise_table = [t for t in pages if "Atelier en classe Attirer Collectif Attirer" in t]
    assert len(frise_table) >= 2  # the frise's table runs over several pages
    for number, text in ((pages.index(t) + 1, t) for t in frise_table):
        assert "N° Brique Volet Modalité Couloir Début Fin Durée (mois) Partenaire Note" in text
        # The running header names the scenario and the chapter; the footer counts the pages.
        assert "Scénario synthétique de 80 placements La frise" in text
        assert f"Page {number} / {len(pages)}" in text


def test_a_table_row_taller_than_a_page_runs_over_the_next(catalogue: Catalogue) -> None:
    mini = catalogue.template("mini")
    long_note = "Début de la note. " + "Une phrase de plus. " * 500 + "Fin de la note."
    first = mini.placements[0].model_copy(update={"note": long_note})
    scenario = mini.model_copy(update={"placements": (first, *mini.placements[1:])})
    text = pdf_text(export(ExportSource(catalogue, scenario, TODAY), [BY_ID["pdf"]]).files[0].data)
    assert "Début de la note." in text and "Fin de la note." in text


def test_the_docx_has_headings_a_contents_field_tables_and_figures(done: Export) -> None:
    import docx

    document = docx.Document(io.BytesIO(data(done, "docx")))
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings[:4] == ["Sommaire", "Contexte et objectifs", "Volets et phases", "La frise"]
    styled = {(p.text, p.style.name) for p in document.paragraphs if p.style is not None}
    assert {("Fiches des briques", "Heading 1"), ("Mentorat en ligne", "Heading 2")} <= styled
    assert "Mentorat en ligne" in headings
    assert 'TOC \\o "1-2"' in document.element.body.xml
    frise = next(t for t in document.tables if t.rows[0].cells[1].text == "Brique")
    assert [r.cells[1].text for r in frise.rows[1:]] == list(TITLES)
    assert document.inline_shapes  # the figures are pictures in the text
    assert "Mentorat en ligne" in docx_text(data(done, "docx"))


def test_the_pptx_is_a_16_9_deck_of_the_briefing(done: Export) -> None:
    import pptx

    deck = pptx.Presentation(io.BytesIO(data(done, "pptx")))
    assert deck.slide_width * 9 == deck.slide_height * 16
    slides = pptx_text(data(done, "pptx"))
    titles = [s.splitlines()[0] for s in slides]
    assert titles == [
        "Mini parcours",
        "La frise du parcours",
        "Phase 1 · Je construis mon projet",
        "Phase 2 · Je réussis ma formation",
        "Phase 3 · Je m'épanouis dans mon job",
        "Matrice de priorisation",
        "Budget sur cinq ans",
        "Trous du parcours",
        "Prochaines étapes",
    ]
    assert "Mentorat" in slides[2]
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) >= 2  # the frise and the matrix at least


def test_the_xlsx_has_one_typed_sheet_per_table(done: Export) -> None:
    sheets = xlsx_cells(data(done, "xlsx"))
    assert list(sheets)[:3] == ["Page de garde", "Volets", "Phases"]
    frise = sheets["La frise en tableau"]
    assert [c.value for c in frise[0]][:2] == ["N°", "Brique"]
    assert [row[1].value for row in frise[1:]] == list(TITLES)
    assert [row[0].value for row in frise[1:]] == [1, 2, 3]  # numbers stay numbers
    budget = sheets["Budget par année et par volet"]
    assert all(isinstance(row[2].value, int | float) for row in budget[1:])
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(data(done, "xlsx")))["La frise en tableau"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width > 8


def test_the_json_follows_its_schema_and_carries_the_analyses(done: Export) -> None:
    document = json.loads(data(done, "json"))
    jsonschema.validate(document, json.loads(document_schema_text()))
    assert document["cover"]["scenario"] == "Mini parcours"
    assert [s["id"] for s in document["sections"]][:3] == ["contexte", "volets-et-phases", "frise"]
    assert document["analyses"]["budget"]["per_beneficiary_eur"] == 5 + 400 + 450


def test_the_shipped_document_schema_is_up_to_date() -> None:
    shipped = ROOT / "catalogue" / "schema" / "cahier-des-charges.schema.json"
    assert shipped.read_text(encoding="utf-8") == document_schema_text(), "lancez `make schema`"


def test_the_yaml_is_the_scenario_file(done: Export, catalogue: Catalogue) -> None:
    assert yaml.safe_load(data(done, "yaml"))["name"] == "Mini parcours"
    assert [p["brick"] for p in yaml.safe_load(data(done, "yaml"))["placements"]] == [
        p.brick for p in catalogue.template("mini").placements
    ]


def test_the_frise_pictures(done: Export) -> None:
    picture = Image.open(io.BytesIO(data(done, "png")))
    assert picture.format == "PNG" and picture.width >= 1600
    root = svg_root(data(done, "svg"))
    assert root.tag.endswith("svg")
    text = svg_text(data(done, "svg"))
    assert "Mini parcours" in text and "Mentorat" in text


def test_the_html_is_self_contained(done: Export) -> None:
    tags, text = html_parts(data(done, "html"))
    sources = [a.get("src") or a.get("href") for tag, a in tags if tag in ("img", "link", "script", "iframe")]
    assert sources and all(s and s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert "Mentorat en ligne" in text
    assert "Content-Security-Policy" in data(done, "html").decode()


def test_markdown_lists_the_chapters(done: Export) -> None:
    text = data(done, "md").decode("utf-8")
    assert text.startswith("# Cahier des charges — Mini parcours\n")
    assert "\n## Fiches des briques\n" in text and "\n### Mentorat en ligne\n" in text


def test_the_same_input_exports_the_same_bytes(catalogue: Catalogue, done: Export) -> None:
    again = export(scored_source(catalogue, catalogue.template("mini")), FORMATS)
    different = [a.name for a, b in zip(done.files, again.files, strict=True) if a.data != b.data]
    assert different == []
    assert done.zip().data == again.zip().data
    # Office files and the zip carry no clock time.
    for name in ("docx", "pptx", "xlsx"):
        with zipfile.ZipFile(io.BytesIO(data(done, name))) as archive:
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_only_the_cover_date_changes_with_the_day(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    md = [f for f in FORMATS if f.id == "md"]
    first = export(ExportSource(catalogue, scenario, TODAY), md).files[0].data.decode()
    later = export(ExportSource(catalogue, scenario, TODAY.replace(day=2)), md).files[0].data.decode()
    changed = [(a, b) for a, b in zip(first.splitlines(), later.splitlines(), strict=True) if a != b]
    assert changed == [("- **Date de l'export** : 2026\\-12\\-01", "- **Date de l'export** : 2026\\-12\\-02")]


def test_the_zip_holds_every_file(done: Export) -> None:
    with zipfile.ZipFile(io.BytesIO(done.zip().data)) as archive:
        assert archive.namelist() == [f.name for f in done.files]
        assert archive.read("mini-parcours-v4.md") == data(done, "md")
