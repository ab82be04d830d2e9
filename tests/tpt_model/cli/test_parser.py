"""Mistakes in a command line are told in French, with the usage, and exit with code 2."""

import subprocess
import sys

import pytest
from helpers import ROOT

from tpt_model.cli.main import main
from tpt_model.cli.parser import french

TOP = "utilisation : python -m tpt_model [-h] COMMANDE ..."


@pytest.fixture(autouse=True)
def terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Usage lines wrap at the terminal's width: the one of a CI log, whatever runs the tests."""
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize(
    ("argv", "lines"),
    [
        ([], [TOP, "python -m tpt_model : erreur : argument obligatoire manquant : COMMANDE"]),
        (
            ["sauvegarder"],
            [
                TOP,
                "python -m tpt_model : erreur : l'argument COMMANDE ne peut pas valoir « sauvegarder » ; valeurs "
                "permises : « validate », « schema », « db », « scenario », « export », « bench »",
            ],
        ),
        (
            ["db", "check", "--vite"],
            [TOP, "python -m tpt_model : erreur : argument inconnu : --vite"],
        ),
        (
            ["db"],
            [
                "utilisation : python -m tpt_model db [-h] COMMANDE ...",
                "python -m tpt_model db : erreur : argument obligatoire manquant : COMMANDE",
            ],
        ),
        (
            ["db", "backup"],
            [
                "utilisation : python -m tpt_model db backup [-h] FICHIER",
                "python -m tpt_model db backup : erreur : argument obligatoire manquant : FICHIER",
            ],
        ),
        (
            ["scenario", "import", "a.yaml", "--replace", "--rename"],
            [
                "utilisation : python -m tpt_model scenario import [-h] [--catalogue DOSSIER]",
                "                                                  [--author NOM]",
                "                                                  [--replace | --rename]",
                "                                                  FICHIER",
                "python -m tpt_model scenario import : erreur : l'argument --rename ne va pas avec --replace",
            ],
        ),
        (
            ["scenario", "export", "Frise", "-o"],
            [
                "utilisation : python -m tpt_model scenario export [-h] -o FICHIER NOM",
                "python -m tpt_model scenario export : erreur : l'argument -o/--output attend une valeur",
            ],
        ),
    ],
    ids=["nothing", "unknown-command", "unknown-option", "no-db-command", "no-file", "exclusive", "no-value"],
)
def test_a_mistake_is_told_in_french_with_exit_code_2(
    argv: list[str], lines: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    captured = capsys.readouterr()
    assert (exited.value.code, captured.out, captured.err.splitlines()) == (2, "", lines)


def test_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["db", "restore", "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.splitlines() == [
        "utilisation : python -m tpt_model db restore [-h] [--replace] FICHIER",
        "",
        "arguments:",
        "  FICHIER     fichier écrit par « db backup »",
        "",
        "options:",
        "  -h, --help  afficher cette aide et quitter",
        "  --replace   effacer d'abord le contenu de la base (sinon : base vide exigée)",
    ]


def test_an_unknown_message_is_left_as_it_is() -> None:
    assert french("something new in Python 3.14") == "something new in Python 3.14"


def test_the_entry_point_exits_2_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tpt_model", "scenario"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [
        "utilisation : python -m tpt_model scenario [-h] COMMANDE ...",
        "python -m tpt_model scenario : erreur : argument obligatoire manquant : COMMANDE",
    ]
