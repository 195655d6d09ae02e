"""A small city of delinquent utility accounts for the service-order tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashdesk.store.db import Database
from tests.support import city

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
