"""A small city of delinquent utility and sales tax accounts for the delinquency run's tests (the run
is on Monday 2026-12-07; docs/delinquency.md works the same accounts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashdesk.store.db import Database
from tests.support import city

D = dt.date

#: number -> (name, kind, [(code, billed, due, cents, paid, period)])
ACCOUNTS: dict[str, tuple[str, str, list[tuple[str, dt.date, dt.date, int, int, str]]]] = {
    # 36 days: a reminder and a late fee of 5% of $123.45 = $6.17; a door tag on 2026-12-16
    "4000000010": ("ALLEN, ANA", "utility", [("WATER", D(2026, 11, 1), D(2026, 11, 21), 12345, 0, "")]),
    # 53 days, $40.00: a reminder and the $5.00 minimum late fee; too little for a door tag
    "4000000028": ("BROWN, BO", "utility", [("WATER", D(2026, 10, 15), D(2026, 11, 4), 4000, 0, "")]),
    # 78 days, $2,000.00: every step, the late fee at its $50.00 cap
    "4000000036": ("CHAVEZ, CY", "utility", [("WATER", D(2026, 9, 20), D(2026, 10, 10), 200000, 0, "")]),
    # 17 days: nothing yet
    "4000000044": ("DAVIS, DI", "utility", [("WATER", D(2026, 11, 20), D(2026, 12, 10), 9000, 0, "")]),
    # 97 days, $100.00, a medical certificate (the tests add it): no door tag or disconnect
    "4000000051": ("EVANS, ED", "utility", [("SEWER", D(2026, 9, 1), D(2026, 9, 21), 10000, 0, "")]),
    # August tax due 2026-09-20, unpaid: a notice, penalty $50.00 and 3 months' interest $15.00
    "5000000018": ("GARCIA TOOLS LLC", "sales_tax", [
        ("SALESTAX", D(2026, 9, 18), D(2026, 9, 20), 50000, 0, "2026-08")]),
    # June tax filed late (penalty and a month's interest charged), still unpaid 140 days on: a notice,
    # 5 months' interest less the month charged ($10.00 - $2.00), a referral to collections
    "5000000026": ("HILL BAKERY INC", "sales_tax", [
        ("SALESTAX", D(2026, 8, 10), D(2026, 7, 20), 20000, 0, "2026-06"),
        ("TAXPEN", D(2026, 8, 10), D(2026, 7, 20), 1500, 0, "2026-06"),
        ("TAXINT", D(2026, 8, 10), D(2026, 7, 20), 200, 0, "2026-06")]),
}  # fmt: skip


def build(path: Path) -> Path:
    db = Database.open(path)
    try:
        with db.unit_of_work() as uow:
            for number, (name, kind, items) in ACCOUNTS.items():
                extra = {"filing_frequency": "monthly"} if kind == "sales_tax" else {}
                row = city.add_account(uow, number, name, f"{number[-3:]} Oak St", "", kind=kind,
                                       mailing_address=f"PO Box {number[-3:]}\nAurelia, CO 80010", **extra)  # fmt: skip
                for code, billed, due, cents, paid, period in items:
                    city.add_item(uow, row, code, code.title(), billed, due, cents, paid, period)
            uow.commit()
    finally:
        db.dispose()
    return path
