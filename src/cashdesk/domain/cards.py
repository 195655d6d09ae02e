"""Card-number detection: a Luhn-valid run of 13–19 digits is refused everywhere.

Digits may be written whole or in groups split by single spaces or dashes
("4111 1111 1111 1111"). The digits found are never echoed back.
"""

from __future__ import annotations

import re

# Runs of digits, allowing one space or dash between groups.
_RUN = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){12,}(?![0-9])")


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


def contains_card_number(text: str) -> bool:
    """True when a whole run of 13–19 digits passes the Luhn check.

    A longer run (a 30-digit bill stub scan line) is not a card number.
    """
    for match in _RUN.finditer(text):
        digits = re.sub(r"[ -]", "", match.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            return True
    return False


def mask(text: str) -> str:
    """The text with every digit run of 13+ digits replaced, for logs and messages."""
    return _RUN.sub(lambda m: "[digits removed]", text)
