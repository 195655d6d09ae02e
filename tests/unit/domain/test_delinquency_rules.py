"""The collection steps' pure rules: which steps an account reaches, the next one, the tax charge."""

from __future__ import annotations

import datetime as dt

from cashdesk.domain.delinquency import (
    CollectionRules,
    LateFeeRule,
    Step,
    StepRule,
    UnpaidPeriod,
    next_step,
    reached,
    tax_charge,
)
from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import TaxRates

UTILITY = (StepRule(Step.REMINDER, 30, 100), StepRule(Step.LATE_FEE, 30, 500), StepRule(Step.DOOR_TAG, 45, 5000),
           StepRule(Step.DISCONNECT, 60, 5000))  # fmt: skip
ON = dt.date(2026, 12, 7)


def test_a_step_is_reached_at_its_amount_and_not_at_zero() -> None:
    owed = {
        Step.REMINDER: Money(5000),
        Step.LATE_FEE: Money(499),
        Step.DOOR_TAG: Money(5000),
        Step.DISCONNECT: Money(0),
    }
    assert reached(UTILITY, owed) == (Step.REMINDER, Step.DOOR_TAG)
    assert reached((StepRule(Step.REMINDER, 30, 0),), {Step.REMINDER: Money(0)}) == ()


def test_the_next_step_is_the_first_the_oldest_charge_will_reach_and_the_account_owes_enough_for() -> None:
    oldest = dt.date(2026, 11, 1)
    assert next_step(UTILITY, (Step.REMINDER, Step.LATE_FEE), oldest, ON, Money(12345)) == (
        Step.DOOR_TAG, dt.date(2026, 12, 16))  # fmt: skip
    assert next_step(UTILITY, (Step.REMINDER, Step.LATE_FEE), oldest, ON, Money(4000)) is None
    assert next_step(UTILITY, tuple(Step), oldest, ON, Money(10**6)) is None


def test_steps_out_of_order_and_a_cap_under_the_minimum_are_named() -> None:
    fee = LateFeeRule(500, 500, 5000)
    assert CollectionRules(UTILITY, (), fee).problem() == ""
    swapped = (*UTILITY[:2], StepRule(Step.DOOR_TAG, 70, 5000), UTILITY[3])
    assert "delinquency.disconnect_days to at least 70" in CollectionRules(swapped, (), fee).problem()
    assert "under its minimum" in CollectionRules(UTILITY, (), LateFeeRule(500, 500, 100)).problem()


def test_penalty_once_interest_by_the_month_less_what_was_charged() -> None:
    rates = TaxRates()
    august = UnpaidPeriod("2026-08", dt.date(2026, 9, 20), Money(50000), False, Money(0))
    assert tax_charge(august, rates, ON) == tax_charge(august, rates, ON)
    charge = tax_charge(august, rates, ON)
    assert (charge.months, charge.penalty, charge.interest) == (3, Money(5000), Money(1500))
    charged = UnpaidPeriod("2026-08", dt.date(2026, 9, 20), Money(50000), True, Money(1500))
    later = tax_charge(charged, rates, dt.date(2026, 12, 21))
    assert (later.months, later.penalty, later.interest) == (4, Money(0), Money(500))
    assert tax_charge(charged, rates, dt.date(2026, 12, 8)).interest == Money(0)  # the same month: nothing more
