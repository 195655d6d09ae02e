"""The office's business days: one row once a supervisor has closed the office's day, with the
figures of its money at the close and the files exported for it (services/office_day.py).

Frozen: the statements as revision 0003 wrote them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from cashdesk.store.office_migrations import never_downgrade, run_statements

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE office_days (
    business_date DATE NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at_station TEXT NOT NULL,
    windows TEXT NOT NULL,
    figures TEXT NOT NULL,
    deposit_cents BIGINT NOT NULL,
    bank_cents BIGINT NOT NULL,
    exported TEXT,
    PRIMARY KEY (business_date)
)""",
]


def upgrade() -> None:
    run_statements(STATEMENTS)


def downgrade() -> None:
    never_downgrade()
