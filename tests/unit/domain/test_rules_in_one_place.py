"""Rules every layer asks the domain: cash only on a day, lines on a receipt, what is still to pay."""

from __future__ import annotations

import datetime as dt

from cashdesk.domain.accounts import is_cash_only
from cashdesk.domain.money import Money
from cashdesk.domain.receipts import MAX_LINES
from cashdesk.domain.tenders import Tender, TenderKind, remaining

DAY = dt.date(2026, 11, 26)


def test_an_account_flagged_for_good_takes_only_cash_any_day() -> None:
    assert is_cash_only(True, None, DAY)
    assert is_cash_only(True, DAY - dt.timedelta(days=400), DAY)


def test_a_returned_checks_period_holds_through_its_last_day() -> None:
    assert is_cash_only(False, DAY + dt.timedelta(days=1), DAY)
    assert is_cash_only(False, DAY, DAY)


def test_after_the_period_checks_and_cards_are_taken_again() -> None:
    assert not is_cash_only(False, DAY - dt.timedelta(days=1), DAY)
    assert not is_cash_only(False, None, DAY)


def test_a_receipt_holds_fifty_lines() -> None:
    assert MAX_LINES == 50


def test_what_is_still_to_pay_never_goes_below_zero() -> None:
    cash = Tender(TenderKind.CASH, Money(2_000))
    assert remaining(Money(1_500), [cash]) == Money(0)
    assert remaining(Money(2_500), [cash]) == Money(500)
    assert remaining(Money(2_500), []) == Money(2_500)
