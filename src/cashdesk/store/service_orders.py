"""The one writer of the service-order tables (work orders, their numbers, account holds, shut-off
holds), at driver level on the caller's transaction, and the reads the services need.

The payment hook reads here too (services/order_hooks.py): an account with no open order costs it
one probe of ix_work_orders_account_status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cashdesk.domain.money import Money
from cashdesk.domain.service_orders import OrderStatus, OrderType, WorkOrder
from cashdesk.store.driver import Driver, stored_date
from cashdesk.store.own_ids import ITEM_COLUMNS

_COLUMNS = (
    "o.id, o.number, a.number, a.name, o.service_address, o.type, o.status, o.reason, o.requested_by, "
    "o.requested_at, o.scheduled, o.priority, d.number, o.fee_code, o.fee_cents, o.crew, o.result, "
    "o.meter_reading, o.completed_by, o.completed_at, o.notes"
)
_FROM = "FROM work_orders o JOIN accounts a ON a.id = o.account_id LEFT JOIN work_orders d ON d.id = o.depends_on"


def _stored_time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _order(row: Sequence[Any]) -> WorkOrder:
    requested = _stored_time(row[9])
    assert requested is not None
    return WorkOrder(
        id=int(row[0]), number=row[1], account=row[2], account_name=row[3], service_address=row[4],
        type=OrderType(row[5]), status=OrderStatus(row[6]), reason=row[7], requested_by=row[8],
        requested_at=requested, scheduled=stored_date(row[10]), priority=int(row[11]), depends_on=row[12],
        fee_code=row[13], fee=Money(int(row[14])), crew=row[15], result=row[16], meter_reading=row[17],
        completed_by=row[18], completed_at=_stored_time(row[19]), notes=row[20],
    )  # fmt: skip


# -- writes ----------------------------------------------------------------------------------------


def next_number(db: Driver, year: int) -> int:
    """Gapless per year: the counter moves in the same transaction as the order that uses it."""
    row = db.one("INSERT INTO work_order_sequences (year, last_number) VALUES (?, 1) "
                 "ON CONFLICT (year) DO UPDATE SET last_number = work_order_sequences.last_number + 1 "
                 "RETURNING last_number", (year,))  # fmt: skip
    assert row is not None
    return int(row[0])


@dataclass(frozen=True, slots=True)
class NewOrder:
    number: str
    account_id: int
    service_address: str
    type: OrderType
    reason: str
    requested_by: str
    requested_at: dt.datetime
    scheduled: dt.date | None
    priority: int = 3
    depends_on: int | None = None
    fee_code: str | None = None
    fee_cents: int = 0
    fee_item_id: int | None = None
    notes: str = ""
    closed_by_receipt: str = ""


def insert_order(db: Driver, new: NewOrder) -> int:
    return db.insert(
        "INSERT INTO work_orders (number, account_id, service_address, type, status, reason, requested_by, "
        "requested_at, scheduled, priority, depends_on, fee_code, fee_cents, fee_item_id, crew, result, "
        "meter_reading, completed_by, completed_at, closed_by_receipt, notes) "
        "VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', NULL, ?, ?)",
        (new.number, new.account_id, new.service_address, new.type.value, new.reason, new.requested_by,
         db.value(new.requested_at), db.value(new.scheduled) if new.scheduled else None, new.priority,
         new.depends_on, new.fee_code, new.fee_cents, new.fee_item_id, new.closed_by_receipt, new.notes),
    )  # fmt: skip


def set_status(db: Driver, order_id: int, status: OrderStatus, *, reason: str | None = None,
               by: str = "", at: dt.datetime | None = None, crew: str | None = None, result: str = "",
               meter_reading: str = "", receipt: str = "") -> None:  # fmt: skip
    """Move one order on; a completion or a not-done also keeps who, when, the result and the reading."""
    sets = ["status = ?"]
    params: list[Any] = [status.value]
    if reason is not None:
        sets.append("reason = ?")
        params.append(reason)
    if crew is not None:
        sets.append("crew = ?")
        params.append(crew)
    if status in (OrderStatus.COMPLETED, OrderStatus.NOT_DONE, OrderStatus.CANCELLED):
        sets += ["completed_by = ?", "completed_at = ?", "result = ?", "meter_reading = ?"]
        params += [by, db.value(at) if at else None, result, meter_reading]
    if receipt:
        sets.append("closed_by_receipt = ?")
        params.append(receipt)
    db.run(f"UPDATE work_orders SET {', '.join(sets)} WHERE id = ?", (*params, order_id))


def schedule(db: Driver, order_id: int, on: dt.date) -> None:
    db.run("UPDATE work_orders SET scheduled = ? WHERE id = ?", (db.value(on), order_id))


def add_fee_item(db: Driver, account_id: int, code: str, description: str, cents: int, on: dt.date) -> int:
    """A fee an order charges, as an open item due at once; its id."""
    return db.insert_own("open_items", ITEM_COLUMNS,
                         (account_id, None, code, description, "", db.value(on), db.value(on), cents, 0))  # fmt: skip


def take_off_fee(db: Driver, item_id: int) -> tuple[int, int]:
    """An order's fee no longer owed: its open item is closed at what was paid. (Not paid, paid) cents."""
    row = db.one("SELECT amount_cents, paid_cents FROM open_items WHERE id = ?", (item_id,))
    assert row is not None
    amount, paid = int(row[0]), int(row[1])
    if amount > paid:
        db.run("UPDATE open_items SET amount_cents = paid_cents WHERE id = ?", (item_id,))
    return amount - paid, paid


def set_account_status(db: Driver, account_id: int, status: str, at: dt.datetime) -> None:
    db.run("UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?", (status, db.value(at), account_id))


def add_account_hold(db: Driver, account_id: int, kind: str, starts: dt.date, ends: dt.date | None, note: str,
                     by: str, at: dt.datetime) -> int:  # fmt: skip
    return db.insert("INSERT INTO account_holds (account_id, kind, starts, ends, note, entered_by, entered_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (account_id, kind, db.value(starts), db.value(ends) if ends else None, note, by,
                      db.value(at)))  # fmt: skip


def add_shutoff_hold(db: Driver, on: dt.date, reason: str, by: str, at: dt.datetime) -> None:
    db.run("INSERT INTO shutoff_holds (on_date, reason, entered_by, entered_at) VALUES (?, ?, ?, ?)",
           (db.value(on), reason, by, db.value(at)))  # fmt: skip


# -- reads -----------------------------------------------------------------------------------------


def open_collection_orders(db: Driver, account_id: int) -> list[tuple[int, str, str]]:
    """(id, number, type) of the account's open orders: the payment hook's one indexed read."""
    return [(int(r[0]), r[1], r[2]) for r in db.all(
        "SELECT id, number, type FROM work_orders WHERE account_id = ? AND status IN ('pending', 'dispatched')",
        (account_id,))]  # fmt: skip


def order(db: Driver, number: str) -> WorkOrder | None:
    row = db.one(f"SELECT {_COLUMNS} {_FROM} WHERE o.number = ?", (number,))
    return None if row is None else _order(row)


def order_row(db: Driver, number: str) -> tuple[int, int, str, str, int | None, int | None] | None:
    """(id, account id, type, status, depends on, fee item) of one order, for a change."""
    row = db.one("SELECT id, account_id, type, status, depends_on, fee_item_id FROM work_orders WHERE number = ?",
                 (number,))  # fmt: skip
    return None if row is None else (int(row[0]), int(row[1]), row[2], row[3], row[4], row[5])


def status_of(db: Driver, order_id: int) -> tuple[OrderStatus, dt.datetime | None]:
    row = db.one("SELECT status, completed_at FROM work_orders WHERE id = ?", (order_id,))
    assert row is not None
    return OrderStatus(row[0]), _stored_time(row[1])


def find(db: Driver, *, account: str | None = None, status: str | None = None, type: str | None = None,
         scheduled: dt.date | None = None, limit: int = 1000) -> list[WorkOrder]:  # fmt: skip
    where, params = [], []
    for clause, value in (("a.number = ?", account), ("o.status = ?", status), ("o.type = ?", type),
                          ("o.scheduled = ?", db.value(scheduled) if scheduled else None)):  # fmt: skip
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = f"SELECT {_COLUMNS} {_FROM}" + (f" WHERE {' AND '.join(where)}" if where else "")
    return [_order(r) for r in db.all(sql + " ORDER BY o.id DESC LIMIT ?", (*params, limit))]


def account_of(db: Driver, number: str) -> tuple[int, str, str, str, str, int] | None:
    """(id, number, name, service address, status, deposit held) of an account."""
    row = db.one("SELECT id, number, name, service_address, status, deposit_held_cents FROM accounts "
                 "WHERE number = ? AND kind = 'utility'", (number,))  # fmt: skip
    return None if row is None else (int(row[0]), row[1], row[2], row[3], row[4], int(row[5]))


def holds_on(db: Driver, on: dt.date) -> set[int]:
    """Accounts kept off the shut-off list on this day."""
    return {int(r[0]) for r in db.all("SELECT account_id FROM account_holds WHERE starts <= ? AND "
                                      "(ends IS NULL OR ends >= ?)", (db.value(on), db.value(on)))}  # fmt: skip


def shutoff_hold_days(db: Driver) -> set[dt.date]:
    return {d for r in db.all("SELECT on_date FROM shutoff_holds") if (d := stored_date(r[0])) is not None}


PAST_DUE_SQL = (
    "SELECT a.id, a.number, a.name, a.service_address, p.owed FROM ("
    " SELECT account_id, SUM(amount_cents - paid_cents) AS owed FROM open_items"
    " WHERE amount_cents > paid_cents AND COALESCE(bill_date, due_date) <= ?"
    " GROUP BY account_id HAVING SUM(amount_cents - paid_cents) >= ?) p "
    "JOIN accounts a ON a.id = p.account_id "
    "WHERE a.kind = 'utility' AND a.status = 'active' AND NOT EXISTS (SELECT 1 FROM work_orders w "
    " WHERE w.account_id = a.id AND w.status IN ('pending', 'dispatched') AND w.type IN ('door_tag', 'disconnect'))"
    " ORDER BY a.number"
)  # the shut-off preview's one statement; bench/shutoff.py runs the same text through bare sqlite3


def past_due_accounts(db: Driver, cutoff: dt.date, minimum_cents: int) -> list[tuple[int, str, str, str, int]]:
    """(id, number, name, service address, past due) of active utility accounts owing at least
    `minimum_cents` on charges billed on or before `cutoff` and with no open door tag or disconnect.
    One grouped scan of the open items (bench/shutoff.py)."""
    rows = db.all(PAST_DUE_SQL, (db.value(cutoff), max(minimum_cents, 1)))
    return [(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


def past_due_of(db: Driver, account_id: int, cutoff: dt.date) -> int:
    row = db.one("SELECT COALESCE(SUM(amount_cents - paid_cents), 0) FROM open_items WHERE account_id = ? "
                 "AND amount_cents > paid_cents AND COALESCE(bill_date, due_date) <= ?",
                 (account_id, db.value(cutoff)))  # fmt: skip
    return int(row[0]) if row else 0


def waiting_disconnects(db: Driver) -> list[tuple[int, str, int | None]]:
    """(id, number, door tag id) of pending disconnects not yet scheduled: they wait for their tag."""
    return [(int(r[0]), r[1], r[2]) for r in db.all(
        "SELECT id, number, depends_on FROM work_orders WHERE type = 'disconnect' AND status = 'pending' "
        "AND scheduled IS NULL")]  # fmt: skip


def average_bill_cents(db: Driver, account_id: int, last: int = 12) -> list[int]:
    """The account's last service bills (what `deposit_rule = multiple` averages)."""
    return [int(r[0]) for r in db.all(
        "SELECT o.amount_cents FROM open_items o JOIN revenue_codes c ON c.code = o.revenue_code "
        "WHERE o.account_id = ? AND c.category = 'service' ORDER BY o.due_date DESC LIMIT ?",
        (account_id, last))]  # fmt: skip


def release_deposit(db: Driver, account_id: int) -> None:
    """Stop service: the deposit no longer held (applied, moved or to refund; services/service_orders.py)."""
    db.run("UPDATE accounts SET deposit_held_cents = 0 WHERE id = ?", (account_id,))
