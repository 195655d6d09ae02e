"""The office's fourth schema: the customer's language that accounts and receipts gained with the
window's migration 0015 (the language an account's papers print in; the one a receipt was printed in).

Frozen: the statements as revision 0004 wrote them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-09
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENTS = [
    "ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
    "ALTER TABLE receipts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades an office; restore its backup instead")
