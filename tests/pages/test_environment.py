"""The pages under a malformed setting or an unusable database: a French message, never a traceback."""

from pathlib import Path

import pytest
from helpers import app_test

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.settings import IN_MEMORY, warning_text
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown
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
    assert [w.value for w in at.sidebar.warning] == [warning_text(IN_MEMORY)]
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


UNAVAILABLE = (
    "La base de données est injoignable : rien n'a été lu ni enregistré. Réessayez dans un instant ; "
    "si cela dure, la personne qui gère le serveur doit vérifier TPT_DATABASE_URL et que la base "
    "fonctionne."
)


@pytest.mark.parametrize("case", ["folder-missing", "not-a-database"])
def test_an_unusable_database_is_a_message_on_the_frise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case: str
) -> None:
    path = tmp_path / "absent" / "frise.sqlite3"
    if case == "not-a-database":
        path = tmp_path / "frise.sqlite3"
        path.write_text("Pas une base de données. " * 50, encoding="utf-8")
    monkeypatch.setenv("TPT_DATABASE_URL", f"sqlite:///{path}")
    at = app_test().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [UNAVAILABLE]
    assert at.sidebar.text_input(key="app_author") is not None  # the rest of the app is still there


# Not `page`: pytest-playwright would take it for a browser test.
@pytest.mark.parametrize("page_file", ["pages/scenarios.py", "pages/evaluation.py"])
def test_every_page_that_reads_the_database_says_it_is_unusable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page_file: str
) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", f"sqlite:///{tmp_path / 'absent' / 'frise.sqlite3'}")
    at = app_test().run()
    at.switch_page(page_file).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [UNAVAILABLE]


def test_a_save_refused_by_the_database_is_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "frise.sqlite3"
    engine = open_database(f"sqlite:///{path}")
    ScenarioStore(engine).create(Scenario(name="Frise de mars"), "Alice")
    engine.dispose()
    monkeypatch.setenv("TPT_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    at = app_test().run()
    assert not at.exception, at.exception
    assert at.session_state[STATE_KEY].frise.scenario.name == "Frise de mars"  # reading works
    at.text_input(key="frise_pick_text").set_value("mentorat").run()
    at.selectbox(key="frise_pick_brick").set_value("mentorat").run()
    at.button(key="frise_add").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        escape_markdown(
            "Votre changement n'a pas été enregistré : la frise est restée telle qu'elle était. "
            "La base de données est en lecture seule : rien n'a été enregistré. La personne qui gère le "
            "serveur doit la rendre accessible en écriture (le fichier SQLite et son dossier, ou les droits "
            "du compte PostgreSQL). Votre changement est gardé : réessayez quand la base répond, ou "
            "enregistrez-le comme copie."
        )
    ]
