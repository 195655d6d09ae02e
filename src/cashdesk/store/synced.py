"""What a window shares with its office (docs/office.md): one declaration per table.

A table is shared by naming it in `UPLINK`: the office gets a table of the same name and
columns, plus `window_station` (the window it came from) in its primary key; a window that
joins an office gets an outbox trigger on it. The sender (services/office.py) needs nothing
else, so a table added later (service orders, arrangements …) syncs by being named here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from cashdesk.store import models_answers, models_arrangements, models_delinquency, models_orders, models_reports
from cashdesk.store.models import Base
from cashdesk.store.own_ids import SPAN
from cashdesk.store.write_errors import OFFICE_CLOSED_MARK

# The later tables' mappings, so that Base.metadata holds them (their modules declare them).
_ = (models_answers, models_arrangements, models_delinquency, models_orders, models_reports)

#: The column the office adds to every shared table: the station the row was written at.
WINDOW_STATION = "window_station"


@dataclass(frozen=True, slots=True)
class Shared:
    table: str  # the window's table (store/models.py)
    changes: bool = True  # False: rows the database itself refuses to change (the trail's triggers)

    @property
    def key(self) -> str:
        """Its primary key column (every shared table has one)."""
        (column,) = Base.metadata.tables[self.table].primary_key.columns
        return str(column.name)


#: The window's rows the office keeps, sent through the outbox.
UPLINK: tuple[Shared, ...] = (
    Shared("business_days"),
    Shared("drawers"),
    Shared("receipts"),
    Shared("receipt_lines"),
    Shared("tenders"),
    Shared("allocations"),
    Shared("cash_drops"),
    Shared("paid_outs"),
    Shared("drawer_counts"),
    Shared("drawer_closes"),
    Shared("returned_checks"),
    Shared("mail_batches"),
    Shared("mail_items"),
    Shared("tax_returns"),
    Shared("day_close_records"),
    Shared("audit_events", changes=False),
    # Added by office revision 0002: service orders, arrangements, delinquency runs, answers,
    # supplies and saved reports. One line each; the triggers and the sender follow.
    Shared("work_orders"),
    Shared("account_holds"),
    Shared("shutoff_holds"),
    Shared("arrangements"),
    Shared("arrangement_installments"),
    Shared("arrangement_payments"),
    Shared("delinquency_runs"),
    Shared("delinquency_actions"),
    Shared("delinquency_late_items"),
    Shared("answers"),
    Shared("answer_versions"),
    Shared("referrals"),
    Shared("supply_items"),
    Shared("supply_movements"),
    Shared("saved_reports"),
)

BY_TABLE = {shared.table: shared for shared in UPLINK}

#: The office's master rows every window receives (parents first). The office numbers each change
#: (`version`, from one sequence); a window asks for what changed after the last one it has.
DOWNLINK: tuple[Shared, ...] = (
    Shared("revenue_codes"),
    Shared("accounts"),
    Shared("open_items"),
    Shared("account_history"),
)

#: Master rows a window makes itself (a tax return's bill, a service order's fee, a late fee, the
#: history line of a payment): numbered in the window's own range (store/own_ids.py), sent up through
#: the outbox in the transaction that makes them, kept at the office beside its own and sent down to
#: every window. A history line never changes; of a bill, what is paid moves by DELTAS, the rest is
#: sent again when a window changes it (a fee taken off). Rows of the office's own (ids below SPAN)
#: changed at a window stay as they were: the office's master is the billing system's.
MADE_AT_WINDOWS: tuple[Shared, ...] = (Shared("open_items"), Shared("account_history", changes=False))
MADE_BY_TABLE = {shared.table: shared for shared in MADE_AT_WINDOWS}
#: A bill's columns whose change at a window goes to the office (what is paid goes as DELTAS).
MADE_CHANGES = ("account_id", "external_id", "revenue_code", "description", "period", "bill_date", "due_date",
                "amount_cents")  # fmt: skip

#: Running figures that every window changes (a payment on a bill, credit kept on an account):
#: a window sends how much it moved them, never what they are, so that two windows paying the
#: same bill both count. (table, column).
DELTAS: tuple[tuple[str, str], ...] = (("open_items", "paid_cents"), ("accounts", "credit_cents"))

# -- the window's side: the outbox and its triggers ------------------------------------------------

OUTBOX = "office_outbox"
SHUTOFF_LISTS = "office_shutoff_lists"  # one shut-off list a business day for the office (services/shutoff.py)
OFFICE_DAYS = "office_days"  # the office's business days, once closed (services/office_day.py)
LINK = "office_link"
MOVED = "office_deltas"  # how much this window moved the running figures of DELTAS, until sent
MARKS = "office_marks"  # the last office version this window has of each DOWNLINK table
CLOSED_BY_OFFICE = "office_closed_days"  # the office's closed business days, as the window last heard

WINDOW_TABLES = (
    # One row a change to a shared row, in the writer's own transaction (a trigger writes it).
    # `row_key` has no declared type: it keeps the key as the table holds it (an id, a date).
    f"CREATE TABLE IF NOT EXISTS {OUTBOX} (seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_key NOT NULL)",
    # The office this window belongs to: one row once joined. No password: see docs/office.md.
    # `applying` is 1 only inside the transaction that applies the office's rows: their changes
    # to running figures are the office's own, not this window's to send.
    f"CREATE TABLE IF NOT EXISTS {LINK} (id INTEGER PRIMARY KEY CHECK (id = 1), url TEXT NOT NULL, "
    "station TEXT NOT NULL, joined_at TEXT NOT NULL, last_contact TEXT, last_problem TEXT, "
    "applying INTEGER NOT NULL DEFAULT 0)",
    # AUTOINCREMENT: a move's number is never given again, even once every move before it was
    # sent and deleted, since the office takes each (window, number) once.
    f"CREATE TABLE IF NOT EXISTS {MOVED} (seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, "
    "row_key INTEGER NOT NULL, column_name TEXT NOT NULL, delta INTEGER NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS {MARKS} (table_name TEXT PRIMARY KEY, version INTEGER NOT NULL)",
    # The office's closed days come down at each sync: a drawer opened after holds the next day
    # (services/business_day.py), and no receipt is written to one (the guard below).
    f"CREATE TABLE IF NOT EXISTS {CLOSED_BY_OFFICE} (business_date TEXT PRIMARY KEY, closed_at TEXT NOT NULL, "
    "closed_by TEXT NOT NULL, closed_at_station TEXT NOT NULL)",
    f"CREATE TRIGGER IF NOT EXISTS {CLOSED_BY_OFFICE}_receipts BEFORE INSERT ON receipts WHEN EXISTS "
    f"(SELECT 1 FROM {CLOSED_BY_OFFICE} WHERE business_date = NEW.business_date) "
    f"BEGIN SELECT RAISE(ABORT, '{OFFICE_CLOSED_MARK}'); END",
)


def trigger_name(shared: Shared, event: str) -> str:
    return f"{OUTBOX}_{shared.table}_{event.lower()}"


def triggers_of(shared: Shared) -> list[str]:
    """The triggers that put each change to one shared table's rows in the outbox."""
    events = ("INSERT", "UPDATE") if shared.changes else ("INSERT",)
    return [
        f"CREATE TRIGGER IF NOT EXISTS {trigger_name(shared, event)} AFTER {event} ON {shared.table} "
        f"BEGIN INSERT INTO {OUTBOX} (table_name, row_key) VALUES ('{shared.table}', NEW.{shared.key}); END"
        for event in events
    ]


#: Not while the office's own rows are being applied: they come from the office.
_NOT_APPLYING = f"NOT EXISTS (SELECT 1 FROM {LINK} WHERE applying = 1)"


def made_triggers() -> list[str]:
    """The triggers that put a window's own master rows in the outbox: those in a window's range
    (any window's: a fee another window made and this one took off goes up too)."""
    made: list[str] = []
    for shared in MADE_AT_WINDOWS:
        when = f"WHEN NEW.id >= {SPAN} AND {_NOT_APPLYING}"
        body = f"BEGIN INSERT INTO {OUTBOX} (table_name, row_key) VALUES ('{shared.table}', NEW.id); END"
        made.append(f"CREATE TRIGGER IF NOT EXISTS {trigger_name(shared, 'INSERT')} AFTER INSERT ON {shared.table} "
                    f"{when} {body}")  # fmt: skip
        if shared.changes:
            made.append(f"CREATE TRIGGER IF NOT EXISTS {trigger_name(shared, 'UPDATE')} AFTER UPDATE OF "
                        f"{', '.join(MADE_CHANGES)} ON {shared.table} {when} {body}")  # fmt: skip
    return made


def outbox_triggers() -> list[str]:
    """The triggers that put each change to a shared row in the outbox (created at join)."""
    made: list[str] = []
    for shared in UPLINK:
        made += triggers_of(shared)
    made += made_triggers()
    for table, column in DELTAS:
        made.append(
            f"CREATE TRIGGER IF NOT EXISTS {MOVED}_{table}_{column} AFTER UPDATE OF {column} ON {table} "
            f"WHEN NEW.{column} != OLD.{column} AND {_NOT_APPLYING} "
            f"BEGIN INSERT INTO {MOVED} (table_name, row_key, column_name, delta) "
            f"VALUES ('{table}', NEW.id, '{column}', NEW.{column} - OLD.{column}); END"
        )
    return made


# -- the office's side: the same tables, one set per office -----------------------------------------


def _office_type(column: Column[Any]) -> TypeEngine[Any]:
    """Text without a length: SQLite never held the window to one, and a row the office could not
    take would stop its window's outbox for good. The ids of rows windows make, and every column
    naming one, are BIGINT (store/own_ids.py; office revision 0005)."""
    if isinstance(column.type, String):
        return Text()
    made = {f"{table}.id" for table in MADE_BY_TABLE}
    if (column.table.name in MADE_BY_TABLE and column.name == "id") or any(
        key.target_fullname in made for key in column.foreign_keys
    ):
        return BigInteger()
    return column.type


def office_metadata() -> MetaData:
    """The office's tables: each shared table's columns, keyed by window and key, and the windows."""
    metadata = MetaData()
    for shared in UPLINK:
        window = Base.metadata.tables[shared.table]
        columns = [Column(c.name, _office_type(c), nullable=True) for c in window.columns]
        Table(shared.table, metadata, Column(WINDOW_STATION, String(20), nullable=False), *columns,
              PrimaryKeyConstraint(WINDOW_STATION, shared.key))  # fmt: skip
    for shared in DOWNLINK:
        window = Base.metadata.tables[shared.table]
        columns = [Column(c.name, _office_type(c), primary_key=c.primary_key, nullable=not c.primary_key)
                   for c in window.columns]  # fmt: skip
        Table(shared.table, metadata, *columns, Column("version", BigInteger, nullable=False, index=True))
    Table(
        MOVED, metadata,
        Column(WINDOW_STATION, String(20), primary_key=True),
        Column("seq", BigInteger, primary_key=True),
        Column("table_name", Text, nullable=False),
        Column("row_key", BigInteger, nullable=False),
        Column("column_name", Text, nullable=False),
        Column("delta", BigInteger, nullable=False),
    )  # fmt: skip
    Table(
        "office_windows", metadata,
        Column("station", String(20), primary_key=True),
        Column("number", Integer, nullable=False, unique=True),  # its range of ids (store/own_ids.py), from a sequence
        Column("joined_at", DateTime(timezone=True), nullable=False),
        Column("last_contact", DateTime(timezone=True)),
        Column("outbox_after_contact", Integer, nullable=False, default=0),  # what was still to send then
        Column("rows_received", Integer, nullable=False, default=0),
    )  # fmt: skip
    Table(
        SHUTOFF_LISTS, metadata,
        Column("business_date", Date, primary_key=True),
        Column("station", Text, nullable=False),  # the window that claimed the day's list
        Column("claimed_by", Text, nullable=False),
        Column("claimed_at", DateTime(timezone=True), nullable=False),
        Column("released", Boolean, nullable=False, default=False),  # its commit failed: another may claim it
    )  # fmt: skip
    Table(
        OFFICE_DAYS, metadata,
        Column("business_date", Date, primary_key=True),
        Column("closed_at", DateTime(timezone=True), nullable=False),
        Column("closed_by", Text, nullable=False),
        Column("closed_at_station", Text, nullable=False),  # the window whose command closed it
        Column("windows", Text, nullable=False),  # the stations whose rows it holds, comma-separated
        Column("figures", Text, nullable=False),  # its money's figures at the close (services/closing_record.py)
        Column("deposit_cents", BigInteger, nullable=False),
        Column("bank_cents", BigInteger, nullable=False),
        Column("exported", Text),  # JSON: file name -> SHA-256 of every file exported for the day
    )  # fmt: skip
    return metadata
