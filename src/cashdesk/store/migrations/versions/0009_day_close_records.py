"""What a business day was when it closed: the names, GL codes and figures its deposit files
are checked against at every export (services/deposit.py).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_close_records",
        sa.Column("business_date", sa.Date(), sa.ForeignKey("business_days.business_date"), primary_key=True),
        sa.Column("lookups", sa.String(), nullable=False),
        sa.Column("figures", sa.String(), nullable=False),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    # This revision's own copy of cashdesk.store.guards.RECORD_GUARDS: a frozen record is never
    # changed or deleted, whatever program writes to the file.
    refused = "posted money rows are never changed or deleted: a correction is a void or a reversal"
    op.execute(
        "CREATE TRIGGER day_close_records_no_update BEFORE UPDATE OF business_date, lookups, figures "
        f"ON day_close_records BEGIN SELECT RAISE(ABORT, 'day_close_records: {refused}'); END"
    )
    op.execute(
        "CREATE TRIGGER day_close_records_no_delete BEFORE DELETE ON day_close_records "
        f"BEGIN SELECT RAISE(ABORT, 'day_close_records: {refused}'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
