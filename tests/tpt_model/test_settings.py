"""Settings come from the environment once, with a French message for each malformed value."""

from pathlib import Path

import pytest

from tpt_model.errors import SettingsError
from tpt_model.settings import IN_MEMORY, SHIPPED_CATALOGUE, Settings, load_settings, warning_text

EXPECTED_URL = (
    "attendu une adresse comme sqlite:///chemin/vers/frise.sqlite3 ou postgresql://utilisatrice@serveur/base."
)
EXPECTED_CATALOGUE = "attendu le dossier du catalogue, qui contient programme.yaml et bricks/."


def test_defaults_are_a_data_folder_here_with_a_sqlite_file_and_the_shipped_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path.resolve() / "data"
    assert load_settings({}) == Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'frise.sqlite3'}",
        catalogue_dir=SHIPPED_CATALOGUE,
        warnings=(),
    )
    assert data.is_dir()
    assert (SHIPPED_CATALOGUE / "programme.yaml").is_file()


def test_the_data_folder_is_created_with_its_parents(tmp_path: Path) -> None:
    folder = tmp_path / "données" / "frise"
    settings = load_settings({"TPT_DATA_DIR": str(folder)})
    assert settings.database_url == f"sqlite:///{folder / 'frise.sqlite3'}"
    assert folder.is_dir()


def test_a_database_url_wins_over_the_data_folder(tmp_path: Path) -> None:
    url = "postgresql://frise:secret@db.example:5432/frise"
    settings = load_settings({"TPT_DATABASE_URL": f"  {url} ", "TPT_DATA_DIR": str(tmp_path / "data")})
    assert (settings.database_url, settings.warnings) == (url, ())
    assert not (tmp_path / "data").exists()  # nothing to keep there


def test_empty_values_mean_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(
        {"TPT_DATABASE_URL": " ", "TPT_DATA_DIR": "", "TPT_CATALOGUE_DIR": ""}
    ) == load_settings({})


def test_the_catalogue_folder_comes_from_the_environment(catalogue_dir: Path, tmp_path: Path) -> None:
    settings = load_settings({"TPT_CATALOGUE_DIR": str(catalogue_dir), "TPT_DATA_DIR": str(tmp_path)})
    assert settings.catalogue_dir == catalogue_dir


def test_the_process_environment_is_read_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPT_DATA_DIR", str(tmp_path / "ici"))
    monkeypatch.delenv("TPT_DATABASE_URL", raising=False)
    assert load_settings().data_dir == tmp_path / "ici"


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:frise?mode=memory&uri=true"]
)
def test_an_in_memory_database_is_a_warning(tmp_path: Path, url: str) -> None:
    settings = load_settings({"TPT_DATABASE_URL": url, "TPT_DATA_DIR": str(tmp_path)})
    assert settings.warnings == (IN_MEMORY,)
    assert warning_text(IN_MEMORY) == (
        "TPT_DATABASE_URL désigne une base en mémoire : rien ne sera conservé à l'arrêt de l'application. "
        "Pour garder les scénarios et les notes, indiquez un fichier SQLite ou un serveur PostgreSQL."
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("frise.sqlite3", f"TPT_DATABASE_URL : adresse illisible ; {EXPECTED_URL}"),
        ("postgresql://frise:secret@db:cinq/frise", f"TPT_DATABASE_URL : adresse illisible ; {EXPECTED_URL}"),
        (
            "mysql://frise@db/frise",
            f"TPT_DATABASE_URL : type de base « mysql » non pris en charge ; {EXPECTED_URL}",
        ),
        (
            "postgresql+psycopg2://frise@db/frise",
            f"TPT_DATABASE_URL : type de base « postgresql+psycopg2 » non pris en charge ; {EXPECTED_URL}",
        ),
    ],
)
def test_a_malformed_database_url_is_named_without_repeating_it(
    tmp_path: Path, url: str, message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_DATABASE_URL": url, "TPT_DATA_DIR": str(tmp_path)})
    assert (caught.value.variable, caught.value.message, str(caught.value)) == (
        "TPT_DATABASE_URL",
        message,
        message,
    )
    assert "secret" not in message


def test_a_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_DATA_DIR": str(blocker)})
    assert caught.value.message == (
        f"TPT_DATA_DIR : « {blocker} » est un fichier ; attendu un dossier (créé s'il n'existe pas)."
    )


def test_a_data_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_DATA_DIR": str(blocker / "data")})
    assert caught.value.message == (
        f"TPT_DATA_DIR : impossible de créer le dossier « {blocker / 'data'} » (Not a directory) ; "
        "attendu un dossier où l'application peut écrire."
    )


def test_a_missing_catalogue_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "catalogue"
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_CATALOGUE_DIR": str(missing), "TPT_DATA_DIR": str(tmp_path)})
    assert (
        caught.value.message
        == f"TPT_CATALOGUE_DIR : le dossier « {missing} » n'existe pas ; {EXPECTED_CATALOGUE}"
    )


def test_a_catalogue_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "programme.yaml"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_CATALOGUE_DIR": str(blocker), "TPT_DATA_DIR": str(tmp_path)})
    assert caught.value.message == f"TPT_CATALOGUE_DIR : « {blocker} » est un fichier ; {EXPECTED_CATALOGUE}"


@pytest.mark.parametrize(
    ("raw", "expected"), [("oui", True), ("1", True), ("TRUE", True), ("non", False), ("", False)]
)
def test_the_git_commit_setting_reads_yes_and_no(tmp_path: Path, raw: str, expected: bool) -> None:
    settings = load_settings({"TPT_DATA_DIR": str(tmp_path), "TPT_CATALOGUE_GIT_COMMIT": raw})
    assert settings.catalogue_git_commit is expected


def test_an_unreadable_git_commit_setting_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"TPT_DATA_DIR": str(tmp_path), "TPT_CATALOGUE_GIT_COMMIT": "peut-être"})
    assert caught.value.message == (
        "TPT_CATALOGUE_GIT_COMMIT : valeur « peut-être » illisible ; attendu oui ou non (ou 1 ou 0)."
    )


def test_the_pilot_secret_is_kept_but_never_shown(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "TPT_DATA_DIR": str(tmp_path),
            "TPT_PILOT_SECRET": "cerf-volant-indigo-42",
            "TPT_PILOT_EMAILS": " A@x.org ,b@y.org,",
        }
    )
    assert settings.pilot_secret == "cerf-volant-indigo-42"
    assert "cerf-volant" not in repr(settings)
    assert settings.pilot_emails == ("a@x.org", "b@y.org")
    assert settings.warnings == ()
