"""Reading a pilot's file safely: only regular files inside the catalogue folder, never blocking.

A link that leads outside the folder, a link loop, a pipe or a device, a folder named like a file:
each is refused with a file-level message that names the file and never shows what it points to.
"""

import errno
import os
import stat
from pathlib import Path

from tpt_model.errors import Problem, YamlFileError
from tpt_model.i18n import _, mark_

_OS_ERRORS = {
    errno.EACCES: mark_("accès refusé"),
    errno.EPERM: mark_("accès refusé"),
    errno.EIO: mark_("erreur de lecture du disque"),
    errno.ENAMETOOLONG: mark_("nom trop long"),
    errno.EMFILE: mark_("trop de fichiers ouverts"),
    errno.ENFILE: mark_("trop de fichiers ouverts"),
}


def _refused(file: str, message: str) -> YamlFileError:
    return YamlFileError(Problem(file, 1, 1, _("(fichier)"), message))


def os_error_text(err: OSError) -> str:
    """A French reason for an operating-system error (its English strerror is never shown)."""
    code = err.errno or 0
    if code in _OS_ERRORS:
        return _(_OS_ERRORS[code])
    return _("erreur système {code}").format(code=errno.errorcode.get(code, code))


def _target(path: Path, file: str) -> Path:
    """Where the path leads once every link is followed (missing, broken and looping paths refused)."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        message = _("lien cassé : sa cible n'existe pas") if path.is_symlink() else _("fichier introuvable")
        raise _refused(file, message) from None
    except RuntimeError:  # Python 3.11 reports a link loop this way
        raise _refused(file, _("lien symbolique en boucle : fichier ignoré")) from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise _refused(file, _("lien symbolique en boucle : fichier ignoré")) from None
        raise _unreadable(file, err) from None


def _unreadable(file: str, err: OSError) -> YamlFileError:
    return _refused(file, _("fichier illisible ({reason})").format(reason=os_error_text(err)))


def _check_kind(mode: int, file: str) -> None:
    if stat.S_ISDIR(mode):
        raise _refused(file, _("c'est un dossier, pas un fichier : ignoré"))
    if not stat.S_ISREG(mode):
        raise _refused(file, _("pas un fichier ordinaire (tube, périphérique…) : ignoré"))


def _too_big(file: str, size: int, max_bytes: int) -> YamlFileError:
    message = _("fichier trop gros ({size} Ko, au plus {most} Ko)")
    return _refused(file, message.format(size=size // 1024, most=max_bytes // 1024))


def read_file_bytes(path: Path, file: str, root: Path | None, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, inside `root` when given; else YamlFileError.

    `root` is the catalogue folder already resolved (callers resolve it once for all its files).
    """
    target = _target(path, file)
    if root is not None and not target.is_relative_to(root):
        raise _refused(file, _("lien vers un fichier hors du dossier du catalogue : fichier ignoré"))
    try:
        # Non-blocking: a pipe swapped in after the checks above must not hang the app.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.EISDIR:
            raise _refused(file, _("c'est un dossier, pas un fichier : ignoré")) from None
        raise _unreadable(file, err) from None
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode, file)
        if info.st_size > max_bytes:
            raise _too_big(file, info.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as err:
        raise _unreadable(file, err) from None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # it grew since it was measured
        raise _too_big(file, len(raw), max_bytes)
    return raw
