"""tpt_model stays free of Streamlit, and the command line behaves as documented."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from tpt_model.catalogue.schema import SCHEMAS, schema_text
from tpt_model.cli.main import main


def test_tpt_model_imports_without_streamlit() -> None:
    code = (
        "import sys, pkgutil, importlib, tpt_model\n"
        "for m in pkgutil.walk_packages(tpt_model.__path__, 'tpt_model.'):\n"
        "    if m.name != 'tpt_model.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_validate_prints_a_summary_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "tests/data/catalogue")]) == 0
    assert capsys.readouterr().out == (
        "Catalogue valide : 3 briques, 2 partenaires, 3 jalons, 1 persona, 1 modèle de scénario\n"
    )


def test_validate_prints_one_line_per_problem_and_exits_1(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("pillar: empower", "pillar: x"), encoding="utf-8"
    )
    assert main(["validate", str(catalogue_dir)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{catalogue_dir.as_posix()}/bricks/mentorat.yaml:5:9: pillar: valeur « x » invalide ; "
        "valeurs permises : empower, attract, fix_the_system",
        f"1 problème dans {catalogue_dir}",
    ]


def test_validate_prints_warnings_and_still_exits_0(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A placement outside its brick's stages is a warning: the scenario stays usable.
    path = catalogue_dir / "scenarios" / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("end: {stage: seconde, month: 10}", "end: {stage: bac-2, month: 10}"), encoding="utf-8"
    )
    assert main(["validate", str(catalogue_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{catalogue_dir.as_posix()}/scenarios/mini.yaml:7:10: placements[0].end: avertissement : "
        "en dehors des étapes prévues pour « Atelier en classe » (Seconde → Première)",
        "Catalogue valide : 3 briques, 2 partenaires, 3 jalons, 1 persona, 1 modèle de scénario ; 1 avertissement",
    ]


def test_validate_counts_errors_and_warnings_apart(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mini = catalogue_dir / "scenarios" / "mini.yaml"
    mini.write_text(
        mini.read_text(encoding="utf-8").replace(
            "end: {stage: seconde, month: 10}", "end: {stage: bac-2, month: 10}"
        ),
        encoding="utf-8",
    )
    brick = catalogue_dir / "bricks" / "mentorat.yaml"
    brick.write_text(
        brick.read_text(encoding="utf-8").replace("pillar: empower", "pillar: x"), encoding="utf-8"
    )
    assert main(["validate", str(catalogue_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"1 problème et 1 avertissement dans {catalogue_dir}"


def test_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tpt_model", "validate", "tests/data/catalogue"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Catalogue valide")


def test_schema_command_writes_every_schema(tmp_path: Path) -> None:
    assert main(["schema", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{n}.schema.json" for n in [*SCHEMAS, "analyses", "cahier-des-charges"])
    brick = json.loads((tmp_path / "brick.schema.json").read_text(encoding="utf-8"))
    assert brick["additionalProperties"] is False
    assert "pillar" in brick["required"]


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_shipped_schemas_are_up_to_date(name: str) -> None:
    shipped = ROOT / "catalogue" / "schema" / f"{name}.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text(SCHEMAS[name]), "lancez `make schema`"


def test_schema_into_an_unwritable_place_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    assert main(["schema", str(blocker / "schemas")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Erreur : ") and "schemas" in out


def test_an_unreadable_brick_is_a_problem_not_a_crash(
    catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from tpt_model import check_catalogue
    from tpt_model.yamlio import files

    real_open = os.open

    def refuse(path: Path, flags: int) -> int:
        if Path(path).name == "mentorat.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags)

    monkeypatch.setattr(files.os, "open", refuse)
    problems = [
        str(p).removeprefix(catalogue_dir.as_posix() + "/") for p in check_catalogue(catalogue_dir).problems
    ]
    assert problems == ["bricks/mentorat.yaml:1:1: (fichier): fichier illisible (accès refusé)"]
