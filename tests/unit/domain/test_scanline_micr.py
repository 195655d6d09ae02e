"""Bill stub scan lines and MICR lines, as the scanner and check reader type them."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain import micr, scanline
from cashdesk.domain.accounts import AccountKind
from cashdesk.domain.money import Money

GOOD = scanline.build(AccountKind.UTILITY, "1000000017", dt.date(2026, 12, 10), Money(12345))


def test_a_stub_is_read() -> None:
    assert GOOD == "011000000017202612100000123453"
    line = scanline.parse(GOOD + "\n")
    assert line == scanline.ScanLine(AccountKind.UTILITY, "1000000017", dt.date(2026, 12, 10), Money(12345))
    assert scanline.looks_like_scan_line(GOOD)
    assert not scanline.looks_like_scan_line("smith")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD[:-1] + str((int(GOOD[-1]) + 1) % 10), "check digit is wrong"),
        (GOOD[:-5], "has 25 digits"),
        ("01100000001720261210000012345X", "should be 30 digits"),
        ("09" + GOOD[2:29] + str(scanline.luhn_check_digit("09" + GOOD[2:29])), "unknown kind"),
    ],
)
def test_bad_stubs_are_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(scanline.ScanLineError, match=message):
        scanline.parse(text)


def test_an_impossible_due_date_is_refused() -> None:
    body = "0110000000172026023100001234"  # 28 digits: Feb 31
    body += "5"
    with pytest.raises(scanline.ScanLineError, match="not a real date"):
        scanline.parse(body + str(scanline.luhn_check_digit(body)))


@given(
    st.sampled_from(list(AccountKind)),
    st.integers(0, 9_999_999_999),
    st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 999_999_999),
)
def test_build_then_parse_gives_the_same_stub(kind: AccountKind, account: int, due: dt.date, cents: int) -> None:
    text = scanline.build(kind, f"{account:010d}", due, Money(cents))
    assert scanline.parse(text) == scanline.ScanLine(kind, f"{account:010d}", due, Money(cents))


@given(st.integers(0, 28), st.integers(1, 9))
def test_any_single_digit_error_is_caught(position: int, delta: int) -> None:
    digits = list(GOOD)
    digits[position] = str((int(digits[position]) + delta) % 10)
    with pytest.raises(scanline.ScanLineError):
        scanline.parse("".join(digits))


def test_micr_personal_check() -> None:
    assert micr.parse("T011000015T 123456789O 1042") == micr.Micr("011000015", "123456789", "1042")


def test_micr_business_check_with_auxiliary_on_us_field() -> None:
    assert micr.parse("O001042O T011000015T 12-3456-7O") == micr.Micr("011000015", "12-3456-7", "1042")


def test_micr_other_reader_symbols() -> None:
    assert micr.parse("A011000015A 123456789C 001042") == micr.Micr("011000015", "123456789", "1042")
    assert micr.parse("⑆011000015⑆ 123456789⑈ 1042") == micr.Micr("011000015", "123456789", "1042")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "sent nothing"),
        ("T011000016T 123456789O 1042", "does not pass its check"),
        ("123456789O 1042", "No routing number"),
        ("T011000015T 123456789O", "No check number"),
        ("T011000015T 12345'; DROP", "characters it should not"),
    ],
)
def test_micr_problems_are_named(text: str, message: str) -> None:
    with pytest.raises(micr.MicrError, match=message):
        micr.parse(text)


def test_routing_checksum() -> None:
    assert micr.routing_ok("011000015")  # Federal Reserve Bank of Boston
    assert micr.routing_ok("121000358")  # Bank of America, California
    assert not micr.routing_ok("121000359")
    assert not micr.routing_ok("12100035")
