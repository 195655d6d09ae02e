"""`cashdesk import-payments`: a mail batch from a lockbox (payments) file, all or nothing.

The file is streamed: only a regular file is opened (a FIFO or /dev/zero is refused before a byte is
read), a file past the settings' limits (`imports.payments_max_megabytes`, `imports.payments_max_rows`)
is refused in words, and UTF-16 is read by its byte-order mark. Every row is checked in a read
transaction, which does not keep a station from posting; the batch is then written in one short write
transaction that first looks again at what changed since the check (the same file imported, a check
taken at the counter or in another batch), so a payment is never taken twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain import mail as rules
from cashdesk.domain.accounts import is_cash_only
from cashdesk.domain.dates import stored_day
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.business_day import open_business_date
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.files import NotAFile, UnreadableText, open_regular_file, open_text
from cashdesk.services.mail_batches import _account_problem, _new_batch
from cashdesk.services.mail_views import BatchView, MailRefused, batch_row, read_view
from cashdesk.store import mail_batches as mail_store
from cashdesk.store import posting as rows
from cashdesk.store.models import MailBatchRow
from cashdesk.words import translate

Progress = Callable[[int, int], None]

#: A refused import lists at most this many problems, then says how many more there are.
MAX_LISTED = 1000
#: Accounts looked up per query while checking a lockbox file (and how often progress is reported).
CHUNK = 500
_MB = 1_000_000
#: Mail items inserted per statement when the batch is written.
_WRITE_CHUNK = 5000
_NOT_UTF8 = "the text is not UTF-8: save the file as UTF-8 (CSV UTF-8) and import it again"


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


# -- reading the file ------------------------------------------------------------------------------


class _TooBig(Exception):
    pass


class _NotUtf8(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _checked_lines(text: io.TextIOWrapper) -> Iterator[str]:
    """The file's lines; a line with bytes that are not text (decoded as lone surrogates) stops the
    reading with its line number."""
    for number, line in enumerate(text, start=1):
        if _UNDECODED.search(line):
            raise _NotUtf8(number)
        yield line


_UNDECODED = re.compile("[\udc80-\udcff]")


class _Counted(io.RawIOBase):
    """The file's bytes as they are read: hashed, counted, and cut off past the limit (a file that grows)."""

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        self._raw = raw
        self._limit = limit
        self.size = 0
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        self.size += len(data)
        if self.size > self._limit:
            raise _TooBig
        self.sha256.update(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass(slots=True)
class _Lockbox:
    rows: list[rules.LockboxRow] = field(default_factory=list)
    problems: list[rules.RowProblem] = field(default_factory=list)
    digest: str = ""
    name: str = ""
    unreadable: bool = False  # not text as it is saved: its rows were not all read


def _too_big(name: str, size: str, limit_mb: int) -> MailRefused:
    return MailRefused(f"{name} is {size}; a payments file may be at most {limit_mb:,} MB (the setting "
                       "imports.payments_max_megabytes). Nothing was changed. Split the file, or ask the "
                       "administrator to raise the limit.")  # fmt: skip


def _read(ctx: ServiceContext, path: Path) -> _Lockbox:
    """Every row and problem of the file, streamed; a file that is not one, or past a limit, is refused."""
    limits = ctx.settings.imports
    name = path.name
    try:
        raw = open_regular_file(path)
    except NotAFile as exc:
        raise MailRefused(translate("payment_imports", "{exc} Nothing was changed.").format(exc=exc)) from None
    except OSError as exc:
        raise MailRefused(
            translate("payment_imports", "Cannot read {path}: {strerror}.").format(
                path=path, strerror=exc.strerror or exc
            )
        ) from None
    limit = limits.payments_max_megabytes * _MB
    size = os.fstat(raw.fileno()).st_size
    if size > limit:
        raw.close()
        raise _too_big(name, f"{size / _MB:,.1f} MB", limits.payments_max_megabytes)
    counted = _Counted(raw, limit)
    found = _Lockbox(name=name)
    try:
        with open_text(io.BufferedReader(counted), errors="surrogateescape") as text:
            for item in rules.LockboxReader(_checked_lines(text)):
                if isinstance(item, rules.RowProblem):
                    found.problems.append(item)
                else:
                    found.rows.append(item)
                # Bad rows count too: a file of garbage lines must not fill the memory with problems.
                if len(found.rows) + len(found.problems) > limits.payments_max_rows:
                    raise MailRefused(
                        translate(
                            "payment_imports",
                            "{name} has more than {limit:,} payments; a payments file may hold at most "
                            "that many (the setting imports.payments_max_rows). Nothing was changed. Split the file, "
                            "or ask the administrator to raise the limit.",
                        ).format(name=name, limit=limits.payments_max_rows)
                    )
    except UnreadableText as exc:
        found.problems.append(rules.RowProblem(1, str(exc)))
        found.unreadable = True
    except _NotUtf8 as exc:
        found.problems.append(rules.RowProblem(exc.line, _NOT_UTF8))
        found.unreadable = True
    except _TooBig:
        raise _too_big(name, f"more than {limits.payments_max_megabytes:,} MB", limits.payments_max_megabytes) from None
    except OSError as exc:
        raise MailRefused(
            translate("payment_imports", "Cannot read {path}: {strerror}.").format(
                path=path, strerror=exc.strerror or exc
            )
        ) from None
    found.digest = counted.sha256.hexdigest()
    return found


# -- the service -----------------------------------------------------------------------------------


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
    operator.require(Permission.TAKE_PAYMENTS, translate("payment_imports", "import mail payments"))
    try:
        rules.check_controls(control_count, control_total)
    except ValueError as exc:
        raise MailRefused(str(exc)) from None
    path = Path(path)
    name = path.name
    now = ctx.now()
    found = _read(ctx, path)
    if found.unreadable:
        _refuse(ctx, operator, name, found.problems, now)
    checked = _check(ctx, found, progress)
    if found.problems:
        _refuse(ctx, operator, name, found.problems, now)
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        late = _taken_since(s, found, checked)
        if late:
            uow.rollback()
            refused = _refusal(s, ctx, operator, name, late, now)
            uow.commit()  # the refusal's audit event only
            raise refused
        batch = _new_batch(s, ctx, operator, control_count, control_total, now, source="lockbox",
                           source_file=name, sha256=found.digest)  # fmt: skip
        result = _write_items(s, batch, found, checked.accounts, control_count, control_total, now)
        audit.record(
            s, user=operator.user_id, station=ctx.station, event_type="mail_import", object=batch.number,
            details={"file": name, "sha256": found.digest[:12], "rows": len(found.rows),
                     "total_cents": result.total.cents, "balanced": result.balanced},
            at=now,
        )  # fmt: skip
        batch_id = batch.id
        uow.commit()
    count = len(found.rows)
    del found, checked  # the file's rows, before the view reads them back: the peak is one, not both
    with ctx.db.unit_of_work(write=False) as uow:
        view = read_view(uow.session, batch_row(uow.session, batch_id))
    return ImportResult(view, name, count)


def _refuse(ctx: ServiceContext, operator: Operator, name: str, problems: Sequence[rules.RowProblem],
            now: dt.datetime) -> None:  # fmt: skip
    """Audit the refusal in its own transaction and raise it."""
    with ctx.db.unit_of_work() as uow:
        refused = _refusal(uow.session, ctx, operator, name, problems, now)
        uow.commit()
    raise refused


def _refusal(s: Session, ctx: ServiceContext, operator: Operator, name: str, problems: Sequence[rules.RowProblem],
             now: dt.datetime) -> PaymentsImportRefused:  # fmt: skip
    """The refusal, listing the first MAX_LISTED problems, with its audit event added to the session."""
    audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_import", object=name[:120],
                 success=False, details={"problems": len(problems)}, at=now)  # fmt: skip
    listed = sorted(problems)[:MAX_LISTED]
    return PaymentsImportRefused(name, listed, len(problems) - len(listed))


@dataclass(frozen=True, slots=True)
class _Checked:
    accounts: dict[str, tuple[int, str, str, bool, dt.date | None]]
    last_item: int  # the newest mail item and tender when the rows were checked
    last_tender: int


def _check(ctx: ServiceContext, found: _Lockbox, progress: Progress | None) -> _Checked:
    """Every row against the accounts and the checks already taken, in a read transaction (a station
    keeps posting meanwhile); problems are added to found.problems."""
    problems = found.problems
    total_rows = len(found.rows)
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        db = rows.driver(s)
        _refuse_twice(s, found)
        last_item = int(db.all("SELECT coalesce(max(id), 0) FROM mail_items", [])[0][0])
        last_tender = int(db.all("SELECT coalesce(max(id), 0) FROM tenders", [])[0][0])
        accounts: dict[str, tuple[int, str, str, bool, dt.date | None]] = {}
        numbers = sorted({r.account for r in found.rows})
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start : start + CHUNK]
            for r in db.all("SELECT id, number, status, cash_only, cash_only_until FROM accounts WHERE number IN ("
                            + ",".join("?" * len(chunk)) + ")", chunk):  # fmt: skip
                accounts[r[1]] = (int(r[0]), r[1], r[2], bool(r[3]), stored_day(r[4]))
        taken = _checks_taken(db, sorted({a[0] for a in accounts.values()}))
        day = open_business_date(s, ctx)
    seen: dict[tuple[str, str], int] = {}
    for done, row in enumerate(found.rows, start=1):
        account = accounts.get(row.account)
        if account is None:
            problems.append(rules.RowProblem(row.line, f"unknown account {row.account}"))
        else:
            refusal = _account_problem(account[1], account[2], is_cash_only(account[3], account[4], day), row.tender)
            if refusal:
                problems.append(rules.RowProblem(row.line, refusal))
            where = taken.get((account[0], row.check_number))
            if where:
                problems.append(rules.RowProblem(row.line, _taken_words(row, where)))
        key = (row.account, row.check_number)
        if key in seen:
            problems.append(rules.RowProblem(row.line, f"duplicate: check {row.check_number} of account "
                                                       f"{row.account} is also on line {seen[key]}"))  # fmt: skip
        else:
            seen[key] = row.line
        if progress is not None and (done % CHUNK == 0 or done == total_rows):
            progress(done, total_rows)
    return _Checked(accounts, last_item, last_tender)


def _taken_words(row: rules.LockboxRow, where: str) -> str:
    return f"duplicate: check {row.check_number} of account {row.account} was already taken ({where})"


def _refuse_twice(s: Session, found: _Lockbox) -> None:
    earlier = s.scalars(select(MailBatchRow.number).where(MailBatchRow.source_sha256 == found.digest,
                                                          MailBatchRow.status != "rejected")).first()  # fmt: skip
    if earlier is not None:
        raise MailRefused(
            translate(
                "payment_imports", "{found_name} was imported already, as batch {earlier}. Nothing was changed."
            ).format(found_name=found.name, earlier=earlier)
        )


def _taken_since(s: Session, found: _Lockbox, checked: _Checked) -> list[rules.RowProblem]:
    """In the write transaction: the same file imported, or a check of the file taken, since the rows
    were checked (only the mail items and tenders added since are read, so this is quick)."""
    _refuse_twice(s, found)
    db = rows.driver(s)
    taken: dict[tuple[int, str], str] = {}
    for account_id, number, batch_number, seq in db.all(
        "SELECT i.account_id, i.check_number, b.number, i.seq FROM mail_items i JOIN mail_batches b "
        "ON b.id = i.batch_id WHERE i.id > ? AND i.check_number != '' AND b.status != 'rejected'",
        [checked.last_item],
    ):  # fmt: skip
        taken.setdefault((int(account_id or 0), number), f"batch {batch_number}, item {seq}, not posted yet")
    for account_id, number, receipt in db.all(
        "SELECT l.account_id, t.reference, r.number FROM tenders t JOIN receipts r ON r.id = t.receipt_id "
        "JOIN receipt_lines l ON l.receipt_id = r.id WHERE t.id > ? AND r.channel != 'mail' "
        "AND r.status = 'posted' AND t.kind IN ('check', 'money_order')", [checked.last_tender],
    ):  # fmt: skip
        taken.setdefault((int(account_id or 0), number), f"receipt {receipt}")
    late: list[rules.RowProblem] = []
    for row in found.rows:
        where = taken.get((checked.accounts[row.account][0], row.check_number))
        if where:
            late.append(rules.RowProblem(row.line, _taken_words(row, where)))
    return late


def _write_items(s: Session, batch: MailBatchRow, found: _Lockbox,
                 accounts: dict[str, tuple[int, str, str, bool, dt.date | None]], control_count: int,
                 control_total: Money, now: dt.datetime) -> rules.Balance:  # fmt: skip
    """The batch's items, in chunks (the memory of one chunk at a time), and its status."""
    db = rows.driver(s)
    for start in range(0, len(found.rows), _WRITE_CHUNK):
        chunk = enumerate(found.rows[start : start + _WRITE_CHUNK], start=start + 1)
        mail_store.add_lockbox_items(db, [(batch.id, seq, accounts[r.account][0], r.account, r.amount.cents, r.tender,
                                           r.check_number, r.payer, r.line) for seq, r in chunk])  # fmt: skip
    result = rules.balance(control_count, control_total, (r.amount for r in found.rows))
    if result.balanced:
        mail_store.balanced(batch, now)
    return result


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


__all__ = ["ImportResult", "PaymentsImportRefused", "import_payments"]
