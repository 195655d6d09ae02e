"""The rows of a payment (receipt, lines, allocations, tenders, history), written at driver level.

Posting is the hottest write at the window (DESIGN: fast at the counter), so it skips the
ORM's bookkeeping and speaks SQL through the unit of work's own connection (store/driver.py):
the same transaction, the same BEGIN IMMEDIATE, the same commit. Dates and times are bound by
`Driver.value`, from the column types in models.py, so everything else reads them back unchanged.
Counter and mail posting write receipts here; print jobs are written by store/print_jobs.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cashdesk.domain.accounts import OpenItem, RevenueCategory, RevenueCode, is_cash_only
from cashdesk.domain.money import Money
from cashdesk.store.driver import Driver, driver, stored_date
from cashdesk.store.own_ids import HISTORY_COLUMNS

__all__ = ["Driver", "driver"]  # where the other services have long found them


def revenue_codes(db: Driver) -> dict[str, RevenueCode]:
    return {code: RevenueCode(code, description, gl, RevenueCategory(category), priority)
            for code, description, gl, category, priority in db.all(
                "SELECT code, description, gl_account, category, priority FROM revenue_codes")}  # fmt: skip


def next_receipt_number(db: Driver, station: str, year: int) -> int:
    """Gapless: the counter moves in the same transaction as the receipt that uses it."""
    row = db.one("INSERT INTO receipt_sequences (station, year, last_number) VALUES (?, ?, 1) "
                 "ON CONFLICT (station, year) DO UPDATE SET last_number = receipt_sequences.last_number + 1 "
                 "RETURNING last_number", (station, year))  # fmt: skip
    assert row is not None
    return int(row[0])


@dataclass(frozen=True, slots=True)
class PayingAccount:
    id: int
    number: str
    name: str
    status: str
    cash_only: bool
    cash_only_until: dt.date | None
    credit_cents: int
    kind: str = "utility"  # utility or sales_tax
    on_arrangement: bool = False  # a requested or active payment arrangement (services/arrangement_hooks.py)
    language: str = "en"  # what its receipt prints in (domain/printed_text.py): read here, no statement more

    def cash_only_on(self, day: dt.date) -> bool:
        return is_cash_only(self.cash_only, self.cash_only_until, day)


def paying_account(db: Driver, number: str) -> PayingAccount | None:
    row = db.one("SELECT id, number, name, status, cash_only, cash_only_until, credit_cents, kind, on_arrangement, "
                 "language FROM accounts WHERE number = ?", (number,))  # fmt: skip
    if row is None:
        return None
    return PayingAccount(int(row[0]), row[1], row[2], row[3], bool(row[4]), stored_date(row[5]), int(row[6]), row[7],
                         bool(row[8]), row[9])  # fmt: skip


def revenue_code(db: Driver, code: str) -> RevenueCode | None:
    row = db.one("SELECT code, description, gl_account, category, priority FROM revenue_codes WHERE code = ?", (code,))
    return None if row is None else RevenueCode(row[0], row[1], row[2], RevenueCategory(row[3]), row[4])


def open_items_and_codes(db: Driver, account_id: int) -> tuple[list[OpenItem], dict[str, RevenueCode]]:
    """The account's open items, and the revenue codes they carry (for the paying order), in one read."""
    items: list[OpenItem] = []
    codes: dict[str, RevenueCode] = {}
    for row in db.all(
        "SELECT o.id, o.revenue_code, o.description, o.bill_date, o.due_date, o.amount_cents, o.paid_cents, o.period, "
        "c.description, c.gl_account, c.category, c.priority FROM open_items o "
        "LEFT JOIN revenue_codes c ON c.code = o.revenue_code "
        "WHERE o.account_id = ? AND o.amount_cents > o.paid_cents", (account_id,)
    ):  # fmt: skip
        due = stored_date(row[4])
        assert due is not None  # open_items.due_date is NOT NULL
        items.append(
            OpenItem(
                id=row[0],
                revenue_code=row[1],
                description=row[2],
                bill_date=stored_date(row[3]),
                due_date=due,
                amount=Money(row[5]),
                paid=Money(row[6]),
                period=row[7],
            )
        )
        if row[10] is not None and row[1] not in codes:
            codes[row[1]] = RevenueCode(row[1], row[8], row[9], RevenueCategory(row[10]), row[11])
    return items, codes


def open_items(db: Driver, account_id: int) -> list[OpenItem]:
    return [OpenItem(id=row[0], revenue_code=row[1], description=row[2], bill_date=stored_date(row[3]),
                     due_date=stored_date(row[4]), amount=Money(row[5]), paid=Money(row[6]), period=row[7])  # type: ignore[arg-type]
            for row in db.all("SELECT id, revenue_code, description, bill_date, due_date, amount_cents, paid_cents, "
                              "period FROM open_items WHERE account_id = ? AND amount_cents > paid_cents",
                              (account_id,))]  # fmt: skip


def insert_receipt(db: Driver, *, number: str, station: str, drawer_id: int | None, cashier: str, channel: str,
                   business_date: dt.date, posted_at: dt.datetime, payer: str, total: int, tendered: int,
                   change: int, language: str = "en") -> int:  # fmt: skip
    return insert_receipt_row(db, (number, station, drawer_id, cashier, channel, business_date, posted_at, payer,
                                   total, tendered, change), language)  # fmt: skip


def insert_receipt_row(db: Driver, row: Sequence[Any], language: str = "en") -> int:
    """A posted receipt from its sealed values (store/sealed.py, `receipt_values`, in that order); its id.
    `language` is what it is printed in (not sealed: it moves no money), so a reprint matches it."""
    values = [*(db.value(value) for value in row), language]
    return db.insert(
        "INSERT INTO receipts (number, station, drawer_id, cashier, channel, business_date, posted_at, payer, "
        "total_cents, tendered_cents, change_cents, status, void_reason, voided_by, reprints, language) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'posted', '', '', 0, ?)",
        values,
    )


def insert_misc_line(db: Driver, receipt_id: int, line_no: int, code: str, memo: str, amount: int) -> int:
    return db.insert("INSERT INTO receipt_lines (receipt_id, line_no, kind, account_id, revenue_code, memo, "
                     "amount_cents, credit_cents) VALUES (?, ?, 'misc', NULL, ?, ?, ?, 0)",
                     (receipt_id, line_no, code, memo, amount))  # fmt: skip


def insert_account_line(db: Driver, receipt_id: int, line_no: int, account_id: int, amount: int, credit: int,
                        memo: str = "") -> int:  # fmt: skip
    """An account's line; its memo keeps what the receipt says of the account's orders (a reprint prints it)."""
    return db.insert("INSERT INTO receipt_lines (receipt_id, line_no, kind, account_id, revenue_code, memo, "
                     "amount_cents, credit_cents) VALUES (?, ?, 'account', ?, NULL, ?, ?, ?)",
                     (receipt_id, line_no, account_id, memo, amount, credit))  # fmt: skip


def apply_allocations(db: Driver, line_id: int, lines: Sequence[tuple[int, Money]]) -> None:
    """Money applied to open items; the CHECK on open_items refuses paying past what is open."""
    if not lines:
        return
    db.many("INSERT INTO allocations (receipt_line_id, open_item_id, amount_cents, reverses_id) VALUES (?, ?, ?, NULL)",
            [(line_id, item_id, amount.cents) for item_id, amount in lines])  # fmt: skip
    db.many("UPDATE open_items SET paid_cents = paid_cents + ? WHERE id = ?",
            [(amount.cents, item_id) for item_id, amount in lines])  # fmt: skip


def insert_reversal(db: Driver, line_id: int, item_id: int, cents: int, reverses_id: int) -> int:
    """The negative allocation that undoes allocation `reverses_id` (a void, a reversal); its id."""
    return db.insert("INSERT INTO allocations (receipt_line_id, open_item_id, amount_cents, reverses_id) "
                     "VALUES (?, ?, ?, ?)", (line_id, item_id, cents, reverses_id))  # fmt: skip


def add_credit(db: Driver, account_id: int, cents: int) -> None:
    db.run("UPDATE accounts SET credit_cents = credit_cents + ? WHERE id = ?", (cents, account_id))


def add_deposit_held(db: Driver, account_id: int, cents: int) -> None:
    """The deposit the account holds, moved by what was paid on (or taken back from) its deposit
    charges (domain.service_orders.deposit_paid); never below nothing."""
    db.run("UPDATE accounts SET deposit_held_cents = MAX(0, deposit_held_cents + ?) WHERE id = ?",
           (cents, account_id))  # fmt: skip


def add_history(db: Driver, account_id: int, on_date: dt.date, kind: str, description: str, amount: int,
                reference: str) -> None:  # fmt: skip
    db.insert_own("account_history", HISTORY_COLUMNS,
                  (account_id, db.value(on_date), kind, description, amount, reference))  # fmt: skip


def insert_tenders(db: Driver, receipt_id: int, tenders: Iterable[Sequence[Any]]) -> None:
    """(kind, cents, reference, card brand, card last four, routing, bank account) each."""
    db.many("INSERT INTO tenders (receipt_id, kind, amount_cents, reference, card_brand, card_last4, routing, "
            "bank_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(receipt_id, *t) for t in tenders])  # fmt: skip
