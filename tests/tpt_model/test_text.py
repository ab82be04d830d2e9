"""Names on one line: what a typed name becomes, and the author written in a history."""

import pytest

from tpt_model.text import author_name, clean_name


@pytest.mark.parametrize(
    ("typed", "expected"), [("  Alice  ", "Alice"), ("", "Anonyme"), (" \t\x00", "Anonyme")]
)
def test_author_name(typed: str, expected: str) -> None:
    assert author_name(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("  Atelier\n de  Lyon ", "Atelier de Lyon"), ("a\x00b\x07", "ab"), (" \t ", ""), ("Élise", "Élise")],
)
def test_clean_name(typed: str, expected: str) -> None:
    assert clean_name(typed) == expected
