"""A report, defined once: its columns (which ones are totalled), its rows and an optional chart.
The window, the PDF (documents/report_pdf.py) and the CSV all draw the same `Report`, so their
figures cannot differ. Cells are plain values: text, whole numbers, and money as integer cents.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cashdesk.domain.deposit import csv_bytes
from cashdesk.domain.money import Money
from cashdesk.words import translate

Cell = str | int | None


class Kind(enum.StrEnum):
    TEXT = "text"
    MONEY = "money"  # integer cents
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the CSV header
    title: str  # what the screen and the PDF head the column with
    kind: Kind = Kind.TEXT
    total: bool = False  # summed in the totals line
    #: A column of names from the domain: the English a row (and the CSV) keeps, in the reader's words
    #: on the screen and the PDF; None: shown as it is.
    words: Callable[[str], str] | None = field(default=None, compare=False)

    @property
    def numeric(self) -> bool:
        return self.kind is not Kind.TEXT

    def shown(self, value: Cell) -> str:
        """The cell as the screen and the PDF show it."""
        if value is None:
            return ""
        if self.kind is Kind.MONEY:
            return Money(int(value)).display()
        if self.kind is Kind.COUNT:
            return f"{int(value):,}"
        return self.words(str(value)) if self.words is not None else str(value)

    def filed(self, value: Cell) -> str:
        """The cell as the CSV holds it: money as 1234.50, counts as digits, empty for none."""
        if value is None:
            return ""
        if self.kind is Kind.MONEY:
            return Money(int(value)).to_file()
        return str(value)


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int, ...]  # one per category: cents, or a count (the chart's unit)


@dataclass(frozen=True, slots=True)
class Chart:
    """Bars or lines over categories (days, buckets); values in cents, drawn in dollars, or counts."""

    kind: str  # "bars" or "lines"
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: Kind = Kind.MONEY  # what the values are: cents (MONEY) or how many (COUNT)


@dataclass(frozen=True, slots=True)
class ReportDefinition:
    name: str  # what `cashdesk report NAME` takes
    title: str
    description: str
    columns: tuple[Column, ...]
    needs: tuple[str, ...] = ()  # tables that must exist for the report to be offered
    dated: bool = True  # False: as of the --to date (aging), not over a range


@dataclass(frozen=True, slots=True)
class Report:
    definition: ReportDefinition
    start: dt.date
    end: dt.date
    rows: tuple[tuple[Cell, ...], ...]
    chart: Chart | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.definition.title

    @property
    def period(self) -> str:
        if not self.definition.dated:
            return translate("report_def", "as of {day}").format(day=self.end.isoformat())
        if self.start == self.end:
            return self.end.isoformat()
        return translate("report_def", "{start} to {end}").format(
            start=self.start.isoformat(), end=self.end.isoformat()
        )

    @property
    def totals(self) -> tuple[Cell, ...]:
        """Each totalled column's sum; the first column says "Total"; the rest are empty."""
        cells: list[Cell] = []
        for i, column in enumerate(self.definition.columns):
            if column.total:
                cells.append(sum(int(row[i] or 0) for row in self.rows))
            else:
                cells.append("Total" if i == 0 else None)
        return tuple(cells)

    @property
    def has_totals(self) -> bool:
        return any(c.total for c in self.definition.columns)

    def shown_rows(self) -> list[list[str]]:
        return [[c.shown(v) for c, v in zip(self.definition.columns, row, strict=True)] for row in self.rows]

    def shown_totals(self) -> list[str]:
        return [c.shown(v) for c, v in zip(self.definition.columns, self.totals, strict=True)]

    def csv(self) -> bytes:
        """UTF-8, a header of column keys, one line a row, then the totals line (docs/formats.md)."""
        columns = self.definition.columns
        lines = [[c.filed(v) for c, v in zip(columns, row, strict=True)] for row in self.rows]
        if self.has_totals:
            lines.append([c.filed(v) for c, v in zip(columns, self.totals, strict=True)])
        return csv_bytes([c.key for c in columns], lines)

    def file_name(self, extension: str) -> str:
        return f"{self.definition.name}-{self.start.isoformat()}-{self.end.isoformat()}.{extension}"


def summed(rows: Sequence[tuple[Cell, ...]], key: int, value: int) -> dict[Cell, int]:
    """Column `value` summed by column `key`, in the order the keys first appear."""
    out: dict[Cell, int] = {}
    for row in rows:
        out[row[key]] = out.get(row[key], 0) + int(row[value] or 0)
    return out


__all__ = ["Cell", "Chart", "Column", "Kind", "Report", "ReportDefinition", "Series", "summed"]
