"""Never lose a payment: a station posting and printing is killed (SIGKILL) at random moments,
again and again, and after every kill the database still holds only whole payments.

The worker is tests/support/crash_worker.py; the printer is the emulator, a real TCP server.
CI runs KILLS_IN_CI kills; the long loop is `CASHDESK_KILLS=2000 python -m pytest -q
tests/integration/test_kill_loop.py` (docs/testing.md). CASHDESK_KILL_SEED changes the moments.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import signal
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import ServiceContext
from cashdesk.services.printing import deliver_queued, dismiss_uncertain, retry_uncertain, station_printer
from cashdesk.services.setup import init_database
from cashdesk.store.db import Database
from tests.support import city
from tests.support.crash_worker import ACCOUNT_PREFIX, ACCOUNTS, CASHIER
from tests.support.fork_server import ForkServer
from tests.support.printer_emulator import PrinterEmulator

KILLS_IN_CI = 200
#: How long a worker runs before it is killed: long enough for a few payments and print jobs.
MAX_DELAY_S = 0.35
DLE_EOT_1 = b"\x10\x04\x01"


@pytest.fixture
def station_db(tmp_path: Path) -> Path:
    """A database with ACCOUNTS utility accounts, each owing a few bills."""
    path = tmp_path / "kill.sqlite3"
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        for n in range(ACCOUNTS):
            row = city.add_account(uow, f"{ACCOUNT_PREFIX}{n:02d}", f"KILL LOOP {n}", f"{n} Crash Ct")
            for code, cents in (("WATER", 4_210), ("SEWER", 3_105), ("LATEFEE", 500)):
                city.add_item(uow, row, code, code.title(), dt.date(2026, 1, 1), dt.date(2026, 1, 20), cents)
        uow.commit()
    db.dispose()
    return path


class Workers(ForkServer):
    """The fork server of tests/support/crash_worker.py: each worker a fresh process, killed by us."""

    def __init__(self, db: Path, spec: str, log: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "CASHDESK_PRINTER"}
        super().__init__("tests.support.crash_worker", "--fork-server", str(db), spec, log=log, env=env)

    def start(self, seed: int) -> int:
        return self._started(f"go {seed}")

    def kill(self, pid: int) -> None:
        """SIGKILL, then make sure that is what ended it (a worker that failed by itself fails the test)."""
        os.kill(pid, signal.SIGKILL)
        code = self._reaped(pid)
        assert code == -signal.SIGKILL, f"worker {pid} stopped by itself ({code}): {self.log.read_text()[-3000:]}"


@pytest.fixture
def printer() -> Iterator[PrinterEmulator]:
    with PrinterEmulator() as emulator:
        yield emulator


def test_kill_loop(station_db: Path, printer: PrinterEmulator, tmp_path: Path) -> None:
    kills = int(os.environ.get("CASHDESK_KILLS", KILLS_IN_CI))
    seed = int(os.environ.get("CASHDESK_KILL_SEED", "20261126"))
    rng = random.Random(seed)
    ctx = ServiceContext.open(station_db, settings=Settings({"printer.spec": printer.spec}), quick_check=False)
    started = time.monotonic()
    workers = Workers(station_db, printer.spec, tmp_path / "workers.log")
    try:
        for kill in range(kills):
            pid = workers.start(rng.randrange(2**31))
            time.sleep(rng.uniform(0.0, MAX_DELAY_S))
            workers.kill(pid)
            try:
                check_database(station_db, ctx, printer)
            except AssertionError as exc:
                raise AssertionError(f"after kill {kill + 1} (CASHDESK_KILL_SEED={seed}): {exc}") from None
    finally:
        workers.close()
    took = time.monotonic() - started
    try:
        done = summary(station_db)
        # The loop really exercised what it claims to (the numbers depend on the machine's speed).
        assert done["receipts"] >= kills // 2, done
        assert done["tenders"] >= {"cash", "check", "card", "money_order"}, done
        assert done["printed"] > 0 and done["drops"] > 0, done
        if has_mail_batches():
            assert done["mail_receipts"] > 0, done
        settle_uncertain_jobs(station_db, ctx, printer)
        check_database(station_db, ctx, printer, settled=True)
    finally:
        ctx.close()
    print(f"{kills} kills in {took:.1f} s; {done}")


def has_mail_batches() -> bool:
    from tests.support import crash_worker

    return crash_worker.mail_batches is not None


def settle_uncertain_jobs(path: Path, ctx: ServiceContext, printer: PrinterEmulator) -> None:
    """What the cashier does with each job the kills left uncertain: look in the printer, then
    Dismiss the ones that are there and Retry the others; then the queue empties."""
    deliveries = delivered(printer)
    with closing(sqlite3.connect(path)) as con:
        uncertain = con.execute(
            "SELECT id, payload FROM print_jobs WHERE status = 'printing' AND kind != 'drawer_kick'"
        ).fetchall()
    on_paper = [job_id for job_id, payload in uncertain if deliveries[bytes(payload)]]
    missing = [job_id for job_id, payload in uncertain if not deliveries[bytes(payload)]]
    assert dismiss_uncertain(ctx, CASHIER, job_ids=on_paper) == len(on_paper)
    assert retry_uncertain(ctx, CASHIER, job_ids=missing) == len(missing)
    for _ in range(1000):
        device = station_printer(ctx)
        try:
            if deliver_queued(ctx, device, limit=200).waiting == 0:
                break
        finally:
            device.close()


# -- the checks after each kill ------------------------------------------------------------------


def delivered(printer: PrinterEmulator) -> Counter[bytes]:
    """How many times the printer received each whole job (one connection per job)."""
    counts: Counter[bytes] = Counter()
    for data in printer.connections():
        if data.endswith(DLE_EOT_1) and len(data) > len(DLE_EOT_1):
            counts[data[: -len(DLE_EOT_1)]] += 1
    return counts


def check_database(path: Path, ctx: ServiceContext, printer: PrinterEmulator, *, settled: bool = False) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        check_receipts(con)
        check_numbers(con)
        check_drawers(con)
        check_items_and_credits(con)
        check_print_jobs(con, delivered(printer), settled=settled)
    finally:
        con.close()
    chain = verify_audit(ctx)
    assert chain.ok, chain.problem


def check_receipts(con: sqlite3.Connection) -> None:
    """Every receipt is whole: lines, tenders, allocations, audit event, print job."""
    receipts = con.execute("SELECT id, number, channel, total_cents, tendered_cents, change_cents, status "
                           "FROM receipts").fetchall()  # fmt: skip
    lines = dict(con.execute("SELECT receipt_id, sum(amount_cents) FROM receipt_lines GROUP BY receipt_id").fetchall())
    tenders = dict(con.execute("SELECT receipt_id, sum(amount_cents) FROM tenders GROUP BY receipt_id").fetchall())
    cash = dict(con.execute("SELECT receipt_id, sum(amount_cents) FROM tenders WHERE kind = 'cash' "
                            "GROUP BY receipt_id").fetchall())  # fmt: skip
    applied = con.execute(
        "SELECT l.id, l.receipt_id, l.kind, l.amount_cents, l.credit_cents, coalesce(sum(a.amount_cents), 0) "
        "FROM receipt_lines l LEFT JOIN allocations a ON a.receipt_line_id = l.id GROUP BY l.id"
    ).fetchall()
    posts = {obj for (obj,) in con.execute("SELECT object FROM audit_events WHERE event_type = 'post'")}
    batch_posts = {
        obj for (obj,) in con.execute("SELECT object FROM audit_events WHERE event_type = 'mail_batch_post'")
    }
    mail = (
        dict(
            con.execute(
                "SELECT i.receipt_id, b.number FROM mail_items i JOIN mail_batches b ON b.id = i.batch_id "
                "WHERE i.receipt_id IS NOT NULL"
            ).fetchall()
        )
        if _has_table(con, "mail_items")
        else {}
    )
    receipt_jobs = {r for (r,) in con.execute("SELECT receipt_id FROM print_jobs WHERE kind = 'receipt'")}
    history = Counter(r for (r,) in con.execute("SELECT reference FROM account_history WHERE kind = 'payment'"))
    for rid, number, channel, total, tendered, change, status in receipts:
        assert status == "posted", number
        assert lines.get(rid) == total, f"{number}: lines {lines.get(rid)} != total {total}"
        assert tenders.get(rid, 0) - change == total == tendered - change, f"{number}: tenders do not pay the total"
        assert change <= cash.get(rid, 0), f"{number}: change not from cash"
        assert history[number] >= 1, f"{number}: no account history"
        if channel == "counter":
            assert number in posts, f"{number}: no audit event 'post'"
            assert rid in receipt_jobs, f"{number}: no print job"
        else:
            assert mail.get(rid) in batch_posts, f"{number}: a mail receipt without its posted batch"
    for line_id, _rid, kind, amount, credit, allocated in applied:
        if kind == "account":
            assert allocated + credit == amount, (
                f"line {line_id}: allocations {allocated} + credit {credit} != {amount}"
            )
        else:
            assert allocated == 0 and credit == 0, f"misc line {line_id} allocated"
    ids = {r[0] for r in receipts}
    for table in ("receipt_lines", "tenders", "print_jobs"):
        orphans = [r for (r,) in con.execute(f"SELECT DISTINCT receipt_id FROM {table} WHERE receipt_id IS NOT NULL")
                   if r not in ids]  # fmt: skip
        assert not orphans, f"{table} rows of a receipt that is not there: {orphans}"


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def check_numbers(con: sqlite3.Connection) -> None:
    """Receipt numbers are gapless per station and year, and the counter never ran ahead."""
    seen: dict[tuple[str, int], list[int]] = defaultdict(list)
    for station, number in con.execute("SELECT station, number FROM receipts"):
        m = re.fullmatch(r"(.+)-(\d{4})-(\d+)", number)
        assert m and m.group(1) == station, number
        seen[(station, int(m.group(2)))].append(int(m.group(3)))
    last = {(s, y): n for s, y, n in con.execute("SELECT station, year, last_number FROM receipt_sequences")}
    for key, numbers in seen.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"gap in {key}"
        assert last[key] == len(numbers), f"{key}: sequence at {last[key]}, {len(numbers)} receipts"


def check_drawers(con: sqlite3.Connection) -> None:
    """Each drawer holds float + cash in - change - drops - paid-outs, from the rows."""
    for drawer_id, opening, cash_cents in con.execute("SELECT id, opening_float_cents, cash_cents FROM drawers"):
        cash_in = con.execute(
            "SELECT coalesce(sum(t.amount_cents), 0) FROM tenders t JOIN receipts r "
            "ON r.id = t.receipt_id WHERE r.drawer_id = ? AND t.kind = 'cash'",
            (drawer_id,),
        ).fetchone()[0]
        change = con.execute("SELECT coalesce(sum(change_cents), 0) FROM receipts WHERE drawer_id = ?",
                             (drawer_id,)).fetchone()[0]  # fmt: skip
        drops = con.execute("SELECT coalesce(sum(amount_cents), 0) FROM cash_drops WHERE drawer_id = ?",
                            (drawer_id,)).fetchone()[0]  # fmt: skip
        paid = con.execute("SELECT coalesce(sum(amount_cents), 0) FROM paid_outs WHERE drawer_id = ?",
                           (drawer_id,)).fetchone()[0]  # fmt: skip
        assert cash_cents == opening + cash_in - change - drops - paid, (
            f"drawer {drawer_id}: {cash_cents} != {opening} + {cash_in} - {change} - {drops} - {paid}"
        )


def check_items_and_credits(con: sqlite3.Connection) -> None:
    """What each bill shows paid is what was allocated to it; each credit is what lines kept."""
    wrong = con.execute(
        "SELECT o.id, o.paid_cents, coalesce(sum(a.amount_cents), 0) FROM open_items o "
        "LEFT JOIN allocations a ON a.open_item_id = o.id GROUP BY o.id "
        "HAVING o.paid_cents != coalesce(sum(a.amount_cents), 0) OR o.paid_cents > o.amount_cents"
    ).fetchall()
    assert wrong == [], f"open items paid != allocations: {wrong[:5]}"
    credits = con.execute(
        "SELECT a.number, a.credit_cents, coalesce((SELECT sum(l.credit_cents) FROM receipt_lines l "
        "WHERE l.account_id = a.id), 0) FROM accounts a").fetchall()  # fmt: skip
    assert all(have == kept for _n, have, kept in credits), [c for c in credits if c[1] != c[2]][:5]


def check_print_jobs(con: sqlite3.Connection, deliveries: Counter[bytes], *, settled: bool) -> None:
    """No job reached the printer twice; a printed job reached it once; a queued one never;
    one cut off by a kill ("printing") at most once. Drawer kicks share their bytes: counted together."""
    jobs = con.execute("SELECT id, kind, status, payload FROM print_jobs").fetchall()
    kicks: Counter[str] = Counter()
    kick_payloads = set()
    for job_id, kind, status, payload in jobs:
        payload = bytes(payload)
        if kind == "drawer_kick":
            kicks[status] += 1
            kick_payloads.add(payload)
            continue
        times = deliveries[payload]
        allowed = {"printed": {1}, "printing": {0, 1}, "queued": {0}, "failed": {0, 1}}[status]
        assert times in allowed, f"job {job_id} ({kind}, {status}) reached the printer {times} times"
        if settled:
            assert status == "printed", f"job {job_id} left {status}"
    kicked = sum(deliveries[p] for p in kick_payloads)
    assert kicks["printed"] <= kicked <= kicks["printed"] + kicks["printing"] + kicks["failed"], (kicked, kicks)


def summary(path: Path) -> dict[str, object]:
    with closing(sqlite3.connect(path)) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "receipts": one("SELECT count(*) FROM receipts"),
            "mail_receipts": one("SELECT count(*) FROM receipts WHERE channel = 'mail'"),
            "tenders": {k for (k,) in con.execute("SELECT DISTINCT kind FROM tenders")},
            "printed": one("SELECT count(*) FROM print_jobs WHERE status = 'printed'"),
            "interrupted": one("SELECT count(*) FROM print_jobs WHERE status IN ('printing', 'failed')"),
            "drops": one("SELECT count(*) FROM cash_drops"),
        }
