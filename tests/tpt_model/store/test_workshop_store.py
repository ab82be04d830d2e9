"""Workshops in the database: codes, roles, blind rounds, reveal and lock, rate limits, each on both backends."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select, update

from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.errors import InputError
from tpt_model.store.errors import ScenarioNotFound, VersionNotFound
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.tables import workshop_participants, workshops
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.codes import digest
from tpt_model.workshop.errors import (
    NotAllowed,
    RateLimited,
    WorkshopRefusal,
    WrongCode,
    WrongSecret,
    WrongToken,
)
from tpt_model.workshop.records import Pass

BRICKS = ("atelier-classe", "mentorat", "ordinateur")
CRITERIA = ("pertinence", "simplicite", "abordable")
CLIENT = "ip:192.0.2.7"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_scenario() -> Scenario:
    placements = tuple(
        Placement(
            brick=b,
            start=JourneyPoint(stage="seconde", month=10),
            end=JourneyPoint(stage="seconde", month=10),
        )
        for b in BRICKS
    )
    return Scenario(name="Frise de l'atelier", placements=placements)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(engine: Engine, clock: Clock) -> WorkshopStore:
    return WorkshopStore(engine, clock=clock)


@pytest.fixture
def opened(engine: Engine, store: WorkshopStore) -> tuple[str, Pass, str]:
    """A workshop on a stored scenario: its id, the facilitator's pass and its code."""
    scenario = ScenarioStore(engine).create(make_scenario(), "Alice")
    workshop, facilitator = store.create(scenario.id, scenario.version, "Atelier du GT1", "evaluation")
    return workshop.id, facilitator, workshop.code


def values(p: int, s: int, a: int) -> dict[str, tuple[int | None, str | None]]:
    return {"pertinence": (p, None), "simplicite": (s, None), "abordable": (a, None)}


def test_a_workshop_is_found_by_its_code_and_keeps_only_digests(
    engine: Engine, store: WorkshopStore, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, facilitator, code = opened
    found = store.find(f" {code[:3].lower()}-{code[3:]} ", CLIENT)
    assert (found.id, found.title, found.kind, found.status, found.show_code) == (
        workshop_id,
        "Atelier du GT1",
        "evaluation",
        "open",
        True,
    )
    _, participant = store.join(workshop_id, "Bea")
    with engine.connect() as conn:
        stored = conn.execute(select(workshops.c.secret_digest)).scalar_one()
        token = conn.execute(select(workshop_participants.c.token_digest)).scalar_one()
    assert stored == digest(facilitator.credential) and facilitator.credential not in stored
    assert token == digest(participant.credential)


def test_an_unknown_scenario_or_version_is_refused(engine: Engine, store: WorkshopStore) -> None:
    with pytest.raises(ScenarioNotFound):
        store.create("00000000-0000-0000-0000-000000000000", 1, "A", "evaluation")
    scenario = ScenarioStore(engine).create(make_scenario(), "Alice")
    with pytest.raises(VersionNotFound):
        store.create(scenario.id, 7, "A", "evaluation")


def test_a_participant_cannot_run_the_room(store: WorkshopStore, opened: tuple[str, Pass, str]) -> None:
    workshop_id, facilitator, _ = opened
    store.open_round(facilitator, "Tour 1", "brick", BRICKS, CRITERIA)
    _, bea = store.join(workshop_id, "Bea")
    refusals = [
        lambda: store.open_round(bea, "Tour 2", "brick", BRICKS, CRITERIA),
        lambda: store.change_round(bea, 1, "close_round"),
        lambda: store.change_round(bea, 1, "reveal_round"),
        lambda: store.change_round(bea, 1, "lock_round"),
        lambda: store.show_code(bea, False),
        lambda: store.close(bea),
    ]
    for refused in refusals:
        with pytest.raises(NotAllowed, match="Seule la personne qui anime l'atelier peut"):
            refused()
    chloe, _ = store.join(workshop_id, "Chloé")
    with pytest.raises(NotAllowed):
        store.remove(bea, chloe.id)
    # A pass that claims the facilitator's role without her secret changes nothing either.
    forged = Pass(workshop_id=workshop_id, role="facilitator", credential=bea.credential)
    with pytest.raises(WrongSecret):
        store.change_round(forged, 1, "reveal_round")
    shot = store.snapshot(workshop_id)
    assert shot.rounds[0].state == "open" and not any(p.removed for p in shot.participants)
    assert shot.workshop.show_code and shot.workshop.status == "open"


def test_each_participant_changes_only_her_own_answers(
    store: WorkshopStore, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, facilitator, _ = opened
    store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
    _, bea = store.join(workshop_id, "Bea")
    _, chloe = store.join(workshop_id, "Chloé")
    store.answer(bea, 1, "mentorat", values(4, 3, 2))
    store.answer(chloe, 1, "mentorat", values(1, 1, 1))
    store.answer(bea, 1, "mentorat", {"pertinence": (2, None)})  # a new sheet: the others are cleared
    assert {(a.question, a.value) for a in store.own_answers(bea, 1)} == {("pertinence", 2)}
    assert {(a.question, a.value) for a in store.own_answers(chloe, 1)} == {(c, 1) for c in CRITERIA}
    with pytest.raises(NotAllowed):
        store.answer(facilitator, 1, "mentorat", values(4, 4, 4))
    stranger = Pass(workshop_id=workshop_id, role="participant", credential="a" * 24)
    with pytest.raises(WrongToken, match="n'est pas reconnu"):
        store.answer(stranger, 1, "mentorat", values(4, 4, 4))
    with pytest.raises(WorkshopRefusal, match="« tutorat » n'est pas au programme du tour 1"):
        store.answer(bea, 1, "tutorat", values(4, 4, 4))
    with pytest.raises(WorkshopRefusal, match="« impact » n'est pas une question du tour 1"):
        store.answer(bea, 1, "mentorat", {"impact": (4, None)})
    assert len(store.snapshot(workshop_id).answers) == 4


def test_blind_then_revealed_then_locked(store: WorkshopStore, opened: tuple[str, Pass, str]) -> None:
    workshop_id, facilitator, _ = opened
    first = store.open_round(facilitator, "Premier tour", "brick", BRICKS, CRITERIA)
    assert (first.number, first.title, first.state) == (1, "Premier tour", "open")
    _, bea = store.join(workshop_id, "Bea")
    store.answer(bea, 1, "mentorat", values(4, 4, 4))
    assert store.change_round(facilitator, 1, "close_round") == "closed"
    with pytest.raises(WorkshopRefusal, match="Le tour 1 n'accepte plus de réponses"):
        store.answer(bea, 1, "ordinateur", values(1, 1, 1))
    assert store.change_round(facilitator, 1, "reopen_round") == "open"
    store.answer(bea, 1, "ordinateur", values(1, 1, 1))
    assert store.change_round(facilitator, 1, "reveal_round") == "revealed"
    with pytest.raises(WorkshopRefusal, match="ses résultats sont révélés"):
        store.answer(bea, 1, "ordinateur", values(2, 2, 2))
    with pytest.raises(WorkshopRefusal, match="seul un tour fermé, pas encore révélé"):
        store.change_round(facilitator, 1, "reopen_round")
    assert store.change_round(facilitator, 1, "lock_round") == "locked"
    with pytest.raises(WorkshopRefusal, match="verrouillé : il n'accepte plus aucun changement"):
        store.change_round(facilitator, 1, "reveal_round")
    # A second round keeps the first one's answers; opening it closes a round still open.
    store.open_round(facilitator, "", "brick", ["mentorat"], CRITERIA)
    store.answer(bea, 2, "mentorat", values(3, 3, 3))
    store.open_round(facilitator, "", "brick", ["ordinateur"], CRITERIA)
    shot = store.snapshot(workshop_id)
    assert [(r.number, r.title, r.state) for r in shot.rounds] == [
        (1, "Premier tour", "locked"),
        (2, "Tour 2", "closed"),
        (3, "Tour 3", "open"),
    ]
    assert len(shot.answers_of(1)) == 6 and len(shot.answers_of(2)) == 3


def test_a_removed_participant_comes_back_to_nothing(
    store: WorkshopStore, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, facilitator, _ = opened
    store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
    troll, troll_pass = store.join(workshop_id, "Troll")
    assert store.resume(troll_pass) == troll
    store.remove(facilitator, troll.id)
    with pytest.raises(WrongToken) as refused:
        store.resume(troll_pass)
    assert refused.value.removed
    with pytest.raises(WrongToken):
        store.answer(troll_pass, 1, "mentorat", values(1, 1, 1))
    with pytest.raises(WorkshopRefusal, match="n'est pas \\(ou plus\\) dans l'atelier"):
        store.remove(facilitator, "nobody")


def test_names_are_unique_in_a_workshop_and_focus_groups_ask_none(
    engine: Engine, store: WorkshopStore, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, _, _ = opened
    first, _ = store.join(workshop_id, "Élise", named_in_report=True)
    assert (first.number, first.label, first.named_in_report) == (1, "Élise", True)
    with pytest.raises(WorkshopRefusal, match="Le nom « elise » est déjà pris dans cet atelier"):
        store.join(workshop_id, "  elise ")
    with pytest.raises(InputError, match="Indiquez le nom"):
        store.join(workshop_id, "   ")
    scenario = ScenarioStore(engine).create(make_scenario(), "Alice")
    focus, _ = store.create(scenario.id, 1, "", "focus")
    assert focus.title == "Focus group"
    anonymous, _ = store.join(focus.id, "Ignoré", named_in_report=True)
    assert (anonymous.name, anonymous.label, anonymous.named_in_report) == (None, "Participante 1", False)


def test_a_closed_workshops_code_stops_working(store: WorkshopStore, opened: tuple[str, Pass, str]) -> None:
    workshop_id, facilitator, code = opened
    store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
    _, bea = store.join(workshop_id, "Bea")
    store.close(facilitator)
    with pytest.raises(WrongCode):
        store.find(code, CLIENT)
    with pytest.raises(WorkshopRefusal, match="Cet atelier est clos"):
        store.join(workshop_id, "Chloé")
    with pytest.raises(WorkshopRefusal, match="Cet atelier est clos"):
        store.answer(bea, 1, "mentorat", values(1, 1, 1))
    # Its facilitator still reads its results.
    assert store.facilitate(code, facilitator.credential, CLIENT).workshop_id == workshop_id
    assert store.snapshot(workshop_id).rounds[0].state == "closed"


def test_wrong_codes_are_rate_limited_per_client(
    store: WorkshopStore, clock: Clock, opened: tuple[str, Pass, str]
) -> None:
    _, _, code = opened
    for _ in range(10):
        with pytest.raises(WrongCode):
            store.find("ZZZZZZ", CLIENT)
    # Blocked: even the right code is refused, so guessing learns nothing more.
    with pytest.raises(RateLimited) as refused:
        store.find(code, CLIENT)
    assert refused.value.message == "Trop d'essais erronés depuis cet appareil : réessayez dans 5 minutes."
    assert store.find(code, "ip:198.51.100.1").code == code  # another client is not blocked
    clock.now += timedelta(minutes=5)
    assert store.find(code, CLIENT).code == code


def test_wrong_secrets_are_refused_and_rate_limited(
    engine: Engine, store: WorkshopStore, clock: Clock, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, facilitator, code = opened
    # One character off the real secret (never the same character: the secret is random).
    off_by_one = facilitator.credential[:-1] + ("y" if facilitator.credential.endswith("x") else "x")
    for wrong in ("b" * 24, "nope", off_by_one):
        with pytest.raises(WrongSecret):
            store.facilitate(code, wrong, CLIENT)
    assert store.facilitate(code, facilitator.credential, CLIENT).role == "facilitator"
    for _ in range(2):
        with pytest.raises(WrongSecret):
            store.facilitate(code, "c" * 24, CLIENT)
    # The limit is in the database: another app process (another store) sees it too.
    other_process = WorkshopStore(engine, clock=clock)
    with pytest.raises(RateLimited):
        other_process.facilitate(code, facilitator.credential, CLIENT)
    clock.now += timedelta(minutes=15)
    assert other_process.facilitate(code, facilitator.credential, CLIENT).workshop_id == workshop_id


def test_revisions_tell_what_to_read_again(store: WorkshopStore, opened: tuple[str, Pass, str]) -> None:
    workshop_id, facilitator, _ = opened
    before = store.stamp(workshop_id)
    store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
    opened_round = store.stamp(workshop_id)
    assert opened_round[0] > before[0] and opened_round[1] > before[1]
    _, bea = store.join(workshop_id, "Bea")
    store.answer(bea, 1, "mentorat", values(1, 2, 3))
    answered = store.stamp(workshop_id)
    assert answered[0] > opened_round[0] and answered[1] == opened_round[1]  # pages of participants stay
    first = store.snapshot(workshop_id)
    assert store.snapshot(workshop_id) is first  # nothing changed: nothing read
    store.show_code(facilitator, False)
    assert store.snapshot(workshop_id) is not first and not store.snapshot(workshop_id).workshop.show_code
    assert store.rounds(workshop_id, answered[1])[0].items == BRICKS


def test_a_refused_action_changes_no_revision(
    engine: Engine, store: WorkshopStore, opened: tuple[str, Pass, str]
) -> None:
    workshop_id, facilitator, _ = opened
    forged = Pass(workshop_id=workshop_id, role="facilitator", credential="d" * 24)
    before = store.stamp(workshop_id)
    with pytest.raises(WrongSecret):
        store.open_round(forged, "", "brick", BRICKS, CRITERIA)
    assert store.stamp(workshop_id) == before
    with engine.begin() as conn:
        conn.execute(update(workshops).values(status="closed"))
        assert conn.execute(select(func.count()).select_from(workshops)).scalar_one() == 1
    with pytest.raises(WorkshopRefusal, match="Cet atelier est clos"):
        store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
