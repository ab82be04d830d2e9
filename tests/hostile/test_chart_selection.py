"""What a click on the frise reports never crashes the page: only a placement's bar selects."""

import pytest

from tpt_model.frise.chart import selection_after_click


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"idx": 2}], 2),  # a bar
        ([{"idx": 2.0}], 2),  # JSON numbers may come back as floats
        ([], None),  # empty ground: the selection is cleared
        ([{"label": "8 mars"}], 1),  # a yearly band, a milestone, a label: nothing changes
        ([{"idx": 9}], 1),  # a placement that an undo has just removed
        ([{"idx": -1}], 1),
        ([{"idx": True}], 1),
        ([{"idx": "2"}], 1),
        ([{"idx": 1.5}], 1),
        (["idx"], 1),
        ({"idx": 2}, 1),
        (None, 1),
    ],
)
def test_a_click_selects_only_a_placement_bar(points: object, expected: int | None) -> None:
    assert selection_after_click(points, current=1, count=3) == expected
