"""The one writer of the delinquency tables (runs, their actions, the bills a late fee was charged on),
at driver level on the caller's transaction, and the reads of a run's preview.

The preview's reads are a few grouped scans of the open items (bench/delinquency.py runs the same
statements through bare sqlite3): one for utility accounts aged by billing date, one for sales tax
accounts aged by due date, one for the unpaid tax of each period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cashdesk.store.driver import Driver, stored_date
from cashdesk.store.own_ids import ITEM_COLUMNS

#: Utility accounts owing anything on charges billed on or before the earliest step's cutoff. Parameters:
#: the reminder, late fee, door tag and disconnect cutoffs, the late fee's cutoff again (for the bills not
#: yet charged a late fee), the earliest cutoff.
UTILITY_SQL = (
    "SELECT a.id, a.number, a.name, a.service_address, a.mailing_address, p.oldest, p.owed,"
    " p.reminder, p.late_fee, p.door_tag, p.disconnect, p.late_base, a.language FROM ("
    " SELECT account_id, MIN(COALESCE(bill_date, due_date)) AS oldest, SUM(amount_cents - paid_cents) AS owed,"
    "  SUM(CASE WHEN COALESCE(bill_date, due_date) <= ? THEN amount_cents - paid_cents ELSE 0 END) AS reminder,"
    "  SUM(CASE WHEN COALESCE(bill_date, due_date) <= ? THEN amount_cents - paid_cents ELSE 0 END) AS late_fee,"
    "  SUM(CASE WHEN COALESCE(bill_date, due_date) <= ? THEN amount_cents - paid_cents ELSE 0 END) AS door_tag,"
    "  SUM(CASE WHEN COALESCE(bill_date, due_date) <= ? THEN amount_cents - paid_cents ELSE 0 END) AS disconnect,"
    "  SUM(CASE WHEN COALESCE(bill_date, due_date) <= ?"
    "   AND revenue_code IN (SELECT code FROM revenue_codes WHERE category = 'service')"
    "   AND NOT EXISTS (SELECT 1 FROM delinquency_late_items l WHERE l.open_item_id = open_items.id)"
    "   THEN amount_cents - paid_cents ELSE 0 END) AS late_base"
    " FROM open_items WHERE amount_cents > paid_cents GROUP BY account_id"
    " HAVING MIN(COALESCE(bill_date, due_date)) <= ?) p "
    "JOIN accounts a ON a.id = p.account_id WHERE a.kind = 'utility' AND a.status = 'active' ORDER BY a.number"
)

#: Sales tax accounts owing anything due on or before the earliest step's cutoff. Parameters: the notice,
#: penalty and referral cutoffs, the earliest cutoff.
TAX_SQL = (
    "SELECT a.id, a.number, a.name, a.service_address, a.mailing_address, p.oldest, p.owed,"
    " p.notice, p.penalty, p.referral, a.language FROM ("
    " SELECT account_id, MIN(due_date) AS oldest, SUM(amount_cents - paid_cents) AS owed,"
    "  SUM(CASE WHEN due_date <= ? THEN amount_cents - paid_cents ELSE 0 END) AS notice,"
    "  SUM(CASE WHEN due_date <= ? THEN amount_cents - paid_cents ELSE 0 END) AS penalty,"
    "  SUM(CASE WHEN due_date <= ? THEN amount_cents - paid_cents ELSE 0 END) AS referral"
    " FROM open_items WHERE amount_cents > paid_cents GROUP BY account_id HAVING MIN(due_date) <= ?) p "
    "JOIN accounts a ON a.id = p.account_id WHERE a.kind = 'sales_tax' AND a.status = 'active' ORDER BY a.number"
)

#: Each period of a sales tax account with tax still unpaid and due on or before the penalty's cutoff:
#: (account id, period, due date, unpaid tax, penalties charged, interest charged). Parameter: the cutoff.
TAX_PERIODS_SQL = (
    "SELECT o.account_id, o.period, MIN(CASE WHEN o.revenue_code IN ('SALESTAX', 'USETAX') THEN o.due_date END),"
    " SUM(CASE WHEN o.revenue_code IN ('SALESTAX', 'USETAX') THEN o.amount_cents - o.paid_cents ELSE 0 END),"
    " SUM(CASE WHEN o.revenue_code = 'TAXPEN' THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN o.revenue_code = 'TAXINT' THEN o.amount_cents ELSE 0 END) "
    "FROM open_items o JOIN accounts a ON a.id = o.account_id "
    "WHERE a.kind = 'sales_tax' AND a.status = 'active' AND o.period != '' GROUP BY o.account_id, o.period "
    "HAVING SUM(CASE WHEN o.revenue_code IN ('SALESTAX', 'USETAX') THEN o.amount_cents - o.paid_cents ELSE 0 END) > 0"
    " AND MIN(CASE WHEN o.revenue_code IN ('SALESTAX', 'USETAX') THEN o.due_date END) <= ? "
    "ORDER BY o.account_id, MIN(o.due_date)"
)

#: The steps taken once per oldest unpaid charge, with the state of any work order they made.
DONE_SQL = (
    "SELECT d.account_id, d.step, d.since, d.work_order, w.id, w.status, w.completed_at "
    "FROM delinquency_actions d LEFT JOIN work_orders w ON w.number = d.work_order "
    "WHERE d.step IN ('reminder', 'door_tag', 'disconnect', 'tax_notice', 'tax_referral') AND d.since >= ?"
)

#: Open door tags and disconnects, however made (the shut-off list, an earlier run).
OPEN_ORDERS_SQL = (
    "SELECT account_id, type, id, number FROM work_orders WHERE type IN ('door_tag', 'disconnect') "
    "AND status IN ('pending', 'dispatched') ORDER BY id"
)


@dataclass(frozen=True, slots=True)
class AccountOwing:
    account_id: int
    number: str
    name: str
    service_address: str
    mailing_address: str
    oldest: dt.date  # the oldest unpaid charge (billed for utilities, due for sales tax)
    owed: int  # everything open on the account
    by_step: tuple[int, ...]  # what is owed at each step's cutoff, in the steps' order
    late_base: int  # utilities: the service bills past the late fee's cutoff not yet charged one
    language: str = "en"  # what its notice letter prints in (accounts.language)


def _owing(rows: Iterable[Sequence[Any]], steps: int, late: bool) -> list[AccountOwing]:
    out = []
    for r in rows:
        oldest = stored_date(r[5])
        assert oldest is not None
        out.append(AccountOwing(int(r[0]), r[1], r[2], r[3], r[4] or "", oldest, int(r[6]),
                                tuple(int(v or 0) for v in r[7:7 + steps]),
                                int(r[7 + steps] or 0) if late else 0, r[-1]))  # fmt: skip
    return out


def utility_owing(db: Driver, cutoffs: Sequence[dt.date]) -> list[AccountOwing]:
    """Reminder, late fee, door tag and disconnect cutoffs, in that order."""
    params = [db.value(c) for c in cutoffs] + [db.value(cutoffs[1]), db.value(max(cutoffs))]
    return _owing(db.all(UTILITY_SQL, params), 4, True)


def tax_owing(db: Driver, cutoffs: Sequence[dt.date]) -> list[AccountOwing]:
    """Notice, penalty and referral cutoffs, in that order."""
    return _owing(db.all(TAX_SQL, [*(db.value(c) for c in cutoffs), db.value(max(cutoffs))]), 3, False)


def unpaid_tax_periods(db: Driver, cutoff: dt.date) -> list[tuple[int, str, dt.date, int, int, int]]:
    out = []
    for r in db.all(TAX_PERIODS_SQL, (db.value(cutoff),)):
        due = stored_date(r[2])
        assert due is not None
        out.append((int(r[0]), r[1], due, int(r[3]), int(r[4]), int(r[5])))
    return out


@dataclass(frozen=True, slots=True)
class DoneStep:
    account_id: int
    step: str
    since: dt.date
    work_order: str
    order_id: int | None
    order_status: str | None
    completed_at: dt.datetime | None


def done_steps(db: Driver, since: dt.date) -> list[DoneStep]:
    out = []
    for r in db.all(DONE_SQL, (db.value(since),)):
        day = stored_date(r[2])
        assert day is not None
        done = r[6] if r[6] is None or isinstance(r[6], dt.datetime) else dt.datetime.fromisoformat(str(r[6]))
        out.append(DoneStep(int(r[0]), r[1], day, r[3], r[4], r[5], done))
    return out


def open_collection_orders(db: Driver) -> dict[tuple[int, str], tuple[int, str]]:
    """(account id, type) -> (id, number) of the latest open door tag or disconnect."""
    return {(int(r[0]), r[1]): (int(r[2]), r[3]) for r in db.all(OPEN_ORDERS_SQL)}


def late_fee_items(db: Driver, account_id: int, cutoff: dt.date) -> list[int]:
    """The service bills of an account a late fee is charged on: billed on or before `cutoff`, still
    owed, none charged one before (the same rule as UTILITY_SQL's late_base)."""
    return [int(r[0]) for r in db.all(
        "SELECT id FROM open_items WHERE account_id = ? AND amount_cents > paid_cents "
        "AND COALESCE(bill_date, due_date) <= ? "
        "AND revenue_code IN (SELECT code FROM revenue_codes WHERE category = 'service') "
        "AND NOT EXISTS (SELECT 1 FROM delinquency_late_items l WHERE l.open_item_id = open_items.id) ORDER BY id",
        (account_id, db.value(cutoff)))]  # fmt: skip


# -- runs ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunOnRecord:
    id: int
    on: dt.date
    committed_by: str
    committed_at: dt.datetime
    accounts: int
    fees_cents: int
    folder: str


def run_on(db: Driver, on: dt.date) -> RunOnRecord | None:
    row = db.one("SELECT id, on_date, committed_by, committed_at, accounts, fees_cents, folder "
                 "FROM delinquency_runs WHERE on_date = ?", (db.value(on),))  # fmt: skip
    if row is None:
        return None
    at = row[3] if isinstance(row[3], dt.datetime) else dt.datetime.fromisoformat(str(row[3]))
    return RunOnRecord(int(row[0]), on, row[2], at, int(row[4]), int(row[5]), row[6])


def insert_run(db: Driver, on: dt.date, by: str, at: dt.datetime, folder: str) -> int:
    return db.insert("INSERT INTO delinquency_runs (on_date, committed_by, committed_at, accounts, fees_cents, folder) "
                     "VALUES (?, ?, ?, 0, 0, ?)", (db.value(on), by, db.value(at), folder))  # fmt: skip


def finish_run(db: Driver, run_id: int, accounts: int, fees_cents: int) -> None:
    db.run("UPDATE delinquency_runs SET accounts = ?, fees_cents = ? WHERE id = ?", (accounts, fees_cents, run_id))


def insert_action(db: Driver, run_id: int, account_id: int, step: str, since: dt.date, past_due_cents: int,
                  fee_cents: int, work_order: str, note: str) -> int:  # fmt: skip
    return db.insert("INSERT INTO delinquency_actions (run_id, account_id, step, since, past_due_cents, fee_cents, "
                     "work_order, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (run_id, account_id, step, db.value(since), past_due_cents, fee_cents, work_order,
                      note[:200]))  # fmt: skip


def mark_late_items(db: Driver, action_id: int, item_ids: Iterable[int]) -> None:
    db.many("INSERT INTO delinquency_late_items (open_item_id, action_id) VALUES (?, ?)",
            [(item_id, action_id) for item_id in item_ids])  # fmt: skip


def add_charge(db: Driver, account_id: int, code: str, description: str, cents: int, on: dt.date,
               period: str = "") -> int:  # fmt: skip
    """A fee, penalty or interest as an open item due at once; its id."""
    values = (account_id, None, code, description, period, db.value(on), db.value(on), cents, 0)
    return db.insert_own("open_items", ITEM_COLUMNS, values)


def service_address(db: Driver, account_id: int) -> str:
    row = db.one("SELECT service_address FROM accounts WHERE id = ?", (account_id,))
    return str(row[0]) if row else ""
