"""Backups of the SQLite database: taken online in steps, checked after writing.

`backup` copies the live database with SQLite's online backup API (the window may keep
working), into a temporary name beside the target (`….part`), checks the copy (integrity_check,
a cashdesk schema this version knows, the audit chain), then renames it into place. A `.part`
that a killed run left is removed by the next run. The day close takes one automatically
(`automatic_backup`) and keeps the newest `backup.keep`.

Restoring one is services/restore.py (docs/backups.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cashdesk.domain.audit import AuditRecord, read_details, verify_chain
from cashdesk.domain.cards import mask
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import sync_folder
from cashdesk.store.db import BUSY_TIMEOUT_MS, KNOWN_REVISIONS

AUTOMATIC = re.compile(r"^cashdesk-day-\d{4}-\d{2}-\d{2}\.sqlite3$")
#: The files SQLite keeps beside a database and deletes or rewrites by itself.
COMPANIONS = ("-wal", "-shm", "-journal")
#: The first revision with the audit trail; a backup of an older schema has no trail to check.
AUDIT_SINCE = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL = ".part"  # a backup being written


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


def backup_folder(ctx: ServiceContext) -> Path:
    configured = ctx.settings.backup.folder.strip()
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
        return _check(con, path)
    finally:
        con.close()


def _check(con: sqlite3.Connection, path: Path) -> BackupCheck:
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        return BackupCheck(False, f"{path} is not a database or it is damaged ({exc}).")
    if rows != ["ok"]:
        return BackupCheck(False, f"{path} is damaged: {'; '.join(rows)}.")
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return BackupCheck(False, f"{path} is an SQLite file but not a cashdesk database.")
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        return BackupCheck(False, f"{path} was made by a newer version of cashdesk (schema "
                                  f"{revision[0] if revision else '?'}); this version cannot use it.")  # fmt: skip
    revision = revision[0]
    if "audit_events" not in tables:
        if KNOWN_REVISIONS.index(revision) < KNOWN_REVISIONS.index(AUDIT_SINCE):
            return BackupCheck(True, "", revision, 0)  # from before the audit trail: nothing to verify
        return BackupCheck(False, f"{path}: the audit trail is missing.", revision)
    try:
        chain = verify_chain(_audit_records(con))
    except (ValueError, TypeError) as exc:  # a cell that is not what the chain wrote (bad JSON, …)
        return BackupCheck(False, f"{path}: the audit trail cannot be read ({exc}).", revision)
    if not chain.ok:
        return BackupCheck(False, f"{path}: the audit trail does not verify ({chain.problem}).", revision)
    return BackupCheck(True, "", revision, chain.events)


def _audit_records(con: sqlite3.Connection) -> Iterator[AuditRecord]:
    for seq, at, user, station, event_type, obj, success, details, prev, digest in con.execute(
        'SELECT seq, at, "user", station, event_type, object, success, details, prev_hash, hash '
        "FROM audit_events ORDER BY seq"
    ):
        try:
            read = read_details(details)
        except ValueError as exc:
            raise ValueError(f"event {seq}: {exc}") from None
        yield AuditRecord(seq, at, user, station, event_type, obj, bool(success), read, prev, digest)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_online(source: Path, target: Path, *, check: bool) -> BackupCheck | None:
    """SQLite's online backup: a consistent copy while others keep writing, one self-contained
    file (no -wal beside it), on the disk when this returns; checked when `check`.

    The copy stays locked from before its first page to the end of its check (locking mode
    EXCLUSIVE), so the next run's clean-up can tell a copy being written from one a killed run left."""
    result = None
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA locking_mode=EXCLUSIVE")
            dst.execute("BEGIN EXCLUSIVE")  # takes the lock now, and keeps it after COMMIT
            dst.execute("COMMIT")
            src.backup(dst, pages=4096)
            dst.execute("PRAGMA journal_mode=DELETE")
            if check:
                result = _check(dst, target)
        finally:
            dst.close()
    finally:
        src.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())
    return result


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANIONS]


def is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED")


def abandoned(path: Path) -> bool:
    """Is this temporary file left by a run that was stopped, rather than being written by one
    that is running? A running copy holds a lock SQLite can see (see `copy_online`; while it is
    upgraded, its connection's shared lock stops the change of journal mode)."""
    try:
        con = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return True
    try:
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
        con.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        return not is_busy(exc)  # anything else: half a file, not a database, nobody's
    finally:
        con.close()
    return True


def remove_with_companions(path: Path) -> list[Path]:
    """The file and its SQLite companions; what was there."""
    removed = []
    for leftover in (path, *companions(path)):
        if leftover.exists():
            leftover.unlink()
            removed.append(leftover)
    return removed


def _clear_partial_backups(folder: Path) -> list[Path]:
    """The `.part` files killed backups left in `folder`: SQLite files (or empty ones, killed at
    their first byte) that nobody is writing. Another program's `.part` (a download) is left alone."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for part in sorted(p for p in folder.iterdir() if p.name.endswith(PARTIAL) and p.is_file()):
        with part.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if head in (b"", SQLITE_HEADER) and abandoned(part):
            removed += remove_with_companions(part)
    for journal in sorted(p for p in folder.iterdir() if p.name.endswith(PARTIAL + "-journal")):
        if not journal.with_name(journal.name.removesuffix("-journal")).exists():
            journal.unlink(missing_ok=True)
            removed.append(journal)
    return removed


def _refuse_companion(target: Path) -> None:
    for suffix in COMPANIONS:
        if target.name.lower().endswith(suffix):
            raise BackupError(f"Not backed up: {target.name} ends in {suffix}, the name SQLite gives a file it keeps "
                              "beside a database and deletes or rewrites by itself, so the backup would not last. "
                              "Choose another name, like cashdesk-backup.sqlite3.")  # fmt: skip


def _write_backup(ctx: ServiceContext, target: Path) -> tuple[BackupCheck, int, str]:
    source = _live_path(ctx)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Could not make the folder {target.parent}: {exc.strerror or exc}.") from None
    partial = target.with_name(target.name + PARTIAL)
    try:
        _clear_partial_backups(target.parent)
        check = copy_online(source, partial, check=True)
        assert check is not None
        if not check.ok:
            raise BackupError(f"The backup did not check out and was not kept: {check.problem}")
        size, digest = partial.stat().st_size, sha256_of(partial)
        partial.replace(target)
        sync_folder(target.parent)
    except OSError as exc:
        raise BackupError(f"Could not write the backup {target}: {exc.strerror or exc}. "
                          "Nothing was changed; free some space or choose another place.") from None  # fmt: skip
    except sqlite3.Error as exc:
        raise BackupError(f"Could not write the backup {target}: {exc}. Nothing was changed.") from None
    finally:
        remove_with_companions(partial)
    return check, size, digest


def backup(ctx: ServiceContext, operator: Operator, to: Path | None = None) -> BackupResult:
    """A checked copy of the database at `to` (a file, or a folder), by default in the backups folder."""
    operator.require(Permission.BACKUP, "back up the database")
    now = ctx.now()
    name = f"cashdesk-{now:%Y%m%dT%H%M%S}.sqlite3"  # the T keeps date and time from reading as one long number
    target = (to / name if to.is_dir() else to) if to is not None else backup_folder(ctx) / name
    target = target.expanduser().resolve()
    _refuse_companion(target)
    live = _live_path(ctx).resolve()
    if target == live or (target.exists() and live.exists() and os.path.samefile(target, live)):
        raise BackupError("A backup cannot be written over the database itself. Choose another file.")
    check, size, digest = _write_backup(ctx, target)
    _audit(ctx, operator.user_id, "backup", target, size=size, sha256=digest[:12])
    return BackupResult(target, size, digest, check)


def automatic_backup(ctx: ServiceContext, user: str, day: dt.date) -> BackupResult:
    """The day close's backup, `cashdesk-day-YYYY-MM-DD.sqlite3`; the newest `backup.keep` are kept."""
    folder = backup_folder(ctx)
    target = folder / f"cashdesk-day-{day:%Y-%m-%d}.sqlite3"
    check, size, digest = _write_backup(ctx, target)
    keep = ctx.settings.backup.keep
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
