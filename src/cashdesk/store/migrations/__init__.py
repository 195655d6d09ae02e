"""Alembic migrations, one numbered step at a time."""
