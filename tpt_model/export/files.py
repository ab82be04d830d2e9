"""Export files: their names, zip archives with fixed timestamps, and atomic writes to disk."""

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from tpt_model.scenario.files import slug

# Office files and zips are zip archives that stamp each member with the clock: a fixed stamp makes the
# same document give the same bytes (exports can be compared in git).
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # the same « made on » field whatever the machine
    return info


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of these files, in this order, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(_member(name), data)
    return buffer.getvalue()


def steady_zip(data: bytes, modified: str | None = None) -> bytes:
    """The same archive (members in the same order) with the clock's timestamps replaced by fixed ones.

    With `modified` (an ISO date-time), the Office core properties' modification time is that one:
    openpyxl writes the clock's there, whatever the workbook's properties say.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    core = members.get("docProps/core.xml")
    if modified is not None and core is not None:
        members["docProps/core.xml"] = _MODIFIED.sub(rf"\g<1>{modified}\g<2>".encode(), core)
    return zip_bytes(members)


def base_name(scenario_name: str, version: int | None, partner: str | None = None) -> str:
    """« parcours-gt1-v3 », « parcours-gt1-v3-inria » for a partner's brief, « parcours-gt1 » for a file."""
    name = slug(scenario_name)
    if version is not None:
        name += f"-v{version}"
    return f"{name}-{partner}" if partner else name


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
