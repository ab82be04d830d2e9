"""A cheap digest of a catalogue folder's files, which changes whenever a pilot changes one."""

import hashlib
import os
from pathlib import Path

SUBFOLDERS = ("bricks", "scenarios")


def _entry(entry: os.DirEntry[str]) -> tuple[str, int, int, int, int, int]:
    # The link itself and, when it resolves, its target: an edit of either is seen. Nothing here
    # may fail or block on a loop, a pipe or a vanished file.
    own = entry.stat(follow_symlinks=False)
    try:
        target = entry.stat() if entry.is_symlink() else own
    except OSError:
        target = own
    # The inode and the change time too: a file renamed over another (another app server's
    # save) or copied with its old modification time and the same size (`cp -p`) is still seen.
    return (
        entry.path,
        own.st_mtime_ns,
        target.st_mtime_ns,
        target.st_size,
        target.st_ino,
        target.st_ctime_ns,
    )


def folder_fingerprint(root: Path) -> str:
    """Digest of the name, size, times and inode of every entry of the catalogue's folders."""
    entries = []
    for folder in (root, *(root / name for name in SUBFOLDERS)):
        try:
            with os.scandir(folder) as found:
                entries += [_entry(e) for e in found]
        except OSError:  # a missing folder is the loader's to report
            continue
    return hashlib.sha256(repr(sorted(entries)).encode()).hexdigest()
