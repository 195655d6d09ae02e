"""The end of the shift and of the day: cash drops, paid-outs, drawer counts and closes,
business days, deposits and the files exported for them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The cash a drawer should hold now (float + cash in - change - drops - paid-outs), kept by
    # every posting so the limits are checked without summing the shift; the close recomputes it.
    with op.batch_alter_table("drawers") as batch:
        batch.add_column(sa.Column("cash_cents", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE drawers SET cash_cents = opening_float_cents + coalesce((SELECT sum(t.amount_cents) FROM tenders t "
        "JOIN receipts r ON r.id = t.receipt_id WHERE r.drawer_id = drawers.id AND r.status = 'posted' "
        "AND t.kind = 'cash'), 0) - coalesce((SELECT sum(r.change_cents) FROM receipts r "
        "WHERE r.drawer_id = drawers.id AND r.status = 'posted'), 0)"
    )
    op.create_table(
        "cash_drops",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("drawer_id", sa.Integer(), sa.ForeignKey("drawers.id"), nullable=False),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("cashier", sa.String(32), nullable=False),
        sa.Column("dropped_at", sa.DateTime(), nullable=False),
        sa.Column("pieces", sa.String(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="ck_cash_drops_amount"),
    )
    op.create_index("ix_cash_drops_drawer_id", "cash_drops", ["drawer_id"])
    op.create_table(
        "paid_outs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("drawer_id", sa.Integer(), sa.ForeignKey("drawers.id"), nullable=False),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("cashier", sa.String(32), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id")),
        sa.Column("revenue_code", sa.String(20), sa.ForeignKey("revenue_codes.code")),
        sa.Column("payee", sa.String(120), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("approved_by", sa.String(32), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="ck_paid_outs_amount"),
    )
    op.create_index("ix_paid_outs_drawer_id", "paid_outs", ["drawer_id"])
    op.create_table(
        "drawer_counts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("drawer_id", sa.Integer(), sa.ForeignKey("drawers.id"), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("counted_by", sa.String(32), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=False),
        sa.Column("pieces", sa.String(), nullable=False),
        sa.Column("cash_cents", sa.Integer(), nullable=False),
        sa.Column("items", sa.String(), nullable=False),
        sa.Column("card_settlement_cents", sa.Integer()),
        sa.Column("expected", sa.String(), nullable=False),
        sa.Column("counted", sa.String(), nullable=False),
        sa.Column("over_short_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.CheckConstraint("role IN ('cashier', 'supervisor')", name="ck_drawer_counts_role"),
        sa.UniqueConstraint("drawer_id", "attempt", name="uq_drawer_counts_attempt"),
    )
    op.create_table(
        "drawer_closes",
        sa.Column("drawer_id", sa.Integer(), sa.ForeignKey("drawers.id"), primary_key=True),
        sa.Column("count_id", sa.Integer(), sa.ForeignKey("drawer_counts.id"), nullable=False),
        sa.Column("second_count_id", sa.Integer(), sa.ForeignKey("drawer_counts.id")),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("expected", sa.String(), nullable=False),
        sa.Column("counted", sa.String(), nullable=False),
        sa.Column("over_short_cents", sa.Integer(), nullable=False),
        sa.Column("float_kept", sa.String(), nullable=False),
        sa.Column("float_kept_cents", sa.Integer(), nullable=False),
        sa.Column("deposit_pieces", sa.String(), nullable=False),
        sa.Column("deposit_cash_cents", sa.Integer(), nullable=False),
        sa.Column("card_settlement_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("approved_by", sa.String(32), nullable=False),
        sa.CheckConstraint("float_kept_cents >= 0 AND deposit_cash_cents >= 0", name="ck_drawer_closes_cash"),
    )
    op.create_index("ix_drawer_closes_business_date", "drawer_closes", ["business_date"])
    op.create_table(
        "business_days",
        sa.Column("business_date", sa.Date(), primary_key=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.Column("closed_by", sa.String(32), nullable=False),
        sa.Column("over_short_cents", sa.Integer(), nullable=False),
        sa.Column("deposit_total_cents", sa.Integer(), nullable=False),
        sa.Column("ticket_number", sa.String(20), nullable=False),
        sa.Column("bag_number", sa.String(20), nullable=False),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_business_days_status"),
    )
    op.create_table(
        "exported_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(32), nullable=False),
        sa.Column("folder", sa.String(500), nullable=False),
    )
    op.create_index("ix_exported_files_day_name", "exported_files", ["business_date", "name"])


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
