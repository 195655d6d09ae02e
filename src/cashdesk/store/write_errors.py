"""What a write refused by SQLite or the disk is called, and the words for the person at the window.

store/db.py raises these (and re-exports them, where the rest of the program finds them).
"""

from __future__ import annotations

import sqlite3

from cashdesk.words import QT_TRANSLATE_NOOP, translate


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


class DatabaseReadOnly(WriteRefused):
    """SQLite opened the file read-only and keeps it so: the next try wants a new connection."""


# The words, in English here (tests and the command line read them so); the refusals carry them in
# the window's language (cashdesk.words).
DISK_FULL = QT_TRANSLATE_NOOP("write_errors", "The disk is full: this was not saved, and nothing was written. "
                              "Free space on the disk (or call IT), then do it again: a payment can be posted "
                              "again as it is.")  # fmt: skip
WRITE_FAILED = QT_TRANSLATE_NOOP("write_errors", "The database file could not be written (the disk refused the "
                                 "write: it may be full or failing): this was not saved, and nothing was written. "
                                 "Free space on the disk or call IT, then do it again.")  # fmt: skip
READ_ONLY = QT_TRANSLATE_NOOP("write_errors", "The database file is read-only: this was not saved, and nothing was "
                              "written. Ask IT to make the file and its folder writable, or open another database, "
                              "then do it again.")  # fmt: skip


#: What the window's guard says (store/synced.py) when a receipt would go to a business day its office
#: has closed; the refusal below gives the words.
OFFICE_CLOSED_MARK = "cashdesk: the office has closed this business day"
OFFICE_DAY_CLOSED = QT_TRANSLATE_NOOP("write_errors", "The office has closed this drawer's business day: no payment "
                                      "can be posted to it, and nothing was written. Balance this drawer (if it "
                                      "holds money of that day, call the office's supervisor first), then open a "
                                      "new one: it belongs to the next open day (docs/office.md).")  # fmt: skip


class OfficeDayClosed(WriteRefused):
    """A receipt for a business day the window's office has closed: nothing was written."""


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error means another connection held a lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    exc = _sqlite_error(exc)
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorname", "")
    return code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc).lower()


def _sqlite_error(exc: BaseException) -> BaseException:
    from sqlalchemy.exc import OperationalError  # SQLAlchemy is imported when the database is first used

    if isinstance(exc, OperationalError) and isinstance(exc.orig, BaseException):
        return exc.orig
    return exc


def write_refusal(exc: BaseException) -> WriteRefused | None:
    """The refusal to raise for an SQLite error that means the disk or the file would not take
    a write; None for any other error (a bug, a constraint: those stay as they are)."""
    exc = _sqlite_error(exc)
    if not isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        return None
    if OFFICE_CLOSED_MARK in str(exc):
        return OfficeDayClosed(translate("write_errors", OFFICE_DAY_CLOSED))
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "")
    if "disk is full" in text or code == "SQLITE_FULL":
        return WriteRefused(translate("write_errors", DISK_FULL))
    if "readonly database" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return DatabaseReadOnly(translate("write_errors", READ_ONLY))
    if "disk i/o error" in text or code.startswith("SQLITE_IOERR"):
        return WriteRefused(translate("write_errors", WRITE_FAILED))
    return None
