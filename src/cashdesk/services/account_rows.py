"""The billing system's CSV file, row by row: its columns, reading it, and checking each cell.

Used by `cashdesk import-accounts` (services/imports.py), which stages the rows and writes them.
Every problem is added, with its line and column, to the import's list (services/imports.py's
_Problems); the layout is in docs/formats.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from cashdesk.domain.accounts import ACCOUNT_NUMBER_MAX, AccountKind, AccountStatus, FilingFrequency
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.text import bad_character
from cashdesk.store import imports as import_store

if TYPE_CHECKING:
    from cashdesk.services.imports import ImportRefused, _Problems

ACCOUNT_COLUMNS: tuple[str, ...] = (
    "account",
    "kind",
    "name",
    "status",
    "service_address",
    "mailing_address",
    "phone",
    "cash_only",
    "deposit_held",
    "credit",
    "licence_number",
    "filing_frequency",
)
ITEM_COLUMNS: tuple[str, ...] = (
    "item_id",
    "revenue_code",
    "description",
    "period",
    "bill_date",
    "due_date",
    "amount",
    "paid",
)
COLUMNS: tuple[str, ...] = ACCOUNT_COLUMNS + ITEM_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = ("account", "kind", "name")
#: A file with any item column must have all of these.
REQUIRED_ITEM_COLUMNS: tuple[str, ...] = ("item_id", "revenue_code", "due_date", "amount")
SALES_TAX_ONLY: tuple[str, ...] = ("licence_number", "filing_frequency")

#: Which staged account/item field each column fills (docs/formats.md names the columns).
_FIELD_OF_COLUMN: dict[str, tuple[str, ...]] = {
    "phone": ("phone", "phone_digits"),
    "deposit_held": ("deposit_held_cents",),
    "credit": ("credit_cents",),
    "amount": ("amount_cents",),
    "paid": ("paid_cents",),
}
#: The column to blame when two rows of one account disagree on a staged field.
_COLUMN_OF_FIELD: dict[str, str] = {field: column for column, fields in _FIELD_OF_COLUMN.items() for field in fields}

_MAX_LENGTH = {
    "name": 120,
    "service_address": 200,
    "mailing_address": 300,
    "phone": 30,
    "licence_number": 40,
    "item_id": 40,
    "description": 120,
    "period": 10,
}
_ACCOUNT_NUMBER = re.compile(rf"[A-Za-z0-9]{{1,{ACCOUNT_NUMBER_MAX}}}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"", "no", "n", "false", "0"})
_KINDS = {k.value: k.value for k in AccountKind}
_STATUSES = {s.value: s.value for s in AccountStatus}
_FREQUENCIES = {f.value: f.value for f in FilingFrequency}

# Card numbers: 13 to 19 digits, possibly in groups split by one space or dash.
_LONG_DIGIT_RUN = re.compile(r"[0-9](?:[ -]?[0-9]){12,}")
_UNDECODABLE = re.compile("[\udc80-\udcff]")
#: A quick first look at a whole row: anything that might be undecodable or a card number.
_SUSPECT = re.compile(f"{_UNDECODABLE.pattern}|[0-9][0-9 -]{{12,}}")
#: The form the billing system writes (1234.50), read without Money.parse's general rules;
#: 7 whole digits at most keeps it within Money's largest amount.
_PLAIN_AMOUNT = re.compile(r"([0-9]{1,7})\.([0-9]{2})")
_CELL_SEPARATOR = "\x1f"  # joins a row's cells for one quick scan; never inside a digit run

CARD_NUMBER_REASON = (
    "looks like a payment card number (13 to 19 digits that pass the card check-digit test). "
    "Card numbers are never stored: remove it from the file, or ask for an export without it."
)


# -- reading the file --------------------------------------------------------------------


def _normalise_column(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


class _FileReader:
    def __init__(self, handle: TextIO, problems: _Problems) -> None:
        self._reader = csv.reader(handle, strict=True)
        self._problems = problems
        self._file = ""

    def _refuse(self) -> ImportRefused:
        return self._problems.refusal(self._file)

    def header(self, file: str) -> list[str]:
        self._file = file
        problems = self._problems
        try:
            first = next((row for row in self._reader if any(c.strip() for c in row)), None)
        except csv.Error:
            problems.add(1, None, "the header row is not readable CSV (check its quotes).")
            raise self._refuse() from None
        if first is None:
            problems.add(
                None,
                None,
                "The file is empty. It needs a header row naming the columns, then one row per "
                "account or open item (see docs/formats.md).",
            )
            raise self._refuse()
        line = self._reader.line_num
        names = [_normalise_column(c) for c in first]
        seen: dict[str, int] = {}
        for position, (raw, col) in enumerate(zip(first, names, strict=True), start=1):
            if _UNDECODABLE.search(raw):
                problems.add(line, f"{position}", _UNDECODABLE_REASON)
            elif _has_card_number(raw):
                problems.add(line, f"{position}", CARD_NUMBER_REASON)
            elif not col:
                problems.add(line, f"{position}", "the header names no column here.")
            elif col in seen:
                problems.add(line, col, f"is named twice in the header (columns {seen[col]} and {position}).")
            elif col not in COLUMNS:
                close = difflib.get_close_matches(col, COLUMNS, n=1)
                hint = f" Did you mean {close[0]}?" if close else ""
                problems.add(
                    line,
                    _shorten(col, 40),
                    f"is not a column cashdesk knows.{hint} The columns are in docs/formats.md.",
                )
            seen.setdefault(col, position)
        if len(first) == 1 and (";" in first[0] or "\t" in first[0]):
            problems.add(line, None, "the columns must be separated by commas (this file seems to use ; or tabs).")
        for col in REQUIRED_COLUMNS:
            if col not in seen:
                problems.add(line, col, "is missing from the header; every file needs it.")
        if any(col in seen for col in ITEM_COLUMNS):
            for col in REQUIRED_ITEM_COLUMNS:
                if col not in seen:
                    problems.add(
                        line,
                        col,
                        "is missing from the header; a file with open items needs "
                        + ", ".join(REQUIRED_ITEM_COLUMNS[:-1])
                        + f" and {REQUIRED_ITEM_COLUMNS[-1]}.",
                    )
        if problems:
            raise self._refuse()
        return names

    def rows(self, width: int) -> Iterator[tuple[int, list[str]]]:
        """(line where the row starts, cells) for every row that is not blank."""
        reader = self._reader
        problems = self._problems
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if "field limit" in str(exc):
                    reason = (f"a value is longer than {csv.field_size_limit():,} characters, so this is not a "
                              "billing file, or a quote is not closed. Nothing after this line was read.")  # fmt: skip
                else:
                    reason = ("the quotes are not right: a quoted value is not closed, or there is text after "
                              "its closing quote. Nothing after this line was read.")  # fmt: skip
                problems.add(start, None, reason)
                return
            if not any(cells) or (not cells[0].strip() and not any(c.strip() for c in cells)):
                continue  # a blank row
            if len(cells) != width:
                if len(cells) > width and not any(c.strip() for c in cells[width:]):
                    cells = cells[:width]
                else:
                    problems.add(
                        start,
                        None,
                        f"has {len(cells)} values but the header names {width} columns. "
                        "Check for a missing or extra comma, or a value with a comma that is not in quotes.",
                    )
                    continue
            yield start, cells


#: The one text column that may hold line breaks.
_MULTILINE = frozenset({"mailing_address"})

_UNDECODABLE_REASON = (
    "has characters that are not UTF-8 text. Save the file as UTF-8 "
    '(in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.'
)


def _luhn(digits: str) -> bool:
    total = 0
    for position, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if position % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _has_card_number(text: str) -> bool:
    """A run of 13-19 digits (whole, or made of whole groups split by a space or dash) that passes Luhn."""
    for match in _LONG_DIGIT_RUN.finditer(text):
        groups = re.split(r"[ -]", match.group())
        for first in range(len(groups)):
            digits = ""
            for group in groups[first:]:
                digits += group
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and _luhn(digits):
                    return True
    return False


# -- checking one row --------------------------------------------------------------------


class _CellError(Exception):
    pass


_NO_ITEM: tuple[None, ...] = (None,) * len(import_store.ITEM_FIELDS)


class _RowParser:
    """Turns a row's cells into a staged tuple (import_store.STAGED_FIELDS), or reports why not.

    Rows of one account usually follow each other and repeat the same account cells, so the
    account part of the last good row is kept and reused when the cells are the same.
    """

    def __init__(self, header: list[str], codes: dict[str, str], problems: _Problems) -> None:
        self._header = header
        self._index = {col: i for i, col in enumerate(header)}
        self._codes = codes
        self._codes_upper = {code.upper(): code for code in codes}
        self._problems = problems
        self._account_columns = tuple((col, i) for i, col in enumerate(header) if col in ACCOUNT_COLUMNS)
        self._item_columns = tuple((col, i) for i, col in enumerate(header) if col in ITEM_COLUMNS)
        self._account_positions = tuple(i for _, i in self._account_columns)
        self._item_positions = tuple(i for _, i in self._item_columns)
        self._last_cells: tuple[str, ...] | None = None
        self._last_account: tuple[object, ...] = ()
        self._kind = _cached(_choice(_KINDS, "an account kind", default=None))
        self._status = _cached(_choice(_STATUSES, "a status", default="active"))
        self._frequency = _cached(_choice(_FREQUENCIES, "a filing frequency", default=None))
        self._flag = _cached(_flag)
        self._date = _cached(_date)
        self._amount = _cached(_amount)
        self._code = _cached(self._revenue_code)

    def parse(self, line: int, cells: list[str]) -> tuple[object, ...] | None:
        before = self._problems.count
        skip = self._refused_cells(line, cells)
        key = tuple(cells[i] for i in self._account_positions)
        if not skip and key == self._last_cells:
            account = self._last_account
        else:
            account = self._account(line, cells, skip)
            if self._problems.count == before and not skip:
                self._last_cells, self._last_account = key, account
        item = self._item(line, cells, skip) if any(cells[i].strip() for i in self._item_positions) else _NO_ITEM
        if self._problems.count != before:
            return None
        return (line, *account, *item)

    # -- cells -----------------------------------------------------------------------------

    def _refused_cells(self, line: int, cells: list[str]) -> frozenset[int]:
        """Cells that are not text or hold a card number: reported, and never looked at again."""
        if not _SUSPECT.search(_CELL_SEPARATOR.join(cells)):
            return frozenset()
        refused: set[int] = set()
        for i, text in enumerate(cells):
            if _UNDECODABLE.search(text):
                self._problems.add(line, self._header[i], _UNDECODABLE_REASON)
                refused.add(i)
            elif _has_card_number(text):
                self._problems.add(line, self._header[i], CARD_NUMBER_REASON)
                refused.add(i)
        return frozenset(refused)

    def _cells(self, columns: tuple[tuple[str, int], ...], cells: list[str], skip: frozenset[int]) -> dict[str, str]:
        """The trimmed cells by column; a column not in the file, or a refused cell, is absent."""
        if skip:
            return {col: cells[i].strip() for col, i in columns if i not in skip}
        return {col: cells[i].strip() for col, i in columns}

    def _required(self, line: int, text: str | None, col: str, what: str, *, item: bool = False) -> str | None:
        if text == "":
            needs = "a row with an open item needs one" if item else "every row needs one"
            self._problems.add(line, col, f"{what} is missing; {needs}.")
            return None
        return text

    def _check(self, line: int, col: str, text: str | None, check: Callable[[str], Any]) -> Any:
        if text is None:
            return None
        try:
            return check(text)
        except _CellError as exc:
            self._problems.add(line, col, str(exc))
            return None

    def _text(self, line: int, col: str, text: str | None) -> str | None:
        if text is not None and len(text) > _MAX_LENGTH[col]:
            self._problems.add(line, col, f"is {len(text)} characters long; at most {_MAX_LENGTH[col]} fit.")
            return None
        # Only the mailing address runs over lines (a postal block); a line break anywhere else splits
        # the account's line in search output and the deposit file, as the window refuses it.
        found = bad_character(text, multiline=col in _MULTILINE) if text else None
        if found is not None:
            self._problems.add(line, col, f"holds {found}, which cannot be printed or kept. Remove it.")
            return None
        return text

    # -- the two halves of a row -----------------------------------------------------------

    def _account(self, line: int, cells: list[str], skip: frozenset[int]) -> tuple[object, ...]:
        cell = self._cells(self._account_columns, cells, skip).get

        number = self._required(line, cell("account"), "account", "the account number")
        if number is not None:
            if _ACCOUNT_NUMBER.fullmatch(number):
                number = number.upper()
            else:
                self._problems.add(
                    line,
                    "account",
                    f"an account number is 1 to {ACCOUNT_NUMBER_MAX} letters and digits, "
                    "with no spaces, dashes or other signs.",
                )
        kind = self._check(line, "kind", self._required(line, cell("kind"), "kind", "the account kind"), self._kind)
        name = self._text(line, "name", self._required(line, cell("name"), "name", "the account name"))
        status = self._check(line, "status", cell("status"), self._status)
        service_address = self._text(line, "service_address", cell("service_address"))
        mailing_address = self._text(line, "mailing_address", cell("mailing_address"))
        phone = self._text(line, "phone", cell("phone"))
        phone_digits = self._check(line, "phone", phone, _phone_digits)
        cash_only = self._check(line, "cash_only", cell("cash_only"), self._flag)
        deposit = self._check(line, "deposit_held", cell("deposit_held"), self._amount)
        credit = self._check(line, "credit", cell("credit"), self._amount)
        licence = self._text(line, "licence_number", cell("licence_number"))
        frequency = self._check(line, "filing_frequency", cell("filing_frequency"), self._frequency)
        if kind == AccountKind.UTILITY.value:
            given = {"licence_number": licence, "filing_frequency": frequency}
            for col in SALES_TAX_ONLY:
                if given[col]:
                    self._problems.add(
                        line, col, "is only for sales-tax accounts; this row's account is a utility account."
                    )
        return (
            number,
            kind,
            name,
            status or "active",
            service_address or "",
            mailing_address or "",
            phone or "",
            phone_digits or "",
            bool(cash_only),
            deposit or 0,
            credit or 0,
            licence or "",
            frequency or None,
        )

    def _item(self, line: int, cells: list[str], skip: frozenset[int]) -> tuple[object, ...]:
        cell = self._cells(self._item_columns, cells, skip).get

        def required(col: str, what: str) -> str | None:
            return self._required(line, cell(col), col, what, item=True)

        item_id = self._text(line, "item_id", required("item_id", "the item id"))
        code = self._check(line, "revenue_code", required("revenue_code", "the revenue code"), self._code)
        description = self._text(line, "description", cell("description"))
        if not description and code is not None:
            description = self._codes[code]
        period = self._text(line, "period", cell("period"))
        bill_date = self._check(line, "bill_date", cell("bill_date"), self._date)
        due_date = self._check(line, "due_date", required("due_date", "the due date"), self._date)
        amount = self._check(line, "amount", required("amount", "the amount"), self._amount)
        paid = self._check(line, "paid", cell("paid"), self._amount)
        if bill_date is not None and due_date is not None and due_date < bill_date:
            self._problems.add(line, "due_date", f"the due date {due_date} is before the bill date {bill_date}.")
        if amount is not None and paid is not None and paid > amount:
            self._problems.add(
                line,
                "paid",
                f"the amount paid ({Money(paid).display()}) is more than the amount billed "
                f"({Money(amount).display()}).",
            )
        return (item_id, code, description or "", period or "", bill_date, due_date, amount, paid or 0)

    def _revenue_code(self, text: str) -> str:
        code = self._codes_upper.get(text.upper())
        if code is None:
            raise _CellError(
                f'there is no revenue code "{_shorten(text)}" in cashdesk. Correct the code, or have the '
                "revenue code added to cashdesk before importing."
            )
        return code


_T = TypeVar("_T")


def _cached(check: Callable[[str], _T], limit: int = 10_000) -> Callable[[str], _T]:
    """Remember the answers for values that repeat (kinds, dates, codes, common amounts)."""
    cache: dict[str, _T] = {}

    def cached(text: str) -> _T:
        try:
            return cache[text]
        except KeyError:
            value = check(text)  # a bad value raises and is not remembered
            if len(cache) < limit:
                cache[text] = value
            return value

    return cached


def _shorten(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _choice(allowed: dict[str, str], what: str, *, default: str | None) -> Callable[[str], str | None]:
    """One of `allowed`, written in any case, with spaces or dashes for underscores; empty: default."""

    def check(text: str) -> str | None:
        if not text:
            return default
        value = allowed.get(_normalise_column(text))
        if value is None:
            raise _CellError(f'"{_shorten(text)}" is not {what}; use one of: {", ".join(allowed)}.')
        return value

    return check


def _flag(text: str) -> bool:
    word = text.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _CellError("is not yes or no; use yes or no (or leave it empty for no).")


def _amount(text: str) -> int:
    """Whole cents. Money.parse has the rules; the plain form the billing system writes is read directly."""
    if not text:
        return 0
    plain = _PLAIN_AMOUNT.fullmatch(text)
    if plain is not None:
        return int(plain[1]) * 100 + int(plain[2])
    try:
        return Money.parse(text).cents
    except MoneyError as exc:
        reason = str(exc).replace("Type dollars and cents", "write dollars and cents")
        raise _CellError(reason[:1].lower() + reason[1:]) from None


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _CellError(f'"{_shorten(text)}" is not a date; write dates as YYYY-MM-DD, like 2026-03-31.') from None


def _phone_digits(text: str) -> str:
    """The digits a cashier types to find the phone; a leading US country code 1 is dropped."""
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if text and not digits:
        raise _CellError("a phone number needs digits.")
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) > 20:
        raise _CellError("has more than 20 digits; that is not a phone number.")
    return digits
