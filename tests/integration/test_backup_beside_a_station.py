"""Issue 13 §5: a backup taken while a station writes beside it, 100 times a second.

Before, SQLite's online backup restarted at every write by the station between its steps and
never finished (180 s and counting). Now the copy reads one moment of the database (a WAL
snapshot) in steps: it ends, the copy checks out, and the station never met a lock.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.services.backup import COPYING, BackupResult, backup, check_backup, copy_online
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.store.db import BUSY_TIMEOUT_MS

#: Long enough for a machine shared by several test runs; the copy of 48 MiB takes a second or two.
BOUND_S = 60
PADDING_MB = 48

#: A station posting: one short write transaction every 10 ms, with the app's busy timeout, until
#: told to stop; it prints how many it wrote and every error it met.
STATION = """
import sqlite3, sys, time
from pathlib import Path
db, stop, started = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
con = sqlite3.connect(db, timeout=float(sys.argv[4]), isolation_level=None)
writes, errors = 0, []
while not stop.exists():
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO station_load (n, pad) VALUES (?, ?)", (writes, "x" * 300))
        con.execute("COMMIT")
        writes += 1
        if writes == 1:
            started.touch()
    except sqlite3.Error as exc:
        errors.append(str(exc))
        if con.in_transaction:
            con.execute("ROLLBACK")
    time.sleep(0.01)
print(writes)
for error in errors:
    print(error)
"""


def _padded(database: Path) -> None:
    """A database big enough that the copy takes many steps, with a table for the station to write."""
    with sqlite3.connect(database) as con:
        con.execute("CREATE TABLE station_load (n INTEGER, pad TEXT)")
        con.execute("CREATE TABLE padding (blob BLOB)")
        con.executemany("INSERT INTO padding VALUES (zeroblob(?))", ((1 << 20,) for _ in range(PADDING_MB)))
    con.close()


def _rows(database: Path) -> int:
    with sqlite3.connect(database) as con:
        (count,) = con.execute("SELECT count(*) FROM station_load").fetchone()
    con.close()
    return int(count)


def test_a_backup_beside_a_station_writing_100_times_a_second_finishes_and_blocks_nobody(
    small_city: Path, tmp_path: Path
) -> None:
    _padded(small_city)
    ctx = ServiceContext.open(small_city, settings=Settings({"backup.folder": str(tmp_path / "backups")}))
    stop, started = tmp_path / "stop", tmp_path / "started"
    station = subprocess.Popen(
        [sys.executable, "-c", STATION, str(small_city), str(stop), str(started), str(BUSY_TIMEOUT_MS / 1000)],
        stdout=subprocess.PIPE,
        text=True,
    )
    steps: list[tuple[str, int, int]] = []
    taken: list[BackupResult] = []
    copying = threading.Thread(
        target=lambda: taken.append(
            backup(ctx, command_line_operator(), tmp_path / "copy.sqlite3", progress=lambda *step: steps.append(step))
        )
    )
    try:
        while not started.exists() and station.poll() is None:
            threading.Event().wait(0.01)
        before = _rows(small_city)
        copying.start()
        copying.join(BOUND_S)
        finished = not copying.is_alive()
        during = _rows(small_city) - before
    finally:
        stop.touch()
        out, _ = station.communicate(timeout=30)
        copying.join()
        ctx.close()
    assert finished, f"the backup did not end within {BOUND_S} s beside a station writing 100 times a second"
    said = out.splitlines()
    assert int(said[0]) > 0 and said[1:] == [], f"the station met errors while the backup ran: {said[1:]}"
    assert during > 0, "the station wrote nothing while the backup ran: the test proves nothing"
    copy = taken[0].path
    assert check_backup(copy).ok
    assert 0 < _rows(copy) <= before + during  # one moment of the database, taken while it moved
    copied = [step for step in steps if step[0] == COPYING]
    assert len(copied) > 10, "the copy was not taken in steps"
    assert copied[-1][1] == copied[-1][2], "the last step reports every page copied"
    assert all(later[1] >= earlier[1] for earlier, later in zip(copied, copied[1:], strict=False)), (
        "the copy started over: the station's writes restarted it"
    )


def test_a_database_without_a_write_ahead_log_is_copied_all_the_same_beside_a_writer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No snapshot to hold there: the writer's commits restart the copy, and after a few restarts the
    rest is taken in one step, which the writer waits for within its busy timeout."""
    source = tmp_path / "plain.sqlite3"
    with sqlite3.connect(source) as con:
        con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    _padded(source)
    stop, started = tmp_path / "stop", tmp_path / "started"
    station = subprocess.Popen(
        [sys.executable, "-c", STATION, str(source), str(stop), str(started), str(BUSY_TIMEOUT_MS / 1000)],
        stdout=subprocess.PIPE,
        text=True,
    )
    copying = threading.Thread(target=copy_online, args=(source, tmp_path / "copy.sqlite3"), kwargs={"check": False})
    try:
        while not started.exists() and station.poll() is None:
            threading.Event().wait(0.01)
        copying.start()
        copying.join(BOUND_S)
        finished = not copying.is_alive()
    finally:
        stop.touch()
        out, _ = station.communicate(timeout=30)
        copying.join()
    assert finished, f"the copy did not end within {BOUND_S} s"
    said = out.splitlines()
    assert int(said[0]) > 0 and said[1:] == [], f"the writer met errors: {said[1:]}"
    assert "taking the rest in one step" in caplog.text  # the bound was reached, and the fallback taken
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM padding").fetchone() == (PADDING_MB,)
    copy.close()
