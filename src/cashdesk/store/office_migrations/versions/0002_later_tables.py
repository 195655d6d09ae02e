"""The office's second schema: the column accounts gained with arrangements (window migration
0013), and the tables added to UPLINK since revision 0001: service orders and their holds,
arrangements with their installments and payments, delinquency runs, answers and referrals, supplies, saved
reports. Each is a window's table keyed by the station it came from (store/synced.py).

Frozen: the statements as revision 0002 wrote them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from cashdesk.store.office_migrations import never_downgrade, run_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATEMENTS = [
    "ALTER TABLE accounts ADD COLUMN on_arrangement BOOLEAN NOT NULL DEFAULT false",
    """CREATE TABLE work_orders (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    number TEXT,
    account_id INTEGER,
    service_address TEXT,
    type TEXT,
    status TEXT,
    reason TEXT,
    requested_by TEXT,
    requested_at TIMESTAMP WITHOUT TIME ZONE,
    scheduled DATE,
    priority INTEGER,
    depends_on INTEGER,
    fee_code TEXT,
    fee_cents INTEGER,
    fee_item_id INTEGER,
    crew TEXT,
    result TEXT,
    meter_reading TEXT,
    completed_by TEXT,
    completed_at TIMESTAMP WITHOUT TIME ZONE,
    closed_by_receipt TEXT,
    notes TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE account_holds (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    account_id INTEGER,
    kind TEXT,
    starts DATE,
    ends DATE,
    note TEXT,
    entered_by TEXT,
    entered_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE shutoff_holds (
    window_station VARCHAR(20) NOT NULL,
    on_date DATE,
    reason TEXT,
    entered_by TEXT,
    entered_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, on_date)
)""",
    """CREATE TABLE arrangements (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    account_id INTEGER,
    state TEXT,
    debt_cents INTEGER,
    down_cents INTEGER,
    interest_cents INTEGER,
    interest_item_id INTEGER,
    starts DATE,
    down_due DATE,
    made_by TEXT,
    made_at TIMESTAMP WITHOUT TIME ZONE,
    changed_by TEXT,
    changed_at TIMESTAMP WITHOUT TIME ZONE,
    reason TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE arrangement_installments (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    arrangement_id INTEGER,
    seq INTEGER,
    due DATE,
    amount_cents INTEGER,
    paid_cents INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE arrangement_payments (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    arrangement_id INTEGER,
    receipt_id INTEGER,
    cents INTEGER,
    reverses_id INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE delinquency_runs (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    on_date DATE,
    committed_by TEXT,
    committed_at TIMESTAMP WITHOUT TIME ZONE,
    accounts INTEGER,
    fees_cents INTEGER,
    folder TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE delinquency_actions (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    run_id INTEGER,
    account_id INTEGER,
    step TEXT,
    since DATE,
    past_due_cents INTEGER,
    fee_cents INTEGER,
    work_order TEXT,
    note TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE delinquency_late_items (
    window_station VARCHAR(20) NOT NULL,
    open_item_id INTEGER,
    action_id INTEGER,
    PRIMARY KEY (window_station, open_item_id)
)""",
    """CREATE TABLE answers (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    slug TEXT,
    title TEXT,
    question TEXT,
    body TEXT,
    citation TEXT,
    link TEXT,
    effective_on DATE,
    review_on DATE,
    department TEXT,
    keywords TEXT,
    applies_to TEXT,
    sample INTEGER,
    version INTEGER,
    changed_by TEXT,
    changed_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE answer_versions (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    answer_id INTEGER,
    version INTEGER,
    content TEXT,
    changed_by TEXT,
    changed_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE referrals (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    slug TEXT,
    name TEXT,
    handles TEXT,
    phone TEXT,
    address TEXT,
    hours TEXT,
    web TEXT,
    keywords TEXT,
    sample INTEGER,
    changed_by TEXT,
    changed_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE supply_items (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    code TEXT,
    name TEXT,
    unit TEXT,
    minimum INTEGER,
    maximum INTEGER,
    lead_days INTEGER,
    supplier TEXT,
    created_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE supply_movements (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    item_id INTEGER,
    kind TEXT,
    quantity INTEGER,
    counted INTEGER,
    at TIMESTAMP WITHOUT TIME ZONE,
    "user" TEXT,
    station TEXT,
    note TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE saved_reports (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    name TEXT,
    definition TEXT,
    saved_by TEXT,
    saved_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
]


def upgrade() -> None:
    run_statements(STATEMENTS)


def downgrade() -> None:
    never_downgrade()
