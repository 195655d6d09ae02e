"""The rows each money event seals (domain/row_digests.py), read as the database holds them.

One reader per event type. The service that writes a money event calls it after its rows
are written, in the same transaction, and puts the digests in the event's details;
`audit verify` calls the same reader on the rows as they are now. Counter posting, the
hottest write, builds the same row tuples from the values it writes instead of reading
them back (`receipt_values` and its neighbours, in the readers' column order).

What each part covers is what never changes after its event (docs/formats.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cashdesk.domain import row_digests as rd
from cashdesk.store.posting import Driver

Row = tuple[Any, ...]
Parts = dict[str, list[Row]]

_RECEIPT = ("number, station, drawer_id, cashier, channel, business_date, posted_at, payer, total_cents, "
            "tendered_cents, change_cents")  # fmt: skip
_LINE = "line_no, kind, account_id, revenue_code, memo, amount_cents, credit_cents"
_TENDER = "kind, amount_cents, reference, card_brand, card_last4, routing, bank_account"


def receipt_values(*, number: str, station: str, drawer_id: int | None, cashier: str, channel: str,
                   business_date: dt.date, posted_at: dt.datetime, payer: str, total: int, tendered: int,
                   change: int) -> Row:  # fmt: skip
    """A receipt's sealed columns, as `_RECEIPT` reads them."""
    return (number, station, drawer_id, cashier, channel, business_date, posted_at, payer, total, tendered, change)


def line_values(line_no: int, kind: str, account_id: int | None, revenue_code: str | None, memo: str, amount: int,
                credit: int) -> Row:  # fmt: skip
    return (line_no, kind, account_id, revenue_code, memo, amount, credit)


def tender_values(kind: str, amount: int, reference: str, brand: str, last4: str, routing: str,
                  bank_account: str) -> Row:  # fmt: skip
    return (kind, amount, reference, brand, last4, routing, bank_account)


def allocation_values(line_no: int, open_item_id: int, amount: int) -> Row:
    """What a posting paid on a bill: its receipt line's number, the open item, the cents."""
    return (line_no, open_item_id, amount)


class Unreadable(ValueError):
    """The event's details do not say which rows it wrote (audit verify names the event)."""


@dataclass
class Sealed:
    """The rows an event sealed, as they are now."""

    thing: str  # "receipt W01-2026-000042", "cash drop 3 (drawer 1)": how audit verify names it
    parts: Parts
    receipts: dict[str, Parts] = field(default_factory=dict)  # a mail batch's receipts, by number


def _id(details: Mapping[str, Any], key: str) -> int:
    value = details.get(key)
    if type(value) is not int:
        raise Unreadable(f"its details do not say which rows it wrote ({key!r})")
    return value


def _ids(details: Mapping[str, Any], key: str) -> list[int]:
    value = details.get(key, [])
    if not isinstance(value, list) or any(type(v) is not int for v in value):
        raise Unreadable(f"its details do not say which rows it wrote ({key!r})")
    return value


def _drawer_id(object_: str, details: Mapping[str, Any]) -> int:
    if "drawer" in details:
        return _id(details, "drawer")
    word, _, number = object_.partition(" ")
    if word != "drawer" or not number.isdigit():
        raise Unreadable("its object is not a drawer")
    return int(number)


def _rows(db: Driver, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    return [tuple(row) for row in db.all(sql, params)]


def _receipts(db: Driver, where: str, params: Sequence[Any]) -> dict[str, Parts]:
    """Each receipt's four posted parts, by number, for the receipts `where` picks (alias r)."""
    found: dict[str, Parts] = {}
    by_id: dict[int, Parts] = {}
    for row in db.all(f"SELECT r.id, {_RECEIPT} FROM receipts r WHERE {where}", params):
        parts: Parts = {"receipt": [tuple(row[1:])], "lines": [], "tenders": [], "allocations": []}
        found[str(row[1])] = parts
        by_id[int(row[0])] = parts
    if not by_id:
        return found
    chosen = f"SELECT r.id FROM receipts r WHERE {where}"
    for row in db.all(f"SELECT receipt_id, {_LINE} FROM receipt_lines WHERE receipt_id IN ({chosen})", params):
        by_id[int(row[0])]["lines"].append(tuple(row[1:]))
    for row in db.all(f"SELECT receipt_id, {_TENDER} FROM tenders WHERE receipt_id IN ({chosen})", params):
        by_id[int(row[0])]["tenders"].append(tuple(row[1:]))
    for row in db.all(
        "SELECT l.receipt_id, l.line_no, a.open_item_id, a.amount_cents FROM allocations a "
        f"JOIN receipt_lines l ON l.id = a.receipt_line_id WHERE a.reverses_id IS NULL AND l.receipt_id IN ({chosen})",
        params,
    ):  # fmt: skip
        by_id[int(row[0])]["allocations"].append(tuple(row[1:]))
    return found


def _allocations(db: Driver, ids: list[int]) -> list[Row]:
    rows: list[Row] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows += _rows(db, "SELECT id, receipt_line_id, open_item_id, amount_cents, reverses_id FROM allocations "
                          f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)  # fmt: skip
    return rows


def _void(db: Driver, number: str) -> list[Row]:
    return _rows(db, "SELECT status, void_reason, voided_by, voided_at FROM receipts WHERE number = ?", (number,))


def _post(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    receipt = _receipts(db, "r.number = ?", (object_,)).get(object_)
    return Sealed(f"receipt {object_}", receipt or {"receipt": [], "lines": [], "tenders": [], "allocations": []})


def _voided(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    return Sealed(f"receipt {object_}", {"void": _void(db, object_),
                                         "reversals": _allocations(db, _ids(details, "allocations"))})  # fmt: skip


def _drawer_open(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    drawer = _drawer_id(object_, details)
    return Sealed(object_, {"drawer": _rows(
        db, "SELECT id, station, cashier, business_date, opened_at, opening_float_cents, opening_count "
            "FROM drawers WHERE id = ?", (drawer,))})  # fmt: skip


def _cash_drop(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    drop = _id(details, "drop")
    return Sealed(f"cash drop {drop} ({object_})", {"drop": _rows(
        db, "SELECT id, drawer_id, station, cashier, dropped_at, pieces, amount_cents FROM cash_drops "
            "WHERE id = ?", (drop,))})  # fmt: skip


def _paid_out(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    paid = _id(details, "paid_out")
    return Sealed(f"paid-out {paid} ({object_})", {"paid_out": _rows(
        db, "SELECT id, drawer_id, station, cashier, paid_at, business_date, account_id, revenue_code, payee, "
            "amount_cents, reason, approved_by FROM paid_outs WHERE id = ?", (paid,))})  # fmt: skip


def _drawer_count(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    count = _id(details, "count")
    return Sealed(f"count {count} of {object_}", {"count": _rows(
        db, "SELECT id, drawer_id, attempt, counted_by, role, counted_at, pieces, cash_cents, items, "
            "card_settlement_cents, expected, counted, over_short_cents, reason FROM drawer_counts WHERE id = ?",
        (count,))})  # fmt: skip


def _drawer_close(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    drawer = _drawer_id(object_, details)
    return Sealed(object_, {
        "close": _rows(db, "SELECT drawer_id, count_id, second_count_id, closed_at, closed_by, business_date, "
                           "expected, counted, over_short_cents, float_kept, float_kept_cents, deposit_pieces, "
                           "deposit_cash_cents, card_settlement_cents, reason, approved_by FROM drawer_closes "
                           "WHERE drawer_id = ?", (drawer,)),
        "closed": _rows(db, "SELECT status, closed_at FROM drawers WHERE id = ?", (drawer,)),
    })  # fmt: skip


def _mail_batch_post(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    batch = db.one("SELECT id FROM mail_batches WHERE number = ?", (object_,))
    batch_id = int(batch[0]) if batch else -1
    receipts = _receipts(db, "r.id IN (SELECT receipt_id FROM mail_items WHERE batch_id = ?)", (batch_id,))
    parts: Parts = {
        "batch": _rows(db, "SELECT number, business_date, station, owner, control_count, control_total_cents, "
                           "status, source, source_file, source_sha256, created_at, balanced_at, posted_at, "
                           "posted_by, reject_reason FROM mail_batches WHERE id = ?", (batch_id,)),
        "items": _rows(db, "SELECT seq, account_id, account_typed, amount_cents, tender, check_number, payer, "
                           "routing, bank_account, scan_line, source_line, tax_return_id, receipt_id "
                           "FROM mail_items WHERE batch_id = ?", (batch_id,)),
    }  # fmt: skip
    for name in ("receipt", "lines", "tenders", "allocations"):
        parts[name] = [row for receipt in receipts.values() for row in receipt[name]]
    return Sealed(f"mail batch {object_}", parts, receipts)


def _mail_reversal(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    batch, seq = details.get("batch"), details.get("seq")
    if not isinstance(batch, str) or type(seq) is not int:
        raise Unreadable("its details do not say which remittance it reversed")
    return Sealed(f"receipt {object_}", {
        "void": _void(db, object_),
        "item": _rows(db, "SELECT i.status, i.reversed_by, i.reversed_at, i.reverse_reason FROM mail_items i "
                          "JOIN mail_batches b ON b.id = i.batch_id WHERE b.number = ? AND i.seq = ?",
                      (batch, seq)),
        "reversals": _allocations(db, _ids(details, "allocations")),
    })  # fmt: skip


def _returned_check(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    returned = _id(details, "returned_check")
    return Sealed(f"the returned check #{details.get('check', '?')} on receipt {object_}", {
        "returned_check": _rows(db, "SELECT id, receipt_id, tender_id, account_id, amount_cents, fee_item_id, "
                                    "reason, recorded_by, recorded_at FROM returned_checks WHERE id = ?",
                                (returned,)),
        "fee": _rows(db, "SELECT o.id, o.account_id, o.revenue_code, o.description, o.period, o.bill_date, "
                         "o.due_date, o.amount_cents FROM open_items o JOIN returned_checks c "
                         "ON c.fee_item_id = o.id WHERE c.id = ?", (returned,)),
        "reversals": _allocations(db, _ids(details, "allocations")),
    })  # fmt: skip


def _day_close(db: Driver, object_: str, details: Mapping[str, Any]) -> Sealed:
    day = details.get("business_date")
    if not isinstance(day, str):
        day = object_.removeprefix("business day ")
    try:
        on = dt.date.fromisoformat(day)
    except ValueError:
        raise Unreadable("its object is not a business day") from None
    return Sealed(object_, {
        "day": _rows(db, "SELECT business_date, status, closed_at, closed_by, over_short_cents, "
                         "deposit_total_cents FROM business_days WHERE business_date = ?", (db.value(on),)),
        "record": _rows(db, "SELECT business_date, lookups, figures FROM day_close_records "
                            "WHERE business_date = ?", (db.value(on),)),
    })  # fmt: skip


#: Each money event's reader of the rows it sealed.
_READERS: dict[str, Callable[[Driver, str, Mapping[str, Any]], Sealed]] = {
    "post": _post,
    "void": _voided,
    "drawer_open": _drawer_open,
    "cash_drop": _cash_drop,
    "paid_out": _paid_out,
    "drawer_count": _drawer_count,
    "drawer_close": _drawer_close,
    "mail_batch_post": _mail_batch_post,
    "mail_reversal": _mail_reversal,
    "returned_check": _returned_check,
    "day_close": _day_close,
}


def read(db: Driver, event_type: str, object_: str, details: Mapping[str, Any]) -> Sealed:
    """The rows the event `event_type` on `object_` sealed, as they are now.

    Raises Unreadable when the details do not name its rows."""
    reader = _READERS.get(event_type)
    if reader is None:
        raise KeyError(event_type)
    return reader(db, object_, details)


def digests(db: Driver, event_type: str, object_: str, details: Mapping[str, Any]) -> dict[str, Any]:
    """What the event's details carry: {"digests": {part: hex}}, and for a mail batch each
    receipt's own digest. For the service writing the event, after its rows are written."""
    sealed = read(db, event_type, object_, details)
    carried: dict[str, Any] = {rd.DIGESTS: rd.digests(sealed.parts)}
    if event_type == "mail_batch_post":
        carried[rd.RECEIPT_DIGESTS] = {number: rd.combined(parts) for number, parts in sorted(sealed.receipts.items())}
    return carried
