"""Money as immutable integer cents; Decimal only where a person's text is parsed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import SupportsIndex

from cashdesk.words import translate

#: The largest amount a person may type: $9,999,999.99. Nothing at a city window is bigger.
MAX_CENTS = 999_999_999


class MoneyError(ValueError):
    """Text that is not an amount of money; the message is meant for the cashier. `not_an_amount`:
    the text is no amount at all (not one too large, negative or with too many decimals), for code
    that says so in words of its own."""

    def __init__(self, message: str, *, not_an_amount: bool = False) -> None:
        super().__init__(message)
        self.not_an_amount = not_an_amount


_AMOUNT = re.compile(
    r"""^
    (?P<sign>-)?\$?(?P<sign2>-)?
    (?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?
    (?:\.(?P<frac>[0-9]*))?
    $""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of US dollars held as whole cents. Floats are refused."""

    cents: int

    def __post_init__(self) -> None:
        # bool is an int subclass; True dollars is never meant.
        if type(self.cents) is not int:
            raise TypeError(f"Money holds whole cents as int, not {type(self.cents).__name__}")

    # -- construction -------------------------------------------------------------

    @classmethod
    def zero(cls) -> Money:
        return _ZERO

    @classmethod
    def of(cls, cents: SupportsIndex) -> Money:
        if isinstance(cents, float):
            raise TypeError("Money refuses float; use cents as int or Money.parse(text)")
        return cls(int(cents.__index__()))

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        allow_negative: bool = False,
        allow_zero: bool = True,
        maximum: int = MAX_CENTS,
    ) -> Money:
        """Read an amount the way a person types it: "1,234.50", "$12", "12.5", "  7 "."""
        if not isinstance(text, str):
            raise TypeError("Money.parse reads text")
        raw = text.strip()
        if not raw:
            raise MoneyError(translate("money", "Enter an amount."))
        match = _AMOUNT.match(raw)
        if match is None or (match["whole"] is None and not match["frac"]):
            raise MoneyError(
                translate("money", '"{raw}" is not an amount. Type dollars and cents, like 125.50.').format(
                    raw=_shorten(raw)
                ),
                not_an_amount=True,
            )
        if match["sign"] and match["sign2"]:
            raise MoneyError(
                translate("money", '"{raw}" is not an amount. Type dollars and cents, like 125.50.').format(
                    raw=_shorten(raw)
                ),
                not_an_amount=True,
            )
        frac = match["frac"] or ""
        if len(frac) > 2:
            raise MoneyError(translate("money", "An amount has at most two digits after the decimal point."))
        whole = (match["whole"] or "0").replace(",", "")
        try:
            value = Decimal(f"{whole}.{frac or '0'}")
        except InvalidOperation:  # pragma: no cover - the pattern already guards this
            raise MoneyError(
                translate("money", '"{raw}" is not an amount.').format(raw=_shorten(raw)), not_an_amount=True
            ) from None
        cents = int(value * 100)
        negative = bool(match["sign"] or match["sign2"]) and cents != 0
        if negative and not allow_negative:
            raise MoneyError(translate("money", "The amount cannot be negative."))
        if cents == 0 and not allow_zero:
            raise MoneyError(translate("money", "The amount must be more than $0.00."))
        if cents > maximum:
            raise MoneyError(
                translate("money", "The amount is over the largest allowed, {maximum}.").format(
                    maximum=cls(maximum).display()
                )
            )
        return cls(-cents if negative else cents)

    @classmethod
    def from_file(cls, text: str) -> Money:
        """Read the plain file form written by `to_file` ("-1234.50")."""
        if not re.fullmatch(r"-?[0-9]+\.[0-9][0-9]", text.strip()):
            raise MoneyError(
                translate("money", '"{text}" is not an amount in the form 1234.50.').format(text=_shorten(text)),
                not_an_amount=True,
            )
        return cls.parse(text.strip(), allow_negative=True, maximum=10**15)

    # -- arithmetic ---------------------------------------------------------------

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __neg__(self) -> Money:
        return Money(-self.cents)

    def __mul__(self, factor: int) -> Money:
        if type(factor) is not int:
            return NotImplemented
        return Money(self.cents * factor)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.cents != 0

    def __float__(self) -> float:  # pragma: no cover - the refusal is the point
        raise TypeError("Money is never converted to float")

    @property
    def is_negative(self) -> bool:
        return self.cents < 0

    @staticmethod
    def total(amounts: Iterable[Money]) -> Money:
        return Money(sum(a.cents for a in amounts))

    def min(self, other: Money) -> Money:
        return self if self.cents <= other.cents else other

    # -- formatting ---------------------------------------------------------------

    def display(self) -> str:
        """For a person: "$1,234.50", "-$3.00"."""
        sign = "-" if self.cents < 0 else ""
        dollars, cents = divmod(abs(self.cents), 100)
        return f"{sign}${dollars:,}.{cents:02d}"

    def plain(self) -> str:
        """For typing back or editing: "1234.50"."""
        return self.to_file()

    def to_file(self) -> str:
        """For files: "1234.50", "-3.00"; no separators, no symbol."""
        sign = "-" if self.cents < 0 else ""
        dollars, cents = divmod(abs(self.cents), 100)
        return f"{sign}{dollars}.{cents:02d}"

    def __str__(self) -> str:
        return self.display()

    def __repr__(self) -> str:
        return f"Money({self.to_file()})"


def _shorten(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ZERO = Money(0)
