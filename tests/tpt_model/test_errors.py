"""Problems read the same way for errors and warnings: `file:line:col: field: message`."""

from tpt_model.errors import Problem, errors_among, warnings_among


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
