"""The frise's views: names read from an address, phases shown alone, sizes of each view."""

import pytest
from pydantic import ValidationError

from tpt_model import Catalogue
from tpt_model.frise.display import (
    METRICS,
    VIEW_LABELS,
    FriseDisplay,
    is_phone,
    parse_phase,
    parse_view,
    phase_numbers,
    phase_window,
    shown_phase,
    step_phase,
)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("presentation", "presentation"),
        ("Présentation", "presentation"),
        (" PRESENTATION ", "presentation"),
        ("telephone", "telephone"),
        ("téléphone", "telephone"),
        ("mobile", "telephone"),
        ("normale", "normal"),
        ("normal", "normal"),
    ],
)
def test_a_view_named_in_an_address(text: str, view: str) -> None:
    assert parse_view(text) == view


@pytest.mark.parametrize("text", [None, "", "plein-ecran", "presentation2", "<script>", "télé phone"])
def test_an_unknown_view_is_none(text: str | None) -> None:
    assert parse_view(text) is None


def test_views_have_french_names_and_sizes() -> None:
    assert list(VIEW_LABELS.values()) == ["Normale", "Présentation", "Téléphone"]
    normal, room, phone = (METRICS[v] for v in ("normal", "presentation", "telephone"))
    assert room.font_px > normal.font_px and room.row_px > normal.row_px  # large type for a room
    assert phone.plot_px < 390 - 2 * 8 and phone.one_bar_per_row
    assert not normal.one_bar_per_row and not room.one_bar_per_row


def test_a_phase_is_read_only_when_the_programme_has_it(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert phase_numbers(programme) == [1, 2, 3]
    assert [parse_phase(t, programme) for t in ("2", " 3 ", "4", "0", "deux", None)] == [
        2,
        3,
        None,
        None,
        None,
        None,
    ]


def test_the_months_shown(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert phase_window(programme, FriseDisplay()) == (0, 72)
    assert phase_window(programme, FriseDisplay(phase=2)) == (0, 72), "the normal view shows every phase"
    assert phase_window(programme, FriseDisplay(view="presentation", phase=1)) == (0, 36)
    assert phase_window(programme, FriseDisplay(view="telephone", phase=2)) == (36, 60)
    assert phase_window(programme, FriseDisplay(view="presentation", phase=3)) == (60, 72)
    # A phase the catalogue no longer has: its first phase.
    assert phase_window(programme, FriseDisplay(view="presentation", phase=7)) == (0, 36)
    assert shown_phase(programme, FriseDisplay(view="presentation", phase=7)) == 1


def test_previous_and_next_phase_stop_at_the_ends(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    display = FriseDisplay(view="presentation")
    forward = [display := step_phase(programme, display, 1) for _ in range(3)]
    assert [d.phase for d in forward] == [2, 3, 3]
    assert step_phase(programme, FriseDisplay(view="telephone", phase=1), -1).phase == 1
    assert step_phase(programme, FriseDisplay(view="telephone", phase=3), -1) == FriseDisplay(
        view="telephone", phase=2
    )


def test_the_chart_of_the_normal_view_does_not_depend_on_the_phase() -> None:
    assert FriseDisplay(phase=3).drawn() == FriseDisplay()
    assert FriseDisplay(view="presentation", phase=3).drawn().phase == 3
    with pytest.raises(ValidationError):
        FriseDisplay(view="grand")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("agent", "hint", "phone"),
    [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1", None, True),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120.0 Mobile Safari/537.36", None, True),
        ("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36", None, False),
        ("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36", "?1", True),
        (None, None, False),
    ],
)
def test_a_phone_says_so(agent: str | None, hint: str | None, phone: bool) -> None:
    assert is_phone(agent, hint) is phone
