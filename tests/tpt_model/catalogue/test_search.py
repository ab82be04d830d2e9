"""Searching the catalogue: filters, and the best match first (title, then summary; accents and case ignored)."""

import pytest
from helpers import ROOT

from tpt_model import Catalogue, load_catalogue
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


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load_catalogue(ROOT / "catalogue")


# The words of issue 11 on the shipped catalogue: titles are actions (« Mentorer… »), so the name a
# room knows a brick by is often its short title (« Mentorat JobIRL (6 mois) », « Tutorat en L1 »).
@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("mentorat", {"mentorat-jobirl", "mentorat-premier-emploi"}),
        ("Mentorat JobIRL", {"mentorat-jobirl"}),
        ("tutorat", {"tutorat-l1"}),
        ("TUTORAT en l1", {"tutorat-l1"}),
        ("mixite", {"indicateurs-mixite"}),
    ],
)
def test_the_shipped_catalogue_proposes_the_brick_named_by_the_words(
    shipped: Catalogue, text: str, best: set[str]
) -> None:
    assert ids(shipped, BrickFilter(text=text))[0] in best


def test_the_short_title_counts_as_the_title(test_catalogue: Catalogue) -> None:
    brick = test_catalogue.brick("ordinateur").model_copy(update={"short_title": "Portable offert"})
    assert relevance(brick, "portable") == 0
