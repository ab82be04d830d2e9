"""Catalogue edits: the journal of the app's saves of catalogue files, and the pilot secret's failures.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `catalogue_edits` (who saved which file, when, with its diff) and `pilot_attempts`."""
    op.create_table(
        "catalogue_edits",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.Column("git_commit", sa.String(64), nullable=True),
    )
    op.create_index("ix_catalogue_edits_saved_at", "catalogue_edits", ["saved_at"])
    op.create_table(
        "pilot_attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pilot_attempts_attempted_at", "pilot_attempts", ["attempted_at"])


def downgrade() -> None:
    """Drop both tables: the journal of saves is lost, the catalogue files are not touched."""
    op.drop_index("ix_pilot_attempts_attempted_at", table_name="pilot_attempts")
    op.drop_table("pilot_attempts")
    op.drop_index("ix_catalogue_edits_saved_at", table_name="catalogue_edits")
    op.drop_table("catalogue_edits")
