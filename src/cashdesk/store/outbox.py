"""The window's side of the office link (docs/office.md): the link itself, the outbox the
triggers of store/synced.py fill in every writer's own transaction, and the rows it names.

Nothing here talks to the office: services/office.py reads a batch here, sends it, and only
once the office has committed it takes the batch out of the outbox. A batch sent again (the
sender killed between the two) changes nothing at the office."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from cashdesk.store import own_ids
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import Base
from cashdesk.store.synced import (
    BY_TABLE,
    CLOSED_BY_OFFICE,
    DELTAS,
    DOWNLINK,
    LINK,
    MADE_AT_WINDOWS,
    MADE_BY_TABLE,
    MARKS,
    MOVED,
    OUTBOX,
    UPLINK,
    WINDOW_TABLES,
    Shared,
    made_triggers,
    outbox_triggers,
    trigger_name,
    triggers_of,
)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    station: str
    joined_at: str
    last_contact: str | None
    last_problem: str | None


def link(uow: UnitOfWork) -> Link | None:
    """The office this window has joined (None: it stands alone)."""
    db = uow.rows
    if db.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (LINK,)) is None:
        return None
    row = db.one(f"SELECT url, station, joined_at, last_contact, last_problem FROM {LINK} WHERE id = 1")
    return Link(*row) if row is not None else None


def join(uow: UnitOfWork, url: str, station: str, now: dt.datetime, number: int) -> None:
    """The link, the outbox, its triggers, this window's range of ids (`number`, given by the
    office), and every shared row already here in the outbox (so a window that joins late sends its
    history), in the caller's transaction."""
    db = uow.rows
    for statement in (*WINDOW_TABLES, *outbox_triggers()):
        db.run(statement)
    db.run(f"INSERT INTO {LINK} (id, url, station, joined_at) VALUES (1, ?, ?, ?)", (url, station, now.isoformat()))
    set_range(uow, number)
    for shared in BY_TABLE.values():
        db.run(f"INSERT INTO {OUTBOX} (table_name, row_key) SELECT ?, {shared.key} FROM {shared.table} "
               f"ORDER BY {shared.key}", (shared.table,))  # fmt: skip


def undeclared(uow: UnitOfWork) -> list[Shared]:
    """Tables declared in UPLINK since this window joined: their triggers are not here yet."""
    have = {str(n) for (n,) in uow.rows.all("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [shared for shared in UPLINK if trigger_name(shared, "INSERT") not in have]


def catch_up(uow: UnitOfWork, tables: list[Shared]) -> int:
    """A table declared after this window joined: its triggers, and every row it holds in the
    outbox (as at the join), in the caller's transaction. Returns the rows put in the outbox."""
    db = uow.rows
    queued = 0
    for shared in tables:
        for statement in triggers_of(shared):
            db.run(statement)
        db.run(f"INSERT INTO {OUTBOX} (table_name, row_key) SELECT ?, {shared.key} FROM {shared.table} "
               f"ORDER BY {shared.key}", (shared.table,))  # fmt: skip
        row = db.one(f"SELECT count(*) FROM {shared.table}")
        queued += int(row[0]) if row else 0
    return queued


def set_range(uow: UnitOfWork, number: int) -> None:
    """The ids this window gives the bills and history lines it makes (store/own_ids.py)."""
    low, high = own_ids.range_of(number)
    uow.rows.run(f"INSERT INTO {own_ids.RANGE_TABLE} (id, number, low, high) VALUES (1, ?, ?, ?) ON CONFLICT (id) "
                 "DO UPDATE SET number = excluded.number, low = excluded.low, high = excluded.high",
                 (number, low, high))  # fmt: skip


def own_range(uow: UnitOfWork) -> tuple[int, int] | None:
    row = uow.rows.one(f"SELECT low, high FROM {own_ids.RANGE_TABLE}")
    return (int(row[0]), int(row[1])) if row else None


def made_missing(uow: UnitOfWork) -> bool:
    """A window that joined before its own bills went to the office: no range, no triggers for them."""
    have = {str(n) for (n,) in uow.rows.all("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    triggers = all(trigger_name(shared, "INSERT") in have for shared in MADE_AT_WINDOWS)
    return not triggers or own_range(uow) is None


def add_made(uow: UnitOfWork, number: int) -> None:
    """Its range and the triggers that send its own bills and history lines (from now on: those it
    made before keep SQLite's ids and stay at the window, docs/office.md)."""
    set_range(uow, number)
    for statement in made_triggers():
        uow.rows.run(statement)


def waiting(uow: UnitOfWork) -> int:
    """How many changes wait in the outbox."""
    row = uow.rows.one(f"SELECT count(*) FROM {OUTBOX}")
    return int(row[0]) if row else 0


@dataclass(frozen=True, slots=True)
class Batch:
    entries: tuple[int, int] | None  # the outbox seqs sent (first, last), inclusive
    rows: dict[str, list[dict[str, Any]]]  # table -> its rows as they are now
    moved: list[dict[str, Any]]  # how much running figures moved, oldest first
    entry_count: int = 0

    @property
    def size(self) -> int:
        return sum(len(r) for r in self.rows.values()) + len(self.moved)


def next_batch(uow: UnitOfWork, limit: int) -> Batch | None:
    """The oldest `limit` changes of the outbox, each row read as it is now (once, however often
    it changed), and the oldest `limit` moves of running figures. None when nothing waits."""
    db = uow.rows
    entries = db.all(f"SELECT seq, table_name, row_key FROM {OUTBOX} ORDER BY seq LIMIT ?", (limit,))
    moved = [{"seq": seq, "table_name": t, "row_key": k, "column_name": c, "delta": d} for seq, t, k, c, d in
             db.all(f"SELECT seq, table_name, row_key, column_name, delta FROM {MOVED} ORDER BY seq LIMIT ?",
                    (limit,))]  # fmt: skip
    if not entries and not moved:
        return None
    keys: dict[str, set[Any]] = defaultdict(set)
    for _seq, table, key in entries:
        keys[table].add(key)
    rows = {name: _rows(uow, name, wanted) for name, wanted in keys.items()}
    span = (int(entries[0][0]), int(entries[-1][0])) if entries else None
    return Batch(span, rows, moved, len(entries))


def _rows(uow: UnitOfWork, name: str, wanted: set[Any]) -> list[dict[str, Any]]:
    table = Base.metadata.tables[name]
    column = table.c[(BY_TABLE.get(name) or MADE_BY_TABLE[name]).key]
    if isinstance(column.type, Date):
        wanted = {dt.date.fromisoformat(k) if isinstance(k, str) else k for k in wanted}
    found: list[dict[str, Any]] = []
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found += [dict(r._mapping) for r in uow.connection.execute(select(table).where(column.in_(chunk)))]
    return found


def every_row(uow: UnitOfWork, size: int) -> Iterator[Batch]:
    """Every shared row of a window's file, and what it moved and never sent, in batches (a
    window whose computer died: `cashdesk office merge`)."""
    for name, shared in BY_TABLE.items():
        table = Base.metadata.tables[name]
        key = table.c[shared.key]
        after: Any = None
        while True:
            query = select(table).order_by(key).limit(size)
            if after is not None:
                query = query.where(key > after)
            rows = [dict(r._mapping) for r in uow.connection.execute(query)]
            if not rows:
                break
            yield Batch(None, {name: rows}, [])
            after = rows[-1][shared.key]
    mine = own_range(uow) if _has_table(uow, own_ids.RANGE_TABLE) else None
    for shared in MADE_AT_WINDOWS if mine is not None else ():
        assert mine is not None
        table = Base.metadata.tables[shared.table]
        low = mine[0]
        while True:
            query = select(table).where(table.c.id > low, table.c.id < mine[1]).order_by(table.c.id).limit(size)
            rows = [dict(r._mapping) for r in uow.connection.execute(query)]
            if not rows:
                break
            yield Batch(None, {shared.table: rows}, [])
            low = rows[-1]["id"]
    if uow.rows.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MOVED,)) is not None:
        moved = uow.rows.all(f"SELECT seq, table_name, row_key, column_name, delta FROM {MOVED} ORDER BY seq")
        for start in range(0, len(moved), size):
            yield Batch(None, {}, [{"seq": q, "table_name": t, "row_key": k, "column_name": c, "delta": d}
                                   for q, t, k, c, d in moved[start : start + size]])  # fmt: skip


def _has_table(uow: UnitOfWork, name: str) -> bool:
    return uow.rows.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) is not None


def stations(uow: UnitOfWork) -> list[str]:
    """The stations a file's receipts and drawers were taken at."""
    return [str(s) for (s,) in uow.rows.all("SELECT station FROM receipts UNION SELECT station FROM drawers")]


def sent(uow: UnitOfWork, batch: Batch, now: dt.datetime) -> None:
    """The office has committed the batch: out of the outbox. (Any change written since has a
    higher seq: the outbox numbers grow, and a writer's own rows are not seen before it commits.)"""
    db = uow.rows
    if batch.entries is not None:
        db.run(f"DELETE FROM {OUTBOX} WHERE seq BETWEEN ? AND ?", batch.entries)
    if batch.moved:
        db.run(f"DELETE FROM {MOVED} WHERE seq <= ?", (batch.moved[-1]["seq"],))
    db.run(f"UPDATE {LINK} SET last_contact = ?, last_problem = NULL WHERE id = 1", (now.isoformat(),))


# -- the office's master rows ---------------------------------------------------------------------


def master_numbers(uow: UnitOfWork) -> dict[int, str]:
    return {int(i): str(n) for i, n in uow.rows.all("SELECT id, number FROM accounts")}


def master_rows(uow: UnitOfWork) -> dict[str, list[dict[str, Any]]]:
    """This window's accounts, open items, revenue codes and history: an empty office's first."""
    return {shared.table: [dict(r._mapping) for r in uow.connection.execute(select(Base.metadata.tables[shared.table]))]
            for shared in DOWNLINK}  # fmt: skip


def mark(uow: UnitOfWork, table: str) -> int:
    row = uow.rows.one(f"SELECT version FROM {MARKS} WHERE table_name = ?", (table,))
    return int(row[0]) if row else 0


def set_mark(uow: UnitOfWork, table: str, version: int) -> None:
    uow.rows.run(f"INSERT INTO {MARKS} (table_name, version) VALUES (?, ?) ON CONFLICT (table_name) DO UPDATE SET "
                 "version = excluded.version", (table, version))  # fmt: skip


def apply(uow: UnitOfWork, table: str, rows: list[dict[str, Any]]) -> None:
    """The office's rows of a master table, as the office has them, with what this window moved
    and has not sent yet added to its running figures; the table's mark moves to the last."""
    if not rows:
        return
    db = uow.rows
    db.run(f"UPDATE {LINK} SET applying = 1 WHERE id = 1")  # the office's changes: no deltas of ours
    target = Base.metadata.tables[table]
    key = BY_TABLE_DOWN[table]
    names = [c.name for c in target.columns]
    values = [{c: row[c] for c in names} for row in rows]
    if table in MADE_BY_TABLE:
        # A row of this window's own with a change still in the outbox keeps it: the office's copy
        # comes again once the change has reached it.
        pending = {k for (k,) in db.all(f"SELECT row_key FROM {OUTBOX} WHERE table_name = ?", (table,))}
        values = [v for v in values if v[key] not in pending]
    for start in range(0, len(values), 500):
        statement = sqlite_insert(target).values(values[start : start + 500])
        statement = statement.on_conflict_do_update(
            index_elements=[key], set_={c: statement.excluded[c] for c in names if c != key}
        )
        uow.connection.execute(statement)
    for moved_table, column in DELTAS:
        if moved_table == table:
            # What this window moved and has not sent yet, on top of the office's figure, for the
            # rows just taken in (the others hold it already); a bill stays between nothing and its
            # amount (the office keeps any excess as credit).
            bounded = "min(amount_cents, max(0, {}))" if table == "open_items" else "max(0, {})"
            moved = (f"{column} + (SELECT sum(delta) FROM {MOVED} m WHERE m.table_name = ? AND m.column_name = ? "
                     f"AND m.row_key = {table}.id)")  # fmt: skip
            taken = {v[key] for v in values}
            waiting = [k for (k,) in db.all(f"SELECT DISTINCT row_key FROM {MOVED} WHERE table_name = ? AND "
                                            "column_name = ?", (table, column)) if k in taken]  # fmt: skip
            for start in range(0, len(waiting), 500):
                part = waiting[start : start + 500]
                db.run(f"UPDATE {table} SET {column} = {bounded.format(moved)} WHERE id IN "
                       f"({', '.join('?' for _ in part)})", (table, column, *part))  # fmt: skip
    set_mark(uow, table, int(rows[-1]["version"]))
    db.run(f"UPDATE {LINK} SET applying = 0 WHERE id = 1")


BY_TABLE_DOWN = {shared.table: shared.key for shared in DOWNLINK}


def contacted(uow: UnitOfWork, now: dt.datetime, problem: str | None) -> None:
    """What the last try to reach the office found."""
    if problem is None:
        uow.rows.run(f"UPDATE {LINK} SET last_contact = ?, last_problem = NULL WHERE id = 1", (now.isoformat(),))
    else:
        uow.rows.run(f"UPDATE {LINK} SET last_problem = ? WHERE id = 1", (problem[:500],))


# -- the office's closed business days --------------------------------------------------------------


def tables_missing(uow: UnitOfWork) -> bool:
    """A window joined before the office's closed days came down lacks their table and guard."""
    return uow.rows.one("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        (f"{CLOSED_BY_OFFICE}_receipts",)) is None  # fmt: skip


def add_window_tables(uow: UnitOfWork) -> None:
    for statement in WINDOW_TABLES:  # each IF NOT EXISTS
        uow.rows.run(statement)


def closed_by_office(uow: UnitOfWork, days: list[tuple[dt.date, dt.datetime, str, str]]) -> int:
    """The office's closed days as it sent them; returns how many this window did not know."""
    before = uow.rows.one(f"SELECT count(*) FROM {CLOSED_BY_OFFICE}")
    for day, closed_at, closed_by, station in days:
        uow.rows.run(f"INSERT OR IGNORE INTO {CLOSED_BY_OFFICE} (business_date, closed_at, closed_by, "
                     "closed_at_station) VALUES (?, ?, ?, ?)", (day.isoformat(), closed_at.isoformat(), closed_by,
                                                                station))  # fmt: skip
    after = uow.rows.one(f"SELECT count(*) FROM {CLOSED_BY_OFFICE}")
    return int(after[0]) - int(before[0]) if after and before else 0


def office_closed_from(session: Session, day: dt.date) -> dict[dt.date, tuple[str, str]]:
    """The business days from `day` on that this window's office has closed: day -> (who, at which
    window). Empty for a window alone."""
    con = session.connection()
    if con.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (CLOSED_BY_OFFICE,)).first() is None:  # fmt: skip
        return {}
    found = con.exec_driver_sql(f"SELECT business_date, closed_by, closed_at_station FROM {CLOSED_BY_OFFICE} "
                                "WHERE business_date >= ?", (day.isoformat(),))  # fmt: skip
    return {dt.date.fromisoformat(d): (str(who), str(station)) for d, who, station in found}
