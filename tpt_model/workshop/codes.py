"""Join codes, the facilitator's secret and the participants' tokens: made here, stored only hashed."""

import hashlib
import hmac
import re
import secrets

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "digest",
    "matches",
    "new_code",
    "new_secret",
    "new_token",
    "normalise_code",
    "well_formed_code",
    "well_formed_credential",
]

# No 0/O, 1/I/L: a code read aloud or copied from a projector at the back of a room stays exact.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
# token_urlsafe(18) gives 24 characters; anything of this shape may be a credential.
_CREDENTIAL = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_code() -> str:
    """A random join code of six characters that cannot be confused with one another."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """The code as typed, in capitals, without spaces or dashes (« abc-d23 » → « ABCD23 »)."""
    return re.sub(r"[\s\-–—.]", "", typed).upper()


def well_formed_code(code: str) -> bool:
    """Whether `code` (normalised) has the shape of a join code."""
    return _CODE.fullmatch(code) is not None


def new_secret() -> str:
    """The facilitator's secret: 144 random bits, safe in an address."""
    return secrets.token_urlsafe(18)


def new_token() -> str:
    """A participant's token: 144 random bits, kept in her page's address to come back to her place."""
    return secrets.token_urlsafe(18)


def well_formed_credential(value: str) -> bool:
    """Whether `value` has the shape of a secret or a token (anything else is never looked up)."""
    return _CREDENTIAL.fullmatch(value) is not None


def digest(credential: str) -> str:
    """What the database keeps of a secret or a token.

    A plain SHA-256 suffices: the credentials are 144 random bits, out of reach of a dictionary or
    of brute force, unlike a password; a slow hash would only cost CPU at every action.
    """
    return hashlib.sha256(credential.encode()).hexdigest()


def matches(credential: str, stored_digest: str) -> bool:
    """Whether `credential` is the one whose digest was stored (in constant time)."""
    return hmac.compare_digest(digest(credential), stored_digest)
