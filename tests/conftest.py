"""Shared fixtures: the small test catalogue, loaded once or copied into a temporary folder.

Also what the whole run says about the browser tests: whether chromium is there, and how to get it.
"""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import TEST_CATALOGUE, missing_chromium

from tpt_model import Catalogue, load_catalogue

# A fourth evaluation criterion, written as a pilot would add it to programme.yaml.
IMPACT = """  - id: impact
    label: Impact
    question: L'action change-t-elle durablement les parcours ?
    scale: {min: 1, max: 5}
    weight: 1
    levels:
      1: Aucun
      2: Faible
      3: Moyen
      4: Fort
      5: Décisif
"""


def pytest_report_header() -> list[str]:
    """Said before the first test: a missing chromium must not go unnoticed among the dots."""
    return [missing_chromium()] if missing_chromium() else []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Said again at the end, with the count of browser tests that did not run."""
    if not missing_chromium():
        return
    not_run = [
        report
        for key in ("skipped", "failed", "error")
        for report in terminalreporter.stats.get(key, [])
        if getattr(report, "nodeid", "").startswith("tests/browser/")
    ]
    if not_run:
        terminalreporter.section("tests navigateur", yellow=True, bold=True)
        terminalreporter.write_line(
            f"Tests navigateur qui n'ont pas tourné : {len(not_run)}. {missing_chromium()}"
        )


@pytest.fixture(scope="session", autouse=True)
def _no_test_shares_the_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A test that forgets its own data folder still gets one of its worker, never the project's data/."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TPT_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        patch.delenv("TPT_DATABASE_URL", raising=False)
        yield


@pytest.fixture(scope="session")
def test_catalogue() -> Catalogue:
    """The small test catalogue, loaded once: it is immutable, so every test can share it."""
    return load_catalogue(TEST_CATALOGUE)


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A writable copy of the small test catalogue."""
    target = tmp_path / "catalogue"
    shutil.copytree(TEST_CATALOGUE, target)
    return target


@pytest.fixture
def add_impact_criterion() -> Callable[[Path], None]:
    """Adds the `impact` criterion after the three of a catalogue folder's programme.yaml."""

    def add(root: Path) -> None:
        programme = root / "programme.yaml"
        text = programme.read_text(encoding="utf-8")
        programme.write_text(
            text.replace("working_groups:\n", IMPACT + "working_groups:\n", 1), encoding="utf-8"
        )

    return add


@pytest.fixture
def isolated_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, catalogue_dir: Path) -> Path:
    """Point the app at a copy of the test catalogue and a fresh database folder, with clean caches."""
    import streamlit as st  # only the tests that run the app pay for importing Streamlit

    from ui.catalogue_source import LAST_GOOD, forget_recent_scans

    monkeypatch.setenv("TPT_CATALOGUE_DIR", str(catalogue_dir))
    monkeypatch.setenv("TPT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TPT_DATABASE_URL", raising=False)
    for name in ("TPT_PILOT_SECRET", "TPT_PILOT_EMAILS", "TPT_CATALOGUE_GIT_COMMIT"):
        monkeypatch.delenv(name, raising=False)  # a test that wants the pilot role sets it itself
    st.cache_data.clear()
    st.cache_resource.clear()
    forget_recent_scans()
    LAST_GOOD.forget()
    return catalogue_dir
