"""Saving a plan into the catalogue folder: refused on a conflict or a broken catalogue, else atomic.

Under the folder's lock (threads of this server and other processes on the machine): every file the
plan touches must still be as the pilot saw it (its content hash); the whole catalogue, with the
plan applied, is checked in a temporary copy and must not gain an error; only then is each file
written (temporary file, then rename). A save over several files (a renamed brick and the
scenarios that place it) writes the new files first and removes the old one last: a crash midway
leaves both ids, never a scenario that names a brick that no file holds.
"""

import contextlib
import os
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from tpt_model.catalogue_edit.plan import EditPlan, FileChange, snapshot
from tpt_model.errors import Problem, YamlFileError, errors_among, warnings_among
from tpt_model.i18n import _, n_
from tpt_model.scenario.folder import check_catalogue
from tpt_model.yamlio.writing import remove_file, sweep_temporary, write_atomically

try:  # POSIX: the lock also holds against the app's other processes on this machine
    import fcntl
except ImportError:  # pragma: no cover - Windows: the lock holds within this process only
    fcntl = None  # type: ignore[assignment]

# The files of a catalogue folder that the loader reads, and nothing else (no schema, no .git).
_CATALOGUE_GLOBS = ("*.yaml", "bricks/*.yaml", "scenarios/*.yaml")


class EditConflictError(Exception):
    """A file changed on disk since the pilot opened it: nothing was written, both versions kept."""

    def __init__(self, path: str, disk_text: str | None, mine: str | None) -> None:
        self.path = path
        self.disk_text = disk_text
        self.mine = mine
        if disk_text is None:
            message = _(
                "{file} a changé sur le disque depuis que vous l'avez ouvert (il a été supprimé) : une autre "
                "personne l'a modifié, ou le dossier a été mis à jour (git pull). Rien n'a été enregistré : "
                "votre version et celle du disque sont ci-dessous."
            )
        else:
            message = _(
                "{file} a changé sur le disque depuis que vous l'avez ouvert : une autre personne l'a "
                "modifié, ou le dossier a été mis à jour (git pull). Rien n'a été enregistré : votre version "
                "et celle du disque sont ci-dessous."
            )
        self.message = message.format(file=path)
        super().__init__(self.message)


class EditRefusedError(Exception):
    """The save would break the catalogue: it was not written; `problems` says what would break."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        self.message = n_(
            "Enregistrement refusé : le catalogue aurait {count} erreur de plus (ci-dessous). Rien n'a été "
            "écrit ; corrigez puis enregistrez à nouveau.",
            "Enregistrement refusé : le catalogue aurait {count} erreurs de plus (ci-dessous). Rien n'a été "
            "écrit ; corrigez puis enregistrez à nouveau.",
            count,
        ).format(count=count)
        super().__init__(self.message)


@dataclass(frozen=True)
class PlanCheck:
    """What the catalogue would gain with the plan: errors (the save is refused) and warnings."""

    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


_thread_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


@contextlib.contextmanager
def folder_lock(root: Path) -> Iterator[None]:
    """Hold the catalogue folder for one save at a time (this process's threads, then other processes)."""
    real = root.resolve()
    with _locks_guard:
        lock = _thread_locks.setdefault(real, threading.Lock())
    with lock:
        if fcntl is None:  # pragma: no cover
            yield
            return
        fd = os.open(real, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def _copy_catalogue(root: Path, target: Path) -> None:
    """The loader's files of `root` into `target`: links that stay inside the folder are followed."""
    real = root.resolve()
    for pattern in _CATALOGUE_GLOBS:
        for path in root.glob(pattern):
            destination = target / path.relative_to(root)
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                inside = path.resolve(strict=True).is_relative_to(real)
            except (OSError, RuntimeError):
                inside = False
            if path.is_symlink() and not inside:
                destination.symlink_to(path.readlink())  # refused by the loader, as in the folder
            elif path.is_file():
                shutil.copyfile(path, destination)


def _apply(target: Path, changes: tuple[FileChange, ...]) -> None:
    for change in changes:
        path = target / PurePosixPath(change.path)
        if change.after is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change.after, encoding="utf-8")


def _relative(problem: Problem, root: Path) -> Problem:
    prefix = root.as_posix().rstrip("/") + "/"
    return replace(problem, file=problem.file.removeprefix(prefix))


def _key(problem: Problem) -> tuple[str, str, str]:
    # Lines move when a file is edited: an error is the same error in the same file and field.
    return (problem.file, problem.field, problem.message)


def check_plan(root: Path, plan: EditPlan) -> PlanCheck:
    """The errors the plan would add to the catalogue (of any file), and the warnings of its files.

    Problems are reported with the folder's own paths, as the app shows them.
    """
    now = [_relative(p, root) for p in check_catalogue(root).problems]
    with tempfile.TemporaryDirectory(prefix="tpt-catalogue-") as folder:
        copy = Path(folder) / "catalogue"
        _copy_catalogue(root, copy)
        _apply(copy, plan.effective)
        after = [_relative(p, copy) for p in check_catalogue(copy).problems]
    before = Counter(_key(p) for p in errors_among(now))
    added: list[Problem] = []
    for problem in errors_among(after):
        if before[_key(problem)] > 0:
            before[_key(problem)] -= 1
        else:
            added.append(problem)
    touched = set(plan.paths)
    warnings = [p for p in warnings_among(after) if p.file in touched]
    prefix = root.as_posix().rstrip("/") + "/"
    shown = [replace(p, file=prefix + p.file) for p in sorted(added)]
    return PlanCheck(tuple(shown), tuple(replace(p, file=prefix + p.file) for p in sorted(warnings)))


def _check_unchanged(root: Path, plan: EditPlan) -> None:
    for change in plan.effective:
        try:
            now = snapshot(root, change.path)
        except YamlFileError as err:
            raise EditConflictError(change.path, None, change.after) from err
        if now.digest != change.before.digest:
            raise EditConflictError(change.path, now.text, change.after)


def _write(root: Path, changes: tuple[FileChange, ...]) -> None:
    # New and changed files first, removals last (see the module's docstring).
    for change in sorted(changes, key=lambda c: c.after is None):
        path = root / PurePosixPath(change.path)
        if change.after is None:
            remove_file(path)
        else:
            write_atomically(path, change.after.encode("utf-8"))


def save_plan(root: Path, plan: EditPlan) -> PlanCheck:
    """Write the plan into the folder; EditConflictError or EditRefusedError (then nothing is written).

    Returns the warnings the saved files have. A plan that changes nothing writes nothing.
    """
    with folder_lock(root):
        for folder in (root, root / "bricks", root / "scenarios"):
            if folder.is_dir():
                sweep_temporary(folder)
        changes = plan.effective
        if not changes:
            return PlanCheck((), ())
        _check_unchanged(root, plan)
        checked = check_plan(root, plan)
        if checked.errors:
            raise EditRefusedError(list(checked.errors))
        _write(root, changes)
        return checked
