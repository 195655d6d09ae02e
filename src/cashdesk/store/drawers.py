"""A cash drawer's rows at driver level: the drawer a cashier posts into, and the cash it holds.

Counter posting reads and moves the drawer here, inside its unit of work (store/driver.py);
opening and closing a drawer, which are not at the hot path, go through the ORM (services/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.store.driver import Driver, stored_date


@dataclass(frozen=True, slots=True)
class OpenDrawer:
    id: int
    business_date: dt.date
    cash_cents: int


def open_drawer_of(db: Driver, station: str, cashier: str) -> OpenDrawer | None:
    row = db.one("SELECT id, business_date, cash_cents FROM drawers WHERE station = ? AND cashier = ? "
                 "AND status = 'open'", (station, cashier))  # fmt: skip
    if row is None:
        return None
    day = stored_date(row[1])
    assert day is not None
    return OpenDrawer(int(row[0]), day, int(row[2]))


def move_drawer_cash(db: Driver, drawer_id: int, cents: int) -> None:
    if cents:
        db.run("UPDATE drawers SET cash_cents = cash_cents + ? WHERE id = ?", (cents, drawer_id))
