"""Print jobs: the one way every writer queues a receipt, a slip or a drawer kick.

A job is written in the transaction of what it prints (the payment, the void, the reprint,
the no-sale), at driver level, its time bound as models.py binds it (store/driver.py).
"""

from __future__ import annotations

import datetime as dt

from cashdesk.store.driver import Driver


def add(db: Driver, station: str, kind: str, receipt_id: int | None, payload: bytes, created_at: dt.datetime) -> int:
    """A queued job for the print worker; its id."""
    return db.insert("INSERT INTO print_jobs (station, kind, receipt_id, payload, status, attempts, last_error, "
                     "created_at) VALUES (?, ?, ?, ?, 'queued', 0, '', ?)",
                     (station, kind, receipt_id, payload, db.value(created_at)))  # fmt: skip
