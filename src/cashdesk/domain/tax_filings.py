"""Whether a business has already filed its return for a period: the one rule the tax return
window (a second return for a period is an amendment) and the delinquent-filers list (a period
filed is not missing) share.

A period is filed when a return for it was filed at a window (kept in `tax_returns`) or when the
account's history from the billing system shows one: an entry of kind `return` that names the
period, by its label or as a person writes it ("Return 2026-09", "Return Oct 2026", "Final return
Q3 2026", "Return 3rd quarter 2026", "Return 2025 (not paid)"), dated the day the return was
received, for the tax it charged. An assessment for a period with no return ("Estimated
assessment 2026-10 (no return)", kind `adjustment`) is not a filing, and neither is a bill or a
payment. The window's own history entries (reference `TR-<id>`) are not counted twice: the return
they point at is the record.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import FilingPeriod, TaxReturn, TaxReturnError, months_late, restore_return
from cashdesk.words import translate

#: The history entry kind of a return, as the billing system and the window both write it.
RETURN_KIND = "return"
#: The reference of the history entry the window writes for a return it filed.
WINDOW_REFERENCE = "TR-"

_MONTHS = {name: number for number in range(1, 13)
           for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())}  # fmt: skip
_MONTHS["sept"] = 9
# A period in a description, the way the window labels it or a person writes it. At one place the
# first form that fits wins; a bare year (an annual period) only where no month or quarter is named.
_PERIOD_IN_TEXT = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<ym_year>[0-9]{4})-(?P<ym_month>[0-9]{2})"
    r"|(?P<yq_year>[0-9]{4})-Q(?P<yq_quarter>[1-4])"
    r"|(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<m_year>[0-9]{4})"
    r"|Q(?P<quarter>[1-4])\s+(?P<q_year>[0-9]{4})"
    r"|(?P<nth>[1-4])(?:st|nd|rd|th)\s+quarter\s+(?:of\s+)?(?P<nth_year>[0-9]{4})"
    r"|(?P<year>[0-9]{4})"
    r")(?![\w-])",
    re.IGNORECASE,
)


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


def _period_of(match: re.Match[str]) -> FilingPeriod:
    """The period a match names; TaxReturnError when it names none (month 13, year 0001)."""
    due_day = 28  # the label does not depend on the due day
    g = match.groupdict()
    if g["ym_year"]:
        month = int(g["ym_month"])
        if not 1 <= month <= 12:
            raise TaxReturnError(translate("tax_filings", "no month {month}").format(month=month))
        return FilingPeriod.monthly(int(g["ym_year"]), month, due_day)
    if g["yq_year"]:
        return FilingPeriod.quarterly(int(g["yq_year"]), int(g["yq_quarter"]), due_day)
    if g["month"]:
        return FilingPeriod.monthly(int(g["m_year"]), _MONTHS[g["month"].lower()], due_day)
    if g["quarter"]:
        return FilingPeriod.quarterly(int(g["q_year"]), int(g["quarter"]), due_day)
    if g["nth"]:
        return FilingPeriod.quarterly(int(g["nth_year"]), int(g["nth"]), due_day)
    return FilingPeriod.annual(int(g["year"]), due_day)


@functools.lru_cache(maxsize=4096)  # a city's history repeats a few hundred descriptions
def period_named(text: str) -> str | None:
    """The first filing period a description names, as its label (2026-09, 2026-Q3, 2026), or None."""
    for match in _PERIOD_IN_TEXT.finditer(text):
        try:
            return _period_of(match).label
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
