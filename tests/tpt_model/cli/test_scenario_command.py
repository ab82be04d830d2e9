"""`scenario list|import|export`: exact French lines, exit 0 or 1; what is imported is what is exported."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import TEST_CATALOGUE
from sqlalchemy import Engine

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.cli.main import main
from tpt_model.formatting import time_label
from tpt_model.scenario.files import dump_scenario, read_upload
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore

MINI = TEST_CATALOGUE / "scenarios" / "mini.yaml"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite database named by TPT_DATABASE_URL, and the test catalogue as the app's."""
    address = f"sqlite:///{tmp_path / 'frise.sqlite3'}"
    monkeypatch.setenv("TPT_DATABASE_URL", address)
    monkeypatch.setenv("TPT_CATALOGUE_DIR", str(TEST_CATALOGUE))
    return address


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    engine = open_database(url)
    yield engine
    engine.dispose()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(argv)
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert lines[0].startswith("Base de données : sqlite:///")
    return code, lines[1:]


@pytest.mark.usefixtures("url")
def test_an_empty_database_lists_no_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["scenario", "list"], capsys) == (0, ["Aucun scénario dans la base."])


def test_list_shows_name_version_date_author_and_identifier(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ScenarioStore(engine)
    first = store.create(Scenario(name="Parcours long"), "Alice")
    second = store.create(Scenario(name="Court"), "Béatrice")
    second = store.save(second.id, Scenario(name="Court"), 1, "Chloé")
    assert run(["scenario", "list"], capsys) == (
        0,
        [
            "Nom            Version  Modifié              Par    Identifiant",
            f"Court          2        {time_label(second.updated_at)}  Chloé  {second.id}",
            f"Parcours long  1        {time_label(first.updated_at)}  Alice  {first.id}",
            "2 scénarios",
        ],
    )


def test_import_then_export_gives_the_scenario_back(
    engine: Engine, tmp_path: Path, test_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["scenario", "import", str(MINI), "--author", "Alice"], capsys) == (
        0,
        ["Scénario « Mini parcours » importé (version 1)."],
    )
    (info,) = ScenarioStore(engine).list()
    assert info.updated_by == "Alice"
    out = tmp_path / "export.yaml"
    assert run(["scenario", "export", "mini PARCOURS", "-o", str(out)], capsys) == (
        0,
        [f"Scénario « Mini parcours » (version 1) exporté dans « {out} »."],
    )
    expected = read_upload(MINI.read_bytes(), "mini.yaml", test_catalogue)
    assert out.read_text(encoding="utf-8") == dump_scenario(expected)
    assert read_upload(out.read_bytes(), "export.yaml", test_catalogue) == expected
    # By its identifier too.
    assert run(["scenario", "export", info.id, "-o", str(out)], capsys)[0] == 0


def test_a_name_taken_is_refused_unless_replace_or_rename(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["scenario", "import", str(MINI)], capsys)[0] == 0
    assert run(["scenario", "import", str(MINI)], capsys) == (
        1,
        [
            "Erreur : un scénario s'appelle déjà « Mini parcours » : rien n'a été importé. Relancez avec "
            "--replace pour le remplacer (son historique est gardé) ou --rename pour l'importer sous un "
            "autre nom."
        ],
    )
    assert run(["scenario", "import", str(MINI), "--replace", "--author", "Bob"], capsys) == (
        0,
        ["Scénario « Mini parcours » remplacé par le fichier (version 2 ; l'historique est gardé)."],
    )
    assert run(["scenario", "import", str(MINI), "--rename"], capsys) == (
        0,
        ["Scénario importé sous le nom « Mini parcours (2) » (version 1)."],
    )
    store = ScenarioStore(engine)
    assert sorted((i.name, i.version) for i in store.list()) == [
        ("Mini parcours", 2),
        ("Mini parcours (2)", 1),
    ]
    (replaced,) = [i for i in store.list() if i.name == "Mini parcours"]
    assert store.versions(replaced.id)[0].summary == "Remplacé par le fichier « mini.yaml »"
    assert store.versions(replaced.id)[0].author == "Bob"


@pytest.mark.usefixtures("url")
def test_a_file_with_problems_is_refused_line_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "frise.yaml"
    bad.write_text(
        "name: Frise\nplacements:\n  - brick: inconnue\n    start: {stage: seconde, month: 13}\n", "utf-8"
    )
    assert run(["scenario", "import", str(bad)], capsys) == (
        1,
        [
            "frise.yaml:3:5: placements[0].end: champ obligatoire manquant",
            "frise.yaml:4:36: placements[0].start.month: valeur 13 trop grande (au plus 12)",
            "Erreur : Le fichier « frise.yaml » n'a pas été importé : 2 problèmes à corriger.",
        ],
    )
    assert run(["scenario", "list"], capsys) == (0, ["Aucun scénario dans la base."])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["scenario", "import", "{tmp}/absent.yaml"],
            "Erreur : « {tmp}/absent.yaml » n'existe pas. Rien n'a été importé.",
        ),
        (
            ["scenario", "export", "Inconnu", "-o", "{tmp}/x.yaml"],
            "Erreur : aucun scénario ne s'appelle « Inconnu » ; « python -m tpt_model scenario list » les montre.",
        ),
        (
            ["scenario", "export", "Commun", "-o", "{tmp}/absent/x.yaml"],
            "Erreur : « {tmp}/absent » n'existe pas. Rien n'a été exporté.",
        ),
        (
            ["scenario", "import", str(MINI), "--catalogue", "{tmp}"],
            "Erreur : le catalogue « {tmp} » ne peut pas être lu : corrigez d'abord programme.yaml.",
        ),
    ],
    ids=["missing-file", "unknown-name", "missing-folder", "no-catalogue"],
)
def test_what_cannot_be_done_is_said(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    ScenarioStore(engine).create(Scenario(name="Commun"), "Alice")
    code, lines = run([arg.format(tmp=tmp_path) for arg in argv], capsys)
    assert (code, lines[-1]) == (1, message.format(tmp=tmp_path))


def test_two_scenarios_of_one_name_are_told_apart_by_identifier(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ScenarioStore(engine)
    first = store.create(Scenario(name="Commun"), "Alice")
    second = store.duplicate(first.id, "Copie", "Bob")
    store.rename(second.id, "commun", 1, "Bob")  # the page lets two names differ only by case
    ids = ", ".join(i.id for i in store.list() if i.name.lower() == "commun")
    assert run(["scenario", "export", "Commun", "-o", str(tmp_path / "x.yaml")], capsys) == (
        1,
        [f"Erreur : 2 scénarios s'appellent « Commun » : donnez l'identifiant de l'un d'eux ({ids})."],
    )


def test_usage_mistakes_are_french_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["scenario", "export", "Commun"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "utilisation : python -m tpt_model scenario export [-h] -o FICHIER NOM",
        "python -m tpt_model scenario export : erreur : argument obligatoire manquant : -o/--output",
    ]
