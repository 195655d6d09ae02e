"""The audit trail: append an event (in the caller's unit of work), verify, export.

Every sign-in, lock, user change, setting change, override and money event is written
here. Details never hold a password or a card number: `record` refuses them, except in a
folder or file path, where a card-like digit run is starred instead (docs/bad-input.md).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain import row_digests
from cashdesk.domain.audit import AuditRecord, ChainCheck, UnreadableEvent, read_details, verify_chain
from cashdesk.domain.cards import contains_card_number, mask_cards
from cashdesk.domain.security import Permission
from cashdesk.services.context import DatabaseError, Operator, ServiceContext, ServiceError
from cashdesk.store import audit_events, guards, sealed
from cashdesk.store.db import Database
from cashdesk.store.models import AuditEventRow
from cashdesk.store.posting import Driver, driver
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: The event that says the database's guards were put back (services.setup, services.health).
GUARDS_EVENT = "guards_restored"

_SECRET_KEYS = ("password", "passwd", "secret", "pan", "card_number", "cvv", "track")


_DIGEST_KEYS = (row_digests.DIGESTS, row_digests.RECEIPT_DIGESTS)
#: Details that name a folder or a file the person chose: a digit run in them that looks like
#: a card (a folder named by a number) is starred, not refused, so the files already written
#: are still recorded. A path is never where a card number is typed.
_PATH_KEYS = frozenset({"folder", "file", "path", "source", "target"})
_FILE_NAME = re.compile(r"[/\\]|\.[A-Za-z][A-Za-z0-9]{0,4}$")
_SECRET = re.compile("|".join(_SECRET_KEYS))  # one search, not one per word: every posting's keys
_A_DIGIT = re.compile(r"[0-9]")
_DIGEST = re.compile(r"[a-z2-7]{52}|[0-9a-f]{64}")  # domain/row_digests.py: base32, or hex before


def _only_digests(value: object) -> bool:
    """{name: SHA-256}, with names that are no card number either (names without a digit, as a
    posting's parts are, hold none, even written as JSON)."""
    if not isinstance(value, dict) or not all(isinstance(v, str) and _DIGEST.fullmatch(v) for v in value.values()):
        return False
    names = list(value)
    if all(isinstance(name, str) for name in names) and not _A_DIGIT.search("".join(names)):
        return True
    return not contains_card_number(json.dumps(names, ensure_ascii=False))


class MaskCardNumbers(logging.Filter):
    """Stars card-like digit runs in a logger's records: a file or folder name in a message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_cards(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


def _is_path(text: str) -> bool:
    """A folder or file path ("/exports/20261204080000", "lockbox 4111.csv"), not a typed value."""
    return bool(_FILE_NAME.search(text))


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
    checked: list[str] = []
    for key, value in details.items():
        if _SECRET.search(key.lower()):
            raise ValueError(f"audit details may not carry {key!r}")
        if key in _DIGEST_KEYS and _only_digests(value):
            # SHA-256s the program computed (hex in events before issue 13: some held card-like runs).
            continue
        if key in _PATH_KEYS and isinstance(value, str):
            details[key] = mask_cards(value)
        checked.append(key)
    # All values at once (a card-like run never crosses a comma or a quote into the next value);
    # each is looked at only to name the one.
    if checked and contains_card_number(json.dumps([details[key] for key in checked], ensure_ascii=False)):
        for key in checked:
            if contains_card_number(json.dumps(details[key], ensure_ascii=False)):
                raise ValueError(f"audit details may not carry a card number (in {key!r})")
    if _is_path(object):
        object = mask_cards(object)
    if contains_card_number(object):
        raise ValueError("the audited object may not be a card number")
    return audit_events.append(db, at=format_time(at), user=user, station=station, event_type=event_type,
                               object=object, success=success, details=details)  # fmt: skip


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


# -- verifying the trail, and the money rows against it --------------------------------------------

#: The stored text cells of an event, and how a person calls them.
_TEXT_CELLS = (("at", "time"), ("user", "user"), ("station", "station"), ("event_type", "event type"),
               ("object", "object"), ("details", "details"), ("prev_hash", "link to the event before"),
               ("hash", "hash"))  # fmt: skip


def _stored_record(row: tuple[Any, ...]) -> AuditRecord | UnreadableEvent:
    """An event as stored, or what keeps it from being read (a garbled cell is named, not raised)."""
    seq, success, cells = int(row[0]), row[1], row[2:]
    texts: dict[str, str] = {}
    for (name, words), value in zip(_TEXT_CELLS, cells, strict=True):
        verb = "are" if name == "details" else "is"
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                return UnreadableEvent(seq, f"its {words} {verb} not valid text")
        if not isinstance(value, str):
            return UnreadableEvent(seq, f"its {words} {verb} missing")
        texts[name] = value
    try:
        details = read_details(texts["details"])
    except ValueError as exc:
        return UnreadableEvent(seq, str(exc), texts["prev_hash"], texts["hash"])
    return AuditRecord(seq=seq, at=texts["at"], user=texts["user"], station=texts["station"],
                       event_type=texts["event_type"], object=texts["object"], success=bool(success),
                       details=details, prev_hash=texts["prev_hash"], hash=texts["hash"])  # fmt: skip


def stored_records(db: Driver, batch: int = 5000) -> Iterator[AuditRecord | UnreadableEvent]:
    """Every event in sequence order, a batch at a time, read cell by cell as stored.

    On SQLite the text cells are read as bytes, so a cell that is not valid UTF-8 is named
    instead of stopping the read."""
    cells = ", ".join(f'CAST("{name}" AS BLOB)' if db.is_sqlite else f'"{name}"' for name, _ in _TEXT_CELLS)
    after = 0
    while True:
        rows = db.all(f"SELECT seq, success, {cells} FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?",
                      (after, batch))  # fmt: skip
        if not rows:
            return
        for row in rows:
            yield _stored_record(tuple(row))
        after = int(rows[-1][0])


@dataclass(frozen=True, slots=True)
class TrailProblem:
    """Something `audit verify` found, in words; `seq` is the event it concerns, if one."""

    message: str
    seq: int | None = None


@dataclass(frozen=True, slots=True)
class TrailCheck:
    """What `audit verify` found: the chain, then the money rows and the database's guards.

    Other checks (anchors outside the file) add their problems with dataclasses.replace."""

    chain: ChainCheck
    problems: tuple[TrailProblem, ...] = ()  # after the chain's: first found first
    money_events: int = 0  # money events whose rows were checked against their digests
    unsealed_events: int = 0  # money events written before digests existed: rows not checked
    notes: tuple[str, ...] = ()  # worth an auditor's look, not a failure (guards put back)

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.problems

    @property
    def events(self) -> int:
        return self.chain.events

    @property
    def first_bad_seq(self) -> int | None:
        if not self.chain.ok:
            return self.chain.first_bad_seq
        return self.problems[0].seq if self.problems else None

    @property
    def problem(self) -> str:
        if not self.chain.ok:
            return self.chain.problem
        return self.problems[0].message if self.problems else ""


class _MoneyRows:
    """Checks each money event's digests against its rows as they are now."""

    def __init__(self, db: Driver) -> None:
        self.db = db
        self.problems: list[TrailProblem] = []
        self.checked = 0
        self.unsealed = 0
        self.notes: list[str] = []

    def check(self, record: AuditRecord | UnreadableEvent) -> None:
        if not isinstance(record, AuditRecord):
            return
        if record.event_type == GUARDS_EVENT:
            names = record.details.get("triggers", [])
            self.notes.append(f"event {record.seq} ({record.at[:10]}, {record.user}) put back guards that were "
                              f"missing or changed: {', '.join(map(str, names))}")  # fmt: skip
            return
        event = row_digests.SEALED_EVENTS.get(record.event_type)
        if event is None or not record.success:
            return
        recorded = record.details.get(row_digests.DIGESTS)
        if not isinstance(recorded, dict):
            self.unsealed += 1  # written by a version before digests
            return
        seq = record.seq
        try:
            found = sealed.read(self.db, record.event_type, record.object, record.details)
        except sealed.Unreadable as exc:
            self.problems.append(TrailProblem(f"event {seq} ({record.event_type} of {record.object}) cannot be "
                                              f"checked: {exc}", seq))  # fmt: skip
            return
        except Exception as exc:  # a damaged or retyped cell: named, never a traceback
            self.problems.append(TrailProblem(f"the rows of event {seq} ({record.event_type} of {record.object}) "
                                              f"cannot be read: {exc}", seq))  # fmt: skip
            return
        self.checked += 1
        mismatches = row_digests.compare(recorded, found.parts)
        by_receipt = record.details.get(row_digests.RECEIPT_DIGESTS)
        if (
            record.event_type == "mail_batch_post"
            and isinstance(by_receipt, dict)
            and self._mail_receipts(record, event, found, by_receipt, mismatches)
        ):
            mismatches = [m for m in mismatches if m.part not in row_digests.RECEIPT_PARTS]
        for mismatch in mismatches:
            self.problems.append(TrailProblem(row_digests.describe(found.thing, event, mismatch, seq), seq))

    def _mail_receipts(self, record: AuditRecord, event: row_digests.SealedEvent, found: sealed.Sealed,
                       recorded: dict[str, Any], mismatches: list[row_digests.Mismatch]) -> bool:  # fmt: skip
        """Name each receipt of a mail batch whose rows no longer match; True when one was."""
        seq, batch = record.seq, record.object
        parts = [m.part for m in mismatches if m.part in row_digests.RECEIPT_PARTS and not m.gone]
        which = parts[0] if parts else row_digests.ROWS
        named = False
        for number, expected in recorded.items():
            now = found.receipts.get(number)
            if now is None:
                self.problems.append(TrailProblem(f"receipt {number} (mail batch {batch}) is gone (event {seq} "
                                                  "wrote it)", seq))  # fmt: skip
            elif row_digests.combined(now, old_hex=row_digests.is_old_hex(str(expected))) != expected:
                self.problems.append(TrailProblem(f"receipt {number} (mail batch {batch}): "
                                                  f"{which.differs(event.what)} (event {seq})", seq))  # fmt: skip
            else:
                continue
            named = True
        for number in sorted(found.receipts.keys() - recorded.keys()):
            self.problems.append(TrailProblem(f"receipt {number} is in mail batch {batch}, but was not posted with "
                                              f"it (event {seq})", seq))  # fmt: skip
            named = True
        return named


def _unrecorded(db: Driver) -> list[TrailProblem]:
    """Receipts no event posted, voids and mail reversals no event made: written into the file by hand."""
    problems = [TrailProblem(f"receipt {number} is not in the audit trail: no event posted it (it was written "
                             "outside cashdesk)") for (number,) in db.all(
        "SELECT r.number FROM receipts r WHERE (r.channel != 'mail' AND r.number NOT IN "
        "(SELECT object FROM audit_events WHERE event_type = 'post')) OR (r.channel = 'mail' AND NOT EXISTS "
        "(SELECT 1 FROM mail_items i JOIN mail_batches b ON b.id = i.batch_id WHERE i.receipt_id = r.id "
        "AND b.number IN (SELECT object FROM audit_events WHERE event_type = 'mail_batch_post'))) "
        "ORDER BY r.id LIMIT 100")]  # fmt: skip
    problems += [TrailProblem(f"receipt {number} is marked void, but no void of it is in the audit trail")
                 for (number,) in db.all(
        "SELECT number FROM receipts WHERE status = 'void' AND number NOT IN (SELECT object FROM audit_events "
        "WHERE event_type IN ('void', 'mail_reversal')) ORDER BY id LIMIT 100")]  # fmt: skip
    problems += [TrailProblem(f"remittance {seq} of mail batch {batch} is marked reversed, but no reversal of it "
                              "is in the audit trail") for batch, seq in db.all(
        "SELECT b.number, i.seq FROM mail_items i JOIN mail_batches b ON b.id = i.batch_id "
        "LEFT JOIN receipts r ON r.id = i.receipt_id WHERE i.status = 'reversed' AND coalesce(r.number, '') "
        "NOT IN (SELECT object FROM audit_events WHERE event_type = 'mail_reversal') "
        "ORDER BY i.id LIMIT 100")]  # fmt: skip
    return problems


def verify_audit(ctx: ServiceContext) -> TrailCheck:
    """Walk the whole chain (the first event changed, removed, inserted or unreadable is named),
    check each money event's rows against the digests it recorded, look for receipts and voids
    the trail does not know, and for the database's guards (store/guards.py)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with ctx.db.unit_of_work(write=False) as uow:
            db = driver(uow.session)
            money = _MoneyRows(db)
            records = stored_records(db)

            def watched() -> Iterator[AuditRecord | UnreadableEvent]:
                for record in records:
                    money.check(record)
                    yield record

            chain = verify_chain(watched())
            for record in records:  # past a break, the money rows are still worth checking
                money.check(record)
            problems = money.problems + _unrecorded(db)
            problems += [TrailProblem(f"{gone.describe()}: someone took it out of the database file; `cashdesk "
                                      "init` or the window's start puts it back")
                         for gone in guards.missing(db)]  # fmt: skip
            return TrailCheck(chain, tuple(problems), money.checked, money.unsealed, tuple(money.notes))
    except (sqlite3.Error, SQLAlchemyError) as exc:
        raise DatabaseError(
            translate(
                "audit",
                "The database could not be read to the end ({reason}). Restore it from the latest "
                "backup, and keep this file for the auditor.",
            ).format(reason=exc)
        ) from None


def restore_guards(database: Database, *, user: str, station: str, at: dt.datetime) -> tuple[str, ...]:
    """Put back the database's guards that are missing or changed, and record it in the trail
    ("guards_restored"). The names put back; () when all were in place (nothing is written)."""
    with database.unit_of_work(write=False) as uow:
        if not guards.missing(driver(uow.session)):
            return ()
    with database.unit_of_work() as uow:
        db = driver(uow.session)
        gone = guards.missing(db)
        if not gone:
            return ()
        guards.put_back(db, gone)
        names = tuple(g.guard.name for g in gone)
        log.warning("put back the database's guards that were missing or changed: %s", ", ".join(names))
        record_on(db, user=user, station=station, event_type=GUARDS_EVENT, object="database",
                  details={"triggers": list(names), "changed": [g.guard.name for g in gone if g.changed]},
                  at=at)  # fmt: skip
        uow.commit()
    return names


# -- use cases ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditFilter:
    start: dt.date | None = None  # business dates in the city's time zone, inclusive
    end: dt.date | None = None
    user: str = ""
    event_type: str = ""
    limit: int = 1000


def _utc_bounds(ctx: ServiceContext, start: dt.date | None, end: dt.date | None) -> tuple[str | None, str | None]:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(ctx.settings.city.time_zone)
    low = format_time(dt.datetime.combine(start, dt.time(), zone)) if start else None
    high = format_time(dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)) if end else None
    return low, high


def list_events(ctx: ServiceContext, actor: Operator, where: AuditFilter) -> list[AuditRecord]:
    """Events for the audit viewer, latest first."""
    actor.require(Permission.VIEW_AUDIT, translate("audit", "view the audit trail"))
    if where.start and where.end and where.start > where.end:
        raise ServiceError(translate("audit", "The 'from' date is after the 'to' date."))
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

    actor.require(Permission.VIEW_AUDIT, translate("audit", "export the audit trail"))
    if start > end:
        raise ServiceError(translate("audit", "The 'from' date is after the 'to' date."))
    if out.is_dir():
        raise ServiceError(
            translate("audit", "{out} is a folder: name the CSV file to write, like {example}.").format(
                out=out, example=out / "audit.csv"
            )
        )
    if not out.parent.is_dir():
        raise ServiceError(
            translate("audit", "There is no folder {parent}. Create it first, or choose another place.").format(
                parent=out.parent
            )
        )
    low, high = _utc_bounds(ctx, start, end)
    tmp = out.with_name(out.name + ".part")
    count = 0
    with ctx.db.unit_of_work() as uow:
        query = (
            select(AuditEventRow).where(AuditEventRow.at >= low, AuditEventRow.at < high).order_by(AuditEventRow.seq)
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
            raise ServiceError(
                translate("audit", "Could not write {out}: {strerror}.").format(out=out, strerror=exc.strerror or exc)
            ) from None
        record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="audit_export",
            object=str(out.name), details={"from": start.isoformat(), "to": end.isoformat(), "events": count},
            at=ctx.now(),
        )  # fmt: skip
        tmp.replace(out)
        uow.commit()
    return count
