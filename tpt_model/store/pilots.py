"""Failed attempts at the pilot secret, kept in the database so that every app server counts them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select, type_coerce

from tpt_model.store.engine import writing
from tpt_model.store.errors import translated
from tpt_model.store.tables import UTCDateTime, pilot_attempts, utc_now

__all__ = ["FailedAttempts", "PilotAttemptStore"]

# Attempts older than this are forgotten at the next failure (the counting window is much shorter).
FORGET_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class FailedAttempts:
    """Failures since a moment: this client's, everyone's, and the oldest of this client's."""

    mine: int
    everyone: int
    oldest_mine: datetime | None
    oldest_everyone: datetime | None


class PilotAttemptStore:
    """Failed attempts by client (a hash of the session token, never the token itself)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translated
    def failures_since(self, client: str, since: datetime) -> FailedAttempts:
        """How many attempts failed since `since`, for this client and for all."""
        recent = pilot_attempts.c.attempted_at >= since
        mine = pilot_attempts.c.client == client
        # Coerced: an aggregate would otherwise lose the column's type (SQLite gives back text).
        oldest = type_coerce(func.min(pilot_attempts.c.attempted_at), UTCDateTime())
        with self.engine.connect() as conn:
            all_count, all_oldest = conn.execute(select(func.count(), oldest).where(recent)).one()
            my_count, my_oldest = conn.execute(select(func.count(), oldest).where(recent, mine)).one()
        return FailedAttempts(int(my_count), int(all_count), my_oldest, all_oldest)

    @translated
    def record_failure(self, client: str, at: datetime | None = None) -> None:
        """Count one failed attempt (and forget the day-old ones)."""
        now = at or utc_now()
        with writing(self.engine) as conn:
            conn.execute(delete(pilot_attempts).where(pilot_attempts.c.attempted_at < now - FORGET_AFTER))
            conn.execute(insert(pilot_attempts).values(client=client, attempted_at=now))
