"""Scores revision: a counter on each scenario, bumped by every write of one of its scores.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `scenarios.scores_revision`, 0 for the scenarios already stored."""
    op.add_column("scenarios", sa.Column("scores_revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    """Drop `scenarios.scores_revision` (SQLite 3.35 or later drops a column in place)."""
    op.drop_column("scenarios", "scores_revision")
