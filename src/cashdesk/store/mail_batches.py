"""Mail batches and their remittances (mail_items): the one way every writer writes their rows.

A batch keyed at the window (services/mail_batches.py), one made from a lockbox file
(services/payment_imports.py), its posting (services/mail_posting.py) and a remittance's reversal
(services/mail_reversal.py) all write here. The batch and a keyed remittance go through the ORM (a
few rows, read back at once by the window's view of the batch); a lockbox file's remittances and
the posting of a whole batch, thousands of rows, go at driver level (store/driver.py) in the same
transaction. What may move from which status to which is the domain's (domain/mail.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain.mail import BatchStatus, ItemStatus
from cashdesk.store.driver import Driver
from cashdesk.store.models import MailBatchRow, MailItemRow


def new_batch(s: Session, *, day: dt.date, station: str, owner: str, control_count: int, control_total_cents: int,
              created_at: dt.datetime, source: str = "keyed", source_file: str = "",
              sha256: str = "") -> MailBatchRow:  # fmt: skip
    """An open batch of the business day, numbered M-YYYYMMDD-NN in the order the day's batches
    were opened; flushed, so it has its id."""
    made = s.scalar(select(func.count(MailBatchRow.id)).where(MailBatchRow.business_date == day)) or 0
    batch = MailBatchRow(
        number=f"M-{day:%Y%m%d}-{made + 1:02d}", business_date=day, station=station, owner=owner,
        control_count=control_count, control_total_cents=control_total_cents, status="open", source=source,
        source_file=source_file[:300], source_sha256=sha256, created_at=created_at.replace(tzinfo=None),
        posted_by="", reject_reason="",
    )  # fmt: skip
    s.add(batch)
    s.flush()
    return batch


def add_item(s: Session, batch_id: int, *, account_id: int, account_typed: str, amount_cents: int, tender: str,
             check_number: str, payer: str, routing: str, bank_account: str, scan_line: str) -> None:  # fmt: skip
    """A keyed or scanned remittance, after the batch's last one."""
    seq = (s.scalar(select(func.max(MailItemRow.seq)).where(MailItemRow.batch_id == batch_id)) or 0) + 1
    s.add(MailItemRow(
        batch_id=batch_id, seq=seq, account_id=account_id, account_typed=account_typed[:40], amount_cents=amount_cents,
        tender=tender, check_number="" if tender == "cash" else check_number, payer=payer, routing=routing,
        bank_account=bank_account, scan_line=scan_line, status="entered", reversed_by="", reverse_reason="",
    ))  # fmt: skip


#: A lockbox remittance: (batch id, seq, account id, account as typed, amount in cents, tender,
#: check number, payer, line of the file).
LockboxItem = tuple[int, int, int, str, int, str, str, str, int]


def add_lockbox_items(db: Driver, items: Iterable[LockboxItem]) -> None:
    """A lockbox file's remittances, as many as given in one statement (no routing, bank account or
    scan line: the file has none)."""
    db.many(
        "INSERT INTO mail_items (batch_id, seq, account_id, account_typed, amount_cents, tender, check_number, "
        "payer, routing, bank_account, scan_line, source_line, tax_return_id, status, receipt_id, reversed_by, "
        "reversed_at, reverse_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', ?, NULL, 'entered', NULL, '', "
        "NULL, '')",
        items,
    )  # fmt: skip


def remove_item(s: Session, item: MailItemRow) -> None:
    """A remittance that never posted taken out of its open batch (the audit trail keeps what it was)."""
    s.delete(item)


def balanced(batch: MailBatchRow, at: dt.datetime) -> None:
    batch.status = BatchStatus.BALANCED.value
    batch.balanced_at = at.replace(tzinfo=None)


def rejected(batch: MailBatchRow, reason: str) -> None:
    batch.status = BatchStatus.REJECTED.value
    batch.reject_reason = reason


def posted(batch: MailBatchRow, by: str, at: dt.datetime) -> None:
    batch.status = BatchStatus.POSTED.value
    batch.posted_at = at.replace(tzinfo=None)
    batch.posted_by = by


def items_posted(db: Driver, receipt_of_item: Iterable[tuple[int, int]]) -> None:
    """Remittances posted, each with its receipt: (receipt id, item id) pairs."""
    db.many("UPDATE mail_items SET status = 'posted', receipt_id = ? WHERE id = ?", receipt_of_item)


def item_reversed(item: MailItemRow, by: str, at: dt.datetime, reason: str) -> None:
    item.status = ItemStatus.REVERSED.value
    item.reversed_by = by
    item.reversed_at = at.replace(tzinfo=None)
    item.reverse_reason = reason
