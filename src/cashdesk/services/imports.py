"""`cashdesk import-accounts`: accounts and open items from the billing system's CSV file.

The layout is in docs/formats.md. Every row is checked before anything is written, and one
bad row means nothing changes. Rows are streamed and staged in temporary tables, so half a
million rows need little memory; the database is locked for writing only while the
differences are written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from sqlalchemy.orm import Session

from cashdesk.domain.cards import mask
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.account_rows import (
    _COLUMN_OF_FIELD,
    _FIELD_OF_COLUMN,
    ACCOUNT_COLUMNS,
    ITEM_COLUMNS,
    _FileReader,
    _RowParser,
)
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.files import NotAFile, UnreadableText, open_regular_file, open_text
from cashdesk.store import imports as import_store
from cashdesk.words import translate

log = logging.getLogger(__name__)
log.addFilter(audit.MaskCardNumbers())  # a file named by a number is logged starred

Progress = Callable[[int, int], None]

#: A refusal lists at most this many problems, then says how many more there are.
MAX_LISTED = 1000
#: Rows staged per batch, and how often progress is reported.
BATCH_ROWS = 5000
#: Lines of the file written per write transaction (a station's posting waits for one such chunk at most).
WRITE_ROWS = 25_000

# -- results and refusals ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the file. line None: the file as a whole."""

    line: int | None
    column: str | None
    reason: str

    def describe(self) -> str:
        if self.line is None:
            return self.reason
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


class ImportRefused(ServiceError):
    """The file was not imported; str() lists every problem for the administrator."""

    def __init__(self, file: str, problems: Sequence[Problem], more: int = 0) -> None:
        self.file = file
        self.problems = tuple(sorted(problems, key=lambda p: p.line or 0))
        self.more = more
        super().__init__(self._message())

    def _message(self) -> str:
        total = len(self.problems) + self.more
        lines = {p.line for p in self.problems if p.line is not None}
        where = f" on {_count(len(lines), 'line')}" if lines and not self.more else ""
        out = [f"{self.file} was not imported: {_count(total, 'problem')}{where}."]
        out += [p.describe() for p in self.problems]
        if self.more:
            out.append(f"… and {_count(self.more, 'more problem')} not listed.")
        out.append("Nothing was changed. Correct the file and import it again.")
        return "\n".join(out)


@dataclass(frozen=True, slots=True)
class ImportResult:
    file: str
    rows: int
    accounts_added: int
    accounts_changed: int
    accounts_unchanged: int
    items_added: int
    items_changed: int
    items_unchanged: int
    items_not_in_file: int  # open items of these accounts that the file did not mention

    @property
    def changed_anything(self) -> bool:
        return bool(self.accounts_added or self.accounts_changed or self.items_added or self.items_changed)

    def describe(self) -> str:
        text = (
            f"Imported {_count(self.rows, 'row')}: "
            f"{_count(self.accounts_added, 'account')} added, {self.accounts_changed:,} changed, "
            f"{self.accounts_unchanged:,} unchanged; "
            f"{_count(self.items_added, 'open item')} added, {self.items_changed:,} changed, "
            f"{self.items_unchanged:,} unchanged."
        )
        if self.items_not_in_file:
            text += (
                f" {_count(self.items_not_in_file, 'open item')} of these accounts "
                f"{'was' if self.items_not_in_file == 1 else 'were'} not in the file and "
                f"{'was' if self.items_not_in_file == 1 else 'were'} left as before."
            )
        return text


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# -- the service -------------------------------------------------------------------------


def import_accounts(
    ctx: ServiceContext,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    actor: Operator | None = None,
) -> ImportResult:
    """Add and update accounts and open items from the billing system's CSV file.

    All or nothing: any problem raises ImportRefused and the database is left as it was.
    Accounts and items are matched by account number and by (account, item_id), so the same
    file imported twice changes nothing. Nothing is ever deleted.

    actor: who imports (default: the administrator at the command line). The import is
    audited ("import_accounts") in its own transaction; a refusal is audited after the
    rollback, with success False.
    """
    actor = actor or command_line_operator()
    actor.require(Permission.IMPORT_DATA, translate("imports", "import accounts"))
    try:
        return _import_accounts(ctx, actor, path, progress)
    except ServiceError as refused:
        _audit_refusal(ctx, actor, Path(path).name, refused)
        raise


def _audit_refusal(ctx: ServiceContext, actor: Operator, name: str, refused: ServiceError) -> None:
    details: dict[str, object] = {}
    if isinstance(refused, ImportRefused):
        details["problems"] = len(refused.problems) + refused.more
    else:
        details["problem"] = mask(str(refused).replace(name, "FILE"))[:200]
    with ctx.db.unit_of_work() as uow:
        audit.record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="import_accounts",
            object=mask(name)[:120], success=False, details=details, at=ctx.now(),
        )  # fmt: skip
        uow.commit()


def _import_accounts(
    ctx: ServiceContext, actor: Operator, path: str | os.PathLike[str], progress: Progress | None
) -> ImportResult:
    file = Path(path)
    name = file.name
    handle, total = _open(file)
    now = ctx.clock().astimezone(dt.UTC).replace(tzinfo=None)

    with import_store.import_stage(ctx.db.engine) as stage:
        codes = stage.revenue_codes()
        problems = _Problems()
        try:
            with handle:
                header, rows = _stage_rows(handle, name, stage, codes, problems, progress, total)
        except OSError as exc:
            raise ServiceError(
                translate("imports", "The file {file} cannot be read ({strerror}).").format(
                    file=file, strerror=exc.strerror
                )
            ) from None
        if rows == 0 and not problems:
            raise ImportRefused(
                name,
                [Problem(None, None, translate("imports", "The file has a header but no rows: nothing to import."))],
            )
        _check_staged(stage, problems, name)
        present = set(header)
        account_fields = [f for c in ACCOUNT_COLUMNS[1:] if c in present for f in _FIELD_OF_COLUMN.get(c, (c,))]
        item_fields = [f for c in ITEM_COLUMNS if c in present for f in _FIELD_OF_COLUMN.get(c, (c,))]
        result = _write(ctx, actor, stage, problems, name, rows, (account_fields, item_fields), now)

    if progress is not None:
        progress(total, total)
    log.info("%s: %s", name, result.describe())
    return result


def _stage_rows(handle: TextIO, name: str, stage: import_store.ImportStage, codes: dict[str, str],
                problems: _Problems, progress: Progress | None, total: int) -> tuple[list[str], int]:  # fmt: skip
    """Read the header, check each row and stage the good ones in batches: (the header, rows read)."""
    reader = _FileReader(handle, problems)
    header = reader.header(name)
    parser = _RowParser(header, codes, problems)
    batch: list[tuple[object, ...]] = []
    rows = 0
    for line, cells in reader.rows(len(header)):
        rows += 1
        staged = parser.parse(line, cells)
        if staged is not None:
            batch.append(staged)
        if len(batch) >= BATCH_ROWS:
            stage.add(batch)
            batch = []
        if progress is not None and rows % BATCH_ROWS == 0:
            progress(min(rows, total - 1), total)
    stage.add(batch)
    return header, rows


def _check_staged(stage: import_store.ImportStage, problems: _Problems, name: str) -> None:
    """What only the whole file shows (an account's rows that disagree, an item id twice); refused
    with every problem found so far."""
    stage.index()
    for clash in stage.clashes():
        for field in clash.fields:
            if field == "phone_digits" and "phone" in clash.fields:
                continue
            problems.add(
                clash.line,
                _COLUMN_OF_FIELD.get(field, field),
                f"differs from line {clash.first_line} for account {clash.account}. "
                "Every row of an account must repeat the same account details.",
            )
    for line, first_line, account in stage.duplicate_items():
        problems.add(
            line,
            "item_id",
            f"account {account} already has this item id on line {first_line}. "
            "Each open item of an account needs its own item id.",
        )
    if problems:
        log.warning("Refused to import %s: %d problems", name, problems.count)
        raise problems.refusal(name)


def _write(
    ctx: ServiceContext, actor: Operator, stage: import_store.ImportStage, problems: _Problems, name: str,
    rows: int, fields: tuple[list[str], list[str]], now: dt.datetime,
) -> ImportResult:  # fmt: skip
    """Write the staged differences, WRITE_ROWS lines of the file per write transaction, so a station
    posting beside a big import waits for one chunk at most, never for the whole file. The last chunk's
    transaction holds the audit event. A crash part-way leaves the chunks written so far; importing the
    same file again writes the rest and changes nothing else."""
    chunks = stage.chunks(WRITE_ROWS) or [(0, 1)]
    counts: import_store.UpsertCounts | None = None
    for number, lines in enumerate(chunks):
        with stage.writing():
            if number == 0:
                for change in stage.kind_changes():
                    problems.add(
                        change.line,
                        "kind",
                        f"account {change.account} is a {_kind_words(change.kind_held)} account in cashdesk; "
                        f"an import cannot make it a {_kind_words(change.kind_in_file)} account.",
                    )
                if problems:
                    log.warning("Refused to import %s: %d problems", name, problems.count)
                    raise problems.refusal(name)
            part = stage.apply(*fields, now, lines)
            counts = part if counts is None else counts + part
            if number < len(chunks) - 1:
                continue
            result = ImportResult(
                file=name,
                rows=rows,
                accounts_added=counts.accounts_added,
                accounts_changed=counts.accounts_changed,
                accounts_unchanged=counts.accounts - counts.accounts_added - counts.accounts_changed,
                items_added=counts.items_added,
                items_changed=counts.items_changed,
                items_unchanged=counts.items - counts.items_added - counts.items_changed,
                items_not_in_file=counts.items_not_in_file,
            )
            # In the last chunk's write transaction: the last accounts and the audit event land together.
            with Session(bind=stage._conn) as session:  # noqa: SLF001 - the stage has no public handle yet
                audit.record(
                    session, user=actor.user_id, station=ctx.station, event_type="import_accounts",
                    object=mask(name)[:120], details=_audit_counts(result), at=ctx.now(),
                )  # fmt: skip
    return result


def _audit_counts(result: ImportResult) -> dict[str, int]:
    return {
        "rows": result.rows,
        "accounts_added": result.accounts_added,
        "accounts_changed": result.accounts_changed,
        "items_added": result.items_added,
        "items_changed": result.items_changed,
    }


def _kind_words(kind: str) -> str:
    return kind.replace("_", " ")


class _Problems:
    """Problems found so far; keeps the first MAX_LISTED and counts the rest."""

    def __init__(self) -> None:
        self.listed: list[Problem] = []
        self.count = 0

    def add(self, line: int | None, column: str | None, reason: str) -> None:
        self.count += 1
        if len(self.listed) < MAX_LISTED:
            self.listed.append(Problem(line, column, reason))

    def __bool__(self) -> bool:
        return self.count > 0

    def refusal(self, file: str) -> ImportRefused:
        return ImportRefused(file, self.listed, self.count - len(self.listed))


def _open(file: Path) -> tuple[TextIO, int]:
    """The file as text (UTF-8, or UTF-16/32 by its byte-order mark) and its count of data lines;
    anything but a readable regular file is refused in words before a byte is read."""
    try:
        raw = open_regular_file(file)
    except FileNotFoundError:
        raise ServiceError(
            translate("imports", "There is no file {file}. Check the name and the folder.").format(file=file)
        ) from None
    except NotAFile as exc:
        raise ServiceError(str(exc)) from None
    except OSError as exc:
        raise ServiceError(
            translate("imports", "The file {file} cannot be read ({strerror}).").format(
                file=file, strerror=exc.strerror
            )
        ) from None
    try:
        total = _count_data_lines(raw)
        raw.seek(0)
        return open_text(raw, errors="surrogateescape"), total
    except UnreadableText as exc:
        raw.close()
        raise ImportRefused(
            file.name, [Problem(None, None, translate("imports", "The file cannot be read: {exc}.").format(exc=exc))]
        ) from None
    except OSError as exc:
        raw.close()
        raise ServiceError(
            translate("imports", "The file {file} cannot be read ({strerror}).").format(
                file=file, strerror=exc.strerror
            )
        ) from None


def _count_data_lines(raw: BinaryIO) -> int:
    """Lines after the header: the progress bar's total (quoted line breaks make it a little high)."""
    lines = 0
    last = b"\n"
    while chunk := raw.read(1 << 20):
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    if last not in (b"\n", b"\x00"):
        lines += 1
    return max(lines - 1, 1)
