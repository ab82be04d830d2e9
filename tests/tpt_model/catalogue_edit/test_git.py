"""A save can be committed with the pilot as author; only its files, and never a push."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tpt_model.catalogue_edit.git import COMMITTER_NAME, GitError, commit, work_tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git n'est pas installé")


def git(folder: Path, *args: str) -> str:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null", "PATH": "/usr/bin:/bin"}
    answer = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=True
    )
    return answer.stdout


@pytest.fixture
def repository(catalogue_dir: Path) -> Path:
    """The test catalogue as a git work tree with one commit (and no identity configured)."""
    git(catalogue_dir, "init", "--quiet")
    git(catalogue_dir, "add", ".")
    git(
        catalogue_dir,
        "-c",
        "user.name=Init",
        "-c",
        "user.email=init@example.org",
        "commit",
        "--quiet",
        "-m",
        "init",
    )
    return catalogue_dir


def test_a_folder_outside_any_work_tree_has_none(tmp_path: Path) -> None:
    (tmp_path / "seul").mkdir()
    assert work_tree(tmp_path / "seul") is None


def test_the_saved_files_are_committed_with_the_pilot_as_author(repository: Path) -> None:
    (repository / "bricks" / "mentorat.yaml").write_text("id: mentorat\n", encoding="utf-8")
    (repository / "bricks" / "tutorat.yaml").write_text("id: tutorat\n", encoding="utf-8")
    (repository / "bricks" / "ordinateur.yaml").unlink()
    (repository / "personas.yaml").write_text("personas: []\n", encoding="utf-8")  # someone else's work
    git(repository, "add", "personas.yaml")
    files = [repository / "bricks" / name for name in ("mentorat.yaml", "tutorat.yaml", "ordinateur.yaml")]
    sha = commit(repository, files, "Élodie <Martin>", "Coût du mentorat revu", "elodie@example.org")
    assert git(repository, "log", "-1", "--format=%H|%an|%ae|%cn|%s").strip() == (
        f"{sha}|Élodie Martin|elodie@example.org|{COMMITTER_NAME}|Coût du mentorat revu"
    )
    assert git(repository, "show", "--name-status", "--format=", "HEAD").splitlines() == [
        "M\tbricks/mentorat.yaml",
        "D\tbricks/ordinateur.yaml",
        "A\tbricks/tutorat.yaml",
    ]
    assert git(repository, "diff", "--cached", "--name-only").splitlines() == ["personas.yaml"]


def test_a_refused_commit_says_so_in_french(repository: Path) -> None:
    hook = repository / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'catalogue invalide' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    (repository / "bricks" / "mentorat.yaml").write_text("id: mentorat\n", encoding="utf-8")
    with pytest.raises(GitError) as caught:
        commit(repository, [repository / "bricks" / "mentorat.yaml"], "Élodie", "message")
    assert caught.value.message == "git a refusé le commit : le fichier est enregistré, mais pas commité."
    assert "catalogue invalide" in caught.value.output
