"""Account search index with one-letter prefixes ("garcia m", "smith john a").

Without a one-letter prefix index such a word gathers every word of the city that starts
with it: 20-100 ms at 500,000 accounts. The index is rebuilt from the accounts table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE account_fts")
    op.execute(
        "CREATE VIRTUAL TABLE account_fts USING fts5("
        "name, service_address, content='accounts', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute("INSERT INTO account_fts(account_fts) VALUES ('rebuild')")
    op.execute("INSERT INTO account_fts(account_fts) VALUES ('optimize')")


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
