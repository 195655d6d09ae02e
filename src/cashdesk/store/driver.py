"""SQL at driver level on a unit of work's connection, for the hottest writes and reads.

Counter posting, the audit chain and the day's sums skip the ORM's bookkeeping and speak SQL
through the DBAPI connection under the unit of work: the same transaction, the same BEGIN
IMMEDIATE, the same commit. Values are bound as the tables in models.py bind them (the column
types' own bind processors), so a row written here reads back exactly like one the ORM wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.orm import Session

from cashdesk.domain.dates import stored_day
from cashdesk.store import own_ids
from cashdesk.store.models import ReceiptRow


@cache
def _processors(dialect: Dialect) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
    """How this dialect stores a time and a date: taken from the receipts table, whose column types
    are those of every date and time column in models.py (a test holds them to it)."""
    columns = ReceiptRow.__table__.c
    return (
        columns.posted_at.type.dialect_impl(dialect).bind_processor(dialect),
        columns.business_date.type.dialect_impl(dialect).bind_processor(dialect),
    )


#: A date column as a driver-level read returns it (text on SQLite, a date elsewhere), as a date.
stored_date = stored_day


class Driver:
    """The DBAPI connection under a unit of work, with placeholders and values for its dialect."""

    __slots__ = ("_conn", "_sqlite", "_datetime", "_date", "_info")

    def __init__(self, session: Session | Connection) -> None:
        connection = session.connection() if isinstance(session, Session) else session
        self._sqlite = connection.dialect.name == "sqlite"
        self._conn: Any = connection.connection.driver_connection
        self._info: dict[Any, Any] = connection.connection.info
        self._datetime, self._date = _processors(connection.dialect)

    @property
    def is_sqlite(self) -> bool:
        return self._sqlite

    def _sql(self, sql: str) -> str:
        return sql if self._sqlite else sql.replace("?", "%s")

    def value(self, value: Any) -> Any:
        """A date or a time as its column stores it (text on SQLite); other values as they are."""
        if isinstance(value, dt.datetime):
            return self._datetime(value) if self._datetime is not None else value
        if isinstance(value, dt.date):
            return self._date(value) if self._date is not None else value
        return value

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        cur = self._conn.cursor()
        try:
            cur.execute(self._sql(sql), params)
            row: tuple[Any, ...] | None = cur.fetchone()
            return row
        finally:
            cur.close()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn.cursor()
        try:
            cur.execute(self._sql(sql), params)
            rows: list[tuple[Any, ...]] = cur.fetchall()
            return rows
        finally:
            cur.close()

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        cur = self._conn.cursor()
        try:
            cur.execute(self._sql(sql), params)
        finally:
            cur.close()

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cur = self._conn.cursor()
        try:
            cur.executemany(self._sql(sql), list(rows))
        finally:
            cur.close()

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        """An INSERT … RETURNING id; the new row's id."""
        row = self.one(sql + " RETURNING id", params)
        assert row is not None
        return int(row[0])

    def insert_own(self, table: str, columns: Sequence[str], params: Sequence[Any]) -> int:
        """A bill or history line this window makes: at a window of an office, with an id of its
        own range (store/own_ids.py); the new row's id."""
        given = own_ids.next_id(table, self.one, self._info)
        if given is not None:
            columns, params = ("id", *columns), (given, *params)
        marks = ", ".join("?" for _ in columns)
        return self.insert(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", params)


#: Where a unit of work's session holds the unit of work's driver (store/db.py).
UNIT_OF_WORK_DRIVER = "cashdesk_unit_of_work_driver"


def driver(session: Session) -> Driver:
    """The session's Driver, made once per transaction (a rollback starts a new one).

    What the session holds unwritten is flushed first, so SQL here sees every row the ORM was
    given: the two views of one transaction agree without the caller flushing."""
    session.flush()
    shared: Driver | None = session.info.get(UNIT_OF_WORK_DRIVER)
    if shared is not None:  # a unit of work's session: its own driver, on the same connection
        return shared
    transaction = session.get_transaction()
    cached = session.info.get("cashdesk_driver")
    if transaction is not None and cached is not None and cached[0] is transaction:
        kept: Driver = cached[1]
        return kept
    made = Driver(session)  # begins the transaction when there is none
    session.info["cashdesk_driver"] = (session.get_transaction(), made)
    return made
