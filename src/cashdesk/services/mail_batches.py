"""Mail payments in batches that balance to the adding-machine tape before they post.

A batch is opened with the tape's control count and total, filled by keying or scanning
each remittance (or from a lockbox file), balanced, and posted: each remittance becomes a
receipt of the batch's business day (channel "mail", no drawer), allocated like a counter
payment with any excess kept as credit; its check or money order goes in the day's deposit.
Receipts print or save as PDF only on request. A posted remittance is reversed only by a
supervisor's approval, one item at a time, with a reason. Rules are in domain/mail.py.

The batch's use cases are here; their parts are in mail_views.py (reading and showing a batch,
the refusals), mail_entry.py (a remittance keyed or scanned), mail_posting.py (a remittance's
receipt), mail_reversal.py and mail_documents.py, whose use cases this module names as its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain.accounts import AccountStatus, is_cash_only
from cashdesk.domain.dates import stored_day
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
from cashdesk.store import posting as rows
from cashdesk.store import sealed
from cashdesk.store.models import MailBatchRow, MailItemRow

log = logging.getLogger(__name__)

#: The lockbox import reads a batch as the window does.
_view = read_view

Progress = Callable[[int, int], None]

#: A refused import lists at most this many problems, then says how many more there are.
MAX_LISTED = 1000
#: Accounts looked up per query while checking a lockbox file (and how often progress is reported).
CHUNK = 500


class PaymentsImportRefused(MailRefused):
    """A lockbox file with bad rows: nothing was imported; str() lists every problem with its line."""

    def __init__(self, file: str, problems: Sequence[rules.RowProblem], more: int = 0) -> None:
        self.file = file
        self.problems = tuple(sorted(problems))
        self.more = more
        lines = {p.line for p in self.problems}
        total = len(self.problems) + more
        out = [f"{file} was not imported: {total} problem{'s' if total != 1 else ''}"
               + (f" on {len(lines)} line{'s' if len(lines) != 1 else ''}." if not more else ".")]  # fmt: skip
        out += [p.describe() for p in self.problems]
        if more:
            out.append(f"… and {more} more not listed.")
        out.append("Nothing was changed. Correct the file and import it again.")
        super().__init__("\n".join(out))


# -- what the window shows -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    view: BatchView
    file: str
    rows: int

    @property
    def balanced(self) -> bool:
        return self.view.status == "balanced"

    def describe(self) -> str:
        v = self.view
        head = f"Imported {self.file} as batch {v.number}: {v.count} remittances for {v.total.display()}."
        if self.balanced:
            return head + " It balances to the tape and is ready to post."
        return head + f" It does not balance and is left open: {v.differences()}."


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
        view = read_view(s, batch)
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
        return read_view(uow.session, batch_row(uow.session, batch_id))


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
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    r = read_remittance(scan_line, account, amount, check_number, payer, micr, tender)
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        if batch.status != rules.BatchStatus.OPEN:
            raise MailRefused(f"Batch {batch.number} is {batch.status}: remittances are added to open batches only.")
        paying = paying_account(rows.driver(s), r, batch.business_date)
        seq = (s.scalar(select(func.max(MailItemRow.seq)).where(MailItemRow.batch_id == batch.id)) or 0) + 1
        s.add(MailItemRow(
            batch_id=batch.id, seq=seq, account_id=paying.id, account_typed=r.account[:40], amount_cents=r.amount.cents,
            tender=r.tender, check_number="" if r.tender == "cash" else r.check_number, payer=r.payer,
            routing=r.routing, bank_account=r.bank_account, scan_line=r.scan_line, status="entered", reversed_by="",
            reverse_reason="",
        ))  # fmt: skip
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
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
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
        view = read_view(s, batch)
        uow.commit()
    return view


def balance_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> BatchView:
    """open -> balanced when the count and the total equal the tape's; otherwise BatchUnbalanced."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        require_move(batch, rules.BatchStatus.BALANCED)
        view = read_view(s, batch)
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
    reason = typed_reason(reason, "rejecting the batch")
    now = ctx.now()
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        require_move(batch, rules.BatchStatus.REJECTED)
        batch.status = rules.BatchStatus.REJECTED.value
        batch.reject_reason = reason
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_batch_reject",
                     object=batch.number, details={"reason": reason}, at=now)  # fmt: skip
        view = read_view(s, batch)
        uow.commit()
    return view


# -- posting ------------------------------------------------------------------------------------------


def post_batch(ctx: ServiceContext, operator: Operator, batch_id: int) -> PostedBatch:
    """Post a balanced batch: one receipt per remittance, in one unit of work (all or nothing)."""
    operator.require(Permission.TAKE_PAYMENTS, "take mail payments")
    now = ctx.now()
    posted_at = now.replace(tzinfo=None)
    with working_on(ctx, operator, batch_id) as (uow, batch):
        s = uow.session
        if batch.status == rules.BatchStatus.OPEN:
            view = read_view(s, batch)
            if not view.balanced:
                raise BatchUnbalanced(f"Batch {batch.number} cannot post: it does not balance: {view.differences()}.",
                                      view)  # fmt: skip
        require_move(batch, rules.BatchStatus.POSTED)
        day = batch.business_date
        require_open_day(s, day)
        db = rows.driver(s)
        items = postable_items(db, batch)
        numbers = post_remittances(db, ctx, operator, batch, items, posted_at)
        batch.status = rules.BatchStatus.POSTED.value
        batch.posted_at = posted_at
        batch.posted_by = operator.user_id
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


# -- lockbox files -----------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = rules.RowProblem(
            line, "the text is not UTF-8: save the file as UTF-8 (CSV UTF-8) and import it again"
        )
        raise PaymentsImportRefused(name, [problem]) from None


def import_payments(
    ctx: ServiceContext,
    operator: Operator,
    path: Path,
    *,
    control_count: int,
    control_total: Money,
    progress: Progress | None = None,
) -> ImportResult:
    """A batch from a lockbox or payments file (docs/formats.md), all or nothing.

    Every bad row is reported with its line: unknown or closed accounts, bad amounts, checks
    already taken (posted, in another batch, at the counter, or twice in the file). The new batch
    is left balanced, ready to post, when it matches the tape, else open with the differences.
    """
    operator.require(Permission.TAKE_PAYMENTS, "import mail payments")
    try:
        rules.check_controls(control_count, control_total)
    except ValueError as exc:
        raise MailRefused(str(exc)) from None
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MailRefused(f"Cannot read {path}: {exc.strerror or exc}.") from None
    digest = hashlib.sha256(data).hexdigest()
    now = ctx.now()
    problems: list[rules.RowProblem] = []
    try:
        parsed = rules.parse_lockbox(_decode(data, name))
    except PaymentsImportRefused as refused:
        _audit_refusal(ctx, operator, name, len(refused.problems), now)
        raise
    problems.extend(parsed.problems)
    total_rows = len(parsed.rows)
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        db = rows.driver(s)
        earlier = s.scalars(select(MailBatchRow.number).where(MailBatchRow.source_sha256 == digest,
                                                              MailBatchRow.status != "rejected")).first()  # fmt: skip
        if earlier is not None:
            raise MailRefused(f"{name} was imported already, as batch {earlier}. Nothing was changed.")
        accounts: dict[str, tuple[int, str, str, bool, dt.date | None]] = {}
        numbers = sorted({r.account for r in parsed.rows})
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start : start + CHUNK]
            for r in db.all("SELECT id, number, status, cash_only, cash_only_until FROM accounts WHERE number IN ("
                            + ",".join("?" * len(chunk)) + ")", chunk):  # fmt: skip
                accounts[r[1]] = (int(r[0]), r[1], r[2], bool(r[3]), stored_day(r[4]))
        taken = _checks_taken(db, sorted({a[0] for a in accounts.values()}))
        day = open_business_date(s, ctx)
        seen: dict[tuple[str, str], int] = {}
        for done, row in enumerate(parsed.rows, start=1):
            found = accounts.get(row.account)
            if found is None:
                problems.append(rules.RowProblem(row.line, f"unknown account {row.account}"))
            else:
                refusal = _account_problem(found[1], found[2], is_cash_only(found[3], found[4], day), row.tender)
                if refusal:
                    problems.append(rules.RowProblem(row.line, refusal))
                where = taken.get((found[0], row.check_number))
                if where:
                    problems.append(rules.RowProblem(
                        row.line, f"duplicate: check {row.check_number} of account {row.account} was already taken "
                        f"({where})"))  # fmt: skip
            key = (row.account, row.check_number)
            if key in seen:
                problems.append(rules.RowProblem(row.line, f"duplicate: check {row.check_number} of account "
                                                           f"{row.account} is also on line {seen[key]}"))  # fmt: skip
            else:
                seen[key] = row.line
            if progress is not None and (done % CHUNK == 0 or done == total_rows):
                progress(done, total_rows)
        if problems:
            uow.rollback()
            listed = sorted(problems)[:MAX_LISTED]
            _record_refusal(uow.session, ctx, operator, name, len(problems), now)
            uow.commit()
            raise PaymentsImportRefused(name, listed, len(problems) - len(listed))
        batch = _new_batch(s, ctx, operator, control_count, control_total, now, source="lockbox",
                           source_file=name, sha256=digest)  # fmt: skip
        db = rows.driver(s)
        db.many(
            "INSERT INTO mail_items (batch_id, seq, account_id, account_typed, amount_cents, tender, check_number, "
            "payer, routing, bank_account, scan_line, source_line, tax_return_id, status, receipt_id, reversed_by, "
            "reversed_at, reverse_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', ?, NULL, 'entered', NULL, '', "
            "NULL, '')",
            [(batch.id, seq, accounts[r.account][0], r.account, r.amount.cents, r.tender, r.check_number, r.payer,
              r.line) for seq, r in enumerate(parsed.rows, start=1)],
        )  # fmt: skip
        result = rules.balance(control_count, control_total, (r.amount for r in parsed.rows))
        if result.balanced:
            batch.status = rules.BatchStatus.BALANCED.value
            batch.balanced_at = now.replace(tzinfo=None)
        audit.record(
            s, user=operator.user_id, station=ctx.station, event_type="mail_import", object=batch.number,
            details={"file": name, "sha256": digest[:12], "rows": total_rows, "total_cents": result.total.cents,
                     "balanced": result.balanced},
            at=now,
        )  # fmt: skip
        view = _view(s, batch)
        uow.commit()
    return ImportResult(view, name, total_rows)


def _checks_taken(db: rows.Driver, account_ids: list[int]) -> dict[tuple[int, str], str]:
    """(account id, check number) -> where: mail items not rejected nor reversed, counter checks."""
    taken: dict[tuple[int, str], str] = {}
    for start in range(0, len(account_ids), CHUNK):
        chunk = account_ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for account_id, number, batch_number, seq, status in db.all(
            "SELECT i.account_id, i.check_number, b.number, i.seq, i.status FROM mail_items i "
            "JOIN mail_batches b ON b.id = i.batch_id WHERE i.check_number != '' AND i.status != 'reversed' "
            f"AND b.status != 'rejected' AND i.account_id IN ({marks})", chunk,
        ):  # fmt: skip
            taken.setdefault((int(account_id), number), f"batch {batch_number}, item {seq}"
                             + ("" if status == "posted" else ", not posted yet"))  # fmt: skip
        for account_id, number, receipt in db.all(
            "SELECT l.account_id, t.reference, r.number FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
            "JOIN tenders t ON t.receipt_id = r.id WHERE r.channel != 'mail' AND r.status = 'posted' "
            f"AND t.kind IN ('check', 'money_order') AND l.account_id IN ({marks})", chunk,
        ):  # fmt: skip
            taken.setdefault((int(account_id), number), f"receipt {receipt}")
    return taken


def _record_refusal(s: Session, ctx: ServiceContext, operator: Operator, name: str, problems: int,
                    now: dt.datetime) -> None:  # fmt: skip
    audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_import", object=name[:120],
                 success=False, details={"problems": problems}, at=now)  # fmt: skip


def _audit_refusal(ctx: ServiceContext, operator: Operator, name: str, problems: int, now: dt.datetime) -> None:
    with ctx.db.unit_of_work() as uow:
        _record_refusal(uow.session, ctx, operator, name, problems, now)
        uow.commit()


__all__ = [
    "BatchItem",
    "BatchUnbalanced",
    "BatchView",
    "ImportResult",
    "MailRefused",
    "PaymentsImportRefused",
    "PostedBatch",
    "add_remittance",
    "balance_batch",
    "batch_view",
    "import_payments",
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
