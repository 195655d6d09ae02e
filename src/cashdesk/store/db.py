"""Opening the database: where it lives, the SQLite settings, schema checks, the unit of work."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashdesk.store.file_checks import precheck_sqlite_file
from cashdesk.store.write_errors import (
    DISK_FULL,
    READ_ONLY,
    WRITE_FAILED,
    DatabaseBusy,
    DatabaseError,
    NotInitialised,
    SchemaTooNew,
    SchemaTooOld,
    WriteRefused,
    is_busy,
    write_refusal,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

    from cashdesk.store.driver import Driver

# SQLAlchemy is imported when the database is first used, not when it is opened: the window
# shows its sign-in screen without waiting for it (docs/performance.md, window start).

log = logging.getLogger(__name__)

#: Found here by the rest of the program, written in store/write_errors.py.
__all__ = [
    "DISK_FULL",
    "READ_ONLY",
    "WRITE_FAILED",
    "DatabaseBusy",
    "DatabaseError",
    "NotInitialised",
    "SchemaTooNew",
    "SchemaTooOld",
    "WriteRefused",
    "is_busy",
    "write_refusal",
]

#: Every schema revision this program knows, oldest first. A test keeps it equal to the
#: Alembic scripts, so start-up can check the schema without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

#: How long one statement waits for a lock another connection holds (SQLite's busy handler).
BUSY_TIMEOUT_MS = 5000
#: How long a writer waits in all for the write lock (BEGIN IMMEDIATE, tried again until then)
#: before it is refused in words: longer than any write of the program's own should take, and
#: short enough for a cashier with a customer at the window (docs/configuration.md).
WRITE_WAIT_SECONDS = 10.0


BUSY = ("The database is busy: another program on this station is writing to it ({holder}) and did not "
        "finish within {seconds:g} seconds. This was not saved, and nothing was written (no payment was "
        "taken): try again in a moment.")  # fmt: skip
#: Who holds the write lock when no other program is seen with the file open.
UNKNOWN_HOLDER = "an import or a backup?"


def busy_refusal(path: Path | None) -> DatabaseBusy:
    """The words for a write that waited its whole bound: who is writing, where it can be known."""
    from cashdesk.store.lock_holders import other_programs_using

    others = other_programs_using(path)
    holder = ("it is open in " + "; ".join(others)) if others else UNKNOWN_HOLDER
    return DatabaseBusy(BUSY.format(holder=holder, seconds=WRITE_WAIT_SECONDS))


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("cashdesk", appauthor=False) / "cashdesk.sqlite3"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db` beats `CASHDESK_DB` beats the user data folder. A path or a SQLAlchemy URL."""
    chosen = os.fspath(db) if db is not None else os.environ.get("CASHDESK_DB") or None
    if chosen is None:
        chosen = os.fspath(default_database_path())
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and "?" not in url:  # what resolve_url makes of a path
        database = url[len("sqlite:///") :]
        return Path(database) if database and database != ":memory:" else None
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event
    from sqlalchemy.exc import DBAPIError

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves so that writers take the lock up front (BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        statement = f"BEGIN {conn.get_execution_options().get('cashdesk_begin', 'DEFERRED')}"
        # On the driver's connection: SQLAlchemy's statement machinery cost about 50 µs a
        # transaction (a tenth of a counter posting). A failure is wrapped as exec_driver_sql
        # wraps it (OperationalError with the driver's error as .orig), for those who catch it.
        try:
            conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
        except sqlite3.Error as exc:
            raise DBAPIError.instance(statement, (), exc, sqlite3.Error, dialect=conn.dialect) from exc


def check_revision(revision: str | None, where: str) -> None:
    if revision is None:
        raise NotInitialised(f"The database {where} is empty. Run `cashdesk init` to create it.")
    if revision not in KNOWN_REVISIONS:
        raise SchemaTooNew(
            f"The database {where} was made by a newer version of cashdesk (schema {revision}); "
            f"this version knows schema {HEAD_REVISION} and older. Install the newer cashdesk, "
            "or open another database. The file was left untouched."
        )
    if revision != HEAD_REVISION:
        raise SchemaTooOld(
            f"The database {where} has an older schema ({revision}). "
            "Run `cashdesk init` to upgrade it (a copy is kept first)."
        )


class Database:
    """One database: an engine plus the checks cashdesk makes before using it."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self._engine = engine
        self._making = threading.Lock()  # the window's background checks may ask for it at once
        self.revision_at_open: str | None = None
        self._kept: Kept | None = None  # the station's posting connection (unit_of_work(kept=True))
        self._keeping = threading.Lock()  # held while a unit of work uses it

    @property
    def engine(self) -> Engine:
        """Made on first use (SQLAlchemy is imported then)."""
        if self._engine is None:
            with self._making:
                if self._engine is None:
                    self._engine = _make_engine(self.url)
        return self._engine

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(
        cls,
        db: str | os.PathLike[str] | None = None,
        *,
        create: bool = False,
        require_current: bool = True,
        quick_check: bool = True,
    ) -> Database:
        """Open the database at `db` (see `resolve_url`).

        create: a missing SQLite file is created (empty; `upgrade()` makes the schema).
        require_current: refuse anything but the schema this program writes.
        """
        url = resolve_url(db)
        path = sqlite_path(url)
        revision: str | None = None
        if path is not None:
            if path.exists():
                revision = precheck_sqlite_file(path, quick_check=quick_check, timeout=BUSY_TIMEOUT_MS / 1000)
            elif not create:
                raise NotInitialised(f"There is no database at {path}. Run `cashdesk init` to create one.")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
        database = cls(url)
        if path is None:
            revision = database.schema_revision()
        # For SQLite this was read without connecting the engine: the file is as it was.
        database.revision_at_open = revision
        if revision is not None and revision not in KNOWN_REVISIONS:
            database.dispose()
            check_revision(revision, str(path or url))
        if require_current:
            try:
                check_revision(revision, str(path or url))
            except DatabaseError:
                database.dispose()
                raise
        return database

    def quick_check(self) -> list[str]:
        """SQLite's quick_check: [] when the file is sound, else what it found (at most 5)."""
        if not self.is_sqlite:
            return []
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
        return [] if rows == ["ok"] else rows

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, "alembic_version"):
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def upgrade(self) -> tuple[str | None, str]:
        """Bring the schema to the head revision, in one transaction. Returns (before, after)."""
        from cashdesk.store.schema import upgrade

        before = self.schema_revision()
        if before is not None and before not in KNOWN_REVISIONS:
            check_revision(before, str(self.path or self.url))  # refuses: newer than us
        upgrade(self.engine)
        return before, HEAD_REVISION

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection for queries that want no ORM overhead."""
        with self.engine.connect() as conn:
            yield conn

    def unit_of_work(self, *, write: bool = True, kept: bool = False) -> UnitOfWork:
        """One transaction. kept: a writer on the station's kept connection (counter posting): one
        connection and its driver set up once, not taken from the pool and given back each time.
        While another thread's unit of work holds it, this one takes a pooled connection as usual."""
        if kept and write and self._keeping.acquire(blocking=False):
            return UnitOfWork(self.engine, write=True, kept=self)
        return UnitOfWork(self.engine, write=write)

    def _kept_connection(self) -> Kept:
        """The kept connection, made when first used; the caller holds `_keeping`."""
        if self._kept is None:
            self._kept = Kept(self.engine.connect().execution_options(cashdesk_begin="IMMEDIATE"))
        return self._kept

    def _release_kept(self, *, drop: bool) -> None:
        """Give the kept connection back; drop: close it (after a failure: the next one is new)."""
        try:
            if drop and self._kept is not None:
                kept, self._kept = self._kept, None
                with contextlib.suppress(Exception):
                    kept.connection.close()
        finally:
            self._keeping.release()

    def dispose(self) -> None:
        held = self._keeping.acquire(timeout=WRITE_WAIT_SECONDS)  # not while a posting is using it
        try:
            if self._kept is not None:
                kept, self._kept = self._kept, None
                with contextlib.suppress(Exception):
                    kept.connection.close()
        finally:
            if held:
                self._keeping.release()
        if self._engine is not None:
            self._engine.dispose()


def _make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine

    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _raise_refusal(exc: BaseException | None, engine: Engine) -> None:
    """The one rule for a full disk, a read-only file or a lock held too long: words for the
    person at the window."""
    if exc is not None and not isinstance(exc, DatabaseError) and is_busy(exc):
        log.warning("a write waited too long for the database and was rolled back: %s", exc)
        raise busy_refusal(_engine_path(engine)) from exc
    refusal = write_refusal(exc) if exc is not None else None
    if refusal is not None:
        log.error("a write was refused and rolled back: %s", exc)
        if str(refusal) == READ_ONLY:
            # SQLite opened the file read-only and keeps it so: the next try takes a new connection.
            engine.dispose()
        raise refusal from exc


def _engine_path(engine: Engine) -> Path | None:
    database = engine.url.database
    return Path(database) if engine.dialect.name == "sqlite" and database and database != ":memory:" else None


def _begin(connection: Connection, *, write: bool) -> None:
    """Begin; a writer waits for the write lock at most WRITE_WAIT_SECONDS in all.

    SQLite's busy handler waits up to the busy timeout for each BEGIN IMMEDIATE; when that ends
    with the lock still held (a long import, a backup), BEGIN is tried again, with the busy
    timeout cut to what is left of the bound, until the bound is spent. Then the caller's
    rollback-and-refuse path raises DatabaseBusy.
    """
    if not write or connection.dialect.name != "sqlite":
        connection.begin()
        return
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    shortened = False
    try:
        while True:
            try:
                connection.begin()
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
            _begin(self.connection, write=self._write)
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
        self.connection.commit()
        self._committed = True

    def rollback(self) -> None:
        """Undo everything written so far and go on in a new transaction of the same kind
        (for example to record only a refusal)."""
        if self._session is not None:
            self._session.rollback()  # rolls back the connection's transaction too
        if self.connection.in_transaction():
            self.connection.rollback()
        self._committed = False
        _begin(self.connection, write=self._write)

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        # The one place where a full disk or a read-only file becomes words for the person at the
        # window: whatever statement or commit hit it, the whole transaction is rolled back.
        failed = exc is not None and _is_database_error(exc)  # a refusal in words leaves the connection sound
        try:
            if self._session is not None:
                self._session.close()  # leaves the connection's transaction as it is
            if not self._committed:
                self.connection.rollback()
        except Exception as rollback_exc:  # the rollback of a failed commit can fail the same way
            failed = True
            log.warning("rollback after a failed write: %s", rollback_exc)
            if exc is None:
                raise
        finally:
            self._give_back(failed=failed)
        _raise_refusal(exc, self._engine)
