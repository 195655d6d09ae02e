"""A small city of delinquent utility accounts for the service-order and arrangement tests, with
what those tests share: the week's clock, the staff, the fixtures (`path`, `clock`, `ctx`: import
them into a test module), a raw read and a cash payment."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, PostedReceipt, post_receipt
from cashdesk.store.db import Database
from tests.support import city

MONDAY = dt.datetime(2026, 12, 7, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
TUESDAY = dt.date(2026, 12, 8)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("ssuper", Role.SUPERVISOR)

OLD = dt.date(2026, 8, 1)  # billed long enough ago for the shut-off list in December
RECENT = dt.date(2026, 11, 20)

#: number -> (name, status, [(code, billed, cents)], deposit held)
ACCOUNTS = {
    "3000000011": ("ADAMS, AL", "active", [("WATER", OLD, 6000), ("SEWER", OLD, 3000), ("WATER", RECENT, 4000)], 0),
    "3000000029": ("BAKER, BEA", "active", [("WATER", OLD, 3000)], 0),  # under the minimum
    "3000000037": ("CRUZ, CARLA", "active", [("WATER", OLD, 9000)], 0),  # medical certificate (the tests add it)
    "3000000045": ("DIAZ, DAN", "active", [("WATER", RECENT, 9000)], 0),  # not old enough
    "3000000052": ("EVANS, EVE", "shut_off", [("WATER", OLD, 2000)], 0),  # disconnected
    "3000000060": ("FOX, FAY", "active", [("WATER", RECENT, 4000), ("WATER", OLD, 2000)], 20000),  # moving out
}


def build(path: Path) -> Path:
    db = Database.open(path)
    try:
        with db.unit_of_work() as uow:
            for number, (name, status, items, deposit) in ACCOUNTS.items():
                row = city.add_account(uow, number, name, f"{number[-3:]} Elm St", "", status=status,
                                       deposit_held_cents=deposit)  # fmt: skip
                for code, billed, cents in items:
                    city.add_item(uow, row, code, code.title(), billed, billed + dt.timedelta(days=20), cents, 0, "")
            uow.commit()
    finally:
        db.dispose()
    return path


class Clock:
    """The services' clock, which a test moves (`clock.at`)."""

    def __init__(self) -> None:
        self.at = MONDAY

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def path(db_path: Path) -> Path:
    return build(db_path)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(path: Path, clock: Clock) -> Iterator[ServiceContext]:
    """The city on the test's clock, the cashier's drawer open."""
    context = ServiceContext.open(path, settings=Settings())
    context.clock = clock
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def pay(ctx: ServiceContext, account: str, cents: int) -> PostedReceipt:
    """The cashier takes `cents` in cash on one account, any excess kept as credit."""
    return post_receipt(ctx, CASHIER, Cart((AccountPayment(account, Money(cents), True),)),
                        [Tender(TenderKind.CASH, Money(cents))])  # fmt: skip
