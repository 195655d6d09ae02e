"""Mail batches as pure rules: states, balancing to the adding-machine tape, suspect
remittances, and reading a lockbox (payments) file.

A batch carries the tape's control count and total; it posts only when the remittances
entered add up to both. Suspects do not stop a batch from balancing: they are shown so the
cashier looks at them before posting. The lockbox layout is in docs/formats.md.
"""

from __future__ import annotations

import csv
import enum
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.receipts import MAX_PAYER  # one limit, at the counter and by mail
from cashdesk.domain.text import bad_character
from cashdesk.words import QT_TRANSLATE_NOOP, translate

# -- states ------------------------------------------------------------------------------------


class BatchStatus(enum.StrEnum):
    OPEN = "open"
    BALANCED = "balanced"
    POSTED = "posted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            "open": QT_TRANSLATE_NOOP("mail", "Open"),
            "balanced": QT_TRANSLATE_NOOP("mail", "Balanced"),
            "posted": QT_TRANSLATE_NOOP("mail", "Posted"),
            "rejected": QT_TRANSLATE_NOOP("mail", "Rejected"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("mail", self.label)


class ItemStatus(enum.StrEnum):
    ENTERED = "entered"
    POSTED = "posted"
    REVERSED = "reversed"


TRANSITIONS: Mapping[BatchStatus, frozenset[BatchStatus]] = {
    BatchStatus.OPEN: frozenset({BatchStatus.BALANCED, BatchStatus.REJECTED}),
    BatchStatus.BALANCED: frozenset({BatchStatus.POSTED, BatchStatus.REJECTED}),
    BatchStatus.POSTED: frozenset(),  # corrected item by item (reversals), never as a whole
    BatchStatus.REJECTED: frozenset(),
}


class BatchStateError(ValueError):
    """A move a batch in its state cannot make; the message is for the cashier."""


def can_move(current: BatchStatus | str, target: BatchStatus | str) -> bool:
    return BatchStatus(target) in TRANSITIONS[BatchStatus(current)]


#: Why a batch cannot make a move, and the move in words (translated where they are said).
_WHY_NOT = {
    (BatchStatus.OPEN, BatchStatus.POSTED): QT_TRANSLATE_NOOP(
        "mail", "it is not balanced yet: balance it to the tape first"
    ),
    (BatchStatus.POSTED, BatchStatus.POSTED): QT_TRANSLATE_NOOP("mail", "it is already posted"),
    (BatchStatus.REJECTED, BatchStatus.POSTED): QT_TRANSLATE_NOOP("mail", "it was rejected"),
    (BatchStatus.BALANCED, BatchStatus.BALANCED): QT_TRANSLATE_NOOP("mail", "it is already balanced"),
    (BatchStatus.POSTED, BatchStatus.BALANCED): QT_TRANSLATE_NOOP("mail", "it is already posted"),
    (BatchStatus.REJECTED, BatchStatus.BALANCED): QT_TRANSLATE_NOOP("mail", "it was rejected"),
    (BatchStatus.POSTED, BatchStatus.REJECTED): QT_TRANSLATE_NOOP(
        "mail", "it is posted: a supervisor reverses its items one by one instead"
    ),
    (BatchStatus.REJECTED, BatchStatus.REJECTED): QT_TRANSLATE_NOOP("mail", "it was already rejected"),
}

_VERB = {
    BatchStatus.BALANCED: QT_TRANSLATE_NOOP("mail", "be balanced"),
    BatchStatus.POSTED: QT_TRANSLATE_NOOP("mail", "post"),
    BatchStatus.REJECTED: QT_TRANSLATE_NOOP("mail", "be rejected"),
    BatchStatus.OPEN: QT_TRANSLATE_NOOP("mail", "be reopened"),
}


def require_move(number: str, current: BatchStatus | str, target: BatchStatus | str) -> None:
    """Refuse, in the cashier's words, a move the batch cannot make."""
    current, target = BatchStatus(current), BatchStatus(target)
    if not can_move(current, target):
        known = _WHY_NOT.get((current, target))
        why = (
            translate("mail", known)
            if known
            else translate("mail", "it is {status}").format(status=current.shown.lower())
        )
        raise BatchStateError(
            translate("mail", "Batch {number} cannot {target}: {why}.").format(
                number=number, target=translate("mail", _VERB[target]), why=why
            )
        )


# -- balancing to the tape --------------------------------------------------------------------


def _items(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


@dataclass(frozen=True, slots=True)
class Balance:
    control_count: int
    control_total: Money
    count: int
    total: Money

    @property
    def count_difference(self) -> int:
        """Entered - control: positive when more remittances were entered than the tape counts."""
        return self.count - self.control_count

    @property
    def total_difference(self) -> Money:
        return self.total - self.control_total

    @property
    def balanced(self) -> bool:
        return self.count_difference == 0 and self.total_difference.cents == 0

    def describe(self) -> str:
        """The differences, in the cashier's words ("" when balanced)."""
        parts = []
        if self.count_difference:
            more = "more" if self.count_difference > 0 else "fewer"
            parts.append(f"{_items(abs(self.count_difference))} {more} than the tape "
                         f"({self.count} entered, the tape counts {self.control_count})")  # fmt: skip
        if self.total_difference:
            more = "more" if self.total_difference.cents > 0 else "less"
            parts.append(f"{Money(abs(self.total_difference.cents)).display()} "
                         f"{more} than the tape ({self.total.display()} entered, the tape says "
                         f"{self.control_total.display()})")  # fmt: skip
        return "; ".join(parts)


def balance(control_count: int, control_total: Money, amounts: Iterable[Money]) -> Balance:
    count = 0
    total = 0
    for amount in amounts:
        count += 1
        total += amount.cents
    return Balance(control_count, control_total, count, Money(total))


def check_controls(control_count: int, control_total: Money) -> None:
    """The tape's figures: a count of at least one, a total of more than $0.00."""
    if type(control_count) is not int or control_count < 1:
        raise ValueError("The control count is the number of remittances on the tape: 1 or more.")
    if control_count > 100_000:
        raise ValueError("A batch holds at most 100,000 remittances. Split the mail into several batches.")
    if control_total.cents <= 0:
        raise ValueError("The control total is the tape's total: more than $0.00.")


# -- suspects ---------------------------------------------------------------------------------

#: A remittance is far above what is due when it exceeds it by more than this many times the
#: amount due and by more than FAR_ABOVE_MARGIN (so a $5 bill paid with $20 is not suspect).
FAR_ABOVE_TIMES = 2
FAR_ABOVE_MARGIN = Money(100_00)


@dataclass(frozen=True, slots=True)
class Remittance:
    """What a suspect rule needs to know of one item."""

    seq: int
    account: str  # as typed or scanned
    account_known: bool
    amount: Money
    check_number: str = ""
    stub_amount: Money | None = None  # the amount due printed on the scanned stub
    amount_due: Money | None = None  # what the account owed when the item was looked at


def far_above(amount: Money, due: Money) -> bool:
    over = amount.cents - max(due.cents, 0)
    return over > FAR_ABOVE_MARGIN.cents and over > FAR_ABOVE_TIMES * max(due.cents, 0)


def suspects(
    items: Sequence[Remittance],
    *,
    posted_checks: Mapping[tuple[str, str], str] | None = None,
) -> dict[int, str]:
    """seq -> why the item is suspect, in the cashier's words (items not listed are fine).

    posted_checks: (account, check number) -> where it was posted before (e.g. "batch M-20261125-01").
    """
    posted_checks = posted_checks or {}
    found: dict[int, str] = {}
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        reasons: list[str] = []
        if not item.account_known:
            reasons.append(f"account {item.account or '(none)'} is not on file")
        if item.stub_amount is not None and item.stub_amount != item.amount:
            reasons.append(f"the stub says {item.stub_amount.display()} but {item.amount.display()} was keyed")
        if item.check_number:
            key = (item.account, item.check_number)
            if key in seen:
                reasons.append(f"check {item.check_number} of this account is also item {seen[key]} of this batch")
            else:
                seen[key] = item.seq
            if key in posted_checks:
                reasons.append(f"check {item.check_number} of this account was already posted ({posted_checks[key]})")
        if item.amount_due is not None and far_above(item.amount, item.amount_due):
            reasons.append(f"{item.amount.display()} is far above the {item.amount_due.display()} due")
        if reasons:
            text = "; ".join(reasons)
            found[item.seq] = text[0].upper() + text[1:] + "."
    return found


# -- the lockbox (payments) file ----------------------------------------------------------------

REQUIRED_COLUMNS: tuple[str, ...] = ("account", "amount", "check_number", "payer")
#: Optional columns that are read; any other column is allowed and ignored.
OPTIONAL_COLUMNS: tuple[str, ...] = ("tender",)
TENDERS = ("check", "money_order")
MAX_ACCOUNT = 20
_CHECK_NUMBER = re.compile(r"[0-9]{1,10}")
_SERIAL = re.compile(r"[0-9A-Za-z-]{1,20}")


@dataclass(frozen=True, slots=True)
class LockboxRow:
    line: int  # the file's line where the row starts (the header is line 1)
    account: str  # normalised: digits and letters
    amount: Money
    check_number: str
    payer: str
    tender: str = "check"


@dataclass(frozen=True, slots=True, order=True)
class RowProblem:
    line: int
    reason: str

    def describe(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LockboxParse:
    rows: tuple[LockboxRow, ...]
    problems: tuple[RowProblem, ...]
    columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_amount(text: str) -> Money:
    """A lockbox amount: 123.45, 1234.5, $1,234.56; never zero or negative."""
    return Money.parse(text, allow_zero=False)


def _row(line: int, cells: Mapping[str, str]) -> LockboxRow | list[str]:
    """The row, or the reasons it is refused."""
    reasons: list[str] = []
    if any(contains_card_number(value) for value in cells.values()):
        # The digits are never echoed back.
        return ["a cell looks like a payment card number; card numbers are never stored. Remove it from the file"]
    raw_account = cells["account"].strip()
    account = normalize_account_number(raw_account)
    if not account:
        reasons.append("the account is missing")
    elif len(account) > MAX_ACCOUNT or len(raw_account) > 40:
        reasons.append(f'the account "{raw_account[:24]}" is too long (at most {MAX_ACCOUNT} digits and letters)')
    amount: Money | None = None
    try:
        amount = parse_amount(cells["amount"])
    except MoneyError as exc:
        shown = cells["amount"].strip()
        message = str(exc)
        why = ("write it like 123.45 or $1,234.56" if exc.not_an_amount
               else message[0].lower() + message[1:].rstrip("."))  # fmt: skip
        reasons.append(f'bad amount "{shown[:20]}": {why}' if shown else "the amount is missing")
    tender = (cells.get("tender") or "check").strip().lower().replace(" ", "_") or "check"
    if tender not in TENDERS:
        reasons.append(f'the tender "{tender[:20]}" is not check or money_order')
    number = cells["check_number"].strip()
    if tender == "money_order":
        if not _SERIAL.fullmatch(number):
            reasons.append("a money order needs its serial number (up to 20 letters, digits or dashes)")
    elif not _CHECK_NUMBER.fullmatch(number):
        reasons.append(f"bad check number \"{number[:20]}\": up to 10 digits" if number
                       else "the check number is missing")  # fmt: skip
    payer = " ".join(cells["payer"].split())
    found = bad_character(payer)
    if found is not None:
        reasons.append(f"the payer holds {found}, which cannot be printed or kept")
    if len(payer) > MAX_PAYER:
        reasons.append(f"the payer is longer than {MAX_PAYER} characters")
    if reasons or amount is None:
        return reasons
    if tender == "check":
        number = number.lstrip("0") or "0"  # as the MICR line gives it (domain/micr.py)
    return LockboxRow(line, account, amount, number, payer, tender)


def _csv_words(exc: Exception) -> str:
    """What Python's CSV reader found wrong, in words."""
    said = str(exc)
    if "field limit" in said:
        return f"a value is longer than {csv.field_size_limit():,} characters, or a quote is not closed"
    if "quote" in said or "delimiter" in said or "end of data" in said or "EOF" in said:
        return "the quotes are not right: a quoted value is not closed, or there is text after its closing quote"
    if "NUL" in said or "line contains" in said:
        return "it holds a control character"
    return "it is not readable comma-separated text"


def parse_lockbox(text: str) -> LockboxParse:
    """Every good row and every problem (with its line number) of a lockbox file's text."""
    rows: list[LockboxRow] = []
    problems: list[RowProblem] = []
    reading = LockboxReader(io.StringIO(text, newline=""))
    for found in reading:
        if isinstance(found, LockboxRow):
            rows.append(found)
        else:
            problems.append(found)
    return LockboxParse(tuple(rows), tuple(problems), reading.columns)


class LockboxReader:
    """A lockbox file's rows and problems one at a time, as they are read: a file of any length is
    streamed. `lines` is the file's text (opened with newline=""); .columns is the header's, once read."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.columns: tuple[str, ...] = ()
        self._found = self._read(lines)

    def __iter__(self) -> Iterator[LockboxRow | RowProblem]:
        return self._found

    def _read(self, lines: Iterable[str]) -> Iterator[LockboxRow | RowProblem]:
        reader = csv.reader(_without_mark(lines), strict=True)
        try:
            header = next(reader)
        except StopIteration:
            header = []
        except csv.Error as exc:
            yield RowProblem(1, f"the header row cannot be read ({_csv_words(exc)})")
            return
        if not any(cell.strip() for cell in header) and not any(any(c.strip() for c in row) for row in reader):
            yield RowProblem(1, "the file is empty: it needs a header row and one row per payment")
            return
        self.columns = columns = tuple(cell.strip().lower().replace(" ", "_").replace("-", "_") for cell in header)
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        doubled = sorted({c for c in columns if c and columns.count(c) > 1})
        if missing:
            yield RowProblem(1, "the header has no column " + ", ".join(missing) + " (it needs "
                             + ", ".join(REQUIRED_COLUMNS) + ", in any order)")  # fmt: skip
        if doubled:
            yield RowProblem(1, "the header names a column twice: " + ", ".join(doubled))
        if missing or doubled:
            return
        yield from self._rows(reader, columns)

    @staticmethod
    def _rows(reader: Any, columns: tuple[str, ...]) -> Iterator[LockboxRow | RowProblem]:
        wanted = {name: columns.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in columns}
        last_line = reader.line_num
        any_row = False
        while True:
            start = last_line + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield RowProblem(start, f"the row cannot be read ({_csv_words(exc)})")
                return  # the reader cannot resynchronise after a broken quote
            last_line = reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue  # blank lines are allowed
            any_row = True
            if len(cells) != len(columns):
                yield RowProblem(start, f"the row has {len(cells)} cells; the header has {len(columns)}")
                continue
            result = _row(start, {name: cells[i] for name, i in wanted.items()})
            if isinstance(result, LockboxRow):
                yield result
            else:
                yield from (RowProblem(start, reason) for reason in result)
        if not any_row:
            yield RowProblem(1, "the file has a header but no payments")


def _without_mark(lines: Iterable[str]) -> Iterator[str]:
    """The lines with a byte-order mark at the start of the first one dropped."""
    first = True
    for line in lines:
        yield line[1:] if first and line.startswith("\ufeff") else line
        first = False


def write_lockbox(rows: Iterable[LockboxRow], columns: Sequence[str] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS) -> str:
    """A lockbox file's text (for tests, benchmarks and training files)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        values = {"account": row.account, "amount": row.amount.to_file(), "check_number": row.check_number,
                  "payer": row.payer, "tender": row.tender}  # fmt: skip
        writer.writerow([values.get(c, "") for c in columns])
    return buffer.getvalue()
