"""Rules of an office of several windows (docs/office.md)."""

from __future__ import annotations


def settle_paid(amount: int, paid: int, moved: int) -> tuple[int, int]:
    """A window moved what is paid on a bill by `moved` cents: (paid now, cents to the account's credit).

    Two windows that could not see each other may both take the same bill: what goes past the
    bill's amount is the customer's money all the same, kept as credit on the account. A bill is
    never paid below nothing (a void at one window of a payment the other's covered)."""
    total = paid + moved
    settled = min(amount, max(0, total))
    return settled, max(0, total - amount)
