"""Payment research: one statement that finds receipts from what a customer remembers.

Plain SQL built from the criteria, so that bench/find_payment.py runs exactly the same text
through bare sqlite3. Each criterion narrows through an index of migration 0010 or of the
counter's tables: receipts by number, business date and total; tenders by reference (check and
money-order numbers) and by card last four; accounts by number; names through account_fts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from cashdesk.domain.research import PaymentCriteria
from cashdesk.store.search import fts_expression

HIT_COLUMNS = (
    "r.id, r.number, r.business_date, r.posted_at, r.channel, r.station, r.cashier, r.payer, r.total_cents, "
    "r.status, (SELECT group_concat(t.kind || ' ' || t.reference || ' ' || t.card_brand || ' ' || t.card_last4 "
    "|| ' ' || t.amount_cents, '|') FROM tenders t WHERE t.receipt_id = r.id), "
    "(SELECT group_concat(DISTINCT a.number) FROM receipt_lines l JOIN accounts a ON a.id = l.account_id "
    "WHERE l.receipt_id = r.id), "
    "(SELECT a.name FROM receipt_lines l JOIN accounts a ON a.id = l.account_id WHERE l.receipt_id = r.id "
    "ORDER BY l.line_no LIMIT 1), "
    "EXISTS (SELECT 1 FROM mail_items m JOIN mail_batches b ON b.id = m.batch_id WHERE m.receipt_id = r.id "
    "AND b.source = 'lockbox')"
)
_LOCKBOX = "r.id IN (SELECT m.receipt_id FROM mail_items m JOIN mail_batches b ON b.id = m.batch_id " \
           "WHERE b.source = 'lockbox' AND m.receipt_id IS NOT NULL)"  # fmt: skip


class HitRow(NamedTuple):
    id: int
    number: str
    business_date: Any
    posted_at: Any
    channel: str
    station: str
    cashier: str
    payer: str
    total_cents: int
    status: str
    tenders: str | None  # "kind reference brand last4 cents" joined by "|"
    accounts: str | None
    account_name: str | None
    lockbox: int


def _tender_with(kind: str | None, column: str) -> str:
    kind_test = f" AND t.kind = '{kind}'" if kind else ""
    return f"r.id IN (SELECT t.receipt_id FROM tenders t WHERE t.{column} = ?{kind_test})"


def _payer(text: str, sqlite: bool) -> tuple[str, list[object]]:
    """The name on the receipt, or the name of an account it paid."""
    pattern = f"%{text.lower()}%"
    expression = fts_expression(text) if sqlite else None
    if expression:
        accounts = "SELECT rowid FROM account_fts WHERE account_fts MATCH ?"
        return (f"(lower(r.payer) LIKE ? OR r.id IN (SELECT l.receipt_id FROM receipt_lines l "
                f"WHERE l.account_id IN ({accounts})))", [pattern, f"{{name}} : ({expression})"])  # fmt: skip
    return ("(lower(r.payer) LIKE ? OR r.id IN (SELECT l.receipt_id FROM receipt_lines l JOIN accounts a "
            "ON a.id = l.account_id WHERE lower(a.name) LIKE ?))", [pattern, pattern])  # fmt: skip


def find_sql(c: PaymentCriteria, limit: int, *, sqlite: bool = True,
             date: Any = dt.date.isoformat) -> tuple[str, list[object]]:  # fmt: skip
    """The statement and its parameters; `date` turns a date into what the column stores."""
    where: list[str] = []
    params: list[object] = []

    def add(clause: str, *values: object) -> None:
        where.append(clause)
        params.extend(values)

    if c.receipt:
        add("r.number = ?", c.receipt)
    if c.check:
        add(_tender_with("check", "reference"), c.check)
    if c.money_order:
        add(_tender_with("money_order", "reference"), c.money_order)
    if c.card_last4:
        add(_tender_with("card", "card_last4"), c.card_last4)
    if c.account:
        add("r.id IN (SELECT l.receipt_id FROM receipt_lines l JOIN accounts a ON a.id = l.account_id "
            "WHERE a.number = ?)", c.account.replace("-", "").upper())  # fmt: skip
    if c.amount_from is not None:
        add("r.total_cents >= ?", c.amount_from.cents)
    if c.amount_to is not None:
        add("r.total_cents <= ?", c.amount_to.cents)
    if c.date_from is not None:
        add("r.business_date >= ?", date(c.date_from))
    if c.date_to is not None:
        add("r.business_date <= ?", date(c.date_to))
    if c.channel == "lockbox":
        where.append(_LOCKBOX)
    elif c.channel == "mail":
        add(f"r.channel = ? AND NOT {_LOCKBOX}", "mail")
    elif c.channel:
        add("r.channel = ?", c.channel)
    if c.payer:
        clause, values = _payer(c.payer, sqlite)
        add(clause, *values)
    sql = f"SELECT {HIT_COLUMNS} FROM receipts r WHERE {' AND '.join(where) or '1 = 1'} " \
          "ORDER BY r.business_date DESC, r.id DESC LIMIT ?"  # fmt: skip
    return sql, [*params, limit]


__all__ = ["HIT_COLUMNS", "HitRow", "find_sql"]
