"""The daily deposit of a closed business day: the deposit slip, the deposit file, the GL
journal and the posting files, written atomically and registered with their hashes.

What goes to the bank is what the drawers gave up: the cash drops and each drawer's
closing deposit (counted cash less the float kept) by denomination, the checks and money
orders counted present, and the card terminals' settlements. The journal takes the money
from the receipts (voids excluded), the paid-outs and each drawer's over/short.

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
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.documents.deposit_slip import SlipHeading, deposit_slip_pdf
from cashdesk.domain.anchors import Anchor
from cashdesk.domain.cards import contains_card_number
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
from cashdesk.store.models import (
    BusinessDayRow,
    CashDropRow,
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


def _payers(s: Session, day: dt.date) -> dict[int, str]:
    """Who paid each of the day's receipts that took a check or money order (the only ones the
    slip names): the payer typed, else the name on its first account line."""
    db = driver(s)
    payers: dict[int, str] = {}
    # Driver level: a busy day has tens of thousands of receipts, and these are plain tuples.
    for rid, payer, name in db.all(
        "SELECT r.id, r.payer, a.name FROM receipts r "
        "LEFT JOIN receipt_lines l ON l.receipt_id = r.id AND r.payer = '' "
        "LEFT JOIN accounts a ON a.id = l.account_id "
        "WHERE r.business_date = ? AND EXISTS (SELECT 1 FROM tenders t WHERE t.receipt_id = r.id "
        "AND t.kind IN ('check', 'money_order')) ORDER BY r.id, l.line_no",
        (db.value(day),),
    ):  # fmt: skip
        if payer:
            payers[rid] = payer
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


def _deposit(s: Session, day: dt.date, drawers: list[DrawerRow]) -> Deposit:
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
    payers = _payers(s, day) if tenders else {}
    items: list[DepositedItem] = []
    for tender_id, kind, reference, cents, receipt_id, number, drawer_id in tenders:
        # No drawer: a mail remittance (services/mail_batches.py), deposited as posted.
        present = present_by_drawer.get(drawer_id) if drawer_id is not None else None
        if present is not None and tender_id not in present:
            continue  # missing at the count: not in the bag (the drawer's over/short says so)
        items.append(DepositedItem(kind, reference, payers.get(receipt_id, ""), Money(cents), number))
    return Deposit(day, cash=dict(cash), items=tuple(items + extras), cards=tuple(cards))


def _general_fund(ctx: ServiceContext) -> str:
    return fund_of(str(ctx.settings["gl.over_short_account"]))


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


def day_money(s: Session, ctx: ServiceContext, day: dt.date) -> DayMoney:
    """Read a business day: the deposit, the balanced journal and the posting rows."""
    codes = {c.code: c for c in s.scalars(select(RevenueCodeRow))}
    gl_of = {code: row.gl_account for code, row in codes.items()}
    label_of = {code: f"{code} {row.description}" for code, row in codes.items()}
    credit_pattern = str(ctx.settings["gl.credit_account"])
    general = _general_fund(ctx)
    drawers = list(s.scalars(select(DrawerRow).where(DrawerRow.business_date == day).order_by(DrawerRow.id)))
    deposit = _deposit(s, day, drawers)

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
        "WHERE r.business_date = ? AND r.status = 'posted' AND a.reverses_id IS NULL ORDER BY a.id", on_day):  # fmt: skip
        allocations[line_id].append((code, period, cents))
    accounts: dict[int, tuple[str, str]] = {aid: (number, kind) for aid, number, kind in db.all(
        "SELECT id, number, kind FROM accounts WHERE id IN (SELECT l.account_id FROM receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id WHERE r.business_date = ? AND r.status = 'posted')", on_day)}  # fmt: skip
    credit_lines_without_items = {
        account_id for line_id, _, _, _, account_id, _, _, credit in lines
        if credit and not allocations[line_id] and account_id is not None
    }  # fmt: skip

    paid_rows = list(s.scalars(select(PaidOutRow).where(PaidOutRow.drawer_id.in_([d.id for d in drawers]))
                               .order_by(PaidOutRow.id)))  # fmt: skip
    funds = _account_funds(s, credit_lines_without_items | {p.account_id for p in paid_rows if p.account_id},
                           gl_of, general)  # fmt: skip

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
            label = f"refunds of {row.revenue_code} {codes[row.revenue_code].description}"
        else:  # pragma: no cover - a paid-out names an account or a revenue code
            gl = account_for_fund(credit_pattern, general)
            label = "refunds"
        paid_outs.append(PaidOutEntry(gl, label, Money(row.amount_cents)))

    by_id = {d.id: d for d in drawers}
    over_short = [
        OverShortEntry(f"{by_id[c.drawer_id].station} drawer {c.drawer_id} {by_id[c.drawer_id].cashier}",
                       Money(c.over_short_cents))
        for c in s.scalars(select(DrawerCloseRow).where(DrawerCloseRow.drawer_id.in_(list(by_id))))
    ]  # fmt: skip
    journal = build_journal(
        day, revenue=revenue, paid_outs=paid_outs, over_short=over_short,
        cash_account=str(ctx.settings["gl.cash_account"]),
        over_short_account=str(ctx.settings["gl.over_short_account"]),
    )  # fmt: skip
    return DayMoney(deposit, journal, tuple(billing), tuple(sales_tax), len(receipts),
                    Money(sum(total for _, _, total in receipts)), day_anchor(s, day))  # fmt: skip


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
        bank_name=str(ctx.settings["bank.name"]), account=str(ctx.settings["bank.account"]),
        routing=str(ctx.settings["bank.routing"]),
        depositor=f"{ctx.settings['city.name']}, {ctx.settings['city.department']}",
        ticket_number=ticket_number, bag_number=bag_number,
    )  # fmt: skip
    return {
        names["deposit"]: deposit_file(money.deposit, money.anchor).data,
        names["slip"]: deposit_slip_pdf(money.deposit, heading),
        names["journal"]: journal_csv(money.journal),
        names["billing"]: billing_csv(day, money.billing),
        names["sales_tax"]: sales_tax_csv(money.sales_tax),
    }


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file in the same folder, flushed to disk, then renamed over the target:
    a reader sees the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename itself reaches the disk (POSIX)
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


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
        """Exported before with other bytes: someone should look at why."""
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

    @property
    def changed(self) -> tuple[ExportedFile, ...]:
        return tuple(f for f in self.files if f.changed)

    def describe(self) -> str:
        text = (f"Exported the deposit of {self.business_date}: {self.bank_total.display()} in the bag "
                f"({self.check_count} checks), {self.deposit_total.display()} with card settlements, "
                f"{len(self.files)} files in {self.folder}.")  # fmt: skip
        if self.changed:
            text += (" These differ from the files exported before for this day: "
                     + ", ".join(f.name for f in self.changed) + ". A supervisor should check why.")  # fmt: skip
        return text


_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")


def _check_number(text: str, what: str) -> str:
    text = text.strip()
    if text and (not _NUMBER.match(text) or contains_card_number(text)):
        raise ExportRefused(f"The {what} is up to 20 letters, digits or dashes, as printed on the bank's form.")
    return text


def export_deposit(
    ctx: ServiceContext,
    operator: Operator,
    day: dt.date,
    folder: Path,
    *,
    ticket_number: str = "",
    bag_number: str = "",
) -> ExportResult:
    """Write the five deposit files of a closed day into `folder` (docs/formats.md).

    An empty ticket or bag number keeps the one given at an earlier export of the day.
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
        ticket_number = ticket_number or business_day.ticket_number
        bag_number = bag_number or business_day.bag_number
        money = day_money(s, ctx, day)
        files = render_files(ctx, money, ticket_number=ticket_number, bag_number=bag_number)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                write_atomically(folder / name, data)
        except OSError as exc:
            raise ExportRefused(f"The deposit files could not be written to {folder}: {exc.strerror or exc}. "
                                "Choose another folder or free some space; nothing was registered.") from None
        exported: list[ExportedFile] = []
        for name, data in files.items():
            previous = s.scalars(
                select(ExportedFileRow.sha256)
                .where(ExportedFileRow.business_date == day, ExportedFileRow.name == name)
                .order_by(ExportedFileRow.id.desc()).limit(1)
            ).first()  # fmt: skip
            digest = hashlib.sha256(data).hexdigest()
            s.add(ExportedFileRow(business_date=day, name=name, sha256=digest, size=len(data),
                                  exported_at=now.replace(tzinfo=None), exported_by=operator.user_id,
                                  folder=str(folder.resolve())[:500]))  # fmt: skip
            exported.append(ExportedFile(name, folder / name, digest, len(data), previous))
        business_day.ticket_number = ticket_number
        business_day.bag_number = bag_number
        result = ExportResult(day, folder, tuple(exported), money.deposit.total, money.deposit.bank_total,
                              len(money.deposit.items_of("check")), ticket_number, bag_number)  # fmt: skip
        changed = [f.name for f in result.changed]
        audit.record(
            s, user=operator.user_id, station=ctx.station, event_type="deposit_export", object=f"business day {day}",
            # Hash prefixes only: a full hex digest can hold a digit run that looks like a card number,
            # which the trail refuses. The full hashes are in exported_files.
            details={"folder": str(folder.resolve()), "files": {f.name: f.sha256[:12] for f in exported},
                     "changed": {f.name: [str(f.previous_sha256)[:12], f.sha256[:12]] for f in result.changed},
                     "ticket": ticket_number, "bag": bag_number, "deposit_cents": money.deposit.total.cents,
                     "bag_cents": money.deposit.bank_total.cents},
            at=now,
        )  # fmt: skip
        uow.commit()
    if changed:
        log.warning("re-export of %s differs from the earlier one: %s", day, ", ".join(changed))
    return result
