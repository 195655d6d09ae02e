"""Whether a business has already filed its return for a period: the one rule the tax return
window (a second return for a period is an amendment) and the delinquent-filers list (a period
filed is not missing) share.

A period is filed when a return for it was filed at a window (kept in `tax_returns`) or when the
account's history from the billing system shows one: an entry of kind `return` that names the
period ("Return 2026-09", "Final return 2026-Q3", "Return 2026 (not paid)"), dated the day the
return was received, for the tax it charged. An assessment for a period with no return ("Estimated
assessment 2026-10 (no return)", kind `adjustment`) is not a filing, and neither is a bill or a
payment. The window's own history entries (reference `TR-<id>`) are not counted twice: the return
they point at is the record.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import FilingPeriod, TaxReturn, TaxReturnError, months_late, restore_return

#: The history entry kind of a return, as the billing system and the window both write it.
RETURN_KIND = "return"
#: The reference of the history entry the window writes for a return it filed.
WINDOW_REFERENCE = "TR-"

# A period label standing on its own in a description: 2026-09, 2026-Q3 or 2026.
_PERIOD_IN_TEXT = re.compile(r"(?<![0-9A-Za-z-])([0-9]{4}(?:-[Qq][1-4]|-[0-9]{2})?)(?![0-9A-Za-z-])")


class FiledAt(enum.StrEnum):
    """Where the evidence that a return was filed comes from."""

    WINDOW = "window"  # filed at a cashdesk window: its figures are kept
    HISTORY = "history"  # shown in the account's history from the billing system: a date and the tax


@dataclass(frozen=True, slots=True, order=True)
class ReturnOnRecord:
    """One return known to have been filed for a period."""

    filed_on: dt.date
    period: str  # the period's label: 2026-09, 2026-Q3, 2026
    filed_at: FiledAt
    amount: Money  # window: the return's total due; history: the tax the entry charged
    description: str = ""


def period_named(text: str) -> str | None:
    """The first filing period a description names, as its label ("2026-Q3"), or None."""
    for match in _PERIOD_IN_TEXT.finditer(text):
        try:
            return FilingPeriod.parse(match[1], 28).label
        except TaxReturnError:
            continue
    return None


def return_in_history(kind: str, description: str, on_date: dt.date, amount: Money,
                      reference: str = "") -> ReturnOnRecord | None:  # fmt: skip
    """The return a history entry shows as filed, or None when the entry is not one."""
    if kind != RETURN_KIND or reference.startswith(WINDOW_REFERENCE):
        return None
    label = period_named(description)
    if label is None:
        return None
    # A ledger entry of a return adds what the return charged; nothing less than nothing.
    return ReturnOnRecord(on_date, label, FiledAt.HISTORY, Money(0) if amount.is_negative else amount, description)


@dataclass(frozen=True, slots=True)
class PeriodFiled:
    """Everything on record for one period, oldest first."""

    period: str
    records: tuple[ReturnOnRecord, ...]

    @property
    def original(self) -> ReturnOnRecord:
        return self.records[0]

    @property
    def filed_on(self) -> dt.date:
        """When the period's first return (the original) was received."""
        return self.original.filed_on

    @property
    def at_window(self) -> bool:
        return any(r.filed_at is FiledAt.WINDOW for r in self.records)

    @property
    def history(self) -> tuple[ReturnOnRecord, ...]:
        return tuple(r for r in self.records if r.filed_at is FiledAt.HISTORY)

    @property
    def where(self) -> str:
        """Where the original is on record, for a person."""
        if self.original.filed_at is FiledAt.HISTORY:
            return f"in the account's history from billing: {self.original.description}"
        return "at the window"

    def history_return(self, period: FilingPeriod) -> TaxReturn:
        """The return the history shows, as far as it can be known, for an amended return to
        amend: the tax its entries charged (a ledger: an amendment's entry adds its difference),
        taken as sales tax, as of the latest entry; no penalty or interest."""
        entries = self.history
        if not entries:
            raise ValueError(f"the history shows no return for {self.period}")
        tax = Money.total(r.amount for r in entries)
        last = entries[-1].filed_on
        amounts = {"sales_tax": tax, "tax_due": tax, "total_due": tax}
        return restore_return(period, last, amounts, months_late(period.due, last))


def filed_periods(records: Iterable[ReturnOnRecord]) -> dict[str, PeriodFiled]:
    """Every period with a return on record, by label."""
    by_period: dict[str, list[ReturnOnRecord]] = {}
    for record in records:
        by_period.setdefault(record.period, []).append(record)
    return {label: PeriodFiled(label, tuple(sorted(found))) for label, found in by_period.items()}


def period_filed(period: str, records: Iterable[ReturnOnRecord]) -> PeriodFiled | None:
    """What shows the period's return already filed, or None when nothing does."""
    return filed_periods(r for r in records if r.period == period).get(period)


__all__ = [
    "FiledAt", "PeriodFiled", "RETURN_KIND", "ReturnOnRecord", "WINDOW_REFERENCE", "filed_periods", "period_filed",
    "period_named", "return_in_history",
]  # fmt: skip
