"""What a business day was when it closed: the names, GL codes and figures its deposit files
are checked against at every export (services/deposit.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_close_records",
        sa.Column("business_date", sa.Date(), sa.ForeignKey("business_days.business_date"), primary_key=True),
        sa.Column("lookups", sa.String(), nullable=False),
        sa.Column("figures", sa.String(), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
