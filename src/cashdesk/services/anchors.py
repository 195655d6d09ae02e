"""Anchors of the audit trail outside the database: what they are, where they were printed, and
the checks against them (`cashdesk audit verify --anchor/--anchors`, and `restore`).

An anchor is a close event of the trail: a drawer's `drawer_close` (printed on its Z report) and
a day's `day_close` (on the day-close report, and in the deposit file's trailer). Taking the
close's own event makes the anchor "the head as of the close", recorded by the close, and the
same at every reprint or re-export. Someone who rewrites the trail from scratch, every hash
recomputed, cannot change what was printed or sent to the bank before: `audit verify` with those
anchors names the event removed or rewritten (domain/anchors.py says the rule and the words).

The newest anchor is also kept in a small file beside the database (`NAME.anchor`, JSON), so
that a database lost, deleted or damaged beyond reading still leaves it known to `restore`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain.anchors import Anchor, anchor_problem, printed_hash
from cashdesk.domain.deposit import trailer_anchor
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.shift import drawer_object
from cashdesk.store.db import BUSY_TIMEOUT_MS
from cashdesk.store.models import AuditEventRow
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: The events whose hash leaves the database: printed on a Z report, a day-close report, a deposit file.
CLOSE_EVENTS = ("drawer_close", "day_close")
_DEPOSIT_FILE = re.compile(r"^deposit-\d{4}-\d{2}-\d{2}\.csv$")


class AnchorsRefused(ServiceError):
    pass


def _what(event_type: str, object: str) -> str:
    """Where an anchor of this close was printed, as a noun."""
    if event_type == "drawer_close":
        return f"the anchor printed on the Z report of {object}"
    return f"the anchor of the close of {object}"


# -- the anchors of the closes ----------------------------------------------------------------------


def close_anchor(session: Session, event_type: str, object: str) -> Anchor | None:
    """The close event of `object` as an anchor; None when it was never closed."""
    row = session.execute(
        select(AuditEventRow.seq, AuditEventRow.hash)
        .where(AuditEventRow.event_type == event_type, AuditEventRow.object == object, AuditEventRow.success)
        .order_by(AuditEventRow.seq).limit(1)
    ).first()  # fmt: skip
    return Anchor(int(row[0]), str(row[1]), _what(event_type, object)) if row else None


def drawer_anchor(session: Session, drawer_id: int) -> Anchor | None:
    """The anchor printed on a drawer's Z report: its `drawer_close` event."""
    return close_anchor(session, "drawer_close", drawer_object(drawer_id))


def day_anchor(session: Session, day: dt.date) -> Anchor | None:
    """The anchor of a business day's close and its deposit file: its `day_close` event."""
    return close_anchor(session, "day_close", f"business day {day:%Y-%m-%d}")  # as services.day_close names it


# -- the newest anchor, beside the database ---------------------------------------------------------


def anchor_file(database: Path) -> Path:
    return database.with_name(database.name + ".anchor")


def keep_beside(ctx: ServiceContext) -> None:
    """After a close is committed: its anchor goes into the file beside the database.

    A file that cannot be written is logged and never undoes the close: the anchor is still in
    the database, on the paper and in the deposit file."""
    path = ctx.db.path
    if path is None:
        return
    with ctx.db.unit_of_work(write=False) as uow:
        row = uow.session.execute(
            select(AuditEventRow.seq, AuditEventRow.hash, AuditEventRow.event_type, AuditEventRow.object,
                   AuditEventRow.at)
            .where(AuditEventRow.event_type.in_(CLOSE_EVENTS), AuditEventRow.success)
            .order_by(AuditEventRow.seq.desc()).limit(1)
        ).first()  # fmt: skip
    if row is None:
        return
    seq, digest, event_type, object, at = row
    text = json.dumps({"database": path.name, "seq": seq, "hash": digest, "event_type": event_type,
                       "object": object, "at": at}, indent=1) + "\n"  # fmt: skip
    try:
        write_atomically(anchor_file(path), text.encode("utf-8"))
    except OSError as exc:
        log.warning("the newest audit anchor (event %s) could not be kept beside the database: %s", seq, exc)


def _from_file(path: Path) -> Anchor:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Anchor(int(data["seq"]), str(data["hash"]),
                  f"{_what(str(data['event_type']), str(data['object']))} (kept in {path.name})")  # fmt: skip


# -- audit verify --anchor, --anchors --------------------------------------------------------------


def anchors_in(folder: Path) -> tuple[list[Anchor], int]:
    """The anchors in the deposit files of a folder and its subfolders, oldest day first, and how many
    deposit files carry none (written before anchors). Refuses a folder that gives none."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise AnchorsRefused(
            translate("anchors", "There is no folder {folder}. Name the folder that holds the deposit files.").format(
                folder=folder
            )
        )
    files = sorted((p for p in folder.rglob("deposit-*.csv") if _DEPOSIT_FILE.match(p.name)),
                   key=lambda p: (p.name, str(p)))  # fmt: skip
    found: list[Anchor] = []
    without = 0
    for path in files:
        day = path.name[len("deposit-") : -len(".csv")]
        try:
            anchor = trailer_anchor(path.read_bytes(), f"the anchor of business day {day} in {path.name}")
        except OSError as exc:
            raise AnchorsRefused(
                translate("anchors", "{path} cannot be read: {strerror}. Nothing was checked.").format(
                    path=path, strerror=exc.strerror or exc
                )
            ) from None
        except ValueError as exc:
            raise AnchorsRefused(
                translate(
                    "anchors",
                    "{path} is not a deposit file cashdesk can read: {exc}. Move it out of the folder, or "
                    "check it by hand; nothing was checked.",
                ).format(path=path, exc=exc)
            ) from None
        if anchor is None:
            without += 1
        else:
            found.append(anchor)
    if not found:
        what = (
            translate("anchors", "{count} deposit files there carry no audit anchor").format(count=len(files))
            if files
            else translate("anchors", "there are no deposit files")
        )
        raise AnchorsRefused(
            translate(
                "anchors",
                "No anchors in {folder}: {what} (deposit-YYYY-MM-DD.csv, written by export-deposit since "
                "anchors were added). Nothing was checked.",
            ).format(folder=folder, what=what)
        )
    return found, without


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    checked: int  # distinct anchors
    problems: tuple[str, ...]  # in words, one per anchor that does not match, oldest event first
    without_anchor: int = 0  # deposit files written before anchors

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        older = (f" ({self.without_anchor} deposit files from before anchors carry none.)"
                 if self.without_anchor else "")  # fmt: skip
        if self.ok:
            many = "anchor" if self.checked == 1 else "anchors"
            return f"{self.checked} {many} checked: the trail holds each one's event with the same hash.{older}"
        lines = [f"The trail does not match {len(self.problems)} of {self.checked} anchors:{older}"]
        return "\n".join(lines + [f"  {problem}." for problem in self.problems])


def check_anchors(ctx: ServiceContext, anchors: Iterable[Anchor], *, without_anchor: int = 0) -> AnchorCheck:
    """Does the trail hold each anchor's event, with the anchor's hash?"""
    distinct: dict[tuple[int, str], Anchor] = {}
    for anchor in anchors:
        distinct.setdefault((anchor.seq, anchor.hash), anchor)
    ordered = sorted(distinct.values(), key=lambda a: (a.seq, a.hash))
    problems: list[str] = []
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        last = int(s.scalar(select(func.coalesce(func.max(AuditEventRow.seq), 0))) or 0)
        for anchor in ordered:
            found = s.scalar(select(AuditEventRow.hash).where(AuditEventRow.seq == anchor.seq))
            problem = anchor_problem(anchor, found, last)
            if problem:
                problems.append(problem)
    return AnchorCheck(len(ordered), tuple(problems), without_anchor)


def gather(given: Sequence[Anchor], folders: Sequence[Path]) -> tuple[list[Anchor], int]:
    """The anchors typed (`--anchor`) and those of the deposit files in `folders` (`--anchors`)."""
    anchors = list(given)
    without = 0
    for folder in folders:
        found, none = anchors_in(folder)
        anchors += found
        without += none
    return anchors, without


# -- restore: the backup must reach the last anchor known -----------------------------------------------


def _trail_hashes(path: Path, seqs: Iterable[int]) -> tuple[dict[int, str], int]:
    """{seq: hash} of those events in a database file, and its last event (0: none, or no trail)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        (last,) = con.execute("SELECT coalesce(max(seq), 0) FROM audit_events").fetchone()
        found = {}
        for seq in seqs:
            row = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (seq,)).fetchone()
            if row is not None:
                found[seq] = str(row[0])
        return found, int(last)
    finally:
        con.close()


def _newest_in(database: Path) -> Anchor | None:
    """The newest close of the database about to be replaced; None when it has none or cannot be read
    (then the file beside it speaks for it)."""
    # Without a -wal beside it the whole database is in the file: read it as immutable, so that the
    # look leaves no -wal or -shm behind when the restore is refused.
    settled = not database.with_name(database.name + "-wal").exists()
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro{'&immutable=1' if settled else ''}", uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000)  # fmt: skip
    except sqlite3.Error:
        return None
    try:
        marks = ",".join("?" for _ in CLOSE_EVENTS)
        row = con.execute(f"SELECT seq, hash, event_type, object FROM audit_events WHERE event_type IN ({marks}) "
                          "AND success ORDER BY seq DESC LIMIT 1", CLOSE_EVENTS).fetchone()  # fmt: skip
    except sqlite3.Error:
        return None
    finally:
        con.close()
    if row is None:
        return None
    try:
        return Anchor(int(row[0]), str(row[1]), f"{_what(str(row[2]), str(row[3]))} (in {database.name})")
    except ValueError:
        return None


def known_anchors(database: Path) -> list[Anchor]:
    """The anchors a restore over `database` must keep: the newest close in it, and the one kept beside it.

    Raises AnchorsRefused when the file beside it cannot be read."""
    known: list[Anchor] = []
    if database.exists():
        newest = _newest_in(database)
        if newest is not None:
            known.append(newest)
    beside = anchor_file(database)
    if beside.exists():
        try:
            known.append(_from_file(beside))
        except (OSError, ValueError, KeyError, TypeError):
            raise AnchorsRefused(
                translate(
                    "anchors",
                    "The audit anchor kept in {beside} cannot be read, so it is not known how far a backup "
                    "must reach. Look at the file (it may have been tampered with); move it aside only if "
                    "you are sure, then restore again.",
                ).format(beside=beside)
            ) from None
    return known


def restore_problem(backup: Path, database: Path) -> str:
    """ "" when `backup` reaches every anchor known for `database`; else why not, in words.

    Restoring an older backup would put back a trail without events already printed on a Z report
    or sent to the bank in a deposit file: `audit verify` with those anchors would then fail."""
    try:
        known = known_anchors(database)
    except AnchorsRefused as exc:
        return str(exc)
    if not known:
        return ""
    try:
        found, last = _trail_hashes(backup, [a.seq for a in known])
    except sqlite3.Error:
        found, last = {}, 0  # no trail at all (a schema before the audit trail)
    for anchor in sorted(known, key=lambda a: -a.seq):
        digest = found.get(anchor.seq)
        if digest is None:
            ends = f"it ends at event {last}" if last else "it has no events"
            return (f"The backup does not reach the last audit anchor known: event {anchor.seq}, "
                    f"{anchor.described()}, is not in its trail ({ends}). Restoring it would lose events already "
                    "printed or sent to the bank; restore a newer backup (the day close takes one).")  # fmt: skip
        if not digest.lower().startswith(anchor.hash):
            return (f"The backup's audit trail differs from the last anchor known at event {anchor.seq} "
                    f"({anchor.described()}): its hash is {printed_hash(digest.lower())} not "
                    f"{printed_hash(anchor.hash)}. "
                    "It is another database's backup, or its trail was rewritten.")  # fmt: skip
    return ""
