"""What a void gives back to the customer, said the way the cashier hands it over.

A void takes back what the receipt took: the cash less the change already given, each check
and money order itself, and a card payment reversed on the card terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import TenderKind
from cashdesk.words import translate


@dataclass(frozen=True, slots=True)
class TakenTender:
    """A tender as the receipt took it: a check or money order number, or a card's brand and last four."""

    kind: TenderKind
    amount: Money
    reference: str = ""
    card_brand: str = ""
    card_last4: str = ""


def tender_words(tender: TakenTender) -> str:
    """'Cash $50.00', 'Check #1042 $50.00', 'VISA ****4242 $20.00', in the window's language (the void window)."""
    number = tender.reference.strip()
    if tender.kind is TenderKind.CARD:
        said = f"{tender.card_brand.strip().upper()} ****{tender.card_last4}"
    elif tender.kind in (TenderKind.CHECK, TenderKind.MONEY_ORDER) and number:
        said = translate("refunds", "{kind} #{number}").format(kind=tender.kind.shown, number=number)
    else:
        said = tender.kind.shown
    return f"{said} {tender.amount.display()}"


def cash_to_hand_back(tenders: Iterable[TakenTender], change: Money) -> Money:
    """The cash the customer left in the drawer: the cash tendered less the change given."""
    return Money.total(t.amount for t in tenders if t.kind is TenderKind.CASH) - change


def hand_back_text(tenders: Iterable[TakenTender], change: Money) -> str:
    """'Hand back $46.31 cash and check #1042.', and a card's reversal on the terminal."""
    taken = list(tenders)
    given: list[str] = []
    cash = cash_to_hand_back(taken, change)
    if cash.cents > 0:
        given.append(f"{cash.display()} cash")
    for tender in taken:
        number = tender.reference.strip()
        if tender.kind is TenderKind.CHECK:
            given.append(f"check #{number}" if number else f"the check of {tender.amount.display()}")
        elif tender.kind is TenderKind.MONEY_ORDER:
            given.append(f"money order #{number}" if number else f"the money order of {tender.amount.display()}")
    cards = [
        f"refund {t.amount.display()} to {t.card_brand.strip().upper()} ****{t.card_last4} on the card terminal"
        for t in taken
        if t.kind is TenderKind.CARD
    ]
    parts = [f"Hand back {_joined(given)}"] if given else []
    if cards:
        said = _joined(cards)
        parts.append(said if parts else said[0].upper() + said[1:])
    return "; ".join(parts) + "." if parts else "Nothing to hand back."


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
