"""The office server: PostgreSQL through psycopg 3 (docs/office.md).

It holds every window's shared rows (store/synced.py) in tables of the same names, keyed by the
window's station and the row's own key, so that a batch sent twice changes nothing: each row is
written with `INSERT … ON CONFLICT … DO UPDATE` (or `DO NOTHING` for the trail, never changed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, create_engine, func, insert, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from cashdesk.domain.office import settle_paid
from cashdesk.store.synced import (
    DELTAS,
    DOWNLINK,
    MADE_AT_WINDOWS,
    MOVED,
    SHUTOFF_LISTS,
    UPLINK,
    WINDOW_STATION,
    Shared,
    office_metadata,
)

#: How long a window waits for the office to answer a connection before it says it is unreachable.
CONNECT_TIMEOUT_S = 3

METADATA = office_metadata()


class OfficeUnreachable(Exception):
    """The office server did not answer, or the connection broke: the window goes on offline."""


def sqlalchemy_url(url: str) -> str:
    """postgresql://… as a person writes it, with psycopg 3 named as the driver."""
    scheme, rest = url.split("://", 1)
    if scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise ValueError(f"an office is a PostgreSQL server: postgresql://HOST:PORT/DATABASE, not {scheme}://")
    return f"postgresql+psycopg://{rest}"


def has_password(url: str) -> bool:
    return urlsplit(url).password is not None


@dataclass(frozen=True, slots=True)
class WindowState:
    station: str
    joined_at: dt.datetime
    last_contact: dt.datetime | None
    outbox_after_contact: int
    rows_received: int
    open_drawers: int
    receipts: int


@dataclass(frozen=True, slots=True)
class Claim:
    """Who has a day's shut-off list at the office; `fresh`: claimed just now (not held before)."""

    station: str
    claimed_by: str
    claimed_at: dt.datetime
    fresh: bool


class Office:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(
            sqlalchemy_url(url), pool_pre_ping=True, pool_size=2, max_overflow=2,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "cashdesk"},
        )  # fmt: skip

    def close(self) -> None:
        self.engine.dispose()

    def create_schema(self) -> tuple[str | None, str]:
        """Create or upgrade the office's schema with its Alembic revisions, in one transaction
        (`cashdesk office init`). Returns (revision before, revision now)."""
        from alembic import command  # deferred: only `office init` needs Alembic
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).with_name("office_migrations")))
        try:
            with self.engine.connect() as con, con.begin():
                before = MigrationContext.configure(con).get_current_revision()
                config.attributes["connection"] = con
                command.upgrade(config, "head")
                now = MigrationContext.configure(con).get_current_revision()
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None
        return before, str(now)

    def welcome(self, station: str, now: dt.datetime) -> int:
        """A window joins: its row in office_windows (again: nothing changes). Returns the window's
        number, which gives it its range of ids (store/own_ids.py)."""
        windows = METADATA.tables["office_windows"]
        try:
            with self.engine.begin() as con:
                con.execute(pg_insert(windows).values(station=station, joined_at=now, outbox_after_contact=0,
                                                      rows_received=0).on_conflict_do_nothing())  # fmt: skip
                return int(con.execute(select(windows.c.number).where(windows.c.station == station)).scalar_one())
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def receive(self, station: str, rows: Mapping[str, Sequence[Mapping[str, Any]]], left: int,
                now: dt.datetime, moved: Sequence[Mapping[str, Any]] = ()) -> dict[str, int]:  # fmt: skip
        """One batch of a window's rows, and how much it moved running figures, in one
        transaction: all of it is in the office, or none."""
        windows = METADATA.tables["office_windows"]
        received = sum(len(r) for r in rows.values())
        new: dict[str, int] = {}
        try:
            with self.engine.begin() as con:
                for shared in MADE_AT_WINDOWS:  # the bills first, then what pays them
                    batch = rows.get(shared.table)
                    if batch:
                        new[shared.table] = _take_made(con, shared, batch)
                for shared in UPLINK:  # in the declaration's order: parents first
                    batch = rows.get(shared.table)
                    if not batch:
                        continue
                    values = [{**row, WINDOW_STATION: station} for row in batch]
                    # One statement a table, run for many rows (SQLAlchemy's insertmanyvalues): compiled
                    # once, not once for every batch's rows. xmax is 0 on a row it inserted, not on one it updated.
                    inserted = con.execute(_UPSERTS[shared.table], values).scalars().all()
                    new[shared.table] = sum(1 for flag in inserted if flag)
                if moved:
                    _apply_moved(con, station, moved)
                met = con.execute(update(windows).where(windows.c.station == station).values(
                    last_contact=now, outbox_after_contact=left,
                    rows_received=windows.c.rows_received + received))  # fmt: skip
                if met.rowcount == 0:
                    con.execute(insert(windows).values(station=station, joined_at=now, last_contact=now,
                                                       outbox_after_contact=left, rows_received=received))  # fmt: skip
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None
        return new

    def master_numbers(self) -> dict[int, str]:
        """The office's accounts: id -> number (empty: no window has brought any yet)."""
        accounts = METADATA.tables["accounts"]
        try:
            with self.engine.connect() as con:
                return {int(i): str(n) for i, n in con.execute(select(accounts.c.id, accounts.c.number))}
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def bring_master(self, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """The first window's accounts become the office's (an office with none yet)."""
        try:
            with self.engine.begin() as con:
                for shared in DOWNLINK:
                    batch = list(rows.get(shared.table, ()))
                    for start in range(0, len(batch), 2000):
                        con.execute(insert(METADATA.tables[shared.table]), batch[start : start + 2000])
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def versions(self) -> dict[str, int]:
        """Each master table's newest change."""
        try:
            with self.engine.connect() as con:
                return {shared.table: int(con.execute(select(func.coalesce(func.max(
                    METADATA.tables[shared.table].c.version), 0))).scalar_one()) for shared in DOWNLINK}  # fmt: skip
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def changed_since(self, table: str, version: int, limit: int) -> list[dict[str, Any]]:
        """A master table's rows changed after `version`, oldest change first."""
        office = METADATA.tables[table]
        try:
            with self.engine.connect() as con:
                found = con.execute(select(office).where(office.c.version > version)
                                    .order_by(office.c.version).limit(limit))  # fmt: skip
                return [dict(row._mapping) for row in found]
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def door_tags_on(self, day: dt.date, but: str) -> list[tuple[str, int, str]]:
        """Door tags of a shut-off list for `day` that other windows than `but` committed (not
        cancelled): (station, how many, who asked), a row a window."""
        orders = METADATA.tables["work_orders"]
        try:
            with self.engine.connect() as con:
                found = con.execute(
                    select(orders.c[WINDOW_STATION], func.count(), func.min(orders.c.requested_by))
                    .where(orders.c.type == "door_tag", orders.c.scheduled == day, orders.c.status != "cancelled",
                           orders.c[WINDOW_STATION] != but)
                    .group_by(orders.c[WINDOW_STATION]).order_by(orders.c[WINDOW_STATION])
                ).all()  # fmt: skip
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None
        return [(str(s), int(n), str(who)) for s, n, who in found]

    def claim_shutoff_list(self, day: dt.date, station: str, user: str, now: dt.datetime) -> Claim:
        """One shut-off list a day for the office: the first window to claim the day has it. The
        office's key decides between two windows at once (the second waits for the first's commit).
        A claim given back (the list not committed after all) goes to the next window that asks."""
        lists = METADATA.tables[SHUTOFF_LISTS]
        try:
            with self.engine.begin() as con:
                taken = con.execute(pg_insert(lists).values(
                    business_date=day, station=station, claimed_by=user, claimed_at=now, released=False,
                ).on_conflict_do_nothing().returning(lists.c.station)).first()  # fmt: skip
                if taken is not None:
                    return Claim(station, user, now, fresh=True)
                held = con.execute(select(lists).where(lists.c.business_date == day).with_for_update()).one()
                if held.released:
                    con.execute(update(lists).where(lists.c.business_date == day).values(
                        station=station, claimed_by=user, claimed_at=now, released=False))  # fmt: skip
                    return Claim(station, user, now, fresh=True)
                return Claim(str(held.station), str(held.claimed_by), held.claimed_at, fresh=False)
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def release_shutoff_list(self, day: dt.date, station: str) -> None:
        """The day's list was not committed after all (refused at the window): another may claim it."""
        lists = METADATA.tables[SHUTOFF_LISTS]
        try:
            with self.engine.begin() as con:
                con.execute(update(lists).where(lists.c.business_date == day, lists.c.station == station)
                            .values(released=True))  # fmt: skip
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def windows(self) -> list[WindowState]:
        windows, drawers, receipts = (METADATA.tables[n] for n in ("office_windows", "drawers", "receipts"))
        try:
            with self.engine.connect() as con:
                open_drawers: dict[str, int] = {station: n for station, n in con.execute(
                    select(drawers.c[WINDOW_STATION], func.count()).where(drawers.c.status == "open")
                    .group_by(drawers.c[WINDOW_STATION]))}  # fmt: skip
                taken: dict[str, int] = {station: n for station, n in con.execute(
                    select(receipts.c[WINDOW_STATION], func.count()).group_by(receipts.c[WINDOW_STATION]))}  # fmt: skip
                rows = con.execute(select(windows).order_by(windows.c.station)).all()
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None
        return [
            WindowState(r.station, r.joined_at, r.last_contact, r.outbox_after_contact, r.rows_received,
                        int(open_drawers.get(r.station, 0)), int(taken.get(r.station, 0)))
            for r in rows
        ]  # fmt: skip


_MOVABLE = {(table, column) for table, column in DELTAS}


def _take_made(con: Any, shared: Shared, batch: Sequence[Mapping[str, Any]]) -> int:
    """Bills and history lines a window made, under the ids it gave them; returns how many were new.
    A history line is taken once. A new bill starts with nothing paid and then takes, settled, what
    windows moved on it before it arrived (moves and rows travel apart); a bill sent again takes its
    changes (a fee taken off), never its paid amount, and what is paid past a lowered amount becomes
    the account's credit."""
    table = METADATA.tables[shared.table]
    names = [c.name for c in table.columns if c.name != "version"]
    values = [{n: row[n] for n in names} for row in batch]
    if not shared.changes:
        done = con.execute(pg_insert(table).values(values).on_conflict_do_nothing().returning(table.c.id)).all()
        return len(done)
    for row in values:
        row["paid_cents"] = 0
    inserting = pg_insert(table).values(values)
    statement = inserting.on_conflict_do_update(
        index_elements=["id"], set_={n: inserting.excluded[n] for n in names if n not in ("id", "paid_cents")}
    ).returning(table.c.id, literal_column("(xmax = 0)"))
    made = con.execute(statement).all()
    new = [key for key, fresh in made if fresh]
    moved = METADATA.tables[MOVED]
    for key, total in con.execute(
        select(moved.c.row_key, func.sum(moved.c.delta)).where(
            moved.c.table_name == shared.table, moved.c.column_name == "paid_cents", moved.c.row_key.in_(new))
        .group_by(moved.c.row_key)
    ).all():  # fmt: skip
        _settle(con, int(key), int(total))
    for (key,) in con.execute(select(table.c.id).where(table.c.id.in_([k for k, _ in made]),
                                                       table.c.paid_cents > table.c.amount_cents)).all():  # fmt: skip
        _settle(con, int(key), 0)
    return len(new)


def _settle(con: Any, key: int, delta: int) -> None:
    """A bill's paid amount moved by `delta`, kept between nothing and its amount; the excess to credit."""
    items, accounts = METADATA.tables["open_items"], METADATA.tables["accounts"]
    found = con.execute(select(items.c.account_id, items.c.amount_cents, items.c.paid_cents)
                        .where(items.c.id == key).with_for_update()).first()  # fmt: skip
    if found is None:
        return
    paid, to_credit = settle_paid(found.amount_cents, found.paid_cents, delta)
    if paid != found.paid_cents:
        con.execute(update(items).where(items.c.id == key).values(paid_cents=paid))
    if to_credit:
        con.execute(update(accounts).where(accounts.c.id == found.account_id)
                    .values(credit_cents=accounts.c.credit_cents + to_credit))  # fmt: skip


def _upsert(shared: Shared) -> Any:
    """The statement that writes a window's rows of one shared table: a row already there is
    brought up to date (or left alone, for the trail that never changes); RETURNING says which
    rows were new."""
    table = METADATA.tables[shared.table]
    statement = pg_insert(table)
    if shared.changes:
        changed = {
            c.name: statement.excluded[c.name] for c in table.columns if c.name not in (WINDOW_STATION, shared.key)
        }
        statement = statement.on_conflict_do_update(index_elements=[WINDOW_STATION, shared.key], set_=changed)
    else:
        statement = statement.on_conflict_do_nothing()
    return statement.returning(literal_column("(xmax = 0)"))


_UPSERTS = {shared.table: _upsert(shared) for shared in UPLINK}


def _apply_moved(con: Any, station: str, moved: Sequence[Mapping[str, Any]]) -> None:
    """Each delta once: those the office already had (a batch sent again) change nothing."""
    table = METADATA.tables[MOVED]
    new = con.execute(
        pg_insert(table).values([{**m, WINDOW_STATION: station} for m in moved]).on_conflict_do_nothing()
        .returning(table.c.table_name, table.c.row_key, table.c.column_name, table.c.delta)
    ).all()  # fmt: skip
    accounts = METADATA.tables["accounts"]
    for name, key, column, delta in new:
        if (name, column) not in _MOVABLE:  # pragma: no cover - the window's triggers write only these
            continue
        if name == "accounts":
            con.execute(
                update(accounts).where(accounts.c.id == key).values(credit_cents=accounts.c.credit_cents + delta)
            )
            continue
        _settle(con, int(key), int(delta))  # a bill not here yet takes it when it comes (_take_made)


def _words(exc: DBAPIError) -> str:
    """The driver's first line, without SQLAlchemy's wrapping (it names no password)."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    return text.removeprefix("connection failed: ")
