"""Aging of what an account owes, by days since the charge was billed.

Buckets: current (under 30 days), 30 (30–59), 60 (60–89), 90+ (90 and over).
A charge with no bill date ages from its due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.money import Money

BUCKETS = ("current", "30", "60", "90+")


@dataclass(frozen=True, slots=True)
class Aging:
    current: Money = Money(0)
    days_30: Money = Money(0)
    days_60: Money = Money(0)
    days_90: Money = Money(0)

    @property
    def total(self) -> Money:
        return self.current + self.days_30 + self.days_60 + self.days_90

    def as_pairs(self) -> tuple[tuple[str, Money], ...]:
        return tuple(zip(BUCKETS, (self.current, self.days_30, self.days_60, self.days_90), strict=True))


def bucket_of(item: OpenItem, as_of: dt.date) -> str:
    start = item.bill_date or item.due_date
    days = (as_of - start).days
    if days < 30:
        return "current"
    if days < 60:
        return "30"
    if days < 90:
        return "60"
    return "90+"


def age(items: Iterable[OpenItem], as_of: dt.date) -> Aging:
    sums = dict.fromkeys(BUCKETS, 0)
    for item in items:
        owed = item.open_amount.cents
        if owed:
            sums[bucket_of(item, as_of)] += owed
    return Aging(*(Money(sums[b]) for b in BUCKETS))
