"""The office's rule for a bill two windows paid without seeing each other (domain/office.py)."""

from __future__ import annotations

from cashdesk.domain.office import settle_paid


def test_a_payment_within_the_bill_is_paid_on_it() -> None:
    assert settle_paid(5000, 1000, 2500) == (3500, 0)


def test_what_two_windows_took_past_the_bill_becomes_credit() -> None:
    # $50.00 due, $30.00 paid at window 1, then $40.00 at window 2: paid in full and $20.00 credit.
    assert settle_paid(5000, 3000, 4000) == (5000, 2000)


def test_a_void_never_takes_a_bill_below_nothing() -> None:
    assert settle_paid(5000, 5000, -5000) == (0, 0)
    assert settle_paid(5000, 2000, -3000) == (0, 0)
