"""Alembic environment: always runs on a connection handed over by cashdesk.store.schema."""

from alembic import context

from cashdesk.store import (
    models_answers,  # noqa: F401  (its tables in Base.metadata)
    models_arrangements,  # noqa: F401  (its tables in the metadata)
    models_delinquency,  # noqa: F401  (its tables in the metadata)
    models_orders,  # noqa: F401  (its tables in the metadata)
)
from cashdesk.store.models import Base
from cashdesk.store.models_reports import SavedReportRow  # noqa: F401  (its table in the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
