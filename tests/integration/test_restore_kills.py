"""Restore never leaves a station without a database: `cashdesk restore` is killed (SIGKILL) at
every file step it takes and at seeded random moments, and after every kill the path holds the
old database or the restored one, whole; the next restore or `init` then leaves nothing behind.

The commands run in processes forked from tests/support/kill_at.py, which kills one just before a
named step (an audit hook of that test process; nothing in cashdesk). docs/testing.md says more.
CASHDESK_RESTORE_KILLS sets how many random moments (RANDOM_IN_CI by default), CASHDESK_KILL_SEED the seed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.backup import backup, check_backup
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import Cart, MiscItem, post_receipt
from cashdesk.services.setup import init_database
from cashdesk.store.db import HEAD_REVISION
from tests.support.fork_server import ForkServer

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
RANDOM_IN_CI = 6  # per kind of backup, on top of one kill before each of its file steps
AT_LEAST = 25
DB = "cashdesk.sqlite3"
CASHIER = Operator("kcashier", Role.CASHIER)


class Commands(ForkServer):
    """The fork server of tests/support/kill_at.py: each command a fresh process."""

    def __init__(self, watch: Path, logs: Path) -> None:
        self.logs = logs
        super().__init__("tests.support.kill_at", "--fork-server", str(watch), str(logs), log=logs / "server.err")
        self.runs = 0

    def start(self, when: str, *args: str) -> tuple[int, str]:
        self.runs += 1
        name = f"run{self.runs}"
        return self._started(f"run {name} {when} {json.dumps(list(args))}"), name

    def reap(self, pid: int) -> int:
        return self._reaped(pid)

    def output(self, name: str) -> str:
        return (self.logs / f"{name}.out").read_text() + (self.logs / f"{name}.err").read_text()

    def run(self, *args: str) -> str:
        """A whole command, not killed: its output; it must succeed."""
        pid, name = self.start("-", *args)
        code = self.reap(pid)
        assert code == 0, f"cashdesk {' '.join(args)} exited {code}: {self.output(name)}"
        return self.output(name)


@dataclass
class Station:
    folder: Path  # where the database lives: every file step the tests kill at is in here
    pristine: dict[str, bytes]  # the database and its -wal, as the station left them
    old: list[str]  # what the old database holds (an SQL dump)

    @property
    def db(self) -> Path:
        return self.folder / DB

    def reset(self) -> None:
        shutil.rmtree(self.folder)
        self.folder.mkdir()
        for name, data in self.pristine.items():
            (self.folder / name).write_bytes(data)


def dump(path: Path, scratch: Path) -> tuple[list[str], list[str]]:
    """What the database at `path` holds, read as the next program would (its -wal and journal
    with it), from a copy so that the files are left as they are: (its rows without the events
    of restore and init, which differ from run to run; its integrity_check)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    for suffix in ("", "-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            shutil.copyfile(side, scratch / (DB + suffix))
    con = sqlite3.connect(scratch / DB)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        lines = [
            line
            for line in con.iterdump()
            if not (line.startswith('INSERT INTO "audit_events"') and ("'restore'" in line or "'init'" in line))
        ]
    finally:
        con.close()
    return lines, integrity


def restore_events(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM audit_events WHERE event_type = 'restore'").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def station(tmp_path: Path) -> Station:
    """A station that took payments after its last backup; the last of them are still in its -wal."""
    folder = tmp_path / "station"
    folder.mkdir()
    path = folder / DB
    init_database(path)
    ctx = ServiceContext.open(path, settings=Settings({"backup.folder": str(tmp_path / "backups")}))
    try:
        open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
        for cents in (250, 1_075):
            post_receipt(
                ctx, CASHIER, Cart((MiscItem("COPIES", Money(cents)),)), [Tender(TenderKind.CASH, Money(cents))]
            )
        backup(ctx, command_line_operator(), tmp_path / "backups" / "head.sqlite3")
        with ctx.db.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for cents in (300, 4_410, 99):  # after the backup: only in the database being replaced
            post_receipt(
                ctx, CASHIER, Cart((MiscItem("COPIES", Money(cents)),)), [Tender(TenderKind.CASH, Money(cents))]
            )
        pristine = {DB: path.read_bytes(), DB + "-wal": (folder / (DB + "-wal")).read_bytes()}
    finally:
        ctx.close()
    assert len(pristine[DB + "-wal"]) > 0  # the later payments are in the log, not yet in the file
    shutil.copyfile(FIXTURES / "schema-0001.sqlite3", tmp_path / "backups" / "schema-0001.sqlite3")
    made = Station(folder, pristine, [])
    made.reset()
    made.old, integrity = dump(made.db, tmp_path / "scratch")
    assert integrity == ["ok"]
    assert sum(line.startswith('INSERT INTO "receipts"') for line in made.old) == 5
    return made


@pytest.fixture
def commands(station: Station, tmp_path: Path) -> Iterator[Commands]:
    logs = tmp_path / "logs"
    logs.mkdir()
    server = Commands(station.folder, logs)
    try:
        yield server
    finally:
        server.close()


def check_after_kill(station: Station, new: list[str], scratch: Path) -> str:
    """A usable database at the path, the old one or the new one, whole; a kept file is the old one whole."""
    assert station.db.is_file(), f"no database at the path: {sorted(os.listdir(station.folder))}"
    lines, integrity = dump(station.db, scratch)
    assert integrity == ["ok"], integrity
    if lines == station.old:
        which = "old"
    else:
        assert lines == new, "the database at the path is neither the old one nor the restored one"
        assert restore_events(station.db) == 1
        which = "new"
    for kept in station.folder.glob(f"{DB}.replaced-*"):
        if kept.name.endswith(".part"):
            continue  # a kept copy being made: cleared by the next run
        if os.path.samefile(kept, station.db):  # killed between the second name and the swap
            assert which == "old"
            continue
        kept_lines, kept_integrity = dump(kept, scratch)
        assert kept_integrity == ["ok"] and kept_lines == station.old, f"{kept.name} is not the old database, whole"
    return which


def check_recovered(station: Station, new: list[str], scratch: Path, *, restored: bool) -> None:
    """Nothing left over: the database alone at its path, and every replaced file a whole file of its own."""
    names = sorted(os.listdir(station.folder))
    leftovers = [
        n for n in names if n != DB and not (n.startswith(f"{DB}.replaced-") and not n.endswith((".part", "-journal")))
    ]
    assert not leftovers, f"left over: {leftovers}"
    lines, integrity = dump(station.db, scratch)
    assert integrity == ["ok"] and lines in ((new,) if restored else (station.old, new))
    assert check_backup(station.db).ok and check_backup(station.db).revision == HEAD_REVISION
    for kept in station.folder.glob(f"{DB}.replaced-*"):
        assert kept.stat().st_nlink == 1, f"{kept.name} is another name of a database, not a kept file"
        kept_lines, kept_integrity = dump(kept, scratch)
        assert kept_integrity == ["ok"] and kept_lines in (station.old, new)


def test_restore_killed_at_every_step_and_at_random_moments(station: Station, commands: Commands,
                                                            tmp_path: Path) -> None:  # fmt: skip
    seed = int(os.environ.get("CASHDESK_KILL_SEED", "20261126"))
    moments = int(os.environ.get("CASHDESK_RESTORE_KILLS", RANDOM_IN_CI))
    kills = 0
    for kind in ("head", "schema-0001"):  # a backup of this version; one of the first release, upgraded
        kills += kill_restores(station, commands, tmp_path, kind, random.Random(f"{seed}-{kind}"), moments, seed)
    assert kills >= AT_LEAST, kills


def kill_restores(station: Station, commands: Commands, tmp_path: Path, kind: str, rng: random.Random,
                  moments: int, seed: int) -> int:  # fmt: skip
    """Kill a restore of this backup before each of its file steps and at `moments` random moments;
    check the station after each kill and after the next command. Returns how many kills landed."""
    backup_file = tmp_path / "backups" / f"{kind}.sqlite3"
    backup_bytes = backup_file.read_bytes()
    restore = ("--db", str(station.db), "restore", str(backup_file))
    scratch = tmp_path / "scratch"

    # An uninterrupted restore: the steps it takes, how long it takes, what it makes.
    station.reset()
    steps_file = tmp_path / f"steps-{kind}.txt"
    started = time.monotonic()
    pid, name = commands.start(f"record:{steps_file}", *restore)
    assert commands.reap(pid) == 0, commands.output(name)
    took = time.monotonic() - started
    steps = steps_file.read_text().splitlines()
    # The plan kills before each step: before, between and after the steps that put the files in place.
    assert any(s.startswith(f"os.rename {DB}.restoring -> {DB}") for s in steps), steps
    new, integrity = dump(station.db, scratch)
    assert integrity == ["ok"] and new != station.old

    plan = [(str(n), f"before step {n}, {step}") for n, step in enumerate(steps)]
    plan += [("-", f"at {delay * 1000:.0f} ms") for delay in (rng.uniform(0, took) for _ in range(moments))]
    kills = 0
    seen = {"old": 0, "new": 0}
    for n, (when, moment) in enumerate(plan):
        station.reset()
        pid, name = commands.start(when, *restore)
        if when == "-":
            time.sleep(float(moment.split()[1]) / 1000)
            os.kill(pid, signal.SIGKILL)  # a zombie until reaped below, so the id is still this process's
        code = commands.reap(pid)
        if code == 0 and when == "-":
            continue  # it ended before the moment came
        assert code == -signal.SIGKILL, (
            f"{kind}, {moment}: the restore stopped by itself ({code}): {commands.output(name)}"
        )
        kills += 1
        try:
            seen[check_after_kill(station, new, scratch)] += 1
            # Then the next command: another restore, or `init` (a station started again).
            if n % 2:
                commands.run(*restore)
            else:
                commands.run("--db", str(station.db), "init")
            check_recovered(station, new, scratch, restored=bool(n % 2))
        except AssertionError as exc:
            raise AssertionError(f"{kind} backup, killed {moment} (CASHDESK_KILL_SEED={seed}): {exc}") from None
    assert backup_file.read_bytes() == backup_bytes  # the backup itself is never written
    assert seen["old"] and seen["new"], seen  # kills landed on both sides of the swap
    return kills
