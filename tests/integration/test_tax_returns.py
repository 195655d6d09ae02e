"""Filing sales and use tax returns: what is due becomes open items that the counter pays, late
returns carry penalty and interest, amended returns adjust what was charged, bad input changes
nothing, and the delinquent filers are the accounts with a period due and no return."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tax_return import Deduction, ReturnFigures
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.tax_returns import (
    TaxReturnRefused,
    delinquent_filers,
    file_return,
    preview_return,
)
from cashdesk.store.db import Database
from tests.integration.conftest import add_account

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
TODAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
HARDWARE = "2000000035"  # monthly, opened 06/15/2026
FARM = "2000000043"  # quarterly, opened 2024
BAKERY = "2000000019"  # monthly (small_city), with billed tax for 2026-09


def d(text: str) -> Money:
    return Money.parse(text, allow_negative=True)


SEPTEMBER = ReturnFigures(
    gross_sales=d("52,340.00"),
    bad_debts_collected=d("120.00"),
    deductions={Deduction.RESALE: d("8,000.00"), Deduction.OUT_OF_CITY: d("1,250.00"), Deduction.BAD_DEBTS: d("300.00"),
                Deduction.EXEMPT_ORGANIZATIONS: d("410.00"), Deduction.RETURNS: d("500.00"),
                Deduction.FOOD: d("2,000.00")},
    excess_tax_collected=d("12.34"),
    use_tax_purchases=d("2,000.00"),
)  # fmt: skip


@pytest.fixture
def city(small_city: Path) -> Path:
    db = Database.open(small_city)
    with db.unit_of_work() as uow:
        add_account(uow, HARDWARE, "CORNER HARDWARE INC", "10 Market St", "(303) 555-0400", kind="sales_tax",
                    licence_number="BL-2026-0100", filing_frequency="monthly")  # fmt: skip
        add_account(uow, FARM, "HIGH PLAINS FARM STAND", "2 Rural Rte", "(303) 555-0500", kind="sales_tax",
                    licence_number="BL-2024-0007", filing_frequency="quarterly")  # fmt: skip
        add_account(uow, "2000000050", "GONE GIFTS LLC", "5 Main St", "", kind="sales_tax", status="closed",
                    licence_number="BL-2020-0001", filing_frequency="monthly")  # fmt: skip
        uow.commit()
    db.dispose()
    con = sqlite3.connect(small_city)
    with con:
        con.execute("UPDATE accounts SET created_at = '2020-01-01 00:00:00'")
        con.execute(f"UPDATE accounts SET created_at = '2026-06-15 09:00:00' WHERE number = '{HARDWARE}'")
        con.execute(f"UPDATE accounts SET created_at = '2024-03-01 09:00:00' WHERE number = '{FARM}'")
        con.execute(f"UPDATE accounts SET created_at = '2026-10-05 09:00:00' WHERE number = '{BAKERY}'")
    con.close()
    return small_city


@pytest.fixture
def ctx(city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(city, settings=Settings())
    context.clock = lambda: NOW
    yield context
    context.close()


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def items(path: Path, account: str) -> list[tuple]:  # type: ignore[type-arg]
    return rows(path, "SELECT o.revenue_code, o.period, o.amount_cents, o.paid_cents, o.due_date FROM open_items o "
                      f"JOIN accounts a ON a.id = o.account_id WHERE a.number = '{account}' ORDER BY o.id")  # fmt: skip


def snapshot(path: Path) -> tuple:  # type: ignore[type-arg]
    return (
        rows(path, "SELECT * FROM tax_returns"),
        rows(path, "SELECT * FROM open_items"),
        rows(path, "SELECT count(*) FROM audit_events"),
        rows(path, "SELECT id, credit_cents FROM accounts"),
    )


def test_a_return_on_time_becomes_open_items_and_is_kept_with_what_the_business_wrote(ctx: ServiceContext,
                                                                                       city: Path) -> None:  # fmt: skip
    written = {"net_taxable": d("40,000.00"), "sales_tax": d("1,500.00"), "use_tax": d("75.00"),
               "total_due": d("1,575.00")}  # fmt: skip
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, written, dt.date(2026, 10, 15))
    assert filed.kind == "original" and filed.due_now == d("1,587.34")
    assert [x.name for x in filed.differences] == ["total_due"]
    assert "the business wrote $1,575.00, the return works out to $1,587.34 ($12.34 less)" in filed.differences[0].text
    assert filed.charges == (("SALESTAX", d("1,512.34")), ("USETAX", d("75.00")))
    assert filed.account_owes == d("1,587.34")
    assert items(city, HARDWARE) == [("SALESTAX", "2026-09", 151234, 0, "2026-10-20"),
                                     ("USETAX", "2026-09", 7500, 0, "2026-10-20")]  # fmt: skip
    ((kind, status, due, filed_on, total, figures, as_written),) = rows(
        city, "SELECT kind, status, due_date, filed_on, total_due_cents, figures, as_written FROM tax_returns"
    )
    assert (kind, status, due, filed_on, total) == ("original", "filed", "2026-10-20", "2026-10-15", 158734)
    assert json.loads(figures)["net_taxable"] == 4_000_000 and json.loads(figures)["deduct_resale"] == 800_000
    assert json.loads(as_written) == {"net_taxable": 4_000_000, "sales_tax": 150_000, "use_tax": 7_500,
                                      "total_due": 157_500}  # fmt: skip
    assert rows(city, "SELECT event_type, object, user FROM audit_events WHERE event_type = 'tax_return'") == [
        ("tax_return", f"{HARDWARE} 2026-09", "jcashier")]  # fmt: skip
    assert rows(city, "SELECT kind, description, amount_cents FROM account_history WHERE reference LIKE 'TR-%'") == [
        ("return", "Return 2026-09 received", 158734)]  # fmt: skip


def test_a_return_filed_then_paid_at_the_counter(ctx: ServiceContext, city: Path) -> None:
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 15))
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment(HARDWARE, filed.due_now),)),
                          [Tender(TenderKind.CHECK, filed.due_now, "5521")])  # fmt: skip
    assert posted.lines[0].balance_left == Money(0)
    assert [(code, amount, paid) for code, _p, amount, paid, _d in items(city, HARDWARE)] == [
        ("SALESTAX", 151234, 151234), ("USETAX", 7500, 7500)]  # fmt: skip


def test_a_return_received_without_full_payment_leaves_the_rest_open(ctx: ServiceContext, city: Path) -> None:
    file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 15))
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment(HARDWARE, d("1,000.00")),)),
                          [Tender(TenderKind.CHECK, d("1,000.00"), "5522")])  # fmt: skip
    assert posted.lines[0].balance_left == d("587.34")
    open_now = [(code, amount - paid) for code, _p, amount, paid, _d in items(city, HARDWARE) if amount > paid]
    assert sum(left for _c, left in open_now) == 58734


def test_a_late_return_charges_penalty_and_interest_as_their_own_items(ctx: ServiceContext, city: Path) -> None:
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {"penalty": d("0")},
                        dt.date(2026, 11, 21))  # fmt: skip
    # Due 10/20/2026, received 11/21/2026: one month and a day late, two months of interest.
    assert filed.ret.months_late == 2
    assert filed.charges == (("SALESTAX", d("1,512.34")), ("USETAX", d("75.00")), ("TAXPEN", d("158.73")),
                             ("TAXINT", d("31.75")))  # fmt: skip
    assert filed.due_now == d("1,777.82")
    assert [x.name for x in filed.differences] == ["penalty"]
    assert rows(city, "SELECT description FROM account_history WHERE reference LIKE 'TR-%'") == [
        ("Return 2026-09 received, 2 months late",)]  # fmt: skip


def test_the_tax_receipt_shows_what_was_paid_by_period_tax_penalty_and_interest(ctx: ServiceContext,
                                                                                 city: Path) -> None:  # fmt: skip
    """A late return paid in part: the receipt, as printed and as reprinted, names each part paid."""
    from cashdesk.devices.escpos_text import read_escpos
    from cashdesk.services.printing import reprint_receipt
    from cashdesk.services.receipt_jobs import render_stored

    file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 11, 21))
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment(HARDWARE, d("1,700.00")),)),
                          [Tender(TenderKind.CHECK, d("1,700.00"), "5523")])  # fmt: skip
    reprint_receipt(ctx, CASHIER, posted.number)
    jobs = rows(city, "SELECT payload FROM print_jobs WHERE kind IN ('receipt', 'reprint') ORDER BY id")
    assert len(jobs) == 2
    for (payload,) in jobs:
        (text,) = read_escpos(render_stored(ctx, bytes(payload))).receipts
        lines = text.splitlines()
        start = lines.index(next(line for line in lines if line.startswith(f"Account {HARDWARE}")))
        # Penalty and interest are paid first (their paying order); the receipt reads as the return does.
        assert lines[start + 1 : start + 6] == [
            "  CORNER HARDWARE INC",
            "  2026-09 Sales tax" + " " * 14 + "$1,509.52",  # the use tax ($75.00) is left open
            "  2026-09 Penalty" + " " * 18 + "$158.73",
            "  2026-09 Interest" + " " * 18 + "$31.75",
            "  Balance left" + " " * 22 + "$77.82",
        ], text


def test_filed_on_the_due_date_no_penalty_the_day_after_penalty_and_a_month(ctx: ServiceContext, city: Path) -> None:
    small = ReturnFigures(gross_sales=d("10,000.00"))
    on_time = file_return(ctx, CASHIER, HARDWARE, "2026-09", small, {}, dt.date(2026, 10, 20))
    assert [c for c, _m in on_time.charges] == ["SALESTAX"]
    late = file_return(ctx, CASHIER, FARM, "2026-Q3", small, {}, dt.date(2026, 10, 21))
    assert late.charges == (("SALESTAX", d("375.00")), ("TAXPEN", d("37.50")), ("TAXINT", d("3.75")))


def test_a_vendor_fee_from_the_settings_reduces_the_tax_item(ctx: ServiceContext, city: Path) -> None:
    ctx.settings = Settings({"tax.vendor_fee_basis_points": 333, "tax.vendor_fee_cap_cents": 10_000})
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 20))
    assert filed.ret["vendor_fee"] == d("49.95")
    assert filed.charges[0] == ("SALESTAX", d("1,462.39"))


def test_a_zero_return_charges_nothing_and_counts_as_filed(ctx: ServiceContext, city: Path) -> None:
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-10", ReturnFigures(), {}, dt.date(2026, 11, 3))
    assert (filed.kind, filed.charges, filed.due_now) == ("zero", (), Money(0))
    assert items(city, HARDWARE) == []
    assert rows(city, "SELECT kind FROM tax_returns") == [("zero",)]
    missing = {f.account: [p.label for p in f.missing] for f in delinquent_filers(ctx, CASHIER, TODAY)}
    assert "2026-10" not in missing[HARDWARE]
    with pytest.raises(TaxReturnRefused, match="A zero return reports no sales"):
        file_return(ctx, CASHIER, HARDWARE, "2026-08", SEPTEMBER, {}, dt.date(2026, 9, 3), "zero")


def test_an_amended_return_charges_only_the_difference_and_supersedes_the_first(ctx: ServiceContext,
                                                                                 city: Path) -> None:  # fmt: skip
    first = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 15))
    more = ReturnFigures(d("54,340.00"), SEPTEMBER.bad_debts_collected, SEPTEMBER.deductions,
                         SEPTEMBER.excess_tax_collected, SEPTEMBER.use_tax_purchases)  # fmt: skip
    # Sent again without the amended box ticked, it is still an amended return, and says so.
    second = preview_return(ctx, CASHIER, HARDWARE, "2026-09", more, {}, dt.date(2026, 11, 5))
    assert second.kind == "amended" and second.due_now == d("90.75")
    assert second.amendment.startswith("An amended return for 2026-09; the original was filed on 10/15/2026 "
                                       "(at the window).")  # fmt: skip
    amended = file_return(ctx, CASHIER, HARDWARE, "2026-09", more, {"difference": d("75.00")},
                          dt.date(2026, 11, 5), "amended")  # fmt: skip
    assert amended.amends_id == first.id
    assert amended.due_now == d("90.75")
    assert amended.charges == (("SALESTAX", d("75.00")), ("TAXPEN", d("15.00")), ("TAXINT", d("0.75")))
    assert [x.name for x in amended.differences] == ["difference"]
    assert rows(city, "SELECT id, kind, status, amends_id FROM tax_returns ORDER BY id") == [
        (first.id, "original", "superseded", None), (amended.id, "amended", "filed", first.id)]  # fmt: skip
    assert amended.account_owes == d("1,678.09")


def test_an_amended_return_that_lowers_paid_tax_leaves_a_credit(ctx: ServiceContext, city: Path) -> None:
    file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 15))
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    post_receipt(ctx, CASHIER, Cart((AccountPayment(HARDWARE, d("1,000.00")),)),
                 [Tender(TenderKind.CHECK, d("1,000.00"), "5523")])  # fmt: skip
    # Paid 1,000.00 of the sales tax (1,512.34); the amended return lowers it by 150.00 and the
    # use tax (75.00, unpaid) to nothing.
    less = ReturnFigures(d("48,340.00"), SEPTEMBER.bad_debts_collected, SEPTEMBER.deductions,
                         SEPTEMBER.excess_tax_collected)  # fmt: skip
    amended = file_return(ctx, CASHIER, HARDWARE, "2026-09", less, {}, dt.date(2026, 11, 2), "amended")
    assert amended.due_now == d("-225.00")
    assert amended.reductions == (("SALESTAX", d("150.00")), ("USETAX", d("75.00")))
    assert amended.credit == Money(0)
    assert amended.account_owes == d("362.34")
    # A second amendment lowers the sales tax below what was paid: the excess is a credit.
    least = ReturnFigures(d("30,000.00"), deductions=SEPTEMBER.deductions)
    again = file_return(ctx, CASHIER, HARDWARE, "2026-09", least, {}, dt.date(2026, 11, 20), "amended")
    assert again.ret["sales_tax"] == d("657.75")  # (30,000.00 - 12,460.00) x 3.75%
    assert again.reductions == (("SALESTAX", d("362.34")),)
    assert again.credit == d("342.25")  # paid 1,000.00 for 657.75
    assert again.account_owes == d("-342.25")
    assert rows(city, f"SELECT credit_cents FROM accounts WHERE number = '{HARDWARE}'") == [(34225,)]
    assert rows(city, "SELECT kind, amount_cents FROM account_history WHERE reference LIKE 'TR-%' ORDER BY id") == [
        ("return", 158734), ("return", -22500), ("return", -36234), ("adjustment", -34225)]  # fmt: skip


@pytest.mark.parametrize(
    ("account", "period", "figures", "filed_on", "kind", "message"),
    [
        ("2999999999", "2026-09", SEPTEMBER, dt.date(2026, 10, 15), "original", "No account 2999999999"),
        ("1000000017", "2026-09", SEPTEMBER, dt.date(2026, 10, 15), "original", "is a utility account"),
        (HARDWARE, "2026-Q3", SEPTEMBER, dt.date(2026, 10, 15), "original",
         "files monthly: type a month like 2026-09, not 2026-Q3"),
        (FARM, "2026-09", SEPTEMBER, dt.date(2026, 10, 15), "original", "files quarterly"),
        (HARDWARE, "Sept", SEPTEMBER, dt.date(2026, 10, 15), "original", "is not a filing period"),
        (HARDWARE, "2026-09", ReturnFigures(d("10.00"), deductions={Deduction.RESALE: d("20.00")}),
         dt.date(2026, 10, 15), "original", r"deductions \(\$20.00\) are more than gross sales"),
        (HARDWARE, "2026-09", SEPTEMBER, dt.date(2026, 10, 15), "amended", "no return for 2026-09 to amend"),
        (HARDWARE, "2026-11", SEPTEMBER, dt.date(2026, 12, 1), "original", "a day still to come"),
        (HARDWARE, "2026-11", SEPTEMBER, dt.date(2026, 10, 31), "original", "before the period starts"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_words_and_changes_nothing(ctx: ServiceContext, city: Path, account: str,
                                                           period: str, figures: ReturnFigures, filed_on: dt.date,
                                                           kind: str, message: str) -> None:  # fmt: skip
    before = snapshot(city)
    with pytest.raises(TaxReturnRefused, match=message):
        file_return(ctx, CASHIER, account, period, figures, {}, filed_on, kind)
    assert snapshot(city) == before


def test_preview_shows_the_differences_and_saves_nothing(ctx: ServiceContext, city: Path) -> None:
    before = snapshot(city)
    preview = preview_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {"sales_tax": d("1,499.99")},
                             dt.date(2026, 10, 15))  # fmt: skip
    assert preview.due_now == d("1,587.34")
    assert [x.text for x in preview.differences] == [
        "Line 15, Sales tax: the business wrote $1,499.99, the return works out to $1,500.00 ($0.01 less)."
    ]
    assert snapshot(city) == before


def test_an_administrator_does_not_file_returns(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        file_return(ctx, Operator("admin", Role.ADMINISTRATOR), HARDWARE, "2026-09", SEPTEMBER)


def test_delinquent_filers_are_active_tax_accounts_with_a_period_due_and_no_return(ctx: ServiceContext,
                                                                                   city: Path) -> None:  # fmt: skip
    file_return(ctx, CASHIER, HARDWARE, "2026-06", SEPTEMBER, {}, dt.date(2026, 7, 20))
    file_return(ctx, CASHIER, HARDWARE, "2026-07", ReturnFigures(), {}, dt.date(2026, 8, 25))  # late zero
    file_return(ctx, CASHIER, FARM, "2026-Q2", SEPTEMBER, {}, dt.date(2026, 7, 10))
    filers = delinquent_filers(ctx, CASHIER, TODAY)
    got = {f.account: [p.label for p in f.missing] for f in filers}
    # Opened 06/15/2026: nothing before June. Due 11/20 for October has passed; November is not due.
    assert got[HARDWARE] == ["2026-08", "2026-09", "2026-10"]
    # Quarterly since 2024: the last 12 months of due dates (from 11/26/2025) are 2025-Q4 to 2026-Q3.
    assert got[FARM] == ["2025-Q4", "2026-Q1", "2026-Q3"]
    # The bakery opened 10/05/2026 (its September tax was billed, not filed here): October only.
    assert got[BAKERY] == ["2026-10"]
    assert "2000000050" not in got and "1000000017" not in got  # closed; utility
    assert [f.account for f in filers] == sorted(got)
    # On the due date itself a period is not yet delinquent.
    on_due = {f.account: [p.label for p in f.missing] for f in delinquent_filers(ctx, CASHIER, dt.date(2026, 11, 20))}
    assert on_due[HARDWARE] == ["2026-08", "2026-09"]


# -- returns the billing history shows filed -----------------------------------------------------

FORTY = ReturnFigures(gross_sales=d("40,000.00"))  # sales tax $1,500.00


def billing_history(path: Path, account: str, *entries: tuple[str, str, str, str, str]) -> None:
    """Entries as the billing system keeps an account's history (and demo-data writes it): (day,
    kind, description, amount, reference)."""
    con = sqlite3.connect(path)
    with con:
        for on, kind, description, amount, reference in entries:
            con.execute("INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
                        "SELECT id, ?, ?, ?, ?, ? FROM accounts WHERE number = ?",
                        (on, kind, description, d(amount).cents, reference, account))  # fmt: skip
    con.close()


def test_a_return_billing_shows_filed_and_paid_is_amended_not_charged_again(ctx: ServiceContext,
                                                                              city: Path) -> None:  # fmt: skip
    # Filed on time (due 10/20/2026) and paid, in billing; the business sends the same return again.
    billing_history(city, HARDWARE, ("2026-10-15", "return", "Return 2026-09", "1,500.00", "taxable 40000"),
                    ("2026-10-15", "payment", "Payment with return", "-1,500.00", "WEB"))  # fmt: skip
    preview = preview_return(ctx, CASHIER, HARDWARE, "2026-09", FORTY)
    assert preview.kind == "amended"
    assert preview.amendment == (
        "An amended return for 2026-09; the original was filed on 10/15/2026 (in the account's history from billing: "
        "Return 2026-09). It owes the difference from the return it amends.")  # fmt: skip
    before = snapshot(city)
    with pytest.raises(TaxReturnRefused, match=r"cannot be filed before the return it amends \(10/15/2026\)"):
        file_return(ctx, CASHIER, HARDWARE, "2026-09", FORTY, {}, dt.date(2026, 10, 1))
    assert snapshot(city) == before
    filed = file_return(ctx, CASHIER, HARDWARE, "2026-09", FORTY)  # received today, 11/26/2026
    assert (filed.kind, filed.amendment) == ("amended", preview.amendment)
    # No penalty or interest for a late original: the original was on time and the tax is the same.
    assert (filed.ret["penalty"], filed.ret["interest"], filed.ret["previous_total_due"]) == (
        Money(0), Money(0), d("1,500.00"))  # fmt: skip
    assert (filed.due_now, filed.charges, filed.account_owes) == (Money(0), (), Money(0))
    assert items(city, HARDWARE) == []
    assert rows(city, "SELECT period, kind, status, amends_id, filed_on FROM tax_returns") == [
        ("2026-09", "amended", "filed", None, "2026-11-26")]  # fmt: skip
    assert rows(city, "SELECT description, amount_cents FROM account_history WHERE reference LIKE 'TR-%'") == [
        ("Amended return 2026-09 received", 0)]  # fmt: skip
    (details,) = rows(city, "SELECT details FROM audit_events WHERE event_type = 'tax_return'")[0]
    assert json.loads(details)["kind"] == "amended"
    assert json.loads(details)["amends_history"] == [["2026-10-15", "Return 2026-09"]]


def test_an_amended_return_of_a_return_in_the_history_owes_the_difference(ctx: ServiceContext, city: Path) -> None:
    billing_history(city, HARDWARE, ("2026-10-15", "return", "Return 2026-09", "1,500.00", "taxable 40000"),
                    ("2026-10-15", "payment", "Payment with return", "-1,500.00", "WEB"))  # fmt: skip
    billing_history(city, FARM, ("2026-10-10", "return", "Return 2026-Q3", "1,500.00", "taxable 40000"),
                    ("2026-10-10", "payment", "Payment with return", "-1,500.00", "WEB"))  # fmt: skip
    # Raised by $75.00 on 11/26/2026, two months after the due date: penalty and interest on the
    # increase only ($15.00, the minimum, and 2% of $75.00), nothing on the $1,500.00 filed in time.
    more = file_return(ctx, CASHIER, HARDWARE, "2026-09", ReturnFigures(gross_sales=d("42,000.00")))
    assert more.kind == "amended"
    assert more.charges == (("SALESTAX", d("75.00")), ("TAXPEN", d("15.00")), ("TAXINT", d("1.50")))
    assert more.due_now == more.account_owes == d("91.50")
    # Lowered by $75.00: the tax was paid with the return in billing, so the account has a credit.
    less = file_return(ctx, CASHIER, FARM, "2026-Q3", ReturnFigures(gross_sales=d("38,000.00")), {},
                       dt.date(2026, 11, 2), "amended")  # fmt: skip
    assert (less.due_now, less.charges, less.credit, less.account_owes) == (d("-75.00"), (), d("75.00"), d("-75.00"))
    assert rows(city, f"SELECT credit_cents FROM accounts WHERE number = '{FARM}'") == [(7500,)]
    # A third return for September amends the amended one, filed here.
    again = file_return(ctx, CASHIER, HARDWARE, "2026-09", ReturnFigures(gross_sales=d("42,000.00")))
    assert (again.kind, again.amends_id, again.due_now) == ("amended", more.id, Money(0))
    assert "the original was filed on 10/15/2026 (in the account's history from billing" in again.amendment


def test_a_second_return_for_a_period_filed_here_is_an_amendment_not_a_late_original(ctx: ServiceContext,
                                                                                     city: Path) -> None:  # fmt: skip
    first = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 10, 15))
    again = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER)  # the same return, received 11/26/2026
    assert (again.kind, again.amends_id, again.due_now, again.charges) == ("amended", first.id, Money(0), ())
    assert again.amendment.startswith("An amended return for 2026-09; the original was filed on 10/15/2026")
    assert again.account_owes == d("1,587.34")  # what the first return charged, no penalty or interest on top


def test_delinquent_filers_leave_out_periods_the_history_shows_filed(ctx: ServiceContext, city: Path) -> None:
    billing_history(city, HARDWARE, ("2026-09-18", "return", "Return 2026-08", "1,200.00", "taxable 32000"),
                    ("2026-10-20", "return", "Return 2026-09 (not paid)", "1,300.00", "taxable 34666"),
                    ("2026-11-20", "adjustment", "Estimated assessment 2026-10 (no return)", "1,400.00", ""),
                    ("2026-11-21", "adjustment", "Penalty 2026-10", "140.00", ""))  # fmt: skip
    billing_history(city, FARM, ("2026-10-10", "return", "Return 2026-Q3", "1,500.00", "taxable 40000"),
                    ("2026-01-15", "return", "Return 2025-Q4", "900.00", "taxable 24000"))  # fmt: skip
    got = {f.account: [p.label for p in f.missing] for f in delinquent_filers(ctx, CASHIER, TODAY)}
    # Opened 06/15/2026: June to October are due; billing shows August and September filed. An
    # assessment for October is not a return.
    assert got[HARDWARE] == ["2026-06", "2026-07", "2026-10"]
    assert got[FARM] == ["2026-Q1", "2026-Q2"]
