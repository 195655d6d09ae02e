"""Payment research: what a customer remembers of a payment, as criteria, read from one line.

"did my payment come in?" The window takes one line such as `check 1234 amount 50..60 from
2026-11-01 payer garcia`; the command line takes the same criteria as options. Both end here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from cashdesk.domain.dates import parse_day
from cashdesk.domain.money import Money, MoneyError
from cashdesk.words import translate

CHANNELS = ("counter", "mail", "lockbox")


class CriteriaError(ValueError):
    """Criteria that cannot be searched; the message says what to type instead."""


@dataclass(frozen=True, slots=True)
class PaymentCriteria:
    """Every field is optional; the ones given must all match."""

    receipt: str = ""
    check: str = ""
    money_order: str = ""
    card_last4: str = ""
    amount_from: Money | None = None
    amount_to: Money | None = None
    payer: str = ""
    account: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    channel: str = ""

    @property
    def empty(self) -> bool:
        return self == PaymentCriteria()

    def checked(self) -> PaymentCriteria:
        """The criteria, or CriteriaError in the cashier's words."""
        if self.empty:
            raise CriteriaError(
                translate(
                    "research",
                    "Say what the customer remembers: a receipt, check or money-order number, the card's "
                    "last four digits and the date, an amount, a name, an account or dates.",
                )
            )
        if self.card_last4 and not re.fullmatch(r"[0-9]{4}", self.card_last4):
            raise CriteriaError(
                translate("research", "A card is found by its last four digits, like 4242: never the whole number.")
            )
        if self.card_last4 and self.date_from is None:
            raise CriteriaError(
                translate(
                    "research", "With a card's last four digits, give the date of the payment too (on 2026-11-03)."
                )
            )
        if self.channel and self.channel not in CHANNELS:
            raise CriteriaError(
                translate("research", "The channel is one of {channels}, not {channel!r}.").format(
                    channels=", ".join(CHANNELS), channel=self.channel
                )
            )
        if (
            self.amount_from is not None
            and self.amount_to is not None
            and self.amount_from.cents > self.amount_to.cents
        ):
            raise CriteriaError(
                translate("research", "The amount range runs from the smaller amount to the larger, like 50..60.")
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise CriteriaError(translate("research", "The dates run from the earlier to the later."))
        return self


def parse_amount_range(text: str) -> tuple[Money, Money]:
    """`45.10` (exactly) or `40..50` (from, to; either side may be left empty)."""
    low, sep, high = text.partition("..")
    try:
        if not sep:
            exact = Money.parse(text)
            return exact, exact
        return (Money.parse(low) if low.strip() else Money(0),
                Money.parse(high) if high.strip() else Money(10**13))  # fmt: skip
    except MoneyError as exc:
        raise CriteriaError(translate("research", "{exc} An amount range is written 40..50.").format(exc=exc)) from None


def parse_date(text: str) -> dt.date:
    try:
        return parse_day(text)
    except ValueError:
        raise CriteriaError(
            translate("research", "{text!r} is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.").format(text=text)
        ) from None


_KEYS = {
    "receipt": "receipt", "r": "receipt", "check": "check", "ck": "check", "mo": "money_order",
    "money-order": "money_order", "card": "card_last4", "amount": "amount", "amt": "amount", "payer": "payer",
    "name": "payer", "account": "account", "acct": "account", "from": "from", "to": "to", "on": "on",
    "channel": "channel", "via": "channel",
}  # fmt: skip
_RECEIPT = re.compile(r"^[A-Za-z0-9]+-[0-9]{4}-[0-9]{1,6}$")


def parse_criteria(line: str) -> PaymentCriteria:
    """One line of `key value` pairs; a bare receipt number, amount ($12.50) or word is guessed.

    Keys: receipt, check, mo, card, amount (45.10 or 40..50), payer, account, from, to, on
    (a single day), channel (counter, mail, lockbox). Words after `payer` run to the next key."""
    words = line.split()
    found = PaymentCriteria()
    names: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        key = _KEYS.get(word.lower().rstrip(":"))
        if key is None:
            found, named = _bare(found, word)
            names.extend(named)
            i += 1
            continue
        if i + 1 >= len(words):
            raise CriteriaError(translate("research", "Give a value after {word!r}.").format(word=word))
        value = words[i + 1]
        i += 2
        if key == "payer":
            while i < len(words) and words[i].lower().rstrip(":") not in _KEYS:
                value += " " + words[i]
                i += 1
        found = _with(found, key, value)
    if names:
        found = replace(found, payer=" ".join([found.payer, *names]).strip())
    return found.checked()


def _bare(found: PaymentCriteria, word: str) -> tuple[PaymentCriteria, list[str]]:
    if _RECEIPT.match(word):
        return replace(found, receipt=word.upper()), []
    if word.startswith("$"):
        return _with(found, "amount", word), []
    return found, [word]


def _with(found: PaymentCriteria, key: str, value: str) -> PaymentCriteria:
    if key == "amount":
        low, high = parse_amount_range(value)
        return replace(found, amount_from=low, amount_to=high)
    if key in ("from", "to", "on"):
        day = parse_date(value)
        if key == "on":
            return replace(found, date_from=day, date_to=day)
        return replace(found, date_from=day) if key == "from" else replace(found, date_to=day)
    if key == "channel":
        return replace(found, channel=value.lower())
    if key == "receipt":
        return replace(found, receipt=value.upper())
    if key == "check":
        return replace(found, check=value)
    if key == "money_order":
        return replace(found, money_order=value)
    if key == "card_last4":
        return replace(found, card_last4=value)
    return replace(found, payer=value) if key == "payer" else replace(found, account=value)


__all__ = ["CHANNELS", "CriteriaError", "PaymentCriteria", "parse_amount_range", "parse_criteria", "parse_date"]
