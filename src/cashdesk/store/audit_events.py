"""The audit trail's rows: the one writer of audit_events (append-only, hash-chained).

services/audit.py decides what may be recorded (no secret, no card number); this module gives
the event its place in the chain and writes it, at driver level in the caller's transaction
(the hot path of every posting). The details are encoded as JSON once, for the row and for the
chain hash (domain/audit.py, `content`).

The chain's last link is read from the table, or taken from the event this driver wrote last
when no other connection has committed since (SQLite's data_version, which a connection's own
commits leave as it is). Every writer in a unit of work shares its driver (store/driver.py,
`driver`), so no event is written on the connection unseen; the unit of work forgets the link
when its transaction is rolled back (store/db.py), and the kept connection of counter posting
carries it from one payment to the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from cashdesk.domain.audit import GENESIS, AuditRecord, chain_hash, details_json
from cashdesk.store.driver import Driver


class Tail(NamedTuple):
    """The last event a driver wrote, and SQLite's data_version when it did."""

    seq: int
    hash: str
    data_version: int


def _data_version(db: Driver) -> int | None:
    """SQLite's count of other connections' commits, as this connection sees it; None elsewhere."""
    if not db.is_sqlite:
        return None
    row = db.one("PRAGMA data_version")
    return int(row[0]) if row is not None else None


def _last(db: Driver, version: int | None) -> tuple[int, str]:
    tail: Tail | None = db.audit_tail
    if tail is not None and version is not None and version == tail.data_version:
        return tail.seq, tail.hash  # nothing written since this connection's last event
    last = db.one("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def last_link(db: Driver) -> tuple[int, str]:
    """(seq, hash) of the chain's last event; (0, GENESIS) when there is none."""
    return _last(db, _data_version(db))


def append(db: Driver, *, at: str, user: str, station: str, event_type: str, object: str, success: bool,
           details: Mapping[str, Any]) -> AuditRecord:  # fmt: skip
    """Write one event after the chain's last; the event as written, with its hash."""
    version = _data_version(db)
    last_seq, prev = _last(db, version)
    seq = last_seq + 1
    text = details_json(details)
    event = AuditRecord(seq=seq, at=at, user=user, station=station, event_type=event_type, object=object,
                        success=success, details=details, prev_hash=prev)  # fmt: skip
    digest = chain_hash(prev, event, details_text=text)
    db.run("INSERT INTO audit_events (seq, at, \"user\", station, event_type, object, success, details, prev_hash, "
           "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           (seq, at, user, station, event_type, object, success, text, prev, digest))  # fmt: skip
    db.audit_tail = None if version is None else Tail(seq, digest, version)
    return AuditRecord(seq=seq, at=at, user=user, station=station, event_type=event_type, object=object,
                       success=success, details=details, prev_hash=prev, hash=digest)  # fmt: skip
