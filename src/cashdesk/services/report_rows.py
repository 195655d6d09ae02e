"""What each standard report reads: plain SQL over a date range of business days, as tuples.

Revenue is read as the day close reads it (services/day_money.py): the allocations of posted
receipts to open items (reversals left out) and misc lines, by revenue code, and the credit kept
on accounts; so a range of days sums to the Revenue lines of those days' GL journals.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from cashdesk.store.driver import Driver

POSTED = "r.business_date >= ? AND r.business_date <= ? AND r.status = 'posted'"
CREDIT = "(credit kept)"


def _days(db: Driver, start: dt.date, end: dt.date) -> tuple[Any, Any]:
    return db.value(start), db.value(end)


def revenue_by_code(db: Driver, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """(code, description, GL account, items, cents) with the credit kept last, code order."""
    days = _days(db, start, end)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, items, cents in db.all(
        "SELECT o.revenue_code, count(*), sum(a.amount_cents) FROM allocations a "
        "JOIN open_items o ON o.id = a.open_item_id JOIN receipt_lines l ON l.id = a.receipt_line_id "
        f"JOIN receipts r ON r.id = l.receipt_id WHERE {POSTED} AND a.reverses_id IS NULL "
        "GROUP BY o.revenue_code",
        days,
    ) + db.all(
        "SELECT l.revenue_code, count(*), sum(l.amount_cents) FROM receipt_lines l JOIN receipts r "
        f"ON r.id = l.receipt_id WHERE {POSTED} AND (l.kind = 'misc' OR l.account_id IS NULL) "
        "GROUP BY l.revenue_code",
        days,
    ):
        sums[str(code)][0] += int(items)
        sums[str(code)][1] += int(cents or 0)
    names = {code: (desc, gl) for code, desc, gl in db.all("SELECT code, description, gl_account FROM revenue_codes")}
    rows: list[tuple[Any, ...]] = [
        (code, names.get(code, ("", ""))[0], names.get(code, ("", ""))[1], n, cents)
        for code, (n, cents) in sorted(sums.items())
    ]
    credit = db.one(
        "SELECT count(*), coalesce(sum(l.credit_cents), 0) FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        f"WHERE {POSTED} AND l.kind <> 'misc' AND l.account_id IS NOT NULL AND l.credit_cents <> 0",
        days,
    )
    if credit and credit[0]:
        rows.append((CREDIT, "Customer credit kept on accounts", "", int(credit[0]), int(credit[1])))
    return rows


def receipts_by(db: Driver, column: str, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """(value of `column`, receipts, cents, voided) for cashier, station or channel."""
    assert column in ("cashier", "station", "channel")  # whitelisted: never text from a person
    days = _days(db, start, end)
    return db.all(
        f"SELECT r.{column}, sum(CASE WHEN r.status = 'posted' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN r.status = 'posted' THEN r.total_cents ELSE 0 END), "
        "sum(CASE WHEN r.status = 'void' THEN 1 ELSE 0 END) FROM receipts r "
        f"WHERE r.business_date >= ? AND r.business_date <= ? GROUP BY r.{column} ORDER BY r.{column}",
        days,
    )


def tenders_by_day(db: Driver, start: dt.date, end: dt.date) -> dict[tuple[str, str], tuple[int, int]]:
    """(day, kind) -> (tenders, cents); cash net of change: a day's receipts less its other tenders."""
    days = _days(db, start, end)
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for day, kind, n, cents in db.all(
        "SELECT r.business_date, t.kind, count(*), sum(t.amount_cents) FROM tenders t JOIN receipts r "
        f"ON r.id = t.receipt_id WHERE {POSTED} GROUP BY r.business_date, t.kind",
        days,
    ):
        out[(str(day)[:10], str(kind))] = (int(n), int(cents))
    for day, total in db.all(
        f"SELECT r.business_date, sum(r.total_cents) FROM receipts r WHERE {POSTED} GROUP BY r.business_date", days
    ):
        key = str(day)[:10]
        others = sum(cents for (d, kind), (_n, cents) in out.items() if d == key and kind != "cash")
        count = out.get((key, "cash"), (0, 0))[0]
        if count or int(total) != others:
            out[(key, "cash")] = (count, int(total) - others)
    return out


def over_short(db: Driver, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """(day, cashier, station, drawer, expected, counted, over/short, reason, approved by)."""
    rows = db.all(
        "SELECT c.business_date, d.cashier, d.station, d.id, c.expected, c.counted, c.over_short_cents, c.reason, "
        "c.approved_by FROM drawer_closes c JOIN drawers d ON d.id = c.drawer_id "
        "WHERE c.business_date >= ? AND c.business_date <= ? ORDER BY c.business_date, d.id",
        _days(db, start, end),
    )
    return [
        (str(day)[:10], cashier, station, drawer, _sum_json(expected), _sum_json(counted), int(cents), reason, approved)
        for day, cashier, station, drawer, expected, counted, cents, reason, approved in rows
    ]


def _sum_json(text: str) -> int:
    return sum(int(v) for v in json.loads(text or "{}").values())


def deposits(db: Driver, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """(day, closed by, receipts total, over/short, deposit, ticket, bag) of each closed day."""
    rows = db.all(
        "SELECT b.business_date, b.closed_by, (SELECT coalesce(sum(r.total_cents), 0) FROM receipts r "
        "WHERE r.business_date = b.business_date AND r.status = 'posted'), b.over_short_cents, "
        "b.deposit_total_cents, b.ticket_number, b.bag_number FROM business_days b "
        "WHERE b.status = 'closed' AND b.business_date >= ? AND b.business_date <= ? ORDER BY b.business_date",
        _days(db, start, end),
    )
    return [(str(r[0])[:10], *r[1:]) for r in rows]


def utc_bounds(db: Driver, start: dt.date, end: dt.date, zone: str) -> tuple[Any, Any]:
    """The city's days start..end as naive UTC moments, as timestamps are stored."""
    tz = ZoneInfo(zone)
    first = dt.datetime.combine(start, dt.time(), tz).astimezone(dt.UTC).replace(tzinfo=None)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz).astimezone(dt.UTC).replace(tzinfo=None)
    return db.value(first), db.value(after)


def exceptions(db: Driver, start: dt.date, end: dt.date, zone: str) -> list[tuple[Any, ...]]:
    """(day, what, reference, cents, requested by, approved by, reason): voids, NSF and overrides."""
    moments = utc_bounds(db, start, end, zone)
    approvers = dict(db.all("SELECT object, approved_by FROM approvals WHERE action = 'void'"))
    rows: list[tuple[Any, ...]] = [
        (str(day)[:10], "void", number, -int(total), cashier, approvers.get(number, voided_by), reason)
        for day, number, total, cashier, voided_by, reason in db.all(
            "SELECT r.business_date, r.number, r.total_cents, r.cashier, r.voided_by, r.void_reason FROM receipts r "
            "WHERE r.status = 'void' AND r.business_date >= ? AND r.business_date <= ?",
            _days(db, start, end),
        )
    ]
    rows += [
        (local_day(at, zone), "returned check (NSF)", number, -int(cents), by, "", reason)
        for at, number, cents, by, reason in db.all(
            "SELECT c.recorded_at, r.number, c.amount_cents, c.recorded_by, c.reason FROM returned_checks c "
            "JOIN receipts r ON r.id = c.receipt_id WHERE c.recorded_at >= ? AND c.recorded_at < ?",
            moments,
        )
    ]
    rows += [
        (local_day(at, zone), f"override: {action.replace('_', ' ')}", obj, None, requested, approved, reason)
        for at, action, obj, requested, approved, reason in db.all(
            "SELECT approved_at, action, object, requested_by, approved_by, reason FROM approvals "
            "WHERE action <> 'void' AND approved_at >= ? AND approved_at < ?",
            moments,
        )
    ]
    return sorted(rows, key=lambda r: (r[0], r[1], str(r[2])))


def local_day(at: Any, zone: str) -> str:
    moment = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    return moment.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone)).date().isoformat()


def tax_filings(db: Driver, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """(account, name, period, due, filed on, kind, total due, penalty, interest) filed in the range."""
    rows = db.all(
        "SELECT a.number, a.name, t.period, t.due_date, t.filed_on, t.kind, t.total_due_cents, t.figures "
        "FROM tax_returns t JOIN accounts a ON a.id = t.account_id WHERE t.status <> 'void' "
        "AND t.filed_on >= ? AND t.filed_on <= ? ORDER BY t.filed_on, a.number, t.period",
        _days(db, start, end),
    )
    out = []
    for number, name, period, due, filed, kind, total, figures in rows:
        amounts = json.loads(figures or "{}")
        out.append(
            (
                number,
                name,
                period,
                str(due)[:10],
                str(filed)[:10],
                kind,
                int(total),
                int(amounts.get("penalty", 0)),
                int(amounts.get("interest", 0)),
            )
        )
    return out


def open_by_start(db: Driver) -> list[tuple[str, Any, Any, int]]:
    """(account kind, bill date, due date, open cents), summed per kind and dates: aging's input."""
    return db.all(
        "SELECT a.kind, o.bill_date, o.due_date, sum(o.amount_cents - o.paid_cents) FROM open_items o "
        "JOIN accounts a ON a.id = o.account_id WHERE o.amount_cents > o.paid_cents "
        "GROUP BY a.kind, o.bill_date, o.due_date"
    )


def open_orders(db: Driver, end: dt.date, zone: str) -> list[tuple[str, str, Any, Any]]:
    """(type, status, requested at, scheduled) of each order still pending or dispatched that was
    requested by the end of the city's day `end`: the service-order backlog's input."""
    return db.all(
        "SELECT o.type, o.status, o.requested_at, o.scheduled FROM work_orders o "
        "WHERE o.status IN ('pending', 'dispatched') AND o.requested_at < ? ORDER BY o.requested_at, o.id",
        (utc_bounds(db, end, end, zone)[1],),
    )


def arrangements_by_state(db: Driver, start: dt.date, end: dt.date) -> list[tuple[str, int, int, int, int]]:
    """(state, arrangements, debt covered, scheduled, paid) of the arrangements made from `start` to
    `end` (their first day): the arrangements report's input. Scheduled and paid include the down payment."""
    return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in db.all(
        "SELECT a.state, count(*), sum(a.debt_cents), sum(s.amount), sum(s.paid) FROM arrangements a "
        "JOIN (SELECT arrangement_id, sum(amount_cents) AS amount, sum(paid_cents) AS paid "
        "FROM arrangement_installments GROUP BY arrangement_id) s ON s.arrangement_id = a.id "
        "WHERE a.starts >= ? AND a.starts <= ? GROUP BY a.state", (db.value(start), db.value(end)))]  # fmt: skip


def tables(db: Driver) -> set[str]:
    """The tables this database has (a report is offered once its data exists)."""
    if db.is_sqlite:
        return {str(r[0]) for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {str(r[0]) for r in db.all("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
