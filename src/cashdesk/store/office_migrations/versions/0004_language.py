"""The office's fourth schema: the customer's language that accounts and receipts gained with the
window's migration 0015 (the language an account's papers print in; the one a receipt was printed in).

Frozen: the statements as revision 0004 wrote them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-09
"""

from cashdesk.store.office_migrations import never_downgrade, run_statements

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENTS = [
    "ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
    "ALTER TABLE receipts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
]


def upgrade() -> None:
    run_statements(STATEMENTS)


def downgrade() -> None:
    never_downgrade()
