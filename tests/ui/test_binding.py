"""A widget bound to a state field shows the field, sets it, and comes back with it after a page switch."""

from streamlit.testing.v1 import AppTest

from tpt_model.session.app import AppState


def bound_name_field() -> None:
    """A tiny app: the author, drawn only while `shown` (else: another page), and the evaluator."""
    import streamlit as st

    from tpt_model.session.app import AppState
    from ui.binding import bound

    state = st.session_state.setdefault("state", AppState())
    if st.session_state.get("shown", True):
        st.text_input("Nom", key="name", on_change=bound(state, "author", "name"))
    proposed = bound(state.evaluation, "evaluator", "evaluator", proposal=lambda: state.author)
    st.text_input("Évaluatrice", key="evaluator", on_change=proposed)


def app(author: str = "") -> AppTest:
    at = AppTest.from_function(bound_name_field)
    at.session_state["state"] = AppState(author=author)
    return at.run()


def state(at: AppTest) -> AppState:
    return at.session_state["state"]


def test_the_widget_shows_the_state() -> None:
    assert app("Inès").text_input(key="name").value == "Inès"


def test_typing_sets_the_state() -> None:
    at = app()
    at.text_input(key="name").set_value("Nadia").run()
    assert state(at).author == "Nadia"
    assert at.text_input(key="name").value == "Nadia"


def test_the_widget_follows_a_change_made_elsewhere() -> None:
    at = app("Inès")
    state(at).author = "Nadia"
    at.run()
    assert at.text_input(key="name").value == "Nadia"


def test_the_value_comes_back_after_the_widget_was_gone() -> None:
    at = app()
    at.text_input(key="name").set_value("Nadia").run()
    at.session_state["shown"] = False
    at.run()
    assert "name" not in at.session_state, "Streamlit forgot the widget's value"
    at.session_state["shown"] = True
    at.run()
    assert at.text_input(key="name").value == "Nadia"
    assert state(at).author == "Nadia"


def test_a_field_still_none_shows_its_proposal() -> None:
    at = app("Inès")
    assert at.text_input(key="evaluator").value == "Inès"
    assert state(at).evaluation.evaluator is None
    at.text_input(key="name").set_value("Nadia").run()
    assert at.text_input(key="evaluator").value == "Nadia", "the proposal follows"
    at.text_input(key="evaluator").set_value("Zoé").run()
    assert state(at).evaluation.evaluator == "Zoé"
    at.text_input(key="name").set_value("Inès").run()
    assert at.text_input(key="evaluator").value == "Zoé", "what was typed stays"
