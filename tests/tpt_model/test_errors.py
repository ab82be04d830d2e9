"""Problems read the same way for errors and warnings: `file:line:col: field: message`."""

import pytest

from tpt_model.errors import ERROR, WARNING, Level, Problem, errors_among, problems_summary, warnings_among


def test_a_warning_says_so_before_its_message() -> None:
    error = Problem("bricks/a.yaml", 3, 5, "pillar", "valeur « x » invalide")
    warning = Problem("bricks/a.yaml", 9, 1, "sources", "aucune source", level="avertissement")
    assert str(error) == "bricks/a.yaml:3:5: pillar: valeur « x » invalide"
    assert str(warning) == "bricks/a.yaml:9:1: sources: avertissement : aucune source"
    assert errors_among([warning, error]) == [error]
    assert warnings_among([warning, error]) == [warning]


def test_problems_sort_by_place_whatever_their_level() -> None:
    later = Problem("a.yaml", 9, 1, "x", "m")
    sooner = Problem("a.yaml", 2, 1, "x", "m", level="avertissement")
    assert sorted([later, sooner]) == [sooner, later]


@pytest.mark.parametrize(
    ("levels", "summary"),
    [
        ([ERROR], "1 erreur dans 1 fichier du catalogue"),
        ([WARNING], "1 avertissement dans 1 fichier du catalogue"),
        ([ERROR, ERROR, WARNING], "2 erreurs et 1 avertissement dans 3 fichiers du catalogue"),
    ],
)
def test_the_sidebar_counts_errors_and_warnings_apart(levels: list[Level], summary: str) -> None:
    problems = [Problem(f"f{i}.yaml", 1, 1, "x", "m", level) for i, level in enumerate(levels)]
    assert problems_summary(problems) == summary
