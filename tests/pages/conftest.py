"""AppTest fixtures: each test on its own data folder and test catalogue, with a clean cache."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _every_page_test_is_isolated(isolated_app: Path) -> Path:
    return isolated_app
