"""The counter: drawer sessions, gapless receipt numbers, receipts with their lines,
allocations and tenders, and the print queue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drawers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("cashier", sa.String(32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opening_float_cents", sa.Integer(), nullable=False),
        sa.Column("opening_count", sa.String(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_drawers_status"),
        sa.CheckConstraint("opening_float_cents >= 0", name="ck_drawers_float"),
    )
    # One open drawer per cashier per station, kept by the database itself.
    op.create_index(
        "ux_drawers_one_open", "drawers", ["station", "cashier"], unique=True,
        sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"),
    )  # fmt: skip
    op.create_table(
        "receipt_sequences",
        sa.Column("station", sa.String(8), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("last_number", sa.Integer(), nullable=False),
    )
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(24), nullable=False, unique=True),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("drawer_id", sa.Integer(), sa.ForeignKey("drawers.id")),
        sa.Column("cashier", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("payer", sa.String(120), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("tendered_cents", sa.Integer(), nullable=False),
        sa.Column("change_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("void_reason", sa.String(200), nullable=False),
        sa.Column("voided_by", sa.String(32), nullable=False),
        sa.Column("voided_at", sa.DateTime()),
        sa.Column("reprints", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('posted', 'void')", name="ck_receipts_status"),
        sa.CheckConstraint("tendered_cents - change_cents = total_cents", name="ck_receipts_balance"),
        sa.CheckConstraint("change_cents >= 0", name="ck_receipts_change"),
    )
    op.create_index("ix_receipts_drawer_id", "receipts", ["drawer_id"])
    op.create_index("ix_receipts_business_date", "receipts", ["business_date"])
    op.create_table(
        "receipt_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id"), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id")),
        sa.Column("revenue_code", sa.String(20), sa.ForeignKey("revenue_codes.code")),
        sa.Column("memo", sa.String(200), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("credit_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="ck_receipt_lines_amount"),
    )
    op.create_index("ix_receipt_lines_receipt_id", "receipt_lines", ["receipt_id"])
    op.create_index("ix_receipt_lines_account_id", "receipt_lines", ["account_id"])
    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receipt_line_id", sa.Integer(), sa.ForeignKey("receipt_lines.id"), nullable=False),
        sa.Column("open_item_id", sa.Integer(), sa.ForeignKey("open_items.id"), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), sa.ForeignKey("allocations.id")),
    )
    op.create_index("ix_allocations_receipt_line_id", "allocations", ["receipt_line_id"])
    op.create_index("ix_allocations_open_item_id", "allocations", ["open_item_id"])
    op.create_table(
        "tenders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id"), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(20), nullable=False),
        sa.Column("card_brand", sa.String(12), nullable=False),
        sa.Column("card_last4", sa.String(4), nullable=False),
        sa.Column("routing", sa.String(9), nullable=False),
        sa.Column("bank_account", sa.String(20), nullable=False),
        sa.CheckConstraint("kind IN ('cash', 'check', 'money_order', 'card')", name="ck_tenders_kind"),
        sa.CheckConstraint("amount_cents > 0", name="ck_tenders_amount"),
    )
    op.create_index("ix_tenders_receipt_id", "tenders", ["receipt_id"])
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id")),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("printed_at", sa.DateTime()),
        sa.CheckConstraint("status IN ('queued', 'printing', 'printed', 'failed')", name="ck_print_jobs_status"),
    )
    op.create_index("ix_print_jobs_station_status", "print_jobs", ["station", "status"])


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
