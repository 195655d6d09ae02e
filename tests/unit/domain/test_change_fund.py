"""The change fund: the journal books what a float kept smaller or larger moved, so that cash in
bank nets to the deposit; what the fund holds from one close to the next morning's floats."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.change_fund import (
    DrawerFloat,
    FloatMove,
    change_fund_day,
    counted_out_beyond,
    held_after_close,
)
from cashdesk.domain.deposit import OverShortEntry, PaidOutEntry, RevenueEntry, build_journal
from cashdesk.domain.money import Money

DAY = dt.date(2026, 11, 26)
CASH_ACCOUNT = "{fund}-000-101000"
OVER_SHORT = "100-150-369300"
CHANGE_FUND = "100-000-101100"
MORNING = dt.datetime(2026, 11, 26, 15, 0)


def at(hours: float) -> dt.datetime:
    return MORNING + dt.timedelta(hours=hours)


def test_floats_kept_smaller_or_larger_move_cash_between_the_change_fund_and_the_bank() -> None:
    lines = build_journal(
        DAY,
        revenue=[RevenueEntry("505-000-344100", "WATER Water service", Money(5000))],
        floats=[
            DrawerFloat("W02 drawer 4 bteller", Money(20000), Money(21000)),
            DrawerFloat("W01 drawer 3 jcashier", Money(20000), Money(18830)),
            DrawerFloat("W03 drawer 5 akim", Money(15000), Money(15000)),
        ],  # fmt: skip
        cash_account=CASH_ACCOUNT,
        over_short_account=OVER_SHORT,
        change_fund_account=CHANGE_FUND,
    )
    assert [(x.gl_account, x.debit.cents, x.credit.cents, x.description) for x in lines[2:]] == [
        ("100-000-101000", 1170, 0, "Cash in bank: float not kept, W01 drawer 3 jcashier"),
        ("100-000-101100", 0, 1170, "Change fund: float kept $188.30 of $200.00, W01 drawer 3 jcashier"),
        ("100-000-101100", 1000, 0, "Change fund: float kept $210.00 of $200.00, W02 drawer 4 bteller"),
        ("100-000-101000", 0, 1000, "Cash in bank: float kept over its opening, W02 drawer 4 bteller"),
    ]  # a float kept whole (W03) books nothing
    assert all(x.fund == "100" for x in lines[2:])


def test_a_float_that_moved_needs_the_change_fund_account() -> None:
    with pytest.raises(ValueError, match="change-fund GL account"):
        build_journal(DAY, revenue=[], floats=[DrawerFloat("W01 drawer 1 j", Money(100), Money(90))],
                      cash_account=CASH_ACCOUNT, over_short_account=OVER_SHORT)  # fmt: skip
    # Floats kept whole need none (a journal made before the setting existed is unchanged).
    assert build_journal(DAY, revenue=[], floats=[DrawerFloat("W01 drawer 1 j", Money(100), Money(100))],
                         cash_account=CASH_ACCOUNT, over_short_account=OVER_SHORT) == ()  # fmt: skip
    with pytest.raises(ValueError, match="never negative"):
        DrawerFloat("W01 drawer 1 j", Money(100), Money(-1))


PIECES = st.integers(min_value=0, max_value=400)
CENTS = st.integers(min_value=0, max_value=5_000_000)


@given(
    received=st.lists(
        st.tuples(st.sampled_from(["505-000-344100", "100-310-322100", "510-000-344300"]), CENTS), max_size=12
    ),
    paid=st.lists(CENTS.map(lambda c: c % 20_000), max_size=3),
    drawers=st.lists(
        st.tuples(st.integers(0, 60_000), st.integers(0, 60_000), st.integers(-3_000, 3_000), CENTS), max_size=5
    ),
)
def test_cash_in_bank_is_the_deposit_whatever_the_floats_kept(
    received: list[tuple[str, int]], paid: list[int], drawers: list[tuple[int, int, int, int]]
) -> None:
    """The deposit, drawer by drawer: what was received and not paid out, the over/short, and the
    float opened less the float kept. Cash in bank in the journal is that, to the cent."""
    floats = [DrawerFloat(f"W01 drawer {i} c", Money(opened), Money(kept))
              for i, (opened, kept, _, _) in enumerate(drawers)]  # fmt: skip
    over_short = [OverShortEntry(f"W01 drawer {i} c", Money(v)) for i, (_, _, v, _) in enumerate(drawers)]
    lines = build_journal(
        DAY,
        revenue=[RevenueEntry(gl, "r", Money(c)) for gl, c in received],
        paid_outs=[PaidOutEntry("100-000-220500", "p", Money(c)) for c in paid],
        over_short=over_short, floats=floats,
        cash_account=CASH_ACCOUNT, over_short_account=OVER_SHORT, change_fund_account=CHANGE_FUND,
    )  # fmt: skip
    assert Money.total(x.debit for x in lines) == Money.total(x.credit for x in lines)
    cash = Money.total(x.debit - x.credit for x in lines if x.gl_account.endswith("-000-101000"))
    deposit = (sum(c for _, c in received) - sum(paid) + sum(v for _, _, v, _ in drawers)
               + sum(opened - kept for opened, kept, _, _ in drawers))  # fmt: skip
    assert cash.cents == deposit
    fund = Money.total(x.credit - x.debit for x in lines if x.gl_account == CHANGE_FUND)
    assert fund.cents == sum(opened - kept for opened, kept, _, _ in drawers)


def test_what_the_fund_holds_after_a_close() -> None:
    # Authorised $400.00, two $200.00 floats out, $388.30 kept: the fund holds what was kept.
    assert held_after_close(Money(40000), Money(40000), Money(38830)) == Money(38830)
    # A third float stayed in the safe: it is still in the fund.
    assert held_after_close(Money(60000), Money(40000), Money(40000)) == Money(60000)
    # More floats out than authorised: what was kept is all the fund can count on.
    assert held_after_close(Money(40000), Money(50000), Money(50000)) == Money(50000)
    # No authorised amount: the floats kept are the fund.
    assert held_after_close(Money(0), Money(40000), Money(38830)) == Money(38830)


def test_floats_counted_out_beyond_the_fund_at_the_worst_moment() -> None:
    opens = [FloatMove(at(0), Money(20000)), FloatMove(at(0.5), Money(20000))]
    assert counted_out_beyond(Money(38830), opens) == Money(1170)
    assert counted_out_beyond(Money(40000), opens) == Money(0)
    # A morning drawer put its float back before the afternoon drawer took one: one float out at a time.
    shifts = [FloatMove(at(0), Money(20000)), FloatMove(at(4), Money(-20000)), FloatMove(at(4), Money(20000))]
    assert counted_out_beyond(Money(20000), shifts) == Money(0)
    # The order given does not matter; the moments do.
    assert counted_out_beyond(Money(20000), list(reversed(shifts))) == Money(0)
    assert counted_out_beyond(Money(20000), [*shifts, FloatMove(at(1), Money(5000))]) == Money(5000)


def test_a_day_of_the_change_fund() -> None:
    floats = (DrawerFloat("W01 drawer 3 j", Money(20000), Money(18830)),
              DrawerFloat("W02 drawer 4 b", Money(20000), Money(20000)))  # fmt: skip
    moves = [FloatMove(at(0), Money(20000)), FloatMove(at(0), Money(20000)), FloatMove(at(8), Money(-18830)),
             FloatMove(at(8), Money(-20000))]  # fmt: skip
    yesterday = dt.date(2026, 11, 25)
    day = change_fund_day(DAY, authorised=Money(40000), floats=floats, moves=moves,
                          last_close=(yesterday, Money(40000), Money(39000)))  # fmt: skip
    assert (day.held_at_start, day.since, day.opened, day.beyond) == (Money(39000), yesterday, Money(40000),
                                                                      Money(1000))  # fmt: skip
    assert (day.kept, day.to_bank, day.held_tonight, day.short_tonight) == (Money(38830), Money(1170), Money(38830),
                                                                            Money(1170))  # fmt: skip
    # The first day of all: the authorised amount is the fund.
    first = change_fund_day(DAY, authorised=Money(40000), floats=floats, moves=moves, last_close=None)
    assert (first.held_at_start, first.since, first.beyond) == (Money(40000), None, Money(0))
    # No authorised amount and no close before: nothing to check against; nothing is said short tonight.
    unknown = change_fund_day(DAY, authorised=Money(0), floats=floats, moves=moves, last_close=None)
    assert (unknown.held_at_start, unknown.beyond, unknown.short_tonight) == (None, Money(0), Money(0))
