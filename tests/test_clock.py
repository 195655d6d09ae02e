"""The suite passes on any day: the program reads the time in one place (cashdesk.clock), every
test starts on the pretend clock, and nothing in the code or the tests reads the wall clock."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cashdesk import clock
from cashdesk.config import Settings
from cashdesk.services.context import ServiceContext
from cashdesk.store.db import Database
from tests.conftest import PRETEND_NOW

ROOT = Path(__file__).resolve().parents[1]

#: Ways Python and Qt read the wall clock. `time.monotonic`/`perf_counter` measure intervals
#: and are fine; the date they never give.
WALL_CLOCK = re.compile(
    r"\b(datetime\.now\(|datetime\.utcnow\(|dt\.datetime\.now\(|date\.today\(|datetime\.today\(|"
    r"time\.time\(|time\.localtime\(|time\.gmtime\(|time\.ctime\(|time\.strftime\(|"
    r"QDateTime\.currentDateTime|QDate\.currentDate|QTime\.currentTime)"
)
ON_PURPOSE = "wall clock on purpose"


def wall_clock_reads(folder: Path, *, allowed: set[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WALL_CLOCK.search(line) and ON_PURPOSE not in line:
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_the_program_reads_the_time_only_through_its_clock() -> None:
    assert wall_clock_reads(ROOT / "src" / "cashdesk", allowed={ROOT / "src" / "cashdesk" / "clock.py"}) == []


def test_no_test_or_benchmark_reads_the_wall_clock() -> None:
    this = Path(__file__).resolve()
    assert wall_clock_reads(ROOT / "tests", allowed={this}) == []


def test_the_scan_would_catch_a_read_of_the_wall_clock(tmp_path: Path) -> None:
    planted = tmp_path / "new_test.py"
    # The planted file the guard must catch:
    today = "TODAY = datetime.date.today()\n"  # wall clock on purpose
    now = "WHEN = datetime.datetime.now()\n"  # wall clock on purpose
    planted.write_text("import datetime\n" + today + now)
    found = wall_clock_reads(tmp_path, allowed=set(), root=tmp_path)
    assert [line.split(":")[:2] for line in found] == [["new_test.py", "2"], ["new_test.py", "3"]]


def test_every_test_starts_on_the_pretend_clock(db_path: Path) -> None:
    started = clock.now()
    assert dt.timedelta(0) <= started - PRETEND_NOW < dt.timedelta(minutes=5)
    ctx = ServiceContext(Database.open(db_path, quick_check=False), Settings())
    try:
        assert ctx.today() == dt.date(2026, 11, 26)  # 10:00 in America/Denver
        assert ctx.now() >= started
    finally:
        ctx.close()


def test_the_clock_runs_forward_from_where_it_was_set() -> None:
    ticking = clock.starting_at(dt.datetime(2028, 12, 31, 23, 59, 59, tzinfo=dt.UTC))
    first = ticking()
    assert first.year == 2028
    assert ticking() >= first


def test_a_process_the_suite_starts_reads_the_same_clock(tmp_path: Path) -> None:
    """The command line, the window and the crash worker run in processes of their own."""
    done = subprocess.run([sys.executable, "-c", "from cashdesk import clock; print(clock.now().isoformat())"],
                          capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    seen = dt.datetime.fromisoformat(done.stdout.strip())
    assert dt.timedelta(0) <= seen - PRETEND_NOW < dt.timedelta(minutes=5)


@pytest.mark.parametrize("text", ["tomorrow", "2026-11-26T17:00:00"])
def test_a_clock_set_to_something_else_is_refused_in_words(text: str, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from cashdesk.cli import main

    monkeypatch.setenv(clock.ENVIRONMENT, text)
    monkeypatch.setattr(clock, "_source", None)
    assert main(["config", "show"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"cashdesk: CASHDESK_CLOCK={text!r}")
