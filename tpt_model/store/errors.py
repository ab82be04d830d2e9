"""Store errors: one family, each with a French message that pages show as is."""

import functools
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import ParamSpec, TypeVar

from sqlalchemy import exc

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import time_label
from tpt_model.i18n import _, mark_

Params = ParamSpec("Params")
Result = TypeVar("Result")


class StoreError(Exception):
    """A persistence error with a French message that can be shown to the user as is."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class ScenarioNotFound(StoreError):  # noqa: N818 (a name agreed with the pages)
    """The scenario does not exist; `rejected` keeps what a save tried to write, if anything."""

    def __init__(self, scenario_id: str, rejected: Scenario | None = None) -> None:
        self.scenario_id = scenario_id
        self.rejected = rejected
        super().__init__(
            _("Scénario introuvable : « {scenario_id} » (il a peut-être été supprimé).").format(
                scenario_id=scenario_id
            )
        )


class VersionNotFound(StoreError):  # noqa: N818 (a name agreed with the pages)
    """The scenario exists but has no such version."""

    def __init__(self, scenario_id: str, version: int) -> None:
        self.scenario_id = scenario_id
        self.version = version
        super().__init__(_("La version {version} de ce scénario n'existe pas.").format(version=version))


class StaleWrite(StoreError):  # noqa: N818 (a name agreed with the pages)
    """Someone saved the scenario since it was read; `rejected` is the save that was refused."""

    def __init__(self, scenario_id: str, rejected: Scenario, current_version: int, author: str, at: datetime):
        self.scenario_id = scenario_id
        self.rejected = rejected
        self.current_version = current_version
        self.author = author
        self.at = at
        super().__init__(
            _(
                "Ce scénario a été modifié par {author} à {time_label} depuis votre dernière lecture : vos "
                "changements n'ont pas été enregistrés par-dessus les siens."
            ).format(author=author, time_label=time_label(at))
        )


class NotYourScores(StoreError):  # noqa: N818 (a name agreed with the pages)
    """An evaluator tried to change the scores of another evaluator."""

    def __init__(self, owner: str, as_evaluator: str) -> None:
        self.owner = owner
        self.as_evaluator = as_evaluator
        super().__init__(
            _(
                "« {as_evaluator} » ne peut pas modifier les notes de « {owner} » : chaque évaluatrice ou "
                "évaluateur ne modifie que ses propres notes."
            ).format(as_evaluator=as_evaluator, owner=owner)
        )


class StoreBusyError(StoreError):
    """Another writer held the database for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "La base de données est occupée par une autre écriture : rien n'a été enregistré. "
                "Réessayez dans quelques secondes."
            )
        )


class StoreReadOnlyError(StoreError):
    """The database, its file or the account the app uses may be read but not written."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "La base de données est en lecture seule : rien n'a été enregistré. La personne qui gère "
                "le serveur doit la rendre accessible en écriture (le fichier SQLite et son dossier, "
                "ou les droits du compte PostgreSQL)."
            )
        )


class StoreUnavailableError(StoreError):
    """The database cannot be reached or opened: server down, wrong address, not a database file."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "La base de données est injoignable : rien n'a été lu ni enregistré. Réessayez dans un "
                "instant ; si cela dure, la personne qui gère le serveur doit vérifier TPT_DATABASE_URL "
                "et que la base fonctionne."
            )
        )


class StoreDataError(StoreError):
    """The database refused a value: a NUL character, a text too long for its column."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "La base de données a refusé un texte (caractère invisible interdit ou texte trop long) : "
                "rien n'a été enregistré. Retirez ce caractère ou raccourcissez le texte, puis réessayez."
            )
        )


UNEXPECTED = mark_(
    "La base de données a refusé l'opération : rien n'a été enregistré. Réessayez ; si cela se "
    "reproduit, signalez-le à la personne qui gère le serveur."
)

# SQLite primary result codes (the low byte of an extended code) and what they mean to the user.
_SQLITE_CODES: dict[int, Callable[[], StoreError]] = {
    sqlite3.SQLITE_BUSY: StoreBusyError,
    sqlite3.SQLITE_LOCKED: StoreBusyError,
    sqlite3.SQLITE_READONLY: StoreReadOnlyError,
    sqlite3.SQLITE_PERM: StoreReadOnlyError,
    sqlite3.SQLITE_CANTOPEN: StoreUnavailableError,
    sqlite3.SQLITE_NOTADB: StoreUnavailableError,
    sqlite3.SQLITE_CORRUPT: StoreUnavailableError,
    sqlite3.SQLITE_IOERR: StoreUnavailableError,
    sqlite3.SQLITE_TOOBIG: StoreDataError,
}
# PostgreSQL SQLSTATEs: serialisation failure, deadlock, lock not available; read-only
# transaction (a standby), insufficient privilege.
_BUSY_STATES = {"40001", "40P01", "55P03"}
_READ_ONLY_STATES = {"25006", "42501"}


def database_error(error: exc.SQLAlchemyError) -> StoreError:
    """The StoreError that says, in French, what a SQLAlchemy or driver error means and what to do."""
    original = getattr(error, "orig", None)
    if isinstance(original, sqlite3.Error):
        kind = _SQLITE_CODES.get(getattr(original, "sqlite_errorcode", 0) & 0xFF)
        return kind() if kind is not None else StoreError(_(UNEXPECTED))
    state = getattr(original, "sqlstate", None)
    if isinstance(error, exc.DataError):
        return StoreDataError()
    if state in _BUSY_STATES or isinstance(error, exc.TimeoutError):
        return StoreBusyError()
    if state in _READ_ONLY_STATES:
        return StoreReadOnlyError()
    if isinstance(error, exc.OperationalError | exc.InterfaceError | exc.DisconnectionError):
        return StoreUnavailableError()
    return StoreError(_(UNEXPECTED))


def translated(method: Callable[Params, Result]) -> Callable[Params, Result]:
    """Decorate a store method so that any SQLAlchemy or driver error it raises becomes a StoreError."""

    @functools.wraps(method)
    def guarded(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        try:
            return method(*args, **kwargs)
        except exc.SQLAlchemyError as error:
            raise database_error(error) from error

    return guarded
