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
    """'Hand back $46.31 cash and check #1042.', and a card's reversal on the terminal (in the window's
    language: the screen says it, nothing prints it)."""
    taken = list(tenders)
    given: list[str] = []
    cash = cash_to_hand_back(taken, change)
    if cash.cents > 0:
        given.append(translate("refunds", "{amount} cash").format(amount=cash.display()))
    for tender in taken:
        number, amount = tender.reference.strip(), tender.amount.display()
        if tender.kind is TenderKind.CHECK:
            given.append(translate("refunds", "check #{number}").format(number=number) if number
                         else translate("refunds", "the check of {amount}").format(amount=amount))  # fmt: skip
        elif tender.kind is TenderKind.MONEY_ORDER:
            given.append(translate("refunds", "money order #{number}").format(number=number) if number
                         else translate("refunds", "the money order of {amount}").format(amount=amount))  # fmt: skip
    cards = [
        translate("refunds", "refund {amount} to {brand} ****{last4} on the card terminal").format(
            amount=t.amount.display(), brand=t.card_brand.strip().upper(), last4=t.card_last4
        )
        for t in taken
        if t.kind is TenderKind.CARD
    ]
    parts = [translate("refunds", "Hand back {what}").format(what=_joined(given))] if given else []
    if cards:
        said = _joined(cards)
        parts.append(said if parts else said[0].upper() + said[1:])
    return "; ".join(parts) + "." if parts else translate("refunds", "Nothing to hand back.")


def _joined(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return translate("refunds", "{first} and {last}").format(first=", ".join(words[:-1]), last=words[-1])
