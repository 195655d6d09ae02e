"""Backups of the SQLite database: taken online in steps, checked after writing.

`backup` copies the live database with SQLite's online backup API (the window may keep
working), into a temporary name beside the target (`….part`), checks the copy (integrity_check,
a cashdesk schema this version knows, the audit chain), then renames it into place. A `.part`
that a killed run left is removed by the next run. The day close takes one automatically
(`automatic_backup`) and keeps the newest `backup.keep`.

Restoring one is services/restore.py (docs/backups.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cashdesk.domain.audit import AuditRecord, read_details, verify_chain
from cashdesk.domain.cards import mask
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import sync_folder
from cashdesk.store.db import BUSY_TIMEOUT_MS, KNOWN_REVISIONS
from cashdesk.words import QT_TRANSLATE_NOOP, translate

AUTOMATIC = re.compile(r"^cashdesk-day-\d{4}-\d{2}-\d{2}\.sqlite3$")
#: The files SQLite keeps beside a database and deletes or rewrites by itself.
COMPANIONS = ("-wal", "-shm", "-journal")
#: The first revision with the audit trail; a backup of an older schema has no trail to check.
AUDIT_SINCE = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL = ".part"  # a backup being written
#: Pages copied in one step of the online backup (1 MiB at SQLite's 4 KiB page); between steps the
#: copy reports its progress and lets other threads run.
STEP_PAGES = 256
#: The pause after each step: the disk and the interpreter go to the stations posting meanwhile.
STEP_PAUSE_S = 0.0005
#: A copy of a database not in WAL mode restarts at every write by another connection; this many
#: restarts, then the rest is copied in one step.
MAX_RESTARTS = 3
#: The day close's backup thread's nice value (Linux): it gives way to everything in the foreground.
BACKGROUND_NICE = 10
#: The stages a backup reports to its progress: (stage, done, in all); checking has no count.
#: Each is also how the window names it (`stage_words`); code compares the constant, never the words.
COPYING = QT_TRANSLATE_NOOP("backup", "Copying the database")
CHECKING = QT_TRANSLATE_NOOP("backup", "Checking the copy")
Progress = Callable[[str, int, int], None]

log = logging.getLogger(__name__)


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
        text = translate(
            "backup",
            "Backed up to {path} ({size:,} bytes, schema {revision}, {audit_events:,} audit events, sha256 {sha256}); "
            "the copy checks out.",
        ).format(path=self.path, size=self.size, revision=self.check.revision, audit_events=self.check.audit_events,
                 sha256=self.sha256)  # fmt: skip
        if self.removed:
            text += " " + translate(
                "backup", "Removed {removed} older automatic backup(s) beyond the ones kept."
            ).format(removed=len(self.removed))
        return text


def stage_words(stage: str) -> str:
    """A backup's stage (`COPYING`, `CHECKING`) as the window says it."""
    return translate("backup", stage)


def backup_folder(ctx: ServiceContext) -> Path:
    configured = ctx.settings.backup.folder.strip()
    if configured:
        return Path(configured).expanduser()
    path = _live_path(ctx)
    return path.parent / "backups"


def _live_path(ctx: ServiceContext) -> Path:
    path = ctx.db.path
    if path is None:
        raise BackupError(
            translate(
                "backup", "cashdesk backs up SQLite database files; back up a server database with its own tools."
            )
        )
    return path


def check_backup(path: Path) -> BackupCheck:
    """Is this file a whole cashdesk database this version can use? Read only; the file is not changed."""
    if not path.is_file():
        return BackupCheck(False, translate("backup", "There is no file {path}.").format(path=path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return BackupCheck(False, translate("backup", "{path} cannot be opened ({exc}).").format(path=path, exc=exc))
    try:
        return _check(con, path)
    finally:
        con.close()


def _check(con: sqlite3.Connection, path: Path) -> BackupCheck:
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        return BackupCheck(
            False, translate("backup", "{path} is not a database or it is damaged ({exc}).").format(path=path, exc=exc)
        )
    if rows != ["ok"]:
        return BackupCheck(
            False, translate("backup", "{path} is damaged: {rows}.").format(path=path, rows="; ".join(rows))
        )
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return BackupCheck(
            False, translate("backup", "{path} is an SQLite file but not a cashdesk database.").format(path=path)
        )
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        return BackupCheck(
            False,
            translate(
                "backup",
                "{path} was made by a newer version of cashdesk (schema {revision}); this version cannot use it.",
            ).format(path=path, revision=revision[0] if revision else "?"),
        )
    revision = revision[0]
    if "audit_events" not in tables:
        if KNOWN_REVISIONS.index(revision) < KNOWN_REVISIONS.index(AUDIT_SINCE):
            return BackupCheck(True, "", revision, 0)  # from before the audit trail: nothing to verify
        return BackupCheck(
            False, translate("backup", "{path}: the audit trail is missing.").format(path=path), revision
        )
    try:
        chain = verify_chain(_audit_records(con))
    except (ValueError, TypeError) as exc:  # a cell that is not what the chain wrote (bad JSON, …)
        return BackupCheck(
            False,
            translate("backup", "{path}: the audit trail cannot be read ({exc}).").format(path=path, exc=exc),
            revision,
        )
    if not chain.ok:
        return BackupCheck(
            False,
            translate("backup", "{path}: the audit trail does not verify ({problem}).").format(
                path=path, problem=chain.problem
            ),
            revision,
        )
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


def copy_online(source: Path, target: Path, *, check: bool, progress: Progress | None = None) -> BackupCheck | None:
    """SQLite's online backup: a consistent copy while others keep writing, one self-contained
    file (no -wal beside it), on the disk when this returns; checked when `check`.

    The copy stays locked from before its first page to the end of its check (locking mode
    EXCLUSIVE), so the next run's clean-up can tell a copy being written from one a killed run left."""
    result = None
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        pinned = _pin_snapshot(src)
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA locking_mode=EXCLUSIVE")
            dst.execute("BEGIN EXCLUSIVE")  # takes the lock now, and keeps it after COMMIT
            dst.execute("COMMIT")
            _copy_pages(src, dst, pinned=pinned, progress=progress)
            dst.execute("PRAGMA journal_mode=DELETE")
            if check:
                if progress is not None:
                    progress(CHECKING, 0, 0)
                result = _check(dst, target)
        finally:
            dst.close()
    finally:
        src.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())
    return result


def _pin_snapshot(src: sqlite3.Connection) -> bool:
    """Hold one read transaction on a WAL database for the whole copy: every step then copies the
    same moment, and a station writing beside it neither restarts the copy (SQLite restarts it
    after any write by another connection between steps) nor waits for it (WAL readers block no
    writer). A database in a rollback journal cannot be read so without holding its writers off."""
    (mode,) = src.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "wal":
        return False
    src.execute("BEGIN")
    src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot is taken at the first read
    return True


class _TooBusy(Exception):
    """The copy of an unpinned database kept restarting under its writers."""


def _copy_pages(src: sqlite3.Connection, dst: sqlite3.Connection, *, pinned: bool, progress: Progress | None) -> None:
    """A few hundred pages a step, a pause between steps for the stations posting beside it. Unpinned
    (no WAL), a write restarts the copy: after MAX_RESTARTS the rest is taken in one step, which
    writers wait for within their busy timeout, rather than a copy that never ends."""
    restarts = 0
    left: int | None = None

    def step(_status: int, remaining: int, pages: int) -> None:
        nonlocal restarts, left
        if left is not None and remaining > left:
            restarts += 1
        left = remaining
        if progress is not None:
            progress(COPYING, pages - remaining, pages)
        if not pinned and restarts > MAX_RESTARTS:
            raise _TooBusy
        time.sleep(STEP_PAUSE_S)

    try:
        src.backup(dst, pages=STEP_PAGES, progress=step)
    except _TooBusy:
        log.warning("the backup restarted %d times under writers; taking the rest in one step", restarts)
        src.backup(dst, pages=-1)


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
            raise BackupError(
                translate(
                    "backup",
                    "Not backed up: {target_name} ends in {suffix}, the name SQLite gives a file it keeps "
                    "beside a database and deletes or rewrites by itself, so the backup would not last. "
                    "Choose another name, like cashdesk-backup.sqlite3.",
                ).format(target_name=target.name, suffix=suffix)
            )


def _write_backup(ctx: ServiceContext, target: Path, progress: Progress | None = None) -> tuple[BackupCheck, int, str]:
    source = _live_path(ctx)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            translate("backup", "Could not make the folder {parent}: {strerror}.").format(
                parent=target.parent, strerror=exc.strerror or exc
            )
        ) from None
    partial = target.with_name(target.name + PARTIAL)
    try:
        _clear_partial_backups(target.parent)
        check = copy_online(source, partial, check=True, progress=progress)
        assert check is not None
        if not check.ok:
            raise BackupError(
                translate("backup", "The backup did not check out and was not kept: {problem}").format(
                    problem=check.problem
                )
            )
        size, digest = partial.stat().st_size, sha256_of(partial)
        partial.replace(target)
        sync_folder(target.parent)
    except OSError as exc:
        raise BackupError(
            translate(
                "backup",
                "Could not write the backup {target}: {strerror}. Nothing was changed; free some space "
                "or choose another place.",
            ).format(target=target, strerror=exc.strerror or exc)
        ) from None
    except sqlite3.Error as exc:
        raise BackupError(
            translate("backup", "Could not write the backup {target}: {exc}. Nothing was changed.").format(
                target=target, exc=exc
            )
        ) from None
    finally:
        remove_with_companions(partial)
    return check, size, digest


def backup(
    ctx: ServiceContext, operator: Operator, to: Path | None = None, progress: Progress | None = None
) -> BackupResult:
    """A checked copy of the database at `to` (a file, or a folder), by default in the backups folder."""
    operator.require(Permission.BACKUP, translate("backup", "back up the database"))
    now = ctx.now()
    name = f"cashdesk-{now:%Y%m%dT%H%M%S}.sqlite3"  # the T keeps date and time from reading as one long number
    target = (to / name if to.is_dir() else to) if to is not None else backup_folder(ctx) / name
    target = target.expanduser().resolve()
    _refuse_companion(target)
    live = _live_path(ctx).resolve()
    if target == live or (target.exists() and live.exists() and os.path.samefile(target, live)):
        raise BackupError(
            translate("backup", "A backup cannot be written over the database itself. Choose another file.")
        )
    check, size, digest = _write_backup(ctx, target, progress)
    _audit(ctx, operator.user_id, "backup", target, size=size, sha256=digest[:12])
    return BackupResult(target, size, digest, check)


def day_backup_path(ctx: ServiceContext, day: dt.date) -> Path:
    return backup_folder(ctx) / f"cashdesk-day-{day:%Y-%m-%d}.sqlite3"


def automatic_backup(ctx: ServiceContext, user: str, day: dt.date, progress: Progress | None = None) -> BackupResult:
    """The day close's backup, `cashdesk-day-YYYY-MM-DD.sqlite3`; the newest `backup.keep` are kept."""
    target = day_backup_path(ctx, day)
    folder = target.parent
    check, size, digest = _write_backup(ctx, target, progress)
    keep = ctx.settings.backup.keep
    automatic = sorted(p for p in folder.iterdir() if AUTOMATIC.match(p.name))
    removed = tuple(automatic[:-keep]) if keep else ()
    for old in removed:
        old.unlink(missing_ok=True)
    _audit(ctx, user, "backup", target, size=size, sha256=digest[:12], automatic=True, removed=len(removed))
    return BackupResult(target, size, digest, check, removed)


def _audit(ctx: ServiceContext, user: str, event_type: str, path: Path, *, success: bool = True,
           **details: object) -> None:  # fmt: skip
    # Names and folders are the person's choice: a long number in them is masked, never refused.
    with ctx.db.unit_of_work() as uow:
        audit.record(uow.session, user=user, station=ctx.station, event_type=event_type, object=mask(path.name)[:120],
                     success=success, details={"folder": mask(str(path.parent))[:300], **details},
                     at=ctx.now())  # fmt: skip
        uow.commit()


# -- the day close's backup, in the background ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayBackupOutcome:
    """How the day close's backup ended: taken (`result`), or not (`problem`, in words)."""

    target: Path
    result: BackupResult | None = None
    problem: str = ""

    @property
    def path(self) -> Path | None:
        return self.result.path if self.result is not None else None

    def describe(self) -> str:
        if self.result is not None:
            return translate("backup", "Backed up to {path}.").format(path=self.result.path)
        return translate(
            "backup",
            "The automatic backup failed: {problem} The day stays closed; take a backup by hand (cashdesk backup).",
        ).format(problem=self.problem)


class DayCloseBackup:
    """The day close's backup, taken on its own thread once the close is committed, so that the
    supervisor is not kept waiting for it: `progress()` while it runs, `wait()` for how it ended.
    A failure is said by the outcome, logged and written to the audit trail; it never reopens the day.

    Not a daemon thread: a command or a window that ends meanwhile waits for the copy to be whole."""

    def __init__(self, ctx: ServiceContext, user: str, day: dt.date) -> None:
        self.target = day_backup_path(ctx, day)
        self._ctx, self._user, self._day = ctx, user, day
        self._lock = threading.Lock()
        self._progress: tuple[str, int, int] = (COPYING, 0, 0)
        self._outcome: DayBackupOutcome | None = None
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"day-close backup {day}")

    @classmethod
    def start(cls, ctx: ServiceContext, user: str, day: dt.date) -> DayCloseBackup:
        job = cls(ctx, user, day)
        with _RUNNING_LOCK:
            _RUNNING.add(job)
        job._thread.start()
        return job

    def progress(self) -> tuple[str, int, int]:
        """(stage, pages done, pages in all); checking the copy has no count."""
        with self._lock:
            return self._progress

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> DayBackupOutcome | None:
        """How it ended; None while it is still running after `timeout` seconds."""
        self._finished.wait(timeout)
        return self._outcome

    def _report(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._progress = (stage, done, total)

    def _run(self) -> None:
        _give_way()
        try:
            outcome = DayBackupOutcome(self.target, automatic_backup(self._ctx, self._user, self._day, self._report))
        except BackupError as exc:
            outcome = DayBackupOutcome(self.target, problem=str(exc))
        except Exception as exc:  # on a thread nobody else would hear of it: it must reach the supervisor
            log.exception("the day close's backup failed")
            outcome = DayBackupOutcome(
                self.target,
                problem=translate("backup", "Could not write the backup {target}: {exc}.").format(
                    target=self.target, exc=exc
                ),
            )
        if outcome.problem:
            self._record_failure(outcome.problem)
        self._outcome = outcome
        self._finished.set()
        with _RUNNING_LOCK:
            _RUNNING.discard(self)

    def _record_failure(self, problem: str) -> None:
        log.warning("the automatic backup of %s failed: %s", self._day, problem)
        try:
            _audit(self._ctx, self._user, "backup", self.target, success=False, automatic=True,
                   problem=mask(problem)[:300])  # fmt: skip
        except Exception:  # the database itself may be what failed; the outcome still says it
            log.exception("the failed backup could not be written to the audit trail")


def _give_way() -> None:
    """The backup's thread yields the processor to the supervisor's export and the stations' postings:
    on Linux a thread has its own nice value. Elsewhere it runs as it is."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)


_RUNNING: set[DayCloseBackup] = set()
_RUNNING_LOCK = threading.Lock()


def wait_for_day_backups(timeout: float | None = None) -> None:
    """Until every day-close backup under way has ended (the end of a test that closed a day)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for job in running:
        job.wait(timeout)
