"""Answers at the counter, the referral directory, and the office's supplies (issue 19).

answer_fts is one full-text index over answers (rowid 2 × id) and referrals (rowid 2 × id + 1),
kept by store/answers.py in the same transaction as the row: the search ranks both at once.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

APPEND_ONLY = ("answer_versions", "supply_movements")


def upgrade() -> None:
    _answers()
    _supplies()
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE answer_fts USING fts5(title, question, keywords, body, "
        "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
    )
    for table in APPEND_ONLY:
        refused = f"{table}: kept as written: a change is a new row"
        op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{refused}'); END")  # fmt: skip
        op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{refused}'); END")  # fmt: skip


def _answers() -> None:
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("question", sa.String(500), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("citation", sa.String(300), nullable=False),
        sa.Column("link", sa.String(500), nullable=False),
        sa.Column("effective_on", sa.Date()),
        sa.Column("review_on", sa.Date()),
        sa.Column("department", sa.String(120), nullable=False),
        sa.Column("keywords", sa.String(500), nullable=False),
        sa.Column("applies_to", sa.String(200), nullable=False),
        sa.Column("sample", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.String(60), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "answer_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("answer_id", sa.Integer(), sa.ForeignKey("answers.id"), nullable=False, index=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("changed_by", sa.String(60), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("answer_id", "version", name="uq_answer_versions"),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("handles", sa.String(), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("hours", sa.String(200), nullable=False),
        sa.Column("web", sa.String(500), nullable=False),
        sa.Column("keywords", sa.String(500), nullable=False),
        sa.Column("sample", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.String(60), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
    )


def _supplies() -> None:
    op.create_table(
        "supply_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("maximum", sa.Integer(), nullable=False),
        sa.Column("lead_days", sa.Integer(), nullable=False),
        sa.Column("supplier", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("minimum >= 0 AND maximum >= 0 AND lead_days >= 0", name="ck_supply_items_levels"),
    )
    op.create_table(
        "supply_movements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("supply_items.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer()),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(60), nullable=False),
        sa.Column("station", sa.String(8), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.CheckConstraint("kind IN ('received', 'issued', 'counted', 'damaged')", name="ck_supply_movements_kind"),
    )
    op.create_table(
        "paper_rolls",
        sa.Column("station", sa.String(8), primary_key=True),
        sa.Column("lines_printed", sa.Integer(), nullable=False),
        sa.Column("lines_total", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime()),
    )


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
