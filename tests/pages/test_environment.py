"""The pages under a malformed setting or an unusable database: a French message, never a traceback."""

from pathlib import Path

import pytest
from helpers import app_test

from tpt_model.settings import IN_MEMORY
from ui.state import STATE_KEY


def test_a_malformed_setting_stops_the_page_with_its_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", "mysql://frise@db/frise")
    at = app_test().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "TPT_DATABASE_URL : type de base « mysql » non pris en charge ; attendu une adresse comme "
        "sqlite:///chemin/vers/frise.sqlite3 ou postgresql://utilisatrice@serveur/base."
    ]
    assert not at.title  # stopped before drawing anything


def test_an_in_memory_database_works_with_a_warning_in_the_sidebar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", "sqlite://")
    at = app_test().run()
    assert not at.exception, at.exception
    assert [w.value for w in at.sidebar.warning] == [IN_MEMORY]
    assert at.session_state[STATE_KEY].frise.version == 1  # the template was stored
    at.switch_page("pages/scenarios.py").run()  # another run, in another thread, same database
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 1


def test_a_missing_catalogue_folder_stops_the_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TPT_CATALOGUE_DIR", str(tmp_path / "absent"))
    at = app_test().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        f"TPT_CATALOGUE_DIR : le dossier « {tmp_path / 'absent'} » n'existe pas ; "
        "attendu le dossier du catalogue, qui contient programme.yaml et bricks/."
    ]
