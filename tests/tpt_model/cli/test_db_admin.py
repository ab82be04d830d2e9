"""`db check`, `db backup`, `db restore`: exact French lines, exit 0 or 1, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from helpers import ROOT, database_target, url_with_options
from sqlalchemy import Engine, make_url, text

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.cli.main import main
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.migrate import head_revision, migration_config, open_database
from tpt_model.store.pilots import PilotAttemptStore
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.sessions import SessionStore

UNREACHABLE = "postgresql://frise@127.0.0.1:1/frise"
HEAD = head_revision()


def shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(argv)
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out.splitlines()


def fill(url: str) -> None:
    engine = open_database(url)
    try:
        store = ScenarioStore(engine)
        first = store.create(Scenario(name="Frise de mars"), "Alice")
        store.save(first.id, Scenario(name="Frise de mars", description="Changée"), 1, "Bob")
        ScoreStore(engine).save_sheet(
            first.id,
            ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 4}),
            as_evaluator="Alice",
        )
        SessionStore(engine).remember("jeton", "Alice", first.id)
        PilotAttemptStore(engine).record_failure("client")
    finally:
        engine.dispose()


@pytest.fixture
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test's empty database, named by TPT_DATABASE_URL as on a server."""
    monkeypatch.setenv("TPT_DATABASE_URL", database_url)
    return database_url


def test_check_passes_on_a_database_at_the_newest_revision(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(database).dispose()
    assert run(["db", "check"], capsys) == (
        0,
        [
            f"Base de données : {shown(database)}",
            f"Base joignable, schéma à jour (révision {HEAD}) : les serveurs peuvent démarrer.",
        ],
    )


@pytest.mark.usefixtures("database")
def test_check_changes_nothing_and_asks_for_an_upgrade(
    bare_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["db", "check"], capsys)[0] == 1
    with bare_engine.begin() as conn:
        command.upgrade(migration_config(conn), "0002")
    assert run(["db", "check"], capsys)[1][1:] == [
        f"Erreur : schéma en retard (révision 0002, cette version attend {HEAD}) : lancez "
        "« python -m tpt_model db upgrade »."
    ]
    with bare_engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0002"


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        ("", "Erreur : base vide (aucune table) : lancez « python -m tpt_model db upgrade »."),
        (
            "CREATE TABLE scenarios (id VARCHAR(36) PRIMARY KEY)",
            "Erreur : schéma d'avant les migrations (aucune révision) : lancez « python -m tpt_model db upgrade ».",
        ),
    ],
    ids=["empty", "before-migrations"],
)
def test_check_fails_on_a_database_without_revision(
    database: str, bare_engine: Engine, capsys: pytest.CaptureFixture[str], prepare: str, message: str
) -> None:
    if prepare:
        with bare_engine.begin() as conn:
            conn.execute(text(prepare))
    assert run(["db", "check"], capsys) == (1, [f"Base de données : {shown(database)}", message])


def test_check_fails_on_a_database_from_a_newer_version(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_database(database)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    assert run(["db", "check"], capsys)[1][1:] == [
        "Erreur : la base est à une révision inconnue de cette version de l'application (0099) : elle a été "
        "mise à jour par une version plus récente."
    ]


def test_backup_then_restore_into_an_empty_database(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(database)
    backup = tmp_path / "sauvegarde.jsonl"
    assert run(["db", "backup", str(backup)], capsys) == (
        0,
        [
            f"Base de données : {shown(database)}",
            f"Sauvegarde écrite dans « {backup} » (révision {HEAD}) : 1 scénario, 2 versions, 1 note, 1 session, "
            "1 essai manqué du secret des pilotes.",
        ],
    )
    assert backup.stat().st_mode & 0o777 == 0o600  # people's names: the owner's only
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    elsewhere = f"sqlite:///{tmp_path / 'ailleurs.sqlite3'}"
    monkeypatch.setenv("TPT_DATABASE_URL", elsewhere)
    assert run(["db", "restore", str(backup)], capsys) == (
        0,
        [
            f"Base de données : {elsewhere}",
            f"Sauvegarde « {backup} » restaurée (révision {HEAD}) : 1 scénario, 2 versions, 1 note, 1 session, "
            "1 essai manqué du secret des pilotes.",
        ],
    )
    assert run(["db", "restore", str(backup)], capsys) == (
        1,
        [
            f"Base de données : {elsewhere}",
            "Erreur : La base de données contient déjà des données (tables « pilot_attempts », « scenarios », "
            "« scenario_versions », « scores », « sessions ») : rien n'a été restauré. Restaurez dans une "
            "base neuve, ou remplacez tout son contenu (--replace).",
        ],
    )
    assert run(["db", "restore", "--replace", str(backup)], capsys)[0] == 0
    engine = open_database(elsewhere)
    try:
        (info,) = ScenarioStore(engine).list()
        assert (info.name, info.version, info.updated_by) == ("Frise de mars", 2, "Bob")
    finally:
        engine.dispose()


def test_the_command_line_moves_a_group_from_sqlite_to_postgresql_and_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = f"sqlite:///{tmp_path / 'portable.sqlite3'}"
    fill(laptop)
    monkeypatch.setenv("TPT_DATABASE_URL", laptop)
    assert run(["db", "backup", str(tmp_path / "1.jsonl")], capsys)[0] == 0
    with database_target("postgresql", tmp_path) as target:
        monkeypatch.setenv("TPT_DATABASE_URL", url_with_options(target))
        assert run(["db", "restore", str(tmp_path / "1.jsonl")], capsys)[0] == 0
        assert run(["db", "backup", str(tmp_path / "2.jsonl")], capsys)[0] == 0
    monkeypatch.setenv("TPT_DATABASE_URL", f"sqlite:///{tmp_path / 'retour.sqlite3'}")
    assert run(["db", "restore", str(tmp_path / "2.jsonl")], capsys)[0] == 0
    assert run(["db", "backup", str(tmp_path / "3.jsonl")], capsys)[0] == 0

    def records(name: str) -> list[object]:
        lines = [json.loads(line) for line in (tmp_path / name).read_text(encoding="utf-8").splitlines()]
        del lines[0]["created_at"]
        return lines

    assert records("1.jsonl") == records("2.jsonl") == records("3.jsonl")
    assert len(records("1.jsonl")) == 8  # header, 6 rows, counts


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["db", "restore", "{tmp}/absente.jsonl"],
            "Erreur : « {tmp}/absente.jsonl » n'existe pas. Rien n'a été restauré.",
        ),
        (
            ["db", "restore", "{tmp}"],
            "Erreur : « {tmp} » est un dossier ; attendu un fichier. Rien n'a été restauré.",
        ),
        (
            ["db", "backup", "{tmp}/dossier/absent/s.jsonl"],
            "Erreur : « {tmp}/dossier/absent » n'existe pas. Aucune sauvegarde n'a été écrite.",
        ),
        (
            ["db", "restore", "{tmp}/latin1.jsonl"],
            "Erreur : « {tmp}/latin1.jsonl » n'est pas une sauvegarde (texte UTF-8 attendu). Rien n'a été restauré.",
        ),
    ],
    ids=["missing", "folder", "no-folder", "not-utf8"],
)
def test_files_that_cannot_be_used_are_named(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    url = f"sqlite:///{tmp_path / 'frise.sqlite3'}"
    fill(url)
    monkeypatch.setenv("TPT_DATABASE_URL", url)
    (tmp_path / "latin1.jsonl").write_bytes('{"format": "été"}'.encode("latin-1"))
    code, lines = run([arg.format(tmp=tmp_path) for arg in argv], capsys)
    assert (code, lines[1:]) == (1, [message.format(tmp=tmp_path)])


def test_a_bad_backup_is_reported_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TPT_DATABASE_URL", f"sqlite:///{tmp_path / 'frise.sqlite3'}")
    bad = tmp_path / "notes.csv"
    bad.write_text("scenario;note\n", encoding="utf-8")
    assert run(["db", "restore", str(bad)], capsys)[1][1:] == [
        f"{bad}:1:1: (ligne): ligne illisible (JSON invalide, colonne 1)",
        "Erreur : la sauvegarde a un problème. Rien n'a été restauré.",
    ]


def test_backup_of_an_empty_database_is_refused(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["db", "backup", str(tmp_path / "s.jsonl")], capsys) == (
        1,
        [
            f"Base de données : {shown(database)}",
            "Erreur : La base de données est vide (aucune table) : il n'y a rien à sauvegarder.",
        ],
    )
    assert not (tmp_path / "s.jsonl").exists()


@pytest.mark.parametrize(
    "argv", [["db", "check"], ["db", "backup", "{tmp}/s.jsonl"], ["db", "restore", "README.md"]]
)
def test_an_unreachable_server_is_a_message_without_a_traceback(argv: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tpt_model", *(arg.format(tmp=tmp_path) for arg in argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"TPT_DATABASE_URL": UNREACHABLE, "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        f"Base de données : {UNREACHABLE}",
        "Erreur : La base de données est injoignable : rien n'a été lu ni enregistré. Réessayez dans un "
        "instant ; si cela dure, la personne qui gère le serveur doit vérifier TPT_DATABASE_URL et que "
        "la base fonctionne.",
    ]
    assert list(tmp_path.iterdir()) == []
