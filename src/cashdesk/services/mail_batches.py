"""Mail payments in batches that balance to the adding-machine tape before they post.

A batch is opened with the tape's control count and total, filled by keying or scanning
each remittance (or from a lockbox file), balanced, and posted: each remittance becomes a
receipt of the batch's business day (channel "mail", no drawer), allocated like a counter
payment with any excess kept as credit; its check or money order goes in the day's deposit.
Receipts print or save as PDF only on request. A posted remittance is reversed only by a
supervisor's approval, one item at a time, with a reason. Rules are in domain/mail.py; lockbox files are read
by services/payment_imports.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain import micr as micr_rules
from cashdesk.domain import scanline
from cashdesk.domain.accounts import AccountKind, AccountStatus, OpenItem, normalize_account_number
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.dates import stored_day
from cashdesk.domain.money import MAX_CENTS, Money
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.tenders import Tender, TenderError, TenderKind, receipt_number
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.business_day import is_closed, open_business_date, require_open_day
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.voids import reverse_allocations
from cashdesk.store import posting as rows
from cashdesk.store import print_jobs, sealed
from cashdesk.store.models import ApprovalRow, MailBatchRow, MailItemRow, ReceiptRow

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Cash that comes by mail is not keyed into a batch: it is taken at the counter into a drawer,
#: so it is counted with the drawer and goes to the bank with the drawer's cash.
MAIL_TENDERS = ("check", "money_order")


class MailRefused(ServiceError):
    pass


class BatchUnbalanced(MailRefused):
    """The batch does not add up to its tape: the message names the differences, .view the suspects."""

    def __init__(self, message: str, view: BatchView) -> None:
        super().__init__(message)
        self.view = view


# -- what the window shows -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchItem:
    id: int
    seq: int
    account: str
    account_name: str
    amount: Money
    tender: str  # check, money_order, cash
    check_number: str
    payer: str
    status: str  # entered, posted, reversed
    problem: str  # "" or why it is suspect, in the cashier's words
    receipt_number: str = ""
    source_line: int | None = None  # the lockbox file's line


@dataclass(frozen=True, slots=True)
class BatchView:
    id: int
    number: str
    business_date: dt.date
    owner: str
    status: str  # open, balanced, posted, rejected
    control_count: int
    control_total: Money
    count: int
    total: Money
    count_difference: int  # entered - control
    total_difference: Money
    items: tuple[BatchItem, ...]
    suspects: tuple[BatchItem, ...]
    source: str = "keyed"
    source_file: str = ""
    reject_reason: str = ""
    posted_by: str = ""
    reversed_count: int = 0
    reversed_total: Money = Money(0)

    @property
    def balanced(self) -> bool:
        """The entries add up to the tape (count and total)."""
        return self.count_difference == 0 and self.total_difference.cents == 0

    def differences(self) -> str:
        """The differences from the tape in words ("" when it balances)."""
        return rules.Balance(self.control_count, self.control_total, self.count, self.total).describe()


@dataclass(frozen=True, slots=True)
class PostedBatch:
    view: BatchView
    receipts: tuple[str, ...]
    total: Money


# -- reading a batch ----------------------------------------------------------------------------


def _batch(s: Session, batch_id: int) -> MailBatchRow:
    row = s.get(MailBatchRow, batch_id) if type(batch_id) is int else None
    if row is None:
        raise MailRefused(f"There is no mail batch {batch_id}.")
    return row


def _may_work_on(operator: Operator, batch: MailBatchRow) -> None:
    if batch.owner != operator.user_id and not operator.can(Permission.APPROVE_OVERRIDES):
        raise MailRefused(f"Batch {batch.number} belongs to {batch.owner}: only they or a supervisor may change it.")


def _require_move(batch: MailBatchRow, target: rules.BatchStatus) -> None:
    try:
        rules.require_move(batch.number, batch.status, target)
    except rules.BatchStateError as exc:
        raise MailRefused(str(exc)) from None


def _stub_amount(scan_line: str) -> Money | None:
    if not scan_line:
        return None
    try:
        return scanline.parse(scan_line).amount_due
    except scanline.ScanLineError:  # pragma: no cover - checked when it was scanned
        return None


def _view(s: Session, batch: MailBatchRow, *, with_items: bool = True) -> BatchView:
    db = rows.driver(s)  # after the session's pending rows: the counts include them
    if not with_items:
        count, total, rev_count, rev_total = db.one(
            "SELECT count(*), coalesce(sum(amount_cents), 0), "
            "coalesce(sum(CASE WHEN status = 'reversed' THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN status = 'reversed' THEN amount_cents ELSE 0 END), 0) FROM mail_items "
            "WHERE batch_id = ?", (batch.id,)) or (0, 0, 0, 0)  # fmt: skip
        return _make_view(batch, int(count), int(total), (), (), int(rev_count), int(rev_total))
    found = db.all(
        "SELECT i.id, i.seq, i.account_id, i.account_typed, i.amount_cents, i.tender, i.check_number, i.payer, "
        "i.status, i.scan_line, i.source_line, a.number, a.name, a.credit_cents, r.number FROM mail_items i "
        "LEFT JOIN accounts a ON a.id = i.account_id LEFT JOIN receipts r ON r.id = i.receipt_id "
        "WHERE i.batch_id = ? ORDER BY i.seq", (batch.id,))  # fmt: skip
    problems: dict[int, str] = {}
    if batch.status in (rules.BatchStatus.OPEN, rules.BatchStatus.BALANCED) and found:
        problems = _suspects(db, batch.id, found)
    items = tuple(
        BatchItem(id=int(r[0]), seq=int(r[1]), account=r[11] or r[3], account_name=r[12] or "",
                  amount=Money(int(r[4])), tender=r[5], check_number=r[6], payer=r[7], status=r[8],
                  problem=problems.get(int(r[1]), ""), receipt_number=r[14] or "", source_line=r[10])
        for r in found
    )  # fmt: skip
    reversed_items = [i for i in items if i.status == "reversed"]
    return _make_view(batch, len(items), sum(i.amount.cents for i in items), items,
                      tuple(i for i in items if i.problem), len(reversed_items),
                      sum(i.amount.cents for i in reversed_items))  # fmt: skip


def _make_view(batch: MailBatchRow, count: int, total: int, items: tuple[BatchItem, ...],
               suspects: tuple[BatchItem, ...], reversed_count: int, reversed_total: int) -> BatchView:  # fmt: skip
    return BatchView(
        id=batch.id, number=batch.number, business_date=batch.business_date, owner=batch.owner, status=batch.status,
        control_count=batch.control_count, control_total=Money(batch.control_total_cents), count=count,
        total=Money(total), count_difference=count - batch.control_count,
        total_difference=Money(total - batch.control_total_cents), items=items, suspects=suspects,
        source=batch.source, source_file=batch.source_file, reject_reason=batch.reject_reason,
        posted_by=batch.posted_by, reversed_count=reversed_count, reversed_total=Money(reversed_total),
    )  # fmt: skip


_BATCH_ACCOUNTS = "SELECT account_id FROM mail_items WHERE batch_id = ? AND account_id IS NOT NULL"


def _earlier_checks(db: rows.Driver, batch_id: int) -> dict[tuple[int, str], str]:
    """(account id, check number) -> where it was taken before: posted mail items of other batches,
    items of other batches not posted yet, and checks taken at the counter."""
    seen: dict[tuple[int, str], str] = {}
    for account_id, number, batch_number, seq, status in db.all(
        "SELECT i.account_id, i.check_number, b.number, i.seq, i.status FROM mail_items i "
        "JOIN mail_batches b ON b.id = i.batch_id WHERE i.batch_id != ? AND i.check_number != '' "
        "AND i.status != 'reversed' AND b.status != 'rejected' AND i.account_id IN (" + _BATCH_ACCOUNTS + ")",
        (batch_id, batch_id),
    ):  # fmt: skip
        where = f"batch {batch_number}, item {seq}" + ("" if status == "posted" else ", not posted yet")
        seen.setdefault((int(account_id), number), where)
    for account_id, number, receipt in db.all(
        "SELECT l.account_id, t.reference, r.number FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        "JOIN tenders t ON t.receipt_id = r.id WHERE r.channel != 'mail' AND r.status = 'posted' "
        "AND t.kind IN ('check', 'money_order') AND l.account_id IN (" + _BATCH_ACCOUNTS + ")",
        (batch_id,),
    ):  # fmt: skip
        seen.setdefault((int(account_id), number), f"receipt {receipt}")
    return seen


def _suspects(db: rows.Driver, batch_id: int, found: list[tuple[Any, ...]]) -> dict[int, str]:
    owed = {int(a): int(c) for a, c in db.all(
        "SELECT account_id, sum(amount_cents - paid_cents) FROM open_items WHERE amount_cents > paid_cents "
        "AND account_id IN (" + _BATCH_ACCOUNTS + ") GROUP BY account_id", (batch_id,))}  # fmt: skip
    earlier = _earlier_checks(db, batch_id)
    number_of = {int(r[2]): str(r[11]) for r in found if r[2] is not None}
    posted = {(number_of[account_id], check): where for (account_id, check), where in earlier.items()
              if account_id in number_of}  # fmt: skip
    remittances = []
    for r in found:
        account_id = r[2]
        due = None
        if account_id is not None:
            due = Money(owed.get(int(account_id), 0) - int(r[13] or 0))
        remittances.append(rules.Remittance(
            seq=int(r[1]), account=r[11] or r[3], account_known=account_id is not None, amount=Money(int(r[4])),
            check_number=r[6] if r[5] != "cash" else "", stub_amount=_stub_amount(r[9]), amount_due=due))  # fmt: skip
    return rules.suspects(remittances, posted_checks=posted)


# -- the use cases ----------------------------------------------------------------------------------


def open_batch(ctx: ServiceContext, operator: Operator, *, control_count: int, control_total: Money) -> BatchView:
    """A new batch of the open business day, with the tape's control count and total."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    try:
        rules.check_controls(control_count, control_total)
    except ValueError as exc:
        raise MailRefused(str(exc)) from None
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _new_batch(s, ctx, operator, control_count, control_total, now)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_open", object=batch.number,
                     details={"control_count": control_count, "control_cents": control_total.cents},
                     at=now)  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return view


def _new_batch(s: Session, ctx: ServiceContext, operator: Operator, control_count: int, control_total: Money,
               now: dt.datetime, *, source: str = "keyed", source_file: str = "",
               sha256: str = "") -> MailBatchRow:  # fmt: skip
    day = open_business_date(s, ctx)
    made = s.scalar(select(func.count(MailBatchRow.id)).where(MailBatchRow.business_date == day)) or 0
    batch = MailBatchRow(
        number=f"M-{day:%Y%m%d}-{made + 1:02d}", business_date=day, station=ctx.station, owner=operator.user_id,
        control_count=control_count, control_total_cents=control_total.cents, status="open", source=source,
        source_file=source_file[:300], source_sha256=sha256, created_at=now.replace(tzinfo=None), posted_by="",
        reject_reason="",
    )  # fmt: skip
    s.add(batch)
    s.flush()
    return batch


def batch_view(ctx: ServiceContext, operator: Operator, batch_id: int) -> BatchView:
    operator.require(Permission.TAKE_PAYMENTS, "see mail batches")
    with ctx.db.unit_of_work(write=False) as uow:
        return _view(uow.session, _batch(uow.session, batch_id))


def list_batches(
    ctx: ServiceContext, operator: Operator, *, business_date: dt.date | None = None
) -> tuple[BatchView, ...]:
    """The batches of a business day (default: the open one), oldest first; items=() here."""
    operator.require(Permission.TAKE_PAYMENTS, "see mail batches")
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        day = business_date or open_business_date(s, ctx)
        batches = list(
            s.scalars(select(MailBatchRow).where(MailBatchRow.business_date == day).order_by(MailBatchRow.id))
        )
        return tuple(_view(s, b, with_items=False) for b in batches)


def _check_text(*texts: str) -> None:
    for text in texts:
        if contains_card_number(text):
            raise MailRefused("Never type a card number. Key the account, the check number and the payer only.")
        problem = text_problem(text, "text typed")
        if problem:
            raise MailRefused(problem)


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
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    scan_line, account, check_number, payer, micr = (t.strip() for t in (scan_line, account, check_number, payer, micr))
    payer = " ".join(payer.split())
    _check_text(account, check_number, payer)
    stub: scanline.ScanLine | None = None
    if scan_line:
        try:
            stub = scanline.parse(scan_line)
        except scanline.ScanLineError as exc:
            raise MailRefused(str(exc)) from None
        if account and normalize_account_number(account).lstrip("0") != stub.account.lstrip("0"):
            raise MailRefused(f"The stub is for account {stub.account}, not {account}. Scan the right stub or "
                              "clear the account.")  # fmt: skip
        account = stub.account
        if amount is None:
            amount = stub.amount_due
    routing = bank_account = ""
    if micr:
        try:
            read = micr_rules.parse(micr)
        except micr_rules.MicrError as exc:
            raise MailRefused(str(exc)) from None
        routing, bank_account = read.routing, read.account[:20]
        check_number = check_number or read.check_number
    number = normalize_account_number(account)
    if not number:
        raise MailRefused("Scan the stub or type the account number.")
    if amount is None:
        raise MailRefused("Type the amount of the check.")
    if amount.cents <= 0:
        raise MailRefused("The amount must be more than $0.00.")
    if amount.cents > MAX_CENTS:
        raise MailRefused(f"The amount is over the largest allowed, {Money(MAX_CENTS).display()}.")
    if tender == "cash":
        raise MailRefused("Cash that came by mail is taken at the counter, into your drawer, not in a mail batch.")
    if tender not in MAIL_TENDERS:
        raise MailRefused("A mail remittance is a check or a money order.")
    if len(payer) > 120:
        raise MailRefused("Keep the payer's name under 120 characters.")
    if tender == "check":
        check_number = check_number.lstrip("0") or ("0" if check_number else "")
    try:
        Tender(TenderKind(tender), amount, "" if tender == "cash" else check_number, routing=routing,
               bank_account=bank_account)  # fmt: skip
    except TenderError as exc:
        raise MailRefused(str(exc)) from None
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        _may_work_on(operator, batch)
        if batch.status != rules.BatchStatus.OPEN:
            raise MailRefused(f"Batch {batch.number} is {batch.status}: remittances are added to open batches only.")
        db = rows.driver(s)
        paying = rows.paying_account(db, number)
        if paying is None and stub is not None and number.lstrip("0") and number.lstrip("0") != number:
            # Stubs carry the account zero-padded to 10 digits; the city may write it shorter.
            paying = rows.paying_account(db, number.lstrip("0"))
        if paying is None:
            raise MailRefused(f"No account {account}. Check the number on the stub.")
        mismatch = scanline.kind_mismatch(stub, paying.number, AccountKind(paying.kind)) if stub else ""
        if mismatch:
            raise MailRefused(mismatch)
        refusal = _account_refusal(paying, tender, batch.business_date)
        if refusal:
            raise MailRefused(refusal)
        seq = (s.scalar(select(func.max(MailItemRow.seq)).where(MailItemRow.batch_id == batch.id)) or 0) + 1
        s.add(MailItemRow(
            batch_id=batch.id, seq=seq, account_id=paying.id, account_typed=account[:40], amount_cents=amount.cents,
            tender=tender, check_number="" if tender == "cash" else check_number, payer=payer, routing=routing,
            bank_account=bank_account, scan_line=scan_line if stub else "", status="entered", reversed_by="",
            reverse_reason="",
        ))  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return view


def _account_refusal(paying: rows.PayingAccount, tender: str, day: dt.date) -> str:
    if paying.status == AccountStatus.CLOSED.value:
        return (f"Account {paying.number} is closed: set the remittance aside for a supervisor, who takes it at "
                "the counter.")  # fmt: skip
    if tender != "cash" and paying.cash_only_on(day):
        return (f"Account {paying.number} is cash only: its check cannot be taken. Set it aside to send back "
                "to the customer.")  # fmt: skip
    return ""


def _account_problem(number: str, status: str, cash_only: bool, tender: str) -> str:
    """Why a lockbox row's account cannot take it, for the list of bad rows ("" when it can)."""
    if status == AccountStatus.CLOSED.value:
        return f"account {number} is closed (a supervisor takes its payments at the counter)"
    if tender != "cash" and cash_only:
        return f"account {number} is cash only: its check cannot be taken"
    return ""


def remove_remittance(ctx: ServiceContext, operator: Operator, batch_id: int, item_id: int) -> BatchView:
    """Take a keyed remittance out of an open batch (it never posted; the audit trail keeps it)."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        _may_work_on(operator, batch)
        if batch.status != rules.BatchStatus.OPEN:
            raise MailRefused(
                f"Batch {batch.number} is {batch.status}: remittances are removed from open batches only."
            )
        item = s.get(MailItemRow, item_id) if type(item_id) is int else None
        if item is None or item.batch_id != batch.id:
            raise MailRefused(f"Batch {batch.number} has no such remittance.")
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_item_remove", object=batch.number,
                     details={"seq": item.seq, "account": item.account_typed, "amount_cents": item.amount_cents,
                              "check": item.check_number}, at=now)  # fmt: skip
        s.delete(item)
        view = _view(s, batch)
        uow.commit()
    return view


def balance_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> BatchView:
    """open -> balanced when the count and the total equal the tape's; otherwise BatchUnbalanced."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        _may_work_on(operator, batch)
        _require_move(batch, rules.BatchStatus.BALANCED)
        view = _view(s, batch)
        if not view.balanced:
            text = f"Batch {batch.number} does not balance: {view.differences()}."
            if view.suspects:
                text += " Look at the suspect items first: " + ", ".join(
                    f"item {i.seq} ({i.problem.rstrip('.')})" for i in view.suspects[:10]) + (
                    f" and {len(view.suspects) - 10} more" if len(view.suspects) > 10 else "") + "."  # fmt: skip
            else:
                text += " Check each amount against the tape, and count the remittances again."
            raise BatchUnbalanced(text, view)
        batch.status = rules.BatchStatus.BALANCED.value
        batch.balanced_at = now.replace(tzinfo=None)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_balance",
                     object=batch.number, details={"count": view.count, "total_cents": view.total.cents,
                                                   "suspects": len(view.suspects)}, at=now)  # fmt: skip
        view = dataclasses.replace(view, status=batch.status)
        uow.commit()
    return view


def reject_batch(ctx: ServiceContext, operator: Operator, batch_id: int, reason: str) -> BatchView:
    """An open or balanced batch set aside for good, with the reason; nothing of it posts."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    reason = " ".join(reason.split())
    if not reason:
        raise MailRefused("Give the reason for rejecting the batch.")
    if len(reason) > 200:
        raise MailRefused("Keep the reason under 200 characters.")
    _check_text(reason)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        _may_work_on(operator, batch)
        _require_move(batch, rules.BatchStatus.REJECTED)
        batch.status = rules.BatchStatus.REJECTED.value
        batch.reject_reason = reason
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_reject",
                     object=batch.number, details={"reason": reason}, at=now)  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return view


# -- posting ------------------------------------------------------------------------------------------


def post_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> PostedBatch:
    """Post a balanced batch: one receipt per remittance, in one unit of work (all or nothing)."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    posted_at = now.replace(tzinfo=None)
    station = ctx.station
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        _may_work_on(operator, batch)
        if batch.status == rules.BatchStatus.OPEN:
            view = _view(s, batch)
            if not view.balanced:
                raise BatchUnbalanced(f"Batch {batch.number} cannot post: it does not balance: {view.differences()}.",
                                      view)  # fmt: skip
        _require_move(batch, rules.BatchStatus.POSTED)
        day = batch.business_date
        require_open_day(s, day)
        db = rows.driver(s)
        items = db.all(
            "SELECT i.id, i.seq, i.amount_cents, i.tender, i.check_number, i.payer, i.routing, i.bank_account, "
            "a.id, a.number, a.name, a.status, a.cash_only, a.cash_only_until FROM mail_items i "
            "JOIN accounts a ON a.id = i.account_id WHERE i.batch_id = ? AND i.status = 'entered' ORDER BY i.seq",
            (batch.id,))  # fmt: skip
        total_count = db.one("SELECT count(*) FROM mail_items WHERE batch_id = ?", (batch.id,))
        if total_count is None or int(total_count[0]) != len(items):  # pragma: no cover - refused at entry
            raise MailRefused(f"Batch {batch.number} has a remittance without an account: remove it first.")
        problems = []
        for r in items:
            paying = rows.PayingAccount(int(r[8]), r[9], r[10], r[11], bool(r[12]), stored_day(r[13]), 0)
            refusal = _account_refusal(paying, r[3], day)
            if refusal:
                problems.append(f"item {r[1]}: {refusal}")
        if problems:
            raise MailRefused(f"Batch {batch.number} cannot post: " + " ".join(problems[:10]))
        codes = rows.revenue_codes(db)
        priority = priority_by(codes, ctx.settings.allocation.priorities)
        open_by_account: dict[int, list[OpenItem]] = defaultdict(list)
        for item in _open_items(db, batch.id):
            open_by_account[item[0]].append(item[1])
        description = f"Payment by mail, batch {batch.number}"
        numbers: list[str] = []
        done: list[tuple[int, int]] = []
        for r in items:
            item_id, amount, tender, check, payer, routing, bank_account, account_id = (
                int(r[0]), int(r[2]), r[3], r[4], r[5], r[6], r[7], int(r[8]))  # fmt: skip
            number = receipt_number(station, day.year, rows.next_receipt_number(db, station, day.year))
            receipt_id = rows.insert_receipt(
                db, number=number, station=station, drawer_id=None, cashier=operator.user_id,
                channel="mail", business_date=day, posted_at=posted_at, payer=payer, total=amount, tendered=amount,
                change=0,
            )  # fmt: skip
            open_items = open_by_account[account_id]
            result = allocate(Money(amount), open_items, priority)
            line_id = rows.insert_account_line(db, receipt_id, 1, account_id, amount, result.credit.cents)
            rows.apply_allocations(db, line_id, result.lines)
            if result.lines:
                open_by_account[account_id] = _after(open_items, result.lines)
            if result.credit.cents:
                rows.add_credit(db, account_id, result.credit.cents)
            rows.add_history(db, account_id, day, "payment", description, -amount, number)
            rows.insert_tenders(db, receipt_id, [(tender, amount, "" if tender == "cash" else check, "", "",
                                                  routing, bank_account)])  # fmt: skip
            numbers.append(number)
            done.append((receipt_id, item_id))
        db.many("UPDATE mail_items SET status = 'posted', receipt_id = ? WHERE id = ?", done)
        batch.status = rules.BatchStatus.POSTED.value
        batch.posted_at = posted_at
        batch.posted_by = operator.user_id
        total = sum(int(r[2]) for r in items)
        details: dict[str, Any] = {
            "count": len(items), "total_cents": total, "first_receipt": numbers[0] if numbers else "",
            "last_receipt": numbers[-1] if numbers else "", "business_date": day.isoformat(),
        }  # fmt: skip
        details |= sealed.digests(rows.driver(s), "mail_batch_post", batch.number, details)
        audit.record(s, user=operator.user_id, station=station, event_type="mail_batch_post", object=batch.number,
                     details=details, at=now)  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return PostedBatch(view, tuple(numbers), Money(total))


def _open_items(db: rows.Driver, batch_id: int) -> list[tuple[int, OpenItem]]:
    """Every open item of the batch's accounts, in one query."""
    return [
        (int(r[0]), OpenItem(id=r[1], revenue_code=r[2], description=r[3], bill_date=stored_day(r[4]),
                             due_date=stored_day(r[5]), amount=Money(r[6]), paid=Money(r[7]), period=r[8]))  # type: ignore[arg-type]
        for r in db.all("SELECT account_id, id, revenue_code, description, bill_date, due_date, amount_cents, "
                        "paid_cents, period FROM open_items WHERE amount_cents > paid_cents AND account_id IN ("
                        + _BATCH_ACCOUNTS + ")", (batch_id,))
    ]  # fmt: skip


def _after(items: list[OpenItem], paid: Sequence[tuple[int, Money]]) -> list[OpenItem]:
    """The items as the next remittance to the same account finds them."""
    more = dict((item_id, amount.cents) for item_id, amount in paid)
    return [dataclasses.replace(i, paid=Money(i.paid.cents + more[i.id])) if i.id in more else i for i in items]


# -- reversal -------------------------------------------------------------------------------------


def reversal_object(view_item: BatchItem) -> str:
    """What a supervisor's approval of a reversal names: the remittance's receipt number."""
    return view_item.receipt_number


def reverse_item(ctx: ServiceContext, operator: Operator, batch_id: int, item_id: int, reason: str, *,
                 approval_id: int | None) -> BatchView:  # fmt: skip
    """Reverse one posted remittance with a supervisor's approval (OverrideAction.MAIL_REVERSAL,
    or VOID, for the item's receipt number): its allocations are reversed like a void, its credit
    goes back, its receipt becomes void and leaves the day's deposit. Only while the business day is open."""
    operator.require(Permission.TAKE_PAYMENTS, "reverse mail payments")
    reason = " ".join(reason.split())
    if not reason:
        raise MailRefused("Give the reason for the reversal (for example: keyed to the wrong account).")
    if len(reason) > 200:
        raise MailRefused("Keep the reason under 200 characters.")
    _check_text(reason)
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        batch = _batch(s, batch_id)
        item = s.get(MailItemRow, item_id) if type(item_id) is int else None
        if item is None or item.batch_id != batch.id:
            raise MailRefused(f"Batch {batch.number} has no such remittance.")
        if batch.status != rules.BatchStatus.POSTED or item.status == "entered":
            raise MailRefused(f"Batch {batch.number} is not posted: take the remittance out of the batch instead.")
        if item.status == "reversed":
            raise MailRefused(f"Item {item.seq} of batch {batch.number} is already reversed.")
        if is_closed(s, batch.business_date):
            raise MailRefused(
                f"The business day {batch.business_date} is closed and its deposit made: item {item.seq} can no "
                "longer be reversed. A supervisor records a returned check or a correction instead."
            )
        receipt = s.get(ReceiptRow, item.receipt_id)
        assert receipt is not None
        object_ = receipt.number
        action = OverrideAction.MAIL_REVERSAL
        if type(approval_id) is int:
            given = s.get(ApprovalRow, approval_id)
            if given is not None and given.action == OverrideAction.VOID.value:
                action = OverrideAction.VOID
        batch_pk, item_pk, receipt_pk = batch.id, item.id, receipt.id
    from cashdesk.services.overrides import require_approval

    now = ctx.now()
    with require_approval(ctx, approval_id, action=action, requested_by=operator.user_id,
                          object=object_) as (uow, approval):  # fmt: skip
        s = uow.session
        batch = _batch(s, batch_pk)
        item = s.get(MailItemRow, item_pk)
        receipt = s.get(ReceiptRow, receipt_pk)
        assert item is not None and receipt is not None
        if item.status != "posted" or receipt.status != "posted":
            raise MailRefused(f"Item {item.seq} of batch {batch.number} is already reversed.")
        reversals = reverse_allocations(
            s, receipt, on_date=batch.business_date,
            description=f"Reversal of mail payment {receipt.number}: {reason}",
            credit_used=lambda number: MailRefused(
                f"The credit this remittance left on account {number} has been used since; it "
                "cannot be reversed. A supervisor records a correction instead."),
            check_returned=lambda: MailRefused(
                f"Receipt {receipt.number} has a returned check recorded: its payment is off the bills already, so "
                f"item {item.seq} cannot be reversed. A supervisor records a correction instead."),
        )  # fmt: skip
        at = now.replace(tzinfo=None)
        receipt.status = "void"
        receipt.void_reason = reason
        receipt.voided_by = operator.user_id
        receipt.voided_at = at
        item.status = rules.ItemStatus.REVERSED.value
        item.reversed_by = operator.user_id
        item.reversed_at = at
        item.reverse_reason = reason
        details: dict[str, Any] = {
            "batch": batch.number, "seq": item.seq, "reason": reason, "amount_cents": item.amount_cents,
            "approved_by": approval.approved_by, "approval": approval.id, "allocations": reversals,
        }  # fmt: skip
        details |= sealed.digests(rows.driver(s), "mail_reversal", receipt.number, details)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_reversal",
                     object=receipt.number, details=details, at=now)  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return view


# -- documents ------------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        raise MailRefused(f"Could not save the PDF in {path.parent}: {exc.strerror or exc}.") from None


def mail_receipt(ctx: ServiceContext, operator: Operator, item_id: int, *, folder: Path | None = None,
                 print_it: bool = False) -> Path | None:  # fmt: skip
    """The receipt of a posted remittance, on request: queued for the printer and/or saved as a PDF
    in `folder` (the PDF's path is returned)."""
    from cashdesk.devices.receipt import render_escpos, render_text
    from cashdesk.documents.receipt_pdf import receipt_pdf
    from cashdesk.services.printing import receipt_doc

    operator.require(Permission.TAKE_PAYMENTS, "print mail receipts")
    if folder is None and not print_it:
        raise MailRefused("Choose to print the receipt or to save it as a PDF.")
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        item = s.get(MailItemRow, item_id) if type(item_id) is int else None
        if item is None:
            raise MailRefused("There is no such mail remittance.")
        if item.receipt_id is None:
            raise MailRefused(f"Item {item.seq} is not posted yet: its receipt exists once the batch posts.")
        receipt = s.get(ReceiptRow, item.receipt_id)
        assert receipt is not None
        doc = receipt_doc(s, ctx, receipt, void=receipt.status == "void")
        target: Path | None = None
        if folder is not None:
            data = receipt_pdf(render_text(doc, width_chars=ctx.settings.printer.width), title=receipt.number)
            target = Path(folder) / f"receipt-{receipt.number}.pdf"
            _write(target, data)
        job = None
        if print_it:
            payload = render_escpos(doc, profile=ctx.settings.printer.profile,
                                    width_chars=ctx.settings.printer.width)  # fmt: skip
            job = print_jobs.add(rows.driver(s), ctx.station, "receipt", receipt.id, payload,
                                 now.replace(tzinfo=None))  # fmt: skip
        details: dict[str, object] = {"printed": job is not None}
        if target is not None:
            details["file"] = target.name
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_receipt", object=receipt.number,
                     details=details, at=now)  # fmt: skip
        uow.commit()
    return target


def proof_list_pdf(ctx: ServiceContext, operator: Operator, batch_id: int, folder: Path) -> Path:
    """The batch's proof list (every item, the count and total against the tape) as a PDF in `folder`."""
    from cashdesk.documents.proof_list import ProofItem, ProofList, render_proof_list

    operator.require(Permission.TAKE_PAYMENTS, "print mail proof lists")
    with ctx.db.unit_of_work(write=False) as uow:
        view = _view(uow.session, _batch(uow.session, batch_id))
    data = render_proof_list(ProofList(
        number=view.number, business_date=view.business_date, owner=view.owner, status=view.status,
        source=view.source_file or view.source, control_count=view.control_count, control_total=view.control_total,
        count=view.count, total=view.total, differences=view.differences(),
        city=f"{ctx.settings.city.name}, {ctx.settings.city.department}",
        items=tuple(ProofItem(i.seq, i.account, i.account_name, i.tender, i.check_number, i.payer, i.amount,
                              i.problem or ("reversed" if i.status == "reversed" else ""), i.receipt_number)
                    for i in view.items),
    ))  # fmt: skip
    target = Path(folder) / f"proof-list-{view.number}.pdf"
    _write(target, data)
    return target


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
