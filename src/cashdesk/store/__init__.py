"""Persistence: typed SQLAlchemy models, engine set-up, migrations, queries, the unit of work."""
