"""The evaluation page's session: bricks in frise order, progress, evaluator names, sheets and saving."""

import pytest
from helpers import BRICKS
from sqlalchemy import Engine

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.evaluation.scoring import evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.session.app import AppState
from tpt_model.session.evaluation import (
    GROUP_EVALUATOR,
    SCENARIO_GONE,
    EvaluationInputError,
    EvaluationView,
    aggregate_lines,
    build_sheet,
    check_evaluator,
    export_file_name,
    level_label,
    name_taken,
    own_sheets,
    prefill,
    progress_text,
    rank_change_message,
    save_and_advance,
    scenario_bricks,
)
from tpt_model.store.errors import NotYourScores, StoreBusyError
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore


def placement(brick: str) -> Placement:
    point = JourneyPoint(stage="seconde", month=10)
    return Placement(brick=brick, start=point, end=point)


# --- bricks, progress and moves -------------------------------------------------------------------


def test_scenario_bricks_are_distinct_in_placement_order(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Essai",
        placements=tuple(
            placement(b) for b in ["mentorat", "ordinateur", "mentorat", "inconnue", "atelier-classe"]
        ),
    )
    assert scenario_bricks(catalogue, scenario) == ["mentorat", "ordinateur", "atelier-classe"]
    assert scenario_bricks(catalogue, Scenario(name="Vide")) == []


@pytest.mark.parametrize(
    ("position", "total", "text"), [(0, 31, "1 / 31"), (11, 31, "12 / 31"), (30, 31, "31 / 31")]
)
def test_progress_text(position: int, total: int, text: str) -> None:
    assert progress_text(position, total) == text


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


# --- evaluator names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Indiquez le nom de l'évaluatrice ou de l'évaluateur."),
        ("   \t ", "Indiquez le nom de l'évaluatrice ou de l'évaluateur."),
        ("x" * 61, "Le nom de l'évaluatrice ou de l'évaluateur ne doit pas dépasser 60 caractères."),
        (
            "Référence catalogue",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
        (
            " reference  CATALOGUE ",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
    ],
)
def test_bad_evaluator_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(EvaluationInputError) as err:
        check_evaluator(name)
    assert err.value.message == message


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("Alice", "Alice"),
        ("  Alice \t Martin\x00 ", "Alice Martin"),
        ("Groupe", "Groupe"),
        ("é" * 60, "é" * 60),
    ],
)
def test_good_evaluator_names_are_cleaned(name: str, cleaned: str) -> None:
    assert check_evaluator(name) == cleaned


# --- the form -------------------------------------------------------------------------------------


def test_level_label_shows_the_descriptor(catalogue: Catalogue) -> None:
    pertinence = catalogue.programme.criteria[0]
    assert level_label(pertinence, 3) == "3 — Pertinente"
    assert level_label(pertinence, 9) == "9"


def test_prefill_keeps_scores_on_the_scale(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert prefill(programme, None) == {"pertinence": None, "simplicite": None, "abordable": None}
    sheet = ScoreSheet(
        brick="mentorat", evaluator="Alice", scores={"pertinence": 4, "abordable": 9, "ancien": 2}
    )
    assert prefill(programme, sheet) == {"pertinence": 4, "simplicite": None, "abordable": None}


def test_build_sheet_leaves_blank_criteria_out(catalogue: Catalogue) -> None:
    values = {"pertinence": 3, "simplicite": None, "abordable": 7}
    sheet = build_sheet(catalogue.programme, "mentorat", "Alice", values, "  Très bien\x07 ")
    assert sheet == ScoreSheet(
        brick="mentorat", evaluator="Alice", scores={"pertinence": 3}, comment="Très bien"
    )
    assert build_sheet(catalogue.programme, "mentorat", "Alice", {"abordable": 2}, "   ").comment is None


@pytest.mark.parametrize("values", [{}, {"pertinence": None}, {"pertinence": True}, {"abordable": 0}])
def test_build_sheet_needs_one_score(catalogue: Catalogue, values: dict) -> None:
    with pytest.raises(EvaluationInputError) as err:
        build_sheet(catalogue.programme, "mentorat", "Alice", values, "commentaire seul")
    assert err.value.message == "Choisissez au moins une note avant d'enregistrer."


def test_own_sheets_by_brick() -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 4}),
        ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 1}),
        ScoreSheet(brick="ordinateur", evaluator="Alice", scores={"pertinence": 2}),
    ]
    assert {b: s.scores for b, s in own_sheets(sheets, "Alice").items()} == {
        "mentorat": {"pertinence": 4},
        "ordinateur": {"pertinence": 2},
    }


# --- saving ---------------------------------------------------------------------------------------


@pytest.fixture
def stores(engine: Engine) -> tuple[ScoreStore, str]:
    stored = ScenarioStore(engine).create(
        Scenario(name="Essai", placements=tuple(map(placement, BRICKS))), "Test"
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


# --- weights and results --------------------------------------------------------------------------


def test_weights_fall_back_on_the_programme(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    view = EvaluationView()
    assert view.resolved_weights(programme) == {"pertinence": 2.0, "simplicite": 1.0, "abordable": 1.0}
    assert not view.weights_changed(programme)
    view.weights = {"simplicite": 3.5, "supprime": 4.0}
    assert view.resolved_weights(programme) == {"pertinence": 2.0, "simplicite": 3.5, "abordable": 1.0}
    assert view.weights_changed(programme)


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        (0, "Avec ces poids, aucune brique ne change de rang par rapport aux poids du programme."),
        (1, "Avec ces poids, 1 brique change de rang par rapport aux poids du programme."),
        (2, "Avec ces poids, 2 briques changent de rang par rapport aux poids du programme."),
    ],
)
def test_rank_change_message(changed: int, message: str) -> None:
    assert rank_change_message(changed) == message


def test_aggregate_lines(catalogue: Catalogue) -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 1, "simplicite": 3}),
        ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 4}),
    ]
    result = evaluate(catalogue, ["mentorat"], sheets, include_reference=False)[0]
    assert aggregate_lines(catalogue.programme, result) == [
        "Pertinence : moyenne 2,5, médiane 2,5, de 1 à 4 (2 notes) — désaccord",
        "Simplicité de mise en œuvre : moyenne 3, médiane 3, de 3 à 3 (1 note)",
        "Caractère abordable : pas encore notée",
    ]


@pytest.mark.parametrize(
    ("name", "file_name"),
    [("Parcours GT1 (été)", "evaluation-parcours-gt1-ete.xlsx"), ("***", "evaluation-scenario.xlsx")],
)
def test_export_file_name(name: str, file_name: str) -> None:
    assert export_file_name(name, "xlsx") == file_name


def test_a_name_with_stored_scores_must_be_claimed() -> None:
    view = EvaluationView()
    sheets = [ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 3})]
    assert name_taken(view, "Alice", sheets)
    assert not name_taken(view, "Bob", sheets)
    assert not name_taken(
        view, GROUP_EVALUATOR, [*sheets, ScoreSheet(brick="b", evaluator=GROUP_EVALUATOR, scores={})]
    )
    view.confirmed.append("Alice")
    assert not name_taken(view, "Alice", sheets)


def test_save_and_go_back(catalogue: Catalogue, stores: tuple[ScoreStore, str]) -> None:
    store, scenario_id = stores
    view = EvaluationView(scenario_id=scenario_id, position=1)
    notice = save_and_advance(view, store, catalogue.programme, BRICKS, "Alice", {"pertinence": 2}, None, -1)
    assert notice.ok and view.position == 0
    assert [(s.brick, s.scores) for s in store.sheets(scenario_id)] == [("mentorat", {"pertinence": 2})]
