"""The arrangement's rules without a database: the schedule to the cent, rounding, the calendar,
a payment spread over due installments, current bills and the rest, and the states."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.arrangements import (
    ArrangementRule,
    ArrangementState,
    Installment,
    add_months,
    after_payment,
    after_reversal,
    allocate_on_arrangement,
    down_refusal,
    interest_on,
    lapse_on,
    make_plan,
    pay_installments,
    percent_of,
    split,
    unpay_installments,
)
from cashdesk.domain.money import Money

RULE = ArrangementRule(max_count=2, within_months=12, max_months=6, max_installments=6, down_minimum_percent=10,
                       down_days=3, grace_days=5, interest_basis_points=0, allow_with_disconnect=False,
                       disconnect_down_percent=50, current_bills_required=True)  # fmt: skip
DAY = dt.date(2026, 12, 7)


@given(st.integers(1, 10**9), st.integers(1, 36))
def test_the_parts_sum_exactly_and_only_the_last_differs(total: int, count: int) -> None:
    parts = split(Money(total), count)
    assert sum(p.cents for p in parts) == total and len(parts) == count
    assert len({p.cents for p in parts[:-1]}) <= 1 and parts[-1].cents >= parts[0].cents


def test_rounding_percent_up_interest_down_and_month_ends() -> None:
    assert percent_of(Money(9001), 10) == Money(901)
    assert interest_on(Money(8001), 100, 3) == Money(240)
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 7), -12) == dt.date(2025, 12, 7)
    assert down_refusal("25%", Money(9000)) == (Money(2250), "")


def test_a_plan_and_a_payment_over_it() -> None:
    plan = make_plan(Money(9000), Money(1000), 3, DAY, RULE)
    assert [i.amount.cents for i in plan.installments] == [1000, 2666, 2666, 2668] and plan.total == Money(9000)
    paid, taken = pay_installments(plan.installments, Money(3000))
    assert [i.paid.cents for i in paid] == [1000, 2000, 0, 0] and taken == Money(3000)
    assert after_payment(ArrangementState.REQUESTED, paid) is ArrangementState.ACTIVE
    done, _ = pay_installments(paid, Money(99999))
    assert after_payment(ArrangementState.ACTIVE, done) is ArrangementState.KEPT


def test_due_first_then_current_bills_then_the_next_installments() -> None:
    old = OpenItem(1, "WATER", "old", None, dt.date(2026, 8, 21), Money(9000))
    new = OpenItem(2, "WATER", "new", None, dt.date(2026, 12, 10), Money(4000))
    allocation, share = allocate_on_arrangement(Money(6000), [old, new], lambda i: 10, lambda i: i.id == 1, Money(1000))
    assert dict(allocation.lines) == {1: Money(2000), 2: Money(4000)} and share == Money(2000)


def test_denied_and_broken_after_their_days() -> None:
    down = Installment(0, dt.date(2026, 12, 10), Money(1000))
    first = Installment(1, dt.date(2027, 1, 7), Money(2666))
    assert lapse_on(ArrangementState.REQUESTED, [down, first], dt.date(2026, 12, 10), RULE) is None
    denied = lapse_on(ArrangementState.REQUESTED, [down, first], dt.date(2026, 12, 11), RULE)
    assert denied is not None and denied.state is ArrangementState.DENIED
    paid_down = Installment(0, down.due, down.amount, down.amount)
    assert lapse_on(ArrangementState.ACTIVE, [paid_down, first], dt.date(2027, 1, 12), RULE) is None
    broken = lapse_on(ArrangementState.ACTIVE, [paid_down, first], dt.date(2027, 1, 13), RULE)
    assert broken is not None and broken.state is ArrangementState.BROKEN


@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=7), st.integers(0, 10**7), st.integers(0, 10**7))
def test_a_payment_taken_back_leaves_what_stays_paid_filling_the_installments_in_order(
    amounts: list[int], paid: int, back: int
) -> None:
    rows = tuple(Installment(seq, DAY, Money(cents)) for seq, cents in enumerate(amounts))
    after, put = pay_installments(rows, Money(paid))
    undone, taken = unpay_installments(after, Money(back))
    assert taken.cents == min(back, put.cents)
    redone, _ = pay_installments(rows, put - taken)
    assert undone == redone  # the same as if only what stays paid had been paid


def test_a_reversal_moves_kept_back_to_active_and_to_requested_without_the_down_payment() -> None:
    rows = (Installment(0, DAY, Money(1000), Money(1000)), Installment(1, DAY, Money(2000), Money(2000)))
    one_back, _ = unpay_installments(rows, Money(500))
    assert one_back[1].paid == Money(1500) and one_back[0].paid == Money(1000)
    assert after_reversal(ArrangementState.KEPT, one_back) is ArrangementState.ACTIVE
    all_back, _ = unpay_installments(rows, Money(2500))
    assert [i.paid.cents for i in all_back] == [500, 0]
    assert after_reversal(ArrangementState.KEPT, all_back) is ArrangementState.REQUESTED
    assert after_reversal(ArrangementState.ACTIVE, all_back) is ArrangementState.REQUESTED
    assert after_reversal(ArrangementState.BROKEN, all_back) is ArrangementState.BROKEN  # final states stay
    no_down = (Installment(1, DAY, Money(2000), Money(0)),)
    assert after_reversal(ArrangementState.ACTIVE, no_down) is ArrangementState.ACTIVE  # none to pay down
