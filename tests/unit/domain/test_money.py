"""Money: what a cashier types becomes exact cents, and nothing else gets in."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.money import MAX_CENTS, Money, MoneyError


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1,234.50", 123450),
        ("$12", 1200),
        ("12.5", 1250),
        ("  7 ", 700),
        (".05", 5),
        ("0", 0),
        ("$1,000,000.00", 100_000_000),
        ("9999999.99", MAX_CENTS),
        ("12.", 1200),
    ],
)
def test_parses_what_a_person_types(typed: str, cents: int) -> None:
    assert Money.parse(typed) == Money(cents)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter an amount"),
        ("   ", "Enter an amount"),
        ("12.345", "at most two digits"),
        ("abc", "is not an amount"),
        ("1,23", "is not an amount"),
        ("12,34.00", "is not an amount"),
        ("1e5", "is not an amount"),
        ("12.3.4", "is not an amount"),
        ("$", "is not an amount"),
        (".", "is not an amount"),
        ("--5", "is not an amount"),
        ("NaN", "is not an amount"),
        ("inf", "is not an amount"),
        ("١٢", "is not an amount"),  # Arabic-Indic digits are not accepted silently
        ("-5.00", "cannot be negative"),
        ("10000000.00", "over the largest allowed"),
    ],
)
def test_refuses_anything_else_with_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        Money.parse(typed)


def test_negatives_and_zero_only_where_allowed() -> None:
    assert Money.parse("-$3.25", allow_negative=True) == Money(-325)
    with pytest.raises(MoneyError, match="more than \\$0.00"):
        Money.parse("0.00", allow_zero=False)
    with pytest.raises(MoneyError, match="largest allowed, \\$100.00"):
        Money.parse("100.01", maximum=10_000)


def test_float_is_refused_everywhere() -> None:
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.of(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * 1.1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.parse(12.5)  # type: ignore[arg-type]


def test_money_is_immutable_and_exact() -> None:
    m = Money(10)
    with pytest.raises(AttributeError):
        m.cents = 11  # type: ignore[misc]
    assert Money(10) + Money(20) == Money(30)
    assert Money.total([Money(1)] * 3) == Money(3)
    assert Money.parse("0.10") + Money.parse("0.20") == Money.parse("0.30")


def test_formats_for_people_and_for_files() -> None:
    assert Money(123450).display() == "$1,234.50"
    assert Money(-300).display() == "-$3.00"
    assert Money(5).display() == "$0.05"
    assert Money(-123450).to_file() == "-1234.50"
    assert Money.from_file("-1234.50") == Money(-123450)
    with pytest.raises(MoneyError):
        Money.from_file("1,234.50")


cents = st.integers(min_value=0, max_value=MAX_CENTS)


@given(cents)
def test_parse_of_display_gives_the_same_amount(c: int) -> None:
    assert Money.parse(Money(c).display()) == Money(c)


@given(cents)
def test_parse_of_plain_gives_the_same_amount(c: int) -> None:
    assert Money.parse(Money(c).plain()) == Money(c)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_file_form_round_trips_any_amount(c: int) -> None:
    assert Money.from_file(Money(c).to_file()) == Money(c)


@given(st.text(max_size=20))
def test_parse_never_fails_with_anything_but_a_clear_error(text: str) -> None:
    try:
        result = Money.parse(text, allow_negative=True)
    except MoneyError as exc:
        assert str(exc)
    else:
        assert isinstance(result.cents, int)
        assert abs(result.cents) <= MAX_CENTS
