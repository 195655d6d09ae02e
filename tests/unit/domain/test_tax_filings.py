"""Whether a period's return is already filed: returns filed at the window, and returns the
billing history shows (an entry of kind "return" naming the period); assessments, bills, payments
and the window's own history entries are not evidence of a filing."""

import datetime as dt

import pytest

from cashdesk.domain.money import Money
from cashdesk.domain.tax_filings import (
    FiledAt,
    ReturnOnRecord,
    filed_periods,
    period_filed,
    period_named,
    return_in_history,
)
from cashdesk.domain.tax_return import FilingPeriod, ReturnFigures, TaxRates, compute_return

D = dt.date
SEPT = FilingPeriod.parse("2026-09", 20)


@pytest.mark.parametrize(
    ("description", "label"),
    [
        ("Return 2026-09", "2026-09"),
        ("Final return 2026-Q3", "2026-Q3"),
        ("Return 2026-q3 (not paid)", "2026-Q3"),
        ("Return 2026 (not paid)", "2026"),
        # As the billing system (and demo-data) writes them, and as a person does.
        ("Return Oct 2026", "2026-10"),
        ("Return Sept. 2026", "2026-09"),
        ("Return September 2026 (not paid)", "2026-09"),
        ("Final return Q4 2025", "2025-Q4"),
        ("Return 3rd quarter 2026", "2026-Q3"),
        ("Return for 2026-13, corrected 2026-12", "2026-12"),  # no month 13: the next label named
        ("Return", None),
        ("Return 12026-09", None),
        ("Return 2026-091", None),
    ],
)
def test_the_period_a_description_names(description: str, label: str | None) -> None:
    assert period_named(description) == label


def test_what_in_the_history_is_a_return_filed() -> None:
    filed = return_in_history("return", "Return 2026-09 (not paid)", D(2026, 10, 18), Money(150_000), "taxable 40000")
    assert filed == ReturnOnRecord(D(2026, 10, 18), "2026-09", FiledAt.HISTORY, Money(150_000),
                                   "Return 2026-09 (not paid)")  # fmt: skip
    # An assessment for a return never received, a payment, a bill: not returns.
    assert return_in_history("adjustment", "Estimated assessment 2026-10 (no return)", D(2026, 11, 19),
                             Money(140_000)) is None  # fmt: skip
    assert return_in_history("payment", "Payment with return 2026-09", D(2026, 10, 18), Money(-150_000)) is None
    # The window's own entry: the return it filed is the record, not counted twice.
    assert return_in_history("return", "Return 2026-09 received", D(2026, 10, 18), Money(1), "TR-7") is None
    # A return entry that names no period cannot show which period was filed.
    assert return_in_history("return", "Return received", D(2026, 10, 18), Money(1)) is None
    # A negative amount charged nothing.
    nothing = return_in_history("return", "Return 2026-09", D(2026, 10, 18), Money(-5))
    assert nothing is not None and nothing.amount == Money(0)


def test_a_period_is_filed_when_the_window_or_the_history_shows_a_return() -> None:
    history = return_in_history("return", "Return 2026-09", D(2026, 10, 15), Money(150_000))
    window = ReturnOnRecord(D(2026, 11, 26), "2026-09", FiledAt.WINDOW, Money(0))
    other = ReturnOnRecord(D(2026, 9, 10), "2026-08", FiledAt.WINDOW, Money(0))
    assert history is not None
    assert period_filed("2026-10", [history, window, other]) is None
    filed = period_filed("2026-09", [window, other, history])
    assert filed is not None and filed.records == (history, window)
    # The original is the first return received, wherever it is on record.
    assert filed.filed_on == D(2026, 10, 15) and filed.at_window
    assert filed.where == "in the account's history from billing: Return 2026-09"
    assert set(filed_periods([history, window, other])) == {"2026-08", "2026-09"}
    assert period_filed("2026-08", [other]).where == "at the window"  # type: ignore[union-attr]


def test_the_history_return_is_its_tax_and_its_date_and_an_amendment_of_it_owes_the_difference() -> None:
    # A ledger: the billing system's amendment adds its difference to the original's tax.
    entries = [return_in_history("return", "Return 2026-09", D(2026, 10, 15), Money(150_000)),
               return_in_history("return", "Amended return 2026-09", D(2026, 10, 30), Money(7_500))]  # fmt: skip
    filed = period_filed("2026-09", [e for e in entries if e])
    assert filed is not None
    shown = filed.history_return(SEPT)
    assert (shown.total_due, shown["sales_tax"], shown["penalty"], shown.filed_on, shown.months_late) == (
        Money(157_500), Money(157_500), Money(0), D(2026, 10, 30), 1)  # fmt: skip
    # The same tax sent again two months after the due date owes nothing: no late original.
    again = compute_return(ReturnFigures(gross_sales=Money(4_200_000)), SEPT, D(2026, 11, 26), TaxRates(), amends=shown)
    assert again.amended and again.months_late == 2
    assert (again["penalty"], again["interest"], again.due_now) == (Money(0), Money(0), Money(0))
