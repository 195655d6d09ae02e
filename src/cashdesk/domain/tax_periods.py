"""The periods a home-rule city's sales and use tax returns are filed for (a month, a quarter, a
year), when each is due, and how many months (or fractions of a month) late a return is."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from cashdesk.domain.accounts import FilingFrequency
from cashdesk.words import translate


class TaxReturnError(ValueError):
    """Figures or a period that make no return; the message is meant for the cashier."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_late(due: dt.date, filed_on: dt.date) -> int:
    """Months or fractions of a month after the due date: filed on the due date 0, the day
    after 1, one month after the due date still 1, one month and a day 2."""
    if filed_on <= due:
        return 0
    months = 1
    while add_months(due, months) < filed_on:
        months += 1
    return months


# -- filing periods --------------------------------------------------------------------------

_MONTHLY = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTERLY = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_ANNUAL = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True, order=True)
class FilingPeriod:
    """A month (2026-09), a quarter (2026-Q3) or a year (2026), and when its return is due:
    the due day of the month after the period ends."""

    start: dt.date
    end: dt.date
    label: str
    frequency: FilingFrequency
    due: dt.date

    @classmethod
    def parse(cls, text: str, due_day: int) -> FilingPeriod:
        raw = text.strip().upper()
        if m := _MONTHLY.match(raw):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise TaxReturnError(
                    translate("tax_periods", '"{text}" is not a month. Type a period like 2026-09.').format(
                        text=text.strip()
                    )
                )
            return cls.monthly(year, month, due_day)
        if m := _QUARTERLY.match(raw):
            return cls.quarterly(int(m[1]), int(m[2]), due_day)
        if m := _ANNUAL.match(raw):
            return cls.annual(int(m[1]), due_day)
        raise TaxReturnError(
            translate(
                "tax_periods",
                '"{text}" is not a filing period. Type a month (2026-09), a quarter (2026-Q3) or a year (2026).',
            ).format(text=text.strip())
        )

    @classmethod
    def _make(cls, start: dt.date, months: int, label: str, frequency: FilingFrequency, due_day: int) -> FilingPeriod:
        if not 1 <= due_day <= 28:
            raise ValueError("the due day is 1 to 28")
        if not 1900 <= start.year <= 9998:
            raise TaxReturnError(
                translate("tax_periods", "{year} is not a year a return can be for.").format(year=start.year)
            )
        after = add_months(start, months)
        return cls(start, after - dt.timedelta(days=1), label, frequency, after.replace(day=due_day))

    @classmethod
    def monthly(cls, year: int, month: int, due_day: int) -> FilingPeriod:
        return cls._make(dt.date(year, month, 1), 1, f"{year:04d}-{month:02d}", FilingFrequency.MONTHLY, due_day)

    @classmethod
    def quarterly(cls, year: int, quarter: int, due_day: int) -> FilingPeriod:
        start = dt.date(year, 3 * quarter - 2, 1)
        return cls._make(start, 3, f"{year:04d}-Q{quarter}", FilingFrequency.QUARTERLY, due_day)

    @classmethod
    def annual(cls, year: int, due_day: int) -> FilingPeriod:
        return cls._make(dt.date(year, 1, 1), 12, f"{year:04d}", FilingFrequency.ANNUAL, due_day)

    @classmethod
    def containing(cls, day: dt.date, frequency: FilingFrequency, due_day: int) -> FilingPeriod:
        if frequency is FilingFrequency.MONTHLY:
            return cls.monthly(day.year, day.month, due_day)
        if frequency is FilingFrequency.QUARTERLY:
            return cls.quarterly(day.year, (day.month - 1) // 3 + 1, due_day)
        return cls.annual(day.year, due_day)

    def next(self, due_day: int) -> FilingPeriod:
        return FilingPeriod.containing(self.end + dt.timedelta(days=1), self.frequency, due_day)

    @property
    def description(self) -> str:
        """For a person: "September 2026", "3rd quarter 2026", "2026"."""
        if self.frequency is FilingFrequency.MONTHLY:
            return f"{self.start:%B %Y}"
        if self.frequency is FilingFrequency.QUARTERLY:
            quarter = (self.start.month - 1) // 3 + 1
            return f"{('1st', '2nd', '3rd', '4th')[quarter - 1]} quarter {self.start.year}"
        return str(self.start.year)


def periods_due_between(
    frequency: FilingFrequency, first_due: dt.date, last_due: dt.date, due_day: int
) -> tuple[FilingPeriod, ...]:
    """Every period of `frequency` whose due date falls in [first_due, last_due], oldest first."""
    if last_due < first_due:
        return ()
    # A period ends at most 12 months (an annual one) before its due date.
    period = FilingPeriod.containing(add_months(first_due, -13), frequency, due_day)
    out: list[FilingPeriod] = []
    while period.due <= last_due:
        if period.due >= first_due:
            out.append(period)
        period = period.next(due_day)
    return tuple(out)
