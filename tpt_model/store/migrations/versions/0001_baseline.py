"""Baseline: scenarios, their versions and the workshop scores, as before the scores revision.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables (the schema `metadata.create_all` made before migrations existed)."""
    op.create_table(
        "scenarios",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("working_group", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "scenario_versions",
        sa.Column(
            "scenario_id",
            sa.String(36),
            sa.ForeignKey("scenarios.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("placements", sa.Integer(), nullable=False),
    )
    op.create_table(
        "scores",
        sa.Column(
            "scenario_id",
            sa.String(36),
            sa.ForeignKey("scenarios.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("brick_id", sa.String(80), primary_key=True),
        sa.Column("evaluator", sa.String(200), primary_key=True),
        sa.Column("criterion_id", sa.String(80), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the three tables, and every scenario and score with them."""
    op.drop_table("scores")
    op.drop_table("scenario_versions")
    op.drop_table("scenarios")
