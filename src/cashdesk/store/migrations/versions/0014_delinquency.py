"""Delinquency runs: one committed run per date, and each action it took on an account (a reminder,
a late fee, a door tag or disconnect order, a sales tax notice, penalty and interest, a referral),
with the bills each late fee was charged on (docs/delinquency.md).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delinquency_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("on_date", sa.Date(), nullable=False, unique=True),
        sa.Column("committed_by", sa.String(40), nullable=False),
        sa.Column("committed_at", sa.DateTime(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("fees_cents", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(500), nullable=False),
    )
    op.create_table(
        "delinquency_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("delinquency_runs.id"), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("past_due_cents", sa.Integer(), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("work_order", sa.String(20), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.CheckConstraint(
            "step IN ('reminder', 'late_fee', 'door_tag', 'disconnect', 'tax_notice', 'tax_penalty', 'tax_referral')",
            name="ck_delinquency_actions_step",
        ),
        sa.CheckConstraint("fee_cents >= 0", name="ck_delinquency_actions_fee"),
    )
    op.create_index("ix_delinquency_actions_account", "delinquency_actions", ["account_id", "step", "since"])
    op.create_index("ix_delinquency_actions_run", "delinquency_actions", ["run_id"])
    op.create_table(
        "delinquency_late_items",
        sa.Column("open_item_id", sa.Integer(), sa.ForeignKey("open_items.id"), primary_key=True),
        sa.Column("action_id", sa.Integer(), sa.ForeignKey("delinquency_actions.id"), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
