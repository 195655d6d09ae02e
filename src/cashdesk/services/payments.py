"""Taking a payment at the counter: one unit of work from the cart to the queued receipt.

Posting writes, together or not at all: the gapless receipt number, the lines, the
allocations over open items (any excess kept as an explicit credit), the tenders and
change, the account history, the print job and the drawer-kick job, and the audit event.
Printing happens afterwards, from the queue: a printer fault never loses or doubles a payment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cashdesk.domain import row_digests
from cashdesk.domain.accounts import AccountStatus, normalize_account_number
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, LANGUAGES
from cashdesk.domain.receipts import MAX_LINES, MAX_PAYER, line_memo, tax_breakdown
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.service_orders import deposit_paid
from cashdesk.domain.tenders import Settlement, Tender, TenderError, TenderKind, receipt_number, settle
from cashdesk.domain.text import text_problem
from cashdesk.services import arrangement_hooks, audit, order_hooks
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.drawers import NO_OPEN_DRAWER, NoOpenDrawer
from cashdesk.services.posted import PostedLine, PostedReceipt
from cashdesk.services.receipt_jobs import queue_posted
from cashdesk.store import drawers as drawer_rows
from cashdesk.store import posting as rows
from cashdesk.store import sealed
from cashdesk.store.db import UnitOfWork
from cashdesk.words import translate


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
    # The language the receipt prints in, chosen at the counter for this receipt (Ctrl+Shift+L);
    # None: the first account's own (accounts.language), English for misc items alone.
    language: str | None = None

    @property
    def total(self) -> Money:
        return Money.total(line.amount for line in self.lines)


MAX_MEMO = 200


def _check_text(*texts: str) -> None:
    for text in texts:
        if contains_card_number(text):
            raise PaymentRefused(
                translate(
                    "payments", "Never type a card number. Take only the brand, last four digits and approval code."
                )
            )


def _check_field(text: str, what: str, limit: int) -> None:
    problem = text_problem(text.strip(), what)
    if problem:
        raise PaymentRefused(problem)
    if len(text.strip()) > limit:
        raise PaymentRefused(
            translate("payments", "Keep the {what} under {limit} characters.").format(what=what, limit=limit)
        )


def post_receipt(
    ctx: ServiceContext,
    operator: Operator,
    cart: Cart,
    tenders: Sequence[Tender],
    *,
    approval_id: int | None = None,
) -> PostedReceipt:
    operator.require(Permission.TAKE_PAYMENTS, translate("payments", "take payments"))
    if not cart.lines:
        raise PaymentRefused(translate("payments", "The receipt is empty: add an account or a misc item first."))
    if len(cart.lines) > MAX_LINES:
        raise PaymentRefused(
            translate("payments", "A receipt holds at most {MAX_LINES} lines. Post this one and start another.").format(
                MAX_LINES=MAX_LINES
            )
        )
    _check_text(cart.payer, *(line.memo for line in cart.lines if isinstance(line, MiscItem)))
    _check_field(cart.payer, translate("payments", "payer's name"), MAX_PAYER)
    for line in cart.lines:
        if isinstance(line, MiscItem):
            _check_field(line.memo, translate("payments", "memo"), MAX_MEMO)
    for line in cart.lines:
        if line.amount.cents <= 0:
            raise PaymentRefused(translate("payments", "Every line must be more than $0.00."))
    if cart.language is not None and cart.language not in LANGUAGES:
        raise PaymentRefused(
            translate("payments", '"{language}" is not a language a receipt prints in ({languages}).').format(
                language=cart.language, languages=", ".join(LANGUAGES)
            )
        )
    try:
        settlement = settle(cart.total, tenders)
    except TenderError as exc:
        raise PaymentRefused(str(exc)) from None
    now = ctx.now()
    # One unit of work on the station's kept connection: the rows at driver level (the hottest write
    # at the window); an ORM session joins the same transaction only when a closed account's approval
    # is to be used or refused.
    with ctx.db.unit_of_work(kept=True) as uow:
        posted = _write(ctx, operator, cart, tenders, settlement, now, uow, approval_id)
        uow.commit()
    return posted


@dataclass(frozen=True, slots=True)
class _Receipt:
    """The receipt being written, as its lines need it."""

    uow: UnitOfWork
    ctx: ServiceContext
    operator: Operator
    id: int
    number: str
    business_date: dt.date
    non_cash: bool
    approval_id: int | None
    written: dict[str, list[tuple[object, ...]]]  # the rows, for the audit event's digests
    # The first account's row, read before the receipt's (for its language) and used by its line:
    # the same one read per account line, not a statement more.
    read_first: dict[str, rows.PayingAccount | None]


def _write(ctx: ServiceContext, operator: Operator, cart: Cart, tenders: Sequence[Tender], settlement: Settlement,
           now: dt.datetime, uow: UnitOfWork, approval_id: int | None) -> PostedReceipt:  # fmt: skip
    """Every row of the receipt, in the caller's transaction; the caller commits."""
    db = uow.rows
    station = ctx.station
    drawer = drawer_rows.open_drawer_of(db, station, operator.user_id)
    if drawer is None:
        raise NoOpenDrawer(translate("drawers", NO_OPEN_DRAWER))
    business_date = drawer.business_date  # the drawer's business day (open: close needs every drawer closed)
    cash_in = settlement.cash_tendered.cents - settlement.change.cents
    if cash_in > 0:
        refusal = cash_limit_refusal(ctx, drawer.cash_cents, cash_in)
        if refusal:
            raise PaymentRefused(refusal)
    number = receipt_number(station, business_date.year, rows.next_receipt_number(db, station, business_date.year))
    payer = cart.payer.strip()
    read_first, language = _language(db, cart)
    # The receipt's row as written, which its audit event's digests cover (from the values, not read back).
    receipt = sealed.receipt_values(
        number=number, station=station, drawer_id=drawer.id, cashier=operator.user_id, channel="counter",
        business_date=business_date, posted_at=now.replace(tzinfo=None), payer=payer, total=settlement.total.cents,
        tendered=settlement.tendered.cents, change=settlement.change.cents)  # fmt: skip
    receipt_id = rows.insert_receipt_row(db, receipt, language)
    written: dict[str, list[tuple[object, ...]]] = {"receipt": [receipt], "lines": [], "tenders": [], "allocations": []}
    non_cash = any(t.kind is not TenderKind.CASH for t in tenders)
    at = _Receipt(uow, ctx, operator, receipt_id, number, business_date, non_cash, approval_id, written, read_first)
    posted = _lines(at, cart.lines)
    written["tenders"] = [sealed.tender_values(t.kind.value, t.amount.cents, t.reference, t.card_brand,
                                               t.card_last4, t.routing, t.bank_account) for t in tenders]  # fmt: skip
    rows.insert_tenders(db, receipt_id, written["tenders"])
    drawer_rows.move_drawer_cash(db, drawer.id, cash_in)
    kick = settlement.cash_tendered.cents > 0 or (
        any(t.kind is TenderKind.CHECK for t in tenders) and ctx.settings.drawer.open_for_checks
    )
    result = PostedReceipt(
        id=receipt_id, number=number, posted_at=now, business_date=business_date, station=station,
        cashier=operator.user_id, payer=payer, total=settlement.total, tendered=settlement.tendered,
        change=settlement.change, lines=tuple(posted), tenders=tuple(tenders), drawer_kick=kick, language=language,
    )  # fmt: skip
    job_ids = queue_posted(db, ctx, result)
    audit.record_on(
        db, user=operator.user_id, station=station, event_type="post", object=number,
        details={"total_cents": settlement.total.cents, "change_cents": settlement.change.cents,
                 "tenders": [[t.kind.value, t.amount.cents] for t in tenders], "lines": len(posted),
                 "drawer": drawer.id, "drawer_kick": kick, row_digests.DIGESTS: row_digests.digests(written)},
        at=now,
    )  # fmt: skip
    return dataclasses.replace(result, print_job_ids=job_ids)


def _language(db: rows.Driver, cart: Cart) -> tuple[dict[str, rows.PayingAccount | None], str]:
    """The receipt's language: the counter's choice for this receipt, else the first account's. The
    first account is read here, before the receipt's row, and its line uses this read (`read_first`)."""
    first = next((line for line in cart.lines if isinstance(line, AccountPayment)), None)
    if first is None:
        return {}, cart.language or ENGLISH
    number = normalize_account_number(first.account)
    account = rows.paying_account(db, number)
    return {number: account}, cart.language or (account.language if account is not None else ENGLISH)


def _lines(at: _Receipt, lines: Sequence[CartLine]) -> list[PostedLine]:
    """The receipt's lines in order; an approval given must have been used by one of them."""
    posted: list[PostedLine] = []
    approval_used = False
    for line_no, line in enumerate(lines, start=1):
        if isinstance(line, MiscItem):
            posted.append(_misc_line(at, line_no, line))
            continue
        posted_line, closed = _account_line(at, line_no, line)
        posted.append(posted_line)
        approval_used = approval_used or closed
    if at.approval_id is not None and not approval_used:
        raise PaymentRefused(translate("payments", "The approval given is not for anything on this receipt."))
    return posted


def _misc_line(at: _Receipt, line_no: int, line: MiscItem) -> PostedLine:
    db = at.uow.rows
    code = rows.revenue_code(db, line.revenue_code)
    if code is None:
        raise PaymentRefused(
            translate("payments", "There is no revenue code {revenue_code}. Choose one from the list.").format(
                revenue_code=line.revenue_code
            )
        )
    memo = line.memo.strip()
    rows.insert_misc_line(db, at.id, line_no, code.code, memo, line.amount.cents)
    at.written["lines"].append(sealed.line_values(line_no, "misc", None, code.code, memo, line.amount.cents, 0))
    return PostedLine("misc", code.code, memo or code.description, line.amount, Money(0), None)


def _account_line(at: _Receipt, line_no: int, line: AccountPayment) -> tuple[PostedLine, bool]:
    """The line, its allocations over the account's open items, any credit, the history; and
    whether a closed account's approval was used for it."""
    db = at.uow.rows
    number = normalize_account_number(line.account)
    # The first account was read with the receipt's language; a second line of it reads it again (its credit moved).
    account = at.read_first.pop(number) if number in at.read_first else rows.paying_account(db, number)
    if account is None:
        raise PaymentRefused(
            translate("payments", "No account {account}. Check the number.").format(account=line.account)
        )
    if at.non_cash and account.cash_only_on(at.business_date):
        raise PaymentRefused(
            translate("payments", "Account {number} is cash only: take cash, not a check or card.").format(
                number=account.number
            )
        )
    closed = account.status == AccountStatus.CLOSED.value
    if closed:
        _consume_closed_account_approval(at.uow, at.ctx, at.operator, account.number, at.approval_id)
    items, codes = rows.open_items_and_codes(db, account.id)
    items, notes = order_hooks.on_payment(db, at.ctx, at.operator.user_id, account, items, codes, line.amount,
                                          at.number, at.business_date)  # fmt: skip
    priority = priority_by(codes, at.ctx.settings.allocation.priorities)
    # An account without an arrangement: not a statement more.
    on_plan = account.on_arrangement and arrangement_hooks.on_payment(
        db, at.ctx, at.operator.user_id, account, items, priority, line.amount, at.number, at.business_date,
        receipt_id=at.id,
    )  # fmt: skip
    if on_plan:
        result, more = on_plan
        notes = (*notes, *more)
    else:
        result = allocate(line.amount, items, priority)
    if result.credit.cents and not line.keep_excess_as_credit:
        raise ExcessNeedsConfirmation(account.number, result.credit)
    memo = line_memo(notes)
    line_id = rows.insert_account_line(db, at.id, line_no, account.id, line.amount.cents, result.credit.cents, memo)
    rows.apply_allocations(db, line_id, result.lines)
    at.written["lines"].append(sealed.line_values(line_no, "account", account.id, None, memo, line.amount.cents,
                                                  result.credit.cents))  # fmt: skip
    at.written["allocations"] += [sealed.allocation_values(line_no, item_id, amount.cents)
                                  for item_id, amount in result.lines]  # fmt: skip
    if result.credit.cents:
        rows.add_credit(db, account.id, result.credit.cents)
    by_id = {item.id: item for item in items}
    deposit = deposit_paid(((by_id[i].revenue_code, a.cents) for i, a in result.lines), codes)
    if deposit:
        rows.add_deposit_held(db, account.id, deposit)
    rows.add_history(db, account.id, at.business_date, "payment", f"Payment at the counter, {at.ctx.station}",
                     -line.amount.cents, at.number)  # fmt: skip
    owed_before = sum(i.open_amount.cents for i in items)
    balance_left = Money(owed_before - result.applied.cents - (account.credit_cents + result.credit.cents))
    parts: tuple[tuple[str, Money], ...] = ()
    if account.kind == "sales_tax":  # the receipt says what was paid: period, tax, penalty, interest
        parts = tax_breakdown((by_id[item_id].period, by_id[item_id].revenue_code, by_id[item_id].description, amount)
                              for item_id, amount in result.lines)  # fmt: skip
    posted = PostedLine("account", account.number, account.name, line.amount, result.credit, balance_left, parts, notes)
    return posted, closed


def _consume_closed_account_approval(uow: UnitOfWork, ctx: ServiceContext, operator: Operator, account: str,
                                     approval_id: int | None) -> None:  # fmt: skip
    """A payment on a closed account needs a supervisor; a refusal is recorded and nothing else is."""
    from cashdesk.services.overrides import OverrideRefused, consume_approval, record_refusal

    try:
        consume_approval(uow.session, ctx, approval_id, action=OverrideAction.CLOSED_ACCOUNT,
                         requested_by=operator.user_id, object=account)  # fmt: skip
    except OverrideRefused as refused:
        uow.rollback()  # nothing of this receipt is written; only the refusal is
        record_refusal(uow.session, ctx, refused, approval_id=approval_id, action=OverrideAction.CLOSED_ACCOUNT,
                       requested_by=operator.user_id, object=account)  # fmt: skip
        uow.commit()
        raise


def cash_limit_refusal(ctx: ServiceContext, drawer_cash_cents: int, cash_in_cents: int) -> str:
    """Why this cash cannot go in the drawer (past the block limit until a drop is made), or ""."""
    block = ctx.settings.cash.block_limit_cents
    if block and cash_in_cents > 0 and drawer_cash_cents + cash_in_cents > block:
        return translate(
            "payments",
            "The drawer would hold {would_hold}, more than the {limit} limit. Make a cash "
            "drop to the safe first (Ctrl+Shift+C), or take a check or card.",
        ).format(would_hold=Money(drawer_cash_cents + cash_in_cents).display(), limit=Money(block).display())
    return ""
