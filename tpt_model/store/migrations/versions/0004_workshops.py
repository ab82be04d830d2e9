"""Workshops: join codes, participants, rounds, their answers, and the count of wrong attempts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the five workshop tables."""
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "scenario_id", sa.String(36), sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("scenario_version", sa.Integer(), nullable=False),
        sa.Column("secret_digest", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("show_code", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("state_revision", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("joined", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "workshop_participants",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "workshop_id", sa.String(36), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("name_key", sa.String(200), nullable=True),
        sa.Column("named_in_report", sa.Boolean(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workshop_id", "number", name="uq_workshop_participants_number"),
        sa.UniqueConstraint("workshop_id", "name_key", name="uq_workshop_participants_name"),
    )
    op.create_table(
        "workshop_rounds",
        sa.Column(
            "workshop_id", sa.String(36), sa.ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("number", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("item_kind", sa.String(10), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "workshop_answers",
        sa.Column("workshop_id", sa.String(36), primary_key=True),
        sa.Column("round_number", sa.Integer(), primary_key=True),
        sa.Column(
            "participant_id",
            sa.String(36),
            sa.ForeignKey("workshop_participants.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("question_id", sa.String(80), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id", "round_number"],
            ["workshop_rounds.workshop_id", "workshop_rounds.number"],
            ondelete="CASCADE",
            name="fk_workshop_answers_round",
        ),
    )
    op.create_table(
        "workshop_attempts",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    """Drop the workshop tables, and every workshop with them."""
    op.drop_table("workshop_attempts")
    op.drop_table("workshop_answers")
    op.drop_table("workshop_rounds")
    op.drop_table("workshop_participants")
    op.drop_table("workshops")
