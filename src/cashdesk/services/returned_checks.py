"""A check the bank returned unpaid (NSF): recorded by a supervisor against its receipt.

The check's amount comes off the accounts it paid (the latest allocations first, then any
credit it left), the NSF fee becomes a new open item, and the account takes only cash
for the configured period; what it paid on a payment arrangement comes off the installments.
Nothing is deleted: negative allocations point at what they reverse, and the account history
and the audit trail say what happened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import deposit_paid
from cashdesk.domain.text import text_problem
from cashdesk.services import arrangement_hooks, audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import sealed
from cashdesk.store.models import (
    AccountRow,
    AllocationRow,
    HistoryRow,
    OpenItemRow,
    ReceiptLineRow,
    ReceiptRow,
    ReturnedCheckRow,
    TenderRow,
)
from cashdesk.store.posting import driver, revenue_codes
from cashdesk.words import translate


class ReturnedCheckRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class ReturnedCheck:
    receipt: str
    check_number: str
    account: str
    amount: Money
    fee: Money
    cash_only_until: dt.date | None


def _reason(text: str) -> str:
    reason = text.strip() or "Returned NSF"
    if contains_card_number(reason):
        raise ReturnedCheckRefused(translate("returned_checks", "Never type a card number. Give the reason in words."))
    problem = text_problem(reason, translate("returned_checks", "reason"))
    if problem:
        raise ReturnedCheckRefused(problem)
    return reason


def _returned_check(s: Session, receipt_number: str, check_number: str) -> tuple[ReceiptRow, TenderRow]:
    """The receipt and its check tender, refused when there is none or it is already returned."""
    receipt = s.scalars(select(ReceiptRow).where(ReceiptRow.number == receipt_number.strip().upper())).one_or_none()
    if receipt is None:
        raise ReturnedCheckRefused(
            translate("returned_checks", "There is no receipt {receipt_number}.").format(
                receipt_number=receipt_number.strip()
            )
        )
    if receipt.status == "void":
        raise ReturnedCheckRefused(
            translate("returned_checks", "Receipt {number} is void: there is no payment to reverse.").format(
                number=receipt.number
            )
        )
    tender = None
    for reference in (check_number.strip().lstrip("0"), check_number.strip()):
        tender = s.scalars(select(TenderRow).where(
            TenderRow.receipt_id == receipt.id, TenderRow.kind == "check",
            TenderRow.reference == reference)).first()  # fmt: skip
        if tender is not None:
            break
    if tender is None:
        raise ReturnedCheckRefused(
            translate("returned_checks", "Receipt {number} has no check #{check_number}.").format(
                number=receipt.number, check_number=check_number.strip()
            )
        )
    if s.scalars(select(ReturnedCheckRow).where(ReturnedCheckRow.tender_id == tender.id)).first():
        raise ReturnedCheckRefused(
            translate("returned_checks", "Check #{reference} on {number} is already recorded as returned.").format(
                reference=tender.reference, number=receipt.number
            )
        )
    return receipt, tender


def _take_back(s: Session, line: ReceiptLineRow, left: int, reversals: list[AllocationRow]) -> int:
    """Take up to `left` of what one account line paid back, latest first: the credit it left,
    then its allocations in reverse. Returns what is still to take back."""
    account = s.get(AccountRow, line.account_id)
    assert account is not None
    codes = revenue_codes(driver(s))
    take = min(left, line.credit_cents, account.credit_cents)
    account.credit_cents -= take
    left -= take
    allocations = list(s.scalars(select(AllocationRow).where(
        AllocationRow.receipt_line_id == line.id, AllocationRow.reverses_id.is_(None)
    ).order_by(AllocationRow.id.desc())))  # fmt: skip
    for allocation in allocations:
        if left == 0:
            break
        already = -sum(s.scalars(select(AllocationRow.amount_cents).where(
            AllocationRow.reverses_id == allocation.id)))  # fmt: skip
        amount = min(left, allocation.amount_cents - already)
        if amount <= 0:
            continue
        item = s.get(OpenItemRow, allocation.open_item_id)
        assert item is not None
        item.paid_cents -= amount
        held = deposit_paid([(item.revenue_code, amount)], codes)
        account.deposit_held_cents = max(0, account.deposit_held_cents - held)
        reversal = AllocationRow(receipt_line_id=line.id, open_item_id=item.id, amount_cents=-amount,
                                 reverses_id=allocation.id)  # fmt: skip
        s.add(reversal)
        reversals.append(reversal)
        left -= amount
    return left


def _reverse_payment(s: Session, receipt: ReceiptRow, tender: TenderRow,
                     lines: list[ReceiptLineRow]) -> list[AllocationRow]:  # fmt: skip
    """What the check paid comes off the accounts, the last line first; refused when part of it
    paid misc items."""
    left = tender.amount_cents
    reversals: list[AllocationRow] = []
    for line in reversed(lines):
        left = _take_back(s, line, left, reversals)
        if left == 0:
            break
    if left:
        raise ReturnedCheckRefused(
            translate(
                "returned_checks",
                "Only {amount} of check #{reference} can be taken back from the accounts it paid; "
                "the rest paid misc items. Record the rest with the department.",
            ).format(amount=Money(tender.amount_cents - left).display(), reference=tender.reference)
        )
    return reversals


def _take_off_arrangements(s: Session, ctx: ServiceContext, user: str, receipt: ReceiptRow,
                           reversals: list[AllocationRow]) -> None:  # fmt: skip
    """What the check paid on a payment arrangement comes off its installments, as far as the check's
    amount was taken off the items the arrangement covers (services/arrangement_hooks.py)."""
    undone: list[arrangement_hooks.Reversed] = []
    for row in reversals:
        item = s.get(OpenItemRow, row.open_item_id)
        assert item is not None
        undone.append((item.account_id, item.id, item.due_date, -row.amount_cents))
    arrangement_hooks.on_reversal(driver(s), ctx, user, receipt.id, receipt.number, undone)


def _charge_accounts(s: Session, ctx: ServiceContext, receipt: ReceiptRow, tender: TenderRow,
                     lines: list[ReceiptLineRow], first: AccountRow) -> tuple[OpenItemRow, dt.date | None]:  # fmt: skip
    """The NSF fee on the first account, cash only for the accounts the check paid, and their history."""
    today = ctx.today()
    fee = ctx.settings.nsf.fee_cents
    fee_item = OpenItemRow(account_id=first.id, revenue_code="NSF",
                           description=f"Returned check #{tender.reference}", period="", bill_date=today,
                           due_date=today, amount_cents=fee, paid_cents=0)  # fmt: skip
    s.add(fee_item)
    s.flush()
    days = ctx.settings.nsf.cash_only_days
    until = today + dt.timedelta(days=days) if days else None
    for account_id in {line.account_id for line in lines}:
        account = s.get(AccountRow, account_id)
        assert account is not None
        if until and (account.cash_only_until is None or account.cash_only_until < until):
            account.cash_only_until = until
        s.add(HistoryRow(account_id=account_id, on_date=today, kind="adjustment",
                         description=f"Returned check #{tender.reference} on {receipt.number}",
                         amount_cents=sum(li.amount_cents for li in lines if li.account_id == account_id),
                         reference=receipt.number))  # fmt: skip
    s.add(HistoryRow(account_id=first.id, on_date=today, kind="bill", description="Returned check (NSF) fee",
                     amount_cents=fee, reference=receipt.number))  # fmt: skip
    return fee_item, until


def record_returned_check(
    ctx: ServiceContext, supervisor: Operator, receipt_number: str, check_number: str, reason: str = "Returned NSF"
) -> ReturnedCheck:
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("returned_checks", "record a returned check"))
    reason = _reason(reason)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        receipt, tender = _returned_check(s, receipt_number, check_number)
        lines = list(s.scalars(select(ReceiptLineRow).where(
            ReceiptLineRow.receipt_id == receipt.id, ReceiptLineRow.kind == "account"
        ).order_by(ReceiptLineRow.line_no)))  # fmt: skip
        if not lines:
            raise ReturnedCheckRefused(
                translate(
                    "returned_checks",
                    "Receipt {number} paid no account, so there is no account to charge the returned check "
                    "to. Record it with the department that issued the permit or fee.",
                ).format(number=receipt.number)
            )
        reversals = _reverse_payment(s, receipt, tender, lines)
        _take_off_arrangements(s, ctx, supervisor.user_id, receipt, reversals)
        first = s.get(AccountRow, lines[0].account_id)
        assert first is not None
        fee_item, until = _charge_accounts(s, ctx, receipt, tender, lines, first)
        fee = Money(fee_item.amount_cents)
        returned = ReturnedCheckRow(receipt_id=receipt.id, tender_id=tender.id, account_id=first.id,
                                    amount_cents=tender.amount_cents, fee_item_id=fee_item.id, reason=reason[:200],
                                    recorded_by=supervisor.user_id, recorded_at=now.replace(tzinfo=None))  # fmt: skip
        s.add(returned)
        s.flush()
        details: dict[str, object] = {
            "check": tender.reference, "amount_cents": tender.amount_cents, "fee_cents": fee.cents,
            "account": first.number, "reason": reason[:200], "cash_only_until": until.isoformat() if until else None,
            "returned_check": returned.id, "allocations": [row.id for row in reversals],
        }  # fmt: skip
        details |= sealed.digests(driver(s), "returned_check", receipt.number, details)
        audit.record(s, user=supervisor.user_id, station=ctx.station, event_type="returned_check",
                     object=receipt.number, details=details, at=now)  # fmt: skip
        uow.commit()
        return ReturnedCheck(receipt.number, tender.reference, first.number, Money(tender.amount_cents), fee, until)
