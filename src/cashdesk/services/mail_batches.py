"""Mail payments in batches that balance to the adding-machine tape before they post.

A batch is opened with the tape's control count and total, filled by keying or scanning
each remittance (or from a lockbox file), balanced, and posted: each remittance becomes a
receipt of the batch's business day (channel "mail", no drawer), allocated like a counter
payment with any excess kept as credit; its check or money order goes in the day's deposit.
Receipts print or save as PDF only on request. A posted remittance is reversed only by a
supervisor's approval, one item at a time, with a reason. Rules are in domain/mail.py; lockbox
files are read by services/payment_imports.py.

The batch's use cases are here; their parts are in mail_views.py (reading and showing a batch,
the refusals), mail_entry.py (a remittance keyed or scanned), mail_posting.py (a remittance's
receipt), mail_reversal.py and mail_documents.py, whose use cases this module names as its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain.accounts import AccountStatus
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.business_day import open_business_date, require_open_day
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.mail_documents import mail_receipt as mail_receipt
from cashdesk.services.mail_documents import proof_list_pdf as proof_list_pdf
from cashdesk.services.mail_entry import paying_account, read_remittance
from cashdesk.services.mail_posting import post_remittances, postable_items
from cashdesk.services.mail_reversal import reversal_object as reversal_object
from cashdesk.services.mail_reversal import reverse_item as reverse_item
from cashdesk.services.mail_views import BatchItem as BatchItem
from cashdesk.services.mail_views import BatchUnbalanced as BatchUnbalanced
from cashdesk.services.mail_views import BatchView as BatchView
from cashdesk.services.mail_views import MailRefused as MailRefused
from cashdesk.services.mail_views import PostedBatch as PostedBatch
from cashdesk.services.mail_views import batch_row, read_view, require_move, typed_reason, working_on
from cashdesk.store import mail_batches as mail_store
from cashdesk.store import posting as rows
from cashdesk.store import sealed
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import MailBatchRow, MailItemRow
from cashdesk.words import translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


# -- what the window shows -------------------------------------------------------------------


# -- the use cases ----------------------------------------------------------------------------------


def open_batch(ctx: ServiceContext, operator: Operator, *, control_count: int, control_total: Money) -> BatchView:
    """A new batch of the open business day, with the tape's control count and total."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    try:
        rules.check_controls(control_count, control_total)
    except ValueError as exc:
        raise MailRefused(str(exc)) from None
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        batch = _new_batch(uow.session, ctx, operator, control_count, control_total, now)
        return _recorded(uow, ctx, operator, batch, "mail_batch_open",
                         {"control_count": control_count, "control_cents": control_total.cents}, now)  # fmt: skip


def _new_batch(s: Session, ctx: ServiceContext, operator: Operator, control_count: int, control_total: Money,
               now: dt.datetime, *, source: str = "keyed", source_file: str = "",
               sha256: str = "") -> MailBatchRow:  # fmt: skip
    return mail_store.new_batch(s, day=open_business_date(s, ctx), station=ctx.station, owner=operator.user_id,
                                control_count=control_count, control_total_cents=control_total.cents,
                                created_at=now, source=source, source_file=source_file, sha256=sha256)  # fmt: skip


def _recorded(uow: UnitOfWork, ctx: ServiceContext, operator: Operator, batch: MailBatchRow, event_type: str,
              details: dict[str, Any], now: dt.datetime) -> BatchView:  # fmt: skip
    """A change to a batch made: audited under the batch's number, committed, and the batch as it now is."""
    audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type=event_type, object=batch.number,
                 details=details, at=now)  # fmt: skip
    view = read_view(uow.session, batch)
    uow.commit()
    return view


def batch_view(ctx: ServiceContext, operator: Operator, batch_id: int) -> BatchView:
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "see mail batches"))
    with ctx.db.unit_of_work(write=False) as uow:
        return read_view(uow.session, batch_row(uow.session, batch_id))


def list_batches(
    ctx: ServiceContext, operator: Operator, *, business_date: dt.date | None = None
) -> tuple[BatchView, ...]:
    """The batches of a business day (default: the open one), oldest first; items=() here."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "see mail batches"))
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        day = business_date or open_business_date(s, ctx)
        batches = list(
            s.scalars(select(MailBatchRow).where(MailBatchRow.business_date == day).order_by(MailBatchRow.id))
        )
        return tuple(read_view(s, b, with_items=False) for b in batches)


def add_remittance(
    ctx: ServiceContext,
    operator: Operator,
    batch_id: int,
    *,
    scan_line: str = "",
    account: str = "",
    amount: Money | None = None,
    check_number: str = "",
    payer: str = "",
    micr: str = "",
    tender: str = "check",
) -> BatchView:
    """One remittance into an open batch. A scan line fills the account and the amount due (a
    typed amount wins); a MICR line fills the check number (a typed one wins), routing and bank account."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    r = read_remittance(scan_line, account, amount, check_number, payer, micr, tender)
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        if batch.status != rules.BatchStatus.OPEN:
            raise MailRefused(
                translate(
                    "mail_batches", "Batch {number} is {status}: remittances are added to open batches only."
                ).format(number=batch.number, status=rules.BatchStatus(batch.status).shown.lower())
            )
        paying = paying_account(rows.driver(s), r, batch.business_date)
        mail_store.add_item(s, batch.id, account_id=paying.id, account_typed=r.account, amount_cents=r.amount.cents,
                            tender=r.tender, check_number=r.check_number, payer=r.payer, routing=r.routing,
                            bank_account=r.bank_account, scan_line=r.scan_line)  # fmt: skip
        view = read_view(s, batch)
        uow.commit()
    return view


def _account_problem(number: str, status: str, cash_only: bool, tender: str) -> str:
    """Why a lockbox row's account cannot take it, for the list of bad rows ("" when it can)."""
    if status == AccountStatus.CLOSED.value:
        return f"account {number} is closed (a supervisor takes its payments at the counter)"
    if tender != "cash" and cash_only:
        return f"account {number} is cash only: its check cannot be taken"
    return ""


def remove_remittance(ctx: ServiceContext, operator: Operator, batch_id: int, item_id: int) -> BatchView:
    """Take a keyed remittance out of an open batch (it never posted; the audit trail keeps it)."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        if batch.status != rules.BatchStatus.OPEN:
            raise MailRefused(
                translate(
                    "mail_batches", "Batch {number} is {status}: remittances are removed from open batches only."
                ).format(number=batch.number, status=rules.BatchStatus(batch.status).shown.lower())
            )
        item = s.get(MailItemRow, item_id) if type(item_id) is int else None
        if item is None or item.batch_id != batch.id:
            raise MailRefused(
                translate("mail_batches", "Batch {number} has no such remittance.").format(number=batch.number)
            )
        removed = {"seq": item.seq, "account": item.account_typed, "amount_cents": item.amount_cents,
                   "check": item.check_number}  # fmt: skip
        mail_store.remove_item(s, item)
        return _recorded(uow, ctx, operator, batch, "mail_item_remove", removed, now)


def balance_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> BatchView:
    """open -> balanced when the count and the total equal the tape's; otherwise BatchUnbalanced."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        require_move(batch, rules.BatchStatus.BALANCED)
        view = read_view(s, batch)
        if not view.balanced:
            text = translate("mail_batches", "Batch {number} does not balance: {differences}.").format(
                number=batch.number, differences=view.differences()
            )
            if view.suspects:
                items = ", ".join(
                    translate("mail_batches", "item {seq} ({problem})").format(seq=i.seq, problem=i.problem.rstrip("."))
                    for i in view.suspects[:10]
                )
                if len(view.suspects) > 10:
                    items = translate("mail_batches", "{items} and {more} more").format(
                        items=items, more=len(view.suspects) - 10
                    )
                text += " " + translate("mail_batches", "Look at the suspect items first: {items}.").format(items=items)
            else:
                text += " " + translate(
                    "mail_batches", "Check each amount against the tape, and count the remittances again."
                )
            raise BatchUnbalanced(text, view)
        mail_store.balanced(batch, now)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_balance",
                     object=batch.number, details={"count": view.count, "total_cents": view.total.cents,
                                                   "suspects": len(view.suspects)}, at=now)  # fmt: skip
        view = dataclasses.replace(view, status=batch.status)
        uow.commit()
    return view


def reject_batch(ctx: ServiceContext, operator: Operator, batch_id: int, reason: str) -> BatchView:
    """An open or balanced batch set aside for good, with the reason; nothing of it posts."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    reason = typed_reason(reason, translate("mail_batches", "rejecting the batch"))
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        require_move(batch, rules.BatchStatus.REJECTED)
        mail_store.rejected(batch, reason)
        return _recorded(uow, ctx, operator, batch, "mail_batch_reject", {"reason": reason}, now)


# -- posting ------------------------------------------------------------------------------------------


def post_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> PostedBatch:
    """Post a balanced batch: one receipt per remittance, in one unit of work (all or nothing)."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_batches", "take mail payments"))
    now = ctx.now()
    posted_at = now.replace(tzinfo=None)
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        if batch.status == rules.BatchStatus.OPEN:
            view = read_view(s, batch)
            if not view.balanced:
                raise BatchUnbalanced(
                    translate("mail_batches", "Batch {number} cannot post: it does not balance: {differences}.").format(
                        number=batch.number, differences=view.differences()
                    ),
                    view,
                )
        require_move(batch, rules.BatchStatus.POSTED)
        day = batch.business_date
        require_open_day(s, day)
        db = rows.driver(s)
        items = postable_items(db, batch)
        numbers = post_remittances(db, ctx, operator, batch, items, posted_at)
        mail_store.posted(batch, operator.user_id, posted_at)
        total = sum(int(r[2]) for r in items)
        details: dict[str, Any] = {
            "count": len(items), "total_cents": total, "first_receipt": numbers[0] if numbers else "",
            "last_receipt": numbers[-1] if numbers else "", "business_date": day.isoformat(),
        }  # fmt: skip
        details |= sealed.digests(rows.driver(s), "mail_batch_post", batch.number, details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_post", object=batch.number,
                     details=details, at=now)  # fmt: skip
        view = read_view(s, batch)
        uow.commit()
    return PostedBatch(view, tuple(numbers), Money(total))


__all__ = [
    "BatchItem",
    "BatchUnbalanced",
    "BatchView",
    "MailRefused",
    "PostedBatch",
    "add_remittance",
    "balance_batch",
    "batch_view",
    "list_batches",
    "mail_receipt",
    "open_batch",
    "post_batch",
    "proof_list_pdf",
    "reject_batch",
    "remove_remittance",
    "reverse_item",
    "reversal_object",
]
