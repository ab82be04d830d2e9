"""The evaluation page's session: moves between bricks, the evaluator's name, weights, saving a sheet."""

import pytest
from helpers import BRICKS, one_month
from sqlalchemy import Engine

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.form import GROUP_EVALUATOR
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.session.app import AppState
from tpt_model.session.evaluation import (
    SCENARIO_GONE,
    EvaluationView,
    name_taken,
    save_and_advance,
)
from tpt_model.store.errors import NotYourScores, StoreBusyError
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore

# --- moves and names -----------------------------------------------------------------------------


def test_step_stays_within_the_scenario() -> None:
    view = EvaluationView()
    assert view.step(-1, 3) == 0
    assert view.step(1, 3) == 1
    assert view.step(1, 3) == 2
    assert view.step(1, 3) == 2
    view.position = 7
    assert view.clamp(3) == 2
    assert view.clamp(0) == 0


def test_another_scenario_starts_from_the_first_brick() -> None:
    view = EvaluationView(
        scenario_id="a", position=2, selected_brick="mentorat", form_for=("mentorat", "Alice")
    )
    view.follow("a")
    assert view.position == 2
    view.follow("b")
    assert (view.scenario_id, view.position, view.selected_brick, view.form_for) == ("b", 0, None, None)


def test_evaluator_name_defaults_to_the_author_and_group_wins() -> None:
    view = EvaluationView()
    assert view.evaluator_name("  Alice  Martin ") == "Alice Martin"
    view.evaluator = "Bob"
    assert view.evaluator_name("Alice") == "Bob"
    view.evaluator = ""
    assert view.evaluator_name("Alice") == ""  # cleared on purpose: not replaced by the author
    view.group = True
    assert view.evaluator_name("Alice") == GROUP_EVALUATOR == "Groupe"


def test_app_state_holds_an_evaluation_view() -> None:
    state = AppState()
    assert isinstance(state.evaluation, EvaluationView)
    assert state.evaluation is not AppState().evaluation


# --- saving ---------------------------------------------------------------------------------------


@pytest.fixture
def stores(engine: Engine) -> tuple[ScoreStore, str]:
    stored = ScenarioStore(engine).create(
        Scenario(name="Essai", placements=tuple(map(one_month, BRICKS))), "Test"
    )
    return ScoreStore(engine), stored.id


def test_save_and_advance(catalogue: Catalogue, stores: tuple[ScoreStore, str]) -> None:
    store, scenario_id = stores
    view = EvaluationView(scenario_id=scenario_id)
    notice = save_and_advance(
        view, store, catalogue.programme, BRICKS, "Alice", {"pertinence": 4, "simplicite": 2}, "Oui"
    )
    assert notice.ok and notice.message == "Notes de « Alice » enregistrées."
    assert view.position == 1 and view.notice == notice
    assert view.confirmed == ["Alice"], "saving under a name makes it this session's own"
    assert store.sheets(scenario_id) == [
        ScoreSheet(
            brick="atelier-classe",
            evaluator="Alice",
            scores={"pertinence": 4, "simplicite": 2},
            comment="Oui",
        )
    ]


def test_save_on_the_last_brick_stays_there(catalogue: Catalogue, stores: tuple[ScoreStore, str]) -> None:
    store, scenario_id = stores
    view = EvaluationView(scenario_id=scenario_id, position=2)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Alice", {"abordable": 1}, None)
    assert (
        notice.message == "Notes de « Alice » enregistrées. C'était la dernière brique : voyez les résultats."
    )
    assert view.position == 2


def test_an_empty_form_is_not_saved(catalogue: Catalogue, stores: tuple[ScoreStore, str]) -> None:
    store, scenario_id = stores
    view = EvaluationView(scenario_id=scenario_id)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Alice", {}, "rien")
    assert not notice.ok and notice.message == "Choisissez au moins une note avant d'enregistrer."
    assert view.position == 0 and store.sheets(scenario_id) == []


def test_a_deleted_scenario_is_said(
    catalogue: Catalogue, engine: Engine, stores: tuple[ScoreStore, str]
) -> None:
    store, scenario_id = stores
    ScenarioStore(engine).delete(scenario_id)
    view = EvaluationView(scenario_id=scenario_id)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Alice", {"pertinence": 1}, None)
    assert (notice.ok, notice.message, view.position) == (False, SCENARIO_GONE, 0)


class RefusingStore:
    """A store that fails the way the database can."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def save_sheet(self, scenario_id: str, sheet: ScoreSheet, *, as_evaluator: str) -> None:  # noqa: ARG002
        raise self.error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            NotYourScores("Alice", "Bob"),
            "« Bob » ne peut pas modifier les notes de « Alice » : "
            "chaque évaluatrice ou évaluateur ne modifie que ses propres notes.",
        ),
        (
            StoreBusyError(),
            "La base de données est occupée par une autre écriture : rien n'a été enregistré. "
            "Réessayez dans quelques secondes.",
        ),
    ],
)
def test_store_errors_become_messages(catalogue: Catalogue, error: Exception, message: str) -> None:
    view = EvaluationView(scenario_id="s")
    store = RefusingStore(error)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Bob", {"pertinence": 1}, None)  # type: ignore[arg-type]
    assert (notice.ok, notice.message, view.position) == (False, message, 0)


# --- weights ----------------------------------------------------------------------------------


def test_weights_fall_back_on_the_programme(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    view = EvaluationView()
    assert view.resolved_weights(programme) == {"pertinence": 2.0, "simplicite": 1.0, "abordable": 1.0}
    assert not view.weights_changed(programme)
    view.weights = {"simplicite": 3.5, "supprime": 4.0}
    assert view.resolved_weights(programme) == {"pertinence": 2.0, "simplicite": 3.5, "abordable": 1.0}
    assert view.weights_changed(programme)
    view.weights = {"simplicite": 12.0}  # set before the programme lowered its weights
    assert view.resolved_weights(programme)["simplicite"] == 5.0


def test_a_name_with_stored_scores_must_be_claimed() -> None:
    view = EvaluationView()
    sheets = [ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 3})]
    assert name_taken(view, "Alice", sheets)
    assert not name_taken(view, "Bob", sheets)
    assert not name_taken(
        view, GROUP_EVALUATOR, [*sheets, ScoreSheet(brick="b", evaluator=GROUP_EVALUATOR, scores={})]
    )
    view.claim("Alice")
    view.claim("Alice")
    assert view.confirmed == ["Alice"], "claimed once"
    assert not name_taken(view, "Alice", sheets)


def test_weights_set_one_by_one_then_reset(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    view = EvaluationView()
    view.set_weight("pertinence", 4.5)
    view.set_weight("abordable", 0.0)
    assert view.resolved_weights(programme) == {"pertinence": 4.5, "simplicite": 1.0, "abordable": 0.0}
    view.reset_weights()
    assert (view.weights, view.weights_changed(programme)) == ({}, False)


def test_save_and_go_back(catalogue: Catalogue, stores: tuple[ScoreStore, str]) -> None:
    store, scenario_id = stores
    view = EvaluationView(scenario_id=scenario_id, position=1)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Alice", {"pertinence": 2}, None, -1)
    assert notice.ok and view.position == 0
    assert [(s.brick, s.scores) for s in store.sheets(scenario_id)] == [("mentorat", {"pertinence": 2})]
