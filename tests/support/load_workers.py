"""The processes of the lock load test (tests/integration/test_load_locks.py).

    python -m tests.support.load_workers station DB PAYMENTS SEED UNTIL_FILE
    python -m tests.support.load_workers wrong-sign-ins DB USER_ID STOP_FILE

Run from the project folder. `station` prints "posting", then posts counter payments through
the services as the kill loop's worker does (tests/support/crash_worker.py), timing each, until
it has posted PAYMENTS and UNTIL_FILE exists; then it prints one line of JSON: how many were
posted, how many payments (or cash drops) failed and why, and the p50, p95 and slowest posting
in milliseconds. `wrong-sign-ins` signs in as USER_ID with a wrong password, again and
again, until STOP_FILE exists; it prints how many tries it made and what refused them.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from cashdesk.config import Settings
from cashdesk.services.auth import SignInRefused, sign_in
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import current_drawer, open_drawer
from tests.support.crash_worker import CASHIER, FLOAT, counter_payment, drop_if_full

#: Payments whose failure text is kept in the report (the rest are only counted).
KEEP_ERRORS = 5


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the value below which `share` of the values lie."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def station(db: str, payments: int, seed: int, until: Path) -> dict[str, object]:
    rng = random.Random(seed)
    ctx = ServiceContext.open(db, settings=Settings({"printer.spec": "none"}), quick_check=False)
    if current_drawer(ctx, CASHIER) is None:
        open_drawer(ctx, CASHIER, FLOAT)
    took: list[float] = []
    errors: list[str] = []
    failed = 0
    print("posting", flush=True)
    while len(took) + failed < payments or not until.exists():
        started = time.perf_counter()
        try:
            counter_payment(ctx, rng)
            took.append((time.perf_counter() - started) * 1000)
            drop_if_full(ctx)  # a cashier's write too: it may not fail either
        except Exception as exc:  # counted and reported: the test asserts there are none
            failed += 1
            if len(errors) < KEEP_ERRORS:
                errors.append(f"{type(exc).__name__}: {exc}")
    ctx.close()
    return {
        "posted": len(took), "failed": failed, "errors": errors,
        "p50_ms": round(statistics.median(took), 1) if took else None,
        "p95_ms": round(percentile(took, 0.95), 1) if took else None,
        "max_ms": round(max(took), 1) if took else None,
    }  # fmt: skip


def wrong_sign_ins(db: str, user_id: str, stop: Path) -> dict[str, object]:
    ctx = ServiceContext.open(db, quick_check=False)
    refusals: Counter[str] = Counter()
    while not stop.exists():
        try:
            sign_in(ctx, user_id, "not the password at all")
        except SignInRefused as refused:
            refusals[refused.reason] += 1
        except Exception as exc:  # reported: a refusal in other words is a failure of the test
            refusals[f"{type(exc).__name__}: {exc}"] += 1
    ctx.close()
    return {"tries": sum(refusals.values()), "refusals": dict(refusals)}


def main(argv: list[str]) -> int:
    if argv[0] == "station":
        report = station(argv[1], int(argv[2]), int(argv[3]), Path(argv[4]))
    else:
        report = wrong_sign_ins(argv[1], argv[2], Path(argv[3]))
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
