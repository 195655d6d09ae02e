"""The one date parser every window and command uses, and stored dates read back."""

from __future__ import annotations

import datetime as dt

import pytest

from cashdesk.domain.dates import parse_day, stored_day

MARCH_16 = dt.date(2026, 3, 16)


@pytest.mark.parametrize(
    "typed",
    ["03/16/2026", "3/16/2026", "3/16/26", "03-16-2026", "2026-03-16", "2026-3-16", "  03/16/2026  ", "20260316"],
)
def test_a_date_typed_any_way_a_cashier_or_a_script_writes_it(typed: str) -> None:
    assert parse_day(typed) == MARCH_16


@pytest.mark.parametrize("typed", ["", "16/03/2026", "26/11/2026", "02/30/2026", "tomorrow", "2026-13-01", "03/16"])
def test_anything_else_is_refused_in_the_cashiers_words(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a date. Type it as month/day/year, like 03/16/2026"):
        parse_day(typed)


def test_the_refusal_repeats_what_was_typed() -> None:
    with pytest.raises(ValueError, match='^"16/03/2026" is not a date'):
        parse_day(" 16/03/2026 ")


@pytest.mark.parametrize("value", [None, MARCH_16])
def test_a_stored_date_or_none_comes_back_as_it_is(value: dt.date | None) -> None:
    assert stored_day(value) == value


def test_a_stored_date_written_as_text_is_read_as_a_date() -> None:
    assert stored_day("2026-03-16") == MARCH_16
