"""The one writer of the payment-arrangement tables (arrangements, their installments, what each
receipt paid on them, and the account's `on_arrangement` flag), at driver level on the caller's
transaction, and the reads the services need.

Counter posting reads `accounts.on_arrangement` with the paying account (store/posting.py): an
account without an open arrangement costs the payment no statement here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from cashdesk.domain.arrangements import Arrangement, ArrangementState, Installment
from cashdesk.domain.money import Money
from cashdesk.store.driver import Driver, stored_date
from cashdesk.store.own_ids import ITEM_COLUMNS

_COLUMNS = ("r.id, a.number, a.name, r.state, r.debt_cents, r.down_cents, r.interest_cents, r.starts, r.down_due, "
            "r.made_by, r.made_at, r.reason")  # fmt: skip
_FROM = "FROM arrangements r JOIN accounts a ON a.id = r.account_id"
OPEN_STATES = ("requested", "active")


def _time(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _day(value: Any) -> dt.date:
    day = stored_date(value)
    assert day is not None
    return day


def _arrangement(row: Sequence[Any], installments: tuple[Installment, ...]) -> Arrangement:
    return Arrangement(
        id=int(row[0]), account=row[1], account_name=row[2], state=ArrangementState(row[3]), debt=Money(int(row[4])),
        down=Money(int(row[5])), interest=Money(int(row[6])), starts=_day(row[7]), down_due=_day(row[8]),
        installments=installments, made_by=row[9], made_at=_time(row[10]), reason=row[11],
    )  # fmt: skip


# -- writes ----------------------------------------------------------------------------------------


def insert(db: Driver, *, account_id: int, debt_cents: int, down_cents: int, interest_cents: int,
           interest_item_id: int | None, starts: dt.date, down_due: dt.date, installments: Iterable[Installment],
           state: ArrangementState, by: str, at: dt.datetime) -> int:  # fmt: skip
    """A new arrangement, its schedule, and the account's flag; its id."""
    arrangement_id = db.insert(
        "INSERT INTO arrangements (account_id, state, debt_cents, down_cents, interest_cents, interest_item_id, "
        "starts, down_due, made_by, made_at, changed_by, changed_at, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NULL, '')",
        (account_id, state.value, debt_cents, down_cents, interest_cents, interest_item_id, db.value(starts),
         db.value(down_due), by, db.value(at)),
    )  # fmt: skip
    db.many("INSERT INTO arrangement_installments (arrangement_id, seq, due, amount_cents, paid_cents) "
            "VALUES (?, ?, ?, ?, ?)",
            [(arrangement_id, i.seq, db.value(i.due), i.amount.cents, i.paid.cents) for i in installments])  # fmt: skip
    set_flag(db, account_id, state.is_open)
    return arrangement_id


def set_state(db: Driver, arrangement_id: int, account_id: int, state: ArrangementState, *, by: str,
              at: dt.datetime, reason: str = "") -> None:  # fmt: skip
    """Move an arrangement on; the account's flag follows (set while requested or active)."""
    db.run("UPDATE arrangements SET state = ?, changed_by = ?, changed_at = ?, reason = ? WHERE id = ?",
           (state.value, by, db.value(at), reason[:200], arrangement_id))  # fmt: skip
    set_flag(db, account_id, state.is_open)


def set_flag(db: Driver, account_id: int, on: bool) -> None:
    db.run("UPDATE accounts SET on_arrangement = ? WHERE id = ?", (1 if on else 0, account_id))


def set_paid(db: Driver, arrangement_id: int, installments: Iterable[Installment]) -> None:
    """What has been paid on each installment (a payment moved some of them)."""
    db.many("UPDATE arrangement_installments SET paid_cents = ? WHERE arrangement_id = ? AND seq = ?",
            [(i.paid.cents, arrangement_id, i.seq) for i in installments])  # fmt: skip


def record_payment(db: Driver, arrangement_id: int, receipt_id: int, cents: int) -> None:
    """What a receipt put on the arrangement's installments (a reversal reads it back)."""
    db.run("INSERT INTO arrangement_payments (arrangement_id, receipt_id, cents, reverses_id) VALUES (?, ?, ?, NULL)",
           (arrangement_id, receipt_id, cents))  # fmt: skip


def record_taken_back(db: Driver, payment_id: int, arrangement_id: int, receipt_id: int, cents: int) -> None:
    """A payment taken back by a reversal: a negative row that points at it."""
    db.run("INSERT INTO arrangement_payments (arrangement_id, receipt_id, cents, reverses_id) VALUES (?, ?, ?, ?)",
           (arrangement_id, receipt_id, -cents, payment_id))  # fmt: skip


def add_interest_item(db: Driver, account_id: int, code: str, cents: int, on: dt.date) -> int:
    """An arrangement's interest, an open item dated the day before the arrangement starts, so that
    it is among what the arrangement covers (the items due before its first day)."""
    day = on - dt.timedelta(days=1)
    return db.insert_own("open_items", ITEM_COLUMNS, (account_id, None, code, "Arrangement interest", "", db.value(on),
                                                      db.value(day), cents, 0))  # fmt: skip


# -- reads -----------------------------------------------------------------------------------------


def installments_of(db: Driver, arrangement_id: int) -> tuple[Installment, ...]:
    return tuple(Installment(int(r[0]), _day(r[1]), Money(int(r[2])), Money(int(r[3]))) for r in db.all(
        "SELECT seq, due, amount_cents, paid_cents FROM arrangement_installments WHERE arrangement_id = ? "
        "ORDER BY seq", (arrangement_id,)))  # fmt: skip


def _with_installments(db: Driver, rows: list[tuple[Any, ...]]) -> list[Arrangement]:
    if not rows:
        return []
    by_id: dict[int, list[Installment]] = {int(r[0]): [] for r in rows}
    marks = ", ".join("?" for _ in by_id)
    for r in db.all(f"SELECT arrangement_id, seq, due, amount_cents, paid_cents FROM arrangement_installments "
                    f"WHERE arrangement_id IN ({marks}) ORDER BY arrangement_id, seq", tuple(by_id)):  # fmt: skip
        by_id[int(r[0])].append(Installment(int(r[1]), _day(r[2]), Money(int(r[3])), Money(int(r[4]))))
    return [_arrangement(r, tuple(by_id[int(r[0])])) for r in rows]


def open_of(db: Driver, account_id: int) -> tuple[Arrangement, int | None] | None:
    """The account's requested or active arrangement and its interest item (the payment's read)."""
    row = db.one(f"SELECT {_COLUMNS}, r.interest_item_id {_FROM} WHERE r.account_id = ? AND r.state IN (?, ?) "
                 "ORDER BY r.id DESC LIMIT 1", (account_id, *OPEN_STATES))  # fmt: skip
    if row is None:
        return None
    return _arrangement(row, installments_of(db, int(row[0]))), row[12]


def get(db: Driver, arrangement_id: int) -> tuple[Arrangement, int] | None:
    """One arrangement and its account's id."""
    row = db.one(f"SELECT {_COLUMNS}, r.account_id {_FROM} WHERE r.id = ?", (arrangement_id,))
    return None if row is None else (_arrangement(row, installments_of(db, arrangement_id)), int(row[12]))


def payments_of_receipt(db: Driver, receipt_id: int) -> list[tuple[int, int, int]]:
    """(payment id, arrangement id, cents still on the arrangement) of what a receipt paid on
    arrangements, in the order it was paid; one indexed read (voids and reversals only)."""
    found = db.all("SELECT id, arrangement_id, cents, reverses_id FROM arrangement_payments WHERE receipt_id = ? "
                   "ORDER BY id", (receipt_id,))  # fmt: skip
    taken: dict[int, int] = {}
    for r in found:
        if r[3] is not None:
            taken[int(r[3])] = taken.get(int(r[3]), 0) - int(r[2])
    return [(int(r[0]), int(r[1]), int(r[2]) - taken.get(int(r[0]), 0)) for r in found if r[3] is None]


def covering(db: Driver, arrangement_id: int) -> tuple[Arrangement, int, int | None] | None:
    """One arrangement, its account's id and its interest item (what it covers, for a reversal)."""
    row = db.one(f"SELECT {_COLUMNS}, r.account_id, r.interest_item_id {_FROM} WHERE r.id = ?", (arrangement_id,))
    if row is None:
        return None
    return _arrangement(row, installments_of(db, arrangement_id)), int(row[12]), row[13]


def find(db: Driver, *, state: str | None = None, account: str | None = None, limit: int = 1000) -> list[Arrangement]:
    where, params = [], []
    for clause, value in (("r.state = ?", state), ("a.number = ?", account)):
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = f"SELECT {_COLUMNS} {_FROM}" + (f" WHERE {' AND '.join(where)}" if where else "")
    return _with_installments(db, db.all(sql + " ORDER BY r.id DESC LIMIT ?", (*params, limit)))


def open_ids(db: Driver) -> list[tuple[int, int]]:
    """(arrangement id, account id) of every requested or active arrangement (the nightly run's list)."""
    return [(int(r[0]), int(r[1])) for r in db.all(
        "SELECT id, account_id FROM arrangements WHERE state IN (?, ?) ORDER BY id", OPEN_STATES)]  # fmt: skip


def active_accounts(db: Driver) -> set[int]:
    """Accounts an active arrangement keeps off the shut-off list."""
    return {int(r[0]) for r in db.all("SELECT account_id FROM arrangements WHERE state = 'active'")}


def made_since(db: Driver, account_id: int, since: dt.date) -> int:
    """Arrangements made for the account since a day, not counting denied or cancelled ones."""
    row = db.one("SELECT COUNT(*) FROM arrangements WHERE account_id = ? AND starts >= ? "
                 "AND state NOT IN ('denied', 'cancelled')", (account_id, db.value(since)))  # fmt: skip
    return int(row[0]) if row else 0


def disconnect_dispatched(db: Driver, account_id: int) -> bool:
    row = db.one("SELECT 1 FROM work_orders WHERE account_id = ? AND status = 'dispatched' AND type = 'disconnect' "
                 "LIMIT 1", (account_id,))  # fmt: skip
    return row is not None


def overdue_before(db: Driver, account_id: int, starts: dt.date, due_before: dt.date,
                   interest_item_id: int | None) -> int:  # fmt: skip
    """Cents open on the account's current bills (those the arrangement does not cover) due before a day."""
    row = db.one("SELECT COALESCE(SUM(amount_cents - paid_cents), 0) FROM open_items WHERE account_id = ? "
                 "AND amount_cents > paid_cents AND due_date >= ? AND due_date < ? AND id IS NOT ?",
                 (account_id, db.value(starts), db.value(due_before), interest_item_id))  # fmt: skip
    return int(row[0]) if row else 0
