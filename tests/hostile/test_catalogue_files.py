"""Hostile catalogue folders: links out of it, loops, pipes, folders named like files, huge problem lists."""

import os
from pathlib import Path

import pytest

from tpt_model import check_catalogue
from tpt_model.catalogue.fingerprint import folder_fingerprint


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, rest = divmod(n, 36)
        out += digits[rest]
    return out


def problems_of(root: Path) -> list[str]:
    return [str(p).removeprefix(root.as_posix() + "/") for p in check_catalogue(root).problems]


def test_a_link_to_a_file_outside_the_folder_is_refused_unread(catalogue_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:mot-de-passe\n", encoding="utf-8")
    (catalogue_dir / "bricks" / "fuite.yaml").symlink_to(secret)
    problems = problems_of(catalogue_dir)
    assert problems == [
        "bricks/fuite.yaml:1:1: (fichier): lien vers un fichier hors du dossier du catalogue : fichier ignoré"
    ]
    assert "mot-de-passe" not in "".join(problems)


def test_a_link_to_a_system_file_is_refused_unread(catalogue_dir: Path) -> None:
    (catalogue_dir / "bricks" / "passwd.yaml").symlink_to("/etc/passwd")
    assert problems_of(catalogue_dir) == [
        "bricks/passwd.yaml:1:1: (fichier): lien vers un fichier hors du dossier du catalogue : fichier ignoré"
    ]


def test_a_link_inside_the_folder_is_read(catalogue_dir: Path) -> None:
    # A pilot may keep a brick under a second name by a link; the id must still match the name.
    (catalogue_dir / "bricks" / "alias-mentorat.yaml").symlink_to(catalogue_dir / "bricks" / "mentorat.yaml")
    assert problems_of(catalogue_dir)[0] == (
        "bricks/alias-mentorat.yaml:1:5: id: l'identifiant « mentorat » doit être le nom du fichier "
        "(« alias-mentorat »)"
    )


def test_a_link_loop_is_one_file_level_problem(catalogue_dir: Path) -> None:
    bricks = catalogue_dir / "bricks"
    (bricks / "boucle-a.yaml").symlink_to(bricks / "boucle-b.yaml")
    (bricks / "boucle-b.yaml").symlink_to(bricks / "boucle-a.yaml")
    assert problems_of(catalogue_dir) == [
        "bricks/boucle-a.yaml:1:1: (fichier): lien symbolique en boucle : fichier ignoré",
        "bricks/boucle-b.yaml:1:1: (fichier): lien symbolique en boucle : fichier ignoré",
    ]


def test_a_broken_link_is_one_file_level_problem(catalogue_dir: Path) -> None:
    (catalogue_dir / "bricks" / "perdu.yaml").symlink_to(catalogue_dir / "bricks" / "absent.yaml")
    assert problems_of(catalogue_dir) == [
        "bricks/perdu.yaml:1:1: (fichier): lien cassé : sa cible n'existe pas"
    ]


def test_a_fifo_is_refused_without_blocking(catalogue_dir: Path) -> None:
    os.mkfifo(catalogue_dir / "bricks" / "tube.yaml")
    assert problems_of(catalogue_dir) == [
        "bricks/tube.yaml:1:1: (fichier): pas un fichier ordinaire (tube, périphérique…) : ignoré"
    ]


def test_a_folder_named_like_a_brick_file_is_refused(catalogue_dir: Path) -> None:
    (catalogue_dir / "bricks" / "dossier.yaml").mkdir()
    assert problems_of(catalogue_dir) == [
        "bricks/dossier.yaml:1:1: (fichier): c'est un dossier, pas un fichier : ignoré"
    ]


def test_a_missing_programme_is_said_so(catalogue_dir: Path) -> None:
    (catalogue_dir / "programme.yaml").unlink()
    assert problems_of(catalogue_dir)[0] == "programme.yaml:1:1: (fichier): fichier introuvable"


def test_a_scenario_linking_outside_is_refused(catalogue_dir: Path) -> None:
    (catalogue_dir / "scenarios" / "dehors.yaml").symlink_to("/etc/hostname")
    assert problems_of(catalogue_dir) == [
        "scenarios/dehors.yaml:1:1: (fichier): lien vers un fichier hors du dossier du catalogue : fichier ignoré"
    ]


def test_thousands_of_unknown_keys_give_twenty_lines_and_a_count(catalogue_dir: Path) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    keys = "".join(f"z{base36(i)}:\n" for i in range(1, 35_001))  # 35,000 keys in 256 KB
    path.write_text(path.read_text(encoding="utf-8") + keys, encoding="utf-8")
    problems = problems_of(catalogue_dir)
    assert len(problems) == 21
    assert problems[-1].endswith(": (fichier): … et 34\u202f980 autres problèmes dans ce fichier")
    assert all(p.startswith("bricks/mentorat.yaml:") for p in problems)


@pytest.mark.parametrize("kind", ["loop", "fifo", "outside", "folder"])
def test_the_fingerprint_of_a_hostile_folder_never_fails(catalogue_dir: Path, kind: str) -> None:
    bricks = catalogue_dir / "bricks"
    before = folder_fingerprint(catalogue_dir)
    if kind == "loop":
        (bricks / "a.yaml").symlink_to(bricks / "b.yaml")
        (bricks / "b.yaml").symlink_to(bricks / "a.yaml")
    elif kind == "fifo":
        os.mkfifo(bricks / "tube.yaml")
    elif kind == "outside":
        (bricks / "passwd.yaml").symlink_to("/etc/passwd")
    else:
        (bricks / "dossier.yaml").mkdir()
    assert folder_fingerprint(catalogue_dir) != before
