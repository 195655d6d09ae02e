"""A day's export is complete or visibly absent: `cashdesk export-deposit` is killed (SIGKILL) at
random moments, and after every kill the folder holds the whole export (five files and the
manifest, matching what is registered) or no manifest at all; the next run finishes it.

The exports run as the command, in processes forked by tests/support/export_worker.py. CI
runs KILLS_IN_CI kills in well under a minute; `CASHDESK_EXPORT_KILLS=300 python -m pytest -q
tests/integration/test_export_kill_loop.py` runs a longer loop (docs/testing.md), and
CASHDESK_KILL_SEED changes the moments.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shlex
import shutil
import signal
import sqlite3
import statistics
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from cashdesk.services.audit import verify_audit
from cashdesk.services.day_close import close_day
from tests.integration.test_deposit_export import DAY, PASSWORD, SUPERVISOR, a_full_day, add_people, make_ctx
from tests.support.fork_server import ForkServer

KILLS_IN_CI = 60
D = DAY.isoformat()
FILES = (f"deposit-{D}.csv", f"deposit-slip-{D}.pdf", f"gl-journal-{D}.csv", f"billing-payments-{D}.csv",
         f"sales-tax-payments-{D}.csv")  # fmt: skip
MANIFEST = f"deposit-manifest-{D}.json"


class Exports(ForkServer):
    """The fork server of tests/support/export_worker.py: each export a fresh process."""

    def __init__(self, log: Path) -> None:
        super().__init__("tests.support.export_worker", "--fork-server", PASSWORD, log=log)

    def start(self, args: list[str]) -> int:
        return self._started("go " + shlex.join(args))

    def reap(self, pid: int) -> tuple[int, str]:
        """(exit status, what it printed)."""
        code = self._reaped(pid)
        said: list[str] = []
        while (line := self._read()) != "end":
            said.append(line[2:])
        return code, "\n".join(said)

    def kill(self, pid: int) -> bool:
        """SIGKILL; False when the export had already ended, done (a failed export fails the test)."""
        os.kill(pid, signal.SIGKILL)
        code, said = self.reap(pid)
        assert code in (0, -signal.SIGKILL), f"the export {pid} failed by itself ({code}): {said}"
        return code == -signal.SIGKILL


@pytest.fixture
def closed_day_db(small_city: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small city with a full day taken and closed (tests/integration/test_deposit_export.py)."""
    from argon2 import PasswordHasher

    from cashdesk.services import auth

    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    ctx = make_ctx(small_city)
    try:
        add_people(ctx)
        a_full_day(ctx)
        close_day(ctx, SUPERVISOR, DAY)
    finally:
        ctx.close()
    return small_city


def registered(db: Path) -> dict[str, str]:
    """The last registration of each of the day's files: name -> SHA-256."""
    with closing(sqlite3.connect(db)) as con:
        return {name: sha for name, sha in con.execute(
            "SELECT name, sha256 FROM exported_files WHERE business_date = ? ORDER BY id", (D,))}  # fmt: skip


def look(folder: Path) -> tuple[set[str], list[str]]:
    """(the day's files in the folder, the temporary files)."""
    if not folder.exists():
        return set(), []
    names = {p.name for p in folder.iterdir()}
    return names & {*FILES, MANIFEST}, sorted(n for n in names if n.endswith(".tmp"))


def check_complete(folder: Path, db: Path) -> None:
    """Five files and the manifest, no temporary file; sizes and hashes as listed and as registered."""
    present, tmp = look(folder)
    assert present == {*FILES, MANIFEST} and not tmp, (sorted(present), tmp)
    listed = json.loads((folder / MANIFEST).read_bytes())
    assert listed["business_date"] == D and [f["name"] for f in listed["files"]] == list(FILES)
    last = registered(db)
    for entry in listed["files"]:
        data = (folder / entry["name"]).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        assert (len(data), digest) == (entry["size"], entry["sha256"]), entry["name"]
        assert last.get(entry["name"]) == digest, f"{entry['name']} is not the registered file"


def check_after_kill(folder: Path, db: Path) -> str:
    """Complete, or visibly absent (no manifest): what the folder holds, in a word."""
    present, tmp = look(folder)
    if MANIFEST in present:
        check_complete(folder, db)
        return "complete"
    files = len(present)
    return f"no manifest, {files} of 5 files" + (", temporary files" if tmp else "")


def test_a_killed_export_leaves_the_whole_export_or_no_manifest_and_the_next_run_finishes_it(
    closed_day_db: Path, tmp_path: Path
) -> None:  # fmt: skip
    kills = int(os.environ.get("CASHDESK_EXPORT_KILLS", KILLS_IN_CI))
    seed = int(os.environ.get("CASHDESK_KILL_SEED", "20261126"))
    rng = random.Random(seed)
    db = closed_day_db
    folder = tmp_path / "deposits"
    base = ["--db", str(db), "export-deposit", "--date", D, "--out", str(folder), "--user", "msuper",
            "--password-stdin"]  # fmt: skip
    exports = Exports(tmp_path / "exports.log")
    seen: Counter[str] = Counter()
    started = time.monotonic()
    try:
        # Whole runs: how long an export takes here (the median of the last ones), so that the kills
        # fall inside one.
        durations: list[float] = []

        def whole_run(args: list[str]) -> str:
            clock = time.monotonic()
            code, said = exports.reap(exports.start(args))
            durations.append(time.monotonic() - clock)
            assert code == 0, said
            check_complete(folder, db)
            return said

        whole_run([*base, "--ticket", "T-1", "--bag", "B-1"])
        ticket, kill = 1, 0
        while kill < kills:
            # What the killed run finds: an empty folder (a first export), a complete export given a new
            # ticket number (the slip is replaced), a complete one exported again (nothing to write), or
            # what the last killed run left.
            if MANIFEST in look(folder)[0]:
                pick = rng.random()
                if pick < 0.5:
                    shutil.rmtree(folder)
                elif pick < 0.8:
                    ticket += 1
            args = [*base, "--ticket", f"T-{ticket}"]
            pid = exports.start(args)
            # Most kills in the later part of a run, where the files are written (the first part signs in
            # and reads the day).
            time.sleep(statistics.median(durations[-9:]) * rng.choice((rng.uniform(0.0, 1.0), rng.uniform(0.5, 1.0))))
            if not exports.kill(pid):
                seen["done before the kill"] += 1
                continue
            kill += 1
            try:
                state = check_after_kill(folder, db)
                seen[state.split(",")[0] if state == "complete" else state] += 1
                if state != "complete" and rng.random() < 0.25:
                    continue  # killed again before anyone finishes it
                said = whole_run(args)
                assert ("An unfinished export of the day found there" in said) == (
                    state.startswith("no manifest") and state != "no manifest, 0 of 5 files"
                ), (state, said)
            except AssertionError as exc:
                raise AssertionError(f"after kill {kill} (CASHDESK_KILL_SEED={seed}): {exc}") from None
        whole_run(base)
    finally:
        exports.close()
    ctx = make_ctx(db)
    try:
        chain = verify_audit(ctx)
        assert chain.ok, chain.problem
    finally:
        ctx.close()
    # The kills fell where it matters: before anything was written, midway, and on a complete export.
    partial = sum(n for state, n in seen.items() if state.startswith("no manifest") and "0 of 5" not in state)
    assert seen["complete"] > 0 and partial > 0, seen
    took = statistics.median(durations)
    print(f"{kills} kills in {time.monotonic() - started:.1f} s (an export takes {took * 1000:.0f} ms): {dict(seen)}")
