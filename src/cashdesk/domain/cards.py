"""Card-number detection: a run of digits is a card number when its issuer prefix, its length
and its Luhn check digit all fit a payment card brand. One rule, used everywhere: the guards
on typed fields, the audit trail, imports, receipts, and the tests' scan of what was written.

Digits may be written whole or in groups split by single spaces or dashes
("4111 1111 1111 1111"). The digits found are never echoed back. A Luhn check alone would
take one number in ten for a card: a check's account number, a timestamp folder name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cashdesk.domain.micr import routing_ok

# Runs of digits, allowing one space or dash between groups.
_RUN = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){12,}(?![0-9])")


@dataclass(frozen=True, slots=True)
class Brand:
    """A card brand's issuer prefixes (ranges of leading digits) and its card lengths."""

    name: str
    prefixes: tuple[tuple[str, str], ...]  # (low, high), inclusive, compared on equal lengths
    lengths: tuple[int, ...]

    def issued(self, digits: str) -> bool:
        return len(digits) in self.lengths and any(low <= digits[: len(low)] <= high for low, high in self.prefixes)


def _one(*prefixes: str) -> tuple[tuple[str, str], ...]:
    return tuple((p, p) for p in prefixes)


#: The brands' published issuer ranges (IIN/BIN), as the card brands and ISO/IEC 7812 give them.
BRANDS: tuple[Brand, ...] = (
    Brand("Visa", _one("4"), (13, 16, 19)),
    Brand("Mastercard", (("51", "55"), ("2221", "2720")), (16,)),
    Brand("American Express", _one("34", "37"), (15,)),
    # UnionPay first: Discover also accepts its 622126–622925, but the cards are UnionPay's.
    Brand("UnionPay", (("62", "62"), ("8100", "8171")), (16, 17, 18, 19)),
    Brand("Discover", (("6011", "6011"), ("644", "649"), ("65", "65"), ("622126", "622925")), (16, 17, 18, 19)),
    Brand("Diners Club", (("300", "305"), ("3095", "3095"), ("36", "36"), ("38", "39")), (14, 15, 16)),
    Brand("JCB", (("3528", "3589"),), (16, 17, 18, 19)),
    # JCB's older ranges, still in processors' lists of test cards (3088 0000 0000 0009).
    Brand(
        "JCB",
        (
            ("1800", "1800"),
            ("2131", "2131"),
            ("3088", "3094"),
            ("3096", "3102"),
            ("3112", "3120"),
            ("3158", "3159"),
            ("3337", "3349"),
        ),
        (15, 16),
    ),
    # Maestro (and the UK's Switch and Solo that it took over) has no one length: 12-digit cards
    # are below a run's 13, and are too short to be taken for anything else.
    Brand(
        "Maestro",
        (("50", "50"), ("56", "58"), ("6304", "6304"), ("6331", "6334"), ("639", "639"), ("67", "67")),
        tuple(range(13, 20)),
    ),
    Brand("Mir", (("2200", "2204"),), (16, 17, 18, 19)),
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def brand_of(digits: str) -> str:
    """The brand whose prefix and length `digits` has ("" when none); the check digit is not looked at."""
    for brand in BRANDS:
        if brand.issued(digits):
            return brand.name
    return ""


def is_card_number(digits: str) -> bool:
    """A whole run of digits that a card brand issues: its prefix, its length and the Luhn check."""
    return 13 <= len(digits) <= 19 and bool(brand_of(digits)) and luhn_ok(digits)


#: Where a run may be: a digit, then twelve or more digits, spaces or dashes. Every run of `_RUN`
#: lies inside one, and Python's re finds these ten times faster (one repeated set of characters):
#: every posting's receipt and audit event are looked at.
_STRETCH = re.compile(r"[0-9][0-9 -]{12,}")


def _card_runs(text: str) -> list[re.Match[str]]:
    return [m for stretch in _STRETCH.finditer(text) for m in _RUN.finditer(text, stretch.start(), stretch.end())
            if is_card_number(re.sub(r"[ -]", "", m.group()))]  # fmt: skip


def contains_card_number(text: str) -> bool:
    """True when a whole run of digits in `text` is a card number (`is_card_number`).

    A longer run (a 30-digit bill stub scan line) is not a card number.
    """
    return any(True for _ in _card_runs(text))


def mask(text: str) -> str:
    """The text with every digit run of 13+ digits replaced, for logs and messages."""
    return _RUN.sub(lambda m: "[digits removed]", text)


def mask_cards(text: str) -> str:
    """The text with the middle of each card-like run starred: a folder named by a timestamp or
    a file named by a number stays readable ("/exports/411111******1111"), and holds no card."""

    def starred(match: re.Match[str]) -> str:
        run = match.group()
        places = [i for i, ch in enumerate(run) if ch.isdigit()]
        hidden = set(places[6:-4])
        return "".join("*" if i in hidden else ch for i, ch in enumerate(run))

    found = _card_runs(text)
    for match in reversed(found):
        text = text[: match.start()] + starred(match) + text[match.end() :]
    return text


# The account on a check's MICR line, as a check reader types it: after the routing number
# between its two transit symbols, up to the on-us symbol (domain/micr.py reads the same line).
_MICR_ACCOUNT = re.compile(r"([Tt⑆Aa] *([0-9]{9}) *[Tt⑆Aa])([0-9 Dd⑉-]+?)(?= *[OoCc⑈])")


def without_check_account(text: str) -> str:
    """`text` with the account number of a MICR line taken out, for the card guard of a field a
    check reader types into. A check's account is the bank's number, never a card: it may be any
    digits, and a card rule would refuse one check in a hundred. Only a line whose routing number
    passes its check is a MICR line; anything else is guarded whole."""
    return _MICR_ACCOUNT.sub(lambda m: m.group(1) + " " if routing_ok(m.group(2)) else m.group(), text)


def field_holds_card_number(text: str) -> bool:
    """The guard of a typed field: a card number anywhere in it, but not the account of a check's
    MICR line that a reader typed there (the check number field, or the amount by mistake)."""
    return contains_card_number(without_check_account(text))
