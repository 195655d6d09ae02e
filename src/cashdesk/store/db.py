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

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

    from cashdesk.store.driver import Driver

# SQLAlchemy is imported when the database is first used, not when it is opened: the window
# shows its sign-in screen without waiting for it (docs/performance.md, window start).

log = logging.getLogger(__name__)

#: Every schema revision this program knows, oldest first. A test keeps it equal to the
#: Alembic scripts, so start-up can check the schema without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")
HEAD_REVISION = KNOWN_REVISIONS[-1]

#: How long one statement waits for a lock another connection holds (SQLite's busy handler).
BUSY_TIMEOUT_MS = 5000
#: How long a writer waits in all for the write lock (BEGIN IMMEDIATE, tried again until then)
#: before it is refused in words: longer than any write of the program's own should take, and
#: short enough for a cashier with a customer at the window (docs/configuration.md).
WRITE_WAIT_SECONDS = 10.0


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class NotInitialised(DatabaseError):
    pass


class SchemaTooNew(DatabaseError):
    pass


class SchemaTooOld(DatabaseError):
    pass


class WriteRefused(DatabaseError):
    """The disk or the file refused a write (full, read-only, failing): the transaction was rolled back."""


class DatabaseBusy(WriteRefused):
    """Another connection held the write lock for longer than WRITE_WAIT_SECONDS: nothing was written."""


DISK_FULL = ("The disk is full: this was not saved, and nothing was written. Free space on the disk (or call IT), "
             "then do it again: a payment can be posted again as it is.")  # fmt: skip
WRITE_FAILED = ("The database file could not be written (the disk refused the write: it may be full or failing): "
                "this was not saved, and nothing was written. "
                "Free space on the disk or call IT, then do it again.")  # fmt: skip
READ_ONLY = ("The database file is read-only: this was not saved, and nothing was written. Ask IT to make the "
             "file and its folder writable, or open another database, then do it again.")  # fmt: skip


BUSY = ("The database is busy: another program on this station is writing to it ({holder}) and did not "
        "finish within {seconds:g} seconds. This was not saved, and nothing was written (no payment was "
        "taken): try again in a moment.")  # fmt: skip
#: Who holds the write lock when no other program is seen with the file open.
UNKNOWN_HOLDER = "an import or a backup?"


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error means another connection held a lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    exc = _sqlite_error(exc)
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorname", "")
    return code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc).lower()


def _sqlite_error(exc: BaseException) -> BaseException:
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError) and isinstance(exc.orig, BaseException):
        return exc.orig
    return exc


def busy_refusal(path: Path | None) -> DatabaseBusy:
    """The words for a write that waited its whole bound: who is writing, where it can be known."""
    from cashdesk.store.lock_holders import other_programs_using

    others = other_programs_using(path)
    holder = ("it is open in " + "; ".join(others)) if others else UNKNOWN_HOLDER
    return DatabaseBusy(BUSY.format(holder=holder, seconds=WRITE_WAIT_SECONDS))


def write_refusal(exc: BaseException) -> WriteRefused | None:
    """The refusal to raise for an SQLite error that means the disk or the file would not take
    a write; None for any other error (a bug, a constraint: those stay as they are)."""
    exc = _sqlite_error(exc)
    if not isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        return None
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "")
    if "disk is full" in text or code == "SQLITE_FULL":
        return WriteRefused(DISK_FULL)
    if "readonly database" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return WriteRefused(READ_ONLY)
    if "disk i/o error" in text or code.startswith("SQLITE_IOERR"):
        return WriteRefused(WRITE_FAILED)
    return None


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


def _precheck_sqlite_file(path: Path, *, quick_check: bool) -> str | None:
    """Look at an existing file read-only, so a file we refuse is left exactly as it was.

    Returns the schema revision, or None for an empty database.
    """
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a cashdesk database.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"The database {path} cannot be opened ({exc}). Check the path and its permissions."
        ) from None
    try:
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                f"{path} is not a cashdesk database or it is damaged ({exc}). "
                "It was left untouched. Restore the latest backup or choose another file."
            ) from None
        if quick_check:
            rows = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
            if rows != ["ok"]:
                raise DatabaseError(
                    f"The database {path} is damaged: {'; '.join(rows)}. "
                    "It was left untouched. Restore the latest backup."
                )
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise DatabaseError(f"{path} is an SQLite file but not a cashdesk database. It was left untouched.")
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


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
                revision = _precheck_sqlite_file(path, quick_check=quick_check)
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

    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self.engine, write=write)

    def dispose(self) -> None:
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


def _set_busy_timeout(connection: Connection, milliseconds: int) -> None:
    raw = connection.connection.driver_connection  # on the driver's connection: no transaction begins
    assert raw is not None
    raw.execute(f"PRAGMA busy_timeout={milliseconds}")


class UnitOfWork:
    """One transaction that rolls back unless `commit()` is called (cosmicpython), and the one
    place for BEGIN IMMEDIATE, a full disk or a read-only file, commit and rollback.

    It gives two views of the same transaction on the same connection: `rows`, SQL at driver
    level (store/driver.py: the hottest writes, counter posting), and `session`, an ORM session
    made when first used. The session's pending rows are flushed before the driver speaks
    (`driver.driver`), and whatever either wrote is committed or rolled back together.
    """

    def __init__(self, engine: Engine, *, write: bool) -> None:
        self._engine = engine
        self._write = write
        self._committed = False
        self._session: Session | None = None
        self._rows: Driver | None = None
        self.connection: Connection

    def __enter__(self) -> UnitOfWork:
        # Writers take SQLite's write lock at BEGIN, so two windows never deadlock midway.
        begin = "IMMEDIATE" if self._write else "DEFERRED"
        self.connection = self._engine.connect().execution_options(cashdesk_begin=begin)
        try:
            _begin(self.connection, write=self._write)
        except Exception as exc:
            self.connection.close()
            _raise_refusal(exc, self._engine)
            raise
        return self

    @property
    def session(self) -> Session:
        """The ORM's view of this transaction: it joins it, and leaves the commit to the unit of work."""
        if self._session is None:
            from sqlalchemy.orm import Session

            self._session = Session(bind=self.connection, expire_on_commit=False, autoflush=True,
                                    join_transaction_mode="rollback_only")  # fmt: skip
        return self._session

    @property
    def rows(self) -> Driver:
        """SQL at driver level on this transaction (after the session's pending rows, if any)."""
        if self._session is not None:
            self._session.flush()
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
        try:
            if self._session is not None:
                self._session.close()  # leaves the connection's transaction as it is
            if not self._committed:
                self.connection.rollback()
        except Exception as rollback_exc:  # the rollback of a failed commit can fail the same way
            log.warning("rollback after a failed write: %s", rollback_exc)
            if exc is None:
                raise
        finally:
            self.connection.close()
        _raise_refusal(exc, self._engine)
