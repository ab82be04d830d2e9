"""Searching the catalogue: filters, and the best match first (title, then summary; accents and case ignored)."""

import pytest

from tpt_model import Catalogue
from tpt_model.catalogue.search import BrickFilter, filter_bricks, relevance


@pytest.fixture(scope="module")
def tutorat(test_catalogue: Catalogue) -> Catalogue:
    """The test catalogue where « tutorat » is said in three places, the title's brick last."""
    first, second, third = test_catalogue.bricks
    return test_catalogue.replace(
        bricks=(
            first.model_copy(update={"good_practices": ("Prolonger par un tutorat",)}),
            second.model_copy(update={"summary": "Un TUTORAT entre pairs."}),
            third.model_copy(update={"title": "Tutorat et ordinateur offert"}),
        )
    )


def ids(catalogue: Catalogue, wanted: BrickFilter) -> list[str]:
    return [b.id for b in filter_bricks(catalogue, wanted)]


def test_the_title_comes_first_then_the_summary(tutorat: Catalogue) -> None:
    assert ids(tutorat, BrickFilter(text="tutorat")) == ["ordinateur", "mentorat", "atelier-classe"]


@pytest.mark.parametrize("text", ["TUTORAT", "tutorât", "Tutorat  "])
def test_accents_and_case_are_ignored(tutorat: Catalogue, text: str) -> None:
    assert ids(tutorat, BrickFilter(text=text))[0] == "ordinateur"


def test_every_word_counts(tutorat: Catalogue) -> None:
    # « ordinateur » is in the third brick's title too: it stays first; the others lack the word.
    assert ids(tutorat, BrickFilter(text="tutorat ordinateur")) == ["ordinateur"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mentorat", 0), ("MENTORAT en ligne", 0), ("mentorat professionnelle", 1), ("binômes", 2)],
)
def test_relevance(test_catalogue: Catalogue, text: str, expected: int) -> None:
    assert relevance(test_catalogue.brick("mentorat"), text) == expected


def test_without_words_the_catalogue_order_stays(test_catalogue: Catalogue) -> None:
    assert ids(test_catalogue, BrickFilter(pillars=("empower",))) == ["mentorat", "ordinateur"]
    assert ids(test_catalogue, BrickFilter()) == ["atelier-classe", "mentorat", "ordinateur"]
