"""Reading a pilot's file safely: only regular files inside the catalogue folder, never blocking.

A link that leads outside the folder, a link loop, a pipe or a device, a folder named like a file:
each is refused with a file-level message that names the file and never shows what it points to.
"""

import errno
import os
import stat
from pathlib import Path

from tpt_model.errors import Problem, YamlFileError

_OS_ERRORS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.EIO: "erreur de lecture du disque",
    errno.ENAMETOOLONG: "nom trop long",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENFILE: "trop de fichiers ouverts",
}


def _refused(file: str, message: str) -> YamlFileError:
    return YamlFileError(Problem(file, 1, 1, "(fichier)", message))


def os_error_text(err: OSError) -> str:
    """A French reason for an operating-system error (its English strerror is never shown)."""
    code = err.errno or 0
    return _OS_ERRORS.get(code, f"erreur système {errno.errorcode.get(code, code)}")


def _target(path: Path, file: str) -> Path:
    """Where the path leads once every link is followed (missing, broken and looping paths refused)."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        message = "lien cassé : sa cible n'existe pas" if path.is_symlink() else "fichier introuvable"
        raise _refused(file, message) from None
    except RuntimeError:  # Python 3.11 reports a link loop this way
        raise _refused(file, "lien symbolique en boucle : fichier ignoré") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise _refused(file, "lien symbolique en boucle : fichier ignoré") from None
        raise _refused(file, f"fichier illisible ({os_error_text(err)})") from None


def _check_kind(mode: int, file: str) -> None:
    if stat.S_ISDIR(mode):
        raise _refused(file, "c'est un dossier, pas un fichier : ignoré")
    if not stat.S_ISREG(mode):
        raise _refused(file, "pas un fichier ordinaire (tube, périphérique…) : ignoré")


def _too_big(file: str, size: int, max_bytes: int) -> YamlFileError:
    return _refused(file, f"fichier trop gros ({size // 1024} Ko, au plus {max_bytes // 1024} Ko)")


def read_file_bytes(path: Path, file: str, root: Path | None, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, inside `root` when given; else YamlFileError.

    `root` is the catalogue folder already resolved (callers resolve it once for all its files).
    """
    target = _target(path, file)
    if root is not None and not target.is_relative_to(root):
        raise _refused(file, "lien vers un fichier hors du dossier du catalogue : fichier ignoré")
    try:
        # Non-blocking: a pipe swapped in after the checks above must not hang the app.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.EISDIR:
            raise _refused(file, "c'est un dossier, pas un fichier : ignoré") from None
        raise _refused(file, f"fichier illisible ({os_error_text(err)})") from None
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode, file)
        if info.st_size > max_bytes:
            raise _too_big(file, info.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as err:
        raise _refused(file, f"fichier illisible ({os_error_text(err)})") from None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # it grew since it was measured
        raise _too_big(file, len(raw), max_bytes)
    return raw
