""" "database is locked" never reaches a cashier: one station posts payments through the services
while, beside it, six processes sign in with wrong passwords, or a big `cashdesk import-accounts`
runs, or a big `cashdesk import-payments` runs. Not one payment may fail.

Real processes on a real SQLite file (tests/support/load_workers.py). CI posts PAYMENTS_IN_CI
payments beside files sized to take a few seconds; the full run is
`CASHDESK_LOAD_PAYMENTS=1000 python -m pytest -q -s tests/integration/test_load_locks.py`
(docs/testing.md), which prints the payment p50 and p95 of each case. The station posts at least
that many, and goes on until an import beside it has finished.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.setup import init_database
from cashdesk.services.users import add_user
from cashdesk.store.db import Database
from tests.support import city
from tests.support.crash_worker import ACCOUNT_PREFIX, ACCOUNTS, CASHIER, FLOAT

ROOT = Path(__file__).resolve().parents[2]
PAYMENTS_IN_CI = 150
#: Rows of the files imported beside the station: CI's take a few seconds each; the full run's
#: are the sizes the issue met (400,000 accounts, 485,000 remittances).
ACCOUNT_ROWS = {False: 50_000, True: 400_000}
REMITTANCE_ROWS = {False: 50_000, True: 485_000}
#: Accounts the payments file pays (each check number once per account).
PAYING_ACCOUNTS = 50
SIGN_IN_WORKERS = 6
MAX_TAPE_COUNT = 100_000
CLERK_PASSWORD = "lockbox clerk 2026"


def full_run() -> bool:
    return int(os.environ.get("CASHDESK_LOAD_PAYMENTS", PAYMENTS_IN_CI)) >= 1000


@pytest.fixture
def station_db(tmp_path: Path) -> Path:
    """The station's accounts (as the kill loop's), the lockbox's accounts, three clerks who can
    be locked out, and an open drawer (so the business day is open for the mail import)."""
    path = tmp_path / "load.sqlite3"
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        for n in range(ACCOUNTS):
            row = city.add_account(uow, f"{ACCOUNT_PREFIX}{n:02d}", f"LOAD STATION {n}", f"{n} Busy Ct")
            for code, cents in (("WATER", 4_210), ("SEWER", 3_105), ("LATEFEE", 500)):
                city.add_item(uow, row, code, code.title(), dt.date(2026, 1, 1), dt.date(2026, 1, 20), cents)
        for n in range(PAYING_ACCOUNTS):
            city.add_account(uow, f"40000000{n:02d}", f"LOCKBOX PAYER {n}", f"{n} Mail Rd")
        uow.commit()
    db.dispose()
    ctx = ServiceContext.open(path, settings=Settings({"printer.spec": "none"}), quick_check=False)
    try:
        admin = command_line_operator()
        add_user(ctx, admin, "payclerk", Role.CASHIER, CLERK_PASSWORD, must_change_password=False)
        for n in range(3):
            add_user(ctx, admin, f"clerk{n}", Role.CASHIER, f"{CLERK_PASSWORD} {n}", must_change_password=False)
        open_drawer(ctx, CASHIER, FLOAT)
    finally:
        ctx.close()
    return path


def accounts_file(folder: Path, rows: int) -> Path:
    path = folder / "accounts.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("account,kind,name,service_address,phone\n")
        for n in range(rows):
            out.write(f"5{n:09d},utility,IMPORTED CUSTOMER {n},{n} Import Ave,(303) 555-{n % 10_000:04d}\n")
    return path


def payments_file(folder: Path, rows: int) -> tuple[Path, int, str]:
    """A lockbox file of `rows` checks; its control count and total."""
    path = folder / "lockbox.csv"
    cents = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("account,payer,check_number,amount\n")
        for n in range(rows):
            amount = 100 + n % 2_000  # $1.00 to $20.99: the tape of 485,000 stays under its $9,999,999.99
            cents += amount
            out.write(f"40000000{n % PAYING_ACCOUNTS:02d},Payer {n},{100_000 + n},{amount // 100}.{amount % 100:02d}\n")
    # A batch's tape counts at most 100,000 remittances: a bigger file is imported and left open
    # (exit status 3), as the 485,000-row file was.
    return path, min(rows, MAX_TAPE_COUNT), f"{cents // 100}.{cents % 100:02d}"


def python(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]  # fmt: skip


def beside(case: str, db: Path, folder: Path) -> Callable[[Path], list[subprocess.Popen[str]]]:
    """What runs beside the station, its files written: started with the file that stops the
    sign-in loops."""
    if case == "sign_ins":
        # Three clerks who lock themselves out (then each try is a short write), three user ids
        # that are nobody's (each try a whole argon2 check, like a right user id's).
        users = [f"clerk{n}" for n in range(3)] + [f"nobody{n}" for n in range(SIGN_IN_WORKERS - 3)]
        return lambda stop: [
            python("-m", "tests.support.load_workers", "wrong-sign-ins", str(db), u, str(stop)) for u in users
        ]
    if case == "import_accounts":
        accounts = accounts_file(folder, ACCOUNT_ROWS[full_run()])
        return lambda stop: [
            python("-m", "cashdesk", "--db", str(db), "import-accounts", str(accounts), "--no-progress")
        ]
    lockbox, count, total = payments_file(folder, REMITTANCE_ROWS[full_run()])

    def import_payments(stop: Path) -> list[subprocess.Popen[str]]:
        importer = python("-m", "cashdesk", "--db", str(db), "import-payments", str(lockbox), "--control-count",
                          str(count), "--control-total", total, "--user", "payclerk", "--password-stdin",
                          "--no-progress", stdin=subprocess.PIPE)  # fmt: skip
        assert importer.stdin is not None
        importer.stdin.write(CLERK_PASSWORD + "\n")
        importer.stdin.flush()
        return [importer]

    return import_payments


@pytest.mark.parametrize("case", ["sign_ins", "import_accounts", "import_payments"])
def test_no_payment_fails_while_another_program_writes(case: str, station_db: Path, tmp_path: Path) -> None:
    """The station is posting before the other program starts, and goes on until it has posted
    its payments and the other program has finished: the whole import runs beside payments."""
    payments = int(os.environ.get("CASHDESK_LOAD_PAYMENTS", PAYMENTS_IN_CI))
    start_beside = beside(case, station_db, tmp_path)
    stop, until = tmp_path / "stop", tmp_path / "until"
    station = python("-m", "tests.support.load_workers", "station", str(station_db), str(payments), "20261126",
                     str(until))  # fmt: skip
    assert station.stdout is not None
    assert station.stdout.readline() == "posting\n", station.communicate()[1][-3000:]
    started = time.monotonic()
    others = start_beside(stop)
    reports = []
    if case == "sign_ins":
        until.touch()  # the station stops after its payments; then the sign-ins stop
        out, err = station.communicate(timeout=900)
        stop.touch()
    for other in others:
        other_out, other_err = other.communicate(timeout=900)
        reports.append((other.returncode, other_out.strip()[-500:], other_err.strip()[-500:]))
    if case != "sign_ins":
        until.touch()  # the import is over: the station stops once it has posted its payments
        out, err = station.communicate(timeout=900)
    took = time.monotonic() - started
    assert station.returncode == 0, err[-3000:]
    report = json.loads(out)
    print(f"\n{case}: {report['posted']} payments in {took:.1f} s: p50 {report['p50_ms']} ms, p95 {report['p95_ms']} "
          f"ms, slowest {report['max_ms']} ms; beside it: {reports}")  # fmt: skip
    assert report["failed"] == 0, report["errors"]
    assert report["posted"] >= payments
    left_open = case == "import_payments" and REMITTANCE_ROWS[full_run()] > MAX_TAPE_COUNT
    for code, other_out, other_err in reports:
        assert code == (3 if left_open else 0), (other_out, other_err)
        assert "database is locked" not in other_out + other_err
