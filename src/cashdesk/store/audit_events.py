"""The audit trail's rows: the one writer of audit_events (append-only, hash-chained).

services/audit.py decides what may be recorded (no secret, no card number); this module gives
the event its place in the chain and writes it, at driver level in the caller's transaction
(the hot path of every posting). The details are encoded as JSON once, for the row and for the
chain hash (domain/audit.py, `content`).

The chain's last link is read from the table in the caller's transaction (under the write
lock, so no other writer can slip in). Keeping it on the connection between payments was tried
and measured: checking that no one else wrote since (SQLite's data_version) costs one statement,
as much as reading the last event, so it saves nothing (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cashdesk.domain.audit import GENESIS, AuditRecord, chain_hash, details_json
from cashdesk.store.driver import Driver


def last_link(db: Driver) -> tuple[int, str]:
    """(seq, hash) of the chain's last event; (0, GENESIS) when there is none."""
    last = db.one("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def append(db: Driver, *, at: str, user: str, station: str, event_type: str, object: str, success: bool,
           details: Mapping[str, Any]) -> AuditRecord:  # fmt: skip
    """Write one event after the chain's last; the event as written, with its hash."""
    last_seq, prev = last_link(db)
    seq = last_seq + 1
    text = details_json(details)
    event = AuditRecord(seq=seq, at=at, user=user, station=station, event_type=event_type, object=object,
                        success=success, details=details, prev_hash=prev)  # fmt: skip
    digest = chain_hash(prev, event, details_text=text)
    db.run("INSERT INTO audit_events (seq, at, \"user\", station, event_type, object, success, details, prev_hash, "
           "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           (seq, at, user, station, event_type, object, success, text, prev, digest))  # fmt: skip
    return AuditRecord(seq=seq, at=at, user=user, station=station, event_type=event_type, object=object,
                       success=success, details=details, prev_hash=prev, hash=digest)  # fmt: skip
