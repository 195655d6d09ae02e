"""Balancing a drawer: what it should hold per tender, what was counted, over/short, float and deposit.

Pure arithmetic on plain numbers; the services read the payment rows and hand them in.
Expected cash = opening float + cash received − change − drops − paid-outs; checks, money
orders and cards are the sums recorded. Over/short = counted − expected (negative = short).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from cashdesk.domain.cash import BY_CODE, DENOMINATIONS, CashCount, CountError
from cashdesk.domain.money import Money
from cashdesk.words import translate

#: The tender kinds a drawer is balanced by, in the order reports show them.
TENDER_KINDS: tuple[str, ...] = ("cash", "check", "money_order", "card")
#: Kinds of paper items the cashier ticks present one by one.
ITEM_KINDS: tuple[str, ...] = ("check", "money_order")


def over_short_words(amount: Money) -> str:
    """ "Over $2.00", "Short $7.00" or "Balanced": over/short said one way on every screen and slip."""
    if amount.cents > 0:
        return f"Over {amount.display()}"
    if amount.cents < 0:
        return f"Short {(-amount).display()}"
    return "Balanced"


def over_short_shown(amount: Money) -> str:
    """`over_short_words` in the window's language (slips and reports keep the English)."""
    if amount.cents > 0:
        return translate("balancing", "Over {amount}").format(amount=amount.display())
    if amount.cents < 0:
        return translate("balancing", "Short {amount}").format(amount=(-amount).display())
    return translate("balancing", "Balanced")


@dataclass(frozen=True, slots=True)
class DrawerFigures:
    """The drawer's money as the payment rows record it (voided receipts left out)."""

    opening_float: Money
    cash_received: Money = Money(0)  # cash tendered
    change_given: Money = Money(0)
    drops: Money = Money(0)
    paid_outs: Money = Money(0)
    checks: Money = Money(0)
    money_orders: Money = Money(0)
    cards: Money = Money(0)

    @property
    def expected_cash(self) -> Money:
        return self.opening_float + self.cash_received - self.change_given - self.drops - self.paid_outs

    def expected(self) -> dict[str, Money]:
        """What the drawer should hold, by tender kind."""
        return {"cash": self.expected_cash, "check": self.checks, "money_order": self.money_orders, "card": self.cards}


@dataclass(frozen=True, slots=True)
class RecordedItem:
    """A check or money order the drawer took, as recorded on a receipt."""

    id: int
    kind: str  # check or money_order
    amount: Money


@dataclass(frozen=True, slots=True)
class FoundItem:
    """A check or money order found in the drawer that no receipt records."""

    kind: str
    amount: Money


@dataclass(frozen=True, slots=True)
class TenderLine:
    kind: str
    expected: Money
    counted: Money

    @property
    def over_short(self) -> Money:
        return self.counted - self.expected


def missing_items(recorded: Iterable[RecordedItem], present: Set[int]) -> tuple[RecordedItem, ...]:
    """Recorded items not ticked present, in the order given."""
    return tuple(item for item in recorded if item.id not in present)


def unknown_ticks(recorded: Iterable[RecordedItem], present: Set[int]) -> frozenset[int]:
    """Ids ticked present that are not among the recorded items (a window out of date)."""
    return frozenset(present) - {item.id for item in recorded}


def counted_by_tender(
    cash: Money,
    recorded: Iterable[RecordedItem],
    present: Set[int],
    extra: Iterable[FoundItem] = (),
    card_settlement: Money = Money(0),  # noqa: B008 - Money is frozen, one shared zero is safe
) -> dict[str, Money]:
    """What the count found, by tender kind: the cash, the recorded items ticked present plus any
    extra ones found, and the card terminal's settlement total."""
    counted = {"cash": cash, "check": Money(0), "money_order": Money(0), "card": card_settlement}
    for item in recorded:
        if item.id in present:
            counted[item.kind] += item.amount
    for found in extra:
        if found.kind not in ITEM_KINDS:
            raise CountError(
                translate("balancing", "An extra item is a check or a money order, not {kind!r}.").format(
                    kind=found.kind
                )
            )
        counted[found.kind] += found.amount
    return counted


def balance(expected: Mapping[str, Money], counted: Mapping[str, Money]) -> tuple[TenderLine, ...]:
    """Expected against counted for every tender kind, in TENDER_KINDS order."""
    return tuple(TenderLine(kind, expected.get(kind, Money(0)), counted.get(kind, Money(0))) for kind in TENDER_KINDS)


def total_over_short(lines: Iterable[TenderLine]) -> Money:
    return Money.total(line.over_short for line in lines)


def needs_approval(over_short: Money, limit: Money) -> bool:
    """A variance beyond the limit, either way, needs a reason and a supervisor."""
    return abs(over_short.cents) > limit.cents


def within(kept: CashCount, counted: CashCount) -> bool:
    """Every piece of `kept` is among the pieces of `counted`."""
    return all(n <= counted.pieces.get(code, 0) for code, n in kept.pieces.items())


def _smallest_first() -> list[str]:
    # Loose coins and bills before rolls of the same value: a float is for making change.
    order = {d.code: i for i, d in enumerate(DENOMINATIONS)}
    return sorted(BY_CODE, key=lambda code: (BY_CODE[code].cents, BY_CODE[code].form == "roll", order[code]))


_SMALLEST_FIRST = _smallest_first()


def suggested_float(opening: CashCount, counted: CashCount) -> CashCount:
    """The pieces to keep in the drawer for the next shift.

    The rule:
    1. If the count holds every piece of the opening float, keep exactly those pieces.
    2. Otherwise aim at the opening float's amount, never above it. Going from the smallest
       denomination to the largest (loose coins before rolls of the same value), keep as many
       pieces of each as fit in what is still missing; then fill any amount still missing from
       the largest pieces left that fit. Small pieces come first because a float is for making
       change. When the pieces counted cannot make up the whole float the suggestion is less
       than it; the cashier may change it before closing.
    The suggestion never holds a piece that was not counted.
    """
    if within(opening, counted):
        return CashCount({code: n for code, n in sorted(opening.pieces.items()) if n})
    left = opening.total.cents
    kept: dict[str, int] = {}
    for code in _SMALLEST_FIRST:
        value, have = BY_CODE[code].cents, counted.pieces.get(code, 0)
        take = min(have, left // value)
        if take:
            kept[code] = take
            left -= take * value
    for code in reversed(_SMALLEST_FIRST):
        value, have = BY_CODE[code].cents, counted.pieces.get(code, 0) - kept.get(code, 0)
        take = min(have, left // value)
        if take:
            kept[code] = kept.get(code, 0) + take
            left -= take * value
    return CashCount(dict(sorted(kept.items())))


def deposit_pieces(counted: CashCount, kept: CashCount) -> CashCount:
    """The pieces that go to the bank: counted − kept. Refuses a float that was not counted."""
    if not within(kept, counted):
        short = [BY_CODE[code].shown.lower() for code, n in kept.pieces.items() if n > counted.pieces.get(code, 0)]
        raise CountError(
            translate(
                "balancing",
                "The float to keep has more {short} than were counted. Keep only pieces that are in the drawer.",
            ).format(short=", ".join(short))
        )
    return CashCount({code: n - kept.pieces.get(code, 0) for code, n in sorted(counted.pieces.items())
                      if n - kept.pieces.get(code, 0)})  # fmt: skip


def count_of(pieces: Mapping[str, int]) -> CashCount:
    """A CashCount without the empty denominations (how pieces are stored)."""
    return CashCount({code: n for code, n in sorted(pieces.items()) if n})


def by_kind(amounts: Sequence[tuple[str, Money]]) -> dict[str, Money]:
    """Sum (kind, amount) pairs into every tender kind."""
    out = {kind: Money(0) for kind in TENDER_KINDS}
    for kind, amount in amounts:
        out[kind] = out.get(kind, Money(0)) + amount
    return out
