"""Mail: balanced batches of remittances (keyed or from a lockbox file), sales and use tax
returns, and the log of documents received that are not payments.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tax_returns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("frequency", sa.String(10), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("amends_id", sa.Integer(), sa.ForeignKey("tax_returns.id")),
        sa.Column("figures", sa.String(), nullable=False),
        sa.Column("as_written", sa.String(), nullable=False),
        sa.Column("total_due_cents", sa.Integer(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.Column("open_item_id", sa.Integer(), sa.ForeignKey("open_items.id")),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id")),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("entered_by", sa.String(32), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('original', 'amended', 'zero')", name="ck_tax_returns_kind"),
        sa.CheckConstraint("status IN ('filed', 'superseded', 'void')", name="ck_tax_returns_status"),
    )
    op.create_index("ix_tax_returns_account_period", "tax_returns", ["account_id", "period"])
    op.create_table(
        "mail_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(24), nullable=False, unique=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("owner", sa.String(32), nullable=False),
        sa.Column("control_count", sa.Integer(), nullable=False),
        sa.Column("control_total_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("source_file", sa.String(300), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("balanced_at", sa.DateTime()),
        sa.Column("posted_at", sa.DateTime()),
        sa.Column("posted_by", sa.String(32), nullable=False),
        sa.Column("reject_reason", sa.String(200), nullable=False),
        sa.CheckConstraint("status IN ('open', 'balanced', 'posted', 'rejected')", name="ck_mail_batches_status"),
        sa.CheckConstraint("source IN ('keyed', 'lockbox')", name="ck_mail_batches_source"),
        sa.CheckConstraint("control_count >= 0 AND control_total_cents >= 0", name="ck_mail_batches_controls"),
    )
    op.create_index("ix_mail_batches_business_date", "mail_batches", ["business_date"])
    op.create_table(
        "mail_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("mail_batches.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id")),
        sa.Column("account_typed", sa.String(40), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("tender", sa.String(12), nullable=False),
        sa.Column("check_number", sa.String(20), nullable=False),
        sa.Column("payer", sa.String(120), nullable=False),
        sa.Column("routing", sa.String(9), nullable=False),
        sa.Column("bank_account", sa.String(20), nullable=False),
        sa.Column("scan_line", sa.String(40), nullable=False),
        sa.Column("source_line", sa.Integer()),
        sa.Column("tax_return_id", sa.Integer(), sa.ForeignKey("tax_returns.id")),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id")),
        sa.Column("reversed_by", sa.String(32), nullable=False),
        sa.Column("reversed_at", sa.DateTime()),
        sa.Column("reverse_reason", sa.String(200), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="ck_mail_items_amount"),
        sa.CheckConstraint("tender IN ('check', 'money_order', 'cash')", name="ck_mail_items_tender"),
        sa.CheckConstraint("status IN ('entered', 'posted', 'reversed')", name="ck_mail_items_status"),
        sa.UniqueConstraint("batch_id", "seq", name="uq_mail_items_seq"),
    )
    op.create_index("ix_mail_items_batch_id", "mail_items", ["batch_id"])
    op.create_index("ix_mail_items_account_check", "mail_items", ["account_id", "check_number"])
    op.create_table(
        "mail_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("doc_type", sa.String(30), nullable=False),
        sa.Column("sender", sa.String(120), nullable=False),
        sa.Column("reference", sa.String(60), nullable=False),
        sa.Column("routed_to", sa.String(60), nullable=False),
        sa.Column("notes", sa.String(300), nullable=False),
        sa.Column("logged_by", sa.String(32), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_mail_log_received_on", "mail_log", ["received_on"])


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
