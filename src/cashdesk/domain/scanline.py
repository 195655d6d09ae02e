"""Bill stub scan lines, as a keyboard-wedge scanner types them.

The default layout (docs/formats.md) is 30 digits:

    KK AAAAAAAAAA YYYYMMDD CCCCCCCCC D
    kind account  due date amount due check digit (Luhn mod 10 over the first 29)

kind 01 is a utility bill, 02 a sales-tax notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cashdesk.domain.accounts import AccountKind
from cashdesk.domain.money import Money
from cashdesk.words import translate

KINDS = {"01": AccountKind.UTILITY, "02": AccountKind.SALES_TAX}
LENGTH = 30


class ScanLineError(ValueError):
    """A scan line that cannot be trusted; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class ScanLine:
    kind: AccountKind
    account: str
    due_date: dt.date
    amount_due: Money


def luhn_check_digit(digits: str) -> int:
    """The digit that makes `digits` + digit pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 0:  # doubled: these sit in odd places once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def looks_like_scan_line(text: str) -> bool:
    """A whole field of 30 ASCII digits, which no person types into a search."""
    return len(text.strip()) == LENGTH and text.strip().isascii() and text.strip().isdigit()


def parse(text: str) -> ScanLine:
    raw = text.strip()
    if not re.fullmatch(r"[0-9]+", raw):
        raise ScanLineError(
            translate("scanline", "That is not a bill stub scan line: it should be 30 digits. Scan the stub again.")
        )
    if len(raw) != LENGTH:
        raise ScanLineError(
            translate(
                "scanline",
                "The scan line has {digits} digits; a bill stub has {LENGTH}. Scan the stub again or type the account.",
            ).format(digits=len(raw), LENGTH=LENGTH)
        )
    if luhn_check_digit(raw[:29]) != int(raw[29]):
        raise ScanLineError(
            translate(
                "scanline", "The scan line's check digit is wrong: scan the stub again, or type the account number."
            )
        )
    kind = KINDS.get(raw[:2])
    if kind is None:
        raise ScanLineError(
            translate("scanline", "The stub is of an unknown kind ({raw}). Type the account number instead.").format(
                raw=raw[:2]
            )
        )
    try:
        due = dt.date(int(raw[12:16]), int(raw[16:18]), int(raw[18:20]))
    except ValueError:
        raise ScanLineError(
            translate("scanline", "The stub's due date is not a real date. Type the account number instead.")
        ) from None
    return ScanLine(kind=kind, account=raw[2:12], due_date=due, amount_due=Money(int(raw[20:29])))


def build(kind: AccountKind, account: str, due_date: dt.date, amount_due: Money) -> str:
    """The scan line the billing system prints on a stub (for tests, demos and reprints)."""
    code = next(k for k, v in KINDS.items() if v is kind)
    if not (len(account) == 10 and account.isdigit()):
        raise ValueError("a scan line carries a 10-digit account number")
    if not 0 <= amount_due.cents <= 999_999_999:
        raise ValueError("a scan line carries 0 to 999,999,999 cents")
    body = f"{code}{account}{due_date:%Y%m%d}{amount_due.cents:09d}"
    return body + str(luhn_check_digit(body))


def kind_mismatch(stub: ScanLine, number: str, account_kind: AccountKind) -> str:
    """Why a stub cannot pay this account ("" when its kind is the account's)."""
    if stub.kind is account_kind:
        return ""
    words = {
        AccountKind.UTILITY: translate("scanline", "a utility bill"),
        AccountKind.SALES_TAX: translate("scanline", "a sales-tax notice"),
    }
    accounts = {
        AccountKind.UTILITY: translate("scanline", "a utility account"),
        AccountKind.SALES_TAX: translate("scanline", "a sales-tax account"),
    }
    return translate(
        "scanline",
        "This stub is {kind}, but account {number} is {account_kind}. Scan the stub that came "
        "with this payment, or type the account number.",
    ).format(kind=words[stub.kind], number=number, account_kind=accounts[account_kind])
