"""Spreading a payment over an account's open items: priority first, then oldest due date.

An item is never paid past its open amount; whatever is left is an explicit credit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from cashdesk.domain.accounts import OpenItem, RevenueCode
from cashdesk.domain.money import Money


@dataclass(frozen=True, slots=True)
class Allocation:
    payment: Money
    lines: tuple[tuple[int, Money], ...]  # (open item id, amount applied), in paying order
    credit: Money  # the remainder, kept on the account

    @property
    def applied(self) -> Money:
        return Money.total(amount for _, amount in self.lines)


def priority_by(
    codes: Mapping[str, RevenueCode], overrides: Mapping[str, int] | None = None
) -> Callable[[OpenItem], int]:
    """The paying order of an item: the configured override, else its revenue code's priority."""
    overrides = overrides or {}

    def priority(item: OpenItem) -> int:
        code = item.revenue_code
        if code in overrides:
            return overrides[code]
        known = codes.get(code)
        return known.effective_priority if known is not None else 1000

    return priority


def paying_order(
    items: Sequence[OpenItem], priority_of: Callable[[OpenItem], int] | Mapping[str, int]
) -> list[OpenItem]:
    """Items with money still owed, in the order a payment pays them."""
    if isinstance(priority_of, Mapping):
        table = priority_of
        priority_of = lambda item: table.get(item.revenue_code, 1000)  # noqa: E731
    key = priority_of
    owed = [item for item in items if item.open_amount.cents > 0]
    return sorted(owed, key=lambda item: (key(item), item.due_date, item.id))


def allocate(
    payment: Money,
    items: Sequence[OpenItem],
    priority_of: Callable[[OpenItem], int] | Mapping[str, int],
) -> Allocation:
    if payment.is_negative:
        raise ValueError("a payment to allocate cannot be negative")
    left = payment.cents
    lines: list[tuple[int, Money]] = []
    for item in paying_order(items, priority_of):
        if left == 0:
            break
        take = min(left, item.open_amount.cents)
        lines.append((item.id, Money(take)))
        left -= take
    return Allocation(payment=payment, lines=tuple(lines), credit=Money(left))
