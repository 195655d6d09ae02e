"""During the shift: how much cash the drawer holds, drops to the safe, paid-outs, the X report.

The drawer's cash (DrawerRow.cash_cents) is what it should hold now: float + cash in − change
− drops − paid-outs. Past `cash.warn_limit_cents` the cashier is told to make a drop; past
`cash.block_limit_cents` cash tenders are refused until one is made (0 turns a limit off).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cashdesk.devices.slips import BLANK, RULE, SlipDoc, SlipLine, render_escpos, render_text
from cashdesk.domain.balancing import TENDER_KINDS, DrawerFigures
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.tenders import TenderKind
from cashdesk.domain.text import reason_problem
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.drawers import open_drawer_row, require_open_drawer
from cashdesk.services.printing import _add_job, _letterhead, _local
from cashdesk.store import accounts as account_store
from cashdesk.store import sealed
from cashdesk.store.models import (
    AccountRow,
    AllocationRow,
    CashDropRow,
    DrawerRow,
    HistoryRow,
    OpenItemRow,
    PaidOutRow,
    ReceiptLineRow,
    ReceiptRow,
    RevenueCodeRow,
    TenderRow,
)
from cashdesk.store.posting import driver
from cashdesk.words import translate


class ShiftRefused(ServiceError):
    pass


def drawer_object(drawer_id: int) -> str:
    """The object a supervisor's approval names for drawer work (paid-out, variance, second count)."""
    return f"drawer {drawer_id}"


# -- the cash limits ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CashPosition:
    drawer_id: int
    cash: Money  # what the drawer should hold now (DrawerRow.cash_cents)
    warn_limit: Money
    block_limit: Money
    level: str  # "ok", "warn" (make a drop soon) or "block" (cash tenders refused)
    message: str  # cashier's words, "" when ok


def _limits(ctx: ServiceContext) -> tuple[Money, Money]:
    return Money(ctx.settings.cash.warn_limit_cents), Money(ctx.settings.cash.block_limit_cents)


def position_of(ctx: ServiceContext, drawer: DrawerRow) -> CashPosition:
    warn, block = _limits(ctx)
    cash = Money(drawer.cash_cents)
    if block.cents and cash >= block:
        level = "block"
        message = translate("shift", "The drawer holds {cash}, at or over the limit of {limit}: make a cash drop to "
                            "the safe now. Cash is refused until then (checks and cards are still taken).").format(
            cash=cash.display(), limit=block.display())  # fmt: skip
    elif warn.cents and cash > warn:
        level = "warn"
        message = translate("shift", "The drawer holds {cash}, over {limit}: make a cash drop to the safe soon.")
        message = message.format(cash=cash.display(), limit=warn.display())
    else:
        level, message = "ok", ""
    return CashPosition(drawer.id, cash, warn, block, level, message)


def cash_position(ctx: ServiceContext, operator: Operator) -> CashPosition | None:
    """Where this cashier's open drawer stands against the cash limits; None without an open drawer."""
    operator.require(Permission.TAKE_PAYMENTS, translate("shift", "see the drawer's cash"))
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = open_drawer_row(uow.session, ctx.station, operator.user_id)
        return position_of(ctx, drawer) if drawer is not None else None


# -- what the payment rows say ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Totals:
    figures: DrawerFigures
    by_tender: tuple[tuple[str, int, Money], ...]
    by_revenue_code: tuple[tuple[str, str, Money], ...]
    receipts: int
    receipts_total: Money
    voids: int
    voided_total: Money


def drawer_figures(session: Session, drawer: DrawerRow) -> DrawerFigures:
    """The drawer's money recomputed from its receipts, tenders, drops and paid-outs."""
    return _totals(session, drawer, with_codes=False).figures


def _totals(session: Session, drawer: DrawerRow, *, with_codes: bool = True) -> _Totals:
    posted = (ReceiptRow.drawer_id == drawer.id, ReceiptRow.status == "posted")
    tenders = {kind: (int(n), int(total)) for kind, n, total in session.execute(
        select(TenderRow.kind, func.count(), func.coalesce(func.sum(TenderRow.amount_cents), 0))
        .join(ReceiptRow, ReceiptRow.id == TenderRow.receipt_id).where(*posted).group_by(TenderRow.kind))}  # fmt: skip
    receipts, receipts_total, change = session.execute(
        select(func.count(), func.coalesce(func.sum(ReceiptRow.total_cents), 0),
               func.coalesce(func.sum(ReceiptRow.change_cents), 0)).where(*posted)).one()  # fmt: skip
    voids, voided_total = session.execute(
        select(func.count(), func.coalesce(func.sum(ReceiptRow.total_cents), 0))
        .where(ReceiptRow.drawer_id == drawer.id, ReceiptRow.status == "void")).one()  # fmt: skip
    drops = session.scalar(select(func.coalesce(func.sum(CashDropRow.amount_cents), 0))
                           .where(CashDropRow.drawer_id == drawer.id)) or 0  # fmt: skip
    paid_outs = session.scalar(select(func.coalesce(func.sum(PaidOutRow.amount_cents), 0))
                               .where(PaidOutRow.drawer_id == drawer.id)) or 0  # fmt: skip

    def amount(kind: str) -> Money:
        return Money(tenders.get(kind, (0, 0))[1])

    figures = DrawerFigures(
        opening_float=Money(drawer.opening_float_cents), cash_received=amount("cash"), change_given=Money(int(change)),
        drops=Money(int(drops)), paid_outs=Money(int(paid_outs)), checks=amount("check"),
        money_orders=amount("money_order"), cards=amount("card"),
    )  # fmt: skip
    # Cash by tender is what stayed in the drawer (tendered − change), so the tenders add up to the receipts.
    by_tender = tuple(
        (kind, tenders.get(kind, (0, 0))[0], amount(kind) - (Money(int(change)) if kind == "cash" else Money(0)))
        for kind in TENDER_KINDS
    )
    by_code: tuple[tuple[str, str, Money], ...] = ()
    if with_codes:
        by_code = _by_revenue_code(session, drawer)
    return _Totals(figures, by_tender, by_code, int(receipts), Money(int(receipts_total)), int(voids),
                   Money(int(voided_total)))  # fmt: skip


def _by_revenue_code(session: Session, drawer: DrawerRow) -> tuple[tuple[str, str, Money], ...]:
    posted = (ReceiptRow.drawer_id == drawer.id, ReceiptRow.status == "posted")
    sums: dict[str, int] = {}
    credit = 0
    # One pass over the lines for the misc items by code and the credit kept (a big drawer has thousands).
    for code, misc, kept in session.execute(
        select(ReceiptLineRow.revenue_code,
               func.sum(case((ReceiptLineRow.kind == "misc", ReceiptLineRow.amount_cents), else_=0)),
               func.sum(ReceiptLineRow.credit_cents))
        .join(ReceiptRow, ReceiptRow.id == ReceiptLineRow.receipt_id)
        .where(*posted).group_by(ReceiptLineRow.revenue_code)
    ):  # fmt: skip
        credit += int(kept or 0)
        if misc and code is not None:
            sums[str(code)] = sums.get(str(code), 0) + int(misc)
    for code, cents in session.execute(
        select(OpenItemRow.revenue_code, func.sum(AllocationRow.amount_cents))
        .join(ReceiptLineRow, ReceiptLineRow.id == AllocationRow.receipt_line_id)
        .join(ReceiptRow, ReceiptRow.id == ReceiptLineRow.receipt_id)
        .join(OpenItemRow, OpenItemRow.id == AllocationRow.open_item_id)
        .where(*posted).group_by(OpenItemRow.revenue_code)
    ):  # fmt: skip
        sums[str(code)] = sums.get(str(code), 0) + int(cents)
    names = {row.code: row.description for row in session.scalars(select(RevenueCodeRow))}
    rows = [(code, names.get(code, ""), Money(cents)) for code, cents in sorted(sums.items()) if cents]
    if credit:
        rows.append(("CREDIT", "Credit kept on accounts", Money(int(credit))))
    return tuple(rows)


# -- the X (and Z) report ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShiftReport:
    title: str  # "X REPORT" or "Z REPORT"
    drawer_id: int
    station: str
    cashier: str
    business_date: dt.date
    opened_at_local: str
    printed_at_local: str
    opening_float: Money
    by_tender: tuple[tuple[str, int, Money], ...]  # (kind, count, amount); cash net of change
    by_revenue_code: tuple[tuple[str, str, Money], ...]  # (code, description, amount), incl. "CREDIT"
    receipts: int
    voids: int
    voided_total: Money
    change_given: Money
    drops: Money
    paid_outs: Money
    expected_cash: Money
    lines: tuple[str, ...]  # the report as printed text (for the window and the PDF)


def _width(ctx: ServiceContext) -> int:
    return ctx.settings.printer.width


def _tender_label(kind: str) -> str:
    return TenderKind(kind).label


def shift_report(session: Session, ctx: ServiceContext, drawer: DrawerRow, *, title: str, printed_at: dt.datetime,
                 closing: tuple[SlipLine, ...] = ()) -> tuple[ShiftReport, SlipDoc]:  # fmt: skip
    """The drawer's totals from its rows, as a report and as the slip that prints it.

    `printed_at` is naive UTC; `closing` adds the Z report's count and close section.
    """
    totals = _totals(session, drawer)
    f = totals.figures
    opened, printed = _local(ctx, drawer.opened_at), _local(ctx, printed_at)
    lines: list[SlipLine] = [
        SlipLine("Drawer", str(drawer.id)), SlipLine("Station", drawer.station), SlipLine("Cashier", drawer.cashier),
        SlipLine("Business date", f"{drawer.business_date:%Y-%m-%d}"), SlipLine("Opened", opened),
        SlipLine("Printed", printed), RULE,
        SlipLine("Receipts", str(totals.receipts)), SlipLine("Receipts total", totals.receipts_total.display()),
        SlipLine(f"Voided ({totals.voids})", totals.voided_total.display()), RULE,
        SlipLine("BY TENDER", bold=True),
    ]  # fmt: skip
    for kind, n, amount in totals.by_tender:
        label = "Cash (net of change)" if kind == "cash" else _tender_label(kind)
        lines.append(SlipLine(f"{label} ({n})", amount.display()))
    lines.append(SlipLine("Total", Money.total(a for _, _, a in totals.by_tender).display(), bold=True))
    lines += [RULE, SlipLine("BY REVENUE CODE", bold=True)]
    for code, description, amount in totals.by_revenue_code:
        lines.append(SlipLine(f"{code} {description}", amount.display()))
    lines.append(SlipLine("Total", Money.total(a for _, _, a in totals.by_revenue_code).display(), bold=True))
    lines += [
        RULE, SlipLine("CASH", bold=True),
        SlipLine("Opening float", f.opening_float.display()), SlipLine("Cash received", f.cash_received.display()),
        SlipLine("Change given", (-f.change_given).display()), SlipLine("Drops to the safe", (-f.drops).display()),
        SlipLine("Paid-outs", (-f.paid_outs).display()),
        SlipLine("Expected cash", f.expected_cash.display(), bold=True),
    ]  # fmt: skip
    lines += list(closing)
    doc = SlipDoc(_letterhead(ctx), title, tuple(lines))
    text = render_text(doc, width_chars=_width(ctx))
    report = ShiftReport(
        title=title, drawer_id=drawer.id, station=drawer.station, cashier=drawer.cashier,
        business_date=drawer.business_date, opened_at_local=opened, printed_at_local=printed,
        opening_float=f.opening_float, by_tender=totals.by_tender, by_revenue_code=totals.by_revenue_code,
        receipts=totals.receipts, voids=totals.voids, voided_total=totals.voided_total, change_given=f.change_given,
        drops=f.drops, paid_outs=f.paid_outs, expected_cash=f.expected_cash, lines=tuple(text.splitlines()),
    )  # fmt: skip
    return report, doc


def queue_slip(session: Session, ctx: ServiceContext, kind: str, doc: SlipDoc) -> int:
    payload = render_escpos(doc, profile=ctx.settings.printer.profile, width_chars=_width(ctx))
    return _add_job(session, ctx, kind, payload, None)


def x_report(ctx: ServiceContext, operator: Operator, *, print_it: bool = False) -> ShiftReport:
    """Mid-shift totals of this cashier's open drawer by tender and revenue code; audited, printed on request."""
    operator.require(Permission.TAKE_PAYMENTS, translate("shift", "see the drawer's totals"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        drawer = require_open_drawer(uow.session, ctx, operator)
        report, doc = shift_report(uow.session, ctx, drawer, title="X REPORT", printed_at=now.replace(tzinfo=None))
        job_ids = (queue_slip(uow.session, ctx, "x_report", doc),) if print_it else ()
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="x_report",
                     object=drawer_object(drawer.id),
                     details={"printed": print_it, "expected_cash_cents": report.expected_cash.cents,
                              "receipts": report.receipts, "print_jobs": list(job_ids)},
                     at=now)  # fmt: skip
        uow.commit()
    return report


# -- cash drops ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DropResult:
    id: int
    amount: Money
    print_job_ids: tuple[int, ...]
    position: CashPosition


def pieces_json(count: CashCount) -> str:
    return json.dumps({code: n for code, n in sorted(count.pieces.items()) if n}, separators=(",", ":"))


def _pieces_lines(count: CashCount) -> list[SlipLine]:
    return [SlipLine(f"{n} x {d.label}", amount.display()) for d, n, amount in count.lines()]


def cash_drop(ctx: ServiceContext, operator: Operator, count: CashCount) -> DropResult:
    """Take cash from this cashier's open drawer to the safe, counted by denomination.

    The drawer's cash goes down by the drop; a drop slip with a line for the witness's
    signature is queued on the printer; audited.
    """
    operator.require(Permission.TAKE_PAYMENTS, translate("shift", "make a cash drop"))
    amount = count.total
    if amount.cents <= 0:
        raise ShiftRefused(translate("shift", "Count the cash going to the safe: the drop is $0.00."))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        drawer = require_open_drawer(s, ctx, operator)
        if amount.cents > drawer.cash_cents:
            raise ShiftRefused(
                translate(
                    "shift",
                    "The drawer should hold only {cash}; a drop of {amount} is more than that. Count the drop again.",
                ).format(cash=Money(drawer.cash_cents).display(), amount=amount.display())
            )
        row = CashDropRow(drawer_id=drawer.id, station=ctx.station, cashier=operator.user_id,
                          dropped_at=now.replace(tzinfo=None), pieces=pieces_json(count),
                          amount_cents=amount.cents)  # fmt: skip
        s.add(row)
        drawer.cash_cents -= amount.cents
        s.flush()
        lines = [
            SlipLine("Drop", str(row.id)), SlipLine("Station", ctx.station), SlipLine("Cashier", operator.user_id),
            SlipLine("Drawer", str(drawer.id)), SlipLine("Date", _local(ctx, row.dropped_at)), RULE,
            *_pieces_lines(count), RULE, SlipLine("TOTAL DROPPED", amount.display(), bold=True), BLANK,
            SlipLine("Cashier", signature=True), SlipLine("Witness", signature=True),
        ]  # fmt: skip
        job = queue_slip(s, ctx, "drop_slip", SlipDoc(_letterhead(ctx), "CASH DROP", tuple(lines)))
        details: dict[str, object] = {"drop": row.id, "amount_cents": amount.cents, "count": json.loads(row.pieces),
                                      "cash_after_cents": drawer.cash_cents}  # fmt: skip
        details |= sealed.digests(driver(s), "cash_drop", drawer_object(drawer.id), details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="cash_drop",
                     object=drawer_object(drawer.id), details=details, at=now)  # fmt: skip
        position = position_of(ctx, drawer)
        uow.commit()
        return DropResult(row.id, amount, (job,), position)


# -- paid-outs ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaidOutResult:
    id: int
    amount: Money
    account: str | None
    print_job_ids: tuple[int, ...]


def _clean_text(text: str, what: str, limit: int, example: str) -> str:
    text = text.strip()
    problem = reason_problem(
        text,
        translate("shift", "Give the {what} ({example}).").format(what=what, example=example),
        what=what,
        limit=limit,
    )
    if problem:
        raise ShiftRefused(problem)
    return text


def paid_out(
    ctx: ServiceContext,
    operator: Operator,
    *,
    amount: Money,
    reason: str,
    account: str | None = None,
    payee: str = "",
    approval_id: int | None,
    revenue_code: str | None = None,
) -> PaidOutResult:
    """Pay cash out of this cashier's open drawer, with a reason and a supervisor's approval.

    With an account: a cash refund of the account's credit (an overpayment), at most the credit
    it holds; the credit goes down and the account's history says so. Without an account: a
    refund charged to a revenue code (`revenue_code`, required), paid to a named `payee`
    (required). Either way the drawer's cash goes down, a paid-out slip with a line for the
    payee's signature is queued, and the event is audited. The approval is an
    OverrideAction.PAID_OUT for the object `drawer N` (see `drawer_object`).
    """
    operator.require(Permission.TAKE_PAYMENTS, translate("shift", "pay out cash"))
    reason, payee, number, code = _paid_out_asked(amount, reason, account, payee, revenue_code)
    with ctx.db.unit_of_work(write=False) as uow:  # clear refusals before using the approval
        s = uow.session
        drawer = require_open_drawer(s, ctx, operator)
        drawer_id = drawer.id
        _check_paid_out(s, drawer, amount, number, code)
    now = ctx.now()
    from cashdesk.services.overrides import require_approval

    with require_approval(ctx, approval_id, action=OverrideAction.PAID_OUT, requested_by=operator.user_id,
                          object=drawer_object(drawer_id)) as (uow, approval):  # fmt: skip
        s = uow.session
        drawer = require_open_drawer(s, ctx, operator)
        row_account = _check_paid_out(s, drawer, amount, number, code)
        row = _pay_out(s, ctx, operator, drawer, row_account, amount, reason, payee, code, approval.approved_by, now)
        job = queue_slip(s, ctx, "paid_out_slip", _paid_out_slip(ctx, operator, row, row_account))
        details: dict[str, object] = {"paid_out": row.id, "amount_cents": amount.cents, "reason": reason,
                                      "approved_by": approval.approved_by, "approval": approval.id,
                                      "cash_after_cents": drawer.cash_cents}  # fmt: skip
        details |= ({"account": row_account.number, "credit_after_cents": row_account.credit_cents}
                    if row_account is not None else {"revenue_code": code, "payee": payee})  # fmt: skip
        s.flush()
        details |= sealed.digests(driver(s), "paid_out", drawer_object(drawer.id), details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="paid_out",
                     object=drawer_object(drawer.id), details=details, at=now)  # fmt: skip
        uow.commit()
        return PaidOutResult(row.id, amount, row_account.number if row_account else None, (job,))


def _pay_out(s: Session, ctx: ServiceContext, operator: Operator, drawer: DrawerRow, account: AccountRow | None,
             amount: Money, reason: str, payee: str, code: str | None, approved_by: str,
             now: dt.datetime) -> PaidOutRow:  # fmt: skip
    """The paid-out row, the drawer's cash down by it and, for an account, its credit down with a
    line in its history."""
    row = PaidOutRow(
        drawer_id=drawer.id, station=ctx.station, cashier=operator.user_id, paid_at=now.replace(tzinfo=None),
        business_date=drawer.business_date, account_id=account.id if account else None,
        revenue_code=code, payee=payee or (account.name if account else ""), amount_cents=amount.cents,
        reason=reason, approved_by=approved_by,
    )  # fmt: skip
    s.add(row)
    drawer.cash_cents -= amount.cents
    s.flush()
    if account is not None:
        account.credit_cents -= amount.cents
        s.add(HistoryRow(account_id=account.id, on_date=drawer.business_date, kind="refund",
                         description=f"Cash refund of credit at the counter, {ctx.station}: {reason}"[:200],
                         amount_cents=amount.cents, reference=f"paid-out {row.id}"))  # fmt: skip
    return row


def _paid_out_asked(amount: Money, reason: str, account: str | None, payee: str,
                    revenue_code: str | None) -> tuple[str, str, str | None, str | None]:  # fmt: skip
    """(reason, payee, account number, revenue code) of a paid-out as asked, refused when incomplete."""
    if not isinstance(amount, Money) or amount.cents <= 0:
        raise ShiftRefused(translate("shift", "A paid-out must be more than $0.00."))
    reason = _clean_text(
        reason,
        translate("shift", "reason for the paid-out"),
        200,
        translate("shift", "for example: refund of an overpayment"),
    )
    payee = payee.strip()
    if payee:
        payee = _clean_text(payee, translate("shift", "payee's name"), 120, translate("shift", "who receives the cash"))
    code = (revenue_code or "").strip().upper() or None
    number = account.strip() if account and account.strip() else None
    if number is None:
        if code is None:
            raise ShiftRefused(
                translate(
                    "shift",
                    "Choose the account whose credit is refunded, or the revenue code the refund is charged to.",
                )
            )
        if not payee:
            raise ShiftRefused(translate("shift", "Give the payee's name: who receives the cash."))
    elif code is not None:
        raise ShiftRefused(
            translate("shift", "A refund of an account's credit has no revenue code: choose one or the other.")
        )
    return reason, payee, number, code


def _paid_out_slip(ctx: ServiceContext, operator: Operator, row: PaidOutRow, account: AccountRow | None) -> SlipDoc:
    """The paid-out slip, with a line for the payee's signature."""
    what = (SlipLine("Account", account.number) if account
            else SlipLine("Revenue code", row.revenue_code or ""))  # fmt: skip
    lines = [
        SlipLine("Paid-out", str(row.id)), SlipLine("Station", ctx.station), SlipLine("Cashier", operator.user_id),
        SlipLine("Drawer", str(row.drawer_id)), SlipLine("Date", _local(ctx, row.paid_at)), RULE, what,
        SlipLine("Payee", row.payee), SlipLine(f"Reason: {row.reason}"), SlipLine("Approved by", row.approved_by),
        RULE, SlipLine("CASH PAID OUT", Money(row.amount_cents).display(), bold=True), BLANK,
        SlipLine("Received by (payee)", signature=True),
    ]  # fmt: skip
    return SlipDoc(_letterhead(ctx), "PAID-OUT", tuple(lines))


def _check_paid_out(session: Session, drawer: DrawerRow, amount: Money, number: str | None,
                    code: str | None) -> AccountRow | None:  # fmt: skip
    if amount.cents > drawer.cash_cents:
        raise ShiftRefused(
            translate("shift", "The drawer should hold only {cash}: it cannot pay out {amount}.").format(
                cash=Money(drawer.cash_cents).display(), amount=amount.display()
            )
        )
    if number is None:
        if session.get(RevenueCodeRow, code) is None:
            raise ShiftRefused(
                translate("shift", "There is no revenue code {code}. Choose one from the list.").format(code=code)
            )
        return None
    from cashdesk.domain.accounts import normalize_account_number

    row = account_store.find_account_row(session, normalize_account_number(number))
    if row is None:
        raise ShiftRefused(translate("shift", "No account {number}. Check the number.").format(number=number))
    if amount.cents > row.credit_cents:
        raise ShiftRefused(
            translate(
                "shift", "Account {number} holds a credit of {credit}: a refund cannot be more than that."
            ).format(number=row.number, credit=Money(row.credit_cents).display())
        )
    return row
