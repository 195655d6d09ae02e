"""Utility service orders (door tags, disconnects, reconnects, start/stop service, meter work),
their gapless yearly numbers, the holds that keep an account off the shut-off list, and the days
a supervisor holds shut-offs for the weather (docs/service-orders.md).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_order_sequences",
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("last_number", sa.Integer(), nullable=False),
    )
    op.create_table(
        "work_orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("service_address", sa.String(200), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(120), nullable=False),
        sa.Column("requested_by", sa.String(40), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("scheduled", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("depends_on", sa.Integer(), sa.ForeignKey("work_orders.id"), nullable=True),
        sa.Column("fee_code", sa.String(20), nullable=True),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("fee_item_id", sa.Integer(), sa.ForeignKey("open_items.id"), nullable=True),
        sa.Column("crew", sa.String(40), nullable=False),
        sa.Column("result", sa.String(200), nullable=False),
        sa.Column("meter_reading", sa.String(20), nullable=False),
        sa.Column("completed_by", sa.String(40), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by_receipt", sa.String(24), nullable=False),
        sa.Column("notes", sa.String(500), nullable=False),
        sa.CheckConstraint(
            "type IN ('start', 'stop', 'door_tag', 'disconnect', 'reconnect', 'reread', 'meter_check', 'transfer')",
            name="ck_work_orders_type",
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'dispatched', 'completed', 'cancelled', 'not_done')", name="ck_work_orders_status"
        ),
        sa.CheckConstraint("fee_cents >= 0", name="ck_work_orders_fee"),
    )
    # The payment hook's one read: an account's open orders (nothing found costs one index probe).
    op.create_index("ix_work_orders_account_status", "work_orders", ["account_id", "status"])
    op.create_index("ix_work_orders_scheduled", "work_orders", ["scheduled", "status"])
    op.create_index("ix_work_orders_depends_on", "work_orders", ["depends_on"])
    op.create_table(
        "account_holds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=True),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("entered_by", sa.String(40), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('medical', 'hold', 'arrangement')", name="ck_account_holds_kind"),
    )
    op.create_table(
        "shutoff_holds",
        sa.Column("on_date", sa.Date(), primary_key=True),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("entered_by", sa.String(40), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
