"""A window and its office (docs/office.md): set up the office server, join a window to it, and
send the window's rows there.

The window posts to its own SQLite file exactly as a window standing alone does; triggers put
each change to a shared row in the outbox in the same transaction (store/synced.py). `sync`
reads a batch from the outbox, writes it to the office in one PostgreSQL transaction, and only
then takes it out of the outbox: a sender stopped anywhere sends the batch again, which changes
nothing at the office. An office that does not answer leaves the outbox as it is; the window
goes on taking payments, and the next sync sends what waited."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import office_day as office_days
from cashdesk.store import outbox
from cashdesk.store.db import UnitOfWork
from cashdesk.store.office import Office, OfficeUnreachable, WindowState, has_password
from cashdesk.store.synced import DOWNLINK
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: Changes sent in one office transaction.
BATCH = 500


class OfficeRefused(ServiceError):
    pass


def office_at(url: str) -> Office:
    try:
        if has_password(url):
            raise OfficeRefused(
                translate(
                    "office",
                    "The office's address may not carry a password: it would be kept in the database and shown in "
                    "logs. Put the password in the station account's ~/.pgpass file or in PGPASSWORD (docs/office.md).",
                )
            )
        return Office(url)
    except ValueError as exc:
        raise OfficeRefused(translate("office", "That is not an office address: {exc}.").format(exc=exc)) from None


def init_office(operator: Operator, url: str) -> str:
    """Create or upgrade the office's schema (`cashdesk office init`); says what it did."""
    operator.require(Permission.MANAGE_SETTINGS, translate("office", "set up the office server"))
    office = office_at(url)
    try:
        before, now = office.create_schema()
        if before == now:
            return f"The office's schema is up to date (revision {now})."
        return f"The office's schema is at revision {now}" + (f" (it was {before})." if before else " (created).")
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate("office", "The office server at {office} could not be set up: {exc}").format(
                office=where(url), exc=exc
            )
        ) from None
    finally:
        office.close()


@dataclass(frozen=True, slots=True)
class Joined:
    station: str
    url: str
    waiting: int  # the window's rows put in the outbox, to be sent by the next sync

    def describe(self) -> str:
        return (f"Station {self.station} joined the office at {where(self.url)}. {self.waiting:,} changes wait "
                "to be sent: run `cashdesk sync` (or keep it running).")  # fmt: skip


def join_office(ctx: ServiceContext, operator: Operator, url: str, station: str | None = None) -> Joined:
    """Join this window to an office: the office learns the station, the window gets its outbox."""
    operator.require(Permission.MANAGE_SETTINGS, translate("office", "join this window to an office"))
    if station is not None and station != ctx.station:
        raise OfficeRefused(
            translate(
                "office",
                "This window is station {station} (station.id in its settings), not {other}. Set station.id first, "
                "so that its receipt numbers and the office agree.",
            ).format(station=ctx.station, other=station)
        )
    office = office_at(url)
    now = ctx.now()
    try:
        with ctx.db.unit_of_work() as uow:
            joined = outbox.link(uow)
            if joined is not None:
                raise OfficeRefused(
                    translate(
                        "office", "This window already belongs to the office at {office} (as station {station})."
                    ).format(office=where(joined.url), station=joined.station)
                )
            brought = _same_accounts(uow, office, url)
            number = office.welcome(ctx.station, now)
            outbox.join(uow, url, ctx.station, now, number)
            if brought:  # the office's accounts are this window's own: nothing to take back
                for table, version in office.versions().items():
                    outbox.set_mark(uow, table, version)
            waiting = outbox.waiting(uow)
            audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="office_join",
                         object=f"station {ctx.station}", details={"office": where(url)}, at=now)  # fmt: skip
            uow.commit()
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office",
                "The office server at {office} did not answer: {exc}. Nothing was changed; join again once it answers.",
            ).format(office=where(url), exc=exc)
        ) from None
    finally:
        office.close()
    return Joined(ctx.station, url, waiting)


def _same_accounts(uow: UnitOfWork, office: Office, url: str) -> bool:
    """The office's accounts are the ones every window pays on. An office with none takes this
    window's (True); a window with none takes the office's at its first sync; otherwise they must
    be the same accounts under the same ids (windows copied from one city)."""
    theirs = office.master_numbers()
    mine = outbox.master_numbers(uow)
    if not theirs and mine:
        office.bring_master(outbox.master_rows(uow))
        return True
    if mine and mine != theirs:
        raise OfficeRefused(
            translate(
                "office",
                "This window holds {mine:,} accounts of its own and the office at {office} holds {theirs:,} others. "
                "A window joins an office with the office's accounts: start it on a new database (cashdesk init), "
                "join, and its first sync brings them.",
            ).format(mine=len(mine), office=where(url), theirs=len(theirs))
        )
    return False


@dataclass(frozen=True, slots=True)
class Synced:
    sent: int  # rows the office took in this run
    batches: int
    waiting: int  # changes still in the outbox
    problem: str = ""  # why the office was not reached ("" when it was)
    received: int = 0  # the office's master rows (accounts, open items …) taken in

    def describe(self) -> str:
        if self.problem:
            return (f"The office is unreachable ({self.problem}). {self.waiting:,} changes wait in the outbox; this "
                    "window goes on taking payments and sends them when the office answers.")  # fmt: skip
        return (f"Sent {self.sent:,} rows to the office in {self.batches} batches; {self.waiting:,} changes wait. "
                f"Took in {self.received:,} changed accounts, bills and codes.")  # fmt: skip


def sync_once(ctx: ServiceContext, *, batch_size: int = BATCH, most: int | None = None) -> Synced:
    """Send the outbox to the office, batch by batch, until it is empty (or `most` batches)."""
    with ctx.db.unit_of_work(write=False) as uow:
        joined = outbox.link(uow)
    if joined is None:
        raise OfficeRefused(
            translate("office", "This window has not joined an office: `cashdesk station join --office URL` first.")
        )
    _catch_up(ctx)
    office = office_at(joined.url)
    sent = batches = 0
    try:
        _own_range(ctx, office, joined.station)
        while most is None or batches < most:
            with ctx.db.unit_of_work(write=False) as uow:
                batch = outbox.next_batch(uow, batch_size)
                left = outbox.waiting(uow)
            if batch is None:
                if batches == 0:  # nothing to send: still say the window is there (office status)
                    office.receive(joined.station, {}, 0, ctx.now())
                    with ctx.db.unit_of_work() as uow:
                        outbox.contacted(uow, ctx.now(), None)
                        uow.commit()
                break
            office.receive(joined.station, batch.rows, left - batch.entry_count, ctx.now(), batch.moved)
            with ctx.db.unit_of_work() as uow:  # only now: the office has the batch
                outbox.sent(uow, batch, ctx.now())
                uow.commit()
            sent, batches = sent + batch.size, batches + 1
        received = _receive(ctx, office)
    except OfficeUnreachable as exc:
        with ctx.db.unit_of_work() as uow:
            outbox.contacted(uow, ctx.now(), str(exc))
            uow.commit()
        return Synced(sent, batches, _waiting(ctx), str(exc))
    finally:
        office.close()
    return Synced(sent, batches, _waiting(ctx), received=received)


def _catch_up(ctx: ServiceContext) -> None:
    """Tables declared in UPLINK after this window joined get their triggers, and their rows go
    in the outbox: an upgraded window sends them with no step of its own."""
    with ctx.db.unit_of_work(write=False) as uow:
        missing = outbox.undeclared(uow)
        tables = outbox.tables_missing(uow)
    if missing or tables:
        with ctx.db.unit_of_work() as uow:
            outbox.add_window_tables(uow)  # the office's closed days: a window that joined before they came down
            outbox.catch_up(uow, outbox.undeclared(uow))
            uow.commit()


def _own_range(ctx: ServiceContext, office: Office, station: str) -> None:
    """A window that joined before the bills it makes went to the office: the office gives it its
    number (its range of ids), and its own bills and history lines go up from now on."""
    with ctx.db.unit_of_work(write=False) as uow:
        missing = outbox.made_missing(uow)
    if missing:
        number = office.welcome(station, ctx.now())
        with ctx.db.unit_of_work() as uow:
            outbox.add_made(uow, number)
            uow.commit()


@dataclass(frozen=True, slots=True)
class OfficeState:
    """How a window stands with its office, as its banner says it."""

    office: str  # where it is, said to a person (host:port/database)
    station: str
    waiting: int  # changes in the outbox, not yet at the office
    reached_at: dt.datetime | None  # the last time the office answered: balances are as of then
    problem: str  # why the last try did not reach the office ("" when it did)
    as_of: str = ""  # reached_at as the cashier reads it: "13:42" today, "12/04 16:10" before

    @property
    def reachable(self) -> bool:
        return not self.problem

    @property
    def headline(self) -> str:
        """The banner's line: "" while the office answers."""
        if self.reachable:
            return ""
        when = (
            translate("office", "balances as of {as_of}").format(as_of=self.as_of)
            if self.as_of
            else translate("office", "balances as this window last had them")
        )
        return translate("office", "The office is unreachable — {when}").format(when=when)

    @property
    def detail(self) -> str:
        changes = (
            translate("office", "1 change")
            if self.waiting == 1
            else translate("office", "{count:,} changes").format(count=self.waiting)
        )
        return translate(
            "office",
            "Payments go on here and are sent when the office answers ({changes} waiting). "
            "Another window's payments since then are not in these balances. Why: {problem}",
        ).format(changes=changes, problem=self.problem)


def office_state(ctx: ServiceContext) -> OfficeState | None:
    """This window's office and how the last try to reach it went (None: the window stands alone)."""
    with ctx.db.unit_of_work(write=False) as uow:
        joined = outbox.link(uow)
        if joined is None:
            return None
        waiting = outbox.waiting(uow)
    reached = dt.datetime.fromisoformat(joined.last_contact) if joined.last_contact else None
    as_of = ""
    if reached is not None:
        local = reached.astimezone(ZoneInfo(ctx.settings.city.time_zone))
        as_of = local.strftime("%H:%M") if local.date() == ctx.today() else local.strftime("%m/%d %H:%M")
    return OfficeState(where(joined.url), joined.station, waiting, reached, joined.last_problem or "", as_of)


#: Batches a background round sends at most, so that a round ends and reports while a long
#: outbox (a window back after a day offline) drains.
ROUND_BATCHES = 20


def sync_round(ctx: ServiceContext) -> OfficeState | None:
    """One background round of the window's sender: send what waits (up to ROUND_BATCHES batches),
    take in what changed at the office, and say how things stand. None: no office joined."""
    if office_state(ctx) is None:
        return None
    sync_once(ctx, most=ROUND_BATCHES)
    return office_state(ctx)


def through_office(ctx: ServiceContext, doing: str, check: Callable[[Office], None] | None = None) -> bool:
    """Work that is safe only through the office (committing a shut-off list, docs/office.md): at a
    window of an office, send what waits and take in the office's balances first, then run `check`
    against the office (it refuses in words). While the office does not answer, refused in words,
    nothing changed. False: the window stands alone, nothing to wait for."""
    if office_state(ctx) is None:
        return False
    synced = sync_once(ctx)
    office = office_at(_joined_url(ctx))
    try:
        if synced.problem:
            raise OfficeUnreachable(synced.problem)
        if check is not None:
            check(office)
    except OfficeUnreachable as exc:
        state = office_state(ctx)
        since = (
            translate("office", " since {as_of}").format(as_of=state.as_of) if state is not None and state.as_of else ""
        )
        where_ = state.office if state is not None else translate("office", "of this window")
        raise OfficeRefused(
            translate(
                "office",
                "{doing} waits for the office: the office at {office} does not answer ({exc}). Other windows' "
                "payments{since} may not be in this window's balances. Nothing was changed; do it again once the "
                "office answers.",
            ).format(doing=doing, office=where_, exc=exc, since=since)
        ) from None
    finally:
        office.close()
    return True


def release_shutoff_list(ctx: ServiceContext, on: dt.date) -> None:
    """The day's shut-off list claimed at the office and then not committed here: given back, so that
    another window may commit it. Best effort: an office that does not answer keeps the claim this
    window's, and this window commits the list when it is tried again."""
    office = office_at(_joined_url(ctx))
    try:
        office.release_shutoff_list(on, ctx.station)
    except OfficeUnreachable as exc:
        log.warning("the shut-off list of %s stays claimed by this window at the office: %s", on, exc)
    finally:
        office.close()


def _joined_url(ctx: ServiceContext) -> str:
    with ctx.db.unit_of_work(write=False) as uow:
        joined = outbox.link(uow)
    if joined is None:  # pragma: no cover - asked only of a window that has joined
        raise OfficeRefused(translate("office", "This window has not joined an office."))
    return joined.url


#: Master rows taken from the office in one window transaction.
DOWN_BATCH = 5000


def _receive(ctx: ServiceContext, office: Office) -> int:
    """The office's accounts, open items, codes and history changed since this window's marks,
    each table in order, a batch a transaction (after this window's own rows went up, so the
    office's running figures already count them)."""
    received = 0
    for shared in DOWNLINK:
        while True:
            with ctx.db.unit_of_work(write=False) as uow:
                since = outbox.mark(uow, shared.table)
            rows = office.changed_since(shared.table, since, DOWN_BATCH)
            if not rows:
                break
            with ctx.db.unit_of_work() as uow:
                outbox.apply(uow, shared.table, rows)
                uow.commit()
            received += len(rows)
            if len(rows) < DOWN_BATCH:
                break
    closed = office_days.closed_since(office, ctx.today() - CLOSED_DAYS_BACK)
    if closed:
        with ctx.db.unit_of_work() as uow:
            received += outbox.closed_by_office(uow, closed)
            uow.commit()
    return received


#: How far back a window takes the office's closed days: a drawer left open over days posts to the day it opened.
CLOSED_DAYS_BACK = dt.timedelta(days=31)


def _waiting(ctx: ServiceContext) -> int:
    with ctx.db.unit_of_work(write=False) as uow:
        return outbox.waiting(uow)


@dataclass(frozen=True, slots=True)
class Merged:
    station: str
    new: dict[str, int]  # table -> rows the office did not have
    seen: int  # rows read from the file

    def describe(self) -> str:
        added = sum(self.new.values())
        listed = ", ".join(f"{n:,} {table.replace('_', ' ')}" for table, n in self.new.items() if n)
        return (f"Merged station {self.station}'s file into the office: {added:,} of its {self.seen:,} rows were new"
                + (f" ({listed})." if listed else "; the office had everything already."))  # fmt: skip


def merge_file(ctx: ServiceContext, operator: Operator, url: str) -> Merged:
    """Merge a window's file (`ctx`: its database or its last backup, opened read-only) into the
    office: every shared row the office lacks, and what the window moved and never sent. Rows
    the office has already change nothing; the report says what was new."""
    operator.require(Permission.MANAGE_SETTINGS, translate("office", "merge a window's file into the office"))
    with ctx.db.unit_of_work(write=False) as uow:
        joined = outbox.link(uow)
        taken_at = outbox.stations(uow)
    station = joined.station if joined is not None else (taken_at[0] if len(taken_at) == 1 else "")
    if not station:
        raise OfficeRefused(
            translate(
                "office",
                "This file's receipts were not taken at one station ({stations}): it cannot be merged as one window's.",
            ).format(stations=", ".join(taken_at) or translate("office", "none"))
        )
    office = office_at(url)
    new: dict[str, int] = {}
    seen = 0
    try:
        with ctx.db.unit_of_work(write=False) as uow:
            for batch in outbox.every_row(uow, BATCH):
                for table, n in office.receive(station, batch.rows, 0, ctx.now(), batch.moved).items():
                    new[table] = new.get(table, 0) + n
                seen += batch.size
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office",
                "The office server at {office} did not answer: {exc}. What was merged stays; merge again to finish "
                "(nothing is doubled).",
            ).format(office=where(url), exc=exc)
        ) from None
    finally:
        office.close()
    return Merged(station, new, seen)


def office_status(url: str) -> list[WindowState]:
    """Each window the office knows: last contact, what it still had to send then, its open
    drawers and receipts at the office."""
    office = office_at(url)
    try:
        return office.windows()
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate("office", "The office server at {office} did not answer: {exc}").format(
                office=where(url), exc=exc
            )
        ) from None
    finally:
        office.close()


def where(url: str) -> str:
    """The office's address as said to a person: host, port and database, never a password."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return f"{host}:{parts.port or 5432}{parts.path or '/'}"
