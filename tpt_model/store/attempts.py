"""Wrong join codes and wrong secrets, counted in the database so that the limit holds across processes."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, Table, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from tpt_model.store.engine import writing
from tpt_model.store.tables import workshop_attempts
from tpt_model.workshop.errors import RateLimited

__all__ = ["CODE_LIMIT", "SECRET_LIMIT", "Attempts", "Limit"]

_INSERTS: dict[str, Callable[[Table], postgresql.Insert | sqlite.Insert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}
# Rows older than this are forgotten at the next failure.
_FORGET_AFTER = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Limit:
    """At most `failures` wrong attempts per `window` for one key; then wait for the window's end."""

    failures: int
    window: timedelta


# A join code has 31⁶ ≈ 900 million values: ten guesses per five minutes make guessing hopeless,
# yet leave room for a few typos. A secret has 144 random bits: five wrong ones are no typo.
CODE_LIMIT = Limit(10, timedelta(minutes=5))
SECRET_LIMIT = Limit(5, timedelta(minutes=15))


class Attempts:
    """Fixed windows of failures per key; callers translate database errors (see `store.errors`)."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock

    def check(self, key: str, limit: Limit) -> None:
        """Raise RateLimited while `key` has used up its failures in the current window.

        Even a right code is refused then: otherwise guessing would go on, only its failures unseen.
        """
        query = select(workshop_attempts).where(workshop_attempts.c.key == key)
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            return
        ends = row.window_start + limit.window
        now = self.clock()
        if row.failures >= limit.failures and ends > now:
            raise RateLimited(math.ceil((ends - now).total_seconds()))

    def fail(self, key: str, limit: Limit) -> None:
        """Count one failure for `key` (a new window when the last one is over), in one statement."""
        now = self.clock()
        table = workshop_attempts
        insert = _INSERTS[self.engine.dialect.name](table).values(key=key, window_start=now, failures=1)
        expired = table.c.window_start <= now - limit.window
        upsert = insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "failures": case((expired, 1), else_=table.c.failures + 1),
                "window_start": case((expired, insert.excluded.window_start), else_=table.c.window_start),
            },
        )
        with writing(self.engine) as conn:
            conn.execute(upsert)
            conn.execute(delete(table).where(table.c.window_start < now - _FORGET_AFTER))
