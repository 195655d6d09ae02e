"""A mail batch as it is read and shown: the views the window shows (items, suspects, the
differences from the tape), the refusals in the cashier's words, and the checks every change to a
batch makes first (the batch exists, the operator may change it, the move is allowed).
The use cases are in services/mail_batches.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain import scanline
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.text import text_problem
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import posting as rows
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import MailBatchRow
from cashdesk.words import translate


class MailRefused(ServiceError):
    pass


class BatchUnbalanced(MailRefused):
    """The batch does not add up to its tape: the message names the differences, .view the suspects."""

    def __init__(self, message: str, view: BatchView) -> None:
        super().__init__(message)
        self.view = view


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


def batch_row(s: Session, batch_id: int) -> MailBatchRow:
    row = s.get(MailBatchRow, batch_id) if type(batch_id) is int else None
    if row is None:
        raise MailRefused(translate("mail_views", "There is no mail batch {batch_id}.").format(batch_id=batch_id))
    return row


def may_work_on(operator: Operator, batch: MailBatchRow) -> None:
    if batch.owner != operator.user_id and not operator.can(Permission.APPROVE_OVERRIDES):
        raise MailRefused(
            translate(
                "mail_views", "Batch {number} belongs to {owner}: only they or a supervisor may change it."
            ).format(number=batch.number, owner=batch.owner)
        )


@contextmanager
def working_on(ctx: ServiceContext, operator: Operator, batch_id: int) -> Iterator[tuple[UnitOfWork, MailBatchRow]]:
    """The unit of work of a change to a batch the operator may change (theirs, or a supervisor's)."""
    with ctx.db.unit_of_work() as uow:
        batch = batch_row(uow.session, batch_id)
        may_work_on(operator, batch)
        yield uow, batch


def typed_reason(text: str, example: str) -> str:
    """A reason typed for a rejection or a reversal, on one line and checked."""
    reason = " ".join(text.split())
    if not reason:
        raise MailRefused(translate("mail_views", "Give the reason for {example}.").format(example=example))
    if len(reason) > 200:
        raise MailRefused(translate("mail_views", "Keep the reason under 200 characters."))
    check_text(reason)
    return reason


def require_move(batch: MailBatchRow, target: rules.BatchStatus) -> None:
    try:
        rules.require_move(batch.number, batch.status, target)
    except rules.BatchStateError as exc:
        raise MailRefused(str(exc)) from None


def check_text(*texts: str) -> None:
    for text in texts:
        if contains_card_number(text):
            raise MailRefused(
                translate(
                    "mail_views", "Never type a card number. Key the account, the check number and the payer only."
                )
            )
        problem = text_problem(text, translate("mail_views", "text typed"))
        if problem:
            raise MailRefused(problem)


def _stub_amount(scan_line: str) -> Money | None:
    if not scan_line:
        return None
    try:
        return scanline.parse(scan_line).amount_due
    except scanline.ScanLineError:  # pragma: no cover - checked when it was scanned
        return None


def read_view(s: Session, batch: MailBatchRow, *, with_items: bool = True) -> BatchView:
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


BATCH_ACCOUNTS = "SELECT account_id FROM mail_items WHERE batch_id = ? AND account_id IS NOT NULL"


def _earlier_checks(db: rows.Driver, batch_id: int) -> dict[tuple[int, str], str]:
    """(account id, check number) -> where it was taken before: posted mail items of other batches,
    items of other batches not posted yet, and checks taken at the counter."""
    seen: dict[tuple[int, str], str] = {}
    for account_id, number, batch_number, seq, status in db.all(
        "SELECT i.account_id, i.check_number, b.number, i.seq, i.status FROM mail_items i "
        "JOIN mail_batches b ON b.id = i.batch_id WHERE i.batch_id != ? AND i.check_number != '' "
        "AND i.status != 'reversed' AND b.status != 'rejected' AND i.account_id IN (" + BATCH_ACCOUNTS + ")",
        (batch_id, batch_id),
    ):  # fmt: skip
        where = f"batch {batch_number}, item {seq}" + ("" if status == "posted" else ", not posted yet")
        seen.setdefault((int(account_id), number), where)
    for account_id, number, receipt in db.all(
        "SELECT l.account_id, t.reference, r.number FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        "JOIN tenders t ON t.receipt_id = r.id WHERE r.channel != 'mail' AND r.status = 'posted' "
        "AND t.kind IN ('check', 'money_order') AND l.account_id IN (" + BATCH_ACCOUNTS + ")",
        (batch_id,),
    ):  # fmt: skip
        seen.setdefault((int(account_id), number), f"receipt {receipt}")
    return seen


def _suspects(db: rows.Driver, batch_id: int, found: list[tuple[Any, ...]]) -> dict[int, str]:
    owed = {int(a): int(c) for a, c in db.all(
        "SELECT account_id, sum(amount_cents - paid_cents) FROM open_items WHERE amount_cents > paid_cents "
        "AND account_id IN (" + BATCH_ACCOUNTS + ") GROUP BY account_id", (batch_id,))}  # fmt: skip
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
