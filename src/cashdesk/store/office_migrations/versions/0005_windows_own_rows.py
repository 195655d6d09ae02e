"""The office's fifth schema: the bills and history lines windows make themselves reach the office
(store/own_ids.py). Each window gets a number at the join (`office_windows.number`, from a sequence;
the windows already there are numbered now); its own rows take ids of its range, number × 10^12 up to
the next, so the ids of open items and history lines, and every column naming an open item, become
BIGINT. And one shut-off list a business day for the whole office (`office_shutoff_lists`): the window
that claims the day first commits it, the office's unique key decides (services/shutoff.py).

Frozen: the statements as revision 0005 wrote them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10
"""

from cashdesk.store.office_migrations import never_downgrade, run_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STATEMENTS = [
    "CREATE SEQUENCE IF NOT EXISTS office_window_number",
    "ALTER TABLE office_windows ADD COLUMN number INTEGER NOT NULL DEFAULT nextval('office_window_number')",
    "ALTER TABLE office_windows ADD CONSTRAINT office_windows_number_key UNIQUE (number)",
    "ALTER SEQUENCE office_window_number OWNED BY office_windows.number",
    "ALTER TABLE open_items ALTER COLUMN id TYPE BIGINT",
    "ALTER TABLE account_history ALTER COLUMN id TYPE BIGINT",
    "ALTER TABLE allocations ALTER COLUMN open_item_id TYPE BIGINT",
    "ALTER TABLE returned_checks ALTER COLUMN fee_item_id TYPE BIGINT",
    "ALTER TABLE tax_returns ALTER COLUMN open_item_id TYPE BIGINT",
    "ALTER TABLE work_orders ALTER COLUMN fee_item_id TYPE BIGINT",
    "ALTER TABLE arrangements ALTER COLUMN interest_item_id TYPE BIGINT",
    "ALTER TABLE delinquency_late_items ALTER COLUMN open_item_id TYPE BIGINT",
    """CREATE TABLE office_shutoff_lists (
    business_date DATE NOT NULL,
    station TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (business_date)
)""",
]


def upgrade() -> None:
    run_statements(STATEMENTS)


def downgrade() -> None:
    never_downgrade()
