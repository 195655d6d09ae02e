"""Tenders and change: how a customer pays, and what comes back.

Every receipt balances: tenders − change = total. Change comes only from cash and never
exceeds the cash tendered, so no check, money order or card is ever paid out in cash.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, translate


class TenderKind(enum.StrEnum):
    CASH = "cash"
    CHECK = "check"
    MONEY_ORDER = "money_order"
    CARD = "card"

    @property
    def label(self) -> str:
        return {
            "cash": QT_TRANSLATE_NOOP("tenders", "Cash"),
            "check": QT_TRANSLATE_NOOP("tenders", "Check"),
            "money_order": QT_TRANSLATE_NOOP("tenders", "Money order"),
            "card": QT_TRANSLATE_NOOP("tenders", "Card"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("tenders", self.label)


CARD_BRANDS = ("VISA", "MASTERCARD", "AMEX", "DISCOVER", "DEBIT")


class TenderError(ValueError):
    """A tender that cannot be taken; the message is for the cashier, `field` names what it is about
    ("brand", "last4", "approval", "number"; "" for the amount), in any language the message is in."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Tender:
    kind: TenderKind
    amount: Money
    reference: str = ""  # check number, money-order serial, card authorization code
    card_brand: str = ""
    card_last4: str = ""
    routing: str = ""  # from the MICR line, checks only
    bank_account: str = ""

    def __post_init__(self) -> None:
        if self.amount.cents <= 0:
            raise TenderError(translate("tenders", "A tender must be more than $0.00."))
        # The account on the check (its MICR line) is the bank's number, never a card: not guarded.
        for text in (self.reference, self.card_brand, self.card_last4, self.routing):
            if contains_card_number(text):
                raise TenderError(
                    translate(
                        "tenders", "Never type a card number. Take only the brand, last four digits and approval code."
                    ),
                    "brand",
                )
        if self.kind is TenderKind.CHECK and not re.fullmatch(r"[0-9]{1,10}", self.reference):
            raise TenderError(translate("tenders", "A check needs its check number (up to 10 digits)."), "number")
        if self.kind is TenderKind.MONEY_ORDER and not re.fullmatch(r"[0-9A-Za-z-]{1,20}", self.reference):
            raise TenderError(translate("tenders", "A money order needs its serial number."), "number")
        if self.kind is TenderKind.CARD:
            if self.card_brand not in CARD_BRANDS:
                raise TenderError(
                    translate("tenders", "Choose the card brand: {brands}.").format(
                        brands=", ".join(b.title() for b in CARD_BRANDS)
                    ),
                    "brand",
                )
            if not re.fullmatch(r"[0-9]{4}", self.card_last4):
                raise TenderError(
                    translate("tenders", "Type the last four digits of the card, from the terminal's slip."), "last4"
                )
            if not re.fullmatch(r"[0-9A-Za-z]{2,12}", self.reference):
                raise TenderError(
                    translate("tenders", "Type the approval (authorization) code from the card terminal."), "approval"
                )

    def describe(self) -> str:
        if self.kind is TenderKind.CARD:
            return f"{self.card_brand} ****{self.card_last4} auth {self.reference}"
        if self.kind is TenderKind.CHECK:
            return f"Check #{self.reference}"
        if self.kind is TenderKind.MONEY_ORDER:
            return f"Money order #{self.reference}"
        return "Cash"

    @property
    def shown(self) -> str:
        """`describe()` in the window's language."""
        if self.kind is TenderKind.CARD:
            return translate("tenders", "{brand} ****{last4} auth {reference}").format(
                brand=self.card_brand, last4=self.card_last4, reference=self.reference
            )
        if self.kind is TenderKind.CHECK:
            return translate("tenders", "Check #{reference}").format(reference=self.reference)
        if self.kind is TenderKind.MONEY_ORDER:
            return translate("tenders", "Money order #{reference}").format(reference=self.reference)
        return self.kind.shown


@dataclass(frozen=True, slots=True)
class Settlement:
    total: Money
    tendered: Money
    cash_tendered: Money
    change: Money


def remaining(total: Money, tenders: Sequence[Tender]) -> Money:
    """What is still to be tendered (never negative)."""
    left = total - Money.total(t.amount for t in tenders)
    return left if left.cents > 0 else Money(0)


def settle(total: Money, tenders: Sequence[Tender]) -> Settlement:
    """Check the tenders pay the total and work out the change, or say what is wrong."""
    if total.cents <= 0:
        raise TenderError(translate("tenders", "There is nothing to pay."))
    tendered = Money.total(t.amount for t in tenders)
    if tendered < total:
        raise TenderError(
            translate("tenders", "{amount} is still to be paid.").format(amount=(total - tendered).display())
        )
    cash = Money.total(t.amount for t in tenders if t.kind is TenderKind.CASH)
    other = tendered - cash
    if other > total:
        raise TenderError(
            translate(
                "tenders",
                "Checks, money orders and cards cannot be for more than the total: change is given only from cash.",
            )
        )
    change = tendered - total
    assert change <= cash  # follows from other <= total
    return Settlement(total=total, tendered=tendered, cash_tendered=cash, change=change)


def receipt_number(station: str, year: int, sequence: int) -> str:
    """Gapless per station and year: W01-2026-000123."""
    return f"{station}-{year:04d}-{sequence:06d}"
