"""The change fund: the cash the drawers' floats are counted out of when they open and put back
into when they close, and what it holds from one business day to the next.

A drawer that keeps a smaller float than it opened with sends the difference to the bank with
the deposit (a larger one keeps some of the day's cash back from it); the GL journal books that
against the change-fund account (domain/deposit.py build_journal). The fund is an imprest of an
authorised amount: a shortfall is said to the supervisor at the close and made good from the
bank, so each business day is taken to begin with the fund as the last close left it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cashdesk.domain.money import Money


@dataclass(frozen=True, slots=True)
class DrawerFloat:
    """One closed drawer's float: counted out of the fund when it opened, the part kept put back at its close."""

    drawer: str  # e.g. "W01 drawer 12 jcashier"
    opened: Money
    kept: Money

    def __post_init__(self) -> None:
        if self.opened.is_negative or self.kept.is_negative:
            raise ValueError("a float is never negative")

    @property
    def to_bank(self) -> Money:
        """What of the float went to the bank with the deposit (negative: what the drawer kept back from it)."""
        return self.opened - self.kept


@dataclass(frozen=True, slots=True)
class FloatMove:
    """A float counted out of the fund (a drawer opened, amount > 0) or put back (a drawer closed, amount < 0)."""

    at: dt.datetime
    amount: Money


def held_after_close(authorised: Money, opened: Money, kept: Money) -> Money:
    """What the fund holds after a business day's close: the floats kept, and whatever of the
    authorised amount no float took that day. With no authorised amount ($0.00): the floats kept."""
    return kept + max(authorised - opened, Money(0))


def counted_out_beyond(held: Money, moves: Iterable[FloatMove]) -> Money:
    """How far the floats counted out went beyond what the fund held, at the worst moment of the
    day ($0.00 when never). At one moment a float put back is there before one is counted out."""
    left, worst = held, Money(0)
    for move in sorted(moves, key=lambda m: (m.at, m.amount.cents)):
        left -= move.amount
        worst = max(worst, -left)
    return worst


@dataclass(frozen=True, slots=True)
class ChangeFundDay:
    """Where the change fund stands on one business day."""

    business_date: dt.date
    authorised: Money  # $0.00: no authorised amount set
    held_at_start: Money | None  # None: no authorised amount and no earlier close to go by
    since: dt.date | None  # the close held_at_start comes from (None: the authorised amount)
    opened: Money  # the floats of every drawer of the day, open ones too
    floats: tuple[DrawerFloat, ...]  # the day's closed drawers
    beyond: Money  # how far the floats counted out went beyond held_at_start

    @property
    def kept(self) -> Money:
        return Money.total(f.kept for f in self.floats)

    @property
    def to_bank(self) -> Money:
        """What the closed drawers' floats sent to the bank, net (negative: kept back from it)."""
        return Money.total(f.to_bank for f in self.floats)

    @property
    def held_tonight(self) -> Money:
        """What the fund holds once every drawer of the day is closed."""
        return held_after_close(self.authorised, self.opened, self.kept)

    @property
    def short_tonight(self) -> Money:
        """How much the fund lacks of its authorised amount after the close ($0.00 with none set)."""
        if not self.authorised:
            return Money(0)
        return max(self.authorised - self.held_tonight, Money(0))


def change_fund_day(
    day: dt.date,
    *,
    authorised: Money,
    floats: Iterable[DrawerFloat],
    moves: Iterable[FloatMove],
    last_close: tuple[dt.date, Money, Money] | None,
) -> ChangeFundDay:
    """The fund on `day`: `floats` of its closed drawers, `moves` every float counted out and put
    back that day, `last_close` (date, floats opened, floats kept) of the latest closed business
    day before it that had drawers."""
    if authorised.is_negative:
        raise ValueError("the authorised change fund is never negative")
    moves = tuple(moves)
    if last_close is not None:
        since, opened_then, kept_then = last_close
        held: Money | None = held_after_close(authorised, opened_then, kept_then)
    else:
        since, held = None, (authorised if authorised else None)
    return ChangeFundDay(
        business_date=day, authorised=authorised, held_at_start=held, since=since,
        opened=Money.total(m.amount for m in moves if m.amount.cents > 0), floats=tuple(floats),
        beyond=counted_out_beyond(held, moves) if held is not None else Money(0),
    )  # fmt: skip
