"""Bulk loading: many rows through the bare sqlite3 connection in one transaction.

For loads at city scale (a demo city, a full import from the billing system) where the
ORM would take minutes. The load lands whole or not at all, and what lands is checked
the way row-by-row inserts would be, only once at the end instead of per row:

- full-text indexes: their triggers are set aside and each index is rebuilt and merged;
- foreign keys: checked with `PRAGMA foreign_key_check` over the loaded tables;
- the secondary indexes of a table that was empty are built after its rows are in.

All of it inside the one transaction, so a failure leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Table

from cashdesk.store.db import Database, DatabaseError
from cashdesk.store.models import Base
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: Page cache for the load (KiB, as SQLite's negative cache_size). Big enough that the
#: indexes being appended to stay in memory; the connection is put back afterwards.
LOAD_CACHE_KIB = 256 * 1024

_CONTENT_TABLE = re.compile(r"content\s*=\s*['\"]?(\w+)['\"]?", re.IGNORECASE)


def _table(name: str) -> Table:
    table = Base.metadata.tables.get(name)
    if table is None:
        raise ValueError(f"unknown table {name!r}")
    return table


def row_counts(database: Database, tables: Sequence[str]) -> dict[str, int]:
    """How many rows each table holds."""
    counts: dict[str, int] = {}
    with database.read() as conn:
        for name in tables:
            _table(name)  # only names of our own tables reach the SQL text
            counts[name] = int(conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one())
    return counts


@dataclass(frozen=True, slots=True)
class _FullTextIndex:
    name: str
    content_table: str
    triggers: tuple[tuple[str, str], ...]  # (name, CREATE TRIGGER text) that keep it in step


def _secondary_indexes(con: sqlite3.Connection, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX text) of the indexes on those tables that are empty; not the
    automatic ones behind UNIQUE constraints, which cannot be dropped."""
    found: list[tuple[str, str]] = []
    for table in tables:
        if con.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            continue
        found.extend(
            con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                "ORDER BY name",
                (table,),
            ).fetchall()
        )
    return found


def _full_text_indexes(con: sqlite3.Connection, tables: Sequence[str]) -> list[_FullTextIndex]:
    """External-content FTS5 tables over `tables`, with the triggers that write into them."""
    found: list[_FullTextIndex] = []
    virtual = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    ).fetchall()
    for name, sql in virtual:
        match = _CONTENT_TABLE.search(sql)
        if match is None or match.group(1) not in tables:
            continue
        writes_index = re.compile(rf"\bINSERT\s+INTO\s+{re.escape(name)}\b", re.IGNORECASE)
        triggers = tuple(
            (trigger, trigger_sql)
            for trigger, trigger_sql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name",
                (match.group(1),),
            )
            if writes_index.search(trigger_sql)
        )
        found.append(_FullTextIndex(name, match.group(1), triggers))
    return found


@dataclass
class BulkLoader:
    """Inserts rows into the tables named when the load began; see `bulk_load`."""

    con: sqlite3.Connection
    tables: tuple[str, ...]
    inserted: dict[str, int] = field(default_factory=dict)
    _statements: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Insert rows (tuples in the order of `columns`) with one executemany."""
        key = (table, tuple(columns))
        sql = self._statements.get(key)
        if sql is None:
            if table not in self.tables:
                raise ValueError(f"table {table!r} is not part of this load")
            known = _table(table).columns
            unknown = [c for c in columns if c not in known]
            if unknown:
                raise ValueError(f"{table} has no column {', '.join(unknown)}")
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            self._statements[key] = sql
        cursor = self.con.executemany(sql, rows)
        self.inserted[table] = self.inserted.get(table, 0) + cursor.rowcount


@contextlib.contextmanager
def _timed(what: str, *args: object) -> Iterator[None]:
    started = time.perf_counter()
    yield
    log.info(what + " took %.1f s", *args, time.perf_counter() - started)


def _check_foreign_keys(con: sqlite3.Connection, tables: Sequence[str]) -> None:
    for table in tables:
        broken = con.execute(f"PRAGMA foreign_key_check({table})").fetchmany(3)
        if broken:
            rows = ", ".join(
                translate("bulk", "row {row} -> {parent}").format(row=rowid, parent=parent)
                for _, rowid, parent, _ in broken
            )
            raise DatabaseError(
                translate(
                    "bulk",
                    "The load was refused and nothing was written: {table} refers to rows that do not exist ({rows}).",
                ).format(table=table, rows=rows)
            )


@contextlib.contextmanager
def bulk_load(database: Database, tables: Sequence[str]) -> Iterator[BulkLoader]:
    """One write transaction on the bare sqlite3 connection, for loading many rows.

    Commits when the block ends normally; on an exception everything is rolled back,
    the full-text triggers included, and the file holds what it held before.
    """
    if not database.is_sqlite:
        raise DatabaseError(translate("bulk", "Bulk loading is only available for SQLite database files."))
    for name in tables:
        _table(name)
    pooled = database.engine.raw_connection()
    try:
        con = pooled.driver_connection
        assert isinstance(con, sqlite3.Connection)
        (cache_before,) = con.execute("PRAGMA cache_size").fetchone()
        (foreign_keys,) = con.execute("PRAGMA foreign_keys").fetchone()
        con.execute(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
        con.execute("PRAGMA foreign_keys=OFF")  # checked once at the end instead
        con.execute("BEGIN IMMEDIATE")
        try:
            secondary = _secondary_indexes(con, tables)
            for name, _ in secondary:
                con.execute(f'DROP INDEX "{name}"')
            full_text = _full_text_indexes(con, tables)
            for index in full_text:
                for trigger, _ in index.triggers:
                    con.execute(f'DROP TRIGGER "{trigger}"')
            loader = BulkLoader(con, tuple(tables))
            yield loader
            for name, index_sql in secondary:
                with _timed("building the index %s", name):
                    con.execute(index_sql)
            for index in full_text:
                with _timed("rebuilding the full-text index %s", index.name):
                    con.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('rebuild')")
                    # One merged segment instead of the many a rebuild leaves: searches that
                    # match thousands of rows take about a third less time.
                    con.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('optimize')")
                for _, trigger_sql in index.triggers:
                    con.execute(trigger_sql)
            if foreign_keys:
                with _timed("checking the foreign keys of %s", ", ".join(tables)):
                    _check_foreign_keys(con, tables)
            with _timed("committing %s rows", f"{sum(loader.inserted.values()):,}"):
                con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.execute(f"PRAGMA foreign_keys={int(foreign_keys)}")
            con.execute(f"PRAGMA cache_size={cache_before}")
    finally:
        pooled.close()
