"""Persistence: the database, its schema and migrations, the scenario and score stores."""
