"""Cash by denomination: the drawer's starting float, drops to the safe, the end-of-shift count."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, translate


class Denomination(NamedTuple):
    code: str  # stable key in files and the database
    label: str
    cents: int  # value of one piece (or one roll)
    form: str  # "bill", "coin" or "roll"

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("cash", self.label)


DENOMINATIONS: tuple[Denomination, ...] = (
    Denomination("B100", QT_TRANSLATE_NOOP("cash", "$100 bills"), 10_000, "bill"),
    Denomination("B50", QT_TRANSLATE_NOOP("cash", "$50 bills"), 5_000, "bill"),
    Denomination("B20", QT_TRANSLATE_NOOP("cash", "$20 bills"), 2_000, "bill"),
    Denomination("B10", QT_TRANSLATE_NOOP("cash", "$10 bills"), 1_000, "bill"),
    Denomination("B5", QT_TRANSLATE_NOOP("cash", "$5 bills"), 500, "bill"),
    Denomination("B2", QT_TRANSLATE_NOOP("cash", "$2 bills"), 200, "bill"),
    Denomination("B1", QT_TRANSLATE_NOOP("cash", "$1 bills"), 100, "bill"),
    Denomination("C100", QT_TRANSLATE_NOOP("cash", "$1 coins"), 100, "coin"),
    Denomination("C50", QT_TRANSLATE_NOOP("cash", "50¢ coins"), 50, "coin"),
    Denomination("C25", QT_TRANSLATE_NOOP("cash", "25¢ coins"), 25, "coin"),
    Denomination("C10", QT_TRANSLATE_NOOP("cash", "10¢ coins"), 10, "coin"),
    Denomination("C5", QT_TRANSLATE_NOOP("cash", "5¢ coins"), 5, "coin"),
    Denomination("C1", QT_TRANSLATE_NOOP("cash", "1¢ coins"), 1, "coin"),
    # Standard bank rolls.
    Denomination("R25", QT_TRANSLATE_NOOP("cash", "Rolls of quarters ($10)"), 1_000, "roll"),
    Denomination("R10", QT_TRANSLATE_NOOP("cash", "Rolls of dimes ($5)"), 500, "roll"),
    Denomination("R5", QT_TRANSLATE_NOOP("cash", "Rolls of nickels ($2)"), 200, "roll"),
    Denomination("R1", QT_TRANSLATE_NOOP("cash", "Rolls of pennies (50¢)"), 50, "roll"),
)
BY_CODE = {d.code: d for d in DENOMINATIONS}
MAX_PIECES = 100_000


class CountError(ValueError):
    """A count that cannot be right; the message is for the cashier."""


def parse_pieces(denomination: str, text: str) -> int:
    """How many pieces a person typed for one denomination ("" counts as none)."""
    label = BY_CODE[denomination].shown
    raw = text.strip()
    if not raw:
        return 0
    if not (raw.isascii() and raw.isdigit()):
        raise CountError(translate("cash", "{label}: type how many, as a whole number (like 12).").format(label=label))
    pieces = int(raw)
    if pieces > MAX_PIECES:
        raise CountError(
            translate("cash", "{label}: {pieces:,} is more than a drawer can hold. Count again.").format(
                label=label, pieces=pieces
            )
        )
    return pieces


@dataclass(frozen=True, slots=True)
class CashCount:
    """Pieces by denomination code. Only known denominations, never negative."""

    pieces: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for code, count in self.pieces.items():
            if code not in BY_CODE:
                raise CountError(translate("cash", "unknown denomination {code!r}").format(code=code))
            if type(count) is not int or count < 0 or count > MAX_PIECES:
                raise CountError(
                    translate("cash", "{label}: a count is a whole number from 0 to {MAX_PIECES:,}.").format(
                        label=BY_CODE[code].shown, MAX_PIECES=MAX_PIECES
                    )
                )

    @property
    def total(self) -> Money:
        return Money(sum(BY_CODE[code].cents * count for code, count in self.pieces.items()))

    def amount_of(self, code: str) -> Money:
        return Money(BY_CODE[code].cents * self.pieces.get(code, 0))

    @property
    def currency(self) -> Money:
        """Bills, as a bank deposit ticket lists them apart from coin."""
        return Money.total(self.amount_of(d.code) for d in DENOMINATIONS if d.form == "bill")

    @property
    def coin(self) -> Money:
        return Money.total(self.amount_of(d.code) for d in DENOMINATIONS if d.form != "bill")

    def lines(self) -> list[tuple[Denomination, int, Money]]:
        """(denomination, pieces, amount) for every denomination with pieces, in drawer order."""
        return [(d, self.pieces[d.code], self.amount_of(d.code)) for d in DENOMINATIONS if self.pieces.get(d.code)]
