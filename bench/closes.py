"""Closing at city scale for bench/all.py: a drawer (record_count + close_drawer) and the day
(close_day + export_deposit), each against the same reads and writes through plain sqlite3.

The work city and its staff are bench/all.py's; the raw rows come from bench/posting.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import posting
from run import OUT, Figure, say

DRAWER_CLOSE_TARGET_MS = 100.0
DAY_CLOSE_TARGET_S = 3.0  # issue 13: 80,000 payments, with the default backup at day close
DAY_CLOSE_RATIO = 3.0
CASHIER = "bench.cashier"
SUPERVISOR = "bench.super"
WARM_USER = "bench.warmup"


def context(path: Path, settings: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    from cashdesk.config import Settings
    from cashdesk.services.context import ServiceContext

    return ServiceContext.open(path, settings=Settings({**posting.BENCH_TILLS, **(settings or {})}), quick_check=False)


# -- 2. drawer close -------------------------------------------------------------------------------


def close_by_services(ctx, user: str) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    """record_count + close_drawer of `user`'s open drawer, counted even with every item present:
    (seconds, receipts, checks and money orders). What the count needs is read first, untimed."""
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.context import Operator
    from cashdesk.services.shift import x_report
    from cashdesk.services.simulate import greedy_count

    cashier = Operator(user, Role.CASHIER)
    report = x_report(ctx, cashier)
    cards = Money.total(amount for kind, _, amount in report.by_tender if kind == "card")
    present = frozenset(item.tender_id for item in items_to_verify(ctx, cashier))
    pieces = greedy_count(report.expected_cash)
    started = time.perf_counter()
    counted = record_count(ctx, cashier, CountInput(pieces, present, card_settlement=cards))
    closed = close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=counted.suggested_float)
    seconds = time.perf_counter() - started
    if closed.pdf is None:
        say(f"the Z report PDF was not saved: {closed.pdf_problem}")
    return seconds, report.receipts, len(present)


class DrawerCloses:
    """record_count + close_drawer of big drawers, through one service context kept open the whole
    time (as a window's is): the first close in a process imports ReportLab and compiles its
    statements, so a small drawer is closed first and timed apart. Beside each, a raw drawer of
    the same size closed through plain sqlite3. The figure is the median of the closes."""

    def __init__(self, work: Path, warm_up: list[tuple[int, str, int]]) -> None:
        self.work = work
        posting.measure_service(work, warm_up, cashier_id=WARM_USER, mixed=True)
        self.ctx = context(work)
        self.first, self.small, _ = close_by_services(self.ctx, WARM_USER)
        self.service: list[float] = []
        self.raw: list[float] = []
        self.sizes: set[tuple[int, int]] = set()

    def close(self, cashier: str, raw_drawer: int) -> None:
        seconds, transactions, items = close_by_services(self.ctx, cashier)
        self.service.append(seconds)
        self.sizes.add((transactions, items))
        self.raw.append(raw_close_drawer(self.work, raw_drawer, 2000))
        say(
            f"drawer close: {transactions:,} receipts, {items:,} checks and money orders: {seconds * 1000:.0f} ms; "
            f"raw {self.raw[-1] * 1000:.0f} ms"
        )

    def more(self, day: dt.date, accounts: list[tuple[int, str, int]], times: int) -> None:
        """`times` more closes on `day`: drawers of the same size filled with raw rows (the same rows
        post_receipt writes), one closed by the services, one through plain sqlite3."""
        size = len(accounts) // (2 * times)
        for n in range(times):
            chunk = accounts[2 * n * size : 2 * (n + 1) * size]
            cashier = f"{CASHIER}{n + 2}"
            _, mine = posting.measure_raw(self.work, chunk[:size], 1100, station="W01", business_date=day.isoformat(),
                                          mixed=True, cashier=cashier)  # fmt: skip
            _, theirs = posting.measure_raw(self.work, chunk[size:], 1100, station="B98",
                                            business_date=day.isoformat(), mixed=True)  # fmt: skip
            self.close(cashier, theirs)
            del mine

    def figure(self) -> Figure:
        self.ctx.close()
        ms = statistics.median(self.service) * 1000
        raw_ms = statistics.median(self.raw) * 1000
        transactions, items = max(self.sizes)
        every = ", ".join(f"{s * 1000:.0f}" for s in self.service)
        return Figure(
            f"drawer close, {transactions:,} transactions, {items:,} checks and money orders (record_count + "
            f"close_drawer, Z report and its PDF; median of {len(self.service)}: {every} ms)",
            f"≤ {DRAWER_CLOSE_TARGET_MS:g} ms", f"{ms:.0f} ms",
            f"{raw_ms:.1f} ms (the same sums, item list and rows, plain sqlite3; median of {len(self.raw)})",
            ms / raw_ms, ms <= DRAWER_CLOSE_TARGET_MS,
            f"the first close in a process, of {self.small} payments, took {self.first * 1000:.0f} ms: "
            "it imports ReportLab",
        )  # fmt: skip


def _drawer_sums(con: sqlite3.Connection, drawer: int) -> tuple[dict[str, int], int, list[tuple]]:
    tenders = dict(con.execute(
        "SELECT t.kind, sum(t.amount_cents) FROM tenders t JOIN receipts r ON r.id = t.receipt_id "
        "WHERE r.drawer_id = ? AND r.status = 'posted' GROUP BY t.kind", (drawer,)).fetchall())  # fmt: skip
    count, total, change = con.execute(
        "SELECT count(*), coalesce(sum(total_cents), 0), coalesce(sum(change_cents), 0) FROM receipts "
        "WHERE drawer_id = ? AND status = 'posted'", (drawer,)).fetchone()  # fmt: skip
    con.execute("SELECT count(*), coalesce(sum(total_cents), 0) FROM receipts WHERE drawer_id = ? AND status = 'void'",
                (drawer,)).fetchone()  # fmt: skip
    drops = con.execute(
        "SELECT coalesce(sum(amount_cents), 0) FROM cash_drops WHERE drawer_id = ?", (drawer,)
    ).fetchone()[0]
    paid = con.execute(
        "SELECT coalesce(sum(amount_cents), 0) FROM paid_outs WHERE drawer_id = ?", (drawer,)
    ).fetchone()[0]
    con.execute(
        "SELECT o.revenue_code, sum(a.amount_cents) FROM allocations a "
        "JOIN receipt_lines l ON l.id = a.receipt_line_id "
        "JOIN receipts r ON r.id = l.receipt_id JOIN open_items o ON o.id = a.open_item_id "
        "WHERE r.drawer_id = ? AND r.status = 'posted' GROUP BY o.revenue_code",
        (drawer,),
    ).fetchall()
    items = con.execute(
        "SELECT t.id, t.kind, t.reference, r.payer, t.amount_cents, r.number FROM tenders t "
        "JOIN receipts r ON r.id = t.receipt_id WHERE r.drawer_id = ? AND r.status = 'posted' "
        "AND t.kind IN ('check', 'money_order') ORDER BY t.id", (drawer,)).fetchall()  # fmt: skip
    opening = con.execute("SELECT opening_float_cents FROM drawers WHERE id = ?", (drawer,)).fetchone()[0]
    expected_cash = opening + tenders.get("cash", 0) - change - drops - paid
    return tenders, expected_cash, items


def _raw_audit(con: sqlite3.Connection, event: str, details: str) -> None:
    seq, prev = con.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone() or (0, "0" * 64)
    digest = hashlib.sha256(f"{prev}{seq + 1}{details}".encode()).hexdigest()
    con.execute("INSERT INTO audit_events (seq, at, user, station, event_type, object, success, details, prev_hash, "
                "hash) VALUES (?, ?, 'raw', 'B98', ?, '', 1, ?, ?, ?)",
                (seq + 1, dt.datetime.now(dt.UTC).isoformat(), event, details, prev, digest))  # fmt: skip


def raw_close_drawer(path: Path, drawer: int, payload: int) -> float:
    """Count and close a drawer through plain sqlite3 as the services do (sums at the count and again
    for the Z report, the item list, the count and close rows, a print job, audit rows); seconds."""
    con = posting_connection(path)
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    tenders, cash, items = _drawer_sums(con, drawer)
    attempt = con.execute("SELECT coalesce(max(attempt), 0) + 1 FROM drawer_counts WHERE drawer_id = ?",
                          (drawer,)).fetchone()[0]  # fmt: skip
    money = json.dumps({"cash": cash, **{k: v for k, v in tenders.items() if k != "cash"}}, sort_keys=True)
    present = json.dumps({"present": [i[0] for i in items], "missing": [], "extra": []})
    count = con.execute(
        "INSERT INTO drawer_counts (drawer_id, attempt, counted_by, role, counted_at, pieces, cash_cents, items, "
        "card_settlement_cents, expected, counted, over_short_cents, reason) VALUES (?, ?, 'raw', 'cashier', "
        "'2026-01-01 17:00:00', ?, ?, ?, ?, ?, ?, 0, '')",
        (drawer, attempt, json.dumps({"B20": cash // 2000, "C1": cash % 2000}), cash, present,
         tenders.get("card", 0), money, money),
    ).lastrowid  # fmt: skip
    _raw_audit(con, "drawer_count", money)
    con.execute("COMMIT")
    con.execute("BEGIN IMMEDIATE")
    con.execute("SELECT * FROM drawer_counts WHERE id = ?", (count,)).fetchone()
    tenders, cash, items = _drawer_sums(con, drawer)  # the Z report's figures
    day = con.execute("SELECT business_date FROM drawers WHERE id = ?", (drawer,)).fetchone()[0]
    deposit = cash - 20000
    con.execute(
        "INSERT INTO drawer_closes (drawer_id, count_id, second_count_id, closed_at, closed_by, business_date, "
        "expected, counted, over_short_cents, float_kept, float_kept_cents, deposit_pieces, deposit_cash_cents, "
        "card_settlement_cents, reason, approved_by) VALUES (?, ?, NULL, '2026-01-01 17:01:00', 'raw', ?, ?, ?, 0, "
        "'{\"B20\":10}', 20000, ?, ?, ?, '', '')",
        (drawer, count, day, money, money, json.dumps({"B20": deposit // 2000, "C1": deposit % 2000}), deposit,
         tenders.get("card", 0)),
    )  # fmt: skip
    con.execute("UPDATE drawers SET status = 'closed', closed_at = '2026-01-01 17:01:00' WHERE id = ?", (drawer,))
    con.execute(
        "INSERT INTO print_jobs (station, kind, receipt_id, payload, status, attempts, last_error, created_at) "
        "VALUES ('B98', 'z_report', NULL, ?, 'queued', 0, '', '2026-01-01 17:01:00')",
        (b"z" * payload,),
    )
    _raw_audit(con, "drawer_close", money)
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def posting_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    return con


# -- 4. day close and export ----------------------------------------------------------------------------


def top_up(work: Path, day: dt.date, wanted: int, accounts: list[tuple[int, str, int]]) -> int:
    """Raw payments in a drawer of their own (closed) until the day holds `wanted` posted receipts."""
    con = sqlite3.connect(work)
    have = con.execute("SELECT count(*) FROM receipts WHERE business_date = ? AND status = 'posted'",
                       (day.isoformat(),)).fetchone()[0]  # fmt: skip
    con.close()
    missing = max(0, wanted - have)
    if missing:
        say(f"day close: {missing:,} more payments through plain sqlite3, for a day of {wanted:,}")
        if len(accounts) < missing:
            sys.exit(f"only {len(accounts):,} accounts left to pay; fewer --day-payments")
        _, drawer = posting.measure_raw(work, accounts[:missing], 1100, station="B97", business_date=day.isoformat(),
                                        mixed=True)  # fmt: skip
        raw_close_drawer(work, drawer, 1100)
    return have + missing


def measure_day_close(work: Path, day: dt.date, payments: int) -> Figure:
    """The day closed and its deposit exported with the default settings (the automatic backup at day
    close on), as the supervisor meets it in the day-close window: one Enter runs close_and_export
    (the day read once for both), timed from the key to the window usable again."""
    from cashdesk.domain.security import Role
    from cashdesk.services import backup
    from cashdesk.services.context import Operator
    from cashdesk.services.day_close import close_and_export

    # How much of the wait is the automatic backup's call (said beside the figure, not subtracted).
    backup_seconds: list[float] = []
    taken = getattr(backup, "automatic_backup", None)
    if taken is not None:

        def timed_backup(*args: object, **kwargs: object) -> object:
            began = time.perf_counter()
            try:
                return taken(*args, **kwargs)
            finally:
                backup_seconds.append(time.perf_counter() - began)

        backup.automatic_backup = timed_backup  # type: ignore[attr-defined]
    folder = OUT / "all-exports"
    shutil.rmtree(folder, ignore_errors=True)
    ctx = context(work)
    try:
        supervisor = Operator(SUPERVISOR, Role.SUPERVISOR)
        say(f"day close and export of {day} ({payments:,} payments)")
        started = time.perf_counter()
        both = close_and_export(ctx, supervisor, day, folder / "cashdesk", ticket_number="T1", bag_number="B1")
        seconds = time.perf_counter() - started
        closed_at = time.perf_counter()
    finally:
        ctx.close()  # a backup still running in the background is waited for here, untimed
        if taken is not None:
            backup.automatic_backup = taken  # type: ignore[attr-defined]
    say(f"day close: {seconds:.2f} s; the context closed {time.perf_counter() - closed_at:.2f} s later")
    if both.exported is None:
        sys.exit(f"the day closed but its deposit was not exported: {both.export_refused}")
    closed, checks = both.closed, both.exported.check_count
    raw_seconds = raw_day_close(work, day, folder / "raw")
    shutil.rmtree(folder, ignore_errors=True)
    ratio = seconds / raw_seconds
    return Figure(
        f"day close and export, {closed.receipts:,} payments, {checks:,} checks (close_and_export, the "
        "day-close window's Enter; default settings: automatic backup at day close on)",
        f"≤ {DAY_CLOSE_TARGET_S:g} s, ratio ≤ {DAY_CLOSE_RATIO:g}", f"{seconds:.2f} s",
        f"{raw_seconds:.2f} s (the day's rows read and the CSV files written, plain sqlite3 and csv)",
        ratio, seconds <= DAY_CLOSE_TARGET_S and ratio <= DAY_CLOSE_RATIO,
        f"of which {backup_seconds[0]:.2f} s in the automatic backup's call" if backup_seconds else "",
    )  # fmt: skip


def _write(path: Path, rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode()
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return data


def raw_day_close(path: Path, day: dt.date, folder: Path) -> float:
    """What close_day + export_deposit read and write, through plain sqlite3 and the csv module:
    the day's drawers, closes, drops, checks, receipts, lines with their allocations and accounts,
    written as the deposit, journal, billing and sales-tax CSV files (no PDF); the day closed."""
    folder.mkdir(parents=True, exist_ok=True)
    d = day.isoformat()
    con = posting_connection(path)
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.execute("SELECT d.id, d.status, c.over_short_cents FROM drawers d LEFT JOIN drawer_closes c "
                "ON c.drawer_id = d.id WHERE d.business_date = ?", (d,)).fetchall()  # fmt: skip
    closes = con.execute("SELECT c.drawer_id, c.deposit_pieces, c.card_settlement_cents, c.over_short_cents FROM "
                         "drawer_closes c JOIN drawers d ON d.id = c.drawer_id WHERE d.business_date = ?",
                         (d,)).fetchall()  # fmt: skip
    drops = con.execute("SELECT p.pieces FROM cash_drops p JOIN drawers d ON d.id = p.drawer_id "
                        "WHERE d.business_date = ?", (d,)).fetchall()  # fmt: skip
    items = con.execute(
        "SELECT t.kind, t.reference, t.amount_cents, r.number, r.payer FROM tenders t JOIN receipts r "
        "ON r.id = t.receipt_id WHERE r.business_date = ? AND r.status = 'posted' "
        "AND t.kind IN ('check', 'money_order') ORDER BY t.id", (d,)).fetchall()  # fmt: skip
    kinds = {}
    for rid, kind in con.execute("SELECT t.receipt_id, t.kind FROM tenders t JOIN receipts r ON r.id = t.receipt_id "
                                 "WHERE r.business_date = ? AND r.status = 'posted'", (d,)):  # fmt: skip
        kinds.setdefault(rid, set()).add(kind)
    lines = con.execute(
        "SELECT l.id, r.number, l.line_no, l.kind, a.number, a.kind, l.revenue_code, l.amount_cents, l.credit_cents "
        "FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id LEFT JOIN accounts a ON a.id = l.account_id "
        "WHERE r.business_date = ? AND r.status = 'posted'", (d,)).fetchall()  # fmt: skip
    allocations: dict[int, list[tuple[str, str, int]]] = {}
    for line_id, code, period, cents in con.execute(
        "SELECT al.receipt_line_id, o.revenue_code, o.period, al.amount_cents FROM allocations al "
        "JOIN open_items o ON o.id = al.open_item_id JOIN receipt_lines l ON l.id = al.receipt_line_id "
        "JOIN receipts r ON r.id = l.receipt_id WHERE r.business_date = ? AND r.status = 'posted' "
        "AND al.reverses_id IS NULL ORDER BY al.id", (d,)):  # fmt: skip
        allocations.setdefault(line_id, []).append((code, period, cents))
    gl = dict(con.execute("SELECT code, gl_account FROM revenue_codes").fetchall())
    revenue: dict[str, int] = {}
    billing, sales_tax = [], []
    for line_id, number, line_no, _kind, account, account_kind, code, cents, _credit in lines:
        for c, _period, amount in allocations.get(line_id, [(code, "", cents)]):
            revenue[gl.get(c, "credit")] = revenue.get(gl.get(c, "credit"), 0) + amount
        if account_kind == "utility":
            billing.append((account, f"{cents / 100:.2f}", number, line_no))
        elif account_kind == "sales_tax":
            for _c, period, amount in allocations.get(line_id, []):
                sales_tax.append((account, period, f"{amount / 100:.2f}", number, line_no))
    _write(folder / f"deposit-{d}.csv", [(k, ref, f"{cents / 100:.2f}", number, payer)
                                         for k, ref, cents, number, payer in items])  # fmt: skip
    _write(
        folder / f"gl-journal-{d}.csv",
        [(account, "", f"{cents / 100:.2f}") for account, cents in sorted(revenue.items())],
    )
    _write(folder / f"billing-payments-{d}.csv", billing)
    _write(folder / f"sales-tax-payments-{d}.csv", sales_tax)
    total = sum(card for _, _, card, _ in closes) + len(drops)
    con.execute("UPDATE business_days SET status = 'closed' WHERE business_date = ?", (d,))
    for name in ("deposit", "gl-journal", "billing-payments", "sales-tax-payments"):
        con.execute(
            "INSERT INTO exported_files (business_date, name, sha256, size, exported_at, exported_by, folder) "
            "VALUES (?, ?, '', 0, '2026-01-01 18:00:00', 'raw', ?)",
            (d, f"{name}-{d}.csv", str(folder)),
        )
    _raw_audit(con, "day_close", str(total))
    con.execute("ROLLBACK")  # the services' close stays the record of the day
    seconds = time.perf_counter() - started
    con.close()
    return seconds
