"""What a business day holds for its deposit: the bank deposit, the balanced GL journal and the
posting rows for the billing and tax systems, read from the day's money rows (services/deposit.py
writes them out as files).

`ClosingLookups` are what those files print from outside the money rows (names, GL codes,
settings), as they were at the day's close (services/closing_record.py keeps them).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.anchors import Anchor
from cashdesk.domain.change_fund import DrawerFloat
from cashdesk.domain.deposit import (
    BillingPayment,
    CardSettlement,
    Deposit,
    DepositedItem,
    JournalLine,
    OverShortEntry,
    PaidOutEntry,
    RevenueEntry,
    SalesTaxPayment,
    account_for_fund,
    build_journal,
    fund_of,
    joined_deposit,
    tender_label,
)
from cashdesk.domain.money import Money
from cashdesk.services.anchors import day_anchor
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import closed_floats, drawer_label
from cashdesk.store.models import (
    CashDropRow,
    DrawerCloseRow,
    DrawerCountRow,
    DrawerRow,
    OpenItemRow,
    PaidOutRow,
    RevenueCodeRow,
)
from cashdesk.store.posting import driver


@dataclass(frozen=True, slots=True)
class DayMoney:
    """Everything the deposit files are made of, read from the database for one business day."""

    deposit: Deposit
    journal: tuple[JournalLine, ...]
    billing: tuple[BillingPayment, ...]
    sales_tax: tuple[SalesTaxPayment, ...]
    receipts: int
    receipts_total: Money
    anchor: Anchor | None = None  # the audit trail's head as the day closed, for the deposit file's trailer
    payer_names: Mapping[int, str] = field(default_factory=dict)  # as DayParts.payer_names


def _pieces(text: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(text or "{}").items()}


def payer_rows(s: Session, day: dt.date) -> list[tuple[int, str, str | None]]:
    """(receipt id, payer typed, name of an account line) of the day's receipts that took a check or
    money order (the only ones the slip names), in line order."""
    db = driver(s)
    # Driver level: a busy day has tens of thousands of receipts, and these are plain tuples.
    return db.all(
        "SELECT r.id, r.payer, a.name FROM receipts r "
        "LEFT JOIN receipt_lines l ON l.receipt_id = r.id AND r.payer = '' "
        "LEFT JOIN accounts a ON a.id = l.account_id "
        "WHERE r.business_date = ? AND EXISTS (SELECT 1 FROM tenders t WHERE t.receipt_id = r.id "
        "AND t.kind IN ('check', 'money_order')) ORDER BY r.id, l.line_no",
        (db.value(day),),
    )  # fmt: skip


def _payers(s: Session, day: dt.date, names: Mapping[int, str] | None = None) -> tuple[dict[int, str], dict[int, str]]:
    """Who paid each of the day's receipts that took a check or money order: the payer typed, else
    the name on its first account line, as it was at the day's close when `names` has it. And the
    name on the first account line of each such receipt with no payer typed, as it is now (what the
    day's close keeps: services/closing_record.py), from the same read."""
    payers: dict[int, str] = {}
    first_names: dict[int, str] = {}
    for rid, payer, name in payer_rows(s, day):
        if payer:
            payers[rid] = payer
            continue
        if name is not None:
            first_names.setdefault(rid, name)
        if names is not None and rid in names:
            payers[rid] = names[rid]
        elif name is not None:
            payers.setdefault(rid, name)
    return payers, first_names


def _counted_items(count: DrawerCountRow | None) -> tuple[set[int] | None, list[dict[str, object]]]:
    """(tender ids ticked present, extra items found) from a count's items, when it says so.

    None for the ids means the count did not record them: every recorded item is taken.
    """
    if count is None:
        return None, []
    try:
        items = json.loads(count.items or "{}")
    except ValueError:
        return None, []
    if not isinstance(items, dict) or "present" not in items:
        return None, []
    present = {int(i) for i in items.get("present") or ()}
    extra = [e for e in items.get("extra") or () if isinstance(e, dict)]
    return present, extra


def deposit_so_far(s: Session, day: dt.date) -> Deposit:
    """What the day's drops and closed drawers have put aside for the bank so far (the day-close
    dialog shows it before the close; an open drawer adds its share when it closes). Its totals
    only: the items carry no payer (a busy day has thousands of checks to name)."""
    drawers = list(s.scalars(select(DrawerRow).where(DrawerRow.business_date == day)))
    return _deposit(s, day, drawers, named=False)[0]


def _deposit(s: Session, day: dt.date, drawers: list[DrawerRow], names: Mapping[int, str] | None = None, *,
             named: bool = True) -> tuple[Deposit, dict[int, str]]:  # fmt: skip
    """The deposit, and the first account names of its receipts with no payer typed (`_payers`)."""
    ids = [d.id for d in drawers]
    cash: dict[str, int] = defaultdict(int)
    for drop in s.scalars(select(CashDropRow).where(CashDropRow.drawer_id.in_(ids)).order_by(CashDropRow.id)):
        for code, n in _pieces(drop.pieces).items():
            cash[code] += n
    closes = {c.drawer_id: c for c in s.scalars(select(DrawerCloseRow).where(DrawerCloseRow.drawer_id.in_(ids)))}
    cards: list[CardSettlement] = []
    present_by_drawer: dict[int, set[int] | None] = {}
    extras: list[DepositedItem] = []
    by_id = {d.id: d for d in drawers}
    for drawer_id, close in sorted(closes.items()):
        for code, n in _pieces(close.deposit_pieces).items():
            cash[code] += n
        drawer = by_id[drawer_id]
        cards.append(CardSettlement(drawer.station, drawer.id, drawer.cashier, Money(close.card_settlement_cents)))
        present, extra = _counted_items(s.get(DrawerCountRow, close.count_id))
        present_by_drawer[drawer_id] = present
        for e in extra:
            kind = str(e.get("kind", ""))
            if kind in ("check", "money_order"):
                amount = Money(int(str(e.get("amount_cents", 0))))
                extras.append(DepositedItem(kind, str(e.get("number", "")), "(found in the drawer, not recorded)",
                                            amount, f"drawer {drawer_id}"))  # fmt: skip
    db = driver(s)
    tenders = db.all(
        "SELECT t.id, t.kind, t.reference, t.amount_cents, r.id, r.number, r.drawer_id FROM tenders t "
        "JOIN receipts r ON r.id = t.receipt_id WHERE r.business_date = ? AND r.status = 'posted' "
        "AND t.kind IN ('check', 'money_order') ORDER BY t.id",
        (db.value(day),),
    )  # fmt: skip
    payers, first_names = _payers(s, day, names) if tenders and named else ({}, {})
    items: list[DepositedItem] = []
    for tender_id, kind, reference, cents, receipt_id, number, drawer_id in tenders:
        # No drawer: a mail remittance (services/mail_batches.py), deposited as posted.
        present = present_by_drawer.get(drawer_id) if drawer_id is not None else None
        if present is not None and tender_id not in present:
            continue  # missing at the count: not in the bag (the drawer's over/short says so)
        items.append(DepositedItem(kind, reference, payers.get(receipt_id, ""), Money(cents), number))
    return Deposit(day, cash=dict(cash), items=tuple(items + extras), cards=tuple(cards)), first_names


def general_fund(ctx: ServiceContext) -> str:
    return fund_of(ctx.settings.gl.over_short_account)


def account_funds(s: Session, account_ids: set[int], gl_of: dict[str, str], fallback: str) -> dict[int, str]:
    """The fund of each account's service: the fund of its latest open item's revenue code."""
    funds: dict[int, str] = {}
    if account_ids:
        latest = s.execute(
            select(OpenItemRow.account_id, OpenItemRow.revenue_code)
            .where(OpenItemRow.account_id.in_(account_ids))
            .order_by(OpenItemRow.account_id, OpenItemRow.due_date.desc(), OpenItemRow.id.desc())
        )
        for account_id, code in latest:
            if account_id not in funds and code in gl_of:
                funds[account_id] = fund_of(gl_of[code])
    return {a: funds.get(a, fallback) for a in account_ids}


@dataclass(frozen=True, slots=True)
class _PostedDay:
    """The day's posted receipts as plain tuples, read at driver level: a day of 80,000 payments is
    read without ORM rows, in four statements."""

    receipts: int
    receipts_total: int  # cents
    # (id, receipt number, line no, kind, account id, revenue code, amount, credit, account number,
    # account kind, receipt id)
    lines: list[tuple[Any, ...]]
    allocations: Mapping[int, list[tuple[str, str, int]]]  # line id -> (code, period, cents)
    tender_kinds: Mapping[int, str]  # receipt id -> the kinds of its tenders, joined by commas

    def credited_without_items(self) -> set[int]:
        """Accounts that kept credit on a line that paid no open item: the journal books that credit
        to the fund of the account's service."""
        return {
            line[4] for line in self.lines
            if line[7] and not self.allocations[line[0]] and line[4] is not None
        }  # fmt: skip


def _posted_day(s: Session, day: dt.date) -> _PostedDay:
    db = driver(s)
    on_day = (db.value(day),)
    counted = db.one("SELECT count(*), coalesce(sum(total_cents), 0) FROM receipts WHERE business_date = ? "
                     "AND status = 'posted'", on_day)  # fmt: skip
    assert counted is not None
    # Each line with what the files print beside it (its receipt's number, its account's number and
    # kind) in one pass over the day's lines, where four reads took half again as long at 80,000
    # payments; the receipts' tender kinds in one more (a subquery a receipt took an eighth longer).
    lines = db.all(
        "SELECT l.id, r.number, l.line_no, l.kind, l.account_id, l.revenue_code, l.amount_cents, l.credit_cents, "
        "a.number, a.kind, r.id "
        "FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id LEFT JOIN accounts a ON a.id = l.account_id "
        "WHERE r.business_date = ? AND r.status = 'posted' ORDER BY l.id", on_day)  # fmt: skip
    kinds = dict(db.all("SELECT t.receipt_id, group_concat(t.kind) FROM tenders t JOIN receipts r ON r.id = "
                        "t.receipt_id WHERE r.business_date = ? AND r.status = 'posted' GROUP BY t.receipt_id",
                        on_day))  # fmt: skip
    allocations: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for line_id, code, period, cents in db.all(
        "SELECT a.receipt_line_id, o.revenue_code, o.period, a.amount_cents FROM allocations a "
        "JOIN open_items o ON o.id = a.open_item_id JOIN receipt_lines l ON l.id = a.receipt_line_id "
        "JOIN receipts r ON r.id = l.receipt_id "
        "WHERE r.business_date = ? AND r.status = 'posted' AND a.reverses_id IS NULL ORDER BY a.id",
        on_day):  # fmt: skip
        allocations[line_id].append((code, period, cents))
    return _PostedDay(int(counted[0]), int(counted[1]), lines, allocations, kinds)


@dataclass(frozen=True, slots=True)
class _Books:
    """Where the day's money is booked: each revenue code's GL account and label, the fund of each
    account whose credit is booked, and the pattern of the customer-credit accounts."""

    gl_of: Mapping[str, str]
    label_of: Mapping[str, str]
    funds: Mapping[int, str]
    credit_pattern: str
    general: str  # the general fund


def _postings(posted: _PostedDay, books: _Books) -> tuple[list[RevenueEntry], list[BillingPayment],
                                                           list[SalesTaxPayment]]:  # fmt: skip
    """The revenue of the day's lines for the journal, and the rows of the billing and sales-tax
    posting files."""
    # Each code's (GL account, label), looked up once: a busy day has hundreds of thousands of amounts.
    booked = {code: (gl, books.label_of[code]) for code, gl in books.gl_of.items()}
    revenue: list[RevenueEntry] = []
    billing: list[BillingPayment] = []
    sales_tax: list[SalesTaxPayment] = []
    # Revenue summed by (GL account, label) as it is read: build_journal adds them up the same way.
    received: dict[tuple[str, str], int] = defaultdict(int)
    labels: dict[str, str] = {}  # a receipt's tender kinds ("check,cash") -> "cash+check"
    for (line_id, number, line_no, kind, account_id, revenue_code, amount_cents, credit_cents, account_number,
         account_kind, receipt_id) in posted.lines:  # fmt: skip
        if kind == "misc" or account_id is None:
            amounts = [(booked[str(revenue_code)], amount_cents)]
            allocated = []
        else:
            allocated = posted.allocations[line_id]
            amounts = [(booked[code], cents) for code, _period, cents in allocated]
            if credit_cents:
                fund = fund_of(books.gl_of[allocated[0][0]]) if allocated else books.funds[account_id]
                credit = (account_for_fund(books.credit_pattern, fund), "Customer credit kept on accounts")
                amounts.append((credit, credit_cents))
        for key, cents in amounts:
            if cents < 0:  # refused by build_journal, as it always was
                revenue.append(RevenueEntry(key[0], key[1], Money(cents)))
            received[key] += cents
        if kind == "misc" or account_id is None:
            continue
        if account_kind == "utility":
            tender_kinds = posted.tender_kinds.get(receipt_id, "")
            label = labels.get(tender_kinds)
            if label is None:
                label = labels[tender_kinds] = tender_label(tender_kinds.split(","))
            billing.append(BillingPayment(account_number, Money(amount_cents), number, line_no, label))
        elif account_kind == "sales_tax":
            by_period: dict[str, int] = defaultdict(int)
            for _code, period, cents in allocated:
                by_period[period] += cents
            if credit_cents:
                by_period[""] += credit_cents
            for period, cents in by_period.items():
                sales_tax.append(SalesTaxPayment(account_number, period, Money(cents), number, line_no))
    revenue.extend(RevenueEntry(gl, label, Money(cents)) for (gl, label), cents in received.items())
    return revenue, billing, sales_tax


def _paid_outs(paid_rows: list[PaidOutRow], books: _Books) -> list[PaidOutEntry]:
    paid_outs: list[PaidOutEntry] = []
    for row in paid_rows:
        if row.account_id is not None:
            gl = account_for_fund(books.credit_pattern, books.funds[row.account_id])
            label = "refunds of customer credit"
        elif row.revenue_code is not None and row.revenue_code in books.gl_of:
            gl = books.gl_of[row.revenue_code]
            label = f"refunds of {books.label_of[row.revenue_code]}"
        else:  # pragma: no cover - a paid-out names an account or a revenue code
            gl = account_for_fund(books.credit_pattern, books.general)
            label = "refunds"
        paid_outs.append(PaidOutEntry(gl, label, Money(row.amount_cents)))
    return paid_outs


def _books(s: Session, ctx: ServiceContext, closing: ClosingLookups | None, accounts: set[int]) -> _Books:
    codes = revenue_codes(s, closing)
    gl_of = {code: gl for code, (gl, _description) in codes.items()}
    general = general_fund(ctx)
    funds = account_funds(s, accounts, gl_of, general)
    if closing is not None:
        funds.update((a, fund) for a, fund in closing.funds.items() if a in funds)
    label_of = {code: f"{code} {description}" for code, (_gl, description) in codes.items()}
    return _Books(gl_of, label_of, funds, ctx.settings.gl.credit_account, general)


@dataclass(frozen=True, slots=True)
class DayParts:
    """A day's money before its journal is built: what one database's rows give. The office adds
    its windows' parts together (`joined`) and builds one journal from them (services/office_day.py)."""

    deposit: Deposit
    revenue: tuple[RevenueEntry, ...]
    paid_outs: tuple[PaidOutEntry, ...]
    over_short: tuple[OverShortEntry, ...]
    floats: tuple[DrawerFloat, ...]
    billing: tuple[BillingPayment, ...]
    sales_tax: tuple[SalesTaxPayment, ...]
    receipts: int
    receipts_total: Money
    # Receipt id -> the name on its first account line, for the deposit's receipts with no payer
    # typed (what the day's close keeps, read once with the deposit: `_payers`).
    payer_names: Mapping[int, str] = field(default_factory=dict)


def day_parts(s: Session, ctx: ServiceContext, day: dt.date, closing: ClosingLookups | None = None) -> DayParts:
    """Read a business day's money rows (`ctx` with the settings its files are printed with)."""
    drawers = list(s.scalars(select(DrawerRow).where(DrawerRow.business_date == day).order_by(DrawerRow.id)))
    deposit, payer_names = _deposit(s, day, drawers, closing.payers if closing is not None else None)
    posted = _posted_day(s, day)
    paid_rows = list(s.scalars(select(PaidOutRow).where(PaidOutRow.drawer_id.in_([d.id for d in drawers]))
                               .order_by(PaidOutRow.id)))  # fmt: skip
    books = _books(s, ctx, closing, posted.credited_without_items() | {p.account_id for p in paid_rows
                                                                       if p.account_id})  # fmt: skip
    revenue, billing, sales_tax = _postings(posted, books)
    by_id = {d.id: d for d in drawers}
    closes = list(s.scalars(select(DrawerCloseRow).where(DrawerCloseRow.drawer_id.in_(list(by_id)))))
    over_short = [OverShortEntry(drawer_label(by_id[c.drawer_id]), Money(c.over_short_cents)) for c in closes]
    return DayParts(deposit, tuple(revenue), tuple(_paid_outs(paid_rows, books)), tuple(over_short),
                    closed_floats(by_id, closes), tuple(billing), tuple(sales_tax), posted.receipts,
                    Money(posted.receipts_total), payer_names)  # fmt: skip


def joined(day: dt.date, parts: Sequence[DayParts]) -> DayParts:
    """Several databases' parts of one business day as one (the office's windows): every list
    put together, the deposit's cash added up by denomination."""
    return DayParts(
        joined_deposit(day, [p.deposit for p in parts]),
        revenue=tuple(x for p in parts for x in p.revenue),
        paid_outs=tuple(x for p in parts for x in p.paid_outs),
        over_short=tuple(x for p in parts for x in p.over_short),
        floats=tuple(x for p in parts for x in p.floats),
        billing=tuple(x for p in parts for x in p.billing),
        sales_tax=tuple(x for p in parts for x in p.sales_tax),
        receipts=sum(p.receipts for p in parts),
        receipts_total=Money.total(p.receipts_total for p in parts),
    )


def money_of(ctx: ServiceContext, day: dt.date, parts: DayParts, anchor: Anchor | None = None) -> DayMoney:
    """The day's money with its balanced journal (JournalOutOfBalance when it would not balance)."""
    journal = build_journal(
        day, revenue=parts.revenue, paid_outs=parts.paid_outs, over_short=parts.over_short, floats=parts.floats,
        cash_account=ctx.settings.gl.cash_account,
        over_short_account=ctx.settings.gl.over_short_account,
        change_fund_account=ctx.settings.gl.change_fund_account,
    )  # fmt: skip
    return DayMoney(parts.deposit, journal, parts.billing, parts.sales_tax, parts.receipts, parts.receipts_total,
                    anchor, parts.payer_names)  # fmt: skip


def day_money(s: Session, ctx: ServiceContext, day: dt.date, closing: ClosingLookups | None = None) -> DayMoney:
    """Read a business day: the deposit, the balanced journal and the posting rows.

    `closing`: the names, GL codes and settings kept at the day's close, which stand for
    today's (a closed day's files print what they printed then)."""
    if closing is not None:
        ctx = closing.applied_to(ctx)
    return money_of(ctx, day, day_parts(s, ctx, day, closing), day_anchor(s, day))


@dataclass(frozen=True, slots=True)
class ClosingLookups:
    """What a day's files print that lives outside its money rows, as it was at the close: the
    account name that stands for the payer on a receipt with none typed (an import may rename
    the account later), the fund of each account whose credit the journal books, each revenue
    code's GL account and description, and the settings the files print."""

    payers: Mapping[int, str]  # receipt id -> name of its first account (no payer typed)
    funds: Mapping[int, str]  # account id -> fund
    codes: Mapping[str, tuple[str, str]]  # revenue code -> (GL account, description)
    settings: Mapping[str, object]

    def applied_to(self, ctx: ServiceContext) -> ServiceContext:
        """The context with the kept settings over today's (keys this version still knows)."""
        today = ctx.settings.flat()
        kept = {key: value for key, value in self.settings.items()
                if key in today and type(value) is type(today[key])}  # fmt: skip
        return replace(ctx, settings=ctx.settings.with_values(**{k.replace(".", "__"): v for k, v in kept.items()}))

    def to_json(self) -> str:
        return json.dumps({"payers": {str(k): v for k, v in sorted(self.payers.items())},
                           "funds": {str(k): v for k, v in sorted(self.funds.items())},
                           "codes": {k: list(v) for k, v in sorted(self.codes.items())},
                           "settings": dict(sorted(self.settings.items()))},
                          ensure_ascii=False, separators=(",", ":"))  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> ClosingLookups:
        data = json.loads(text)
        return cls({int(k): str(v) for k, v in data.get("payers", {}).items()},
                   {int(k): str(v) for k, v in data.get("funds", {}).items()},
                   {str(k): (str(v[0]), str(v[1])) for k, v in data.get("codes", {}).items()},
                   dict(data.get("settings", {})))  # fmt: skip


def revenue_codes(s: Session, closing: ClosingLookups | None) -> dict[str, tuple[str, str]]:
    """Code -> (GL account, description): as kept at the close, else (a code added since, or a day
    closed before cashdesk kept them) as they are today."""
    codes = {c.code: (c.gl_account, c.description) for c in s.scalars(select(RevenueCodeRow))}
    if closing is not None:
        codes.update(closing.codes)
    return codes
