"""Supplies and forms: what is on hand, daily use, when to reorder, and the receipt paper left.

Stock is a list of movements, never changed: received adds, issued and damaged take away, a count
posts the difference between what was found and what the list said. On hand is their sum.
Reorder point (the usual rule): average daily use × lead days + the minimum kept as safety stock.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: The days over which daily use is averaged.
USE_DAYS = 30


class MovementKind(StrEnum):
    RECEIVED = "received"
    ISSUED = "issued"
    COUNTED = "counted"
    DAMAGED = "damaged"


def signed_quantity(kind: MovementKind, quantity: int, on_hand: int) -> int:
    """What a movement adds to on hand. For a count, `quantity` is what was found."""
    if quantity < 0:
        raise ValueError("a quantity is a whole number of 0 or more")
    if kind is MovementKind.COUNTED:
        return quantity - on_hand
    if quantity == 0:
        raise ValueError("a quantity received, issued or damaged is 1 or more")
    if kind is MovementKind.RECEIVED:
        return quantity
    if quantity > on_hand:
        raise ValueError(f"only {on_hand} on hand: count the stock first if there is more")
    return -quantity


@dataclass(frozen=True, slots=True)
class StockLevel:
    code: str
    name: str
    unit: str
    on_hand: int
    minimum: int
    maximum: int
    lead_days: int
    used_30_days: int  # issued and damaged over the last USE_DAYS days

    @property
    def daily_use_hundredths(self) -> int:
        """Average daily use in hundredths of a unit (no floats: 1.5 a day is 150)."""
        return (self.used_30_days * 100 + USE_DAYS // 2) // USE_DAYS

    @property
    def needs_reorder(self) -> bool:
        """Under the minimum, or will be within the lead days at the average daily use."""
        # on_hand <= used/30 × lead_days + minimum, in whole numbers.
        return self.on_hand * USE_DAYS <= self.used_30_days * self.lead_days + self.minimum * USE_DAYS

    @property
    def reorder(self) -> int:
        """How many to order: up to the maximum (or twice the minimum when no maximum is set) plus
        what will be used in the lead days; 0 when it is not time to reorder."""
        if not self.needs_reorder:
            return 0
        target = self.maximum or max(self.minimum * 2, 1)
        in_lead = -(-self.used_30_days * self.lead_days // USE_DAYS)  # rounded up
        return max(target + in_lead - self.on_hand, 1)


def lines_per_roll(roll_length_m: int, line_height_tenths_mm: int) -> int:
    """Lines one roll of receipt paper holds: its length over the height of a printed line."""
    return roll_length_m * 10_000 // max(line_height_tenths_mm, 1)


def paper_left_percent(lines_printed: int, per_roll: int) -> int:
    return max(0, 100 - lines_printed * 100 // max(per_roll, 1))


def rolls_used_hundredths(lines: int, per_roll: int) -> int:
    """Rolls of paper `lines` took, in hundredths of a roll."""
    return lines * 100 // max(per_roll, 1)
