"""Alembic environment, run by `tpt_model.store.migrate` on the connection it passes (no alembic.ini)."""

from alembic import context

from tpt_model.store.tables import metadata

# The caller's connection, inside its transaction: the version table lands where its tables are
# (on PostgreSQL, the first schema of its search_path).
context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    # SQLite alters most columns only by copying the table: generate such migrations as batches.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
