"""What one cell of the billing system's CSV file may hold, and reading its text as a value.

Used by services/account_rows.py, which reads the file's header and rows: a value that is not
UTF-8 text or holds a card number is refused before anything else looks at it; kinds, flags,
amounts, dates and phone numbers are read here, and a bad one raises `CellError` in the words
the import's list of problems shows (docs/formats.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar

from cashdesk.domain.money import Money, MoneyError

# -- what no cell may hold ------------------------------------------------------------------

# Card numbers: 13 to 19 digits, possibly in groups split by one space or dash.
_LONG_DIGIT_RUN = re.compile(r"[0-9](?:[ -]?[0-9]){12,}")
UNDECODABLE = re.compile("[\udc80-\udcff]")
#: A quick first look at a whole row: anything that might be undecodable or a card number.
SUSPECT = re.compile(f"{UNDECODABLE.pattern}|[0-9][0-9 -]{{12,}}")
CELL_SEPARATOR = "\x1f"  # joins a row's cells for one quick scan; never inside a digit run

CARD_NUMBER_REASON = (
    "looks like a payment card number (13 to 19 digits that pass the card check-digit test). "
    "Card numbers are never stored: remove it from the file, or ask for an export without it."
)

UNDECODABLE_REASON = (
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


def has_card_number(text: str) -> bool:
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


# -- reading a cell's text ---------------------------------------------------------------------

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"", "no", "n", "false", "0"})
#: The form the billing system writes (1234.50), read without Money.parse's general rules;
#: 7 whole digits at most keeps it within Money's largest amount.
_PLAIN_AMOUNT = re.compile(r"([0-9]{1,7})\.([0-9]{2})")


class CellError(Exception):
    """A cell that cannot be read; str() is the reason, in the words the list of problems shows."""


def normalise_column(text: str) -> str:
    """A column name (or a choice) as written in any case, with spaces or dashes for underscores."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


_T = TypeVar("_T")


def cached(check: Callable[[str], _T], limit: int = 10_000) -> Callable[[str], _T]:
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


def shorten(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def choice(allowed: dict[str, str], what: str, *, default: str | None) -> Callable[[str], str | None]:
    """One of `allowed`, written in any case, with spaces or dashes for underscores; empty: default."""

    def check(text: str) -> str | None:
        if not text:
            return default
        value = allowed.get(normalise_column(text))
        if value is None:
            raise CellError(f'"{shorten(text)}" is not {what}; use one of: {", ".join(allowed)}.')
        return value

    return check


def flag(text: str) -> bool:
    word = text.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError("is not yes or no; use yes or no (or leave it empty for no).")


def amount(text: str) -> int:
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
        raise CellError(reason[:1].lower() + reason[1:]) from None


def date(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(f'"{shorten(text)}" is not a date; write dates as YYYY-MM-DD, like 2026-03-31.') from None


def phone_digits(text: str) -> str:
    """The digits a cashier types to find the phone; a leading US country code 1 is dropped."""
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if text and not digits:
        raise CellError("a phone number needs digits.")
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) > 20:
        raise CellError("has more than 20 digits; that is not a phone number.")
    return digits
