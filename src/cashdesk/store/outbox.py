"""The window's side of the office link (docs/office.md): the link itself, the outbox the
triggers of store/synced.py fill in every writer's own transaction, and the rows it names.

Nothing here talks to the office: services/office.py reads a batch here, sends it, and only
once the office has committed it takes the batch out of the outbox. A batch sent again (the
sender killed between the two) changes nothing at the office."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, select

from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import Base
from cashdesk.store.synced import BY_TABLE, LINK, OUTBOX, WINDOW_TABLES, outbox_triggers


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


def join(uow: UnitOfWork, url: str, station: str, now: dt.datetime) -> None:
    """The link, the outbox, its triggers, and every shared row already here in the outbox (so a
    window that joins late sends its history), in the caller's transaction."""
    db = uow.rows
    for statement in (*WINDOW_TABLES, *outbox_triggers()):
        db.run(statement)
    db.run(f"INSERT INTO {LINK} (id, url, station, joined_at) VALUES (1, ?, ?, ?)", (url, station, now.isoformat()))
    for shared in BY_TABLE.values():
        db.run(f"INSERT INTO {OUTBOX} (table_name, row_key) SELECT ?, {shared.key} FROM {shared.table} "
               f"ORDER BY {shared.key}", (shared.table,))  # fmt: skip


def waiting(uow: UnitOfWork) -> int:
    """How many changes wait in the outbox."""
    row = uow.rows.one(f"SELECT count(*) FROM {OUTBOX}")
    return int(row[0]) if row else 0


@dataclass(frozen=True, slots=True)
class Batch:
    first: int  # outbox seq, inclusive
    last: int
    rows: dict[str, list[dict[str, Any]]]  # table -> its rows as they are now

    @property
    def size(self) -> int:
        return sum(len(r) for r in self.rows.values())


def next_batch(uow: UnitOfWork, limit: int) -> Batch | None:
    """The oldest `limit` changes of the outbox, each row read as it is now (once, however often
    it changed). None when the outbox is empty."""
    entries = uow.rows.all(f"SELECT seq, table_name, row_key FROM {OUTBOX} ORDER BY seq LIMIT ?", (limit,))
    if not entries:
        return None
    keys: dict[str, set[Any]] = defaultdict(set)
    for _seq, table, key in entries:
        keys[table].add(key)
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, wanted in keys.items():
        table = Base.metadata.tables[name]
        column = table.c[BY_TABLE[name].key]
        if isinstance(column.type, Date):
            wanted = {dt.date.fromisoformat(k) if isinstance(k, str) else k for k in wanted}
        found: list[dict[str, Any]] = []
        ordered = sorted(wanted)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            found += [dict(r._mapping) for r in uow.connection.execute(select(table).where(column.in_(chunk)))]
        rows[name] = found
    return Batch(int(entries[0][0]), int(entries[-1][0]), rows)


def sent(uow: UnitOfWork, batch: Batch, now: dt.datetime) -> None:
    """The office has committed the batch: out of the outbox. (Any change written since has a
    higher seq: the outbox numbers grow, and a writer's own rows are not seen before it commits.)"""
    db = uow.rows
    db.run(f"DELETE FROM {OUTBOX} WHERE seq BETWEEN ? AND ?", (batch.first, batch.last))
    db.run(f"UPDATE {LINK} SET last_contact = ?, last_problem = NULL WHERE id = 1", (now.isoformat(),))


def contacted(uow: UnitOfWork, now: dt.datetime, problem: str | None) -> None:
    """What the last try to reach the office found."""
    if problem is None:
        uow.rows.run(f"UPDATE {LINK} SET last_contact = ?, last_problem = NULL WHERE id = 1", (now.isoformat(),))
    else:
        uow.rows.run(f"UPDATE {LINK} SET last_problem = ? WHERE id = 1", (problem[:500],))
