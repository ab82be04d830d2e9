"""Files written whole or not at all: a temporary file beside the target, synced, then renamed over it."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _sync_folder(folder: Path) -> None:
    # The rename itself must reach the disk, or a crash could bring the old file back.
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_text(path: Path, *, private: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file to write; `path` gets it only if the block ends without an exception.

    A crash or an error midway leaves `path` as it was. `private` files (backups: people's names)
    are readable by their owner only; others get the usual permissions (the umask applies).
    """
    folder = path.parent
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` in one piece (see `atomic_text`)."""
    with atomic_text(path) as out:
        out.write(text)
