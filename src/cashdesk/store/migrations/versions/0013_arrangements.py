"""Payment arrangements and their installments, what each receipt paid on one (so that a void, a
mail reversal or a returned check can take it back), and the flag on an account that has one open
(requested or active), which counter posting reads with the account it already reads
(docs/arrangements.md).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-14
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "arrangements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("debt_cents", sa.Integer(), nullable=False),
        sa.Column("down_cents", sa.Integer(), nullable=False),
        sa.Column("interest_cents", sa.Integer(), nullable=False),
        sa.Column("interest_item_id", sa.Integer(), sa.ForeignKey("open_items.id"), nullable=True),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("down_due", sa.Date(), nullable=False),
        sa.Column("made_by", sa.String(40), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(40), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.CheckConstraint(
            "state IN ('requested', 'active', 'kept', 'broken', 'cancelled', 'denied')", name="ck_arrangements_state"
        ),
        sa.CheckConstraint("debt_cents > 0 AND down_cents >= 0 AND interest_cents >= 0", name="ck_arrangements_money"),
    )
    op.create_index("ix_arrangements_account", "arrangements", ["account_id", "state"])
    op.create_index("ix_arrangements_state", "arrangements", ["state"])
    op.create_table(
        "arrangement_installments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("arrangement_id", sa.Integer(), sa.ForeignKey("arrangements.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.UniqueConstraint("arrangement_id", "seq", name="uq_arrangement_installments_seq"),
        sa.CheckConstraint(
            "amount_cents > 0 AND paid_cents >= 0 AND paid_cents <= amount_cents",
            name="ck_arrangement_installments_paid",
        ),  # fmt: skip
    )
    # What each receipt put on an arrangement's installments; a reversal is a negative row that points
    # at the payment it takes back (nothing is deleted).
    op.create_table(
        "arrangement_payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("arrangement_id", sa.Integer(), sa.ForeignKey("arrangements.id"), nullable=False),
        sa.Column("receipt_id", sa.Integer(), sa.ForeignKey("receipts.id"), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), sa.ForeignKey("arrangement_payments.id"), nullable=True),
        sa.CheckConstraint(
            "(reverses_id IS NULL AND cents > 0) OR (reverses_id IS NOT NULL AND cents < 0)",
            name="ck_arrangement_payments_cents",
        ),
    )
    op.create_index("ix_arrangement_payments_receipt", "arrangement_payments", ["receipt_id"])
    # Set while the account has a requested or active arrangement: posting reads it with the account,
    # so an account without one costs the payment no statement at all.
    # A plain ADD COLUMN (no copy of the accounts table: a city has half a million of them).
    op.add_column("accounts", sa.Column("on_arrangement", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
