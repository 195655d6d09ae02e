"""Sales and use tax returns: periods and due dates, every line of worked examples written out as
on a home-rule city's form (Aurora/Boulder style, 3.75%), rounding, late penalty and interest at
the period boundaries, zero and amended returns, and properties of the arithmetic."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.accounts import FilingFrequency
from cashdesk.domain.money import MAX_CENTS, Money
from cashdesk.domain.tax_return import (
    LINES,
    Deduction,
    FilingPeriod,
    ReturnFigures,
    TaxRates,
    TaxReturnError,
    add_months,
    amounts_by_code,
    compute_return,
    months_late,
    percent_of,
    periods_due_between,
    restore_return,
    round_half_up,
)

D = dt.date
M = Money
RATES = TaxRates()  # the settings' defaults: 3.75%, no vendor fee, 10% or $15 penalty, 1% a month
SEPT = FilingPeriod.parse("2026-09", 20)


def d(dollars: str) -> Money:
    return Money.parse(dollars, allow_negative=True)


#: A September return of a hardware store, as the business filled in the city's form.
HARDWARE = ReturnFigures(
    gross_sales=d("52,340.00"),
    bad_debts_collected=d("120.00"),
    deductions={
        Deduction.RESALE: d("8,000.00"),
        Deduction.OUT_OF_CITY: d("1,250.00"),
        Deduction.BAD_DEBTS: d("300.00"),
        Deduction.EXEMPT_ORGANIZATIONS: d("410.00"),
        Deduction.RETURNS: d("500.00"),
        Deduction.FOOD: d("2,000.00"),
    },
    excess_tax_collected=d("12.34"),
    use_tax_purchases=d("2,000.00"),
)


def lines(ret) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {line.name: line.amount.to_file() for line in ret.lines}


# -- periods and due dates -----------------------------------------------------------------


def test_a_month_a_quarter_and_a_year_with_their_due_dates() -> None:
    assert (SEPT.start, SEPT.end, SEPT.due) == (D(2026, 9, 1), D(2026, 9, 30), D(2026, 10, 20))
    q3 = FilingPeriod.parse("2026-q3", 20)
    assert (q3.label, q3.start, q3.end, q3.due) == ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), D(2026, 10, 20))
    year = FilingPeriod.parse(" 2026 ", 20)
    assert (year.frequency, year.start, year.end, year.due) == (
        FilingFrequency.ANNUAL, D(2026, 1, 1), D(2026, 12, 31), D(2027, 1, 20))  # fmt: skip
    december = FilingPeriod.parse("2026-12", 15)
    assert (december.end, december.due) == (D(2026, 12, 31), D(2027, 1, 15))
    feb = FilingPeriod.parse("2028-02", 20)
    assert feb.end == D(2028, 2, 29)
    assert (SEPT.description, q3.description, year.description) == ("September 2026", "3rd quarter 2026", "2026")


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "Sept 2026", "", "26-09"])
def test_a_period_that_is_not_one_is_refused_in_words(text: str) -> None:
    with pytest.raises(TaxReturnError, match="period|month"):
        FilingPeriod.parse(text, 20)


def test_periods_due_in_a_window_oldest_first() -> None:
    due = periods_due_between(FilingFrequency.QUARTERLY, D(2025, 11, 26), D(2026, 11, 25), 20)
    assert [p.label for p in due] == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    monthly = periods_due_between(FilingFrequency.MONTHLY, D(2026, 10, 20), D(2026, 11, 19), 20)
    assert [p.label for p in monthly] == ["2026-09"]
    annual = periods_due_between(FilingFrequency.ANNUAL, D(2025, 11, 26), D(2026, 11, 25), 20)
    assert [p.label for p in annual] == ["2025"]


def test_months_late_counts_a_fraction_of_a_month_as_a_month() -> None:
    due = D(2026, 10, 20)
    assert months_late(due, D(2026, 10, 1)) == 0
    assert months_late(due, due) == 0
    assert months_late(due, D(2026, 10, 21)) == 1
    assert months_late(due, D(2026, 11, 20)) == 1
    assert months_late(due, D(2026, 11, 21)) == 2
    assert months_late(due, D(2026, 12, 20)) == 2
    assert months_late(due, D(2026, 12, 21)) == 3
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)


# -- rounding ------------------------------------------------------------------------------


def test_tax_is_rounded_half_up_to_the_cent() -> None:
    assert round_half_up(5, 10) == 1 and round_half_up(4, 10) == 0 and round_half_up(-5, 10) == -1
    # $100.40 x 3.75% = $3.765 -> $3.77 (half up); $100.13 x 3.75% = $3.754875 -> $3.75.
    assert percent_of(d("100.40"), 375) == d("3.77")
    assert percent_of(d("100.13"), 375) == d("3.75")
    # $100.39 x 3.75% = $3.764625 -> $3.76
    assert percent_of(d("100.39"), 375) == d("3.76")
    ret = compute_return(ReturnFigures(gross_sales=d("100.40")), SEPT, D(2026, 10, 1), RATES)
    assert ret["sales_tax"] == d("3.77")


def test_no_float_reaches_the_arithmetic() -> None:
    with pytest.raises(TypeError):
        percent_of(d("10.00"), 3.75)  # type: ignore[arg-type]


# -- worked examples -----------------------------------------------------------------------


def test_worked_example_on_time_every_line() -> None:
    """Filed 10/15/2026 for September, due 10/20/2026."""
    ret = compute_return(HARDWARE, SEPT, D(2026, 10, 15), RATES)
    assert lines(ret) == {
        "gross_sales": "52340.00",            # 1
        "bad_debts_collected": "120.00",      # 2
        "total_sales": "52460.00",            # 3 = 1 + 2
        "deduct_resale": "8000.00",
        "deduct_out_of_city": "1250.00",
        "deduct_bad_debts": "300.00",
        "deduct_trade_ins": "0.00",
        "deduct_exempt_organizations": "410.00",
        "deduct_returns": "500.00",
        "deduct_food": "2000.00",
        "deduct_drugs": "0.00",
        "deduct_other": "0.00",
        "total_deductions": "12460.00",
        "net_taxable": "40000.00",            # 52,460.00 - 12,460.00
        "sales_tax": "1500.00",               # 40,000.00 x 3.75%
        "excess_tax_collected": "12.34",
        "vendor_fee": "0.00",                 # the city allows none
        "use_tax_purchases": "2000.00",
        "use_tax": "75.00",                   # 2,000.00 x 3.75%
        "tax_due": "1587.34",                 # 1,500.00 + 12.34 - 0 + 75.00
        "penalty": "0.00",
        "interest": "0.00",
        "total_due": "1587.34",
    }  # fmt: skip
    assert not ret.late and ret.due_now == d("1587.34")
    assert amounts_by_code(ret) == {"SALESTAX": d("1512.34"), "USETAX": d("75.00"), "TAXPEN": M(0), "TAXINT": M(0)}


def test_worked_example_one_day_late_penalty_and_one_month_of_interest() -> None:
    ret = compute_return(HARDWARE, SEPT, D(2026, 10, 21), RATES)
    assert ret.months_late == 1
    assert ret["tax_due"] == d("1587.34")
    assert ret["penalty"] == d("158.73")  # 10% of 1,587.34 = 158.734 (more than the $15.00 minimum)
    assert ret["interest"] == d("15.87")  # 1% x 1 month of 1,587.34 = 15.8734
    assert ret["total_due"] == d("1761.94")  # 1,587.34 + 158.73 + 15.87


def test_worked_example_two_months_and_a_day_late_is_three_months_of_interest() -> None:
    ret = compute_return(HARDWARE, SEPT, D(2026, 12, 21), RATES)
    assert ret.months_late == 3
    assert ret["penalty"] == d("158.73")
    assert ret["interest"] == d("47.62")  # 3% of 1,587.34 = 47.6202
    assert ret["total_due"] == d("1793.69")


def test_a_small_late_return_pays_the_minimum_penalty() -> None:
    figures = ReturnFigures(gross_sales=d("1,000.00"))  # tax $37.50; 10% is $3.75, less than $15.00
    ret = compute_return(figures, SEPT, D(2026, 11, 2), RATES)
    assert (ret["sales_tax"], ret["penalty"], ret["interest"], ret["total_due"]) == (
        d("37.50"), d("15.00"), d("0.38"), d("52.88"))  # fmt: skip


def test_vendor_fee_only_on_time_and_capped() -> None:
    rates = TaxRates(vendor_fee_basis_points=333, vendor_fee_cap=d("100.00"))
    on_time = compute_return(HARDWARE, SEPT, D(2026, 10, 20), rates)
    assert on_time["vendor_fee"] == d("49.95")  # 3.33% of 1,500.00 sales tax
    assert on_time["tax_due"] == d("1537.39")  # 1,500.00 + 12.34 - 49.95 + 75.00
    assert amounts_by_code(on_time)["SALESTAX"] == d("1462.39")
    big = compute_return(ReturnFigures(gross_sales=d("200,000.00")), SEPT, D(2026, 10, 20), rates)
    assert big["sales_tax"] == d("7500.00") and big["vendor_fee"] == d("100.00")  # 249.75 capped
    late = compute_return(HARDWARE, SEPT, D(2026, 10, 21), rates)
    assert late["vendor_fee"] == M(0)
    assert late["total_due"] == d("1761.94")


def test_filed_on_the_due_date_owes_no_penalty_the_day_after_owes_penalty_and_a_month() -> None:
    figures = ReturnFigures(gross_sales=d("10,000.00"))  # tax 375.00
    on_due = compute_return(figures, SEPT, SEPT.due, RATES)
    after = compute_return(figures, SEPT, SEPT.due + dt.timedelta(days=1), RATES)
    a_month = compute_return(figures, SEPT, D(2026, 11, 20), RATES)
    a_month_and_a_day = compute_return(figures, SEPT, D(2026, 11, 21), RATES)
    assert (on_due["penalty"], on_due["interest"]) == (M(0), M(0))
    assert (after["penalty"], after["interest"]) == (d("37.50"), d("3.75"))
    assert a_month["interest"] == d("3.75")
    assert a_month_and_a_day["interest"] == d("7.50")
    quarter = FilingPeriod.parse("2026-Q3", 20)
    assert compute_return(figures, quarter, D(2026, 10, 20), RATES)["penalty"] == M(0)
    assert compute_return(figures, quarter, D(2026, 10, 21), RATES)["penalty"] == d("37.50")


def test_zero_return_on_time_and_late() -> None:
    zero = ReturnFigures()
    assert zero.is_zero
    ret = compute_return(zero, SEPT, D(2026, 10, 5), RATES)
    assert all(line.amount == M(0) for line in ret.lines)
    late = compute_return(zero, SEPT, D(2027, 1, 5), RATES)
    assert late.months_late == 3 and late.total_due == M(0)  # nothing due: no penalty, no interest


def test_amended_return_that_raises_the_tax_late_pays_penalty_and_interest_on_the_increase() -> None:
    original = compute_return(HARDWARE, SEPT, D(2026, 10, 15), RATES)  # on time, 1,587.34
    corrected = ReturnFigures(
        gross_sales=d("54,340.00"), bad_debts_collected=HARDWARE.bad_debts_collected,
        deductions=HARDWARE.deductions, excess_tax_collected=HARDWARE.excess_tax_collected,
        use_tax_purchases=HARDWARE.use_tax_purchases,
    )  # fmt: skip
    amended = compute_return(corrected, SEPT, D(2026, 11, 5), RATES, amends=original)
    assert amended["net_taxable"] == d("42,000.00")
    assert amended["sales_tax"] == d("1575.00")
    assert amended["tax_due"] == d("1662.34")
    assert amended["penalty"] == d("15.00")  # on the $75.00 increase: the $15.00 minimum
    assert amended["interest"] == d("0.75")  # 1% of 75.00, one month
    assert amended["total_due"] == d("1678.09")
    assert amended["previous_total_due"] == d("1587.34")
    assert amended["difference"] == d("90.75")
    assert amended.due_now == d("90.75")


def test_amended_return_that_lowers_the_tax_gives_a_credit() -> None:
    late = compute_return(HARDWARE, SEPT, D(2026, 10, 21), RATES)  # 1,761.94 with penalty and interest
    corrected = ReturnFigures(
        gross_sales=d("48,340.00"), bad_debts_collected=HARDWARE.bad_debts_collected,
        deductions=HARDWARE.deductions, excess_tax_collected=HARDWARE.excess_tax_collected,
        use_tax_purchases=HARDWARE.use_tax_purchases,
    )  # fmt: skip
    amended = compute_return(corrected, SEPT, D(2026, 12, 1), RATES, amends=late)
    assert amended["sales_tax"] == d("1350.00")
    assert amended["tax_due"] == d("1437.34")
    assert amended["penalty"] == d("143.73")  # 10% of the lower tax, as of the first filing
    assert amended["interest"] == d("14.37")  # 1 month, as of the first filing
    assert amended["total_due"] == d("1595.44")
    assert amended["difference"] == d("-166.50")


def test_an_amended_return_restored_from_its_lines_amends_again() -> None:
    first = compute_return(HARDWARE, SEPT, D(2026, 10, 15), RATES)
    kept = restore_return(SEPT, first.filed_on, first.amounts(), first.months_late)
    assert kept == first
    again = compute_return(HARDWARE, SEPT, D(2026, 10, 16), RATES, amends=kept)
    assert again["difference"] == M(0)
    with pytest.raises(TaxReturnError, match="before the return it amends"):
        compute_return(HARDWARE, SEPT, D(2026, 10, 1), RATES, amends=kept)


# -- what the business wrote -------------------------------------------------------------------


def test_lines_the_business_wrote_wrong_are_listed_by_line_in_words() -> None:
    ret = compute_return(HARDWARE, SEPT, D(2026, 10, 21), RATES)
    written = {"net_taxable": d("40,000.00"), "sales_tax": d("1,500.00"), "penalty": d("15.00"),
               "interest": M(0), "total_due": d("1,602.34")}  # fmt: skip
    diffs = ret.differences(written)
    assert [x.name for x in diffs] == ["penalty", "interest", "total_due"]
    number = {name: n for n, (name, _) in enumerate(LINES, start=1)}
    assert diffs[0].text == (
        f"Line {number['penalty']}, Penalty: the business wrote $15.00, the return works out to $158.73 ($143.73 less)."
    )
    assert diffs[2].difference == d("-159.60")
    assert ret.differences({"sales_tax": d("1,500.00")}) == ()
    with pytest.raises(KeyError):
        ret.differences({"tip": M(1)})


def test_deductions_larger_than_sales_are_refused_in_words() -> None:
    figures = ReturnFigures(gross_sales=d("100.00"), deductions={Deduction.RESALE: d("150.00")})
    with pytest.raises(TaxReturnError, match=r"deductions \(\$150.00\) are more than gross sales.*\(\$100.00\)"):
        compute_return(figures, SEPT, D(2026, 10, 1), RATES)
    with pytest.raises(TaxReturnError, match="cannot be negative"):
        compute_return(ReturnFigures(gross_sales=M(-1)), SEPT, D(2026, 10, 1), RATES)


# -- properties ----------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=5_000_000_00)
days_after = st.integers(min_value=-40, max_value=800)


@st.composite
def figures(draw: st.DrawFn) -> ReturnFigures:
    gross = draw(cents)
    collected = draw(st.integers(0, 100_000_00))
    left = gross + collected
    deductions = {}
    for which in Deduction:
        amount = draw(st.integers(0, left))
        left -= amount
        deductions[which] = M(amount)
    return ReturnFigures(M(gross), M(collected), deductions, M(draw(st.integers(0, 10_000_00))), M(draw(cents)))


rates = st.builds(
    TaxRates,
    rate_basis_points=st.integers(0, 2_000),
    vendor_fee_basis_points=st.integers(0, 1_000),
    vendor_fee_cap=st.integers(0, 1_000_00).map(M),
    penalty_basis_points=st.integers(0, 10_000),
    penalty_minimum=st.integers(0, 100_00).map(M),
    interest_basis_points_per_month=st.integers(0, 1_000),
)


@given(figures(), rates, days_after)
def test_total_is_the_sum_of_its_lines_and_nothing_is_negative(f: ReturnFigures, r: TaxRates, late: int) -> None:
    ret = compute_return(f, SEPT, SEPT.due + dt.timedelta(days=late), r)
    assert ret["net_taxable"].cents >= 0
    assert ret["total_sales"] == ret["gross_sales"] + ret["bad_debts_collected"]
    assert ret["net_taxable"] == ret["total_sales"] - ret["total_deductions"]
    assert ret["total_due"] == (ret["sales_tax"] + ret["excess_tax_collected"] - ret["vendor_fee"] + ret["use_tax"]
                                + ret["penalty"] + ret["interest"])  # fmt: skip
    assert Money.total(amounts_by_code(ret).values()) == ret["total_due"]
    assert all(not line.amount.is_negative for line in ret.lines)
    # Exact: the tax is the product rounded half up, to the cent, with no float anywhere.
    exact = ret["net_taxable"].cents * r.rate_basis_points
    assert abs(ret["sales_tax"].cents * 10_000 - exact) <= 5_000
    assert all(type(line.amount.cents) is int for line in ret.lines)
    if late <= 0:
        assert ret["penalty"] == ret["interest"] == M(0)
    else:
        assert ret["vendor_fee"] == M(0)


@given(st.integers(0, MAX_CENTS), st.integers(0, MAX_CENTS))
def test_deductions_beyond_sales_are_always_refused(gross: int, deductions: int) -> None:
    f = ReturnFigures(gross_sales=M(gross), deductions={Deduction.OTHER: M(deductions)})
    if deductions > gross:
        with pytest.raises(TaxReturnError, match="more than gross sales"):
            compute_return(f, SEPT, SEPT.due, RATES)
    else:
        assert compute_return(f, SEPT, SEPT.due, RATES)["net_taxable"] == M(gross - deductions)


@given(figures(), figures(), days_after, st.integers(0, 400))
def test_an_amended_return_is_due_its_difference(first: ReturnFigures, second: ReturnFigures, late: int,
                                                 later: int) -> None:  # fmt: skip
    original = compute_return(first, SEPT, SEPT.due + dt.timedelta(days=late), RATES)
    amended = compute_return(second, SEPT, original.filed_on + dt.timedelta(days=later), RATES, amends=original)
    assert amended["difference"] == amended["total_due"] - original["total_due"]
    assert amended["total_due"].cents >= 0
    if amended.tax_before_fee <= original.tax_before_fee:
        assert amended["penalty"] <= original["penalty"] and amended["interest"] <= original["interest"]


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_round_half_up_is_within_half_a_unit(numerator: int, denominator: int) -> None:
    q = round_half_up(numerator, denominator)
    assert abs(q * denominator - numerator) * 2 <= denominator


def test_a_tax_payment_is_broken_down_by_period_then_tax_penalty_interest() -> None:
    from cashdesk.domain.receipts import tax_breakdown

    paid = [
        ("2026-09", "TAXINT", "Interest 2026-09", Money(175)),
        ("2026-08", "SALESTAX", "Sales tax 2026-08", Money(1000)),
        ("2026-09", "TAXPEN", "Penalty 2026-09", Money(1500)),
        ("2026-09", "SALESTAX", "Sales tax 2026-09", Money(5000)),
        ("2026-09", "SALESTAX", "Sales tax 2026-09, amended", Money(250)),  # one line with the first
        ("2026-09", "NSFFEE", "Returned check fee", Money(3000)),  # not a return's: by its description
        ("2026-09", "TAXINT", "Interest 2026-09", Money(0)),  # nothing paid: no line
    ]
    assert tax_breakdown(paid) == (
        ("2026-08 Sales tax", Money(1000)),
        ("2026-09 Sales tax", Money(5250)),
        ("2026-09 Penalty", Money(1500)),
        ("2026-09 Interest", Money(175)),
        ("Returned check fee", Money(3000)),
    )
