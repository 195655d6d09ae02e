"""Audit anchors: the printed form a person reads and types back, the words of a mismatch, and the
anchor in a deposit file's trailer."""

import datetime as dt
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.anchors import Anchor, anchor_problem, parse_anchor, printed_hash
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.deposit import Deposit, deposit_file, trailer_anchor
from cashdesk.domain.money import Money

#: A hash that begins with the card brands' test Visa number: whole, a slip would refuse it.
VISA_HASH = "4111111111111111" + "a" + hashlib.sha256(b"x").hexdigest()[17:]
HASH = hashlib.sha256(b"event 120").hexdigest()


def test_the_printed_form_is_short_and_never_reads_as_a_card_number() -> None:
    assert contains_card_number(VISA_HASH)  # why the whole hash is never printed
    anchor = Anchor(120, VISA_HASH)
    assert anchor.printed == "120:4111.1111.1111.1111"
    assert not contains_card_number(anchor.printed) and not contains_card_number(f"Audit anchor {anchor.printed}")


@given(st.binary(min_size=1, max_size=40), st.integers(min_value=1, max_value=10**9))
def test_no_printed_anchor_is_a_card_number(seed: bytes, seq: int) -> None:
    text = Anchor(seq, hashlib.sha256(seed).hexdigest()).printed
    assert not contains_card_number(text) and len(text) <= 10 + 1 + 19


@pytest.mark.parametrize(
    "typed",
    [f"120:{printed_hash(HASH)}", f"120:{HASH}", f" 120:{HASH[:16].upper()} ", f"120:{HASH[:4]} {HASH[4:16]}",
     f"120:{HASH[:8]}-{HASH[8:20]}"],
)  # fmt: skip
def test_an_anchor_is_typed_back_as_printed_or_whole(typed: str) -> None:
    anchor = parse_anchor(typed)
    assert anchor.seq == 120 and HASH.startswith(anchor.hash) and len(anchor.hash) >= 16
    assert anchor_problem(anchor, HASH, 140) == ""


@pytest.mark.parametrize(
    ("typed", "says"),
    [("120", "write the event number, a colon and the hash"), ("x:abcd", "write the event number"),
     ("0:" + HASH, "write the event number"), ("120:a3f2.9b1c", "at least 16 letters and digits"),
     ("120:" + "g8" * 8, "at least 16 letters and digits"),  # neither base32 (8) nor hex (g)
     ("120:" + HASH + "0", "at least 16 letters and digits")],
)  # fmt: skip
def test_what_is_not_an_anchor_is_said(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_anchor(typed)


def test_a_missing_or_rewritten_event_is_named() -> None:
    anchor = Anchor(120, HASH[:16], "the anchor of business day 2026-11-25 in deposit-2026-11-25.csv")
    assert anchor_problem(anchor, None, 97) == (
        "event 120 of the anchor of business day 2026-11-25 in deposit-2026-11-25.csv is not in the trail "
        "(the trail ends at event 97)"
    )
    assert "(the trail is empty)" in anchor_problem(anchor, None, 0)
    other = hashlib.sha256(b"forged").hexdigest()
    assert anchor_problem(anchor, other, 140) == (
        f"the trail was rewritten at or before event 120: its hash is {printed_hash(other)} not {printed_hash(HASH)}, "
        "as in the anchor of business day 2026-11-25 in deposit-2026-11-25.csv"
    )
    # A whole hash that differs only beyond the printed digits is shown whole.
    late = HASH[:16] + ("0" if HASH[16] != "0" else "1") + HASH[17:]
    assert f"its hash is {late} not {HASH}" in anchor_problem(Anchor(120, HASH), late, 140)


def test_the_deposit_trailer_carries_the_anchor_and_reads_back() -> None:
    deposit = Deposit(dt.date(2026, 11, 26), cash={"B20": 2})
    data = deposit_file(deposit, Anchor(120, HASH)).data
    last = data.decode().splitlines()[-1].split(",")
    assert last[:4] == ["T", "2026-11-26", "1", "40.00"] and last[5:] == ["120", HASH]
    assert trailer_anchor(data) == Anchor(120, HASH)
    assert trailer_anchor(deposit_file(deposit).data) is None  # written before anchors: five values
    assert deposit_file(deposit, Anchor(120, HASH)).total == Money(4000)
    for broken in (b"record\nD,1\n", data.replace(b",120,", b",x,"), data[:-10] + b"\n"):
        with pytest.raises(ValueError):
            trailer_anchor(broken)
