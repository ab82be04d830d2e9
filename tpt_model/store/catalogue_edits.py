"""The journal of catalogue saves made from the app: who saved which files, when, and the diff."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, insert, select

from tpt_model.store.engine import writing
from tpt_model.store.errors import translated
from tpt_model.store.tables import catalogue_edits, utc_now

__all__ = ["CatalogueEdit", "CatalogueEditStore"]


class CatalogueEdit(BaseModel):
    """One save of the journal."""

    model_config = ConfigDict(frozen=True)

    id: int
    saved_at: datetime
    author: str
    action: str
    summary: str
    files: tuple[str, ...]
    diff: str
    git_commit: str | None


class CatalogueEditStore:
    """The journal of saves; every method turns a database failure into a StoreError in French."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translated
    def record(
        self,
        author: str,
        action: str,
        summary: str,
        files: tuple[str, ...],
        diff: str,
        git_commit: str | None = None,
        at: datetime | None = None,
    ) -> CatalogueEdit:
        """Add a save to the journal."""
        saved_at = at or utc_now()
        with writing(self.engine) as conn:
            inserted = conn.execute(
                insert(catalogue_edits).values(
                    saved_at=saved_at,
                    author=author,
                    action=action,
                    summary=summary,
                    files="\n".join(files),
                    diff=diff,
                    git_commit=git_commit,
                )
            )
            key = inserted.inserted_primary_key
        assert key is not None
        return CatalogueEdit(
            id=int(key[0]),
            saved_at=saved_at,
            author=author,
            action=action,
            summary=summary,
            files=files,
            diff=diff,
            git_commit=git_commit,
        )

    @translated
    def recent(self, limit: int = 50) -> list[CatalogueEdit]:
        """The latest saves, newest first."""
        query = (
            select(catalogue_edits)
            .order_by(catalogue_edits.c.saved_at.desc(), catalogue_edits.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            CatalogueEdit(
                id=row.id,
                saved_at=row.saved_at,
                author=row.author,
                action=row.action,
                summary=row.summary,
                files=tuple(row.files.split("\n")) if row.files else (),
                diff=row.diff,
                git_commit=row.git_commit,
            )
            for row in rows
        ]
