"""The command line in English: `--lang en` (or TPT_LANG=en) for validate and export, places kept."""

from pathlib import Path

import pytest
from helpers import ROOT

from tpt_model.cli.main import main


@pytest.fixture(autouse=True)
def no_language_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TPT_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "80")


def _break_pillar(catalogue_dir: Path) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("pillar: empower", "pillar: x"), encoding="utf-8"
    )


def test_validate_in_english_keeps_file_line_and_column(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_pillar(catalogue_dir)
    assert main(["validate", str(catalogue_dir), "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f'{catalogue_dir.as_posix()}/bricks/mentorat.yaml:5:9: pillar: invalid value "x"; '
        "allowed values: empower, attract, fix_the_system",
        f"1 problem in {catalogue_dir}",
    ]


def test_the_language_setting_gives_the_default_and_the_option_wins(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TPT_LANG", "en")
    assert main(["validate", str(ROOT / "tests/data/catalogue")]) == 0
    assert capsys.readouterr().out == (
        "Valid catalogue: 3 action bricks, 2 partners, 3 milestones, 1 persona, 1 scenario template\n"
    )
    _break_pillar(catalogue_dir)
    assert main(["validate", "--lang", "fr", str(catalogue_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"1 problème dans {catalogue_dir}"


def test_a_yaml_mistake_is_told_in_english(catalogue_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (catalogue_dir / "bricks" / "mentorat.yaml").write_text("id: mentorat\ntitle: [a, b\n", encoding="utf-8")
    assert main(["validate", str(catalogue_dir), "--lang=en"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{catalogue_dir.as_posix()}/bricks/mentorat.yaml:")
    assert ": (syntax): Invalid YAML: " in first
    assert "attendu" not in first


def test_help_and_mistakes_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help", "--lang", "en"])
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: python -m tpt_model validate")
    assert "show this help and exit" in help_text
    assert "language of the messages and documents" in help_text
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--lang", "de"])
    assert exit_.value.code == 2
    assert "l'argument --lang ne peut pas valoir « de » ; valeurs permises : « fr », « en »" in (
        capsys.readouterr().err
    )


def test_an_unknown_language_setting_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TPT_LANG", "klingon")
    assert main(["validate", str(ROOT / "tests/data/catalogue")]) == 2
    assert capsys.readouterr().out == "Erreur : TPT_LANG : langue « klingon » inconnue ; attendu fr ou en.\n"
