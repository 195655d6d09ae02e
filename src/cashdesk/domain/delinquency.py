"""Collection steps for delinquent accounts and the late fee by formula (docs/delinquency.md).

Pure rules: which step an account reaches on a date from what it owes and how old it is, the late
fee, the date of the next step. The other fees by formula (door tag, reconnect, NSF, deposit) live
with the orders and checks they go with; docs/delinquency.md works an example of each.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, date_text, money, phrase, words
from cashdesk.domain.tax_periods import months_late
from cashdesk.domain.tax_return import TaxRates, percent_of
from cashdesk.words import QT_TRANSLATE_NOOP, translate


class Step(enum.StrEnum):
    """A step of collection, in the order an account reaches them."""

    REMINDER = "reminder"  # a reminder letter
    LATE_FEE = "late_fee"  # a late fee on each bill that goes past due
    DOOR_TAG = "door_tag"  # a shut-off notice hung on the door (a work order, its fee an open item)
    DISCONNECT = "disconnect"  # a disconnect order that waits for its door tag and the notice period
    TAX_NOTICE = "tax_notice"  # a delinquency notice to a sales tax account
    TAX_PENALTY = "tax_penalty"  # penalty and interest on unpaid tax, as the return computes them
    TAX_REFERRAL = "tax_referral"  # referred to collections

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("delinquency", self.label)

    @property
    def once(self) -> bool:
        """Done once while the same oldest charge stays unpaid; the fees by formula are figured each run
        on what has not been charged yet (each bill's late fee, each month's interest)."""
        return self not in (Step.LATE_FEE, Step.TAX_PENALTY)


_LABELS = {
    Step.REMINDER: QT_TRANSLATE_NOOP("delinquency", "Reminder"),
    Step.LATE_FEE: QT_TRANSLATE_NOOP("delinquency", "Late fee"),
    Step.DOOR_TAG: QT_TRANSLATE_NOOP("delinquency", "Door tag (shut-off notice)"),
    Step.DISCONNECT: QT_TRANSLATE_NOOP("delinquency", "Disconnect"),
    Step.TAX_NOTICE: QT_TRANSLATE_NOOP("delinquency", "Delinquency notice"),
    Step.TAX_PENALTY: QT_TRANSLATE_NOOP("delinquency", "Penalty and interest"),
    Step.TAX_REFERRAL: QT_TRANSLATE_NOOP("delinquency", "Referral to collections"),
}

UTILITY_STEPS = (Step.REMINDER, Step.LATE_FEE, Step.DOOR_TAG, Step.DISCONNECT)
TAX_STEPS = (Step.TAX_NOTICE, Step.TAX_PENALTY, Step.TAX_REFERRAL)
SHUTOFF_STEPS = frozenset({Step.DOOR_TAG, Step.DISCONNECT})


@dataclass(frozen=True, slots=True)
class StepRule:
    step: Step
    days: int  # charges billed (utilities) or due (sales tax) at least this many days before count
    past_due_cents: int  # the step is taken when what they come to is at least this (and above $0.00)

    def cutoff(self, on: dt.date) -> dt.date:
        """Charges dated on or before this day count toward the step on `on`."""
        return on - dt.timedelta(days=self.days)


@dataclass(frozen=True, slots=True)
class LateFeeRule:
    basis_points: int  # hundredths of a percent of the past-due amount (500 = 5%)
    minimum_cents: int  # the smallest late fee
    cap_cents: int  # the largest late fee (0: no cap)


def late_fee(past_due: Money, rule: LateFeeRule) -> Money:
    """The late fee on a past-due amount: the percentage rounded half up to the cent, once, on the whole
    amount, then raised to the minimum and lowered to the cap. $0.00 when nothing is past due.

    $123.45 at 5% = $6.1725 -> $6.17; $40.00 at 5% = $2.00 -> the $5.00 minimum; $2,000.00 at 5% =
    $100.00 -> the $50.00 cap."""
    if past_due.cents <= 0:
        return Money(0)
    fee = max(percent_of(past_due, rule.basis_points).cents, rule.minimum_cents)
    if rule.cap_cents:
        fee = min(fee, rule.cap_cents)
    return Money(fee)


@dataclass(frozen=True, slots=True)
class CollectionRules:
    utility: tuple[StepRule, ...]  # in the order of UTILITY_STEPS
    tax: tuple[StepRule, ...]  # in the order of TAX_STEPS
    late_fee: LateFeeRule

    def rule(self, step: Step) -> StepRule:
        return next(r for r in (*self.utility, *self.tax) if r.step is step)

    def problem(self) -> str:
        """Why the steps cannot run as set ("" if they can), in words naming the settings."""
        for steps in (self.utility, self.tax):
            for first, then in zip(steps, steps[1:], strict=False):
                if first.days > then.days:
                    return translate(
                        "delinquency",
                        "The {step} comes {days} days after the charge, before the {earlier_step} ({earlier_days} "
                        "days): set delinquency.{key}_days to at least {earlier_days}. Nothing was done.",
                    ).format(
                        step=then.step.shown.lower(),
                        days=then.days,
                        earlier_step=first.step.shown.lower(),
                        earlier_days=first.days,
                        key=then.step.value,
                    )
        fee = self.late_fee
        if fee.cap_cents and fee.cap_cents < fee.minimum_cents:
            return translate(
                "delinquency",
                "The late fee's cap ({cap}) is under its minimum ({minimum}): check "
                "delinquency.late_fee_cap_cents. Nothing was done.",
            ).format(cap=Money(fee.cap_cents).display(), minimum=Money(fee.minimum_cents).display())
        return ""


def reached(rules: Sequence[StepRule], past_due: Mapping[Step, Money]) -> tuple[Step, ...]:
    """The steps an account reaches: what it owes on charges old enough for each is at least its amount."""
    return tuple(r.step for r in rules if (owed := past_due.get(r.step, Money(0)).cents) > 0
                 and owed >= r.past_due_cents)  # fmt: skip


def next_step(rules: Sequence[StepRule], reached_steps: Iterable[Step], oldest: dt.date, on: dt.date,
              owed: Money) -> tuple[Step, dt.date] | None:  # fmt: skip
    """The first step not yet reached that the oldest unpaid charge will be old enough for after `on`,
    and that day; None when there is none. Time alone does not bring a step whose day has passed (too
    little was owed) nor one asking more than the account owes now."""
    done = set(reached_steps)
    for rule in rules:
        day = oldest + dt.timedelta(days=rule.days)
        if rule.step not in done and day > on and owed.cents >= rule.past_due_cents:
            return rule.step, day
    return None


# -- sales tax: penalty and interest on what is still unpaid -----------------------------------------


@dataclass(frozen=True, slots=True)
class UnpaidPeriod:
    period: str  # 2026-09, 2026-Q3, 2026
    due: dt.date
    unpaid_tax: Money  # sales and use tax of the period still owed
    penalty_charged: bool  # a penalty is already on the account for the period (filed late, or a run)
    interest_charged: Money  # interest already charged for the period


@dataclass(frozen=True, slots=True)
class TaxCharge:
    period: str
    months: int
    penalty: Money
    interest: Money


def tax_charge(unpaid: UnpaidPeriod, rates: TaxRates, on: dt.date) -> TaxCharge:
    """Penalty and interest on a period's unpaid tax as the return computes them (domain/tax_return.py),
    less what is already charged: the penalty once, interest for every month or fraction of a month
    since the due date, one percentage on the whole amount, less the interest charged before (never
    below $0.00)."""
    months = months_late(unpaid.due, on)
    penalty = Money(0) if unpaid.penalty_charged else rates.penalty(unpaid.unpaid_tax, months)
    interest = rates.interest(unpaid.unpaid_tax, months).cents - unpaid.interest_charged.cents
    return TaxCharge(unpaid.period, months, penalty, Money(max(interest, 0)))


# -- the notice letter -------------------------------------------------------------------------------

_HEADINGS = {
    Step.REMINDER: "Reminder: your account is past due",
    Step.LATE_FEE: "Notice: a late fee has been charged",
    Step.DOOR_TAG: "Shut-off notice",
    Step.DISCONNECT: "Final notice: service will be disconnected",
    Step.TAX_NOTICE: "Sales tax delinquency notice",
    Step.TAX_PENALTY: "Sales tax delinquency notice: penalty and interest charged",
    Step.TAX_REFERRAL: "Final notice: referred to collections",
}


@dataclass(frozen=True, slots=True)
class NoticeLetter:
    """One account's letter: what a run did, what is owed, what comes next and how to pay."""

    city: tuple[str, ...]  # letterhead lines: name, department, address, phone
    on: dt.date
    account: str
    name: str
    address: str
    heading: str
    lines: tuple[tuple[str, str], ...]  # label, amount or date
    paragraphs: tuple[str, ...]
    language: str = ENGLISH  # the account's (domain/printed_text.py): the letter's date is written in it


def notice_letter(*, city: Sequence[str], on: dt.date, account: str, name: str, address: str,
                  steps: Sequence[tuple[Step, Money, str]], past_due: Money, amount_due: Money,
                  next_one: tuple[Step, dt.date] | None, how_to_pay: str,
                  language: str = ENGLISH) -> NoticeLetter:  # fmt: skip
    """The letter for the steps a run took on one account ((step, fee, note) each, in order), in the
    account's language (domain/printed_text.py); `how_to_pay` comes in it already (a setting each)."""
    w = words(language)
    last = steps[-1][0]
    lines: list[tuple[str, str]] = [(w("Account"), account), (w("Past due"), money(language, past_due))]
    for step, fee, note in steps:
        if fee.cents:
            label = w(step.label)
            charged = w("{step} charged ({note})", step=label, note=phrase(language, note)) if note else w(
                "{step} charged", step=label)  # fmt: skip
            lines.append((charged, money(language, fee)))
    lines.append((w("Amount due now"), money(language, amount_due)))
    paragraphs = []
    if next_one is not None:
        step, day = next_one
        label = w(step.label)
        lines.append((w("Next step"), w("{step} on {day}", step=label, day=date_text(language, day))))
        paragraphs.append(w("Unless {amount} is paid or a payment plan is arranged by {last_day}, the next step is: "
                            "{step} on {day}.", amount=money(language, amount_due),
                            last_day=date_text(language, day - dt.timedelta(days=1)), step=label.lower(),
                            day=date_text(language, day)))  # fmt: skip
    elif last is Step.DISCONNECT:
        paragraphs.append(w("Service will be disconnected once the shut-off notice period has passed. A reconnection "
                            "after a disconnect carries its own fee."))  # fmt: skip
    elif last is Step.TAX_REFERRAL:
        paragraphs.append(w("This account has been referred to collections. Pay or call us at once to stop "
                            "further collection action."))  # fmt: skip
    paragraphs.append(how_to_pay)
    paragraphs.append(w("If you have paid in the last few days, thank you: please disregard this notice."))
    return NoticeLetter(tuple(line for line in city if line), on, account, name, address, w(_HEADINGS[last]),
                        tuple(lines), tuple(paragraphs), language)  # fmt: skip
