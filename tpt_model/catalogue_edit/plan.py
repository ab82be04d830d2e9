"""What a save would change: the files, each with the text it had when the edit began and its new text.

A plan is built from what the pilot sees (the file as it was when she opened it); `saving` checks,
at the moment of writing, that nobody changed those files since (their content hash).
"""

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from tpt_model.i18n import _
from tpt_model.yamlio.files import read_file_bytes
from tpt_model.yamlio.reader import MAX_BYTES, decode

Action = Literal["modification", "création", "renommage", "suppression"]


def digest(data: bytes) -> str:
    """The content hash that tells whether a file changed (SHA-256, hexadecimal)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A catalogue file as read at one moment: its path in the folder, text and hash (None: no file)."""

    path: str
    text: str | None
    digest: str | None


def snapshot(root: Path, path: str) -> Snapshot:
    """The file `path` (« bricks/mentorat.yaml ») of the catalogue folder as it is now.

    Only a regular file inside the folder is read; YamlFileError otherwise (unreadable, too big, not
    UTF-8, a link leading out of the folder).
    """
    target = root / PurePosixPath(path)
    if not target.exists() and not target.is_symlink():
        return Snapshot(path, None, None)
    display = target.as_posix()
    raw = read_file_bytes(target, display, root.resolve(), MAX_BYTES)
    return Snapshot(path, decode(raw, display), digest(raw))


@dataclass(frozen=True)
class FileChange:
    """One file of a save: as the pilot saw it (`before`, None for a new file) and as it will be."""

    before: Snapshot
    after: str | None  # None: the file is removed

    @property
    def path(self) -> str:
        """The file's path in the catalogue folder."""
        return self.before.path

    def diff(self) -> str:
        """The change as a unified diff (« --- a/bricks/x.yaml », « +++ b/bricks/x.yaml »)."""
        old = (self.before.text or "").splitlines(keepends=True)
        new = (self.after or "").splitlines(keepends=True)
        source = f"a/{self.path}" if self.before.text is not None else "/dev/null"
        target = f"b/{self.path}" if self.after is not None else "/dev/null"
        lines = difflib.unified_diff(old, new, source, target)
        return "".join(
            line if line.endswith("\n") else line + "\n\\ " + _("Pas de fin de ligne") + "\n"
            for line in lines
        )


@dataclass(frozen=True)
class EditPlan:
    """A save to make: what it does (in the current language), its files, what the pilot should know."""

    action: Action
    summary: str  # « Modification de la brique « mentorat » »
    changes: tuple[FileChange, ...]
    notes: tuple[str, ...] = ()  # e.g. saved scenarios that still name a renamed brick

    @property
    def paths(self) -> tuple[str, ...]:
        """The files the save touches, in the folder."""
        return tuple(change.path for change in self.changes)

    @property
    def effective(self) -> tuple[FileChange, ...]:
        """The changes that change something (a no-op save writes nothing)."""
        return tuple(c for c in self.changes if c.after != c.before.text)

    def diff(self) -> str:
        """The whole change as one unified diff, file after file."""
        return "".join(change.diff() for change in self.effective)


def text_change(before: Snapshot, after: str) -> EditPlan:
    """A plan that writes `after` into the file the pilot opened as `before` (the YAML editor's save)."""
    if before.text is None:
        return EditPlan(
            "création", _("Création de {file}").format(file=before.path), (FileChange(before, after),)
        )
    summary = _("Modification de {file}").format(file=before.path)
    return EditPlan("modification", summary, (FileChange(before, after),))
