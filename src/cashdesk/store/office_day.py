"""The office's business day at the office server (services/office_day.py): where each window
stands on it, its close, and one window's rows of it copied into a window-shaped SQLite database
in memory, so that the window's own deposit code (services/day_money.py) reads them as it reads
a window's file. Each window's copy keeps its own ids: they are unique within one window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Table, and_, create_engine, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from cashdesk.store.models import Base
from cashdesk.store.office import METADATA, Office, OfficeUnreachable, _words
from cashdesk.store.synced import OFFICE_DAYS, WINDOW_STATION


@dataclass(frozen=True, slots=True)
class WindowDay:
    """One window as the office sees it on a business day."""

    station: str
    last_contact: dt.datetime | None
    waiting: int  # changes it still had to send at its last contact
    open_drawers: tuple[tuple[int, str], ...]  # (drawer id, cashier) of the day, open at the office
    unposted_mail: tuple[str, ...]  # its mail batches of the day not posted (numbers)
    closed_own_day: bool  # it closed the day at the window: nothing more can be posted to it there
    receipts: int  # its receipts of the day at the office, voids included


@dataclass(frozen=True, slots=True)
class OfficeDay:
    business_date: dt.date
    closed_at: dt.datetime
    closed_by: str
    closed_at_station: str
    windows: tuple[str, ...]
    figures: str
    deposit_cents: int
    bank_cents: int
    exported: str | None


def _t(name: str) -> Table:
    return METADATA.tables[name]


def window_days(office: Office, day: dt.date) -> list[WindowDay]:
    """Every window the office knows, and any station with rows of the day, by station."""
    windows, drawers, batches, days, receipts = (_t(n) for n in ("office_windows", "drawers", "mail_batches",
                                                                 "business_days", "receipts"))  # fmt: skip
    station = WINDOW_STATION
    try:
        with office.engine.connect() as con:
            known = {r.station: r for r in con.execute(select(windows))}
            opened: dict[str, list[tuple[int, str]]] = {}
            for s, i, cashier in con.execute(select(drawers.c[station], drawers.c.id, drawers.c.cashier).where(
                    drawers.c.business_date == day, drawers.c.status == "open").order_by(drawers.c[station],
                                                                                         drawers.c.id)):  # fmt: skip
                opened.setdefault(s, []).append((int(i), str(cashier)))
            mail: dict[str, list[str]] = {}
            for s, number in con.execute(select(batches.c[station], batches.c.number).where(
                    batches.c.business_date == day, batches.c.status.in_(("open", "balanced")))
                    .order_by(batches.c[station], batches.c.number)):  # fmt: skip
                mail.setdefault(s, []).append(str(number))
            closed = {s for (s,) in con.execute(select(days.c[station]).where(days.c.business_date == day,
                                                                               days.c.status == "closed"))}  # fmt: skip
            taken = dict(con.execute(select(receipts.c[station], func.count()).where(receipts.c.business_date == day)
                                     .group_by(receipts.c[station])).tuples().all())  # fmt: skip
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    stations = sorted(set(known) | set(opened) | set(mail) | set(taken))
    return [
        WindowDay(s, known[s].last_contact if s in known else None,
                  int(known[s].outbox_after_contact) if s in known else 0, tuple(opened.get(s, ())),
                  tuple(mail.get(s, ())), s in closed, int(taken.get(s, 0)))
        for s in stations
    ]  # fmt: skip


def office_day(office: Office, day: dt.date) -> OfficeDay | None:
    table = _t(OFFICE_DAYS)
    try:
        with office.engine.connect() as con:
            row = con.execute(select(table).where(table.c.business_date == day)).first()
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    if row is None:
        return None
    return OfficeDay(row.business_date, row.closed_at, row.closed_by, row.closed_at_station,
                     tuple(w for w in row.windows.split(",") if w), row.figures, int(row.deposit_cents),
                     int(row.bank_cents), row.exported)  # fmt: skip


def closed_since(office: Office, day: dt.date) -> list[tuple[dt.date, dt.datetime, str, str]]:
    """The office's days closed from `day` on: (day, when, by whom, at which window), for the windows."""
    table = _t(OFFICE_DAYS)
    try:
        with office.engine.connect() as con:
            found = con.execute(select(table.c.business_date, table.c.closed_at, table.c.closed_by,
                                       table.c.closed_at_station).where(table.c.business_date >= day)
                                .order_by(table.c.business_date)).all()  # fmt: skip
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    return [(d, at, str(who), str(station)) for d, at, who, station in found]


def close_day(office: Office, closed: OfficeDay) -> bool:
    """Mark the office's day closed; False when it was closed already (by another supervisor)."""
    table = _t(OFFICE_DAYS)
    values = {"business_date": closed.business_date, "closed_at": closed.closed_at, "closed_by": closed.closed_by,
              "closed_at_station": closed.closed_at_station, "windows": ",".join(closed.windows),
              "figures": closed.figures, "deposit_cents": closed.deposit_cents,
              "bank_cents": closed.bank_cents}  # fmt: skip
    try:
        with office.engine.begin() as con:
            done = con.execute(pg_insert(table).values(values).on_conflict_do_nothing())
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    return bool(done.rowcount)


def record_export(office: Office, day: dt.date, exported: str) -> None:
    table = _t(OFFICE_DAYS)
    try:
        with office.engine.begin() as con:
            con.execute(update(table).where(table.c.business_date == day).values(exported=exported))
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None


# -- one window's day, as a window's database --------------------------------------------------------

#: The window tables the deposit code reads, in the order they are filled.
COPIED = ("revenue_codes", "accounts", "open_items", "drawers", "cash_drops", "paid_outs", "drawer_counts",
          "drawer_closes", "receipts", "receipt_lines", "tenders", "allocations", "audit_events")  # fmt: skip


def _day_rows(con: Any, station: str, day: dt.date) -> dict[str, list[dict[str, Any]]]:
    """The station's money rows of the day, and the accounts, bills and codes they name."""
    drawers, receipts, lines = _t("drawers"), _t("receipts"), _t("receipt_lines")
    st = WINDOW_STATION

    def of_drawers(name: str) -> Select[Any]:
        table = _t(name)
        return select(table).join(drawers, and_(drawers.c[st] == table.c[st], drawers.c.id == table.c.drawer_id)
                                   ).where(drawers.c[st] == station, drawers.c.business_date == day)  # fmt: skip

    def of_receipts(table: Table) -> Select[Any]:
        return select(table).join(receipts, and_(receipts.c[st] == table.c[st], receipts.c.id == table.c.receipt_id)
                                  ).where(receipts.c[st] == station, receipts.c.business_date == day)  # fmt: skip

    allocations = _t("allocations")
    queries: dict[str, Select[Any]] = {
        "drawers": select(drawers).where(drawers.c[st] == station, drawers.c.business_date == day),
        **{name: of_drawers(name) for name in ("cash_drops", "paid_outs", "drawer_counts", "drawer_closes")},
        "receipts": select(receipts).where(receipts.c[st] == station, receipts.c.business_date == day),
        "receipt_lines": of_receipts(lines),
        "tenders": of_receipts(_t("tenders")),
        "allocations": select(allocations).join(lines, and_(lines.c[st] == allocations.c[st],
                                                            lines.c.id == allocations.c.receipt_line_id))
        .join(receipts, and_(receipts.c[st] == lines.c[st], receipts.c.id == lines.c.receipt_id))
        .where(receipts.c[st] == station, receipts.c.business_date == day),
    }  # fmt: skip
    found = {name: [dict(r._mapping) for r in con.execute(query)] for name, query in queries.items()}
    accounts = {r["account_id"] for r in found["receipt_lines"] + found["paid_outs"] if r["account_id"] is not None}
    items = {r["open_item_id"] for r in found["allocations"]}
    account, item = _t("accounts"), _t("open_items")
    found["accounts"] = [dict(r._mapping) for r in con.execute(select(account).where(account.c.id.in_(accounts)))]
    found["open_items"] = [dict(r._mapping) for r in con.execute(select(item).where(
        or_(item.c.id.in_(items), item.c.account_id.in_(accounts))))]  # fmt: skip
    found["revenue_codes"] = [dict(r._mapping) for r in con.execute(select(_t("revenue_codes")))]
    return found


@contextmanager
def window_copy(office: Office, station: str, day: dt.date) -> Iterator[tuple[Session, Mapping[str, int]]]:
    """A window-shaped SQLite database in memory holding the station's rows of the day (ids as the
    window wrote them) and the office's accounts, bills and codes they name; with how many rows of
    each table it holds, and of allocations how many name a bill the office does not have."""
    try:
        with office.engine.connect() as con:
            rows = _day_rows(con, station, day)
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        tables = [Base.metadata.tables[name] for name in COPIED]
        Base.metadata.create_all(engine, tables=tables)
        with engine.begin() as con:
            for table in tables:
                batch = rows.get(table.name, [])
                names = [c.name for c in table.columns]
                if batch:
                    con.execute(insert(table), [{c: row.get(c) for c in names} for row in batch])
        counts = {name: len(found) for name, found in rows.items()}
        billed = {r["id"] for r in rows["open_items"]}
        counts["allocations_unbilled"] = sum(1 for r in rows["allocations"] if r["open_item_id"] not in billed)
        with Session(engine) as session:
            yield session, counts
    finally:
        engine.dispose()
