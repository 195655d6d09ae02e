"""Counter posting at city scale: post_receipt() beside the same rows written by plain sqlite3.

    .venv/bin/python bench/posting.py [--db bench/out/city-500000-seed1.sqlite3] [--payments 10000]

Works on a copy of the city (posting changes it). For each payment the service runs its
whole unit of work: drawer check, gapless number, allocations over the account's open
items, tenders, history, the rendered ESC/POS receipt and the drawer kick as print jobs,
the hash-chained audit event, one durable commit (WAL, synchronous=FULL). The baseline
writes the same rows (one receipt, its line, its allocations, tender, history row, two
print jobs of the same size, an audit row, the sequence, the open items' paid amounts and the drawer's cash)
through plain sqlite3 in one durable transaction each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
RATIO_TARGET = 3.0


def pick_accounts(path: Path, n: int, seed: int) -> list[tuple[int, str, int]]:
    """(id, number, owed cents) of active accounts that owe something and take any tender (not cash
    only, for good or for a while)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT a.id, a.number, SUM(o.amount_cents - o.paid_cents) FROM accounts a "
        "JOIN open_items o ON o.account_id = a.id WHERE a.status = 'active' AND a.cash_only = 0 "
        "AND a.cash_only_until IS NULL AND o.amount_cents > o.paid_cents GROUP BY a.id LIMIT ?",
        (n * 3,),
    ).fetchall()
    con.close()
    rng = random.Random(seed)
    rng.shuffle(rows)
    if len(rows) < n:
        sys.exit(f"the city has only {len(rows):,} accounts that owe something; {n:,} are needed")
    return rows[:n]


def copy_city(source: Path, target: Path) -> None:
    """A working copy of the city (benchmarks that write change it), taken with SQLite's backup."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    print(f"[bench] copying {source.name}", file=sys.stderr)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=65536)
    finally:
        src.close()
        dst.close()


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def tender_of(n: int, mixed: bool) -> tuple[str, str, str, str]:
    """(kind, reference, card brand, last four) of the n-th payment: all cash, or a counter's mix
    (six in ten cash, two checks, one card, one money order)."""
    if not mixed or n % 10 < 6:
        return "cash", "", "", ""
    if n % 10 < 8:
        return "check", str(1000 + n), "", ""
    if n % 10 == 8:
        return "card", f"A{n:05d}", "VISA", f"{n % 10000:04d}"
    return "money_order", f"MO{n:08d}", "", ""


def measure_service(path: Path, accounts: list[tuple[int, str, int]], *, cashier_id: str = "benchcashier",
                    mixed: bool = False) -> list[float]:  # fmt: skip
    """post_receipt() for each account (half of what it owes) in a drawer opened for `cashier_id`,
    left open; the tenders are cash, or a counter's mix (tender_of)."""
    from cashdesk.config import Settings
    from cashdesk.domain.cash import CashCount
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.domain.tenders import Tender, TenderKind
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import open_drawer
    from cashdesk.services.payments import AccountPayment, Cart, post_receipt

    # No cash limit: a real drawer makes drops; the bench posts 10,000 payments in one drawer.
    ctx = ServiceContext.open(path, settings=Settings({"cash.block_limit_cents": 0}), quick_check=False)
    cashier = Operator(cashier_id, Role.CASHIER)
    open_drawer(ctx, cashier, CashCount({"B20": 10}))
    times = []
    for n, (_, number, owed) in enumerate(accounts):
        amount = max(1, owed // 2)
        kind, reference, brand, last4 = tender_of(n, mixed)
        cart = Cart((AccountPayment(number, Money(amount), keep_excess_as_credit=True),))
        tender = Tender(TenderKind(kind), Money(amount), reference, card_brand=brand, card_last4=last4)
        started = time.perf_counter()
        post_receipt(ctx, cashier, cart, [tender])
        times.append((time.perf_counter() - started) * 1000)
    ctx.close()
    return times


def measure_raw(path: Path, accounts: list[tuple[int, str, int]], payload_size: int, *, station: str = "B99",
                business_date: str | None = None, mixed: bool = False,
                cashier: str = "raw") -> tuple[list[float], int]:  # fmt: skip
    """The same rows as post_receipt() writes, through plain sqlite3, in a drawer of their own at
    `station` for `cashier` (left open): (milliseconds of each payment, the drawer's id)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    business_date = business_date or dt.date.today().isoformat()
    year = int(business_date[:4])
    drawer = con.execute(
        "INSERT INTO drawers (station, cashier, business_date, opened_at, opening_float_cents, opening_count, status, "
        f"cash_cents) VALUES (?, ?, ?, '{business_date} 10:00:00', 20000, '{{\"B20\":10}}', 'open', 20000)",
        (station, cashier, business_date),
    ).lastrowid
    payload = b"x" * payload_size
    prev = "0" * 64
    times = []
    for seq, (account_id, _, owed) in enumerate(accounts, start=1):
        amount = max(1, owed // 2)
        kind, reference, brand, last4 = tender_of(seq - 1, mixed)
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO receipt_sequences (station, year, last_number) VALUES (?, ?, 1) "
            "ON CONFLICT (station, year) DO UPDATE SET last_number = last_number + 1",
            (station, year),
        )
        number = con.execute("SELECT last_number FROM receipt_sequences WHERE station = ? AND year = ?",
                             (station, year)).fetchone()[0]  # fmt: skip
        receipt = con.execute(
            "INSERT INTO receipts (number, station, drawer_id, cashier, channel, business_date, posted_at, payer, "
            "total_cents, tendered_cents, change_cents, status, void_reason, voided_by, reprints) VALUES "
            f"(?, ?, ?, ?, 'counter', ?, '{business_date} 10:00:00', '', ?, ?, 0, 'posted', '', '', 0)",
            (f"{station}-{year}-{number:06d}", station, drawer, cashier, business_date, amount, amount),
        ).lastrowid
        line = con.execute(
            "INSERT INTO receipt_lines (receipt_id, line_no, kind, account_id, memo, amount_cents, credit_cents) "
            "VALUES (?, 1, 'account', ?, '', ?, 0)",
            (receipt, account_id, amount),
        ).lastrowid
        left = amount
        for item_id, open_cents in con.execute(
            "SELECT id, amount_cents - paid_cents FROM open_items WHERE account_id = ? AND amount_cents > paid_cents "
            "ORDER BY due_date",
            (account_id,),
        ).fetchall():
            if left == 0:
                break
            take = min(left, open_cents)
            con.execute("UPDATE open_items SET paid_cents = paid_cents + ? WHERE id = ?", (take, item_id))
            con.execute(
                "INSERT INTO allocations (receipt_line_id, open_item_id, amount_cents) VALUES (?, ?, ?)",
                (line, item_id, take),
            )
            left -= take
        con.execute(
            "INSERT INTO tenders (receipt_id, kind, amount_cents, reference, card_brand, card_last4, routing, "
            "bank_account) VALUES (?, ?, ?, ?, ?, ?, '', '')",
            (receipt, kind, amount, reference, brand, last4),
        )
        if kind == "cash":
            con.execute("UPDATE drawers SET cash_cents = cash_cents + ? WHERE id = ?", (amount, drawer))
        con.execute(
            "INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
            "VALUES (?, ?, 'payment', 'Payment', ?, '')",
            (account_id, business_date, -amount),
        )
        for job, data in (("receipt", payload), ("drawer_kick", b"\x1bp\x00\x32\x32")):
            con.execute("INSERT INTO print_jobs (station, kind, receipt_id, payload, status, attempts, last_error, "
                        f"created_at) VALUES (?, ?, ?, ?, 'queued', 0, '', '{business_date} 10:00:00')",
                        (station, job, receipt, data))  # fmt: skip
        digest = hashlib.sha256(f"{prev}{seq}".encode()).hexdigest()
        con.execute(
            "INSERT INTO audit_events (seq, at, user, station, event_type, object, success, details, "
            "prev_hash, hash) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM audit_events), "
            f"'{business_date}T17:00:00.000000Z', 'raw', ?, 'post', '', 1, '{{}}', ?, ?)",
            (station, prev, digest),
        )
        prev = digest
        con.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    con.close()
    return times, int(drawer)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "city-500000-seed1.sqlite3")
    parser.add_argument("--payments", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if not args.db.exists():
        sys.exit(f"no city at {args.db}: run bench/run.py first")
    work = OUT / "posting-copy.sqlite3"
    copy_city(args.db, work)
    accounts = pick_accounts(work, args.payments * 2, args.seed)
    mine, raw_accounts = accounts[: args.payments], accounts[args.payments :]
    print(f"[bench] {len(mine):,} payments through post_receipt()", file=sys.stderr)
    service = measure_service(work, mine)
    con = sqlite3.connect(work)
    payload = con.execute("SELECT avg(length(payload)) FROM print_jobs WHERE kind = 'receipt'").fetchone()[0]
    con.close()
    print(f"[bench] {len(raw_accounts):,} payments through plain sqlite3", file=sys.stderr)
    raw, _ = measure_raw(work, raw_accounts, int(payload))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    ratio = p(service, 95) / p(raw, 95)
    result = "pass" if ratio <= RATIO_TARGET else "**FAIL**"
    row = (
        f"| counter posting, {len(service):,} payments | ratio ≤ {RATIO_TARGET:g} | p50 {p(service, 50):.2f} ms, "
        f"p95 {p(service, 95):.2f} ms | p50 {p(raw, 50):.2f} ms, p95 {p(raw, 95):.2f} ms (plain sqlite3, "
        f"one durable transaction each) | {ratio:.2f} | {result} |"
    )
    print(f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print("| figure | target | measured | raw baseline | ratio | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(row)
    return 0 if ratio <= RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
