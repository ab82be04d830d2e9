"""The session's state root: the author's name, the name question and the catalogue's filter."""

from tpt_model.catalogue.search import BrickFilter
from tpt_model.session.app import AppState, CatalogueView


def test_the_typed_name_is_kept_without_its_spaces() -> None:
    state = AppState()
    state.set_author("  Inès  ")
    assert (state.author, state.name_asked) == ("Inès", False)


def test_the_name_question_is_answered_once() -> None:
    state = AppState()
    state.answer_name(" Nadia ")
    assert (state.author, state.name_asked) == ("Nadia", True)
    later = AppState()
    later.answer_name("")
    assert (later.author, later.name_asked) == ("", True)


def test_the_catalogue_filter_is_refined_one_criterion_at_a_time() -> None:
    view = CatalogueView()
    view.refine(pillars=["empower"])
    view.refine(text="mentorat")
    assert view.filter == BrickFilter(pillars=("empower",), text="mentorat")


def test_the_evaluator_s_name_answers_the_name_question_once() -> None:
    state = AppState()
    state.set_evaluator("Référence catalogue")  # refused for scoring: not a name for the session either
    assert (state.author, state.name_asked, state.evaluation.evaluator) == ("", False, "Référence catalogue")
    state.set_evaluator(" Chloé ")
    assert (state.author, state.name_asked) == ("Chloé", True)
    state.set_evaluator("Groupe de Lyon")  # the session already has a name: only the evaluator changes
    assert (state.author, state.evaluation.evaluator) == ("Chloé", "Groupe de Lyon")
