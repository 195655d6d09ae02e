"""The billing system's CSV file, row by row: its columns, reading it, and checking each row.

Used by `cashdesk import-accounts` (services/imports.py), which stages the rows and writes them.
Every problem is added, with its line and column, to the import's list (services/imports.py's
_Problems); the layout is in docs/formats.md. What one cell may hold, and reading its text as
a value, is services/account_cells.py.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from cashdesk.domain.accounts import ACCOUNT_NUMBER_MAX, AccountKind, AccountStatus, FilingFrequency
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, language_of
from cashdesk.domain.text import bad_character
from cashdesk.services import account_cells
from cashdesk.store import imports as import_store

if TYPE_CHECKING:
    from cashdesk.services.imports import ImportRefused, _Problems

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


def _columns_of(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The file's columns that fill these staged fields, in their order."""
    return tuple(dict.fromkeys(_COLUMN_OF_FIELD.get(field, field) for field in fields))


# The file's columns are the staged fields of store/imports.py under their names in the file
# (docs/formats.md lists them), so the two lists cannot drift apart.
ACCOUNT_COLUMNS: tuple[str, ...] = ("account", *_columns_of(import_store.ACCOUNT_FIELDS))
ITEM_COLUMNS: tuple[str, ...] = _columns_of(import_store.ITEM_FIELDS)
COLUMNS: tuple[str, ...] = ACCOUNT_COLUMNS + ITEM_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = ("account", "kind", "name")
#: A file with any item column must have all of these.
REQUIRED_ITEM_COLUMNS: tuple[str, ...] = ("item_id", "revenue_code", "due_date", "amount")
SALES_TAX_ONLY: tuple[str, ...] = ("licence_number", "filing_frequency")

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
_KINDS = {k.value: k.value for k in AccountKind}
_STATUSES = {s.value: s.value for s in AccountStatus}
_FREQUENCIES = {f.value: f.value for f in FilingFrequency}


def _language(text: str) -> str | None:
    """en or es ("English", "Spanish", "Español" too); empty is English."""
    if not text:
        return None
    language = language_of(text)
    if language is None:
        raise account_cells.CellError(f'"{account_cells.shorten(text)}" is not a language; use one of: en, es.')
    return language


# -- reading the file --------------------------------------------------------------------


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
        names = [account_cells.normalise_column(c) for c in first]
        seen: dict[str, int] = {}
        for position, (raw, col) in enumerate(zip(first, names, strict=True), start=1):
            if account_cells.UNDECODABLE.search(raw):
                problems.add(line, f"{position}", account_cells.UNDECODABLE_REASON)
            elif account_cells.has_card_number(raw):
                problems.add(line, f"{position}", account_cells.CARD_NUMBER_REASON)
            elif not col:
                problems.add(line, f"{position}", "the header names no column here.")
            elif col in seen:
                problems.add(line, col, f"is named twice in the header (columns {seen[col]} and {position}).")
            elif col not in COLUMNS:
                close = difflib.get_close_matches(col, COLUMNS, n=1)
                hint = f" Did you mean {close[0]}?" if close else ""
                problems.add(
                    line,
                    account_cells.shorten(col, 40),
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

# -- checking one row --------------------------------------------------------------------


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
        self._kind = account_cells.cached(account_cells.choice(_KINDS, "an account kind", default=None))
        self._status = account_cells.cached(account_cells.choice(_STATUSES, "a status", default="active"))
        self._frequency = account_cells.cached(account_cells.choice(_FREQUENCIES, "a filing frequency", default=None))
        self._language = account_cells.cached(_language)
        self._flag = account_cells.cached(account_cells.flag)
        self._date = account_cells.cached(account_cells.date)
        self._amount = account_cells.cached(account_cells.amount)
        self._code = account_cells.cached(self._revenue_code)

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
        if not account_cells.SUSPECT.search(account_cells.CELL_SEPARATOR.join(cells)):
            return frozenset()
        refused: set[int] = set()
        for i, text in enumerate(cells):
            if account_cells.UNDECODABLE.search(text):
                self._problems.add(line, self._header[i], account_cells.UNDECODABLE_REASON)
                refused.add(i)
            elif account_cells.has_card_number(text):
                self._problems.add(line, self._header[i], account_cells.CARD_NUMBER_REASON)
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
        except account_cells.CellError as exc:
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
        phone_digits = self._check(line, "phone", phone, account_cells.phone_digits)
        cash_only = self._check(line, "cash_only", cell("cash_only"), self._flag)
        deposit = self._check(line, "deposit_held", cell("deposit_held"), self._amount)
        credit = self._check(line, "credit", cell("credit"), self._amount)
        licence = self._text(line, "licence_number", cell("licence_number"))
        frequency = self._check(line, "filing_frequency", cell("filing_frequency"), self._frequency)
        language = self._check(line, "language", cell("language"), self._language)
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
            language or ENGLISH,
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
            raise account_cells.CellError(
                f'there is no revenue code "{account_cells.shorten(text)}" in cashdesk. Correct the code, or have the '
                "revenue code added to cashdesk before importing."
            )
        return code
