"""Browser sessions in the database: the name and the last scenario of a session, kept across a reload."""

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, delete, insert, select, update

from tpt_model.store.engine import writing
from tpt_model.store.errors import translated
from tpt_model.store.tables import sessions, utc_now

__all__ = ["KEPT_FOR", "SessionRecord", "SessionStore"]

# A session not seen for this long is forgotten: its page then starts afresh.
KEPT_FOR = timedelta(days=90)


class SessionRecord(BaseModel):
    """What a session keeps: the name typed (may be empty) and the scenario it opened last (if any)."""

    model_config = ConfigDict(frozen=True)

    author: str
    scenario_id: str | None
    updated_at: datetime


class SessionStore:
    """Sessions by token; every method turns a database failure into a StoreError in French."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translated
    def remember(self, token: str, author: str, scenario_id: str | None) -> None:
        """Keep a session's name and open scenario (a new token also forgets the long-unseen ones)."""
        now = utc_now()
        values = {"author": author, "scenario_id": scenario_id, "updated_at": now}
        with writing(self.engine) as conn:
            changed = conn.execute(update(sessions).where(sessions.c.token == token).values(**values))
            if changed.rowcount == 0:
                conn.execute(delete(sessions).where(sessions.c.updated_at < now - KEPT_FOR))
                conn.execute(insert(sessions).values(token=token, **values))

    @translated
    def recall(self, token: str) -> SessionRecord | None:
        """What a session kept, or None for a token never seen (or forgotten)."""
        query = select(sessions).where(sessions.c.token == token)
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            return None
        return SessionRecord(author=row.author, scenario_id=row.scenario_id, updated_at=row.updated_at)
