"""The customer's language: on the account (what its receipts, statement and notice letters print
in), and on each receipt (the language it was printed in, so a reprint or a void slip matches it).
'en' for every account and receipt there is (docs/printers.md, "English and Spanish").

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-09
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, no table copy: receipts carry the money guards' triggers (migration 0008).
    for table in ("accounts", "receipts"):
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en' "
            f"CONSTRAINT ck_{table}_language CHECK (language IN ('en', 'es'))"
        )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
