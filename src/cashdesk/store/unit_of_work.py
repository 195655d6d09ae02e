"""One transaction (the unit of work): BEGIN IMMEDIATE within a bound, commit, rollback, and a
refused write (a full disk, a read-only file, a lock held too long) in words for the window."""

from __future__ import annotations

import functools
import logging
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cashdesk.store.write_errors import DatabaseBusy, DatabaseError, DatabaseReadOnly, is_busy, write_refusal
from cashdesk.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

    from cashdesk.store.db import Database
    from cashdesk.store.driver import Driver

log = logging.getLogger(__name__)

#: How long one statement waits for a lock another connection holds (SQLite's busy handler).
BUSY_TIMEOUT_MS = 5000
#: How long a writer waits in all for the write lock (BEGIN IMMEDIATE, tried again until then)
#: before it is refused in words: longer than any write of the program's own should take, and
#: short enough for a cashier with a customer at the window (docs/configuration.md).
WRITE_WAIT_SECONDS = 10.0


BUSY = QT_TRANSLATE_NOOP("unit_of_work", "The database is busy: another program on this station is writing to it "
                         "({holder}) and did not finish within {seconds:g} seconds. This was not saved, and "
                         "nothing was written (no payment was taken): try again in a moment.")  # fmt: skip
#: Who holds the write lock when no other program is seen with the file open.
UNKNOWN_HOLDER = QT_TRANSLATE_NOOP("unit_of_work", "an import or a backup?")


def busy_refusal(path: Path | None) -> DatabaseBusy:
    """The words for a write that waited its whole bound: who is writing, where it can be known."""
    from cashdesk.store.lock_holders import other_programs_using

    others = other_programs_using(path)
    if others:
        holder = translate("unit_of_work", "it is open in {programs}").format(programs="; ".join(others))
    else:
        holder = translate("unit_of_work", UNKNOWN_HOLDER)
    return DatabaseBusy(translate("unit_of_work", BUSY).format(holder=holder, seconds=WRITE_WAIT_SECONDS))


def _raise_refusal(exc: BaseException | None, engine: Engine) -> None:
    """The one rule for a full disk, a read-only file or a lock held too long: words for the
    person at the window."""
    if exc is not None and not isinstance(exc, DatabaseError) and is_busy(exc):
        log.warning("a write waited too long for the database and was rolled back: %s", exc)
        raise busy_refusal(_engine_path(engine)) from exc
    refusal = write_refusal(exc) if exc is not None else None
    if refusal is not None:
        log.error("a write was refused and rolled back: %s", exc)
        if isinstance(refusal, DatabaseReadOnly):
            # SQLite opened the file read-only and keeps it so: the next try takes a new connection.
            engine.dispose()
        raise refusal from exc


def _engine_path(engine: Engine) -> Path | None:
    database = engine.url.database
    return Path(database) if engine.dialect.name == "sqlite" and database and database != ":memory:" else None


def _begin(connection: Connection, *, write: bool, raw: bool = False) -> None:
    """Begin; a writer waits for the write lock at most WRITE_WAIT_SECONDS in all.

    raw: BEGIN IMMEDIATE on the driver's connection alone (a kept SQLite connection, counter
    posting): SQLAlchemy's transaction object is made only if an ORM session joins
    (`UnitOfWork.session`); its begin and commit machinery cost about 30 µs a payment.

    SQLite's busy handler waits up to the busy timeout for each BEGIN IMMEDIATE; when that ends
    with the lock still held (a long import, a backup), BEGIN is tried again, with the busy
    timeout cut to what is left of the bound, until the bound is spent. Then the caller's
    rollback-and-refuse path raises DatabaseBusy.
    """
    if not write or connection.dialect.name != "sqlite":
        connection.begin()
        return
    start = functools.partial(_begin_raw, connection) if raw else connection.begin
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    shortened = False
    try:
        while True:
            try:
                start()
                return
            except Exception as exc:
                left = deadline - time.monotonic()
                if not is_busy(exc) or left <= 0:
                    raise
                if connection.in_transaction():  # what the failed BEGIN left of SQLAlchemy's transaction
                    connection.rollback()
                log.info("the database is busy; waiting up to %.1f s more for the write lock", left)
                _set_busy_timeout(connection, max(1, int(left * 1000)))
                shortened = True
    finally:
        if shortened:  # the connection goes back to the pool with the usual timeout
            _set_busy_timeout(connection, BUSY_TIMEOUT_MS)


def _begin_raw(connection: Connection) -> None:
    """BEGIN IMMEDIATE on the driver's connection; a failure wrapped as the "begin" listener wraps it."""
    from sqlalchemy.exc import DBAPIError

    statement = "BEGIN IMMEDIATE"
    try:
        _driver_connection(connection).execute(statement)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(statement, (), exc, sqlite3.Error, dialect=connection.dialect) from exc


def _driver_connection(connection: Connection) -> sqlite3.Connection:
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _is_database_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, sqlite3.Error | SQLAlchemyError | DatabaseError)


def _set_busy_timeout(connection: Connection, milliseconds: int) -> None:
    raw = connection.connection.driver_connection  # on the driver's connection: no transaction begins
    assert raw is not None
    raw.execute(f"PRAGMA busy_timeout={milliseconds}")


class Kept:
    """A connection kept for a station's postings, with its driver made once."""

    __slots__ = ("connection", "rows")

    def __init__(self, connection: Connection) -> None:
        from cashdesk.store.driver import Driver

        self.connection = connection
        self.rows = Driver(connection)


class UnitOfWork:
    """One transaction that rolls back unless `commit()` is called (cosmicpython), and the one
    place for BEGIN IMMEDIATE, a full disk or a read-only file, commit and rollback.

    It gives two views of the same transaction on the same connection: `rows`, SQL at driver
    level (store/driver.py: the hottest writes, counter posting), and `session`, an ORM session
    made when first used. The session's pending rows are flushed before the driver speaks
    (`driver.driver`), and whatever either wrote is committed or rolled back together.

    kept: the database whose kept connection this unit of work holds (`Database.unit_of_work`);
    it is given back at the end instead of closed, or dropped after any failure.
    """

    def __init__(self, engine: Engine, *, write: bool, kept: Database | None = None) -> None:
        self._engine = engine
        self._write = write
        self._committed = False
        self._session: Session | None = None
        self._rows: Driver | None = None
        self._kept = kept
        # A kept SQLite connection begins and ends on the driver's connection (`_begin`, raw).
        self._raw = kept is not None and engine.dialect.name == "sqlite"
        self.connection: Connection

    def __enter__(self) -> UnitOfWork:
        # Writers take SQLite's write lock at BEGIN, so two windows never deadlock midway.
        try:
            if self._kept is not None:
                kept = self._kept._kept_connection()
                self.connection, self._rows = kept.connection, kept.rows
            else:
                begin = "IMMEDIATE" if self._write else "DEFERRED"
                self.connection = self._engine.connect().execution_options(cashdesk_begin=begin)
        except Exception:
            self._give_back(failed=True)
            raise
        try:
            _begin(self.connection, write=self._write, raw=self._raw)
        except Exception as exc:
            self._give_back(failed=True)
            _raise_refusal(exc, self._engine)
            raise
        return self

    def _give_back(self, *, failed: bool) -> None:
        """The connection back to the pool (closed), or the kept one back to its database."""
        if self._kept is not None:
            kept, self._kept = self._kept, None
            kept._release_kept(drop=failed)
        elif hasattr(self, "connection"):
            self.connection.close()

    @property
    def session(self) -> Session:
        """The ORM's view of this transaction: it joins it, and leaves the commit to the unit of work."""
        if self._session is None:
            from sqlalchemy.orm import Session

            from cashdesk.store.driver import UNIT_OF_WORK_DRIVER

            if not self.connection.in_transaction():  # begun raw: SQLAlchemy's transaction joins it
                self.connection.begin()
            session = Session(bind=self.connection, expire_on_commit=False, autoflush=True,
                              join_transaction_mode="rollback_only")  # fmt: skip
            session.info[UNIT_OF_WORK_DRIVER] = self._driver()  # one driver for every writer here
            self._session = session
        return self._session

    @property
    def rows(self) -> Driver:
        """SQL at driver level on this transaction (after the session's pending rows, if any)."""
        if self._session is not None:
            self._session.flush()
        return self._driver()

    def _driver(self) -> Driver:
        if self._rows is None:
            from cashdesk.store.driver import Driver

            self._rows = Driver(self.connection)
        return self._rows

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()  # flushes; the transaction itself is the connection's
        if self.connection.in_transaction():
            self.connection.commit()
        else:  # begun raw (`_begin`): no SQLAlchemy transaction was made
            _driver_connection(self.connection).commit()
        self._committed = True

    def rollback(self) -> None:
        """Undo everything written so far and go on in a new transaction of the same kind
        (for example to record only a refusal)."""
        if self._session is not None:
            self._session.rollback()  # rolls back the connection's transaction too
        self._roll_back()
        self._committed = False
        _begin(self.connection, write=self._write, raw=self._raw)

    def _roll_back(self) -> None:
        if self.connection.in_transaction():
            self.connection.rollback()
        elif self._raw:  # begun raw, or what a failed raw COMMIT left
            _driver_connection(self.connection).rollback()

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        # The one place where a full disk or a read-only file becomes words for the person at the
        # window: whatever statement or commit hit it, the whole transaction is rolled back.
        failed = exc is not None and _is_database_error(exc)  # a refusal in words leaves the connection sound
        try:
            if self._session is not None:
                self._session.close()  # leaves the connection's transaction as it is
            if not self._committed:
                self._roll_back()
        except Exception as rollback_exc:  # the rollback of a failed commit can fail the same way
            failed = True
            log.warning("rollback after a failed write: %s", rollback_exc)
            if exc is None:
                raise
        finally:
            self._give_back(failed=failed)
        _raise_refusal(exc, self._engine)
