"""The workshop's pure rules: codes, roles, the life of a round, what a round is about, its results."""

from datetime import UTC, datetime

import pytest
from helpers import BRICKS

from tpt_model import Catalogue
from tpt_model.workshop.codes import (
    CODE_ALPHABET,
    digest,
    matches,
    new_code,
    new_secret,
    normalise_code,
    well_formed_code,
    well_formed_credential,
)
from tpt_model.workshop.errors import NotAllowed, RateLimited, WorkshopRefusal
from tpt_model.workshop.records import Answer, Participant, Round, RoundState, Snapshot, Workshop
from tpt_model.workshop.report import workshop_report
from tpt_model.workshop.results import compare_rounds, disputed_bricks, progress, round_results
from tpt_model.workshop.roles import ACTIONS, allowed, require
from tpt_model.workshop.rounds import (
    accepts_answers,
    can_change,
    check_items,
    next_state,
    phase_bricks,
    refuse_answer,
    results_visible,
    stage_items,
)

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_codes_are_six_unambiguous_characters() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(well_formed_code(c) and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "code"), [("abc-d23", "ABCD23"), (" AB CD 23 ", "ABCD23"), ("ab.cd.23", "ABCD23")]
)
def test_a_typed_code_is_normalised(typed: str, code: str) -> None:
    assert normalise_code(typed) == code
    assert well_formed_code(code)


@pytest.mark.parametrize("typed", ["", "ABCD2", "ABCD234", "ABCD0O", "ABCDI1", "<script>"])
def test_malformed_codes(typed: str) -> None:
    assert not well_formed_code(normalise_code(typed))


def test_secrets_are_kept_as_digests() -> None:
    secret = new_secret()
    assert well_formed_credential(secret)
    stored = digest(secret)
    assert secret not in stored and len(stored) == 64
    assert matches(secret, stored)
    assert not matches(new_secret(), stored)
    assert not well_formed_credential("x' OR 1=1 --")


@pytest.mark.parametrize("action", [a for a in ACTIONS if a != "answer"])
def test_a_participant_may_only_answer(action: str) -> None:
    assert allowed("participant", "answer")
    assert not allowed("participant", action)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed) as refused:
        require("participant", action)  # type: ignore[arg-type]
    assert refused.value.message == f"Seule la personne qui anime l'atelier peut {ACTIONS[action]}."  # type: ignore[index]
    require("facilitator", action)  # type: ignore[arg-type]


def test_the_facilitators_link_does_not_answer() -> None:
    with pytest.raises(NotAllowed, match="rejoignez l'atelier avec son code"):
        require("facilitator", "answer")


@pytest.mark.parametrize(
    ("state", "action", "after"),
    [
        ("open", "close_round", "closed"),
        ("closed", "reopen_round", "open"),
        ("open", "reveal_round", "revealed"),
        ("closed", "reveal_round", "revealed"),
        ("revealed", "lock_round", "locked"),
    ],
)
def test_the_life_of_a_round(state: RoundState, action: str, after: RoundState) -> None:
    assert next_state(2, state, action) == after  # type: ignore[arg-type]
    assert can_change(state, action)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (
            "revealed",
            "reopen_round",
            "Le tour 2 est révélé : seul un tour fermé, pas encore révélé, peut être rouvert.",
        ),
        (
            "open",
            "lock_round",
            "Le tour 2 est ouvert : un tour se verrouille une fois ses résultats révélés.",
        ),
        ("revealed", "reveal_round", "Le tour 2 est révélé : ses résultats sont déjà révélés."),
        ("closed", "close_round", "Le tour 2 est fermé : seul un tour ouvert peut être fermé."),
        ("locked", "reveal_round", "Le tour 2 est verrouillé : il n'accepte plus aucun changement."),
        ("locked", "reopen_round", "Le tour 2 est verrouillé : il n'accepte plus aucun changement."),
    ],
)
def test_refused_changes_of_a_round(state: RoundState, action: str, message: str) -> None:
    with pytest.raises(WorkshopRefusal) as refused:
        next_state(2, state, action)  # type: ignore[arg-type]
    assert refused.value.message == message
    assert not can_change(state, action)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state", "answers", "visible"),
    [("open", True, False), ("closed", False, False), ("revealed", False, True), ("locked", False, True)],
)
def test_blind_until_revealed(state: RoundState, answers: bool, visible: bool) -> None:
    assert accepts_answers(state) is answers
    assert results_visible(state) is visible
    if not answers:
        with pytest.raises(WorkshopRefusal, match="n'accepte plus de réponses"):
            refuse_answer(1, state)


def test_what_a_round_is_about(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    assert phase_bricks(catalogue, scenario, "construire") == ["atelier-classe", "mentorat"]
    assert phase_bricks(catalogue, scenario, "reussir") == ["ordinateur"]
    assert stage_items(catalogue, scenario) == ["seconde", "terminale", "bac-1"]
    assert check_items(["mentorat", "mentorat", "ordinateur"], BRICKS) == ("mentorat", "ordinateur")
    with pytest.raises(WorkshopRefusal, match="au moins une brique"):
        check_items([], BRICKS)
    with pytest.raises(WorkshopRefusal, match="« tutorat » n'est pas dans le scénario"):
        check_items(["tutorat"], BRICKS)


def test_rate_limited_message() -> None:
    assert RateLimited(61).message == "Trop d'essais erronés depuis cet appareil : réessayez dans 2 minutes."
    assert RateLimited(30).message.endswith("dans 1 minute.")


def people(*names: str, removed: tuple[str, ...] = ()) -> tuple[Participant, ...]:
    return tuple(Participant(f"p{i}", i, n, False, n in removed, AT) for i, n in enumerate(names, start=1))


def scores(number: int, who: str, brick: str, p: int, s: int, a: int) -> list[Answer]:
    return [
        Answer(number, who, brick, "pertinence", p),
        Answer(number, who, brick, "simplicite", s),
        Answer(number, who, brick, "abordable", a),
    ]


def snapshot(
    rounds: tuple[Round, ...], participants: tuple[Participant, ...], answers: list[Answer]
) -> Snapshot:
    workshop = Workshop("w", "ABCDEF", "evaluation", "Atelier", "s", 1, "open", True, AT, 1, 1)
    return Snapshot(workshop, participants, rounds, tuple(answers))


def a_round(number: int, state: RoundState, items: tuple[str, ...] = tuple(BRICKS)) -> Round:
    return Round(
        number, f"Tour {number}", "brick", items, ("pertinence", "simplicite", "abordable"), state, AT
    )


def test_progress_counts_bricks_never_scores() -> None:
    round_ = a_round(1, "open")
    answers = [*scores(1, "p1", "mentorat", 4, 4, 4), *scores(1, "p1", "ordinateur", 1, 1, 1)]
    answers += [Answer(1, "p2", "mentorat", "pertinence", 2), *scores(1, "p3", "mentorat", 3, 3, 3)]
    shot = snapshot((round_,), people("Alice", "Bea", "Chloé", removed=("Chloé",)), answers)
    assert [(p.participant.label, p.done, p.total, p.finished) for p in progress(shot, round_)] == [
        ("Alice", 2, 3, False),
        ("Bea", 1, 3, False),
    ]


def test_round_results_and_a_second_round_on_the_disputed_bricks(catalogue: Catalogue) -> None:
    first = a_round(1, "revealed")
    answers = [*scores(1, "p1", "mentorat", 4, 4, 4), *scores(1, "p2", "mentorat", 1, 4, 4)]
    answers += [*scores(1, "p1", "ordinateur", 3, 3, 3), *scores(1, "p2", "ordinateur", 3, 2, 3)]
    second = a_round(2, "revealed", ("mentorat",))
    answers += [*scores(2, "p1", "mentorat", 3, 4, 4), *scores(2, "p2", "mentorat", 3, 4, 4)]
    shot = snapshot((first, second), people("Alice", "Bea"), answers)
    before = round_results(catalogue, shot, first)
    assert disputed_bricks(before) == ["mentorat"]
    assert {r.brick_id: r.evaluators for r in before} == {"ordinateur": 2, "mentorat": 2, "atelier-classe": 0}
    after = round_results(catalogue, shot, second)
    compared = compare_rounds(before, after)
    assert [(c.brick_id, c.before_disputed, c.after_disputed) for c in compared] == [
        ("mentorat", True, False)
    ]
    assert compared[0].after_total == pytest.approx(100 * (2 * 2 / 3 + 1 + 1) / 4)


def test_a_removed_participant_counts_only_in_a_locked_round(catalogue: Catalogue) -> None:
    answers = [*scores(1, "p1", "mentorat", 4, 4, 4), *scores(1, "p2", "mentorat", 1, 1, 1)]
    participants = people("Alice", "Troll", removed=("Troll",))
    for state, counted in (("revealed", 1), ("locked", 2)):
        round_ = a_round(1, state)  # type: ignore[arg-type]
        results = round_results(catalogue, snapshot((round_,), participants, answers), round_)
        assert next(r for r in results if r.brick_id == "mentorat").evaluators == counted


def test_the_report_counts_people_names_only_who_agreed_and_keeps_blind_rounds_out(
    catalogue: Catalogue,
) -> None:
    participants = (
        Participant("p1", 1, "Alice", True, False, AT),
        Participant("p2", 2, "Bea", False, False, AT),
        Participant("p3", 3, "Troll", True, True, AT),
    )
    answers = [*scores(1, "p1", "mentorat", 4, 4, 4), *scores(1, "p2", "mentorat", 1, 4, 4)]
    answers += [*scores(2, "p1", "mentorat", 3, 3, 3), *scores(1, "p3", "ordinateur", 1, 1, 1)]
    shot = snapshot((a_round(1, "revealed"), a_round(2, "open", ("mentorat",))), participants, answers)
    report = workshop_report(catalogue, catalogue.template("mini"), shot)
    assert (report.participants, report.named, report.scenario_name) == (2, ("Alice",), "Mini parcours")
    assert [r.number for r in report.rounds] == [1]  # the open round stays in the room
    first = report.rounds[0]
    assert (first.respondents, first.disputed) == (2, ("Mentorat en ligne",))
    mentorat = next(b for b in first.bricks if b.brick_id == "mentorat")
    assert (mentorat.rank, mentorat.gaps["pertinence"], mentorat.means["simplicite"]) == (1, 3, 4.0)
    assert next(b for b in first.bricks if b.brick_id == "ordinateur").evaluators == 0  # removed: not counted


def test_a_focus_report_is_anonymous_and_gathers_bricks_by_stage(catalogue: Catalogue) -> None:
    round_ = Round(1, "Tour 1", "brick", tuple(BRICKS), ("participerais", "utile", "manque"), "revealed", AT)
    answers = [
        Answer(1, "p1", "mentorat", "participerais", 4),
        Answer(1, "p2", "mentorat", "participerais", 2),
        Answer(1, "p2", "mentorat", "manque", None, "Des horaires le soir"),
        Answer(1, "p1", "atelier-classe", "utile", 3),
    ]
    workshop = Workshop("w", "ABCDEF", "focus", "Focus", "s", 1, "open", True, AT, 1, 1)
    shot = Snapshot(workshop, people("x", "y"), (round_,), tuple(answers))
    report = workshop_report(catalogue, catalogue.template("mini"), shot)
    assert report.named == () and report.kind == "focus"
    items = {r.item: r for r in report.rounds[0].focus_items}
    assert items["mentorat"].means["participerais"] == 3.0
    assert items["mentorat"].counts["participerais"] == (0, 1, 0, 1)
    assert items["mentorat"].texts == ("Des horaires le soir",)
    assert items["mentorat"].label == "Mentorat"  # the short title: words for the young women
    stages = {r.item: r.respondents for r in report.rounds[0].focus_stages}
    assert stages == {"seconde": 1, "terminale": 2}
