"""Writing a pilot's file atomically: a temporary file beside it, flushed to disk, then renamed over it.

A reader (the app, a `git pull`, an editor) sees either the old file or the new one, never half of
it; a writer killed midway leaves at most a hidden temporary file, which `sweep_temporary` removes.
"""

import contextlib
import io
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

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


@contextlib.contextmanager
def _atomic(path: Path, *, private: bool) -> Iterator[BinaryIO]:
    """A new file beside `path`, renamed over it (after fsync) only if the block ends without an exception."""
    temporary = path.with_name(f"{_PREFIX}{path.name}.{secrets.token_hex(4)}{_SUFFIX}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
        with os.fdopen(descriptor, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if not private:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data`: temporary file, fsync, rename, fsync of the folder.

    The file keeps its permission bits; a new one gets those of a plain file created here.
    """
    with _atomic(path, private=False) as out:
        out.write(data)


@contextlib.contextmanager
def atomic_text(path: Path, *, private: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file to write in steps (a backup, an export), replacing `path` as `write_atomically` does.

    `private` files are readable and writable by their owner only, whatever `path` was before
    (a backup holds people's names).
    """
    with _atomic(path, private=private) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        try:
            yield out
            out.flush()
        finally:
            out.detach()  # the binary file stays open for its fsync


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
