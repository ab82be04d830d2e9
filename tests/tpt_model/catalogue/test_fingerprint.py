"""The catalogue's fingerprint changes with every save, even one the size and the clock cannot tell apart."""

import os
from pathlib import Path

from tpt_model.catalogue.fingerprint import folder_fingerprint
from tpt_model.yamlio.writing import write_atomically


def rewrite_keeping_size_and_time(path: Path, text: str, *, replace: bool) -> None:
    """Write `text` (as long as the old text) and put the old modification time back."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    if replace:
        write_atomically(path, text.encode())  # how an app server saves: a new file renamed over the old
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_file_replaced_within_the_same_tick_changes_the_fingerprint(catalogue_dir: Path) -> None:
    brick = catalogue_dir / "bricks" / "mentorat.yaml"
    text = brick.read_text(encoding="utf-8")
    before = folder_fingerprint(catalogue_dir)
    rewrite_keeping_size_and_time(brick, text.replace("Mentorat", "Mentorer", 1), replace=True)
    assert folder_fingerprint(catalogue_dir) != before


def test_a_copy_that_keeps_the_modification_time_changes_the_fingerprint(catalogue_dir: Path) -> None:
    brick = catalogue_dir / "bricks" / "mentorat.yaml"
    text = brick.read_text(encoding="utf-8")
    before = folder_fingerprint(catalogue_dir)
    rewrite_keeping_size_and_time(brick, text.replace("Mentorat", "Mentorer", 1), replace=False)
    assert folder_fingerprint(catalogue_dir) != before


def test_an_untouched_folder_keeps_its_fingerprint(catalogue_dir: Path) -> None:
    assert folder_fingerprint(catalogue_dir) == folder_fingerprint(catalogue_dir)
