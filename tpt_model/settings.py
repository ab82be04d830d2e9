"""The app's settings, read once from the environment (`TPT_*` variables) and checked."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from tpt_model.errors import SettingsError
from tpt_model.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language, _, mark_, parse_language

DATA_DIR = "TPT_DATA_DIR"
DATABASE_URL = "TPT_DATABASE_URL"
CATALOGUE_DIR = "TPT_CATALOGUE_DIR"
PILOT_SECRET = "TPT_PILOT_SECRET"
PILOT_EMAILS = "TPT_PILOT_EMAILS"
CATALOGUE_GIT_COMMIT = "TPT_CATALOGUE_GIT_COMMIT"
LANGUAGE = "TPT_LANG"
# A shorter secret could be guessed despite the rate limit: the pilot role then stays locked.
MIN_SECRET_LENGTH = 12
# The warnings are kept untranslated in the settings (read once for every session), and said in the
# session's language where they are shown (`warning_text`).
WEAK_SECRET = mark_(
    "{secret} est trop court (au moins {length} caractères) : le rôle de pilote reste fermé, et le "
    "catalogue ne peut pas être modifié depuis l'application."
)
_YES = frozenset({"1", "true", "oui", "yes", "on"})
_NO = frozenset({"", "0", "false", "non", "no", "off"})

DATABASE_FILE = "frise.sqlite3"
SHIPPED_CATALOGUE = Path(__file__).resolve().parents[1] / "catalogue"
# The drivers installed with the app: SQLite is built in, PostgreSQL goes through psycopg 3.
DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
IN_MEMORY = mark_(
    "{database} désigne une base en mémoire : rien ne sera conservé à l'arrêt de l'application. "
    "Pour garder les scénarios et les notes, indiquez un fichier SQLite ou un serveur PostgreSQL."
)


@dataclass(frozen=True)
class Settings:
    """Where the data, the database and the catalogue are, and what the user should be warned of."""

    data_dir: Path
    database_url: str
    catalogue_dir: Path
    warnings: tuple[str, ...] = ()  # WEAK_SECRET, IN_MEMORY: see `warning_text`
    # The deployment's secret that unlocks the pilot role (None: no secret set, or too short).
    pilot_secret: str | None = field(default=None, repr=False)
    # The addresses of the identity provider's users (st.login) who are pilots; empty: every one.
    pilot_emails: tuple[str, ...] = ()
    # Whether each save from the app is committed when the catalogue folder is a git work tree.
    catalogue_git_commit: bool = False


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """The settings from `env` (the process environment by default); a malformed value raises."""
    env = os.environ if env is None else env
    data_dir = _data_dir(_value(env, DATA_DIR) or "data")
    database_url = _value(env, DATABASE_URL) or _default_database(data_dir)
    url = _checked_url(database_url)
    secret = env.get(PILOT_SECRET, "")
    weak = bool(secret) and len(secret) < MIN_SECRET_LENGTH
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        catalogue_dir=_catalogue_dir(_value(env, CATALOGUE_DIR)),
        warnings=((IN_MEMORY,) if is_in_memory(url) else ()) + ((WEAK_SECRET,) if weak else ()),
        pilot_secret=secret if secret and not weak else None,
        pilot_emails=tuple(e.strip().lower() for e in _value(env, PILOT_EMAILS).split(",") if e.strip()),
        catalogue_git_commit=_flag(env, CATALOGUE_GIT_COMMIT),
    )


def warning_text(warning: str) -> str:
    """A warning of the settings (WEAK_SECRET, IN_MEMORY) in the current language."""
    return _(warning).format(secret=PILOT_SECRET, length=MIN_SECRET_LENGTH, database=DATABASE_URL)


def language_setting(env: Mapping[str, str] | None = None) -> Language:
    """The language of the command line when none is asked: TPT_LANG (« fr » or « en »), else French."""
    value = _value(os.environ if env is None else env, LANGUAGE)
    if not value:
        return DEFAULT_LANGUAGE
    language = parse_language(value)
    if language is None:
        expected = _(" ou ").join(LANGUAGES)
        raise SettingsError(
            LANGUAGE,
            _("langue « {value} » inconnue ; attendu {expected}.").format(
                value=value[:20], expected=expected
            ),
        )
    return language


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = _value(env, name).lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise SettingsError(
        name, _("valeur « {value} » illisible ; attendu oui ou non (ou 1 ou 0).").format(value=value[:20])
    )


def is_in_memory(url: URL) -> bool:
    """Whether `url` names an in-memory SQLite database, which vanishes with the process."""
    if url.get_backend_name() != "sqlite":
        return False
    database = url.database or ""
    return (
        database in ("", ":memory:")
        or database.startswith("file::memory:")
        or url.query.get("mode") == "memory"
    )


def _value(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


def _data_dir(raw: str) -> Path:
    folder = Path(raw).resolve()
    if folder.exists() and not folder.is_dir():
        raise SettingsError(
            DATA_DIR,
            _("« {folder} » est un fichier ; attendu un dossier (créé s'il n'existe pas).").format(
                folder=folder
            ),
        )
    return folder


def _default_database(data_dir: Path) -> str:
    # Created here: SQLite creates the file, never its folder.
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SettingsError(
            DATA_DIR,
            _(
                "impossible de créer le dossier « {folder} » ({reason}) ; attendu un dossier où "
                "l'application peut écrire."
            ).format(folder=data_dir, reason=err.strerror),
        ) from err
    return f"sqlite:///{data_dir / DATABASE_FILE}"


def _checked_url(raw: str) -> URL:
    # The value is never repeated in a message: it may hold a password, and pages show messages.
    expected = _(
        "attendu une adresse comme sqlite:///chemin/vers/frise.sqlite3 ou postgresql://utilisatrice@serveur/base."
    )
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as err:
        raise SettingsError(
            DATABASE_URL, _("adresse illisible ; {expected}").format(expected=expected)
        ) from err
    if url.drivername not in DRIVERS:
        raise SettingsError(
            DATABASE_URL,
            _("type de base « {driver} » non pris en charge ; {expected}").format(
                driver=url.drivername, expected=expected
            ),
        )
    return url


def _catalogue_dir(raw: str) -> Path:
    if not raw:
        return SHIPPED_CATALOGUE
    folder = Path(raw)
    expected = _("attendu le dossier du catalogue, qui contient programme.yaml et bricks/.")
    if not folder.exists():
        raise SettingsError(
            CATALOGUE_DIR,
            _("le dossier « {folder} » n'existe pas ; {expected}").format(folder=folder, expected=expected),
        )
    if not folder.is_dir():
        raise SettingsError(
            CATALOGUE_DIR,
            _("« {folder} » est un fichier ; {expected}").format(folder=folder, expected=expected),
        )
    return folder
