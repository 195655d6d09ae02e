"""Backups of the SQLite database: taken online, checked after writing, restored with care.

`backup` copies the live database with SQLite's online backup API (the window may keep
working), into a temporary name beside the target, checks the copy (integrity_check, a
cashdesk schema this version knows, the audit chain), then renames it into place. The day
close takes one automatically (`automatic_backup`) and keeps the newest `backup.keep`.

`restore` refuses a file that fails the same check, refuses while the database is in use,
keeps the file it replaces (`NAME.replaced-YYYYMMDDTHHMMSS`) and puts the backup in place
by copy then rename, so a failure half way leaves the old database where it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cashdesk import clock
from cashdesk.domain.audit import AuditRecord, verify_chain
from cashdesk.domain.cards import mask
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.db import BUSY_TIMEOUT_MS, KNOWN_REVISIONS

AUTOMATIC = re.compile(r"^cashdesk-day-\d{4}-\d{2}-\d{2}\.sqlite3$")


class BackupError(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class BackupCheck:
    ok: bool
    problem: str  # "" when ok
    revision: str = ""
    audit_events: int = 0


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    sha256: str
    check: BackupCheck
    removed: tuple[Path, ...] = ()  # older automatic backups let go (retention)

    def describe(self) -> str:
        text = (f"Backed up to {self.path} ({self.size:,} bytes, schema {self.check.revision}, "
                f"{self.check.audit_events:,} audit events, sha256 {self.sha256}); the copy checks out.")  # fmt: skip
        if self.removed:
            text += f" Removed {len(self.removed)} older automatic backup(s) beyond the ones kept."
        return text


@dataclass(frozen=True, slots=True)
class RestoreResult:
    path: Path
    replaced: Path | None  # where the database that was there before now is
    check: BackupCheck

    def describe(self) -> str:
        kept = f" The database it replaced is kept at {self.replaced}." if self.replaced else ""
        return f"Restored {self.path} (schema {self.check.revision}, {self.check.audit_events:,} audit events).{kept}"


def backup_folder(ctx: ServiceContext) -> Path:
    configured = str(ctx.settings["backup.folder"]).strip()
    if configured:
        return Path(configured).expanduser()
    path = _live_path(ctx)
    return path.parent / "backups"


def _live_path(ctx: ServiceContext) -> Path:
    path = ctx.db.path
    if path is None:
        raise BackupError("cashdesk backs up SQLite database files; back up a server database with its own tools.")
    return path


def check_backup(path: Path) -> BackupCheck:
    """Is this file a whole cashdesk database this version can use? Read only; the file is not changed."""
    if not path.is_file():
        return BackupCheck(False, f"There is no file {path}.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return BackupCheck(False, f"{path} cannot be opened ({exc}).")
    try:
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as exc:
            return BackupCheck(False, f"{path} is not a database or it is damaged ({exc}).")
        if rows != ["ok"]:
            return BackupCheck(False, f"{path} is damaged: {'; '.join(rows)}.")
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            return BackupCheck(False, f"{path} is an SQLite file but not a cashdesk database.")
        if revision is None or revision[0] not in KNOWN_REVISIONS:
            return BackupCheck(False, f"{path} was made by a newer version of cashdesk (schema "
                                      f"{revision[0] if revision else '?'}); this version cannot use it.")  # fmt: skip
        chain = verify_chain(
            AuditRecord(seq, at, user, station, event_type, obj, bool(success), json.loads(details), prev, digest)
            for seq, at, user, station, event_type, obj, success, details, prev, digest in con.execute(
                'SELECT seq, at, "user", station, event_type, object, success, details, prev_hash, hash '
                "FROM audit_events ORDER BY seq")
        )  # fmt: skip
        if not chain.ok:
            return BackupCheck(False, f"{path}: the audit trail does not verify ({chain.problem}).", revision[0])
        return BackupCheck(True, "", revision[0], chain.events)
    finally:
        con.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_online(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while others keep writing."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=4096)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def _write_backup(ctx: ServiceContext, target: Path) -> tuple[BackupCheck, int, str]:
    source = _live_path(ctx)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Could not make the folder {target.parent}: {exc.strerror or exc}.") from None
    partial = target.with_name(target.name + ".part")
    try:
        partial.unlink(missing_ok=True)
        _copy_online(source, partial)
        check = check_backup(partial)
        if not check.ok:
            raise BackupError(f"The backup did not check out and was not kept: {check.problem}")
        size, digest = partial.stat().st_size, _sha256(partial)
        partial.replace(target)
    except OSError as exc:
        raise BackupError(f"Could not write the backup {target}: {exc.strerror or exc}. "
                          "Nothing was changed; free some space or choose another place.") from None  # fmt: skip
    except sqlite3.Error as exc:
        raise BackupError(f"Could not write the backup {target}: {exc}. Nothing was changed.") from None
    finally:
        partial.unlink(missing_ok=True)
    return check, size, digest


def backup(ctx: ServiceContext, operator: Operator, to: Path | None = None) -> BackupResult:
    """A checked copy of the database at `to` (a file, or a folder), by default in the backups folder."""
    operator.require(Permission.BACKUP, "back up the database")
    now = ctx.now()
    name = f"cashdesk-{now:%Y%m%dT%H%M%S}.sqlite3"  # the T keeps date and time from reading as one long number
    target = (to / name if to.is_dir() else to) if to is not None else backup_folder(ctx) / name
    target = target.expanduser().resolve()
    if target == _live_path(ctx).resolve():
        raise BackupError("A backup cannot be written over the database itself. Choose another file.")
    check, size, digest = _write_backup(ctx, target)
    _audit(ctx, operator.user_id, "backup", target, size=size, sha256=digest[:12])
    return BackupResult(target, size, digest, check)


def automatic_backup(ctx: ServiceContext, user: str, day: dt.date) -> BackupResult:
    """The day close's backup, `cashdesk-day-YYYY-MM-DD.sqlite3`; the newest `backup.keep` are kept."""
    folder = backup_folder(ctx)
    target = folder / f"cashdesk-day-{day:%Y-%m-%d}.sqlite3"
    check, size, digest = _write_backup(ctx, target)
    keep = int(ctx.settings["backup.keep"])
    automatic = sorted(p for p in folder.iterdir() if AUTOMATIC.match(p.name))
    removed = tuple(automatic[:-keep]) if keep else ()
    for old in removed:
        old.unlink(missing_ok=True)
    _audit(ctx, user, "backup", target, size=size, sha256=digest[:12], automatic=True, removed=len(removed))
    return BackupResult(target, size, digest, check, removed)


def _audit(ctx: ServiceContext, user: str, event_type: str, path: Path, **details: object) -> None:
    # Names and folders are the person's choice: a long number in them is masked, never refused.
    with ctx.db.unit_of_work() as uow:
        audit.record(uow.session, user=user, station=ctx.station, event_type=event_type, object=mask(path.name)[:120],
                     details={"folder": mask(str(path.parent))[:300], **details}, at=ctx.now())  # fmt: skip
        uow.commit()


def restore(backup_path: Path, database: Path, *, user: str, now: dt.datetime | None = None) -> RestoreResult:
    """Put a checked backup in place of `database`; the file it replaces is kept beside it.

    Not a service of an open context: nobody may be using the database while it is replaced.
    """
    backup_path = backup_path.expanduser().resolve()
    database = database.expanduser().resolve()
    if backup_path == database:
        raise BackupError("That is the database itself, not a backup of it.")
    check = check_backup(backup_path)
    if not check.ok:
        raise BackupError(f"Not restored: {check.problem} The database was left as it was.")
    from cashdesk.services.anchors import restore_problem

    short = restore_problem(backup_path, database)  # the chain must reach the last anchor printed or exported
    if short:
        raise BackupError(f"Not restored: {short} The database was left as it was.")
    moment = now or clock.now()
    replaced: Path | None = None
    if database.exists():
        _refuse_if_in_use(database)
        replaced = database.with_name(f"{database.name}.replaced-{moment:%Y%m%dT%H%M%S}")
    partial = database.with_name(database.name + ".restoring")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy_online(backup_path, partial)
        if replaced is not None:
            _checkpoint(database)
            database.replace(replaced)
            for suffix in ("-wal", "-shm"):
                side = database.with_name(database.name + suffix)
                if side.exists():
                    side.replace(replaced.with_name(replaced.name + suffix))
        partial.replace(database)
    except OSError as exc:
        raise BackupError(f"Could not restore into {database}: {exc.strerror or exc}.") from None
    finally:
        partial.unlink(missing_ok=True)
    _audit_restore(database, user, backup_path, replaced, check)
    return RestoreResult(backup_path, replaced, check)


def _refuse_if_in_use(database: Path) -> None:
    """Refuse while someone is writing or reading in a transaction. An idle window holds no lock
    SQLite can see, so this cannot catch every user: docs/backups.md says to close them first."""
    con = sqlite3.connect(database, timeout=0.2, isolation_level=None)
    try:
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise BackupError(f"{database} is in use (a window or a command has it open). Close every cashdesk "
                          "window that uses it, then restore.") from None  # fmt: skip
    finally:
        con.close()


def _checkpoint(database: Path) -> None:
    con = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def _audit_restore(database: Path, user: str, source: Path, replaced: Path | None, check: BackupCheck) -> None:
    from cashdesk.config import Settings

    ctx = ServiceContext.open(database, settings=Settings.load(), quick_check=False)
    try:
        with ctx.db.unit_of_work() as uow:
            audit.record(uow.session, user=user, station=ctx.station, event_type="restore",
                         object=mask(source.name)[:120],
                         details={"from": mask(str(source))[:300], "replaced": mask(str(replaced or ""))[:300],
                                  "schema": check.revision}, at=ctx.now())  # fmt: skip
            uow.commit()
    finally:
        ctx.close()
