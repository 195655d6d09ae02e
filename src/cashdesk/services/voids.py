"""Voiding a receipt: with a reason and a supervisor's approval, while its drawer is open.

Nothing is deleted. The receipt keeps its number and is marked void; every allocation is
reversed by a negative allocation that points at it; credit kept on an account goes back;
the account history says so; a void slip is queued; the audit names both people.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.devices.drawer import drawer_kick
from cashdesk.domain.money import Money
from cashdesk.domain.refunds import TakenTender, cash_to_hand_back, hand_back_text
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.service_orders import deposit_paid
from cashdesk.domain.tenders import TenderKind
from cashdesk.domain.text import reason_problem
from cashdesk.services import arrangement_hooks, audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.overrides import require_approval
from cashdesk.store import drawers as drawer_rows
from cashdesk.store import posting as rows
from cashdesk.store import print_jobs, sealed
from cashdesk.store.models import (
    AccountRow,
    AllocationRow,
    DrawerRow,
    OpenItemRow,
    ReceiptLineRow,
    ReceiptRow,
    ReturnedCheckRow,
    TenderRow,
)
from cashdesk.store.posting import driver
from cashdesk.words import translate


class VoidRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class VoidResult:
    number: str
    total: Money
    reason: str
    approved_by: str
    print_job_ids: tuple[int, ...] = ()
    hand_back: str = ""  # what the cashier gives the customer: "Hand back $46.31 cash and check #1042."
    drawer_kick: bool = False  # the drawer opens for the cash (or checks) handed back


@dataclass(frozen=True, slots=True)
class _Found:
    id: int
    number: str
    status: str


def _receipt(ctx: ServiceContext, number: str) -> _Found:
    with ctx.db.unit_of_work(write=False) as uow:
        row = uow.session.scalars(select(ReceiptRow).where(ReceiptRow.number == number.strip().upper())).one_or_none()
        if row is None:
            raise VoidRefused(_not_here(ctx, number.strip().upper()))
        return _Found(row.id, row.number, row.status)


def _not_here(ctx: ServiceContext, number: str) -> str:
    """Why a receipt is not at this window: another window of the office took it, or no such number."""
    station, _, rest = number.partition("-")
    if rest and station and station != ctx.station.upper() and _OTHER_WINDOW.match(number):
        return translate(
            "voids",
            "Receipt {number} was taken at window {station}: a receipt is voided at the window that "
            "took it, where its money is in the drawer and its number in the window's sequence. Void "
            "it at {station} (this window has only its own receipts, office or not).",
        ).format(number=number, station=station)
    return translate("voids", "There is no receipt {number}. Check the number on the receipt.").format(number=number)


_OTHER_WINDOW = re.compile(r"^[A-Z0-9]{1,8}-\d{4}-\d{6}$")


@dataclass(frozen=True, slots=True)
class VoidPreview:
    """What a void would undo, for the supervisor who approves it: the receipt in money and accounts."""

    number: str
    total: Money
    cashier: str
    lines: tuple[tuple[str, Money], ...]  # ("Account 1001 ALVAREZ, MARIA", $91.80), ("PERMIT Fence permit", …)
    tenders: tuple[TakenTender, ...]
    change: Money
    hand_back: str


def void_preview(ctx: ServiceContext, operator: Operator, number: str) -> VoidPreview:
    """The receipt a void is asked for, as the approval shows it; refused in words when it cannot be voided."""
    operator.require(Permission.TAKE_PAYMENTS, translate("voids", "void receipts"))
    found = _receipt(ctx, number)
    if found.status == "void":
        raise VoidRefused(translate("voids", "Receipt {number} is already void.").format(number=found.number))
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        receipt = s.get(ReceiptRow, found.id)
        assert receipt is not None
        lines: list[tuple[str, Money]] = []
        for line in s.scalars(select(ReceiptLineRow).where(ReceiptLineRow.receipt_id == receipt.id)
                              .order_by(ReceiptLineRow.line_no)):  # fmt: skip
            account = s.get(AccountRow, line.account_id) if line.account_id is not None else None
            what = (translate("voids", "Account {number} {name}").format(number=account.number, name=account.name)
                    if account else f"{line.revenue_code or ''} {line.memo}")  # fmt: skip
            lines.append((what.strip(), Money(line.amount_cents)))
        taken = tuple(_taken(s, receipt.id))
        change = Money(receipt.change_cents)
        return VoidPreview(receipt.number, Money(receipt.total_cents), receipt.cashier, tuple(lines), taken, change,
                           hand_back_text(taken, change))  # fmt: skip


def _taken(s: Session, receipt_id: int) -> list[TakenTender]:
    """The tenders a receipt took, as a void gives them back."""
    tenders = s.scalars(select(TenderRow).where(TenderRow.receipt_id == receipt_id).order_by(TenderRow.id))
    return [TakenTender(TenderKind(t.kind), Money(t.amount_cents), t.reference, t.card_brand, t.card_last4)
            for t in tenders]  # fmt: skip


def reverse_allocations(session: Session, ctx: ServiceContext, user: str, receipt: ReceiptRow, *, on_date: dt.date,
                        description: str, credit_used: Callable[[str], Exception],
                        check_returned: Callable[[], Exception]) -> list[int]:  # fmt: skip
    """Undo what a receipt paid: each allocation gets the negative row that points back at it,
    the open items owe again, the credit it left is taken back (refused with `credit_used(account)`
    when it has been used since), and each account's history says so. Nothing is deleted.
    Refused with `check_returned()` when a returned check is recorded on the receipt: that took
    the check's payment off already, and undoing it again would charge the customer twice.

    What the receipt paid on a payment arrangement comes off its installments and the arrangement
    moves back (services/arrangement_hooks.on_reversal), audited as `user`.

    Returns the ids of the reversing allocations, for the audit event's digest. The new rows are
    written as posting writes them (store/posting.py); the open items and accounts, which the
    session holds, are changed through it."""
    if session.scalar(select(ReturnedCheckRow.id).where(ReturnedCheckRow.receipt_id == receipt.id).limit(1)):
        raise check_returned()
    db = rows.driver(session)
    codes = rows.revenue_codes(db)
    added: list[int] = []
    undone_items: list[arrangement_hooks.Reversed] = []
    for line in session.scalars(select(ReceiptLineRow).where(ReceiptLineRow.receipt_id == receipt.id)).all():
        if line.kind != "account" or line.account_id is None:
            continue
        allocations = list(session.scalars(select(AllocationRow).where(
            AllocationRow.receipt_line_id == line.id, AllocationRow.reverses_id.is_(None))))  # fmt: skip
        undone: list[tuple[str, int]] = []
        for allocation in allocations:
            item = session.get(OpenItemRow, allocation.open_item_id)
            assert item is not None
            item.paid_cents -= allocation.amount_cents
            undone.append((item.revenue_code, allocation.amount_cents))
            undone_items.append((line.account_id, item.id, item.due_date, allocation.amount_cents))
            added.append(rows.insert_reversal(db, line.id, item.id, -allocation.amount_cents, allocation.id))
        account = session.get(AccountRow, line.account_id)
        assert account is not None
        account.deposit_held_cents = max(0, account.deposit_held_cents - deposit_paid(undone, codes))
        if line.credit_cents:
            if account.credit_cents < line.credit_cents:
                raise credit_used(account.number)
            account.credit_cents -= line.credit_cents
        rows.add_history(db, account.id, on_date, "void", description[:200], line.amount_cents, receipt.number)
    arrangement_hooks.on_reversal(rows.driver(session), ctx, user, receipt.id, receipt.number, undone_items)
    return added


def void_receipt(
    ctx: ServiceContext, operator: Operator, number: str, reason: str, *, approval_id: int | None
) -> VoidResult:
    operator.require(Permission.TAKE_PAYMENTS, translate("voids", "void receipts"))
    reason = reason.strip()
    problem = reason_problem(
        reason, translate("voids", "Give the reason for the void (for example: wrong account, keyed the wrong amount).")
    )
    if problem:
        raise VoidRefused(problem)
    found = _receipt(ctx, number)  # a clear message before asking anything of the approval
    if found.status == "void":
        raise VoidRefused(translate("voids", "Receipt {number} is already void.").format(number=found.number))
    now = ctx.now()
    with require_approval(ctx, approval_id, action=OverrideAction.VOID, requested_by=operator.user_id,
                          object=found.number) as (uow, approval):  # fmt: skip
        s = uow.session
        receipt = s.get(ReceiptRow, found.id)
        assert receipt is not None
        if receipt.status == "void":
            raise VoidRefused(translate("voids", "Receipt {number} is already void.").format(number=receipt.number))
        drawer = _drawer_still_open(s, receipt)
        reversals = reverse_allocations(
            s, ctx, operator.user_id, receipt, on_date=ctx.today(), description=f"Void of {receipt.number}: {reason}",
            credit_used=lambda number: VoidRefused(translate(
                "voids", "The credit this receipt left on account {number} has been used since; the receipt cannot "
                "be voided. A supervisor records a correction instead.").format(number=number)),
            check_returned=lambda: VoidRefused(translate(
                "voids", "Receipt {number} has a returned check recorded: the check's payment is off the bills "
                "already, so the receipt cannot be voided. A supervisor records a correction instead.").format(
                number=receipt.number)),
        )  # fmt: skip
        taken = _taken(s, receipt.id)
        cash_back = cash_to_hand_back(taken, Money(receipt.change_cents))
        # The cash goes back to the customer: the drawer's cash moves as posting moves it.
        drawer_rows.move_drawer_cash(driver(s), drawer.id, -cash_back.cents)
        mark_void(receipt, reason, operator.user_id, now)
        from cashdesk.services.printing import queue_void_slip

        job_ids = queue_void_slip(s, ctx, receipt, approved_by=approval.approved_by)
        kick_ids = _kick_for_hand_back(s, ctx, receipt.id, taken, cash_back, now)
        job_ids += kick_ids
        details = {
            "reason": reason,
            "approved_by": approval.approved_by,
            "approval": approval.id,
            "total_cents": receipt.total_cents,
            "allocations": reversals,
        }
        details |= sealed.digests(driver(s), "void", receipt.number, details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="void", object=receipt.number,
                     details=details, at=now)  # fmt: skip
        uow.commit()
        return VoidResult(receipt.number, Money(receipt.total_cents), reason, approval.approved_by, job_ids,
                          hand_back_text(taken, Money(receipt.change_cents)), bool(kick_ids))  # fmt: skip


def _drawer_still_open(s: Session, receipt: ReceiptRow) -> DrawerRow:
    drawer = s.get(DrawerRow, receipt.drawer_id) if receipt.drawer_id else None
    if drawer is None or drawer.status != "open":
        raise VoidRefused(
            translate(
                "voids",
                "Receipt {number} belongs to a drawer that is closed: it can no longer be voided. A "
                "supervisor records a refund or a correction instead.",
            ).format(number=receipt.number)
        )
    return drawer


def mark_void(receipt: ReceiptRow, reason: str, user: str, now: dt.datetime) -> None:
    """The receipt keeps its number and rows, marked void with the reason, who and when."""
    receipt.status = "void"
    receipt.void_reason = reason
    receipt.voided_by = user
    receipt.voided_at = now.replace(tzinfo=None)


def _kick_for_hand_back(s: Session, ctx: ServiceContext, receipt_id: int, taken: list[TakenTender],
                        cash_back: Money, now: dt.datetime) -> tuple[int, ...]:  # fmt: skip
    """The drawer opens for what is handed back out of it, as it opened when the money came in:
    the drawer kick's job, or none."""
    if cash_back.cents > 0 or (any(t.kind is TenderKind.CHECK for t in taken) and ctx.settings.drawer.open_for_checks):
        return (print_jobs.add(driver(s), ctx.station, "drawer_kick", receipt_id,
                               drawer_kick(ctx.settings.drawer.pin), now.replace(tzinfo=None)),)  # fmt: skip
    return ()
