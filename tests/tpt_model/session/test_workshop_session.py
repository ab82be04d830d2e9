"""The workshop page's address, its links, and the checks of a submitted form before it is saved."""

from datetime import UTC, datetime

import pytest

from tpt_model.catalogue.programme import Programme
from tpt_model.errors import InputError
from tpt_model.session.workshop import (
    WorkshopView,
    focus_values,
    join_link,
    read_workshop_address,
    save_answers,
    score_values,
)
from tpt_model.store.errors import StoreBusyError
from tpt_model.workshop.errors import WorkshopRefusal
from tpt_model.workshop.records import Pass, Round

AT = datetime(2026, 12, 1, tzinfo=UTC)
TOKEN = "abcdefghijklmnopqrstuvwx"


@pytest.mark.parametrize(
    ("params", "screen", "code"),
    [
        ({}, "home", None),
        ({"atelier": "k7m-2qx"}, "participant", "K7M2QX"),
        ({"atelier": "K7M2QX", "p": TOKEN}, "participant", "K7M2QX"),
        ({"atelier": "K7M2QX", "animation": TOKEN}, "facilitator", "K7M2QX"),
        ({"atelier": "K7M2QX", "vue": "projecteur", "animation": TOKEN}, "projector", "K7M2QX"),
        ({"atelier": "<script>"}, "home", None),
        ({"atelier": "K7M2QX", "animation": "court"}, "participant", "K7M2QX"),  # malformed: left out
    ],
)
def test_the_address_names_the_screen(params: dict[str, str], screen: str, code: str | None) -> None:
    address = read_workshop_address(params)
    assert (address.screen, address.code) == (screen, code)


def test_links() -> None:
    assert (
        join_link("http://salle:8501/atelier?atelier=OLD&p=x", "K7M2QX")
        == "http://salle:8501/atelier?atelier=K7M2QX"
    )
    assert join_link("http://salle:8501/", "K7M2QX", projector=True) == (
        "http://salle:8501/atelier?atelier=K7M2QX&vue=projecteur"
    )
    assert join_link("https://h/frise/atelier", "K7M2QX", secret=TOKEN) == (
        f"https://h/frise/atelier?atelier=K7M2QX&animation={TOKEN}"
    )


def evaluation_round(*questions: str) -> Round:
    return Round(1, "Tour 1", "brick", ("mentorat",), questions, "open", AT)


def test_scores_are_checked_on_the_criteria_scales(programme: Programme) -> None:
    round_ = evaluation_round("pertinence", "abordable")
    assert score_values(
        programme, round_, "mentorat", {"pertinence": 4, "abordable": None, "simplicite": 2}
    ) == {
        "pertinence": (4, None),
        "abordable": (None, None),
    }
    with pytest.raises(InputError, match="Choisissez au moins une note"):
        score_values(programme, round_, "mentorat", {"pertinence": 9, "simplicite": 2})


def test_focus_answers_are_checked() -> None:
    round_ = Round(1, "Tour 1", "stage", ("seconde",), ("participerais", "utile", "manque"), "open", AT)
    assert focus_values(round_, {"participerais": 3}, "  Des\nhoraires  ") == {
        "participerais": (3, None),
        "utile": (None, None),
        "manque": (None, "Des horaires"),
    }
    with pytest.raises(InputError, match="Réponds à au moins une question"):
        focus_values(round_, {}, "   ")
    with pytest.raises(WorkshopRefusal, match="hors de l'échelle"):
        focus_values(round_, {"utile": 5}, None)
    with pytest.raises(WorkshopRefusal, match="dépasse 500 caractères"):
        focus_values(round_, {}, "x" * 501)


def test_the_view_follows_rounds_and_workshops() -> None:
    view = WorkshopView()
    view.enter("w1", "K7M2QX")
    view.follow(evaluation_round("pertinence"))
    view.step(1, 3)
    view.step(1, 3)
    view.step(1, 3)
    assert view.position == 2
    view.follow(Round(2, "Tour 2", "brick", ("mentorat",), ("pertinence",), "open", AT))
    assert (view.round_number, view.position) == (2, 0)
    view.enter("w2", "ABCDEF")
    assert (view.pass_, view.round_number, view.code) == (None, None, "ABCDEF")


class BusyThenFree:
    """A store whose database is busy for the first `busy` answers."""

    def __init__(self, busy: int) -> None:
        self.busy = busy
        self.saved: list[str] = []

    def answer(self, _pass: object, _number: int, item: str, _values: object) -> None:
        if self.busy:
            self.busy -= 1
            raise StoreBusyError()
        self.saved.append(item)


@pytest.mark.parametrize(("busy", "saved", "ok"), [(2, ["mentorat"], True), (3, [], False)])
def test_a_busy_database_is_tried_again(busy: int, saved: list[str], ok: bool) -> None:
    view = WorkshopView(pass_=Pass(workshop_id="w", role="participant", credential=TOKEN))
    store = BusyThenFree(busy)
    round_ = evaluation_round("pertinence")
    notice = save_answers(view, store, round_, round_.items, lambda _item: {"pertinence": (3, None)})  # type: ignore[arg-type]
    assert (store.saved, notice.ok) == (saved, ok)
    if not ok:
        assert notice.message == StoreBusyError().message
