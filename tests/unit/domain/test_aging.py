"""Aging by days since billing: current, 30, 60, 90+."""

import datetime as dt

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.aging import age
from cashdesk.domain.money import Money

AS_OF = dt.date(2026, 11, 26)


def billed(days_ago: int, amount: int, paid: int = 0, *, bill_date: bool = True) -> OpenItem:
    when = AS_OF - dt.timedelta(days=days_ago)
    return OpenItem(days_ago, "WATER", "Water", when if bill_date else None, when, Money(amount), Money(paid))


def test_buckets_by_days_since_the_bill() -> None:
    aging = age(
        [
            billed(0, 100),
            billed(29, 200),
            billed(30, 300),
            billed(59, 400),
            billed(60, 500),
            billed(89, 600),
            billed(90, 700),
            billed(400, 800),
        ],
        AS_OF,
    )
    assert aging.current == Money(300)
    assert aging.days_30 == Money(700)
    assert aging.days_60 == Money(1100)
    assert aging.days_90 == Money(1500)
    assert aging.total == Money(3600)


def test_only_what_is_still_open_counts() -> None:
    aging = age([billed(45, 1000, paid=400), billed(10, 500, paid=500)], AS_OF)
    assert aging.days_30 == Money(600)
    assert aging.current == Money(0)


def test_an_item_without_a_bill_date_ages_from_its_due_date() -> None:
    assert age([billed(65, 250, bill_date=False)], AS_OF).days_60 == Money(250)


def test_a_charge_not_yet_billed_is_current() -> None:
    assert age([billed(-5, 100)], AS_OF).current == Money(100)
