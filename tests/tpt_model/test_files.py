"""Files are written whole or not at all."""

import os
from pathlib import Path

import pytest

from tpt_model.files import atomic_text, write_text_atomically


def test_a_failure_midway_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "frise.yaml"
    target.write_text("ancien\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as out:
        out.write("nouveau à moitié")
        raise RuntimeError("disque plein")
    assert target.read_text(encoding="utf-8") == "ancien\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frise.yaml"]


def test_the_new_text_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "frise.yaml"
    target.write_text("ancien\n", encoding="utf-8")
    write_text_atomically(target, "été\r\nsuite\n")
    assert target.read_bytes() == "été\r\nsuite\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frise.yaml"]


def test_private_files_are_for_their_owner_only_and_others_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_text(tmp_path / "sauvegarde.jsonl", private=True) as out:
            out.write("{}\n")
        write_text_atomically(tmp_path / "export.yaml", "name: Frise\n")
    finally:
        os.umask(previous)
    assert (tmp_path / "sauvegarde.jsonl").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "export.yaml").stat().st_mode & 0o777 == 0o644
