"""The rules of service orders, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.money import Money
from cashdesk.domain.service_orders import (
    DepositRule,
    OrderStatus,
    ShutoffRule,
    average_bill,
    change_refusal,
    dispatch_refusal,
    on_shutoff_list,
    order_number,
    past_due,
    past_due_after,
    reconnect_fee,
    shutoff_date_refusal,
    start_deposit,
    stop_settlement,
    weekday_numbers,
)

P, D, C, X, N = (OrderStatus.PENDING, OrderStatus.DISPATCHED, OrderStatus.COMPLETED, OrderStatus.CANCELLED,
                 OrderStatus.NOT_DONE)  # fmt: skip
RULE = ShutoffRule(5000, 60, frozenset({4}), frozenset({dt.date(2026, 11, 26)}))  # Thanksgiving, a Thursday


@pytest.mark.parametrize(("now", "to"), [(P, D), (P, X), (D, C), (D, N), (D, X)])
def test_the_allowed_changes(now: OrderStatus, to: OrderStatus) -> None:
    reason = {X: "paid", N: "dog"}.get(to, "")
    assert change_refusal("WO-2026-00001", now, to, reason) == ""


@pytest.mark.parametrize(("now", "to", "said"), [
    (P, C, "can only be dispatched or cancelled next"),
    (C, X, "already completed"),
    (X, D, "already cancelled"),
    (N, D, "already not done"),
])  # fmt: skip
def test_the_refused_changes_say_why(now: OrderStatus, to: OrderStatus, said: str) -> None:
    assert said in change_refusal("WO-2026-00001", now, to, "paid")


def test_a_cancellation_needs_one_of_the_reasons_and_a_not_done_says_why() -> None:
    assert '"paid", "customer request", "arrangement", "error"' in change_refusal("W", P, X, "oops")
    assert "Say why" in change_refusal("W", D, N, " ")
    assert change_refusal("W", D, N, "meter buried under snow") == ""


def test_numbers_are_per_year() -> None:
    assert order_number(2026, 17) == "WO-2026-00017"


def test_a_disconnect_waits_for_its_tag_then_the_notice_hours() -> None:
    hung = dt.datetime(2026, 12, 8, 15, 0)
    assert "waits for its door tag" in dispatch_refusal("WO-1", P, None, 48, hung)
    assert "48-hour notice" in dispatch_refusal("WO-1", C, hung, 48, hung + dt.timedelta(hours=47, minutes=59))
    assert dispatch_refusal("WO-1", C, hung, 48, hung + dt.timedelta(hours=48)) == ""
    assert dispatch_refusal("WO-1", None, None, 48, hung) == ""  # depends on nothing


def test_the_threshold_counts_only_old_enough_charges() -> None:
    on = dt.date(2026, 12, 8)
    items = [
        (dt.date(2026, 10, 9), Money(3000)),
        (dt.date(2026, 10, 10), Money(9000)),
        (dt.date(2026, 8, 1), Money(2000)),
    ]
    assert past_due(items, on, 60) == Money(5000)  # billed 60 days before counts, 59 does not
    assert on_shutoff_list(Money(5000), RULE) and not on_shutoff_list(Money(4999), RULE)
    assert not on_shutoff_list(Money(0), ShutoffRule(0, 60, frozenset(), frozenset()))


def test_a_payment_counts_against_what_it_pays() -> None:
    old = OpenItem(1, "WATER", "", dt.date(2026, 8, 1), dt.date(2026, 8, 21), Money(9000))
    new = OpenItem(2, "WATER", "", dt.date(2026, 11, 20), dt.date(2026, 12, 10), Money(4000))
    assert past_due_after([old, new], [(1, Money(5000)), (2, Money(1000))], dt.date(2026, 12, 8), 60) == Money(4000)


def test_forbidden_dates() -> None:
    assert "Friday" in shutoff_date_refusal(dt.date(2026, 12, 11), RULE, ())
    assert "day before a holiday" in shutoff_date_refusal(dt.date(2026, 11, 25), RULE, ())
    assert "is a holiday" in shutoff_date_refusal(dt.date(2026, 11, 26), RULE, ())
    assert "temperature hold" in shutoff_date_refusal(dt.date(2026, 12, 8), RULE, {dt.date(2026, 12, 8)})
    assert shutoff_date_refusal(dt.date(2026, 12, 8), RULE, ()) == ""


def test_weekday_names() -> None:
    assert weekday_numbers(["Friday", "sat", "SUNDAY"]) == {4, 5, 6}
    with pytest.raises(ValueError, match="unknown day"):
        weekday_numbers(["Fr"])


@pytest.mark.parametrize(("local", "cents", "after"), [
    (dt.datetime(2026, 12, 7, 8, 0), 5000, False),  # Monday at opening
    (dt.datetime(2026, 12, 7, 16, 59), 5000, False),
    (dt.datetime(2026, 12, 7, 17, 0), 10000, True),  # closing time
    (dt.datetime(2026, 12, 7, 7, 59), 10000, True),
    (dt.datetime(2026, 12, 12, 10, 0), 10000, True),  # Saturday
    (dt.datetime(2026, 12, 25, 10, 0), 10000, True),  # a holiday
])  # fmt: skip
def test_the_reconnect_fee_by_the_hour(local: dt.datetime, cents: int, after: bool) -> None:
    fee = reconnect_fee(local, opens_hour=8, closes_hour=17, business_cents=5000, after_hours_cents=10000,
                        holidays={dt.date(2026, 12, 25)})  # fmt: skip
    assert (fee.fee, fee.after_hours) == (Money(cents), after)


def test_deposits() -> None:
    bills = [Money(4000), Money(5000), Money(4501)]
    assert average_bill(bills) == Money(4500) and average_bill([]) == Money(0)
    assert start_deposit(DepositRule.MULTIPLE, fixed_cents=15000, multiple=2, average_bill=Money(4500)) == Money(9000)
    assert start_deposit(DepositRule.FIXED, fixed_cents=15000, multiple=2, average_bill=Money(4500)) == Money(15000)
    assert start_deposit(DepositRule.NONE, fixed_cents=15000, multiple=2, average_bill=Money(4500)) == Money(0)


def test_stop_service_applies_the_deposit_then_returns_the_rest() -> None:
    settled = stop_settlement(Money(20000), Money(6000))
    assert (settled.applied, settled.left) == (Money(6000), Money(14000))
    settled = stop_settlement(Money(5000), Money(6000))
    assert (settled.applied, settled.left) == (Money(5000), Money(0))
