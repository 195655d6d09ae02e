"""Shared fixtures: each test gets its own data folder, settings file and database."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display. The offscreen platform gets two screens, the
# city's workstation sizes: 1280×800 (where windows open), 1024×768 and 1366×768 beside it (tests/gui/screens.json).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'gui', 'screens.json')}"
    )

import datetime as dt  # noqa: E402
import itertools  # noqa: E402
from collections.abc import Iterator  # noqa: E402

#: The moment every test starts at, whatever day the suite is run: a Thursday, 10:00 in the
#: test city (America/Denver). Set before cashdesk is imported, so every process a test starts
#: (the command, the window, the crash worker) reads the same clock (src/cashdesk/clock.py).
PRETEND_NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
os.environ["CASHDESK_CLOCK"] = PRETEND_NOW.isoformat()

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.support.pg_cluster import Cluster, running_cluster  # noqa: E402


@pytest.fixture(autouse=True)
def _pretend_clock() -> Iterator[None]:
    """Each test starts at PRETEND_NOW and its clock runs from there: no test meets today's date."""
    from cashdesk import clock

    previous = clock.set_source(clock.starting_at(PRETEND_NOW))
    yield
    clock.set_source(previous)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's database, settings or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("CASHDESK_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("CASHDESK_CONFIG", str(home / "config" / "cashdesk.toml"))
    monkeypatch.delenv("CASHDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _day_close_backups_end_with_the_test() -> Iterator[None]:
    """A day close backs up on a thread of its own: it ends with the test that closed the day."""
    yield
    import sys

    if "cashdesk.services.backup" in sys.modules:
        sys.modules["cashdesk.services.backup"].wait_for_day_backups()


_office_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    """A real PostgreSQL cluster of the run's own, started on first use (tests/support/pg_cluster.py)."""
    with running_cluster() as running:
        yield running


@pytest.fixture
def office_url(cluster: Cluster) -> str:
    """A new, empty office database on the running cluster."""
    return cluster.create_database(f"office{next(_office_numbers)}")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh, initialised database file with the default revenue codes."""
    from cashdesk.services.setup import init_database

    path = tmp_path / "cashdesk.sqlite3"
    init_database(path)
    return path


# -- the card-data scan after the whole run (docs/bad-input.md) --------------------------------------


def _scanned_folders(session: pytest.Session) -> list[Path]:
    """The session's temporary folders (databases, receipts, PDFs, exports, each test's logs) and
    the folder of the log file the program wrote to."""
    import logging

    folders: list[Path] = []
    factory = getattr(session.config, "_tmp_path_factory", None)
    basetemp = getattr(factory, "_basetemp", None) if factory is not None else None
    if basetemp is not None:
        folders.append(Path(basetemp))
    for handler in logging.getLogger("cashdesk").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            folders.append(Path(name).parent)
    return folders


#: Files tests write as *input* with a card number planted for the program to refuse: what came
#: in, not what the program wrote (paths under the session's temporary folder; fnmatch patterns).
#: New tests can instead put ".input." in the file's name.
CARD_SCAN_INPUTS = (
    "test_card_numbers_are_refused*/accounts.csv",  # tests/integration/test_import_accounts.py
)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CASHDESK_NO_CARD_SCAN") or hasattr(session.config, "workerinput"):
        return
    from tests.support.card_scan import scan

    folders = _scanned_folders(session)
    import fnmatch

    def planted_input(path: Path) -> bool:
        return any(fnmatch.fnmatch(path.relative_to(folder).as_posix(), pattern)
                   for folder in folders if path.is_relative_to(folder) for pattern in CARD_SCAN_INPUTS)  # fmt: skip

    findings = [f for f in scan(folders) if not planted_input(f.path)]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"card-data scan: {len(findings)} card number(s) in the files this run wrote "
                            f"({', '.join(str(f) for f in folders) or 'nothing to scan'})")  # fmt: skip
        for finding in findings[:50]:
            reporter.write_line(f"  card number found: {finding.describe()}", red=True)
    if findings:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
