"""Four windows post 500 payments each while the office server is stopped and started at random
moments (connections cut mid-transaction) and one sender is SIGKILLed mid-run: the office ends
with exactly 2,000 receipts, gapless numbers per station, every balance right, and each window's
audit chain whole and the same at the office (issue 15; docs/office.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import psycopg
import pytest

from cashdesk.config import Settings
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.office import init_office, join_office, sync_once
from cashdesk.services.setup import init_database
from cashdesk.store.db import Database
from tests.support import city
from tests.support.crash_worker import ACCOUNT_PREFIX, ACCOUNTS
from tests.support.pg_cluster import Cluster

ROOT = Path(__file__).resolve().parents[2]
STATIONS = ("W11", "W12", "W13", "W14")
PAYMENTS = int(os.environ.get("CASHDESK_OFFICE_PAYMENTS", "500"))


def python(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.support.office_workers", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def the_city(folder: Path) -> Path:
    """The kill loop's accounts, three bills each: the city every window starts from."""
    path = folder / "city.sqlite3"
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        for n in range(ACCOUNTS):
            row = city.add_account(uow, f"{ACCOUNT_PREFIX}{n:02d}", f"OFFICE CUSTOMER {n}", f"{n} Office Ct")
            for code, cents in (("WATER", 4_210), ("SEWER", 3_105), ("LATEFEE", 500)):
                city.add_item(uow, row, code, code.title(), dt.date(2026, 1, 1), dt.date(2026, 1, 20), cents)
        uow.commit()
    db.dispose()
    return path


def window(folder: Path, station: str) -> ServiceContext:
    return ServiceContext.open(folder / f"{station}.sqlite3",
                               settings=Settings({"printer.spec": "none", "station.id": station}))  # fmt: skip


def money_by_account(rows: list[tuple[int, int, int]]) -> dict[int, int]:
    """account id -> paid on its bills + credit kept."""
    total: dict[int, int] = defaultdict(int)
    for account, paid, credit in rows:
        total[account] += paid + credit
    return dict(total)


MONEY_SQL = ("SELECT a.id, coalesce((SELECT sum(paid_cents) FROM open_items o WHERE o.account_id = a.id), 0), "
             "a.credit_cents FROM accounts a ORDER BY a.id")  # fmt: skip


def test_four_windows_and_an_office_that_comes_and_goes(tmp_path: Path, office_url: str, cluster: Cluster) -> None:
    admin = command_line_operator()
    init_office(admin, office_url)
    start = the_city(tmp_path)
    for station in STATIONS:
        shutil.copy(start, tmp_path / f"{station}.sqlite3")
        ctx = window(tmp_path, station)
        try:
            join_office(ctx, admin, office_url, station)  # the first brings the accounts to the empty office
        finally:
            ctx.close()
    with psycopg.connect(office_url) as con:
        before = money_by_account(con.execute(MONEY_SQL).fetchall())

    stop = tmp_path / "stop"
    posters = {s: python("post", str(tmp_path / f"{s}.sqlite3"), s, str(PAYMENTS), str(i)) for i, s in
               enumerate(STATIONS)}  # fmt: skip
    senders = {s: python("sync", str(tmp_path / f"{s}.sqlite3"), s, str(stop)) for s in STATIONS}
    for sender in senders.values():
        assert sender.stdout is not None and sender.stdout.readline().strip() == "sending"

    # The office comes and goes while the windows post; one sender is killed mid-run, then started again.
    rng = random.Random(20261206)
    outages = 0
    finished = threading.Event()

    def chaos() -> None:
        nonlocal outages
        while not finished.is_set():
            time.sleep(rng.uniform(0.3, 1.5))  # wall clock on purpose: the outages' rhythm
            cluster.stop()
            outages += 1
            time.sleep(rng.uniform(0.2, 1.0))  # wall clock on purpose
            cluster.start()

    thread = threading.Thread(target=chaos)
    thread.start()
    try:
        time.sleep(2.0)  # wall clock on purpose: let the senders get going first
        killed = senders["W12"]
        killed.send_signal(signal.SIGKILL)
        killed.communicate(timeout=60)  # its pipes closed: nothing of it is left
        assert killed.returncode == -signal.SIGKILL
        senders["W12"] = python("sync", str(tmp_path / "W12.sqlite3"), "W12", str(stop))
        reports = {s: p.communicate(timeout=600) for s, p in posters.items()}
    finally:
        finished.set()
        thread.join()
    for station, (out, err) in reports.items():
        posted = json.loads(out)
        assert (posted["posted"], posted["failed"]) == (PAYMENTS, 0), (station, posted, err[-2000:])
    stop.touch()
    for station, sender in senders.items():
        out, err = sender.communicate(timeout=300)
        assert sender.returncode == 0, (station, err[-2000:])
    assert outages >= 2

    # Every window sends what waits and takes in the others' payments (twice: the last one sent
    # reaches the first one's window on the second round).
    contexts = {s: window(tmp_path, s) for s in STATIONS}
    try:
        for _ in range(2):
            for ctx in contexts.values():
                assert sync_once(ctx).waiting == 0
        with psycopg.connect(office_url) as con:
            at_office = con.execute("SELECT window_station, number FROM receipts").fetchall()
            office_money = money_by_account(con.execute(MONEY_SQL).fetchall())
            office_trail = con.execute("SELECT window_station, seq, hash FROM audit_events ORDER BY 1, 2").fetchall()
        assert len(at_office) == PAYMENTS * len(STATIONS)
        taken: dict[int, int] = defaultdict(int)
        for station, ctx in contexts.items():
            numbers = sorted(n for s, n in at_office if s == station)
            year = numbers[0].split("-")[1]
            assert numbers == [f"{station}-{year}-{k:06d}" for k in range(1, PAYMENTS + 1)]  # gapless, none twice
            with ctx.db.unit_of_work(write=False) as uow:
                for account, cents in uow.rows.all(
                    "SELECT l.account_id, sum(l.amount_cents) FROM receipt_lines l JOIN receipts r "
                    "ON r.id = l.receipt_id WHERE r.status = 'posted' AND l.account_id IS NOT NULL "
                    "GROUP BY l.account_id"):  # fmt: skip
                    taken[int(account)] += int(cents)
                local_money = money_by_account(uow.rows.all(MONEY_SQL))
                trail = uow.rows.all("SELECT seq, hash FROM audit_events ORDER BY seq")
            assert local_money == office_money, station  # each window sees the office's balances
            assert [(q, h) for s, q, h in office_trail if s == station] == [tuple(t) for t in trail]
            check = verify_audit(ctx)
            assert check.ok, (station, check)
        # Every cent taken is on its account once: paid on its bills or kept as credit.
        assert office_money == {a: before[a] + taken.get(a, 0) for a in before}
    finally:
        for ctx in contexts.values():
            ctx.close()


@pytest.fixture(autouse=True)
def _office_up_afterwards(cluster: Cluster):  # type: ignore[no-untyped-def]
    yield
    try:
        psycopg.connect(cluster.url(), connect_timeout=2).close()
    except psycopg.OperationalError:
        cluster.start()
