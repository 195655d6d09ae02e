"""A full-text index of account names alone, beside account_fts (names and service addresses):
the counter's search looks for names first, and an address typed at 2,000,000 accounts ("199 W
Jackson St") made the names-only match read every account on that street to find none, 2-7 ms of
a 10 ms search (store/search.py, docs/performance.md). Kept in step by triggers of its own, as
account_fts is (a bulk load drops and rebuilds each index with its triggers: store/bulk.py).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE account_name_fts USING fts5("
        "name, content='accounts', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER accounts_name_fts_insert AFTER INSERT ON accounts BEGIN "
        "INSERT INTO account_name_fts(rowid, name) VALUES (new.id, new.name); END"
    )
    op.execute(
        "CREATE TRIGGER accounts_name_fts_delete AFTER DELETE ON accounts BEGIN "
        "INSERT INTO account_name_fts(account_name_fts, rowid, name) VALUES ('delete', old.id, old.name); END"
    )
    op.execute(
        "CREATE TRIGGER accounts_name_fts_update AFTER UPDATE OF name ON accounts BEGIN "
        "INSERT INTO account_name_fts(account_name_fts, rowid, name) VALUES ('delete', old.id, old.name); "
        "INSERT INTO account_name_fts(rowid, name) VALUES (new.id, new.name); END"
    )
    op.execute("INSERT INTO account_name_fts(account_name_fts) VALUES ('rebuild')")
    op.execute("INSERT INTO account_name_fts(account_name_fts) VALUES ('optimize')")


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
