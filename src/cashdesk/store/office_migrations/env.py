"""Alembic environment of the office server: runs on a connection handed over by cashdesk.store.office."""

from alembic import context

from cashdesk.store.office import METADATA

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=METADATA, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
