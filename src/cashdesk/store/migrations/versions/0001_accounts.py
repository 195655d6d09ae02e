"""Accounts, open items, revenue codes, account history and the account search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revenue_codes",
        sa.Column("code", sa.String(20), primary_key=True),
        sa.Column("description", sa.String(100), nullable=False),
        sa.Column("gl_account", sa.String(40), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("priority", sa.Integer()),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("service_address", sa.String(200), nullable=False),
        sa.Column("mailing_address", sa.String(300), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("phone_digits", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cash_only", sa.Boolean(), nullable=False),
        sa.Column("deposit_held_cents", sa.Integer(), nullable=False),
        sa.Column("licence_number", sa.String(40), nullable=False),
        sa.Column("filing_frequency", sa.String(20)),
        sa.Column("credit_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('utility', 'sales_tax')", name="ck_accounts_kind"),
        sa.CheckConstraint("status IN ('active', 'shut_off', 'final', 'closed')", name="ck_accounts_status"),
        sa.CheckConstraint("credit_cents >= 0", name="ck_accounts_credit"),
    )
    op.create_index("ix_accounts_phone_digits", "accounts", ["phone_digits"])
    op.create_table(
        "open_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("external_id", sa.String(40)),
        sa.Column("revenue_code", sa.String(20), sa.ForeignKey("revenue_codes.code"), nullable=False),
        sa.Column("description", sa.String(120), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("bill_date", sa.Date()),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "external_id", name="uq_open_items_external"),
        sa.CheckConstraint("amount_cents >= 0", name="ck_open_items_amount"),
        sa.CheckConstraint("paid_cents >= 0 AND paid_cents <= amount_cents", name="ck_open_items_paid"),
    )
    op.create_index("ix_open_items_account_id", "open_items", ["account_id"])
    op.create_table(
        "account_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
    )
    op.create_index("ix_account_history_account_date", "account_history", ["account_id", "on_date"])

    if op.get_bind().dialect.name == "sqlite":
        # Full-text index over name and service address, kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE account_fts USING fts5("
            "name, service_address, content='accounts', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
        op.execute(
            "CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN "
            "INSERT INTO account_fts(rowid, name, service_address) "
            "VALUES (new.id, new.name, new.service_address); END"
        )
        op.execute(
            "CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts BEGIN "
            "INSERT INTO account_fts(account_fts, rowid, name, service_address) "
            "VALUES ('delete', old.id, old.name, old.service_address); END"
        )
        op.execute(
            "CREATE TRIGGER accounts_fts_update AFTER UPDATE OF name, service_address ON accounts BEGIN "
            "INSERT INTO account_fts(account_fts, rowid, name, service_address) "
            "VALUES ('delete', old.id, old.name, old.service_address); "
            "INSERT INTO account_fts(rowid, name, service_address) "
            "VALUES (new.id, new.name, new.service_address); END"
        )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
