"""What the admin commands share: the database they work on, and files named in French when they fail."""

from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from tpt_model.i18n import _
from tpt_model.settings import load_settings
from tpt_model.store.engine import make_engine
from tpt_model.store.migrate import open_database

# A command waits this long for a PostgreSQL server that does not answer, then says so.
CONNECT_TIMEOUT_S = 10


def database_url() -> str:
    """The configured database's address (TPT_DATABASE_URL, or SQLite in TPT_DATA_DIR), printed first.

    Raises SettingsError (its message names the variable) when the setting is malformed.
    """
    url = load_settings().database_url
    print(_("Base de données : {url}").format(url=make_url(url).render_as_string(hide_password=True)))
    return url


def _connect_args(url: str) -> dict[str, Any]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        return {"connect_timeout": CONNECT_TIMEOUT_S}
    return {}


def engine_as_is(url: str) -> Engine:
    """An engine on `url` that leaves the schema as it is (to check, back up or upgrade it)."""
    return make_engine(url, connect_args=_connect_args(url))


def engine_at_head(url: str) -> Engine:
    """An engine on `url` with the schema brought to the newest revision, as the app does when it starts."""
    return open_database(url, connect_args=_connect_args(url))


def file_error(err: OSError, path: Path) -> str:
    """Why `path` could not be read or written, in French (the system's own words for the rare cases)."""
    if isinstance(err, FileNotFoundError):
        missing = path if path.parent.is_dir() else path.parent
        return _("« {path} » n'existe pas.").format(path=missing)
    if isinstance(err, IsADirectoryError):
        return _("« {path} » est un dossier ; attendu un fichier.").format(path=path)
    if isinstance(err, PermissionError):
        return _("accès refusé à « {path} ».").format(path=path)
    return _("« {path} » : {reason}.").format(path=path, reason=err.strerror or err)
