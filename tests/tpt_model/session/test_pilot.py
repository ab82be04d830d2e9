"""The pilot role: the secret compared through hashes, guesses slowed down in the database."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tpt_model.errors import InputError
from tpt_model.session.pilot import (
    MAX_FAILURES_IN_ALL,
    MAX_FAILURES_PER_SESSION,
    WRONG_SECRET,
    Pilot,
    client_key,
    editor_off,
    editor_off_text,
    pilot_from_login,
    secret_matches,
    unlock_with_secret,
)
from tpt_model.settings import WEAK_SECRET, Settings, load_settings, warning_text
from tpt_model.store.pilots import PilotAttemptStore

SECRET = "cerf-volant-indigo-42"
AT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"TPT_DATA_DIR": str(tmp_path), "TPT_PILOT_SECRET": SECRET})


@pytest.fixture
def attempts(engine: Engine) -> PilotAttemptStore:
    return PilotAttemptStore(engine)


def test_the_right_secret_gives_the_role_to_the_named_pilot(
    attempts: PilotAttemptStore, settings: Settings
) -> None:
    pilot = unlock_with_secret(attempts, settings, SECRET, "  Élodie   Martin ", "jeton", AT)
    assert pilot == Pilot(name="Élodie Martin", via="secret")


@pytest.mark.parametrize(
    ("typed", "name", "message"),
    [
        ("cerf-volant", "Élodie", WRONG_SECRET),
        (SECRET + " ", "Élodie", WRONG_SECRET),
        (SECRET, "   ", "Indiquez votre nom : il signe chacun de vos enregistrements dans le journal."),
    ],
    ids=["wrong", "one-space-more", "no-name"],
)
def test_a_wrong_secret_or_no_name_is_refused(
    attempts: PilotAttemptStore,
    settings: Settings,
    typed: str,
    name: str,
    message: str,
) -> None:
    with pytest.raises(InputError) as caught:
        unlock_with_secret(attempts, settings, typed, name, "jeton", AT)
    assert caught.value.message == message


def test_after_five_failures_a_session_waits_even_with_the_right_secret(
    attempts: PilotAttemptStore, settings: Settings
) -> None:
    for minute in range(MAX_FAILURES_PER_SESSION):
        with pytest.raises(InputError):
            unlock_with_secret(attempts, settings, "non", "Élodie", "jeton", AT + timedelta(minutes=minute))
    with pytest.raises(InputError) as caught:
        unlock_with_secret(attempts, settings, SECRET, "Élodie", "jeton", AT + timedelta(minutes=5))
    assert (
        caught.value.message
        == "Trop d'essais manqués : le rôle de pilote est bloqué. Réessayez dans 10 minutes."
    )
    # Another session is not blocked by this one; this one is free again once the window has passed.
    assert (
        unlock_with_secret(attempts, settings, SECRET, "Karim", "autre", AT + timedelta(minutes=5)).name
        == "Karim"
    )
    later = AT + timedelta(minutes=16)
    assert unlock_with_secret(attempts, settings, SECRET, "Élodie", "jeton", later).name == "Élodie"


def test_many_sessions_guessing_together_block_everyone(
    attempts: PilotAttemptStore, settings: Settings
) -> None:
    for i in range(MAX_FAILURES_IN_ALL):
        attempts.record_failure(client_key(f"jeton-{i}"), AT)
    with pytest.raises(InputError) as caught:
        unlock_with_secret(attempts, settings, SECRET, "Élodie", "neuf", AT + timedelta(seconds=30))
    assert (
        caught.value.message
        == "Trop d'essais manqués : le rôle de pilote est bloqué. Réessayez dans 15 minutes."
    )


def test_failures_are_kept_under_a_hash_of_the_token(attempts: PilotAttemptStore, settings: Settings) -> None:
    with pytest.raises(InputError):
        unlock_with_secret(attempts, settings, "non", "Élodie", "jeton-secret", AT)
    assert attempts.failures_since(client_key("jeton-secret"), AT - timedelta(minutes=1)).mine == 1
    assert "jeton-secret" not in client_key("jeton-secret")


def test_without_secret_nor_login_the_editor_is_off_and_says_how_to_turn_it_on(
    attempts: PilotAttemptStore, tmp_path: Path
) -> None:
    settings = load_settings({"TPT_DATA_DIR": str(tmp_path)})
    assert editor_off(settings, login_configured=False)
    assert not editor_off(settings, login_configured=True)
    with pytest.raises(InputError) as caught:
        unlock_with_secret(attempts, settings, "quoi que ce soit", "Élodie", "jeton", AT)
    assert caught.value.message == editor_off_text()
    assert "TPT_PILOT_SECRET" in editor_off_text() and "st.login" in editor_off_text()


def test_a_short_secret_keeps_the_role_locked_with_a_warning(tmp_path: Path) -> None:
    settings = load_settings({"TPT_DATA_DIR": str(tmp_path), "TPT_PILOT_SECRET": "xyzzy-4"})
    assert settings.pilot_secret is None
    assert settings.warnings == (WEAK_SECRET,)
    assert warning_text(WEAK_SECRET) == (
        "TPT_PILOT_SECRET est trop court (au moins 12 caractères) : le rôle de pilote reste fermé, et le "
        "catalogue ne peut pas être modifié depuis l'application."
    )
    assert "xyzzy-4" not in repr(settings)


def test_the_secret_comparison_is_exact() -> None:
    assert secret_matches(SECRET, SECRET)
    assert not secret_matches(SECRET.upper(), SECRET)
    assert not secret_matches("", SECRET)


def test_signed_in_users_are_pilots_when_their_address_is_listed(tmp_path: Path) -> None:
    listed = load_settings(
        {"TPT_DATA_DIR": str(tmp_path), "TPT_PILOT_EMAILS": "Elodie@Example.org, karim@example.org"}
    )
    assert pilot_from_login(listed, True, "Élodie M.", "elodie@example.org") == Pilot(
        name="Élodie M.", via="login", email="elodie@example.org"
    )
    assert pilot_from_login(listed, True, "Intruse", "intruse@example.org") is None
    assert pilot_from_login(listed, False, "Élodie M.", "elodie@example.org") is None
    everyone = load_settings({"TPT_DATA_DIR": str(tmp_path)})
    assert pilot_from_login(everyone, True, "", "zoe@example.org") == Pilot(
        name="zoe@example.org", via="login", email="zoe@example.org"
    )
