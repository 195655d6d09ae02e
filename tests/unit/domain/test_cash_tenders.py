"""Counting cash by denomination, tenders and change."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.cash import DENOMINATIONS, CashCount, CountError, parse_pieces
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderError, TenderKind, receipt_number, remaining, settle

CASH = TenderKind.CASH


def test_a_float_counted_by_denomination() -> None:
    count = CashCount({"B20": 5, "B5": 4, "B1": 20, "C25": 40, "R1": 2})
    assert count.total == Money(10_000 + 2_000 + 2_000 + 1_000 + 100)
    assert count.currency == Money(14_000)
    assert count.coin == Money(1_100)
    assert [d.code for d, _, _ in count.lines()] == ["B20", "B5", "B1", "C25", "R1"]


def test_every_denomination_of_the_issue_is_there() -> None:
    values = {(d.form, d.cents) for d in DENOMINATIONS}
    for cents in (10_000, 5_000, 2_000, 1_000, 500, 200, 100):
        assert ("bill", cents) in values
    for cents in (100, 50, 25, 10, 5, 1):
        assert ("coin", cents) in values


@pytest.mark.parametrize("typed", ["-1", "1.5", "abc", "1e3", "２"])
def test_counts_are_whole_numbers(typed: str) -> None:
    with pytest.raises(CountError, match="whole number"):
        parse_pieces("B20", typed)


def test_a_blank_count_is_none_and_huge_counts_are_refused() -> None:
    assert parse_pieces("C1", "  ") == 0
    with pytest.raises(CountError, match="more than a drawer can hold"):
        parse_pieces("C1", "1000000")
    with pytest.raises(CountError):
        CashCount({"B3": 1})


def test_exact_cash() -> None:
    s = settle(Money(7315), [Tender(CASH, Money(7315))])
    assert s.change == Money(0)


def test_change_comes_from_cash() -> None:
    s = settle(Money(7315), [Tender(TenderKind.CHECK, Money(5000), "1042"), Tender(CASH, Money(4000))])
    assert s.change == Money(1685)
    assert s.cash_tendered == Money(4000)


def test_no_cash_back_on_a_check_or_card() -> None:
    with pytest.raises(TenderError, match="change is given only from cash"):
        settle(Money(5000), [Tender(TenderKind.CHECK, Money(6000), "1042")])
    with pytest.raises(TenderError, match="only from cash"):
        settle(Money(5000), [Tender(CASH, Money(1000)), Tender(TenderKind.CARD, Money(5001), "A1B2C3", "VISA", "1234")])


def test_short_tenders_say_what_is_left() -> None:
    with pytest.raises(TenderError, match=r"\$10.00 is still to be paid"):
        settle(Money(5000), [Tender(CASH, Money(4000))])
    assert remaining(Money(5000), [Tender(CASH, Money(4000))]) == Money(1000)
    assert remaining(Money(5000), [Tender(CASH, Money(9000))]) == Money(0)


def test_tender_details_are_required() -> None:
    with pytest.raises(TenderError, match="check number"):
        Tender(TenderKind.CHECK, Money(100))
    with pytest.raises(TenderError, match="last four"):
        Tender(TenderKind.CARD, Money(100), "A1B2", "VISA", "12")
    with pytest.raises(TenderError, match="approval"):
        Tender(TenderKind.CARD, Money(100), "", "VISA", "1234")
    with pytest.raises(TenderError, match="more than \\$0.00"):
        Tender(CASH, Money(0))


def test_a_card_number_is_refused_in_any_field() -> None:
    with pytest.raises(TenderError, match="Never type a card number"):
        Tender(TenderKind.CARD, Money(100), "4111111111111111", "VISA", "1111")
    assert Tender(TenderKind.CARD, Money(100), "A1B2C3", "VISA", "1111").describe() == "VISA ****1111 auth A1B2C3"


def test_receipt_numbers() -> None:
    assert receipt_number("W01", 2026, 123) == "W01-2026-000123"


tender_lists = st.lists(
    st.one_of(
        st.builds(lambda c: Tender(CASH, Money(c)), st.integers(1, 10**7)),
        st.builds(lambda c: Tender(TenderKind.CHECK, Money(c), "100"), st.integers(1, 10**7)),
        st.builds(lambda c: Tender(TenderKind.CARD, Money(c), "AB12", "VISA", "4242"), st.integers(1, 10**7)),
    ),
    min_size=1,
    max_size=5,
)


@given(st.integers(1, 10**7), tender_lists)
def test_every_settled_receipt_balances(total: int, tenders: list[Tender]) -> None:
    try:
        s = settle(Money(total), tenders)
    except TenderError:
        return
    assert s.tendered - s.change == Money(total)
    assert Money(0) <= s.change <= s.cash_tendered
