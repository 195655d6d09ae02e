"""Restoring a backup with care: checked before anything moves, made whole beside the database, swapped in.

`restore` checks everything before anything moves, makes the restored database whole beside
the old one (brought up to this version's schema, its `restore` audit event in it), then puts
it in place with one rename: at every instant the path holds the old database or the new one,
never neither, and never a `-wal` of the one beside the other (docs/backups.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cashdesk import clock
from cashdesk.domain.cards import mask
from cashdesk.services import audit
from cashdesk.services.backup import (
    PARTIAL,
    BackupCheck,
    BackupError,
    abandoned,
    check_backup,
    companions,
    copy_online,
    is_busy,
    remove_with_companions,
    sha256_of,
)
from cashdesk.services.context import DatabaseError
from cashdesk.services.files import sync_folder
from cashdesk.store.db import BUSY_TIMEOUT_MS, HEAD_REVISION
from cashdesk.words import translate

RESTORING = ".restoring"  # the restored database being made, beside the one it will replace
REPLACED = ".replaced-"  # the database a restore replaced, kept
#: How long restore waits for a window's transaction to end before it says the database is in use.
HOLD_TIMEOUT_S = 1.0


@dataclass(frozen=True, slots=True)
class RestoreResult:
    path: Path  # the backup
    replaced: Path | None  # where the database that was there before now is
    check: BackupCheck  # of the backup, as it was
    upgraded_to: str = ""  # the schema the restored database was brought up to, "" when it had it
    cleared: tuple[Path, ...] = ()  # what an interrupted restore had left, removed first

    def describe(self) -> str:
        upgraded = f", brought up to schema {self.upgraded_to}" if self.upgraded_to else ""
        text = (
            f"Restored {self.path} (schema {self.check.revision}{upgraded}, {self.check.audit_events:,} audit events)."
        )
        if self.replaced:
            text += f" The database it replaced is kept at {self.replaced}."
        if self.cleared:
            text += f" Removed {len(self.cleared)} file(s) an interrupted restore had left."
        return text


def _unreadable(database: Path) -> bool:
    """Damaged beyond SQLite's opening it? Asked read-only: a read-write connection to such a file
    deletes its -wal when it closes, and that log may hold the last payments."""
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=HOLD_TIMEOUT_S)
    except sqlite3.Error:
        return True
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        return getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
    finally:
        con.close()
    return False


def clear_interrupted_restore(database: Path) -> tuple[Path, ...]:
    """Remove what a restore that was stopped (killed, a power cut) left beside `database`: its
    half-made copy, and a second name of the database made just before the swap. Never the
    database, nor a kept replaced file. Run by the next restore and by `cashdesk init`."""
    folder = database.parent
    if not folder.is_dir():
        return ()
    removed: list[Path] = []
    copy = database.with_name(database.name + RESTORING)
    if copy.exists() and not abandoned(copy):
        raise BackupError(
            translate(
                "restore",
                "Another restore into {database} is under way ({copy_name} is being written). Wait for "
                "it to end, then try again.",
            ).format(database=database, copy_name=copy.name)
        )
    removed += remove_with_companions(copy)
    for kept in sorted(p for p in folder.iterdir() if p.name.startswith(database.name + REPLACED)):
        if kept.name.endswith(PARTIAL):  # a kept copy being made where the disk takes no second names
            if abandoned(kept):
                removed += remove_with_companions(kept)
        elif database.exists() and os.path.samefile(kept, database):
            # The swap never happened: this is the live database under a second name, not a copy of it.
            kept.unlink()
            removed.append(kept)
    removed += _settle(database)
    if removed:
        sync_folder(folder)
    return tuple(removed)


def _settle(database: Path) -> list[Path]:
    """A rollback journal beside the database: a restore was stopped while it took the database out of
    WAL mode. Opened as SQLite opens it, a hot journal is rolled back (a read-only look, as at the
    window's start, cannot do that and would call the file damaged); one that is not hot is junk."""
    journal = database.with_name(database.name + "-journal")
    if not (database.is_file() and journal.exists()) or _unreadable(database):
        return []
    con = sqlite3.connect(database, timeout=HOLD_TIMEOUT_S, isolation_level=None)
    try:
        con.execute("BEGIN EXCLUSIVE")  # a hot journal is rolled back on the way to this lock
        removed = [journal] if journal.exists() else []
        journal.unlink(missing_ok=True)  # with the lock held, nobody is writing through it
        con.execute("ROLLBACK")
        return removed
    except sqlite3.Error:
        return []  # in use, or damaged: not a leftover of ours to settle
    finally:
        con.close()


def restore(backup_path: Path, database: Path, *, user: str, now: dt.datetime | None = None) -> RestoreResult:
    """Put a checked backup in place of `database`; the file it replaces is kept beside it.

    Not a service of an open context: nobody may be using the database while it is replaced.
    """
    from cashdesk.config import Settings

    backup_path = backup_path.expanduser().resolve()
    database = database.expanduser().resolve()
    moment = now or clock.now()

    cleared, check = _checks_before_anything_moves(backup_path, database)
    station = Settings.load().station.id

    # -- the restored database, made whole beside the old one ---------------------------------------
    copy = database.with_name(database.name + RESTORING)
    hold: _Hold | None = None
    replaced: Path | None = None
    try:
        copy_online(backup_path, copy, check=False)
        upgraded = _bring_up_to_date(copy, check.revision)
        hold = _Hold.take(database) if database.exists() else None
        replaced = _replaced_name(database, moment) if hold is not None else None
        _record_restore(copy, user=user, station=station, at=moment, source=backup_path, check=check,
                        upgraded=upgraded, replaced=replaced, replaced_head=hold.head() if hold else None)  # fmt: skip
        _fold(copy)
        final = check_backup(copy)
        if not final.ok or final.revision != HEAD_REVISION:
            raise BackupError(
                translate(
                    "restore",
                    "Not restored: the restored copy did not check out ({problem}). The database was left as it was.",
                ).format(problem=final.problem or final.revision)
            )

        # -- the swap: the path holds the old database or the new one at every instant -------------
        if hold is not None and replaced is not None:
            hold.keep_as(replaced)
        copy.replace(database)
        sync_folder(database.parent)
    except OSError as exc:
        raise BackupError(
            translate(
                "restore",
                "Not restored: could not write beside {database}: {strerror}. The database was left as it was.",
            ).format(database=database, strerror=exc.strerror or exc)
        ) from None
    except sqlite3.Error as exc:
        raise BackupError(
            translate("restore", "Not restored: {exc}. The database was left as it was.").format(exc=exc)
        ) from None
    finally:
        if replaced is not None and replaced.exists() and database.exists() and os.path.samefile(replaced, database):
            replaced.unlink()  # the swap did not happen: that was the live database's second name
        if hold is not None:
            hold.release()
        remove_with_companions(copy)
    return RestoreResult(backup_path, replaced, check, upgraded, cleared)


def _checks_before_anything_moves(backup_path: Path, database: Path) -> tuple[tuple[Path, ...], BackupCheck]:
    """What an interrupted restore left (cleared), and the backup's check. A refusal here leaves the
    database, the files beside it and the backup as they were (only that leftover is cleared)."""
    if backup_path == database or (
        backup_path.exists() and database.exists() and os.path.samefile(backup_path, database)
    ):
        raise BackupError(translate("restore", "That is the database itself, not a backup of it."))
    if database.is_dir():
        raise BackupError(
            translate("restore", "{database} is a folder; give --db the database file.").format(database=database)
        )
    cleared = clear_interrupted_restore(database)
    check = check_backup(backup_path)
    if not check.ok:
        raise BackupError(
            translate("restore", "Not restored: {problem} The database was left as it was.").format(
                problem=check.problem
            )
        )
    from cashdesk.services.anchors import restore_problem

    short = restore_problem(backup_path, database)  # the chain must reach the last anchor printed or exported
    if short:
        raise BackupError(
            translate("restore", "Not restored: {short} The database was left as it was.").format(short=short)
        )
    if not database.exists():
        for side in companions(database):
            if side.exists():
                raise BackupError(
                    translate(
                        "restore",
                        "Not restored: there is no database at {database}, but there is {side_name} beside it, "
                        "which SQLite would read into the restored database. Move it to another folder, then "
                        "restore again.",
                    ).format(database=database, side_name=side.name)
                )
    return cleared, check


def _bring_up_to_date(copy: Path, revision: str) -> str:
    """An older backup is brought up to this version's schema on the copy, with the same Alembic
    migrations and default revenue codes as `cashdesk init`; the backup file itself is not touched.
    Returns the schema it was brought to, "" when it had it."""
    if revision == HEAD_REVISION:
        return ""
    from sqlalchemy.exc import SQLAlchemyError

    from cashdesk.services.setup import install_revenue_codes
    from cashdesk.store.db import Database

    database = Database.open(copy, require_current=False, quick_check=False)
    try:
        database.upgrade()
        install_revenue_codes(database)
    except (SQLAlchemyError, DatabaseError) as exc:
        why = str(getattr(exc, "orig", None) or exc).splitlines()[0]  # SQLite's words, not the SQL
        raise BackupError(
            translate(
                "restore",
                "Not restored: the backup has an older schema ({revision}) and could not be brought up "
                "to schema {HEAD_REVISION} ({why}). The database was left as it was.",
            ).format(revision=revision, HEAD_REVISION=HEAD_REVISION, why=why)
        ) from None
    finally:
        database.dispose()
    return HEAD_REVISION


def _record_restore(copy: Path, *, user: str, station: str, at: dt.datetime, source: Path, check: BackupCheck,
                    upgraded: str, replaced: Path | None, replaced_head: tuple[int, str] | None) -> None:  # fmt: skip
    """The restore's audit event, written into the restored database before it is put in place:
    the restored trail always says where it came from and what it set aside."""
    from cashdesk.store.db import Database

    database = Database.open(copy, quick_check=False)
    try:
        with database.unit_of_work() as uow:
            audit.record(uow.session, user=user, station=station, event_type="restore", object=mask(source.name)[:120],
                         details={"from": mask(str(source))[:300], "sha256": sha256_of(source)[:12],
                                  "schema": check.revision, "upgraded_to": upgraded, "audit_events": check.audit_events,
                                  "replaced": mask(str(replaced or ""))[:300],
                                  "replaced_last_event": replaced_head[0] if replaced_head else 0,
                                  "replaced_last_hash": replaced_head[1][:12] if replaced_head else ""},
                         at=at)  # fmt: skip
            uow.commit()
    finally:
        database.dispose()


def _fold(path: Path) -> None:
    """One self-contained file: the write-ahead log checkpointed into it and removed, with its index."""
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _replaced_name(database: Path, moment: dt.datetime) -> Path:
    kept = database.with_name(f"{database.name}{REPLACED}{moment:%Y%m%dT%H%M%S}")
    n = 1
    while kept.exists() or kept.with_name(kept.name + PARTIAL).exists():
        n += 1
        kept = database.with_name(f"{database.name}{REPLACED}{moment:%Y%m%dT%H%M%S}-{n}")
    return kept


class _Hold:
    """The old database, held for the swap: folded into one file (its -wal checkpointed into it and
    removed, so no log of it is left beside the restored one) and locked, so nobody writes it
    between its keeping and its replacing. A database SQLite cannot open (damaged) is held by name
    only: its companions then go with it."""

    def __init__(self, database: Path, con: sqlite3.Connection | None) -> None:
        self.database = database
        self.con = con

    @classmethod
    def take(cls, database: Path) -> _Hold:
        if _unreadable(database):
            return cls(database, None)
        con = sqlite3.connect(database, timeout=HOLD_TIMEOUT_S, isolation_level=None)
        try:
            # Needs the file to itself: a window that has it open, even idle, keeps this from happening.
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()
            con.execute("BEGIN EXCLUSIVE")
        except sqlite3.Error as exc:
            con.close()
            if is_busy(exc):
                raise BackupError(
                    translate(
                        "restore",
                        "Not restored: {database} is in use (a window or a command has it open). Close every "
                        "cashdesk window that uses it, then restore. The database was left as it was.",
                    ).format(database=database)
                ) from None
            return cls(database, None)  # SQLite cannot hold it: kept by name, with what is beside it
        if mode is None or str(mode[0]).lower() != "delete":
            con.close()
            raise BackupError(
                translate(
                    "restore",
                    "Not restored: {database} could not be taken out of use. Close every cashdesk window "
                    "that uses it, then restore. The database was left as it was.",
                ).format(database=database)
            )
        # Held in rollback mode with the file to ourselves: whatever is still beside it is junk no
        # connection uses (a journal that was not hot), and must not be left beside the restored one.
        for side in companions(database):
            side.unlink(missing_ok=True)
        return cls(database, con)

    def head(self) -> tuple[int, str] | None:
        """The last event of the trail being set aside (for the restore's own event)."""
        if self.con is None:
            return None
        try:
            row = self.con.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        except sqlite3.Error:
            return None
        return (int(row[0]), str(row[1])) if row else None

    def keep_as(self, replaced: Path) -> None:
        """A second name for the old database; the swap then takes the first one."""
        if self.con is not None:
            try:
                os.link(self.database, replaced)
            except OSError:  # a disk that takes no second names (FAT, some shares): a copy
                self._copy_to(replaced)
        else:
            try:
                os.link(self.database, replaced)
            except OSError:  # no lock to lose here: a plain copy of the bytes
                partial = replaced.with_name(replaced.name + PARTIAL)
                shutil.copyfile(self.database, partial)
                with partial.open("rb") as handle:
                    os.fsync(handle.fileno())
                partial.replace(replaced)
            for side, kept in zip(companions(self.database), companions(replaced), strict=True):
                if side.exists():
                    side.replace(kept)
        sync_folder(replaced.parent)

    def _copy_to(self, replaced: Path) -> None:
        # Through the connection that holds the lock: a file opened and closed beside it would
        # drop the lock (POSIX locks belong to the process, not to the file handle).
        assert self.con is not None
        partial = replaced.with_name(replaced.name + PARTIAL)
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            self.con.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        partial.replace(replaced)

    def release(self) -> None:
        if self.con is not None:
            with contextlib.suppress(sqlite3.Error):  # nothing was written in it
                self.con.execute("ROLLBACK")
            self.con.close()
            self.con = None
