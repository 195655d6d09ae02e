"""Allocation: fees first, then oldest; never past an item's open amount; the rest is credit."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.accounts import OpenItem, RevenueCategory, RevenueCode
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.money import Money
from cashdesk.domain.revenue import DEFAULT_REVENUE_CODES

CODES = {c.code: c for c in DEFAULT_REVENUE_CODES}
D = dt.date


def item(id: int, code: str, due: dt.date, amount: int, paid: int = 0) -> OpenItem:
    return OpenItem(id, code, code.title(), None, due, Money(amount), Money(paid))


def test_fees_are_paid_before_older_service_charges() -> None:
    items = [
        item(1, "WATER", D(2026, 9, 15), 4000),
        item(2, "SEWER", D(2026, 10, 15), 3000),
        item(3, "LATEFEE", D(2026, 10, 20), 500),
    ]
    result = allocate(Money(5000), items, priority_by(CODES))
    assert result.lines == ((3, Money(500)), (1, Money(4000)), (2, Money(500)))
    assert result.credit == Money(0)


def test_oldest_due_date_first_within_the_same_priority() -> None:
    items = [item(1, "WATER", D(2026, 10, 15), 1000), item(2, "SEWER", D(2026, 8, 15), 1000)]
    result = allocate(Money(1500), items, priority_by(CODES))
    assert result.lines == ((2, Money(1000)), (1, Money(500)))


def test_partly_paid_items_take_only_what_is_still_open() -> None:
    items = [item(1, "WATER", D(2026, 9, 15), 4000, paid=3500), item(2, "TRASH", D(2026, 9, 15), 2000)]
    result = allocate(Money(3000), items, priority_by(CODES))
    assert result.lines == ((1, Money(500)), (2, Money(2000)))
    assert result.credit == Money(500)


def test_overpayment_becomes_an_explicit_credit() -> None:
    result = allocate(Money(10_000), [item(1, "WATER", D(2026, 9, 15), 4000)], priority_by(CODES))
    assert result.applied == Money(4000)
    assert result.credit == Money(6000)


def test_configured_priorities_change_the_order() -> None:
    items = [item(1, "LATEFEE", D(2026, 9, 1), 500), item(2, "WATER", D(2026, 9, 15), 4000)]
    result = allocate(Money(4000), items, priority_by(CODES, {"WATER": 1}))
    assert result.lines == ((2, Money(4000)),)


def test_a_code_with_its_own_priority_beats_its_category() -> None:
    codes = dict(CODES, SPECIAL=RevenueCode("SPECIAL", "Special", "1-2-3", RevenueCategory.SERVICE, priority=1))
    items = [item(1, "LATEFEE", D(2026, 9, 1), 500), item(2, "SPECIAL", D(2026, 9, 15), 100)]
    assert allocate(Money(100), items, priority_by(codes)).lines == ((2, Money(100)),)


def test_a_negative_payment_is_refused() -> None:
    with pytest.raises(ValueError):
        allocate(Money(-1), [], priority_by(CODES))


items_strategy = st.lists(
    st.builds(
        lambda i, code, days, amount, paid_share: item(
            i, code, D(2026, 1, 1) + dt.timedelta(days=days), amount, amount * paid_share // 100
        ),
        st.integers(1, 10_000),
        st.sampled_from(sorted(CODES)),
        st.integers(0, 400),
        st.integers(0, 10**7),
        st.integers(0, 100),
    ),
    max_size=12,
    unique_by=lambda i: i.id,
)


@given(st.integers(0, 10**8), items_strategy)
def test_nothing_is_created_or_lost(payment: int, items: list[OpenItem]) -> None:
    result = allocate(Money(payment), items, priority_by(CODES))
    assert result.applied + result.credit == Money(payment)
    by_id = {i.id: i for i in items}
    for item_id, amount in result.lines:
        assert Money(0) < amount <= by_id[item_id].open_amount
    assert len({item_id for item_id, _ in result.lines}) == len(result.lines)
    owed = Money.total(i.open_amount for i in items)
    if payment >= owed.cents:
        assert result.applied == owed  # everything owed is paid before any credit
    else:
        assert result.credit == Money(0)
