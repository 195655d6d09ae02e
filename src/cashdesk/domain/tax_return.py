"""Sales and use tax returns of a home-rule city: the lines of the return, late penalty and
interest, amended returns, and the check of what the business wrote. Filing periods, due dates and
lateness are in domain/tax_periods.py (named here too).

Everything is integer cents. Percentages are basis points (hundredths of a percent) and every
percentage of money is rounded half up to the cent, once, on the whole amount.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from cashdesk.domain.money import MAX_CENTS, Money
from cashdesk.domain.tax_periods import FilingPeriod, TaxReturnError, add_months, months_late, periods_due_between
from cashdesk.words import QT_TRANSLATE_NOOP, translate

# -- arithmetic ------------------------------------------------------------------------------


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest whole number, halves away from zero."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return -quotient if numerator < 0 else quotient


def percent_of(amount: Money, basis_points: int) -> Money:
    """`basis_points` hundredths of a percent of `amount`, rounded half up to the cent."""
    if type(basis_points) is not int:
        raise TypeError("basis points are a whole number")
    return Money(round_half_up(amount.cents * basis_points, 10_000))


# -- the return's lines ------------------------------------------------------------------------


class Deduction(enum.StrEnum):
    """What a business may take off its gross sales, as on the city's form."""

    RESALE = "resale"
    OUT_OF_CITY = "out_of_city"
    BAD_DEBTS = "bad_debts"
    TRADE_INS = "trade_ins"
    EXEMPT_ORGANIZATIONS = "exempt_organizations"
    RETURNS = "returns"
    FOOD = "food"
    DRUGS = "drugs"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "resale": QT_TRANSLATE_NOOP("tax_return", "Sales for resale"),
            "out_of_city": QT_TRANSLATE_NOOP("tax_return", "Deliveries outside the city"),
            "bad_debts": QT_TRANSLATE_NOOP("tax_return", "Bad debts charged off"),
            "trade_ins": QT_TRANSLATE_NOOP("tax_return", "Trade-ins"),
            "exempt_organizations": QT_TRANSLATE_NOOP("tax_return", "Sales to exempt organisations"),
            "returns": QT_TRANSLATE_NOOP("tax_return", "Returned goods"),
            "food": QT_TRANSLATE_NOOP("tax_return", "Food for home consumption"),
            "drugs": QT_TRANSLATE_NOOP("tax_return", "Prescription drugs"),
            "other": QT_TRANSLATE_NOOP("tax_return", "Other deductions"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("tax_return", self.label)

    @property
    def line_name(self) -> str:
        return f"deduct_{self.value}"


#: Every line of the form in order: (name, label, how it enters the arithmetic).
LINES: tuple[tuple[str, str], ...] = (
    ("gross_sales", QT_TRANSLATE_NOOP("tax_return", "Gross sales and services")),
    ("bad_debts_collected", QT_TRANSLATE_NOOP("tax_return", "Bad debts collected")),
    ("total_sales", QT_TRANSLATE_NOOP("tax_return", "Total (gross sales + bad debts collected)")),
    *((d.line_name, d.label) for d in Deduction),
    ("total_deductions", QT_TRANSLATE_NOOP("tax_return", "Total deductions")),
    ("net_taxable", QT_TRANSLATE_NOOP("tax_return", "Net taxable sales")),
    ("sales_tax", QT_TRANSLATE_NOOP("tax_return", "Sales tax")),
    ("excess_tax_collected", QT_TRANSLATE_NOOP("tax_return", "Excess tax collected")),
    ("vendor_fee", QT_TRANSLATE_NOOP("tax_return", "Vendor fee (less)")),
    ("use_tax_purchases", QT_TRANSLATE_NOOP("tax_return", "Purchases subject to use tax")),
    ("use_tax", QT_TRANSLATE_NOOP("tax_return", "Use tax")),
    ("tax_due", QT_TRANSLATE_NOOP("tax_return", "Net tax due")),
    ("penalty", QT_TRANSLATE_NOOP("tax_return", "Penalty")),
    ("interest", QT_TRANSLATE_NOOP("tax_return", "Interest")),
    ("total_due", QT_TRANSLATE_NOOP("tax_return", "Total due")),
    ("previous_total_due", QT_TRANSLATE_NOOP("tax_return", "Total due on the return amended")),
    ("difference", QT_TRANSLATE_NOOP("tax_return", "Difference due (a credit when negative)")),
)
LABELS: dict[str, str] = dict(LINES)


def line_shown(name: str) -> str:
    """A line's label in the window's language (LABELS keeps the English, as the form and files say it)."""
    return translate("tax_return", LABELS[name])


LINE_NUMBERS: dict[str, int] = {name: number for number, (name, _label) in enumerate(LINES, start=1)}
#: The figures the business reports; every other line is worked out from them.
INPUT_LINES: tuple[str, ...] = (
    "gross_sales", "bad_debts_collected", *(d.line_name for d in Deduction), "excess_tax_collected",
    "use_tax_purchases",
)  # fmt: skip
AMENDED_ONLY = ("previous_total_due", "difference")


@dataclass(frozen=True, slots=True)
class ReturnFigures:
    """What the business reports for the period."""

    gross_sales: Money = Money(0)
    bad_debts_collected: Money = Money(0)
    deductions: Mapping[Deduction, Money] = field(default_factory=dict)
    excess_tax_collected: Money = Money(0)
    use_tax_purchases: Money = Money(0)

    def deduction(self, which: Deduction) -> Money:
        return self.deductions.get(which, Money(0))

    @property
    def total_deductions(self) -> Money:
        return Money.total(self.deduction(d) for d in Deduction)

    @property
    def is_zero(self) -> bool:
        return not any(self.inputs().values())

    def inputs(self) -> dict[str, Money]:
        out = {"gross_sales": self.gross_sales, "bad_debts_collected": self.bad_debts_collected}
        out.update({d.line_name: self.deduction(d) for d in Deduction})
        out["excess_tax_collected"] = self.excess_tax_collected
        out["use_tax_purchases"] = self.use_tax_purchases
        return out

    @classmethod
    def from_lines(cls, lines: Mapping[str, Money]) -> ReturnFigures:
        zero = Money(0)
        return cls(
            gross_sales=lines.get("gross_sales", zero),
            bad_debts_collected=lines.get("bad_debts_collected", zero),
            deductions={d: lines[d.line_name] for d in Deduction if lines.get(d.line_name)},
            excess_tax_collected=lines.get("excess_tax_collected", zero),
            use_tax_purchases=lines.get("use_tax_purchases", zero),
        )


@dataclass(frozen=True, slots=True)
class TaxRates:
    """The city's rules for a return (settings tax.*)."""

    rate_basis_points: int = 375
    use_rate_basis_points: int | None = None  # None: the sales tax rate
    vendor_fee_basis_points: int = 0  # 0: the city allows no vendor fee
    vendor_fee_cap: Money = Money(0)  # 0: no cap
    penalty_basis_points: int = 1_000
    penalty_minimum: Money = Money(1_500)
    interest_basis_points_per_month: int = 100

    @property
    def use_rate(self) -> int:
        return self.rate_basis_points if self.use_rate_basis_points is None else self.use_rate_basis_points

    def vendor_fee(self, sales_tax: Money) -> Money:
        if self.vendor_fee_basis_points <= 0 or sales_tax.cents <= 0:
            return Money(0)
        fee = percent_of(sales_tax, self.vendor_fee_basis_points)
        return fee.min(self.vendor_fee_cap) if self.vendor_fee_cap else fee

    def penalty(self, tax: Money, months: int) -> Money:
        """The greater of the minimum and the percentage, when late and something is due."""
        if months <= 0 or tax.cents <= 0:
            return Money(0)
        return max(self.penalty_minimum, percent_of(tax, self.penalty_basis_points))

    def interest(self, tax: Money, months: int) -> Money:
        if months <= 0 or tax.cents <= 0:
            return Money(0)
        return percent_of(tax, self.interest_basis_points_per_month * months)


@dataclass(frozen=True, slots=True)
class ReturnLine:
    number: int
    name: str
    label: str
    amount: Money


@dataclass(frozen=True, slots=True)
class LineDifference:
    """A line where what the business wrote is not what the return's arithmetic gives."""

    number: int
    name: str
    label: str
    written: Money
    computed: Money

    @property
    def difference(self) -> Money:
        return self.written - self.computed

    @property
    def text(self) -> str:
        off = self.difference
        way = "more" if off.cents > 0 else "less"
        by = Money(abs(off.cents)).display()
        return (f"Line {self.number}, {self.label}: the business wrote {self.written.display()}, "
                f"the return works out to {self.computed.display()} ({by} {way}).")  # fmt: skip

    @property
    def shown(self) -> str:
        """`text` in the window's language."""
        sentence = (
            translate("tax_return", "Line {number}, {label}: the business wrote {written}, the return works out to "
                      "{computed} ({by} more).")
            if self.difference.cents > 0
            else translate("tax_return", "Line {number}, {label}: the business wrote {written}, the return works "
                           "out to {computed} ({by} less).")
        )  # fmt: skip
        by = Money(abs(self.difference.cents)).display()
        return sentence.format(number=self.number, label=line_shown(self.name), written=self.written.display(),
                               computed=self.computed.display(), by=by)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TaxReturn:
    """A computed return: every line, in the form's order."""

    period: FilingPeriod
    filed_on: dt.date
    lines: tuple[ReturnLine, ...]
    months_late: int
    amended: bool = False

    def __getitem__(self, name: str) -> Money:
        for line in self.lines:
            if line.name == name:
                return line.amount
        if name in LABELS:
            return Money(0)
        raise KeyError(name)

    def amounts(self) -> dict[str, Money]:
        return {line.name: line.amount for line in self.lines}

    @property
    def figures(self) -> ReturnFigures:
        return ReturnFigures.from_lines(self.amounts())

    @property
    def late(self) -> bool:
        return self.months_late > 0

    @property
    def total_due(self) -> Money:
        return self["total_due"]

    @property
    def due_now(self) -> Money:
        """What filing this return adds to the account: its total, or for an amended return the
        difference from the return it amends (negative: a credit)."""
        return self["difference"] if self.amended else self.total_due

    @property
    def tax_before_fee(self) -> Money:
        """The tax penalty and interest are figured on: sales tax + excess collected + use tax."""
        return self["sales_tax"] + self["excess_tax_collected"] + self["use_tax"]

    def differences(self, written: Mapping[str, Money]) -> tuple[LineDifference, ...]:
        """Lines the business wrote that differ from the computed ones, in the form's order."""
        unknown = sorted(set(written) - set(LABELS))
        if unknown:
            raise KeyError(f"no such line on the return: {', '.join(unknown)}")
        return tuple(
            LineDifference(line.number, line.name, line.label, written[line.name], line.amount)
            for line in self.lines
            if line.name in written and written[line.name] != line.amount
        )


def _check_figures(figures: ReturnFigures) -> None:
    for name, amount in figures.inputs().items():
        if not isinstance(amount, Money):
            raise TypeError(f"{name} must be Money")
        if amount.is_negative:
            raise TaxReturnError(
                translate(
                    "tax_return", "{name} cannot be negative. Type it as the business wrote it, without a minus."
                ).format(name=LABELS[name])
            )
        if amount.cents > MAX_CENTS:
            raise TaxReturnError(
                translate(
                    "tax_return",
                    "{name} is more than the largest amount cashdesk takes ({largest}). Check the figure "
                    "the business wrote.",
                ).format(name=LABELS[name], largest=Money(MAX_CENTS).display())
            )
    total_sales = figures.gross_sales + figures.bad_debts_collected
    if figures.total_deductions > total_sales:
        raise TaxReturnError(
            translate(
                "tax_return",
                "The deductions ({total_deductions}) are more than gross sales plus bad debts collected "
                "({total_sales}). Check the figures the business wrote; net taxable sales cannot be "
                "below $0.00.",
            ).format(total_deductions=figures.total_deductions.display(), total_sales=total_sales.display())
        )


def _amended_charges(amends: TaxReturn, period: FilingPeriod, filed_on: dt.date, rates: TaxRates, sales_tax: Money,
                     tax: Money, months: int) -> tuple[Money, Money, Money]:  # fmt: skip
    """(vendor fee, penalty, interest) of an amended return: see compute_return."""
    if amends.period != period:
        raise TaxReturnError(
            translate(
                "tax_return", "An amended return is for the same period as the return it amends ({period_label})."
            ).format(period_label=amends.period.label)
        )
    if filed_on < amends.filed_on:
        raise TaxReturnError(
            translate(
                "tax_return", "An amended return cannot be filed before the return it amends ({filed_on:%m/%d/%Y})."
            ).format(filed_on=amends.filed_on)
        )
    if months == 0:
        vendor_fee = rates.vendor_fee(sales_tax)
    else:
        vendor_fee = amends["vendor_fee"].min(rates.vendor_fee(sales_tax))
    before = amends.tax_before_fee
    if tax > before:
        increase = tax - before
        penalty = amends["penalty"] + rates.penalty(increase, months)
        return vendor_fee, penalty, amends["interest"] + rates.interest(increase, months)
    then = amends.months_late
    return (
        vendor_fee,
        amends["penalty"].min(rates.penalty(tax, then)),
        amends["interest"].min(rates.interest(tax, then)),
    )


def compute_return(
    figures: ReturnFigures,
    period: FilingPeriod,
    filed_on: dt.date,
    rates: TaxRates,
    *,
    amends: TaxReturn | None = None,
) -> TaxReturn:
    """Work out every line of the return.

    An amended return (`amends`: the return it corrects) is figured from its own corrected
    figures. Its vendor fee is the full fee when it is itself on time, else at most the fee of
    the return it amends. When it raises the tax and is late, penalty and interest on the
    increase (as of its own date) are added to those of the return it amends; otherwise they are
    those of the return it amends, never more than the lower tax would carry as of that date.
    """
    _check_figures(figures)
    total_sales = figures.gross_sales + figures.bad_debts_collected
    total_deductions = figures.total_deductions
    net_taxable = total_sales - total_deductions
    sales_tax = percent_of(net_taxable, rates.rate_basis_points)
    use_tax = percent_of(figures.use_tax_purchases, rates.use_rate)
    tax = sales_tax + figures.excess_tax_collected + use_tax
    months = months_late(period.due, filed_on)

    if amends is None:
        vendor_fee = rates.vendor_fee(sales_tax) if months == 0 else Money(0)
        penalty = rates.penalty(tax, months)
        interest = rates.interest(tax, months)
    else:
        vendor_fee, penalty, interest = _amended_charges(amends, period, filed_on, rates, sales_tax, tax, months)

    tax_due = sales_tax + figures.excess_tax_collected - vendor_fee + use_tax
    total_due = tax_due + penalty + interest
    amounts: dict[str, Money] = {
        "gross_sales": figures.gross_sales,
        "bad_debts_collected": figures.bad_debts_collected,
        "total_sales": total_sales,
        **{d.line_name: figures.deduction(d) for d in Deduction},
        "total_deductions": total_deductions,
        "net_taxable": net_taxable,
        "sales_tax": sales_tax,
        "excess_tax_collected": figures.excess_tax_collected,
        "vendor_fee": vendor_fee,
        "use_tax_purchases": figures.use_tax_purchases,
        "use_tax": use_tax,
        "tax_due": tax_due,
        "penalty": penalty,
        "interest": interest,
        "total_due": total_due,
    }
    if amends is not None:
        amounts["previous_total_due"] = amends.total_due
        amounts["difference"] = total_due - amends.total_due
    lines = tuple(ReturnLine(LINE_NUMBERS[name], name, LABELS[name], amount) for name, amount in amounts.items())
    return TaxReturn(period, filed_on, lines, months, amended=amends is not None)


def restore_return(period: FilingPeriod, filed_on: dt.date, amounts: Mapping[str, Money], months: int) -> TaxReturn:
    """A return as it was computed and kept (for amending it later)."""
    lines = tuple(
        ReturnLine(LINE_NUMBERS[name], name, LABELS[name], amounts[name]) for name, _label in LINES if name in amounts
    )
    return TaxReturn(period, filed_on, lines, months, amended="difference" in amounts)


#: Which open item each part of what is due becomes (revenue codes).
ITEM_CODES: tuple[tuple[str, str], ...] = (
    ("SALESTAX", "Sales tax"),
    ("USETAX", "Use tax"),
    ("TAXPEN", "Penalty"),
    ("TAXINT", "Interest"),
)


def amounts_by_code(ret: TaxReturn) -> dict[str, Money]:
    """What the return charges, split by revenue code; the vendor fee reduces the sales tax."""
    return {
        "SALESTAX": ret["sales_tax"] + ret["excess_tax_collected"] - ret["vendor_fee"],
        "USETAX": ret["use_tax"],
        "TAXPEN": ret["penalty"],
        "TAXINT": ret["interest"],
    }


__all__ = [
    "AMENDED_ONLY", "Deduction", "FilingPeriod", "INPUT_LINES", "ITEM_CODES", "LABELS", "LINES", "LINE_NUMBERS",
    "LineDifference", "ReturnFigures", "ReturnLine", "TaxRates", "TaxReturn", "TaxReturnError", "add_months",
    "amounts_by_code", "compute_return", "months_late", "percent_of", "periods_due_between", "restore_return",
    "round_half_up",
]  # fmt: skip
