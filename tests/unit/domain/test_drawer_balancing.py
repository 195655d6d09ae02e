"""Balancing a drawer: expected per tender, over/short, missing and extra items, the float and the deposit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.balancing import (
    TENDER_KINDS,
    DrawerFigures,
    FoundItem,
    RecordedItem,
    balance,
    counted_by_tender,
    deposit_pieces,
    missing_items,
    needs_approval,
    suggested_float,
    total_over_short,
    unknown_ticks,
    within,
)
from cashdesk.domain.cash import BY_CODE, CashCount, CountError
from cashdesk.domain.money import Money

CHECK_1 = RecordedItem(11, "check", Money(2500))
CHECK_2 = RecordedItem(12, "check", Money(10_000))
MONEY_ORDER = RecordedItem(13, "money_order", Money(4000))


def test_expected_cash_is_float_plus_cash_in_less_change_drops_and_paid_outs() -> None:
    figures = DrawerFigures(opening_float=Money(10_000), cash_received=Money(50_000), change_given=Money(1234),
                            drops=Money(30_000), paid_outs=Money(500), checks=Money(12_500),
                            money_orders=Money(4000), cards=Money(7000))  # fmt: skip
    assert figures.expected_cash == Money(10_000 + 50_000 - 1234 - 30_000 - 500)
    assert figures.expected() == {"cash": Money(28_266), "check": Money(12_500), "money_order": Money(4000),
                                  "card": Money(7000)}  # fmt: skip


def test_a_missing_check_is_short_by_its_amount_and_an_extra_one_is_over() -> None:
    recorded = [CHECK_1, CHECK_2, MONEY_ORDER]
    present = frozenset({11, 13})
    assert missing_items(recorded, present) == (CHECK_2,)
    counted = counted_by_tender(Money(5000), recorded, present, [FoundItem("money_order", Money(300))], Money(7000))
    assert counted == {"cash": Money(5000), "check": Money(2500), "money_order": Money(4300), "card": Money(7000)}
    expected = DrawerFigures(Money(5000), checks=Money(12_500), money_orders=Money(4000), cards=Money(7000)).expected()
    lines = balance(expected, counted)
    assert [line.kind for line in lines] == list(TENDER_KINDS)
    assert [line.over_short for line in lines] == [Money(0), Money(-10_000), Money(300), Money(0)]
    assert total_over_short(lines) == Money(-9700)


def test_ticks_that_are_not_recorded_items_are_found() -> None:
    assert unknown_ticks([CHECK_1], frozenset({11, 99})) == frozenset({99})


def test_an_extra_item_is_a_check_or_a_money_order() -> None:
    with pytest.raises(CountError):
        counted_by_tender(Money(0), [], frozenset(), [FoundItem("card", Money(100))])


@pytest.mark.parametrize(("over_short", "needed"), [(500, False), (-500, False), (501, True), (-501, True), (0, False)])
def test_a_variance_beyond_the_limit_either_way_needs_approval(over_short: int, needed: bool) -> None:
    assert needs_approval(Money(over_short), Money(500)) is needed


def test_the_float_is_the_opening_pieces_when_the_count_holds_them() -> None:
    opening = CashCount({"B20": 2, "B5": 4, "C25": 40})
    counted = CashCount({"B50": 3, "B20": 5, "B5": 4, "C25": 41, "C1": 7})
    assert suggested_float(opening, counted) == CashCount({"B20": 2, "B5": 4, "C25": 40})


def test_otherwise_the_float_is_built_from_the_smallest_pieces_up_to_the_opening_amount() -> None:
    opening = CashCount({"B20": 5})  # $100
    counted = CashCount({"B50": 2, "B20": 1, "B5": 3, "C25": 8, "C1": 50})
    # 50 pennies, 8 quarters, 3 fives ($17.50), the $20 ($37.50), one $50 ($87.50); the other $50 would not fit.
    assert suggested_float(opening, counted) == CashCount({"C1": 50, "C25": 8, "B5": 3, "B20": 1, "B50": 1})
    assert suggested_float(opening, counted).total == Money(8750)


def test_the_float_is_less_than_the_opening_float_when_the_pieces_cannot_make_it() -> None:
    opening = CashCount({"B20": 5})
    counted = CashCount({"B50": 3, "C25": 3})
    assert suggested_float(opening, counted) == CashCount({"C25": 3, "B50": 1})


def test_rolls_come_after_loose_coins_of_the_same_value() -> None:
    opening = CashCount({"C50": 1})
    assert suggested_float(opening, CashCount({"R1": 1, "C50": 1, "B1": 1})) == CashCount({"C50": 1})
    assert suggested_float(CashCount({"C1": 50}), CashCount({"R1": 1, "C50": 1})) == CashCount({"C50": 1})


def test_the_deposit_is_what_is_counted_less_what_is_kept() -> None:
    counted = CashCount({"B20": 7, "B5": 1, "C25": 4})
    assert deposit_pieces(counted, CashCount({"B20": 5, "C25": 4})) == CashCount({"B20": 2, "B5": 1})
    with pytest.raises(CountError, match=r"more \$10 bills than were counted"):
        deposit_pieces(counted, CashCount({"B10": 1}))


# -- properties --------------------------------------------------------------------------------------

counts = st.dictionaries(st.sampled_from(sorted(BY_CODE)), st.integers(0, 400), max_size=8).map(CashCount)
cents = st.integers(0, 5_000_000)


@given(counts, counts)
def test_counted_is_deposit_plus_kept_and_pieces_are_never_negative(opening: CashCount, counted: CashCount) -> None:
    kept = suggested_float(opening, counted)
    assert within(kept, counted)
    assert kept.total <= max(opening.total, Money(0))
    deposit = deposit_pieces(counted, kept)
    assert all(n > 0 for n in deposit.pieces.values()) and all(n > 0 for n in kept.pieces.values())
    for code in BY_CODE:
        assert deposit.pieces.get(code, 0) + kept.pieces.get(code, 0) == counted.pieces.get(code, 0)
    assert deposit.total + kept.total == counted.total


@given(counts, counts)
def test_the_opening_float_is_kept_whole_whenever_it_was_counted(opening: CashCount, extra: CashCount) -> None:
    counted = CashCount({code: opening.pieces.get(code, 0) + extra.pieces.get(code, 0) for code in BY_CODE})
    assert suggested_float(opening, counted).total == opening.total


@given(st.lists(st.tuples(st.sampled_from(["check", "money_order"]), st.integers(1, 100_000), st.booleans()),
                max_size=12),
       cents, cents, cents, cents, cents, cents, cents)  # fmt: skip
def test_over_short_lines_add_up_to_the_total(items: list[tuple[str, int, bool]], float_: int, cash_in: int,
                                              change: int, drops: int, counted_cash: int, cards: int,
                                              settlement: int) -> None:  # fmt: skip
    recorded = [RecordedItem(i, kind, Money(amount)) for i, (kind, amount, _) in enumerate(items)]
    present = frozenset(i for i, (_, _, here) in enumerate(items) if here)
    figures = DrawerFigures(Money(float_), Money(cash_in), Money(change), Money(drops),
                            checks=Money.total(r.amount for r in recorded if r.kind == "check"),
                            money_orders=Money.total(r.amount for r in recorded if r.kind == "money_order"),
                            cards=Money(cards))  # fmt: skip
    counted = counted_by_tender(Money(counted_cash), recorded, present, (), Money(settlement))
    lines = balance(figures.expected(), counted)
    total = total_over_short(lines)
    assert total == Money.total(counted.values()) - Money.total(figures.expected().values())
    assert total == Money.total(line.counted - line.expected for line in lines)
    missing = Money.total(r.amount for r in missing_items(recorded, present))
    assert lines[1].over_short + lines[2].over_short == -missing  # paper items are short by what is missing
