"""The Atelier page: open a workshop, join it by its code, score blind, reveal, and come back after a reload."""

import pytest
from helpers import TITLES, app_test
from streamlit.testing.v1 import AppTest

from tpt_model.settings import load_settings
from tpt_model.store.errors import StoreBusyError
from tpt_model.store.migrate import open_database
from tpt_model.store.workshops import WorkshopStore
from tpt_model.text import escape_markdown
from tpt_model.workshop.errors import WrongSecret
from ui.state import STATE_KEY

CRITERIA = ("pertinence", "simplicite", "abordable")
DISPUTED = escape_markdown("À discuter (1) : Atelier en classe")


def workshop_store() -> WorkshopStore:
    """A store on the page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return WorkshopStore(open_database(load_settings().database_url))


def ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Everything the page says, in one string (markdown, captions, notices, titles)."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "success", "error", "warning", "title")
        for e in at.get(kind)
    ]
    return "\n".join(str(p) for p in parts)


def param(at: AppTest, name: str) -> str:
    """A parameter of the page's address as the script last wrote it."""
    value = at.query_params[name]
    return value if isinstance(value, str) else value[0]


def open_workshop(kind: str = "evaluation") -> tuple[AppTest, str, str]:
    """The facilitator opens a workshop from the page: her page, the code and her secret."""
    at = ok(app_test().run())
    ok(at.switch_page("pages/atelier.py").run())
    if kind == "focus":
        ok(at.radio(key="workshop_new_kind").set_value("focus").run())
    at.text_input(key="workshop_new_title").set_value("Atelier du GT1")
    ok(at.button(key="workshop_open").click().run())
    code, secret = param(at, "atelier"), param(at, "animation")
    return at, code, secret


def participant(code: str, token: str | None = None) -> AppTest:
    """A participant's page, opened from the join link (or her own link with its token)."""
    at = app_test()
    at.query_params["atelier"] = code
    if token:
        at.query_params["p"] = token
    return ok(at.run())


def join(code: str, name: str) -> tuple[AppTest, str]:
    at = participant(code)
    at.text_input(key="workshop_name").set_value(name)
    ok(at.button(key="FormSubmitter:workshop_join-Rejoindre l'atelier").click().run())
    return at, param(at, "p")


def score(at: AppTest, *levels: int) -> AppTest:
    for criterion, level in zip(CRITERIA, levels, strict=True):
        at.radio(key=f"workshop_answer_{criterion}").set_value(level)
    return ok(at.button(key="workshop_next").click().run())


def test_the_page_without_a_code_offers_to_join_or_to_open() -> None:
    at = ok(app_test().run())
    ok(at.switch_page("pages/atelier.py").run())
    assert at.title[0].value == "Atelier"
    assert at.text_input(key="workshop_code") is not None
    assert at.button(key="workshop_open") is not None


def test_a_wrong_code_is_refused_in_french() -> None:
    at = ok(app_test().run())
    ok(at.switch_page("pages/atelier.py").run())
    at.text_input(key="workshop_code").set_value("ZZZZZZ")
    ok(at.button(key="FormSubmitter:workshop_join_code-Rejoindre").click().run())
    assert "Ce code ne correspond à aucun atelier ouvert" in at.error[0].value


def test_open_join_score_blind_then_reveal() -> None:
    facilitator, code, _ = open_workshop()
    assert f"Code : `{code}`" in texts(facilitator)
    assert at_least_one_image(facilitator)  # the QR code
    alice, alice_token = join(code, "Alice")
    assert "Le premier tour n'est pas encore ouvert" in texts(alice)

    ok(facilitator.button(key="workshop_open_round").click().run())
    assert "Tour 1 ouvert" in texts(facilitator)
    ok(alice.run())  # what the polling fragment does when the round opens
    assert alice.header[0].value == TITLES[0]
    score(alice, 4, 3, 2)
    assert alice.header[0].value == TITLES[1]
    assert "1 / 3 faites" in alice.get("progress")[0].proto.text

    bea, _ = join(code, "Béa")
    ok(bea.run())
    score(bea, 1, 3, 2)
    # Blind: Béa's page shows no score of Alice's, only her own progress.
    assert "1 / 3 faites" in bea.get("progress")[0].proto.text
    assert not bea.dataframe

    ok(facilitator.run())
    assert "2 participantes" in texts(facilitator)
    ok(facilitator.button(key="workshop_reveal_round").click().run())
    assert DISPUTED in texts(facilitator)
    ok(alice.run())
    assert DISPUTED in texts(alice)
    ranking = alice.dataframe[0].value
    assert list(ranking["Brique"])[0] == TITLES[0] and list(ranking["Évaluations"])[0] == "2"

    # A reload (a new session with her link) comes back to Alice, not to a new participant.
    again = participant(code, alice_token)
    assert "Vous participez : Alice" in texts(again)
    snapshot = workshop_store().snapshot(facilitator.session_state[STATE_KEY].workshop.workshop_id)
    assert [p.label for p in snapshot.participants] == ["Alice", "Béa"]


def at_least_one_image(at: AppTest) -> bool:
    return len(at.get("image")) > 0


def test_the_participants_link_cannot_run_the_room() -> None:
    facilitator, code, _ = open_workshop()
    ok(facilitator.button(key="workshop_open_round").click().run())
    alice, token = join(code, "Alice")
    # Her token in the facilitator's place of the address is refused, rate-limited like any wrong secret.
    at = app_test()
    at.query_params["atelier"] = code
    at.query_params["animation"] = token
    ok(at.run())
    assert at.error[0].value == escape_markdown(WrongSecret().message)
    assert not at.button  # no control of the room is drawn
    workshop_id = facilitator.session_state[STATE_KEY].workshop.workshop_id
    assert workshop_store().snapshot(workshop_id).rounds[0].state == "open"
    assert alice.session_state[STATE_KEY].workshop.pass_.role == "participant"


def test_a_focus_group_asks_no_name_and_speaks_to_her() -> None:
    facilitator, code, _ = open_workshop("focus")
    ok(facilitator.radio(key="workshop_round_about").set_value("stage").run())
    ok(facilitator.button(key="workshop_open_round").click().run())
    at = participant(code)
    assert not [field for field in at.text_input if field.key == "workshop_name"]
    assert "anonymes" in texts(at)
    ok(at.button(key="FormSubmitter:workshop_join-C'est parti").click().run())
    assert at.header[0].value == "Seconde"
    assert (
        at.radio(key="workshop_answer_participerais").label
        == "Ce qu'on te propose à ce moment-là, tu y participerais ?"
    )
    at.radio(key="workshop_answer_utile").set_value(4)
    at.text_area(key="workshop_text").set_value("Quelqu'un à qui parler")
    ok(at.button(key="workshop_next").click().run())
    assert at.header[0].value == "Terminale"
    ok(facilitator.button(key="workshop_reveal_round").click().run())
    table = next(d.value for d in facilitator.dataframe if "Réponses" in d.value.columns)
    assert list(table["Réponses"])[0] == "1" and "Quelqu'un à qui parler" in list(table["Ce qui manque"])[0]


def test_a_score_the_database_could_not_take_stays_in_her_form(monkeypatch: pytest.MonkeyPatch) -> None:
    facilitator, code, _ = open_workshop()
    ok(facilitator.button(key="workshop_open_round").click().run())
    alice, _ = join(code, "Alice")
    real_answer = WorkshopStore.answer

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreBusyError()

    monkeypatch.setattr(WorkshopStore, "answer", busy)  # busy past the timeout, and at each retry
    score(alice, 4, 3, 2)
    # She is told, stays on the same brick, and what she chose is still chosen.
    assert [e.value for e in alice.error] == [escape_markdown(StoreBusyError().message)]
    assert alice.header[0].value == TITLES[0]
    assert [alice.radio(key=f"workshop_answer_{c}").value for c in CRITERIA] == [4, 3, 2]
    assert "0 / 3 faites" in alice.get("progress")[0].proto.text

    monkeypatch.setattr(WorkshopStore, "answer", real_answer)  # the database is free again
    ok(alice.button(key="workshop_next").click().run())  # she sends it again as it is
    assert alice.header[0].value == TITLES[1] and not alice.error
    snapshot = workshop_store().snapshot(facilitator.session_state[STATE_KEY].workshop.workshop_id)
    assert {a.question: a.value for a in snapshot.answers} == dict(zip(CRITERIA, (4, 3, 2), strict=True))
