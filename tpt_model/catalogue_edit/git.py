"""Commit a save when the catalogue folder is in a git work tree (a setting turns it on); never a push.

The pilot is the commit's author, with the message she writes; the app is its committer. Only the
files of the save are committed: whatever else is staged in the work tree stays as it was.
"""

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tpt_model.i18n import _

COMMITTER_NAME = "Frise TechPourToutes"
COMMITTER_EMAIL = "frise@techpourtoutes.invalid"  # `.invalid` is reserved: it can reach nobody
_TIMEOUT_S = 30
_MAX_OUTPUT = 2_000


class GitError(Exception):
    """git could not commit; `message` says so in the current language, `output` is what git said."""

    def __init__(self, message: str, output: str = "") -> None:
        self.message = message
        self.output = output[-_MAX_OUTPUT:]
        super().__init__(message)


def _git(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("git")
    if executable is None:
        raise GitError(_("git n'est pas installé sur le serveur : le fichier est enregistré, sans commit."))
    quiet = {"GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        return subprocess.run(
            [executable, "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            env={**os.environ, **quiet, **(env or {})},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GitError(_("git n'a pas répondu : le fichier est enregistré, sans commit."), str(err)) from err


def work_tree(folder: Path) -> Path | None:
    """The top of the git work tree that holds `folder`, or None when it is in none (or git is missing)."""
    try:
        answer = _git(folder, "rev-parse", "--show-toplevel")
    except GitError:
        return None
    top = answer.stdout.strip()
    return Path(top) if answer.returncode == 0 and top else None


def _tracked(top: Path, path: Path) -> bool:
    return _git(top, "ls-files", "--error-unmatch", "--", str(path)).returncode == 0


def _author(name: str, email: str) -> str:
    # `<` and `>` would end the address early: a name never carries them into git.
    clean = " ".join(name.replace("<", "").replace(">", "").split()) or "Anonyme"
    return f"{clean} <{email.replace('<', '').replace('>', '').strip()}>"


def commit(folder: Path, files: Sequence[Path], author: str, message: str, email: str = "") -> str:
    """Commit these files (written or removed) with the pilot as author; the new commit's id.

    GitError when git refuses (a hook, a locked index): the files stay saved, uncommitted.
    """
    top = work_tree(folder)
    if top is None:
        raise GitError(_("Le dossier du catalogue n'est pas dans un dépôt git : rien n'a été commité."))
    paths = [path.parent.resolve() / path.name for path in files]
    present = [str(p) for p in paths if p.exists()]
    gone = [str(p) for p in paths if not p.exists() and _tracked(top, p)]
    if present:
        _checked(_git(top, "add", "--", *present))
    if gone:
        _checked(_git(top, "rm", "--cached", "--quiet", "--", *gone))
    env = {"GIT_COMMITTER_NAME": COMMITTER_NAME, "GIT_COMMITTER_EMAIL": COMMITTER_EMAIL}
    text = message.strip() or _("Catalogue modifié depuis l'application")
    author_line = f"--author={_author(author, email)}"
    _checked(_git(top, "commit", "--quiet", "-m", text, author_line, "--", *present, *gone, env=env))
    return _git(top, "rev-parse", "HEAD").stdout.strip()


def _checked(answer: subprocess.CompletedProcess[str]) -> None:
    if answer.returncode != 0:
        raise GitError(
            _("git a refusé le commit : le fichier est enregistré, mais pas commité."),
            (answer.stderr or answer.stdout).strip(),
        )
