"""Every page runs without an exception on the shipped and on the test catalogue."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/frise.py",
    "pages/scenarios.py",
    "pages/catalogue.py",
    "pages/evaluation.py",
    "pages/export.py",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page: str) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
