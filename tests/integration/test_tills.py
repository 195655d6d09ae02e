"""One station, one till: a second cashier's drawer is refused while another is open there,
unless the station is set up with two tills (station.tills)."""

import datetime as dt
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.security import Role
from cashdesk.services.balancing import CountInput, close_drawer, record_count
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import TillInUse, current_drawer, open_drawer

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
ANN = Operator("ann", Role.CASHIER)
BOB = Operator("bob", Role.CASHIER)
FLOAT = CashCount({"B20": 5})


def context(path: Path, **values: object) -> ServiceContext:
    ctx = ServiceContext.open(path, settings=Settings(dict(values)))
    ctx.clock = lambda: NOW
    return ctx


def test_a_second_drawer_at_a_one_till_station_is_refused_and_says_why(small_city: Path) -> None:
    ctx = context(small_city)
    try:
        ann = open_drawer(ctx, ANN, FLOAT)
        with pytest.raises(TillInUse) as refused:
            open_drawer(ctx, BOB, FLOAT)
        said = str(refused.value)
        assert f"Station W01 has one till and drawer {ann.id} (ann) is open in it already" in said
        assert "Close that drawer first" in said and "supervisor" in said and "station.tills" in said
        assert current_drawer(ctx, BOB) is None  # nothing was opened
    finally:
        ctx.close()
    other = context(small_city, **{"station.id": "W02"})  # another station has its own till
    try:
        assert open_drawer(other, BOB, FLOAT).station == "W02"
    finally:
        other.close()


def test_a_station_with_two_tills_takes_two_drawers_and_not_three(small_city: Path) -> None:
    ctx = context(small_city, **{"station.tills": 2})
    try:
        open_drawer(ctx, ANN, FLOAT)
        open_drawer(ctx, BOB, FLOAT)
        with pytest.raises(TillInUse, match="has 2 tills"):
            open_drawer(ctx, Operator("cy", Role.CASHIER), FLOAT)
    finally:
        ctx.close()


def test_the_till_is_free_again_once_the_drawer_is_closed(small_city: Path) -> None:
    ctx = context(small_city)
    try:
        open_drawer(ctx, ANN, FLOAT)
        count = record_count(ctx, ANN, CountInput(FLOAT, frozenset()))
        close_drawer(ctx, ANN, count_id=count.count_id, float_kept=FLOAT)
        assert open_drawer(ctx, BOB, FLOAT).cashier == "bob"
    finally:
        ctx.close()
