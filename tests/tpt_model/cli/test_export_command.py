"""`python -m tpt_model export`: files written, saved scenarios found by name, exact French errors, exit 2."""

import json
from pathlib import Path

import pytest
from helpers import TEST_CATALOGUE
from sqlalchemy.engine import Engine

from tpt_model import load_catalogue
from tpt_model.cli.main import main
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore, StoredScenario
from tpt_model.store.scores import ScoreStore
from tpt_model.store.workshops import WorkshopStore

MINI = str(TEST_CATALOGUE / "scenarios" / "mini.yaml")
CATALOGUE = ["--catalogue", str(TEST_CATALOGUE)]
FORMATS = "pdf, docx, pptx, xlsx, html, md, json, yaml, png, svg, all"


@pytest.fixture(autouse=True)
def _database_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("TPT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TPT_DATABASE_URL", raising=False)
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["export", *args, *CATALOGUE])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [MINI, "--format", "docs"],
            f"Erreur : Format inconnu : « docs » ; formats possibles : {FORMATS}",
        ),
        (
            [MINI, "--format", "pdf", "--partner", "personne"],
            "Erreur : Partenaire inconnu : « personne » ; partenaires du catalogue : inria, femmes-at-numerique",
        ),
        (
            ["Parcours perdu", "--format", "md"],
            "Erreur : Scénario introuvable : « Parcours perdu » : ni un fichier, ni un scénario enregistré",
        ),
        (
            [MINI, "--format", "all"],
            "Erreur : --format all écrit plusieurs fichiers : indiquez un dossier avec -o DOSSIER",
        ),
        (
            [MINI, "--format", "md", "--date", "01/12/2026"],
            "Erreur : Date invalide : « 01/12/2026 » ; attendu AAAA-MM-JJ (ex. 2026-12-01)",
        ),
        (
            [MINI, "--format", "md", "--version", "2"],
            "Erreur : --version ne s'applique qu'à un scénario enregistré, pas à un fichier",
        ),
    ],
)
def test_usage_errors_are_french_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str, tmp_path: Path
) -> None:
    code, out = run(capsys, *args)
    assert (code, out) == (2, message + "\n")
    assert not (tmp_path / "data" / "frise.sqlite3").exists()  # looking a name up creates no database


def test_a_broken_scenario_file_lists_its_problems_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "casse.yaml"
    path.write_text("name: X\ncolour: red\n", encoding="utf-8")
    code, out = run(capsys, str(path), "--format", "md")
    assert code == 1
    assert out.startswith("casse.yaml:2:1: colour: champ inconnu « colour »")
    assert out.count("\n") == 1


def test_a_text_format_goes_to_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, MINI, "--format", "md", "--date", "2026-12-01")
    assert code == 0
    assert out.startswith("# Cahier des charges — Mini parcours\n")
    assert "- **Date de l'export** : 2026\\-12\\-01" in out


def test_a_file_is_written_where_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "sortie" / "brief.docx"
    code, out = run(capsys, MINI, "--format", "docx", "--partner", "inria", "-o", str(target))
    assert (code, out) == (0, f"{target.as_posix()}\n")
    assert target.read_bytes().startswith(b"PK")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_all_formats_go_into_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "export"
    code, out = run(capsys, MINI, "--format", "all", "-o", str(folder))
    assert code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        [f"mini-parcours.{e}" for e in ("pdf", "docx", "pptx", "xlsx", "html", "md", "json", "yaml")]
        + ["mini-parcours-frise.png", "mini-parcours-frise.svg"]
    )
    assert out.splitlines() == [
        (folder / n).as_posix() for n in out and [Path(line).name for line in out.splitlines()]
    ]


def saved_mini(folder: Path, name: str) -> tuple[Engine, StoredScenario]:
    """The test catalogue's mini scenario saved by Léa under `name`, in the app's database in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    engine = open_database(f"sqlite:///{folder / 'frise.sqlite3'}")
    mini = load_catalogue(TEST_CATALOGUE).template("mini")
    return engine, ScenarioStore(engine).create(mini.model_copy(update={"name": name}), "Léa")


def test_a_saved_scenario_is_exported_by_name_with_its_version_and_scores(
    capsys: pytest.CaptureFixture[str], _database_in_tmp: Path
) -> None:
    engine, stored = saved_mini(_database_in_tmp, "Parcours GT1")
    ScenarioStore(engine).save(
        stored.id, stored.scenario.model_copy(update={"description": "Deuxième"}), 1, "Zoé", "Description"
    )
    ScoreStore(engine).save_sheet(
        stored.id,
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 4}, comment="Très utile"),
        as_evaluator="Léa",
    )
    engine.dispose()
    code, out = run(capsys, "Parcours GT1", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert (document["cover"]["version"], document["cover"]["author"]) == (2, "Zoé")
    assert "Très utile" in out
    code, out = run(capsys, "Parcours GT1", "--format", "json", "--version", "1")
    assert json.loads(out)["cover"]["author"] == "Léa"
    code, out = run(capsys, "Parcours GT1", "--format", "json", "--version", "7")
    assert (code, out) == (
        2,
        "Erreur : Version introuvable : « Parcours GT1 » n'a pas de version 7 (dernière : 2)\n",
    )


def test_a_saved_scenario_brings_its_revealed_workshops(
    capsys: pytest.CaptureFixture[str], _database_in_tmp: Path
) -> None:
    engine, stored = saved_mini(_database_in_tmp, "GT1")
    workshops = WorkshopStore(engine)
    workshop, facilitator = workshops.create(stored.id, 1, "Atelier de décembre", "evaluation")
    workshops.open_round(facilitator, "Tour complet", "brick", ["mentorat"], ["pertinence"])
    for name, agreed, level in (("Alice", True, 4), ("Bea", False, 1)):
        _, participant = workshops.join(workshop.id, name, agreed)
        workshops.answer(participant, 1, "mentorat", {"pertinence": (level, None)})
    workshops.change_round(facilitator, 1, "reveal_round")
    engine.dispose()
    code, out = run(capsys, "GT1", "--format", "md")
    assert code == 0
    text = out.replace("\\", "")
    assert "### Atelier d'évaluation « Atelier de décembre »" in text
    assert "**Participantes** : 2 participantes" in text and "Alice" in text and "Bea" not in text
    assert "à discuter : Mentorat en ligne" in text
