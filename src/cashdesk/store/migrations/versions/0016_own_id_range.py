"""The range of ids a window of an office gives the bills and history lines it makes itself (a tax
return's bill, a service order's fee, a late fee, a payment's history line), so that they reach the
office as they are and never meet the office's ids or another window's (store/own_ids.py,
docs/office.md). One row once the window has joined an office; none for a window alone, whose rows
take SQLite's next id as before.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-10
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE own_id_range (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), number INTEGER NOT NULL, "
        "low BIGINT NOT NULL, high BIGINT NOT NULL)"
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
