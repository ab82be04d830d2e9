"""Every page runs without an exception on the shipped and on the test catalogue."""

import pytest
from helpers import PAGES, app_test


# The parameter is not called `page`: pytest-playwright would take these for browser tests.
@pytest.mark.parametrize("page_file", PAGES)
def test_page_runs_without_exception(page_file: str) -> None:
    at = app_test().run()
    assert not at.exception
    at.switch_page(page_file).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page_file", PAGES)
def test_every_page_draws_the_shared_sidebar(page_file: str) -> None:
    """Even run on its own (a bookmarked address on a fresh server), a page has the sidebar."""
    at = app_test().run()
    at.switch_page(page_file).run()
    assert at.sidebar.text_input(key="app_author") is not None
    assert "briques" in at.sidebar.caption[0].value


def test_the_name_typed_in_the_sidebar_is_kept_across_pages() -> None:
    at = app_test().run()
    at.sidebar.text_input(key="app_author").set_value("  Inès  ").run()
    for page in ("pages/catalogue.py", "pages/frise.py"):
        at.switch_page(page).run()
        assert at.sidebar.text_input(key="app_author").value == "Inès"
        assert at.session_state["tpt_state"].author == "Inès"


def test_the_sidebar_shows_the_name_given_elsewhere_after_a_page_switch() -> None:
    at = app_test().run()
    at.text_input(key="app_name_prompt").set_value("Nadia")
    at.button(key="app_name_ok").click().run()
    assert at.sidebar.text_input(key="app_author").value == "Nadia"
    at.switch_page("pages/scenarios.py").run()
    at.sidebar.text_input(key="app_author").set_value("Nadia B.").run()
    at.switch_page("pages/frise.py").run()
    assert at.sidebar.text_input(key="app_author").value == "Nadia B."
    assert at.session_state["tpt_state"].author == "Nadia B."


def test_the_name_is_asked_once_then_kept() -> None:
    at = app_test().run()
    at.text_input(key="app_name_prompt").set_value("Nadia")
    at.button(key="app_name_ok").click().run()
    assert at.session_state["tpt_state"].author == "Nadia"
    assert not [t for t in at.text_input if t.key == "app_name_prompt"]


def test_the_name_can_wait() -> None:
    at = app_test().run()
    at.button(key="app_name_later").click().run()
    at.switch_page("pages/evaluation.py").run()
    assert not [t for t in at.text_input if t.key == "app_name_prompt"]
    assert at.session_state["tpt_state"].author == ""
