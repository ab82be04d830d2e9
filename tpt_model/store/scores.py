"""Workshop scores in the database: each evaluator writes her own rows, so none overwrites another."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from tpt_model.catalogue.memo import Memo
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.engine import writing
from tpt_model.store.errors import NotYourScores, ScenarioNotFound, translated
from tpt_model.store.tables import scenarios, scores, utc_now

__all__ = ["NotYourScores", "ScoreStore"]

# Dialects with an `INSERT … ON CONFLICT DO UPDATE`, which makes each row's write atomic.
_INSERTS: dict[str, Callable[[Table], postgresql.Insert | sqlite.Insert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}
_KEY = (scores.c.scenario_id, scores.c.brick_id, scores.c.evaluator, scores.c.criterion_id)


def _check_owner(owner: str, as_evaluator: str) -> None:
    if owner != as_evaluator:
        raise NotYourScores(owner, as_evaluator)


def _upsert(dialect_name: str) -> Insert:
    insert = _INSERTS[dialect_name](scores)
    return insert.on_conflict_do_update(
        index_elements=list(_KEY),
        set_={
            "value": insert.excluded.value,
            "comment": insert.excluded.comment,
            "updated_at": insert.excluded.updated_at,
        },
    )


def _rows(scenario_id: str, sheet: ScoreSheet, at: datetime) -> list[dict[str, Any]]:
    return [
        {
            "scenario_id": scenario_id,
            "brick_id": score.brick,
            "evaluator": score.evaluator,
            "criterion_id": score.criterion,
            "value": score.value,
            "comment": sheet.comment,
            "updated_at": at,
        }
        for score in sheet.as_scores()
    ]


class ScoreStore:
    """Evaluation scores of the bricks of a scenario, one sheet per (brick, evaluator).

    Every method turns a database failure into a StoreError with its French message.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._recent = Memo(size=16)

    @translated
    def save_sheet(self, scenario_id: str, sheet: ScoreSheet, *, as_evaluator: str) -> None:
        """Write one evaluator's scores for one brick, replacing her previous sheet, in one transaction."""
        _check_owner(sheet.evaluator, as_evaluator)
        rows = _rows(scenario_id, sheet, utc_now())
        try:
            with writing(self.engine) as conn:
                # Row by row upserts: two evaluators saving at once touch disjoint rows, so both keep
                # their scores, where a read-modify-write of a whole sheet would lose one of them.
                if rows:
                    conn.execute(_upsert(self.engine.dialect.name), rows)
                # The sheet is all her scores for the brick: a criterion she cleared goes.
                conn.execute(
                    delete(scores).where(
                        scores.c.scenario_id == scenario_id,
                        scores.c.brick_id == sheet.brick,
                        scores.c.evaluator == sheet.evaluator,
                        scores.c.criterion_id.not_in(list(sheet.scores)),
                    )
                )
                _bump_revision(conn, scenario_id)
        except IntegrityError as error:
            # The only constraint an upsert can break is the scenario's foreign key.
            if not self._scenario_exists(scenario_id):
                raise ScenarioNotFound(scenario_id) from error
            raise

    @translated
    def revision(self, scenario_id: str) -> int:
        """A cheap token that changes whenever a score of the scenario is written or deleted."""
        query = select(scenarios.c.scores_revision).where(scenarios.c.id == scenario_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar() or 0)

    @translated
    def snapshot(self, scenario_id: str) -> tuple[int, tuple[ScoreSheet, ...]]:
        """(revision, sheets): the sheets are read again only when the revision has moved."""
        # The revision is read first: sheets read after it are at least as new, never older.
        revision = self.revision(scenario_id)
        sheets = self._recent.get((scenario_id, revision), lambda: tuple(self.sheets(scenario_id)))
        return revision, sheets

    @translated
    def sheets(self, scenario_id: str) -> list[ScoreSheet]:
        """Every sheet of a scenario, by brick then evaluator (empty for an unknown scenario)."""
        query = select(scores).where(scores.c.scenario_id == scenario_id).order_by(*_KEY)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        grouped: dict[tuple[str, str], list[Any]] = {}
        for row in rows:
            grouped.setdefault((row.brick_id, row.evaluator), []).append(row)
        return [
            ScoreSheet(
                brick=brick,
                evaluator=evaluator,
                scores={row.criterion_id: row.value for row in sheet_rows},
                comment=next((row.comment for row in sheet_rows if row.comment is not None), None),
            )
            for (brick, evaluator), sheet_rows in grouped.items()
        ]

    @translated
    def evaluators(self, scenario_id: str) -> list[str]:
        """Names of everyone who scored a brick of the scenario, sorted."""
        query = (
            select(scores.c.evaluator)
            .where(scores.c.scenario_id == scenario_id)
            .distinct()
            .order_by(scores.c.evaluator)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    @translated
    def delete_sheet(self, scenario_id: str, brick: str, evaluator: str, *, as_evaluator: str) -> None:
        """Remove one evaluator's scores for one brick (only she can)."""
        _check_owner(evaluator, as_evaluator)
        with writing(self.engine) as conn:
            conn.execute(
                delete(scores).where(
                    scores.c.scenario_id == scenario_id,
                    scores.c.brick_id == brick,
                    scores.c.evaluator == evaluator,
                )
            )
            _bump_revision(conn, scenario_id)

    def _scenario_exists(self, scenario_id: str) -> bool:
        query = select(scenarios.c.id).where(scenarios.c.id == scenario_id)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None


def _bump_revision(conn: Connection, scenario_id: str) -> None:
    # Last in the transaction, so that every writer takes its locks in the same order.
    query = update(scenarios).where(scenarios.c.id == scenario_id)
    conn.execute(query.values(scores_revision=scenarios.c.scores_revision + 1))
