"""Payment research and saved reports: indexes that find a payment from a check or money-order
number, a card's last four digits or an amount (services/research.py), and the ad hoc reports a
supervisor saves under a name (services/adhoc.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tenders_reference", "tenders", ["reference", "kind"])
    op.create_index("ix_tenders_card_last4", "tenders", ["card_last4"])
    op.create_index("ix_receipts_total_cents", "receipts", ["total_cents"])
    op.create_table(
        "saved_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
        sa.Column("definition", sa.String(), nullable=False),  # JSON: subject, filters, grouping, totals
        sa.Column("saved_by", sa.String(32), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
