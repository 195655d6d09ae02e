"""The audit trail: append an event (in the caller's unit of work), verify, export.

Every sign-in, lock, user change, setting change, override and money event is written
here. Details never hold a password or a card number: `record` refuses them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.audit import GENESIS, AuditRecord, ChainCheck, chain_hash, verify_chain
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.security import Permission
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.models import AuditEventRow
from cashdesk.store.posting import Driver, driver

_SECRET_KEYS = ("password", "passwd", "secret", "pan", "card_number", "cvv", "track")


def format_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(session: Session, **event: Any) -> AuditRecord:
    """Append one event to the chain. It lands with the caller's commit, or not at all.

    Written at driver level on the session's connection (the hot path of every posting)."""
    return record_on(driver(session), **event)


def record_on(
    db: Driver,
    *,
    user: str,
    station: str,
    event_type: str,
    object: str = "",
    success: bool = True,
    details: Mapping[str, Any] | None = None,
    at: dt.datetime,
) -> AuditRecord:
    """`record` on a transaction's Driver (counter posting has no ORM session)."""
    details = dict(details or {})
    for key, value in details.items():
        if any(word in key.lower() for word in _SECRET_KEYS):
            raise ValueError(f"audit details may not carry {key!r}")
        if contains_card_number(json.dumps(value, ensure_ascii=False)):
            raise ValueError("audit details may not carry a card number")
    if contains_card_number(object):
        raise ValueError("the audited object may not be a card number")
    last = db.one("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    event = AuditRecord(
        seq=seq,
        at=format_time(at),
        user=user,
        station=station,
        event_type=event_type,
        object=object,
        success=success,
        details=details,
        prev_hash=prev,
    )
    digest = chain_hash(prev, event)
    db.run(
        "INSERT INTO audit_events (seq, at, \"user\", station, event_type, object, success, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, event.at, user, station, event_type, object, success,
         json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False), prev, digest),
    )  # fmt: skip
    return AuditRecord(**{**_asdict(event), "hash": digest})


def _asdict(event: AuditRecord) -> dict[str, Any]:
    return {name: getattr(event, name) for name in AuditRecord.__slots__}  # type: ignore[attr-defined]


def to_record(row: AuditEventRow) -> AuditRecord:
    return AuditRecord(
        seq=row.seq,
        at=row.at,
        user=row.user,
        station=row.station,
        event_type=row.event_type,
        object=row.object,
        success=bool(row.success),
        details=json.loads(row.details),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def iter_records(session: Session, batch: int = 5000) -> Iterator[AuditRecord]:
    """Every event in sequence order, a batch at a time."""
    after = 0
    while True:
        rows = list(
            session.scalars(
                select(AuditEventRow).where(AuditEventRow.seq > after).order_by(AuditEventRow.seq).limit(batch)
            )
        )
        if not rows:
            return
        for row in rows:
            yield to_record(row)
        after = rows[-1].seq


# -- use cases ----------------------------------------------------------------------------

def verify_audit(ctx: ServiceContext) -> ChainCheck:
    """Walk the whole chain; the first event changed, removed or inserted is named."""
    with ctx.db.unit_of_work(write=False) as uow:
        return verify_chain(iter_records(uow.session))


@dataclass(frozen=True, slots=True)
class AuditFilter:
    start: dt.date | None = None  # business dates in the city's time zone, inclusive
    end: dt.date | None = None
    user: str = ""
    event_type: str = ""
    limit: int = 1000


def _utc_bounds(ctx: ServiceContext, start: dt.date | None, end: dt.date | None) -> tuple[str | None, str | None]:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(ctx.settings["city.time_zone"])
    low = format_time(dt.datetime.combine(start, dt.time(), zone)) if start else None
    high = format_time(dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)) if end else None
    return low, high


def list_events(ctx: ServiceContext, actor: Operator, where: AuditFilter) -> list[AuditRecord]:
    """Events for the audit viewer, latest first."""
    actor.require(Permission.VIEW_AUDIT, "view the audit trail")
    if where.start and where.end and where.start > where.end:
        raise ServiceError("The 'from' date is after the 'to' date.")
    low, high = _utc_bounds(ctx, where.start, where.end)
    query = select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(where.limit)
    if low:
        query = query.where(AuditEventRow.at >= low)
    if high:
        query = query.where(AuditEventRow.at < high)
    if where.user:
        query = query.where(AuditEventRow.user == where.user)
    if where.event_type:
        query = query.where(AuditEventRow.event_type == where.event_type)
    with ctx.db.unit_of_work(write=False) as uow:
        return [to_record(row) for row in uow.session.scalars(query)]


def event_types(ctx: ServiceContext) -> list[str]:
    with ctx.db.unit_of_work(write=False) as uow:
        return sorted(uow.session.scalars(select(AuditEventRow.event_type).distinct()))


EXPORT_COLUMNS = ("seq", "at_utc", "user", "station", "event_type", "object", "success", "details", "prev_hash", "hash")


def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas in text cells: the one rule of every CSV (domain.deposit)."""
    from cashdesk.domain.deposit import neutralise

    return neutralise(text)


def export_events(ctx: ServiceContext, actor: Operator, start: dt.date, end: dt.date, out: Path) -> int:
    """Write the events of [start, end] as CSV (docs/formats.md); returns the count.

    The export itself is audited, in the same transaction that reads the events.
    """
    import csv

    actor.require(Permission.VIEW_AUDIT, "export the audit trail")
    if start > end:
        raise ServiceError("The 'from' date is after the 'to' date.")
    if out.is_dir():
        raise ServiceError(f"{out} is a folder: name the CSV file to write, like {out / 'audit.csv'}.")
    if not out.parent.is_dir():
        raise ServiceError(f"There is no folder {out.parent}. Create it first, or choose another place.")
    low, high = _utc_bounds(ctx, start, end)
    tmp = out.with_name(out.name + ".part")
    count = 0
    with ctx.db.unit_of_work() as uow:
        query = (
            select(AuditEventRow)
            .where(AuditEventRow.at >= low, AuditEventRow.at < high)
            .order_by(AuditEventRow.seq)
        )
        try:
            with tmp.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                writer.writerow(EXPORT_COLUMNS)
                for row in uow.session.scalars(query):
                    writer.writerow(
                        [row.seq, row.at, _cell(row.user), _cell(row.station), row.event_type, _cell(row.object),
                         "yes" if row.success else "no", _cell(row.details), row.prev_hash, row.hash]
                    )  # fmt: skip
                    count += 1
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ServiceError(f"Could not write {out}: {exc.strerror or exc}.") from None
        record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="audit_export",
            object=str(out.name), details={"from": start.isoformat(), "to": end.isoformat(), "events": count},
            at=ctx.now(),
        )  # fmt: skip
        tmp.replace(out)
        uow.commit()
    return count
