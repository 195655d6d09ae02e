"""The deposit file, its trailer, the GL journal (it balances) and the posting files, as bytes."""

import csv
import datetime as dt
import hashlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.deposit import (
    BillingPayment,
    CardSettlement,
    Deposit,
    DepositedItem,
    JournalLine,
    JournalOutOfBalance,
    OverShortEntry,
    PaidOutEntry,
    RevenueEntry,
    SalesTaxPayment,
    billing_csv,
    build_journal,
    check_balanced,
    deposit_file,
    fund_of,
    journal_csv,
    neutralise,
    sales_tax_csv,
    tender_label,
)
from cashdesk.domain.money import Money

DAY = dt.date(2026, 11, 26)
CASH_ACCOUNT = "{fund}-000-101000"
OVER_SHORT = "100-150-369300"


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def a_deposit() -> Deposit:
    return Deposit(
        DAY,
        cash={"C25": 40, "B20": 12, "B1": 7, "R1": 2},
        items=(
            DepositedItem("money_order", "MO-77", "Ana Garcia", Money(5000), "W01-2026-000003"),
            DepositedItem("check", "1042", '=HYPERLINK("x")', Money(7315), "W01-2026-000002"),
            DepositedItem("check", "311", "Smith, John", Money(2500), "W01-2026-000001"),
        ),
        cards=(CardSettlement("W02", 7, "bteller", Money(1999)), CardSettlement("W01", 3, "jcashier", Money(500))),
    )


def test_the_deposit_file_lists_cash_checks_money_orders_and_card_settlements_in_order() -> None:
    file = deposit_file(a_deposit())
    assert file.data.endswith(b"\n") and b"\r" not in file.data
    rows = parse(file.data)
    assert rows[0] == ["record", "business_date", "line", "kind", "denomination", "pieces", "number", "payer",
                       "reference", "amount"]  # fmt: skip
    detail = rows[1:-1]
    assert [(r[3], r[4], r[5], r[6], r[9]) for r in detail] == [
        ("currency", "B20", "12", "", "240.00"),
        ("currency", "B1", "7", "", "7.00"),
        ("coin", "C25", "40", "", "10.00"),
        ("coin", "R1", "2", "", "1.00"),
        ("check", "", "", "311", "25.00"),
        ("check", "", "", "1042", "73.15"),
        ("money_order", "", "", "MO-77", "50.00"),
        ("card_settlement", "", "", "", "5.00"),
        ("card_settlement", "", "", "", "19.99"),
    ]
    assert [r[2] for r in detail] == [str(n) for n in range(1, 10)]
    assert all(r[0] == "D" and r[1] == "2026-11-26" for r in detail)
    assert detail[5][7] == '\'=HYPERLINK("x")'  # a formula is neutralised
    assert detail[4][7] == "Smith, John" and detail[4][8] == "W01-2026-000001"
    assert detail[7][8] == "W01 drawer 3 jcashier"
    # The trailer: count, total, and the SHA-256 of the detail rows exactly as written.
    trailer = rows[-1]
    assert trailer[:4] == ["T", "2026-11-26", "9", "431.14"]
    lines = file.data.split(b"\n")
    assert hashlib.sha256(b"".join(line + b"\n" for line in lines[1:-2])).hexdigest() == trailer[4] == file.sha256
    assert file.count == 9 and file.total == Money(43114) == a_deposit().total


def test_deposit_totals_split_the_bag_from_the_card_settlements() -> None:
    deposit = a_deposit()
    assert deposit.currency == Money(24700) and deposit.coin == Money(1100)
    assert deposit.checks_total == Money(9815) and deposit.money_orders_total == Money(5000)
    assert deposit.bank_total == Money(24700 + 1100 + 9815 + 5000)
    assert deposit.card_total == Money(2499)


def test_the_same_deposit_gives_the_same_bytes_whatever_the_order_it_came_in() -> None:
    one = a_deposit()
    other = Deposit(DAY, cash=dict(reversed(list(one.cash.items()))), items=tuple(reversed(one.items)),
                    cards=tuple(reversed(one.cards)))  # fmt: skip
    assert deposit_file(one).data == deposit_file(other).data


def test_an_empty_day_has_a_trailer_of_nothing() -> None:
    rows = parse(deposit_file(Deposit(DAY)).data)
    assert rows[-1] == ["T", "2026-11-26", "0", "0.00", hashlib.sha256(b"").hexdigest()]


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("Smith") == "Smith" and neutralise("") == ""


def test_the_journal_debits_cash_per_fund_against_revenue_by_gl_account() -> None:
    lines = build_journal(
        DAY,
        revenue=[
            RevenueEntry("505-000-344100", "WATER Water service", Money(3000)),
            RevenueEntry("505-000-344200", "SEWER Sewer service", Money(2000)),
            RevenueEntry("505-000-344100", "WATER Water service", Money(1000)),
            RevenueEntry("100-310-322100", "BLDGPRMT Building permit", Money(12500)),
            RevenueEntry("505-000-220500", "Customer credit", Money(1000)),
        ],
        paid_outs=[PaidOutEntry("505-000-220500", "refund of credit", Money(700))],
        over_short=[
            OverShortEntry("W01 drawer 3 jcashier", Money(-125)),
            OverShortEntry("W02 drawer 4 bteller", Money(40)),
        ],  # fmt: skip
        cash_account=CASH_ACCOUNT,
        over_short_account=OVER_SHORT,
    )
    table = [(x.fund, x.gl_account, x.debit.cents, x.credit.cents) for x in lines]
    assert table == [
        ("100", "100-000-101000", 12500, 0),
        ("505", "505-000-101000", 7000, 0),
        ("100", "100-310-322100", 0, 12500),
        ("505", "505-000-220500", 0, 1000),
        ("505", "505-000-344100", 0, 4000),
        ("505", "505-000-344200", 0, 2000),
        ("505", "505-000-220500", 700, 0),
        ("505", "505-000-101000", 0, 700),
        ("100", "100-150-369300", 125, 0),  # short is a debit
        ("100", "100-000-101000", 0, 125),
        ("100", "100-000-101000", 40, 0),
        ("100", "100-150-369300", 0, 40),  # over is a credit
    ]
    assert all(x.reference == "CR-2026-11-26" and x.date == DAY for x in lines)
    assert lines[8].description == "Short: W01 drawer 3 jcashier"
    rows = parse(journal_csv(lines))
    assert rows[0] == ["date", "reference", "fund", "gl_account", "debit", "credit", "description"]
    assert rows[1] == ["2026-11-26", "CR-2026-11-26", "100", "100-000-101000", "125.00", "0.00",
                       "Cash in bank: receipts"]  # fmt: skip
    assert sum(Money.from_file(r[4]).cents for r in rows[1:]) == sum(Money.from_file(r[5]).cents for r in rows[1:])


def test_an_unbalanced_journal_is_refused() -> None:
    bad = [JournalLine(DAY, "CR", "100", "100-000-101000", Money(100), Money(0), "cash"),
           JournalLine(DAY, "CR", "100", "100-150-369900", Money(0), Money(99), "misc")]  # fmt: skip
    with pytest.raises(JournalOutOfBalance, match=r"debits \$1.00, credits \$0.99"):
        check_balanced(bad)
    with pytest.raises(JournalOutOfBalance):
        journal_csv(bad)
    with pytest.raises(ValueError):
        build_journal(DAY, revenue=[RevenueEntry("100-1-2", "x", Money(-1))], cash_account=CASH_ACCOUNT,
                      over_short_account=OVER_SHORT)  # fmt: skip


GL = st.sampled_from(["505-000-344100", "505-000-344200", "510-000-344300", "100-150-369900", "100-310-322100",
                      "505-000-220500", "100-000-220500"])  # fmt: skip
CENTS = st.integers(min_value=0, max_value=10_000_000)


@given(
    revenue=st.lists(st.tuples(GL, CENTS), max_size=30),
    paid=st.lists(st.tuples(GL, CENTS), max_size=5),
    variances=st.lists(st.integers(min_value=-100_000, max_value=100_000), max_size=8),
)
def test_any_day_s_journal_balances(revenue: list[tuple[str, int]], paid: list[tuple[str, int]],
                                    variances: list[int]) -> None:  # fmt: skip
    lines = build_journal(
        DAY,
        revenue=[RevenueEntry(gl, "r", Money(c)) for gl, c in revenue],
        paid_outs=[PaidOutEntry(gl, "p", Money(c)) for gl, c in paid],
        over_short=[OverShortEntry(f"drawer {i}", Money(v)) for i, v in enumerate(variances)],
        cash_account=CASH_ACCOUNT,
        over_short_account=OVER_SHORT,
    )
    assert Money.total(x.debit for x in lines) == Money.total(x.credit for x in lines)
    assert all(bool(x.debit) != bool(x.credit) for x in lines)
    # Cash in bank nets to receipts - paid-outs + over/short.
    cash = Money.total(x.debit - x.credit for x in lines if x.gl_account.endswith("-000-101000"))
    assert cash.cents == sum(c for _, c in revenue) - sum(c for _, c in paid) + sum(variances)
    rows = parse(journal_csv(lines))[1:]
    assert sum(Money.from_file(r[4]).cents for r in rows) == sum(Money.from_file(r[5]).cents for r in rows)


def test_fund_is_the_first_segment() -> None:
    assert fund_of("505-000-344100") == "505"
    assert fund_of("100") == "100"


def test_billing_and_sales_tax_files() -> None:
    billing = billing_csv(DAY, [
        BillingPayment("1000000033", Money(6000), "W01-2026-000002", 1, tender_label(["check", "cash"])),
        BillingPayment("1000000017", Money(3490), "W01-2026-000001", 1, "cash"),
        BillingPayment("-1000000025", Money(500), "W01-2026-000001", 2, "cash"),
    ])  # fmt: skip
    assert billing.decode() == (
        "account,amount,date,receipt_number,tender\n"
        "1000000017,34.90,2026-11-26,W01-2026-000001,cash\n"
        "'-1000000025,5.00,2026-11-26,W01-2026-000001,cash\n"
        "1000000033,60.00,2026-11-26,W01-2026-000002,cash+check\n"
    )
    tax = sales_tax_csv([
        SalesTaxPayment("2000000019", "2026-09", Money(125000), "W01-2026-000004", 1),
        SalesTaxPayment("2000000019", "", Money(100), "W01-2026-000004", 1),
        SalesTaxPayment("2000000019", "2026-08", Money(1234567), "W01-2026-000003", 1),
    ])  # fmt: skip
    assert tax.decode() == (
        "account,period,amount,receipt_number\n"
        "2000000019,2026-08,12345.67,W01-2026-000003\n"
        "2000000019,,1.00,W01-2026-000004\n"
        "2000000019,2026-09,1250.00,W01-2026-000004\n"
    )


def test_deposit_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        Deposit(DAY, cash={"B3": 1})
    with pytest.raises(ValueError):
        Deposit(DAY, cash={"B20": -1})
    with pytest.raises(ValueError):
        DepositedItem("card", "1", "x", Money(1), "r")
