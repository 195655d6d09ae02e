"""The office server's first schema: every window's shared rows keyed by station, the master
rows every window receives with their change numbers, the moves of running figures, the windows.

Frozen: the statements as revision 0001 wrote them, whatever store/synced.py declares later (a
change there is a new revision).

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from cashdesk.store.office_migrations import never_downgrade, run_statements

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE account_history (
    id SERIAL NOT NULL,
    account_id INTEGER,
    on_date DATE,
    kind TEXT,
    description TEXT,
    amount_cents INTEGER,
    reference TEXT,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_account_history_version ON account_history (version)",
    """CREATE TABLE accounts (
    id SERIAL NOT NULL,
    number TEXT,
    kind TEXT,
    name TEXT,
    service_address TEXT,
    mailing_address TEXT,
    phone TEXT,
    phone_digits TEXT,
    status TEXT,
    cash_only BOOLEAN,
    deposit_held_cents INTEGER,
    licence_number TEXT,
    filing_frequency TEXT,
    credit_cents INTEGER,
    cash_only_until DATE,
    created_at TIMESTAMP WITHOUT TIME ZONE,
    updated_at TIMESTAMP WITHOUT TIME ZONE,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_accounts_version ON accounts (version)",
    """CREATE TABLE allocations (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    receipt_line_id INTEGER,
    open_item_id INTEGER,
    amount_cents INTEGER,
    reverses_id INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE audit_events (
    window_station VARCHAR(20) NOT NULL,
    seq INTEGER,
    at TEXT,
    "user" TEXT,
    station TEXT,
    event_type TEXT,
    object TEXT,
    success BOOLEAN,
    details TEXT,
    prev_hash TEXT,
    hash TEXT,
    PRIMARY KEY (window_station, seq)
)""",
    """CREATE TABLE business_days (
    window_station VARCHAR(20) NOT NULL,
    business_date DATE,
    status TEXT,
    closed_at TIMESTAMP WITHOUT TIME ZONE,
    closed_by TEXT,
    over_short_cents INTEGER,
    deposit_total_cents INTEGER,
    ticket_number TEXT,
    bag_number TEXT,
    PRIMARY KEY (window_station, business_date)
)""",
    """CREATE TABLE cash_drops (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    drawer_id INTEGER,
    station TEXT,
    cashier TEXT,
    dropped_at TIMESTAMP WITHOUT TIME ZONE,
    pieces TEXT,
    amount_cents INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE day_close_records (
    window_station VARCHAR(20) NOT NULL,
    business_date DATE,
    lookups TEXT,
    figures TEXT,
    PRIMARY KEY (window_station, business_date)
)""",
    """CREATE TABLE drawer_closes (
    window_station VARCHAR(20) NOT NULL,
    drawer_id INTEGER,
    count_id INTEGER,
    second_count_id INTEGER,
    closed_at TIMESTAMP WITHOUT TIME ZONE,
    closed_by TEXT,
    business_date DATE,
    expected TEXT,
    counted TEXT,
    over_short_cents INTEGER,
    float_kept TEXT,
    float_kept_cents INTEGER,
    deposit_pieces TEXT,
    deposit_cash_cents INTEGER,
    card_settlement_cents INTEGER,
    reason TEXT,
    approved_by TEXT,
    PRIMARY KEY (window_station, drawer_id)
)""",
    """CREATE TABLE drawer_counts (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    drawer_id INTEGER,
    attempt INTEGER,
    counted_by TEXT,
    role TEXT,
    counted_at TIMESTAMP WITHOUT TIME ZONE,
    pieces TEXT,
    cash_cents INTEGER,
    items TEXT,
    card_settlement_cents INTEGER,
    expected TEXT,
    counted TEXT,
    over_short_cents INTEGER,
    reason TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE drawers (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    station TEXT,
    cashier TEXT,
    business_date DATE,
    opened_at TIMESTAMP WITHOUT TIME ZONE,
    opening_float_cents INTEGER,
    opening_count TEXT,
    status TEXT,
    closed_at TIMESTAMP WITHOUT TIME ZONE,
    cash_cents INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE mail_batches (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    number TEXT,
    business_date DATE,
    station TEXT,
    owner TEXT,
    control_count INTEGER,
    control_total_cents INTEGER,
    status TEXT,
    source TEXT,
    source_file TEXT,
    source_sha256 TEXT,
    created_at TIMESTAMP WITHOUT TIME ZONE,
    balanced_at TIMESTAMP WITHOUT TIME ZONE,
    posted_at TIMESTAMP WITHOUT TIME ZONE,
    posted_by TEXT,
    reject_reason TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE mail_items (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    batch_id INTEGER,
    seq INTEGER,
    account_id INTEGER,
    account_typed TEXT,
    amount_cents INTEGER,
    tender TEXT,
    check_number TEXT,
    payer TEXT,
    routing TEXT,
    bank_account TEXT,
    scan_line TEXT,
    source_line INTEGER,
    tax_return_id INTEGER,
    status TEXT,
    receipt_id INTEGER,
    reversed_by TEXT,
    reversed_at TIMESTAMP WITHOUT TIME ZONE,
    reverse_reason TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE office_deltas (
    window_station VARCHAR(20) NOT NULL,
    seq BIGINT NOT NULL,
    table_name TEXT NOT NULL,
    row_key BIGINT NOT NULL,
    column_name TEXT NOT NULL,
    delta BIGINT NOT NULL,
    PRIMARY KEY (window_station, seq)
)""",
    """CREATE TABLE office_windows (
    station VARCHAR(20) NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_contact TIMESTAMP WITH TIME ZONE,
    outbox_after_contact INTEGER NOT NULL,
    rows_received INTEGER NOT NULL,
    PRIMARY KEY (station)
)""",
    """CREATE TABLE open_items (
    id SERIAL NOT NULL,
    account_id INTEGER,
    external_id TEXT,
    revenue_code TEXT,
    description TEXT,
    period TEXT,
    bill_date DATE,
    due_date DATE,
    amount_cents INTEGER,
    paid_cents INTEGER,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_open_items_version ON open_items (version)",
    """CREATE TABLE paid_outs (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    drawer_id INTEGER,
    station TEXT,
    cashier TEXT,
    paid_at TIMESTAMP WITHOUT TIME ZONE,
    business_date DATE,
    account_id INTEGER,
    revenue_code TEXT,
    payee TEXT,
    amount_cents INTEGER,
    reason TEXT,
    approved_by TEXT,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE receipt_lines (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    receipt_id INTEGER,
    line_no INTEGER,
    kind TEXT,
    account_id INTEGER,
    revenue_code TEXT,
    memo TEXT,
    amount_cents INTEGER,
    credit_cents INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE receipts (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    number TEXT,
    station TEXT,
    drawer_id INTEGER,
    cashier TEXT,
    channel TEXT,
    business_date DATE,
    posted_at TIMESTAMP WITHOUT TIME ZONE,
    payer TEXT,
    total_cents INTEGER,
    tendered_cents INTEGER,
    change_cents INTEGER,
    status TEXT,
    void_reason TEXT,
    voided_by TEXT,
    voided_at TIMESTAMP WITHOUT TIME ZONE,
    reprints INTEGER,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE returned_checks (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    receipt_id INTEGER,
    tender_id INTEGER,
    account_id INTEGER,
    amount_cents INTEGER,
    fee_item_id INTEGER,
    reason TEXT,
    recorded_by TEXT,
    recorded_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE revenue_codes (
    code TEXT NOT NULL,
    description TEXT,
    gl_account TEXT,
    category TEXT,
    priority INTEGER,
    version BIGINT NOT NULL,
    PRIMARY KEY (code)
)""",
    "CREATE INDEX ix_revenue_codes_version ON revenue_codes (version)",
    """CREATE TABLE tax_returns (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    account_id INTEGER,
    period TEXT,
    frequency TEXT,
    period_start DATE,
    period_end DATE,
    due_date DATE,
    filed_on DATE,
    kind TEXT,
    amends_id INTEGER,
    figures TEXT,
    as_written TEXT,
    total_due_cents INTEGER,
    paid_cents INTEGER,
    open_item_id INTEGER,
    receipt_id INTEGER,
    status TEXT,
    entered_by TEXT,
    entered_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (window_station, id)
)""",
    """CREATE TABLE tenders (
    window_station VARCHAR(20) NOT NULL,
    id INTEGER,
    receipt_id INTEGER,
    kind TEXT,
    amount_cents INTEGER,
    reference TEXT,
    card_brand TEXT,
    card_last4 TEXT,
    routing TEXT,
    bank_account TEXT,
    PRIMARY KEY (window_station, id)
)""",
    "CREATE SEQUENCE IF NOT EXISTS office_version",
    (
        "CREATE OR REPLACE FUNCTION office_set_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.version := nextval('office_version'); RETURN NEW; END $$"
    ),
    "DROP TRIGGER IF EXISTS office_version_revenue_codes ON revenue_codes",
    (
        "CREATE TRIGGER office_version_revenue_codes BEFORE INSERT OR UPDATE ON revenue_codes FOR EACH ROW "
        "EXECUTE FUNCTION office_set_version()"
    ),
    "DROP TRIGGER IF EXISTS office_version_accounts ON accounts",
    (
        "CREATE TRIGGER office_version_accounts BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE "
        "FUNCTION office_set_version()"
    ),
    "DROP TRIGGER IF EXISTS office_version_open_items ON open_items",
    (
        "CREATE TRIGGER office_version_open_items BEFORE INSERT OR UPDATE ON open_items FOR EACH ROW EXECUTE "
        "FUNCTION office_set_version()"
    ),
    "DROP TRIGGER IF EXISTS office_version_account_history ON account_history",
    (
        "CREATE TRIGGER office_version_account_history BEFORE INSERT OR UPDATE ON account_history FOR EACH "
        "ROW EXECUTE FUNCTION office_set_version()"
    ),
]


def upgrade() -> None:
    run_statements(STATEMENTS)


def downgrade() -> None:
    never_downgrade()
