"""The workshops chapter: revealed rounds only, participants counted and named only with their consent."""

import io

import pytest
from export_readers import docx_text, pdf_text, scored_source, workshop_reports, xlsx_cells

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.export.formats import BY_ID, Export, export
from tpt_model.export.workshop_section import NO_WORKSHOP

FORMATS = [BY_ID[f] for f in ("md", "docx", "xlsx", "pdf")]


@pytest.fixture(scope="module")
def done(catalogue: Catalogue) -> Export:
    scenario = catalogue.template("mini")
    source = scored_source(catalogue, scenario, workshops=workshop_reports(catalogue, scenario))
    return export(source, FORMATS)


def data(done: Export, extension: str) -> bytes:
    return next(f.data for f in done.files if f.name.endswith(f".{extension}"))


def chapter(markdown: str) -> str:
    start = markdown.index("## Ateliers et focus groups")
    return markdown[start : markdown.index("\n## ", start + 1)]


def test_without_a_workshop_the_chapter_says_so(catalogue: Catalogue) -> None:
    source = scored_source(catalogue, catalogue.template("mini"))
    markdown = export(source, [BY_ID["md"]]).files[0].data.decode()
    assert chapter(markdown).replace("\\", "").strip().splitlines()[-1] == f"*{NO_WORKSHOP}*"


def test_the_markdown_counts_participants_and_names_only_who_agreed(done: Export) -> None:
    text = chapter(data(done, "md").decode()).replace("\\", "")
    assert "### Atelier d'évaluation « GT1 de novembre »" in text
    assert "### Focus group « GT1 de novembre »" in text
    assert text.count("**Participantes** : 2 participantes") == 2  # the removed one is not counted
    assert "**Nommées, avec leur accord** : Alice" in text
    assert "Bea" not in text and "Intruse" not in text
    assert (
        "Tour 1 · Phase 1 (révélé) : 2 briques, 2 participantes ont répondu ; à discuter : Mentorat en ligne"
        in text
    )
    assert "Reprise" not in text  # the blind round stays in the room
    assert "| 1 | 2 | Mentorat en ligne | 50 | 2,5 | 2 | 3 | 3 | 2 | oui |" in text
    assert "| 1 | Mentorat | 2 | 3,5 | Plutôt oui : 1 · Oui, carrément : 1 | 4 | Très utile : 1 |" in text
    assert "| 1 | Terminale | 2 | 3,5 |" in text  # the mentoring starts in terminale: per stage
    assert "| 1 | Mentorat | Des horaires |" in text


def test_the_docx_and_the_pdf_hold_the_chapter(done: Export) -> None:
    import docx

    document = docx.Document(io.BytesIO(data(done, "docx")))
    styled = {(p.text, p.style.name) for p in document.paragraphs if p.style is not None}
    assert ("Ateliers et focus groups", "Heading 1") in styled
    assert ("Atelier d'évaluation « GT1 de novembre »", "Heading 2") in styled
    notes = next(t for t in document.tables if t.rows[0].cells[0].text == "Tour" and len(t.columns) == 10)
    assert [c.text for c in notes.rows[2].cells[2:5]] == ["Mentorat en ligne", "50", "2,5"]
    assert "Des horaires" in docx_text(data(done, "docx"))
    text = pdf_text(data(done, "pdf"))
    assert "Ateliers et focus groups" in text and "Focus group « GT1 de novembre »" in text


def test_the_workbook_has_a_sheet_of_the_workshop_with_typed_cells(done: Export) -> None:
    sheets = xlsx_cells(data(done, "xlsx"))
    rows = next(rows for title, rows in sheets.items() if title.startswith("Notes de l'atelier « GT1"))
    header = [c.value for c in rows[0]]
    mentorat = {h: c.value for h, c in zip(header, rows[2], strict=True)}
    assert mentorat["Brique"] == "Mentorat en ligne"
    assert (mentorat["Pertinence (moyenne)"], mentorat["Écart le plus grand"]) == (2.5, 3)
    assert (mentorat["Évaluatrices"], mentorat["À discuter"]) == (2, True)
    texts = next(rows for title, rows in sheets.items() if title.startswith("Focus, réponses libres"))
    assert [c.value for c in texts[1]] == [1, "Mentorat", "Des horaires"]
    assert not [t for t in sheets if "Bea" in str([c.value for row in sheets[t] for c in row])]
