"""The office server: PostgreSQL through psycopg 3 (docs/office.md).

It holds every window's shared rows (store/synced.py) in tables of the same names, keyed by the
window's station and the row's own key, so that a batch sent twice changes nothing: each row is
written with `INSERT … ON CONFLICT … DO UPDATE` (or `DO NOTHING` for the trail, never changed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, create_engine, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from cashdesk.store.synced import BY_TABLE, UPLINK, WINDOW_STATION, office_metadata

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


class Office:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(
            sqlalchemy_url(url), pool_pre_ping=True, pool_size=2, max_overflow=2,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "cashdesk"},
        )  # fmt: skip

    def close(self) -> None:
        self.engine.dispose()

    def create_schema(self) -> None:
        """Create the office's tables that are missing (`cashdesk office init`)."""
        try:
            METADATA.create_all(self.engine)
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def welcome(self, station: str, now: dt.datetime) -> None:
        """A window joins: its row in office_windows (again: nothing changes)."""
        windows = METADATA.tables["office_windows"]
        try:
            with self.engine.begin() as con:
                con.execute(pg_insert(windows).values(station=station, joined_at=now, outbox_after_contact=0,
                                                      rows_received=0).on_conflict_do_nothing())  # fmt: skip
        except DBAPIError as exc:
            raise OfficeUnreachable(_words(exc)) from None

    def receive(self, station: str, rows: Mapping[str, Sequence[Mapping[str, Any]]], left: int,
                now: dt.datetime) -> None:  # fmt: skip
        """One batch of a window's rows, in one transaction: all of it is in the office, or none."""
        windows = METADATA.tables["office_windows"]
        received = sum(len(r) for r in rows.values())
        try:
            with self.engine.begin() as con:
                for shared in UPLINK:  # in the declaration's order: parents first
                    batch = rows.get(shared.table)
                    if not batch:
                        continue
                    table = METADATA.tables[shared.table]
                    values = [{**row, WINDOW_STATION: station} for row in batch]
                    statement = pg_insert(table).values(values)
                    if BY_TABLE[shared.table].changes:
                        changed = {c.name: statement.excluded[c.name] for c in table.columns
                                   if c.name not in (WINDOW_STATION, shared.key)}  # fmt: skip
                        statement = statement.on_conflict_do_update(index_elements=[WINDOW_STATION, shared.key],
                                                                    set_=changed)  # fmt: skip
                    else:
                        statement = statement.on_conflict_do_nothing()
                    con.execute(statement)
                met = con.execute(update(windows).where(windows.c.station == station).values(
                    last_contact=now, outbox_after_contact=left,
                    rows_received=windows.c.rows_received + received))  # fmt: skip
                if met.rowcount == 0:
                    con.execute(insert(windows).values(station=station, joined_at=now, last_contact=now,
                                                       outbox_after_contact=left, rows_received=received))  # fmt: skip
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


def _words(exc: DBAPIError) -> str:
    """The driver's first line, without SQLAlchemy's wrapping (it names no password)."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    return text.removeprefix("connection failed: ")
