"""The daily deposit of a closed business day: the deposit slip, the deposit file, the GL
journal and the posting files, written atomically and registered with their hashes.

What goes to the bank is what the drawers gave up: the cash drops and each drawer's
closing deposit (counted cash less the float kept) by denomination, the checks and money
orders counted present, and the card terminals' settlements. The journal takes the money
from the receipts (voids excluded), the paid-outs, each drawer's over/short and what each
drawer's float kept moved between the change fund and the bank.

Mail: the receipts of posted mail batches (channel "mail") belong to the batch's business
day and to no drawer, so no count leaves any out: every check and money order of them goes
in the bag and on the slip, and their money in the journal like a counter receipt's. A
reversed remittance's receipt is void, so it is in neither.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.documents.deposit_slip import SlipHeading, deposit_slip_pdf
from cashdesk.domain.anchors import Anchor
from cashdesk.domain.cards import contains_card_number, mask_cards
from cashdesk.domain.cash import BY_CODE
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
    billing_csv,
    build_journal,
    deposit_file,
    fund_of,
    journal_csv,
    sales_tax_csv,
    tender_label,
)
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.anchors import day_anchor
from cashdesk.services.business_day import is_closed
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.drawers import closed_floats, drawer_label
from cashdesk.services.files import sync_folder, write_atomically
from cashdesk.store.models import (
    BusinessDayRow,
    CashDropRow,
    DayCloseRecordRow,
    DrawerCloseRow,
    DrawerCountRow,
    DrawerRow,
    ExportedFileRow,
    OpenItemRow,
    PaidOutRow,
    RevenueCodeRow,
)
from cashdesk.store.posting import driver

log = logging.getLogger(__name__)


class ExportRefused(ServiceError):
    pass


# -- what a business day holds -----------------------------------------------------------------


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


def _pieces(text: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(text or "{}").items()}


def _payer_rows(s: Session, day: dt.date) -> list[tuple[int, str, str | None]]:
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


def _payers(s: Session, day: dt.date, names: Mapping[int, str] | None = None) -> dict[int, str]:
    """Who paid each of the day's receipts that took a check or money order: the payer typed, else
    the name on its first account line, as it was at the day's close when `names` has it."""
    payers: dict[int, str] = {}
    for rid, payer, name in _payer_rows(s, day):
        if payer:
            payers[rid] = payer
        elif names is not None and rid in names:
            payers[rid] = names[rid]
        elif name is not None:
            payers.setdefault(rid, name)
    return payers


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


def _deposit(s: Session, day: dt.date, drawers: list[DrawerRow], names: Mapping[int, str] | None = None) -> Deposit:
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
    payers = _payers(s, day, names) if tenders else {}
    items: list[DepositedItem] = []
    for tender_id, kind, reference, cents, receipt_id, number, drawer_id in tenders:
        # No drawer: a mail remittance (services/mail_batches.py), deposited as posted.
        present = present_by_drawer.get(drawer_id) if drawer_id is not None else None
        if present is not None and tender_id not in present:
            continue  # missing at the count: not in the bag (the drawer's over/short says so)
        items.append(DepositedItem(kind, reference, payers.get(receipt_id, ""), Money(cents), number))
    return Deposit(day, cash=dict(cash), items=tuple(items + extras), cards=tuple(cards))


def _general_fund(ctx: ServiceContext) -> str:
    return fund_of(ctx.settings.gl.over_short_account)


def _account_funds(s: Session, account_ids: set[int], gl_of: dict[str, str], fallback: str) -> dict[int, str]:
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


def day_money(s: Session, ctx: ServiceContext, day: dt.date, closing: ClosingLookups | None = None) -> DayMoney:
    """Read a business day: the deposit, the balanced journal and the posting rows.

    `closing`: the names, GL codes and settings kept at the day's close, which stand for
    today's (a closed day's files print what they printed then)."""
    if closing is not None:
        ctx = closing.applied_to(ctx)
    codes = _revenue_codes(s, closing)
    gl_of = {code: gl for code, (gl, _description) in codes.items()}
    label_of = {code: f"{code} {description}" for code, (_gl, description) in codes.items()}
    credit_pattern = ctx.settings.gl.credit_account
    general = _general_fund(ctx)
    drawers = list(s.scalars(select(DrawerRow).where(DrawerRow.business_date == day).order_by(DrawerRow.id)))
    deposit = _deposit(s, day, drawers, closing.payers if closing is not None else None)

    # Driver level: a day of 20,000 payments is read as plain tuples (no ORM rows).
    db = driver(s)
    on_day = (db.value(day),)
    receipts = db.all("SELECT id, number, total_cents FROM receipts WHERE business_date = ? AND status = 'posted'",
                      on_day)  # fmt: skip
    receipt_number = {rid: number for rid, number, _ in receipts}
    kinds: dict[int, set[str]] = defaultdict(set)
    for rid, kind in db.all("SELECT t.receipt_id, t.kind FROM tenders t JOIN receipts r ON r.id = t.receipt_id "
                            "WHERE r.business_date = ? AND r.status = 'posted'", on_day):  # fmt: skip
        kinds[rid].add(kind)

    lines = db.all(
        "SELECT l.id, l.receipt_id, l.line_no, l.kind, l.account_id, l.revenue_code, l.amount_cents, l.credit_cents "
        "FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.business_date = ? AND r.status = 'posted' "
        "ORDER BY l.id", on_day)  # fmt: skip
    allocations: dict[int, list[tuple[str, str, int]]] = defaultdict(list)  # line id -> (code, period, cents)
    for line_id, code, period, cents in db.all(
        "SELECT a.receipt_line_id, o.revenue_code, o.period, a.amount_cents FROM allocations a "
        "JOIN open_items o ON o.id = a.open_item_id JOIN receipt_lines l ON l.id = a.receipt_line_id "
        "JOIN receipts r ON r.id = l.receipt_id "
        "WHERE r.business_date = ? AND r.status = 'posted' AND a.reverses_id IS NULL ORDER BY a.id",
        on_day):  # fmt: skip
        allocations[line_id].append((code, period, cents))
    accounts: dict[int, tuple[str, str]] = {aid: (number, kind) for aid, number, kind in db.all(
        "SELECT id, number, kind FROM accounts WHERE id IN (SELECT l.account_id FROM receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id WHERE r.business_date = ? AND r.status = 'posted')",
        on_day)}  # fmt: skip
    credit_lines_without_items = {
        account_id for line_id, _, _, _, account_id, _, _, credit in lines
        if credit and not allocations[line_id] and account_id is not None
    }  # fmt: skip

    paid_rows = list(s.scalars(select(PaidOutRow).where(PaidOutRow.drawer_id.in_([d.id for d in drawers]))
                               .order_by(PaidOutRow.id)))  # fmt: skip
    funds = _account_funds(s, credit_lines_without_items | {p.account_id for p in paid_rows if p.account_id},
                           gl_of, general)  # fmt: skip
    if closing is not None:
        funds.update((a, fund) for a, fund in closing.funds.items() if a in funds)

    revenue: list[RevenueEntry] = []
    billing: list[BillingPayment] = []
    sales_tax: list[SalesTaxPayment] = []
    # Revenue summed by (GL account, label) as it is read: build_journal adds them up the same way.
    received: dict[tuple[str, str], int] = defaultdict(int)
    labels: dict[frozenset[str], str] = {}  # a receipt's tenders -> "cash+check"

    def take(gl: str, label: str, cents: int) -> None:
        if cents < 0:  # refused by build_journal, as it always was
            revenue.append(RevenueEntry(gl, label, Money(cents)))
        received[(gl, label)] += cents

    for line_id, receipt_id, line_no, kind, account_id, revenue_code, amount_cents, credit_cents in lines:
        number = receipt_number[receipt_id]
        if kind == "misc" or account_id is None:
            code = str(revenue_code)
            take(gl_of[code], label_of[code], amount_cents)
            continue
        allocated = allocations[line_id]
        for code, _period, cents in allocated:
            take(gl_of[code], label_of[code], cents)
        if credit_cents:
            fund = fund_of(gl_of[allocated[0][0]]) if allocated else funds[account_id]
            take(account_for_fund(credit_pattern, fund), "Customer credit kept on accounts", credit_cents)
        account_number, account_kind = accounts[account_id]
        if account_kind == "utility":
            tendered = frozenset(kinds[receipt_id])
            label = labels.get(tendered)
            if label is None:
                label = labels[tendered] = tender_label(tendered)
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

    paid_outs: list[PaidOutEntry] = []
    for row in paid_rows:
        if row.account_id is not None:
            gl = account_for_fund(credit_pattern, funds[row.account_id])
            label = "refunds of customer credit"
        elif row.revenue_code is not None and row.revenue_code in gl_of:
            gl = gl_of[row.revenue_code]
            label = f"refunds of {label_of[row.revenue_code]}"
        else:  # pragma: no cover - a paid-out names an account or a revenue code
            gl = account_for_fund(credit_pattern, general)
            label = "refunds"
        paid_outs.append(PaidOutEntry(gl, label, Money(row.amount_cents)))

    by_id = {d.id: d for d in drawers}
    closes = list(s.scalars(select(DrawerCloseRow).where(DrawerCloseRow.drawer_id.in_(list(by_id)))))
    over_short = [OverShortEntry(drawer_label(by_id[c.drawer_id]), Money(c.over_short_cents)) for c in closes]
    journal = build_journal(
        day, revenue=revenue, paid_outs=paid_outs, over_short=over_short,
        floats=closed_floats(by_id, closes),
        cash_account=ctx.settings.gl.cash_account,
        over_short_account=ctx.settings.gl.over_short_account,
        change_fund_account=ctx.settings.gl.change_fund_account,
    )  # fmt: skip
    return DayMoney(deposit, journal, tuple(billing), tuple(sales_tax), len(receipts),
                    Money(sum(total for _, _, total in receipts)), day_anchor(s, day))  # fmt: skip


# -- what a day was when it closed ----------------------------------------------------------------

#: The settings a day's files print (the bank, the depositor, the GL accounts), kept at its close.
_KEPT_SETTINGS = ("bank.", "gl.", "city.name", "city.department")


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


def _revenue_codes(s: Session, closing: ClosingLookups | None) -> dict[str, tuple[str, str]]:
    """Code -> (GL account, description): as kept at the close, else (a code added since, or a day
    closed before cashdesk kept them) as they are today."""
    codes = {c.code: (c.gl_account, c.description) for c in s.scalars(select(RevenueCodeRow))}
    if closing is not None:
        codes.update(closing.codes)
    return codes


def _closing_lookups(s: Session, ctx: ServiceContext, day: dt.date) -> ClosingLookups:
    codes = _revenue_codes(s, None)
    # Read backwards, so that the name kept is the first account line's, as _payers takes it.
    names = {rid: name for rid, payer, name in reversed(_payer_rows(s, day)) if not payer and name is not None}
    db = driver(s)
    # Every account the journal may book credit for: credit kept on a line, or refunded by a paid-out.
    credited = {a for (a,) in db.all(
        "SELECT DISTINCT l.account_id FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        "WHERE r.business_date = ? AND r.status = 'posted' AND l.credit_cents != 0 AND l.account_id IS NOT NULL "
        "UNION SELECT p.account_id FROM paid_outs p JOIN drawers d ON d.id = p.drawer_id "
        "WHERE d.business_date = ? AND p.account_id IS NOT NULL", (db.value(day), db.value(day)))}  # fmt: skip
    funds = _account_funds(s, credited, {code: gl for code, (gl, _d) in codes.items()}, _general_fund(ctx))
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
    return {
        "receipts": [money.receipts, money.receipts_total.cents],
        "cash": {code: n for code, n in sorted(deposit.cash.items()) if n},
        "checks": [len(deposit.items_of("check")), deposit.checks_total.cents],
        "money_orders": [len(deposit.items_of("money_order")), deposit.money_orders_total.cents],
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
    that every export prints the same and refuses rows changed since (export_deposit)."""
    lookups = _closing_lookups(s, ctx, day)
    s.add(
        DayCloseRecordRow(
            business_date=day,
            lookups=lookups.to_json(),
            figures=json.dumps(closing_figures(money), ensure_ascii=False, separators=(",", ":")),
        )
    )


# -- the files -----------------------------------------------------------------------------------


def file_names(day: dt.date) -> dict[str, str]:
    d = day.isoformat()
    return {
        "deposit": f"deposit-{d}.csv",
        "slip": f"deposit-slip-{d}.pdf",
        "journal": f"gl-journal-{d}.csv",
        "billing": f"billing-payments-{d}.csv",
        "sales_tax": f"sales-tax-payments-{d}.csv",
    }


def render_files(ctx: ServiceContext, money: DayMoney, *, ticket_number: str, bag_number: str) -> dict[str, bytes]:
    """File name -> bytes, in the order they are written. Nothing here depends on the clock."""
    day = money.deposit.business_date
    names = file_names(day)
    heading = SlipHeading(
        bank_name=ctx.settings.bank.name, account=ctx.settings.bank.account,
        routing=ctx.settings.bank.routing,
        depositor=f"{ctx.settings.city.name}, {ctx.settings.city.department}",
        ticket_number=ticket_number, bag_number=bag_number,
    )  # fmt: skip
    return {
        names["deposit"]: deposit_file(money.deposit, money.anchor).data,
        names["slip"]: deposit_slip_pdf(money.deposit, heading),
        names["journal"]: journal_csv(money.journal),
        names["billing"]: billing_csv(day, money.billing),
        names["sales_tax"]: sales_tax_csv(money.sales_tax),
    }


# -- the manifest: a day's export is complete when it is there ------------------------------------

MANIFEST_FORMAT = "cashdesk deposit manifest 1"


def manifest_name(day: dt.date) -> str:
    return f"deposit-manifest-{day.isoformat()}.json"


def manifest_bytes(day: dt.date, files: Mapping[str, bytes]) -> bytes:
    """Each file of the day's export with its size and SHA-256, in the order they are written."""
    listing = [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
               for name, data in files.items()]  # fmt: skip
    text = json.dumps({"format": MANIFEST_FORMAT, "business_date": day.isoformat(), "files": listing}, indent=2)
    return (text + "\n").encode("utf-8")


def _listed(path: Path) -> dict[str, tuple[int, str]] | None:
    """name -> (size, SHA-256) from a manifest; None when it cannot be read as one."""
    try:
        data = json.loads(path.read_bytes())
        return {str(f["name"]): (int(f["size"]), str(f["sha256"])) for f in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


# -- what differs from the close and from the registered files ----------------------------------


class ExportDiffers(ExportRefused):
    """The day's rows or files are not what was closed and registered: nothing is written (exit 1)."""


@dataclass(frozen=True, slots=True)
class Difference:
    files: tuple[str, ...]  # the files it shows in
    text: str


def _count_total(what: str, then: list[int], now: list[int]) -> str:
    return (f"{what}: {then[0]} for {Money(then[1]).display()} at the close, "
            f"{now[0]} for {Money(now[1]).display()} now")  # fmt: skip


def _net(cents: int) -> str:
    return "nothing" if not cents else f"{Money(abs(cents)).display()} {'debit' if cents > 0 else 'credit'}"


def _figure_differences(then: Mapping[str, Any], now: Mapping[str, Any], names: Mapping[str, str]) -> list[Difference]:
    """What differs between the figures kept at the close and the rows' figures now, in words.
    (A figure a later version keeps and an earlier close did not is not compared.)"""
    bank = (names["deposit"], names["slip"])
    found: list[Difference] = []

    def differs(key: str) -> bool:
        return key in then and key in now and then[key] != now[key]

    if differs("receipts"):
        found.append(Difference((), _count_total("posted receipts", then["receipts"], now["receipts"])))
    if differs("cash"):
        was, is_ = (Money(sum(BY_CODE[c].cents * n for c, n in pieces.items() if c in BY_CODE))
                    for pieces in (then["cash"], now["cash"]))  # fmt: skip
        found.append(Difference(bank, f"cash in the bag: {was.display()} at the close, {is_.display()} now"
                                if was != is_ else
                                f"cash in the bag: {is_.display()} at the close and now, but in other bills and "
                                "coins"))  # fmt: skip
    for key, what in (("checks", "checks"), ("money_orders", "money orders")):
        if differs(key):
            found.append(Difference(bank, _count_total(what, then[key], now[key])))
    if differs("items") and not differs("checks") and not differs("money_orders"):
        found.append(Difference(bank, "checks and money orders: the same count and total as at the close, but a "
                                      "number, payer or receipt is not the same"))  # fmt: skip
    if differs("cards"):
        was, is_ = (Money(sum(int(card[3]) for card in cards)) for cards in (then["cards"], now["cards"]))
        found.append(Difference(bank, f"card settlements: {was.display()} at the close, {is_.display()} now"))
    if differs("journal"):
        for gl in sorted(set(then["journal"]) | set(now["journal"])):
            before, after = then["journal"].get(gl, 0), now["journal"].get(gl, 0)
            if before != after:
                found.append(
                    Difference((names["journal"],), f"GL journal, {gl}: {_net(before)} at the close, {_net(after)} now")
                )
    for key, what, details in (("billing", "billing payments", "an account, receipt or tender"),
                               ("sales_tax", "sales-tax payments", "an account, period or receipt")):  # fmt: skip
        if differs(key):
            if then[key][:2] != now[key][:2]:
                text = _count_total(what, then[key][:2], now[key][:2])
            else:
                text = f"{what}: the same count and total as at the close, but {details} is not the same"
            found.append(Difference((names[key],), text))
    return found


_SHOWN_LINES = 12


def _line_differences(registered: bytes, now: bytes) -> list[str]:
    """The rows of a CSV file that differ, by line number (the header is line 1)."""
    import difflib

    old = registered.decode("utf-8", "replace").splitlines()
    new = now.decode("utf-8", "replace").splitlines()
    shown: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        shown += [f"line {i + 1}, registered: {old[i]}" for i in range(i1, i2)]
        shown += [f"line {j + 1}, now:        {new[j]}" for j in range(j1, j2)]
    if len(shown) > _SHOWN_LINES:
        shown = shown[:_SHOWN_LINES] + [f"… and {len(shown) - _SHOWN_LINES} more lines"]
    return shown


def _registered_copy(row: ExportedFileRow, folder: Path) -> bytes | None:
    """The registered bytes of a file, from the export folder or the folder it was registered in."""
    for place in (folder / row.name, Path(row.folder) / row.name):
        try:
            data = place.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == row.sha256:
            return data
    return None


def _file_difference(row: ExportedFileRow, data: bytes, folder: Path) -> Difference:
    head = (f"{row.name}: not the file registered {row.exported_at:%Y-%m-%d %H:%M} UTC by {row.exported_by} "
            f"(in {row.folder})")  # fmt: skip
    if not row.name.endswith(".csv"):
        return Difference((row.name,), head)
    copy = _registered_copy(row, folder)
    if copy is None:
        return Difference((row.name,), head + "; that copy is no longer there, so its rows cannot be shown")
    return Difference((row.name,), "\n      ".join([head + ":", *_line_differences(copy, data)]))


def _refusal(day: dt.date, folder: Path, differences: list[Difference], *, rows_changed: bool,
             registered: bool) -> str:  # fmt: skip
    named: list[str] = []
    for difference in differences:
        named += [name for name in difference.files if name not in named]
    if rows_changed:
        why = "its money rows are not what they were when the day was closed"
        what_to_do = ("A closed day's rows change only outside cashdesk (a correction is a reversal on an open day), "
                      "so do not send these files to the bank. Run `cashdesk audit verify` to see what was changed, "
                      "then restore the backup taken at the day's close, or ask the administrator.")  # fmt: skip
    else:
        why = "its files would not be the ones registered for the day"
        what_to_do = ("The day's money is as it was closed, but something its files print (a name, a GL code, a "
                      "setting) has changed since, or another version of cashdesk writes them otherwise. The "
                      "registered files remain the day's deposit: send those, and ask the administrator before "
                      "exporting this day again.")  # fmt: skip
    lines = [f"The deposit of {day} was not exported: {why}."]
    lines += [f"  - {d.text}" for d in differences]
    if named:
        lines.append("Files that differ: " + ", ".join(named) + ".")
    lines.append(f"Nothing was written to {folder}" + ("; the registered files were left as they are." if registered
                                                      else "."))  # fmt: skip
    lines.append(what_to_do)
    return "\n".join(lines)


# -- putting the files in the folder --------------------------------------------------------------


def _put_in_place(folder: Path, day: dt.date, files: Mapping[str, bytes], earlier: set[str]) -> bool:
    """Bring the folder to the day's files; the caller writes the manifest once they are registered.

    Returns whether an unfinished export (day files and no manifest, or temporary files) was
    found there, to be finished. A complete export (its manifest there) is changed
    only where it holds a file exported before for the day (a slip renumbered); a complete
    export whose files are not what its manifest lists, or were never exported from here,
    is refused, untouched."""
    manifest = folder / manifest_name(day)
    leftovers = [tmp for name in (*files, manifest.name) for tmp in folder.glob(f".{name}.*.tmp")]
    on_disk = {name: (folder / name).read_bytes() if (folder / name).is_file() else None for name in files}
    changes = [name for name, data in files.items() if on_disk[name] != data]
    complete = manifest.exists()
    if complete:
        listed = _listed(manifest) or {}
        problems: list[str] = []
        for name, have in on_disk.items():
            if name not in listed:
                problems.append(f"{name} is not listed in {manifest.name}")
            elif have is None:
                problems.append(f"{name} is listed in {manifest.name} but is not in the folder")
            elif (len(have), hashlib.sha256(have).hexdigest()) != listed[name]:
                problems.append(f"{name} is not the file {manifest.name} lists (changed after the export)")
            elif name in changes and listed[name][1] not in earlier:
                problems.append(f"{name} was not exported from this database for {day}")
        if problems:
            raise ExportDiffers(
                f"The deposit of {day} was not exported to {folder}: the folder holds an export of the day that "
                "is not the one cashdesk wrote and registered:\n" + "\n".join(f"  - {p}" for p in problems)
                + "\nNothing was overwritten. Keep these files for the auditor: move them to another folder, then "
                "export again."
            )  # fmt: skip
        if changes:  # no longer complete until the manifest is written again
            manifest.unlink()
            sync_folder(folder)
    for tmp in leftovers:  # a killed export's: never the files themselves
        tmp.unlink(missing_ok=True)
    for name in changes:
        write_atomically(folder / name, files[name])
    return bool(leftovers) or (not complete and any(data is not None for data in on_disk.values()))


# -- the use case --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportedFile:
    name: str
    path: Path
    sha256: str
    size: int
    previous_sha256: str | None  # the last registration of this day's file, None the first time

    @property
    def changed(self) -> bool:
        """Exported before with other bytes: only a slip given another ticket or bag number."""
        return self.previous_sha256 is not None and self.previous_sha256 != self.sha256


@dataclass(frozen=True, slots=True)
class ExportResult:
    business_date: dt.date
    folder: Path
    files: tuple[ExportedFile, ...]
    deposit_total: Money  # cash, checks, money orders and card settlements
    bank_total: Money  # the deposit ticket's total: what is in the bag
    check_count: int
    ticket_number: str
    bag_number: str
    manifest: Path | None = None  # written last: the export is complete
    finished: bool = False  # an unfinished export (a run stopped midway) was found and completed

    @property
    def changed(self) -> tuple[ExportedFile, ...]:
        return tuple(f for f in self.files if f.changed)

    def describe(self) -> str:
        text = (f"Exported the deposit of {self.business_date}: {self.bank_total.display()} in the bag "
                f"({self.check_count} checks), {self.deposit_total.display()} with card settlements, "
                f"{len(self.files)} files and their manifest in {self.folder}.")  # fmt: skip
        if self.finished:
            text += " An unfinished export of the day found there (a run stopped midway) is now complete."
        if self.changed:
            text += (" As asked, these replace the ones exported before for this day "
                     f"(ticket {self.ticket_number or '-'}"
                     f", bag {self.bag_number or '-'}): " + ", ".join(f.name for f in self.changed)
                     + ". Give the bank the new one.")  # fmt: skip
        return text


_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")


def _check_number(text: str, what: str) -> str:
    text = text.strip()
    if text and (not _NUMBER.match(text) or contains_card_number(text)):
        raise ExportRefused(f"The {what} is up to 20 letters, digits or dashes, as printed on the bank's form.")
    return text


def _registered(s: Session, day: dt.date) -> dict[str, ExportedFileRow]:
    """The last registration of each of the day's files."""
    rows = s.scalars(select(ExportedFileRow).where(ExportedFileRow.business_date == day)
                     .order_by(ExportedFileRow.id))  # fmt: skip
    return {row.name: row for row in rows}


def export_deposit(
    ctx: ServiceContext,
    operator: Operator,
    day: dt.date,
    folder: Path,
    *,
    ticket_number: str = "",
    bag_number: str = "",
) -> ExportResult:
    """Write the five deposit files of a closed day into `folder`, then its manifest (docs/formats.md).

    An empty ticket or bag number keeps the one given at an earlier export of the day. Every
    export first renders the day again, as closed, and compares it with the figures kept at the
    close and the files registered before: anything that differs refuses the export
    (ExportDiffers) and nothing is written. A run stopped midway is finished by the next one.
    """
    operator.require(Permission.CLOSE_DAY, "prepare the deposit")
    ticket_number = _check_number(ticket_number, "deposit ticket number")
    bag_number = _check_number(bag_number, "bag number")
    folder = Path(folder)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        business_day = s.get(BusinessDayRow, day)
        if business_day is None or not is_closed(s, day):
            raise ExportRefused(f"The business day {day:%Y-%m-%d} is not closed yet. Close the day first, then "
                                "export its deposit.")  # fmt: skip
        kept = (business_day.ticket_number, business_day.bag_number)
        ticket_number = ticket_number or kept[0]
        bag_number = bag_number or kept[1]
        record = s.get(DayCloseRecordRow, day)
        closing = ClosingLookups.from_json(record.lookups) if record is not None else None
        money = day_money(s, ctx, day, closing)
        printing = closing.applied_to(ctx) if closing is not None else ctx
        names = file_names(day)
        registered = _registered(s, day)
        if record is None and money.anchor is not None and names["deposit"] in registered:
            # A day exported before deposit files carried the audit anchor keeps the five-value
            # trailer it was registered with (docs/formats.md).
            plain = replace(money, anchor=None)
            if registered[names["deposit"]].sha256 == hashlib.sha256(deposit_file(plain.deposit).data).hexdigest():
                money = plain
        files = render_files(printing, money, ticket_number=ticket_number, bag_number=bag_number)
        # What was registered is compared with the day rendered as it was then: a slip given new
        # numbers is compared as it was (a rare second rendering).
        as_registered = files
        if (ticket_number, bag_number) != kept and names["slip"] in registered:
            as_registered = render_files(printing, money, ticket_number=kept[0], bag_number=kept[1])

        def refuse(message: str, differing: list[str], why: str) -> ExportDiffers:
            audit.record(s, user=operator.user_id, station=ctx.station, event_type="deposit_export",
                         object=f"business day {day}", success=False, at=now,
                         details={"folder": str(folder.resolve()), "refused": why, "differ": differing})  # fmt: skip
            uow.commit()  # the refusal stays in the trail, as often as it is asked
            log.warning("export of %s refused: %s", day, why)
            return ExportDiffers(message)

        if record is not None:
            differences = _figure_differences(json.loads(record.figures), closing_figures(money), names)
        elif business_day.deposit_total_cents != money.deposit.total.cents:  # closed before figures were kept
            differences = [Difference((names["deposit"], names["slip"]), "deposit total: "
                                      f"{Money(business_day.deposit_total_cents).display()} at the close, "
                                      f"{money.deposit.total.display()} now")]  # fmt: skip
        else:
            differences = []
        rows_changed = bool(differences)
        for name, data in as_registered.items():
            row = registered.get(name)
            if row is not None and row.sha256 != hashlib.sha256(data).hexdigest():
                differences.append(_file_difference(row, data, folder))
        if differences:
            named = sorted({n for d in differences for n in d.files})
            message = _refusal(day, folder, differences, rows_changed=rows_changed, registered=bool(registered))
            raise refuse(
                message, named, "rows changed since the close" if rows_changed else "files differ from those registered"
            )
        earlier = set(s.scalars(select(ExportedFileRow.sha256).where(ExportedFileRow.business_date == day)))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            finished = _put_in_place(folder, day, files, earlier)
        except ExportDiffers as differs:
            raise refuse(str(differs), [], "the folder holds other files for the day") from None
        except OSError as exc:
            raise ExportRefused(
                f"The deposit files could not be written to {folder}: {exc.strerror or exc}. "
                "Choose another folder or free some space; nothing was registered."
            ) from None
        exported: list[ExportedFile] = []
        for name, data in files.items():
            previous = registered.get(name)
            digest = hashlib.sha256(data).hexdigest()
            s.add(ExportedFileRow(business_date=day, name=name, sha256=digest, size=len(data),
                                  exported_at=now.replace(tzinfo=None), exported_by=operator.user_id,
                                  folder=mask_cards(str(folder.resolve()))[:500]))  # fmt: skip
            exported.append(ExportedFile(name, folder / name, digest, len(data),
                                         previous.sha256 if previous is not None else None))  # fmt: skip
        business_day.ticket_number = ticket_number
        business_day.bag_number = bag_number
        manifest = folder / manifest_name(day)
        result = ExportResult(day, folder, tuple(exported), money.deposit.total, money.deposit.bank_total,
                              len(money.deposit.items_of("check")), ticket_number, bag_number, manifest,
                              finished)  # fmt: skip
        changed = [f.name for f in result.changed]
        audit.record(
            s, user=operator.user_id, station=ctx.station, event_type="deposit_export", object=f"business day {day}",
            # Hash prefixes only: a full hex digest can hold a digit run that looks like a card number,
            # which the trail refuses. The full hashes are in exported_files.
            details={"folder": str(folder.resolve()), "files": {f.name: f.sha256[:12] for f in exported},
                     "changed": {f.name: [str(f.previous_sha256)[:12], f.sha256[:12]] for f in result.changed},
                     "ticket": ticket_number, "bag": bag_number, "deposit_cents": money.deposit.total.cents,
                     "bag_cents": money.deposit.bank_total.cents, "finished": finished},
            at=now,
        )  # fmt: skip
        uow.commit()
    # Last, once the files are registered: the manifest says the day's export is complete.
    data = manifest_bytes(day, files)
    try:
        if not manifest.is_file() or manifest.read_bytes() != data:
            write_atomically(manifest, data)
    except OSError as exc:
        raise ExportRefused(f"The deposit files of {day} were written and registered, but their manifest could not "
                            f"be written to {folder}: {exc.strerror or exc}. Until it is there the export is not "
                            "complete: export again to finish it.") from None  # fmt: skip
    if changed:
        log.warning("re-export of %s replaced, as asked: %s", day, ", ".join(changed))
    return result
