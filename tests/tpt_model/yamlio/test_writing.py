"""Atomic writes: the file is replaced whole or not at all, and a killed writer's leftovers are swept."""

import os
import stat
from pathlib import Path

import pytest

from tpt_model.yamlio import writing
from tpt_model.yamlio.writing import atomic_text, remove_file, sweep_temporary, write_atomically


def test_a_file_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "mentorat.yaml"
    path.write_bytes(b"id: mentorat\n")
    path.chmod(0o640)
    write_atomically(path, "id: mentorat\ntitle: Été\n".encode())
    assert path.read_text(encoding="utf-8") == "id: mentorat\ntitle: Été\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentorat.yaml"]


def test_a_new_file_is_created(tmp_path: Path) -> None:
    write_atomically(tmp_path / "nouvelle.yaml", b"id: nouvelle\n")
    assert (tmp_path / "nouvelle.yaml").read_bytes() == b"id: nouvelle\n"


def test_a_failed_write_leaves_the_old_file_and_no_leftover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mentorat.yaml"
    path.write_bytes(b"old\n")

    def broken_replace(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentorat.yaml"]


def test_leftovers_of_a_killed_writer_are_swept_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / ".tpt-mentorat.yaml.1a2b3c4d.tmp").write_bytes(b"half")
    (tmp_path / "mentorat.yaml").write_bytes(b"id: mentorat\n")
    (tmp_path / ".gitignore").write_bytes(b"")
    assert sweep_temporary(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "mentorat.yaml"]


def test_a_removed_file_is_gone_and_removing_it_again_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "vieux.yaml"
    path.write_bytes(b"x")
    remove_file(path)
    remove_file(path)
    assert not os.path.exists(path)


def test_a_text_written_in_steps_replaces_the_file_only_when_done(tmp_path: Path) -> None:
    path = tmp_path / "sauvegarde.jsonl"
    path.write_text("ancienne\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(path) as out:
        out.write("nouvelle à moitié\n")
        raise RuntimeError("disque plein")
    assert path.read_text(encoding="utf-8") == "ancienne\n"
    with atomic_text(path) as out:
        out.write("été\n")
        out.write("suite\n")
    assert path.read_bytes() == "été\nsuite\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sauvegarde.jsonl"]


def test_a_private_file_is_its_owners_only(tmp_path: Path) -> None:
    path = tmp_path / "sauvegarde.jsonl"
    path.write_text("ancienne\n", encoding="utf-8")
    path.chmod(0o644)
    with atomic_text(path, private=True) as out:
        out.write("{}\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with atomic_text(tmp_path / "neuve.jsonl", private=True) as out:
        out.write("{}\n")
    assert stat.S_IMODE((tmp_path / "neuve.jsonl").stat().st_mode) == 0o600
