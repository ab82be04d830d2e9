"""The specification in English: headings, table headers and sentences translated, catalogue content kept."""

import pytest
from export_readers import scored_source, xlsx_cells
from helpers import TEST_CATALOGUE

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.cli.main import main
from tpt_model.export.formats import BY_ID, Export, export
from tpt_model.i18n import use_language

FRENCH_HEADINGS = (
    "Contexte et objectifs",
    "Volets et phases",
    "La frise",
    "Fiches des briques",
    "Évaluation",
    "Couverture et trous",
    "Partenaires",
    "Budget sur cinq ans",
    "Parcours des personas",
    "Plan de communication",
    "Annexe : les critères d'évaluation",
)
ENGLISH_HEADINGS = (
    "Context and goals",
    "Pillars and phases",
    "The timeline",
    "Action brick sheets",
    "Evaluation",
    "Coverage and gaps",
    "Partners",
    "Five-year budget",
    "The personas' journeys",
    "Communication plan",
    "Appendix: the evaluation criteria",
)


def _english(catalogue: Catalogue) -> Export:
    # The pilots gave one brick an English title: the English export shows it.
    mentoring = catalogue.brick("mentorat").model_copy(update={"title_en": "Online mentoring (English)"})
    translated = catalogue.replace(bricks=[mentoring if b.id == "mentorat" else b for b in catalogue.bricks])
    with use_language("en"):
        return export(scored_source(translated, translated.template("mini")), [BY_ID["md"], BY_ID["xlsx"]])


@pytest.fixture(scope="module")
def english(catalogue: Catalogue) -> Export:
    return _english(catalogue)


def _file(done: Export, extension: str) -> bytes:
    return next(f.data for f in done.files if f.name.endswith(f".{extension}"))


def _headings(markdown: str) -> list[str]:
    # Markdown escapes what could be read as markup (« Five\\-year »): headings are compared as read.
    return [
        line.lstrip("#").strip().replace("\\", "") for line in markdown.splitlines() if line.startswith("#")
    ]


def test_the_markdown_has_english_headings_and_no_french_one(english: Export) -> None:
    headings = _headings(_file(english, "md").decode("utf-8"))
    assert set(ENGLISH_HEADINGS) <= set(headings)
    assert [h for h in headings if h in FRENCH_HEADINGS] == []
    assert headings[:3] == ["Specification — Mini parcours", "Contents", "Context and goals"]


def test_the_brick_sheets_show_the_english_title_the_pilots_gave(english: Export) -> None:
    headings = _headings(_file(english, "md").decode("utf-8"))
    assert "Online mentoring (English)" in headings
    assert "Mentorat en ligne" not in headings
    assert "Atelier en classe" in headings  # a brick without English title keeps the pilots' one


def test_the_workbook_s_sheets_and_headers_are_in_english(english: Export) -> None:
    sheets = xlsx_cells(_file(english, "xlsx"))
    assert "Cover page" in sheets
    assert "Page de garde" not in sheets
    assert [c.value for c in sheets["Cover page"][0]] == ["Item", "Value"]
    assert "Weighted ranking" in sheets
    header = [c.value for c in sheets["Weighted ranking"][0]]
    assert header[:3] == ["Rank", "Action brick", "Pillar"]


def test_amounts_labels_and_flags_are_written_in_english(english: Export) -> None:
    markdown = _file(english, "md").decode("utf-8")
    assert "- **Export date**: " in markdown
    assert "€400 per beneficiary, €0 of fixed costs" in markdown
    assert " | no |" in markdown
    assert " : " not in markdown.replace("| --- |", "")


def test_the_command_line_exports_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    mini = str(TEST_CATALOGUE / "scenarios" / "mini.yaml")
    code = main(["export", mini, "--format", "md", "--lang", "en", "--catalogue", str(TEST_CATALOGUE)])
    assert code == 0
    headings = _headings(capsys.readouterr().out)
    assert "Context and goals" in headings
    assert [h for h in headings if h in FRENCH_HEADINGS] == []


def test_the_french_export_is_unchanged_by_an_english_one(catalogue: Catalogue) -> None:
    french = export(scored_source(catalogue, catalogue.template("mini")), [BY_ID["md"]])
    _english(catalogue)
    again = export(scored_source(catalogue, catalogue.template("mini")), [BY_ID["md"]])
    assert french.files[0].data == again.files[0].data
    assert "## Contexte et objectifs" in french.files[0].data.decode("utf-8")
