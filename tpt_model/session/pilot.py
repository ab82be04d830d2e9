"""The pilot role: who may edit the catalogue files from the app, and how she unlocks it.

Two ways, set by the deployment: a secret (`TPT_PILOT_SECRET`), compared through hashes in constant
time and rate-limited in the database; or Streamlit's `st.login` with an identity provider, the
pilots being the addresses of `TPT_PILOT_EMAILS` (every signed-in user when it is empty). Without
either, the editor is off and says how to turn it on.
"""

import hashlib
import hmac
import math
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.errors import InputError
from tpt_model.i18n import _, mark_, n_
from tpt_model.settings import MIN_SECRET_LENGTH, PILOT_EMAILS, PILOT_SECRET, Settings
from tpt_model.store.pilots import FailedAttempts, PilotAttemptStore
from tpt_model.store.tables import utc_now
from tpt_model.text import clean_name

# At most this many wrong secrets in the window, from one session and from all of them together.
WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_SESSION = 5
MAX_FAILURES_IN_ALL = 30
MAX_NAME = 60

_EDITOR_OFF = mark_(
    "L'édition du catalogue depuis l'application est fermée sur ce serveur. Pour l'ouvrir aux pilotes, "
    "la personne qui le déploie définit la variable d'environnement {secret} (un secret d'au "
    "moins {length} caractères, communiqué aux pilotes), ou configure une connexion par "
    "fournisseur d'identité (st.login, section [auth] de .streamlit/secrets.toml) et, au besoin, "
    "{emails} (les adresses des pilotes). Les fichiers YAML restent modifiables avec git."
)


def editor_off_text() -> str:
    """Why the pilots' editing is closed on this server, and how whoever deploys it opens it."""
    return _(_EDITOR_OFF).format(secret=PILOT_SECRET, length=MIN_SECRET_LENGTH, emails=PILOT_EMAILS)


WRONG_SECRET = mark_("Secret incorrect : le rôle de pilote reste fermé.")
NAME_NEEDED = mark_("Indiquez votre nom : il signe chacun de vos enregistrements dans le journal.")


class Pilot(BaseModel):
    """A session that holds the pilot role: her name (it signs her saves) and how she got it."""

    model_config = ConfigDict(frozen=True)

    name: str
    via: Literal["secret", "login"]
    email: str = ""


def editor_off(settings: Settings, login_configured: bool) -> bool:
    """Whether no way to become a pilot is set up on this server."""
    return settings.pilot_secret is None and not login_configured


def secret_matches(typed: str, secret: str) -> bool:
    """Whether the typed secret is the deployment's: SHA-256 of both compared in constant time.

    Hashing first makes the comparison's time independent of the secret's length too.
    """
    mine = hashlib.sha256(typed.encode("utf-8")).digest()
    theirs = hashlib.sha256(secret.encode("utf-8")).digest()
    return hmac.compare_digest(mine, theirs)


def client_key(token: str | None) -> str:
    """What the attempts table knows of a session: a hash of its token (the token itself opens it)."""
    return hashlib.sha256(f"tpt-pilote:{token or 'sans-jeton'}".encode()).hexdigest()


def _wait_minutes(failures: FailedAttempts, now: datetime, mine_blocked: bool) -> int:
    oldest = failures.oldest_mine if mine_blocked else failures.oldest_everyone
    if oldest is None:
        return math.ceil(WINDOW.total_seconds() / 60)
    return max(1, math.ceil((oldest + WINDOW - now).total_seconds() / 60))


def unlock_with_secret(
    store: PilotAttemptStore,
    settings: Settings,
    typed: str,
    name: str,
    token: str | None,
    now: datetime | None = None,
) -> Pilot:
    """The pilot role for `name` when `typed` is the secret; InputError in French otherwise.

    Too many failures in the last minutes (from this session, or from all sessions together)
    refuse the attempt before the secret is even compared.
    """
    if settings.pilot_secret is None:
        raise InputError(editor_off_text())
    who = clean_name(name)[:MAX_NAME]
    if not who:
        raise InputError(_(NAME_NEEDED))
    now = now or utc_now()
    client = client_key(token)
    failures = store.failures_since(client, now - WINDOW)
    mine_blocked = failures.mine >= MAX_FAILURES_PER_SESSION
    if mine_blocked or failures.everyone >= MAX_FAILURES_IN_ALL:
        minutes = _wait_minutes(failures, now, mine_blocked)
        raise InputError(
            n_(
                "Trop d'essais manqués : le rôle de pilote est bloqué. Réessayez dans {minutes} minute.",
                "Trop d'essais manqués : le rôle de pilote est bloqué. Réessayez dans {minutes} minutes.",
                minutes,
            ).format(minutes=minutes)
        )
    if not secret_matches(typed, settings.pilot_secret):
        store.record_failure(client, now)
        raise InputError(_(WRONG_SECRET))
    return Pilot(name=who, via="secret")


def pilot_from_login(settings: Settings, logged_in: bool, name: str, email: str) -> Pilot | None:
    """The pilot role of a user signed in through the identity provider, when she is one of the pilots."""
    if not logged_in:
        return None
    address = email.strip().lower()
    if settings.pilot_emails and address not in settings.pilot_emails:
        return None
    who = clean_name(name)[:MAX_NAME] or address or "Pilote"
    return Pilot(name=who, via="login", email=address)
