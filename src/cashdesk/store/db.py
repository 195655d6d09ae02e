"""Opening the database: where it lives, the SQLite settings, schema checks, the kept connection.

The unit of work itself (one transaction, the write lock's wait, refusals in words) is in
store/unit_of_work.py; its names are found here too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The waits are read from there when used (`transaction.BUSY_TIMEOUT_MS`), so one change of them,
# a test's shorter bound for example, holds for the unit of work and the connections alike.
from cashdesk.store import unit_of_work as transaction
from cashdesk.store.file_checks import precheck_sqlite_file
from cashdesk.store.unit_of_work import BUSY_TIMEOUT_MS, WRITE_WAIT_SECONDS, Kept, UnitOfWork
from cashdesk.store.write_errors import (
    DISK_FULL,
    READ_ONLY,
    WRITE_FAILED,
    DatabaseBusy,
    DatabaseError,
    DatabaseReadOnly,
    NotInitialised,
    SchemaTooNew,
    SchemaTooOld,
    WriteRefused,
    is_busy,
    write_refusal,
)
from cashdesk.words import translate

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

# SQLAlchemy is imported when the database is first used, not when it is opened: the window
# shows its sign-in screen without waiting for it (docs/performance.md, window start).

#: Found here by the rest of the program, written in store/write_errors.py and store/unit_of_work.py.
__all__ = [
    "BUSY_TIMEOUT_MS",
    "WRITE_WAIT_SECONDS",
    "DISK_FULL",
    "READ_ONLY",
    "WRITE_FAILED",
    "DatabaseBusy",
    "DatabaseReadOnly",
    "DatabaseError",
    "NotInitialised",
    "SchemaTooNew",
    "SchemaTooOld",
    "WriteRefused",
    "is_busy",
    "write_refusal",
    "Kept",
    "UnitOfWork",
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
    "0017",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]


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
        cur.execute(f"PRAGMA busy_timeout={transaction.BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        raw = conn.connection.driver_connection
        if raw is not None and raw.in_transaction:  # begun on the driver's connection (`_begin`, raw)
            return
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
        raise NotInitialised(
            translate("db", "The database {where} is empty. Run `cashdesk init` to create it.").format(where=where)
        )
    if revision not in KNOWN_REVISIONS:
        raise SchemaTooNew(
            translate(
                "db",
                "The database {where} was made by a newer version of cashdesk (schema {revision}); "
                "this version knows schema {head} and older. Install the newer cashdesk, "
                "or open another database. The file was left untouched.",
            ).format(where=where, revision=revision, head=HEAD_REVISION)
        )
    if revision != HEAD_REVISION:
        raise SchemaTooOld(
            translate(
                "db",
                "The database {where} has an older schema ({revision}). "
                "Run `cashdesk init` to upgrade it (a copy is kept first).",
            ).format(where=where, revision=revision)
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
                revision = precheck_sqlite_file(
                    path, quick_check=quick_check, timeout=transaction.BUSY_TIMEOUT_MS / 1000
                )
            elif not create:
                raise NotInitialised(
                    translate("db", "There is no database at {path}. Run `cashdesk init` to create one.").format(
                        path=path
                    )
                )
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
        held = self._keeping.acquire(timeout=transaction.WRITE_WAIT_SECONDS)  # not while a posting is using it
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
