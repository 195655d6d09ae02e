"""What a day was when it closed: the lookups its files print and the figures of its money rows,
kept in the day close's own transaction so that every later export of the day prints the same and
refuses rows changed since (services/deposit.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Mapping

from sqlalchemy.orm import Session

from cashdesk.services.context import ServiceContext
from cashdesk.services.day_money import ClosingLookups, DayMoney, account_funds, general_fund, revenue_codes
from cashdesk.store.models import DayCloseRecordRow
from cashdesk.store.posting import driver

#: The settings a day's files print (the bank, the depositor, the GL accounts), kept at its close.
_KEPT_SETTINGS = ("bank.", "gl.", "city.name", "city.department")


def _closing_lookups(s: Session, ctx: ServiceContext, day: dt.date, names: Mapping[int, str]) -> ClosingLookups:
    codes = revenue_codes(s, None)
    db = driver(s)
    # Every account the journal may book credit for: credit kept on a line, or refunded by a paid-out.
    credited = {a for (a,) in db.all(
        "SELECT DISTINCT l.account_id FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        "WHERE r.business_date = ? AND r.status = 'posted' AND l.credit_cents != 0 AND l.account_id IS NOT NULL "
        "UNION SELECT p.account_id FROM paid_outs p JOIN drawers d ON d.id = p.drawer_id "
        "WHERE d.business_date = ? AND p.account_id IS NOT NULL", (db.value(day), db.value(day)))}  # fmt: skip
    funds = account_funds(s, credited, {code: gl for code, (gl, _d) in codes.items()}, general_fund(ctx))
    settings = {key: value for key, value in ctx.settings.flat().items() if key.startswith(_KEPT_SETTINGS)}
    return ClosingLookups(names, funds, codes, settings)


def _digest(rows: list[list[object]]) -> str:
    """Of rows in the order day_money reads them (by row id: the same at every reading)."""
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def closing_figures(money: DayMoney) -> dict[str, object]:
    """The figures of a day's money rows that its files are made of: counts and cents a person can
    read, and a digest of each list of rows (what a count and a total would not show)."""
    deposit = money.deposit
    journal: dict[str, int] = defaultdict(int)
    for line in money.journal:
        journal[line.gl_account] += line.debit.cents - line.credit.cents
    counted = Counter(item.kind for item in deposit.items)  # items_of sorts them: counted is enough
    return {
        "receipts": [money.receipts, money.receipts_total.cents],
        "cash": {code: n for code, n in sorted(deposit.cash.items()) if n},
        "checks": [counted["check"], deposit.checks_total.cents],
        "money_orders": [counted["money_order"], deposit.money_orders_total.cents],
        "items": _digest([[i.kind, i.number, i.payer, i.amount.cents, i.receipt_number] for i in deposit.items]),
        "cards": [[c.station, c.drawer_id, c.cashier, c.amount.cents] for c in sorted(
            deposit.cards, key=lambda c: (c.station, c.drawer_id))],
        "journal": {gl: cents for gl, cents in sorted(journal.items()) if cents},
        "billing": [len(money.billing), sum(p.amount.cents for p in money.billing),
                    _digest([[p.account, p.amount.cents, p.receipt_number, p.line_no, p.tender]
                             for p in money.billing])],
        "sales_tax": [len(money.sales_tax), sum(p.amount.cents for p in money.sales_tax),
                      _digest([[p.account, p.period, p.amount.cents, p.receipt_number, p.line_no]
                               for p in money.sales_tax])],
    }  # fmt: skip


def keep_closing_record(s: Session, ctx: ServiceContext, day: dt.date, money: DayMoney) -> None:
    """In the day close's own transaction: what its files print and the figures of its rows, so
    that every export prints the same and refuses rows changed since (export_deposit). `money` is
    what the close read (`day_money` of the day as it is, no closing lookups): its payer names are kept."""
    lookups = _closing_lookups(s, ctx, day, money.payer_names)
    s.add(
        DayCloseRecordRow(
            business_date=day,
            lookups=lookups.to_json(),
            figures=json.dumps(closing_figures(money), ensure_ascii=False, separators=(",", ":")),
        )
    )
