"""Reversing one posted mail remittance with a supervisor's approval: its allocations are
reversed like a void, its credit goes back, its receipt becomes void and leaves the day's deposit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.services import audit
from cashdesk.services.business_day import is_closed
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.mail_views import BatchItem, BatchView, MailRefused, batch_row, read_view, typed_reason
from cashdesk.services.voids import mark_void, reverse_allocations
from cashdesk.store import mail_batches as mail_store
from cashdesk.store import posting as rows
from cashdesk.store import sealed
from cashdesk.store.models import ApprovalRow, MailItemRow, ReceiptRow
from cashdesk.words import translate


def reversal_object(view_item: BatchItem) -> str:
    """What a supervisor's approval of a reversal names: the remittance's receipt number."""
    return view_item.receipt_number


def _reversal_asked(s: Session, batch_id: int, item_id: int,
                    approval_id: int | None) -> tuple[str, OverrideAction, tuple[int, int, int]]:  # fmt: skip
    """What the approval of a reversal names (the receipt number and the action) and the ids of the
    batch, the item and its receipt; refused when the item cannot be reversed."""
    batch = batch_row(s, batch_id)
    item = s.get(MailItemRow, item_id) if type(item_id) is int else None
    if item is None or item.batch_id != batch.id:
        raise MailRefused(
            translate("mail_reversal", "Batch {number} has no such remittance.").format(number=batch.number)
        )
    if batch.status != rules.BatchStatus.POSTED or item.status == "entered":
        raise MailRefused(
            translate(
                "mail_reversal", "Batch {number} is not posted: take the remittance out of the batch instead."
            ).format(number=batch.number)
        )
    if item.status == "reversed":
        raise MailRefused(
            translate("mail_reversal", "Item {seq} of batch {number} is already reversed.").format(
                seq=item.seq, number=batch.number
            )
        )
    if is_closed(s, batch.business_date):
        raise MailRefused(
            translate(
                "mail_reversal",
                "The business day {business_date} is closed and its deposit made: item {seq} can no "
                "longer be reversed. A supervisor records a returned check or a correction instead.",
            ).format(business_date=batch.business_date, seq=item.seq)
        )
    receipt = s.get(ReceiptRow, item.receipt_id)
    assert receipt is not None
    action = OverrideAction.MAIL_REVERSAL
    if type(approval_id) is int:
        given = s.get(ApprovalRow, approval_id)
        if given is not None and given.action == OverrideAction.VOID.value:
            action = OverrideAction.VOID
    return receipt.number, action, (batch.id, item.id, receipt.id)


def reverse_item(ctx: ServiceContext, operator: Operator, batch_id: int, item_id: int, reason: str, *,
                 approval_id: int | None) -> BatchView:  # fmt: skip
    """Reverse one posted remittance with a supervisor's approval (OverrideAction.MAIL_REVERSAL,
    or VOID, for the item's receipt number): its allocations are reversed like a void, its credit
    goes back, its receipt becomes void and leaves the day's deposit. Only while the business day is open."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_reversal", "reverse mail payments"))
    reason = typed_reason(reason, translate("mail_reversal", "the reversal (for example: keyed to the wrong account)"))
    with ctx.db.unit_of_work(write=False) as uow:
        object_, action, (batch_pk, item_pk, receipt_pk) = _reversal_asked(uow.session, batch_id, item_id, approval_id)
    from cashdesk.services.overrides import require_approval

    now = ctx.now()
    with require_approval(ctx, approval_id, action=action, requested_by=operator.user_id,
                          object=object_) as (uow, approval):  # fmt: skip
        s = uow.session
        batch = batch_row(s, batch_pk)
        item = s.get(MailItemRow, item_pk)
        receipt = s.get(ReceiptRow, receipt_pk)
        assert item is not None and receipt is not None
        if item.status != "posted" or receipt.status != "posted":
            raise MailRefused(
                translate("mail_reversal", "Item {seq} of batch {number} is already reversed.").format(
                    seq=item.seq, number=batch.number
                )
            )
        reversals = reverse_allocations(
            s, ctx, operator.user_id, receipt, on_date=batch.business_date,
            description=f"Reversal of mail payment {receipt.number}: {reason}",
            credit_used=lambda number: MailRefused(translate(
                "mail_reversal", "The credit this remittance left on account {number} has been used since; it "
                "cannot be reversed. A supervisor records a correction instead.").format(number=number)),
            check_returned=lambda: MailRefused(translate(
                "mail_reversal", "Receipt {number} has a returned check recorded: its payment is off the bills "
                "already, so item {seq} cannot be reversed. A supervisor records a correction instead.").format(
                number=receipt.number, seq=item.seq)),
        )  # fmt: skip
        mark_void(receipt, reason, operator.user_id, now)
        mail_store.item_reversed(item, operator.user_id, now, reason)
        details: dict[str, Any] = {
            "batch": batch.number, "seq": item.seq, "reason": reason, "amount_cents": item.amount_cents,
            "approved_by": approval.approved_by, "approval": approval.id, "allocations": reversals,
        }  # fmt: skip
        details |= sealed.digests(rows.driver(s), "mail_reversal", receipt.number, details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_reversal",
                     object=receipt.number, details=details, at=now)  # fmt: skip
        view = read_view(s, batch)
        uow.commit()
    return view
