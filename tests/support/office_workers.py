"""The processes of the office fault test (tests/office/test_office_faults.py).

    python -m tests.support.office_workers post DB STATION PAYMENTS SEED
    python -m tests.support.office_workers sync DB STATION STOP_FILE

Run from the project folder. `post` takes PAYMENTS counter payments at the window through the
services, as the kill loop's worker does (tests/support/crash_worker.py), with a cash drop when
the drawer fills, and prints one line of JSON: how many were posted and how many failed.
`sync` sends the window's outbox to its office over and over (`sync_once`), the office down or
up, until STOP_FILE exists and nothing waits; it prints one line of JSON: its rounds and how
many found the office unreachable.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

from cashdesk.config import Settings
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import current_drawer, open_drawer
from cashdesk.services.office import sync_once
from tests.support.crash_worker import CASHIER, FLOAT, counter_payment, drop_if_full


def context(db: str, station: str) -> ServiceContext:
    return ServiceContext.open(db, settings=Settings({"printer.spec": "none", "station.id": station}),
                               quick_check=False)  # fmt: skip


def post(db: str, station: str, payments: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    ctx = context(db, station)
    if current_drawer(ctx, CASHIER) is None:
        open_drawer(ctx, CASHIER, FLOAT)
    posted = failed = 0
    errors: list[str] = []
    while posted < payments:
        try:
            counter_payment(ctx, rng)
            posted += 1
            drop_if_full(ctx)
        except Exception as exc:  # reported: the test asserts there are none
            failed += 1
            said = f"{type(exc).__name__}: {exc}"
            errors.append(said if errors else f"{said}\n{traceback.format_exc()[-1500:]}")
            if failed > 20:
                break
    ctx.close()
    return {"posted": posted, "failed": failed, "errors": errors[:5]}


def sync(db: str, station: str, stop: Path) -> dict[str, object]:
    ctx = context(db, station)
    rounds = unreachable = 0
    print("sending", flush=True)
    while True:
        done = sync_once(ctx, batch_size=50)
        rounds += 1
        unreachable += bool(done.problem)
        if stop.exists() and not done.problem and done.waiting == 0:
            break
        time.sleep(0.05)
    ctx.close()
    return {"rounds": rounds, "unreachable": unreachable}


if __name__ == "__main__":
    mode, db, station, *rest = sys.argv[1:]
    if mode == "post":
        print(json.dumps(post(db, station, int(rest[0]), int(rest[1]))), flush=True)
    else:
        print(json.dumps(sync(db, station, Path(rest[0]))), flush=True)
