"""`python -m tpt_model db upgrade`: French lines, exit 0 or 1, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from sqlalchemy import Engine, inspect, make_url

from tpt_model.cli.main import main
from tpt_model.store.tables import metadata, scenario_versions, scenarios, scores

HEAD = "0005"  # the newest migration


def shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def test_upgrade_creates_then_finds_the_schema_up_to_date(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Base de données : {shown(database_url)}",
        f"Base créée à la révision {HEAD}.",
        f"Base de données : {shown(database_url)}",
        f"Base déjà à jour (révision {HEAD}).",
    ]


def test_upgrade_brings_a_database_made_before_migrations_up_to_date(
    bare_engine: Engine,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    metadata.create_all(bare_engine, tables=[scenarios, scenario_versions, scores])  # the tables of then
    with bare_engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE scenarios DROP COLUMN scores_revision")
    monkeypatch.setenv("TPT_DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"Base mise à jour : révision 0001 → {HEAD}."
    assert "scores_revision" in {c["name"] for c in inspect(bare_engine).get_columns("scenarios")}


def test_upgrade_uses_the_sqlite_file_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TPT_DATABASE_URL", raising=False)
    monkeypatch.setenv("TPT_DATA_DIR", str(tmp_path / "data"))
    assert main(["db", "upgrade"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == f"Base de données : sqlite:///{tmp_path / 'data' / 'frise.sqlite3'}"
    )
    assert (tmp_path / "data" / "frise.sqlite3").is_file()


def test_a_malformed_setting_is_a_message_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", "oracle://frise@db/frise")
    assert main(["db", "upgrade"]) == 1
    assert capsys.readouterr().out == (
        "Erreur : TPT_DATABASE_URL : type de base « oracle » non pris en charge ; attendu une adresse comme "
        "sqlite:///chemin/vers/frise.sqlite3 ou postgresql://utilisatrice@serveur/base.\n"
    )


def test_the_module_entry_point_fails_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tpt_model", "db", "upgrade"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"TPT_DATABASE_URL": "postgresql://frise@127.0.0.1:1/frise", "PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        "Base de données : postgresql://frise@127.0.0.1:1/frise",
        "Erreur : La base de données est injoignable : rien n'a été lu ni enregistré. Réessayez dans un "
        "instant ; si cela dure, la personne qui gère le serveur doit vérifier TPT_DATABASE_URL et que "
        "la base fonctionne.",
    ]
