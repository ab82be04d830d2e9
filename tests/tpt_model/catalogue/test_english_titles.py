"""A brick's optional English title and summary (`title_en`, `summary_en`) are shown in English only."""

from pathlib import Path

import pytest
from helpers import TEST_CATALOGUE

from tpt_model import load_catalogue
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.card import brick_card_markdown, brick_row
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import BrickFilter, filter_bricks
from tpt_model.i18n import use_language
from tpt_model.scenario.folder import check_catalogue

ENGLISH = {"title_en": "Online mentoring", "summary_en": "Six months of mentoring with a professional."}


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue(TEST_CATALOGUE)


def _translated(catalogue: Catalogue) -> Brick:
    return catalogue.brick("mentorat").model_copy(update=ENGLISH)


def test_the_english_title_and_summary_are_shown_in_english(catalogue: Catalogue) -> None:
    brick = _translated(catalogue)
    assert (brick.shown_title, brick.shown_summary) == (brick.title, brick.summary)
    with use_language("en"):
        assert (brick.shown_title, brick.shown_summary) == (ENGLISH["title_en"], ENGLISH["summary_en"])
        card = brick_card_markdown(catalogue, brick)
        assert "## Online mentoring" in card
        assert "Six months of mentoring" in card
        assert "Mentorat en ligne" not in card.split("\n")[0]
        assert brick_row(catalogue, brick)["Action brick"] == "Online mentoring"


def test_without_them_english_shows_what_the_pilots_wrote(catalogue: Catalogue) -> None:
    brick = catalogue.brick("mentorat")
    with use_language("en"):
        assert brick.shown_title == "Mentorat en ligne"
        assert brick.shown_summary == "Six mois de mentorat avec une professionnelle."


def test_the_fields_are_read_from_the_brick_file_and_searched(catalogue_dir: Path) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "short_title: Mentorat\n",
        f"short_title: Mentorat\ntitle_en: {ENGLISH['title_en']}\nsummary_en: {ENGLISH['summary_en']}\n",
    )
    path.write_text(text, encoding="utf-8")
    result = check_catalogue(catalogue_dir)
    assert result.problems == []
    assert result.catalogue is not None
    assert result.catalogue.brick("mentorat").title_en == ENGLISH["title_en"]
    found = filter_bricks(result.catalogue, BrickFilter(text="online mentoring"))
    assert [b.id for b in found] == ["mentorat"]


def test_an_empty_english_title_is_refused(catalogue_dir: Path) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "short_title: Mentorat\n", 'short_title: Mentorat\ntitle_en: ""\n'
        ),
        encoding="utf-8",
    )
    problems = check_catalogue(catalogue_dir).problems
    assert [(p.field, p.message) for p in problems] == [("title_en", "texte vide")]
