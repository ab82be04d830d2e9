"""The database schema shared by the stores (changed only through an Alembic migration)."""

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes; SQLite receives naive UTC so that text order is time order."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware UTC value")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002
        """Read back as aware UTC, whatever the session time zone of the server."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


metadata = MetaData()

# A real delete: versions and scores of a deleted scenario go with it (ON DELETE CASCADE).
scenarios = Table(
    "scenarios",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("working_group", String(80), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
    Column("current_version", Integer, nullable=False),
    # Bumped by every write of a score of the scenario: a one-row read tells pages whether to re-read.
    Column("scores_revision", Integer, nullable=False, server_default="0"),
)

scenario_versions = Table(
    "scenario_versions",
    metadata,
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("content", Text, nullable=False),  # Scenario.model_dump_json(), never pickle
    Column("author", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    # Kept beside the content so that the history lists without parsing every version.
    Column("placements", Integer, nullable=False),
)

# The primary key is the unique (scenario, brick, evaluator, criterion) that upserts target.
scores = Table(
    "scores",
    metadata,
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("brick_id", String(80), primary_key=True),
    Column("evaluator", String(200), primary_key=True),
    Column("criterion_id", String(80), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("comment", Text, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

# What a browser session asked to keep across a reload: the name typed, the scenario last opened.
# The token is a random code in the page's address (`?s=…`); nothing else about the visitor is kept.
sessions = Table(
    "sessions",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("author", Text, nullable=False),
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="SET NULL"), nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Every save of a catalogue file from the app: who, when, which files, the diff (issue 14's audit).
# The catalogue itself stays in its YAML files; this is only the journal of the app's writes.
catalogue_edits = Table(
    "catalogue_edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("saved_at", UTCDateTime, nullable=False, index=True),
    Column("author", Text, nullable=False),
    Column("action", String(20), nullable=False),
    Column("summary", Text, nullable=False),
    Column("files", Text, nullable=False),  # the paths in the catalogue folder, one per line
    Column("diff", Text, nullable=False),
    Column("git_commit", String(64), nullable=True),
)

# Failed attempts at the pilot secret, counted to slow down guessing (by a hash of the session token).
pilot_attempts = Table(
    "pilot_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client", String(64), nullable=False),
    Column("attempted_at", UTCDateTime, nullable=False, index=True),
)

# A workshop on one version of a scenario (migration 0004). Only digests of the facilitator's
# secret and of the participants' tokens are kept: the database alone lets nobody act in a workshop.
workshops = Table(
    "workshops",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(12), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("scenario_id", ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    Column("scenario_version", Integer, nullable=False),
    Column("secret_digest", String(64), nullable=False),
    Column("status", String(10), nullable=False),
    Column("show_code", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    # Bumped by every change of the workshop (answers too): the projector re-reads when it moves.
    Column("revision", Integer, nullable=False, server_default="0"),
    # Bumped only by what changes the participants' pages: rounds, removals, closing.
    Column("state_revision", Integer, nullable=False, server_default="0"),
    # How many joined: numbers the next participant (« Participante 4 »).
    Column("joined", Integer, nullable=False, server_default="0"),
)

workshop_participants = Table(
    "workshop_participants",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("token_digest", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=True),  # none in a focus group
    Column("name_key", String(200), nullable=True),  # the folded name: « Élise » and « elise » are one
    Column("named_in_report", Boolean, nullable=False),
    Column("removed", Boolean, nullable=False),
    Column("joined_at", UTCDateTime, nullable=False),
    UniqueConstraint("workshop_id", "number", name="uq_workshop_participants_number"),
    UniqueConstraint("workshop_id", "name_key", name="uq_workshop_participants_name"),
)

workshop_rounds = Table(
    "workshop_rounds",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("item_kind", String(10), nullable=False),
    Column("items", Text, nullable=False),  # JSON list of brick or stage ids
    Column("questions", Text, nullable=False),  # JSON list of criterion or question ids
    Column("state", String(10), nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
)

# One row per answer: the primary key is what makes a score stored exactly once.
workshop_answers = Table(
    "workshop_answers",
    metadata,
    Column("workshop_id", String(36), primary_key=True),
    Column("round_number", Integer, primary_key=True),
    Column(
        "participant_id",
        ForeignKey("workshop_participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("item_id", String(80), primary_key=True),
    Column("question_id", String(80), primary_key=True),
    Column("value", Integer, nullable=True),
    Column("text", Text, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    ForeignKeyConstraint(
        ["workshop_id", "round_number"],
        ["workshop_rounds.workshop_id", "workshop_rounds.number"],
        ondelete="CASCADE",
        name="fk_workshop_answers_round",
    ),
)

# Wrong join codes and secrets by key (a client, a workshop): in the database, so that the limit
# holds across the app's processes and restarts.
workshop_attempts = Table(
    "workshop_attempts",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("window_start", UTCDateTime, nullable=False),
    Column("failures", Integer, nullable=False),
)
