"""Writing a pilot's file atomically: a temporary file beside it, flushed to disk, then renamed over it.

A reader (the app, a `git pull`, an editor) sees either the old file or the new one, never half of
it; a writer killed midway leaves at most a hidden temporary file, which `sweep_temporary` removes.
"""

import contextlib
import os
import secrets
from pathlib import Path

# Hidden and not `*.yaml`: the loader, the fingerprint and git's usual patterns never see them.
_PREFIX = ".tpt-"
_SUFFIX = ".tmp"


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data`: temporary file, fsync, rename, fsync of the folder.

    The file keeps its permission bits; a new one gets those of a plain file created here.
    """
    temporary = path.with_name(f"{_PREFIX}{path.name}.{secrets.token_hex(4)}{_SUFFIX}")
    try:
        with open(temporary, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def remove_file(path: Path) -> None:
    """Remove a file (already gone is fine), durably."""
    path.unlink(missing_ok=True)
    _sync_folder(path.parent)


def sweep_temporary(folder: Path) -> int:
    """Remove what writers killed midway left in `folder`; how many files were removed."""
    removed = 0
    for leftover in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
