"""Taking a payment at the counter: one unit of work from the cart to the queued receipt.

Posting writes, together or not at all: the gapless receipt number, the lines, the
allocations over open items (any excess kept as an explicit credit), the tenders and
change, the account history, the print job and the drawer-kick job, and the audit event.
Printing happens afterwards, from the queue: a printer fault never loses or doubles a payment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.accounts import AccountStatus, normalize_account_number
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.tenders import Tender, TenderError, TenderKind, receipt_number, settle
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.drawers import require_open_drawer
from cashdesk.store import accounts as account_store
from cashdesk.store.models import (
    AccountRow,
    AllocationRow,
    HistoryRow,
    OpenItemRow,
    ReceiptLineRow,
    ReceiptRow,
    ReceiptSequenceRow,
    RevenueCodeRow,
    TenderRow,
)

MAX_LINES = 50


class PaymentRefused(ServiceError):
    pass


class ExcessNeedsConfirmation(PaymentRefused):
    """More than is owed on an account: the cashier must ask whether to keep it as credit."""

    def __init__(self, account: str, excess: Money) -> None:
        super().__init__(
            f"{excess.display()} is more than account {account} owes. Ask the customer whether to keep it "
            "as a credit on the account."
        )
        self.account = account
        self.excess = excess


@dataclass(frozen=True, slots=True)
class AccountPayment:
    account: str
    amount: Money
    keep_excess_as_credit: bool = False


@dataclass(frozen=True, slots=True)
class MiscItem:
    revenue_code: str
    amount: Money
    memo: str = ""


CartLine = AccountPayment | MiscItem


@dataclass(frozen=True, slots=True)
class Cart:
    lines: tuple[CartLine, ...]
    payer: str = ""

    @property
    def total(self) -> Money:
        return Money.total(line.amount for line in self.lines)


@dataclass(frozen=True, slots=True)
class PostedLine:
    kind: str  # account or misc
    reference: str  # account number or revenue code
    name: str  # account name or revenue code description
    amount: Money
    credit: Money  # kept as account credit
    balance_left: Money | None  # what the account still owes after this payment


@dataclass(frozen=True, slots=True)
class PostedReceipt:
    id: int
    number: str
    posted_at: dt.datetime  # UTC
    business_date: dt.date
    station: str
    cashier: str
    payer: str
    total: Money
    tendered: Money
    change: Money
    lines: tuple[PostedLine, ...]
    tenders: tuple[Tender, ...]
    drawer_kick: bool = False
    print_job_ids: tuple[int, ...] = field(default=())


def next_receipt_number(session: Session, station: str, year: int) -> str:
    """Gapless: the counter moves in the same transaction as the receipt that uses it."""
    row = session.get(ReceiptSequenceRow, (station, year))
    if row is None:
        row = ReceiptSequenceRow(station=station, year=year, last_number=0)
        session.add(row)
    row.last_number += 1
    session.flush()
    return receipt_number(station, year, row.last_number)


def _check_text(*texts: str) -> None:
    for text in texts:
        if contains_card_number(text):
            raise PaymentRefused("Never type a card number. Take only the brand, last four digits and approval code.")


def post_receipt(
    ctx: ServiceContext,
    operator: Operator,
    cart: Cart,
    tenders: Sequence[Tender],
    *,
    approval_id: int | None = None,
) -> PostedReceipt:
    operator.require(Permission.TAKE_PAYMENTS, "take payments")
    if not cart.lines:
        raise PaymentRefused("The receipt is empty: add an account or a misc item first.")
    if len(cart.lines) > MAX_LINES:
        raise PaymentRefused(f"A receipt holds at most {MAX_LINES} lines. Post this one and start another.")
    _check_text(cart.payer, *(line.memo for line in cart.lines if isinstance(line, MiscItem)))
    for line in cart.lines:
        if line.amount.cents <= 0:
            raise PaymentRefused("Every line must be more than $0.00.")
    try:
        settlement = settle(cart.total, tenders)
    except TenderError as exc:
        raise PaymentRefused(str(exc)) from None
    non_cash = any(t.kind is not TenderKind.CASH for t in tenders)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        drawer = require_open_drawer(s, ctx, operator)
        codes = account_store.revenue_codes(s)
        priority = priority_by(codes, ctx.settings["allocation.priorities"])
        business_date = drawer.business_date  # the drawer's business day (open: close needs every drawer closed)
        number = next_receipt_number(s, ctx.station, business_date.year)
        receipt = ReceiptRow(
            number=number, station=ctx.station, drawer_id=drawer.id, cashier=operator.user_id, channel="counter",
            business_date=business_date, posted_at=now.replace(tzinfo=None), payer=cart.payer.strip()[:120],
            total_cents=settlement.total.cents, tendered_cents=settlement.tendered.cents,
            change_cents=settlement.change.cents, status="posted", void_reason="", voided_by="", reprints=0,
        )  # fmt: skip
        s.add(receipt)
        s.flush()
        posted: list[PostedLine] = []
        approval_used = False
        for line_no, line in enumerate(cart.lines, start=1):
            if isinstance(line, MiscItem):
                code = s.get(RevenueCodeRow, line.revenue_code)
                if code is None:
                    raise PaymentRefused(f"There is no revenue code {line.revenue_code}. Choose one from the list.")
                s.add(ReceiptLineRow(receipt_id=receipt.id, line_no=line_no, kind="misc", revenue_code=code.code,
                                     memo=line.memo.strip()[:200], amount_cents=line.amount.cents, credit_cents=0))  # fmt: skip
                posted.append(PostedLine("misc", code.code, line.memo.strip() or code.description, line.amount,
                                         Money(0), None))  # fmt: skip
                continue
            number_wanted = normalize_account_number(line.account)
            account = account_store.find_account_row(s, number_wanted)
            if account is None:
                raise PaymentRefused(f"No account {line.account}. Check the number.")
            if account_store.cash_only_on(account, business_date) and non_cash:
                raise PaymentRefused(f"Account {account.number} is cash only: take cash, not a check or card.")
            if account.status == AccountStatus.CLOSED.value:
                from cashdesk.services.overrides import OverrideRefused, consume_approval, record_refusal

                try:
                    consume_approval(s, ctx, approval_id, action=OverrideAction.CLOSED_ACCOUNT,
                                     requested_by=operator.user_id, object=account.number)  # fmt: skip
                except OverrideRefused as refused:
                    uow.rollback()  # nothing of this receipt is written; only the refusal is
                    record_refusal(s, ctx, refused, approval_id=approval_id, action=OverrideAction.CLOSED_ACCOUNT,
                                   requested_by=operator.user_id, object=account.number)  # fmt: skip
                    uow.commit()
                    raise
                approval_used = True
            items = list(s.scalars(
                select(OpenItemRow).where(OpenItemRow.account_id == account.id,
                                          OpenItemRow.amount_cents > OpenItemRow.paid_cents)
            ))  # fmt: skip
            result = allocate(line.amount, [account_store.to_open_item(i) for i in items], priority)
            if result.credit.cents and not line.keep_excess_as_credit:
                raise ExcessNeedsConfirmation(account.number, result.credit)
            receipt_line = ReceiptLineRow(receipt_id=receipt.id, line_no=line_no, kind="account",
                                          account_id=account.id, memo="", amount_cents=line.amount.cents,
                                          credit_cents=result.credit.cents)  # fmt: skip
            s.add(receipt_line)
            s.flush()
            by_id = {i.id: i for i in items}
            for item_id, amount in result.lines:
                item = by_id[item_id]
                item.paid_cents += amount.cents
                s.add(AllocationRow(receipt_line_id=receipt_line.id, open_item_id=item_id, amount_cents=amount.cents))
            account.credit_cents += result.credit.cents
            s.add(HistoryRow(account_id=account.id, on_date=business_date, kind="payment",
                             description=f"Payment at the counter, {ctx.station}", amount_cents=-line.amount.cents,
                             reference=number))  # fmt: skip
            s.flush()
            owed_before = sum(i.amount_cents - i.paid_cents for i in items) + result.applied.cents
            balance_left = Money(owed_before - result.applied.cents - account.credit_cents)
            posted.append(PostedLine("account", account.number, account.name, line.amount, result.credit,
                                     balance_left))  # fmt: skip
        if approval_id is not None and not approval_used:
            raise PaymentRefused("The approval given is not for anything on this receipt.")
        for tender in tenders:
            s.add(TenderRow(receipt_id=receipt.id, kind=tender.kind.value, amount_cents=tender.amount.cents,
                            reference=tender.reference, card_brand=tender.card_brand, card_last4=tender.card_last4,
                            routing=tender.routing, bank_account=tender.bank_account))  # fmt: skip
        drawer.cash_cents += settlement.cash_tendered.cents - settlement.change.cents
        kick = settlement.cash_tendered.cents > 0 or (
            any(t.kind is TenderKind.CHECK for t in tenders) and ctx.settings["drawer.open_for_checks"]
        )
        result_receipt = PostedReceipt(
            id=receipt.id, number=number, posted_at=now, business_date=business_date, station=ctx.station,
            cashier=operator.user_id, payer=receipt.payer, total=settlement.total, tendered=settlement.tendered,
            change=settlement.change, lines=tuple(posted), tenders=tuple(tenders), drawer_kick=kick,
        )  # fmt: skip
        job_ids = _queue_print_jobs(s, ctx, result_receipt, receipt)
        audit.record(
            s, user=operator.user_id, station=ctx.station, event_type="post", object=number,
            details={"total_cents": settlement.total.cents, "change_cents": settlement.change.cents,
                     "tenders": [[t.kind.value, t.amount.cents] for t in tenders], "lines": len(posted),
                     "drawer": drawer.id, "drawer_kick": kick},
            at=now,
        )  # fmt: skip
        uow.commit()
    return PostedReceipt(**{**{f: getattr(result_receipt, f) for f in PostedReceipt.__slots__},  # type: ignore[attr-defined]
                            "print_job_ids": job_ids})  # fmt: skip


def _queue_print_jobs(session: Session, ctx: ServiceContext, posted: PostedReceipt, row: ReceiptRow) -> tuple[int, ...]:
    from cashdesk.services.printing import queue_posted

    return queue_posted(session, ctx, posted)
