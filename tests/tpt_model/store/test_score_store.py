"""Workshop scores: each evaluator owns her sheet, and concurrent saves lose nothing."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine

from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.evaluation.sheets import Score, ScoreSheet
from tpt_model.store.errors import NotYourScores, ScenarioNotFound
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore

EngineFactory = Callable[[], Engine]
CRITERIA = ("pertinence", "simplicite", "abordable")


def make_scenario() -> Scenario:
    placement = Placement(
        brick="mentorat",
        start=JourneyPoint(stage="seconde", month=10),
        end=JourneyPoint(stage="seconde", month=11),
    )
    return Scenario(name="Frise", placements=(placement,))


def sheet(evaluator: str, brick: str = "mentorat", comment: str | None = None, **scores: int) -> ScoreSheet:
    return ScoreSheet(brick=brick, evaluator=evaluator, scores=scores, comment=comment)


@pytest.fixture
def scores(engine: Engine) -> ScoreStore:
    return ScoreStore(engine)


@pytest.fixture
def scenario_id(engine: Engine) -> str:
    return ScenarioStore(engine).create(make_scenario(), "alice").id


def test_save_and_read_sheets(scores: ScoreStore, scenario_id: str) -> None:
    alice = sheet("alice", comment="Très utile en seconde", pertinence=4, simplicite=2, abordable=3)
    bob = sheet("bob", pertinence=3)
    other_brick = sheet("alice", brick="tutorat", abordable=5)
    for saved in (bob, other_brick, alice):
        scores.save_sheet(scenario_id, saved, as_evaluator=saved.evaluator)
    assert scores.sheets(scenario_id) == [alice, bob, other_brick]
    assert scores.evaluators(scenario_id) == ["alice", "bob"]


def test_saving_again_replaces_the_evaluators_sheet(scores: ScoreStore, scenario_id: str) -> None:
    scores.save_sheet(
        scenario_id, sheet("alice", comment="avant", pertinence=4, simplicite=2), as_evaluator="alice"
    )
    updated = sheet("alice", comment="après", pertinence=5, abordable=1)
    scores.save_sheet(scenario_id, updated, as_evaluator="alice")
    # The cleared criterion (simplicite) is gone; the others are updated or added.
    assert scores.sheets(scenario_id) == [updated]


def test_two_evaluators_on_one_brick_keep_their_own_scores(scores: ScoreStore, scenario_id: str) -> None:
    alice, bob = sheet("alice", pertinence=4, abordable=2), sheet("bob", pertinence=1, abordable=5)
    scores.save_sheet(scenario_id, alice, as_evaluator="alice")
    scores.save_sheet(scenario_id, bob, as_evaluator="bob")
    assert scores.sheets(scenario_id) == [alice, bob]


def test_an_evaluator_cannot_overwrite_another_evaluators_sheet(scores: ScoreStore, scenario_id: str) -> None:
    alice = sheet("alice", pertinence=4)
    scores.save_sheet(scenario_id, alice, as_evaluator="alice")
    with pytest.raises(NotYourScores) as error:
        scores.save_sheet(scenario_id, sheet("alice", pertinence=1), as_evaluator="bob")
    assert error.value.message == (
        "« bob » ne peut pas modifier les notes de « alice » : "
        "chaque évaluatrice ou évaluateur ne modifie que ses propres notes."
    )
    with pytest.raises(NotYourScores):
        scores.delete_sheet(scenario_id, "mentorat", "alice", as_evaluator="bob")
    assert scores.sheets(scenario_id) == [alice]


def test_delete_own_sheet(scores: ScoreStore, scenario_id: str) -> None:
    scores.save_sheet(scenario_id, sheet("alice", pertinence=4), as_evaluator="alice")
    kept = [sheet("alice", brick="tutorat", pertinence=2), sheet("bob", pertinence=3)]
    for saved in kept:
        scores.save_sheet(scenario_id, saved, as_evaluator=saved.evaluator)
    scores.delete_sheet(scenario_id, "mentorat", "alice", as_evaluator="alice")
    assert scores.sheets(scenario_id) == [kept[1], kept[0]]


def test_scores_of_an_unknown_scenario(scores: ScoreStore) -> None:
    unknown = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(ScenarioNotFound) as error:
        scores.save_sheet(unknown, sheet("alice", pertinence=4), as_evaluator="alice")
    assert error.value.message == f"Scénario introuvable : « {unknown} » (il a peut-être été supprimé)."
    assert scores.sheets(unknown) == []
    assert scores.evaluators(unknown) == []


def test_deleting_a_scenario_deletes_its_scores(engine: Engine, scores: ScoreStore, scenario_id: str) -> None:
    other = ScenarioStore(engine).create(make_scenario(), "bob").id
    for target in (scenario_id, other):
        scores.save_sheet(target, sheet("alice", pertinence=4), as_evaluator="alice")
    ScenarioStore(engine).delete(scenario_id)
    assert scores.sheets(scenario_id) == []
    assert scores.sheets(other) == [sheet("alice", pertinence=4)]


def test_sheet_models() -> None:
    scores_sheet = sheet("alice", pertinence=4, abordable=2)
    assert scores_sheet.as_scores() == [
        Score(brick="mentorat", evaluator="alice", criterion="pertinence", value=4),
        Score(brick="mentorat", evaluator="alice", criterion="abordable", value=2),
    ]
    with pytest.raises(ValidationError):
        ScoreSheet(brick="mentorat", evaluator="alice", scores={"pertinence": "4"})
    with pytest.raises(ValidationError):
        ScoreSheet(brick="mentorat", evaluator="", scores={})


def test_concurrent_evaluators_on_one_brick_keep_every_score(
    engine_factory: EngineFactory, scenario_id: str
) -> None:
    rounds = 40
    evaluators = ("alice", "bob")
    start = threading.Barrier(len(evaluators))

    def score_many_times(evaluator: str) -> ScoreSheet:
        # Each evaluator has her own engine, as on her own laptop through her own app session.
        store = ScoreStore(engine_factory())
        start.wait()
        last = sheet(evaluator)
        for round_ in range(rounds):
            values = {criterion: (round_ + offset) % 5 + 1 for offset, criterion in enumerate(CRITERIA)}
            last = sheet(evaluator, comment=f"tour {round_}", **values)
            store.save_sheet(scenario_id, last, as_evaluator=evaluator)
            mine = [s for s in store.sheets(scenario_id) if s.evaluator == evaluator]
            assert mine == [last], f"{evaluator} lost her scores at round {round_}"
        return last

    with ThreadPoolExecutor(len(evaluators)) as pool:
        finals = list(pool.map(score_many_times, evaluators))
    assert ScoreStore(engine_factory()).sheets(scenario_id) == finals


def test_snapshot_reads_again_only_after_a_change(engine: Engine) -> None:
    scenario_id = ScenarioStore(engine).create(Scenario(name="S"), "A").id
    store = ScoreStore(engine)
    first = store.snapshot(scenario_id)
    assert first[1] == ()
    store.save_sheet(scenario_id, ScoreSheet(brick="b", evaluator="Ana", scores={"c": 2}), as_evaluator="Ana")
    second = store.snapshot(scenario_id)
    assert second[0] != first[0]
    assert [s.scores for s in second[1]] == [{"c": 2}]
    assert store.snapshot(scenario_id)[1] is second[1]  # unchanged: the same sheets, not read again
    store.save_sheet(scenario_id, ScoreSheet(brick="b", evaluator="Ana", scores={"c": 3}), as_evaluator="Ana")
    assert [s.scores for s in store.snapshot(scenario_id)[1]] == [{"c": 3}]
    store.delete_sheet(scenario_id, "b", "Ana", as_evaluator="Ana")
    assert store.snapshot(scenario_id)[1] == ()
