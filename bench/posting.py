"""Counter posting at city scale: post_receipt() beside the same rows written by plain sqlite3.

    .venv/bin/python bench/posting.py [--db bench/out/city-500000-seed1.sqlite3] [--payments 10000]

Works on a copy of the city (posting changes it). For each payment the service runs its
whole unit of work: drawer check, gapless number, allocations over the account's open
items, tenders, history, the receipt (as its document: the print worker renders its ESC/POS
bytes, services/receipt_jobs.py) and the drawer kick as print jobs, the hash-chained audit
event, one durable commit (WAL, synchronous=FULL). The baseline writes the same rows (one
receipt, its line, its allocations, tender, history row, two print jobs, the receipt's the size
of the service's, an audit row, the sequence, the open items' paid amounts and the drawer's cash)
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
RATIO_TARGET = 2.0  # issue 12: at p50 and at p95


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


#: The bench opens several drawers on its one station, as a station set up with that many tills.
BENCH_TILLS = {"station.tills": 8}


class ServicePoster:
    """post_receipt() of one payment at a time (half of what the account owes) in a drawer opened
    for `cashier_id`, left open; the tenders are cash, or a counter's mix (tender_of)."""

    def __init__(self, path: Path, *, cashier_id: str = "benchcashier", mixed: bool = False) -> None:
        from cashdesk.config import Settings
        from cashdesk.domain.cash import CashCount
        from cashdesk.domain.security import Role
        from cashdesk.services.context import Operator, ServiceContext
        from cashdesk.services.drawers import open_drawer

        # No cash limit: a real drawer makes drops; the bench posts thousands of payments in one drawer.
        # The bench's station keeps several drawers open (warm-up, measured): one till each.
        self.ctx = ServiceContext.open(
            path, settings=Settings({"cash.block_limit_cents": 0, **BENCH_TILLS}), quick_check=False
        )
        self.cashier = Operator(cashier_id, Role.CASHIER)
        self.mixed = mixed
        open_drawer(self.ctx, self.cashier, CashCount({"B20": 10}))

    def post(self, n: int, account: tuple[int, str, int]) -> float:
        """Milliseconds of one post_receipt()."""
        from cashdesk.domain.money import Money
        from cashdesk.domain.tenders import Tender, TenderKind
        from cashdesk.services.payments import AccountPayment, Cart, post_receipt

        _, number, owed = account
        amount = max(1, owed // 2)
        kind, reference, brand, last4 = tender_of(n, self.mixed)
        cart = Cart((AccountPayment(number, Money(amount), keep_excess_as_credit=True),))
        tender = Tender(TenderKind(kind), Money(amount), reference, card_brand=brand, card_last4=last4)
        started = time.perf_counter()
        post_receipt(self.ctx, self.cashier, cart, [tender])
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.ctx.close()


class RawPoster:
    """The same rows as post_receipt() writes, through plain sqlite3, in a drawer of its own at
    `station` for `cashier` (left open), one durable transaction a payment."""

    def __init__(self, path: Path, payload_size: int, *, station: str = "B99", business_date: str | None = None,
                 mixed: bool = False, cashier: str = "raw") -> None:  # fmt: skip
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        self.con.execute("PRAGMA foreign_keys=ON")
        self.business_date = business_date or dt.date.today().isoformat()  # bench: the machine's day
        self.year = int(self.business_date[:4])
        self.station, self.cashier, self.mixed = station, cashier, mixed
        self.drawer = int(self.con.execute(
            "INSERT INTO drawers (station, cashier, business_date, opened_at, opening_float_cents, opening_count, "
            f"status, cash_cents) VALUES (?, ?, ?, '{self.business_date} 10:00:00', 20000, '{{\"B20\":10}}', 'open', "
            "20000)", (station, cashier, self.business_date),
        ).lastrowid or 0)  # fmt: skip
        self.payload = b"x" * payload_size
        self.prev = "0" * 64
        self.seq = 0

    def post(self, n: int, account: tuple[int, str, int]) -> float:
        """Milliseconds of one payment's rows, written and committed."""
        con, station, year, business_date = self.con, self.station, self.year, self.business_date
        account_id, _, owed = account
        self.seq += 1
        amount = max(1, owed // 2)
        kind, reference, brand, last4 = tender_of(n, self.mixed)
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
            (f"{station}-{year}-{number:06d}", station, self.drawer, self.cashier, business_date, amount, amount),
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
            con.execute("UPDATE drawers SET cash_cents = cash_cents + ? WHERE id = ?", (amount, self.drawer))
        con.execute(
            "INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
            "VALUES (?, ?, 'payment', 'Payment', ?, '')",
            (account_id, business_date, -amount),
        )
        for job, data in (("receipt", self.payload), ("drawer_kick", b"\x1bp\x00\x32\x32")):
            con.execute("INSERT INTO print_jobs (station, kind, receipt_id, payload, status, attempts, last_error, "
                        f"created_at) VALUES (?, ?, ?, ?, 'queued', 0, '', '{business_date} 10:00:00')",
                        (station, job, receipt, data))  # fmt: skip
        digest = hashlib.sha256(f"{self.prev}{self.seq}".encode()).hexdigest()
        con.execute(
            "INSERT INTO audit_events (seq, at, user, station, event_type, object, success, details, "
            "prev_hash, hash) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM audit_events), "
            f"'{business_date}T17:00:00.000000Z', 'raw', ?, 'post', '', 1, '{{}}', ?, ?)",
            (station, self.prev, digest),
        )
        self.prev = digest
        con.execute("COMMIT")
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.con.close()


def measure_service(path: Path, accounts: list[tuple[int, str, int]], *, cashier_id: str = "benchcashier",
                    mixed: bool = False) -> list[float]:  # fmt: skip
    """post_receipt() for each account, one after another (ServicePoster)."""
    poster = ServicePoster(path, cashier_id=cashier_id, mixed=mixed)
    try:
        return [poster.post(n, account) for n, account in enumerate(accounts)]
    finally:
        poster.close()


def measure_raw(path: Path, accounts: list[tuple[int, str, int]], payload_size: int, *, station: str = "B99",
                business_date: str | None = None, mixed: bool = False,
                cashier: str = "raw") -> tuple[list[float], int]:  # fmt: skip
    """The raw rows for each account, one after another (RawPoster): (milliseconds, the drawer's id)."""
    poster = RawPoster(path, payload_size, station=station, business_date=business_date, mixed=mixed, cashier=cashier)
    try:
        return [poster.post(n, account) for n, account in enumerate(accounts)], poster.drawer
    finally:
        poster.close()


def measure_interleaved(path: Path, mine: list[tuple[int, str, int]], theirs: list[tuple[int, str, int]], *,
                        cashier_id: str = "benchcashier", station: str = "B99", business_date: str | None = None,
                        mixed: bool = False) -> tuple[list[float], list[float], int]:  # fmt: skip
    """One post_receipt(), then the same rows through plain sqlite3, in turn, so both meet the
    same machine load and the same file: (service ms, raw ms, the raw drawer's id). The raw print
    job is the size of the service's first receipt job as stored (its first payment is posted
    before the pairs)."""
    service = ServicePoster(path, cashier_id=cashier_id, mixed=mixed)
    raw: RawPoster | None = None
    try:
        service_times = [service.post(0, mine[0])]
        con = sqlite3.connect(path)
        (payload,) = con.execute("SELECT length(payload) FROM print_jobs WHERE kind = 'receipt' "
                                 "ORDER BY id DESC LIMIT 1").fetchone()  # fmt: skip
        con.close()
        raw = RawPoster(path, int(payload), station=station, business_date=business_date, mixed=mixed)
        raw_times = []
        for n in range(1, len(mine)):
            service_times.append(service.post(n, mine[n]))
            raw_times.append(raw.post(n, theirs[n]))
        return service_times, raw_times, raw.drawer
    finally:
        service.close()
        if raw is not None:
            raw.close()


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
    print(f"[bench] {len(mine):,} payments through post_receipt(), each followed by the raw rows", file=sys.stderr)
    service, raw, _ = measure_interleaved(work, mine, raw_accounts)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    print(f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print("| figure | target | measured | raw baseline | ratio | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    ok = True
    for q in (50, 95):
        ratio = p(service, q) / p(raw, q)
        ok = ok and ratio <= RATIO_TARGET
        result = "pass" if ratio <= RATIO_TARGET else "**FAIL**"
        print(f"| counter posting, p{q} of {len(service):,} payments (interleaved) | ratio ≤ {RATIO_TARGET:g} | "
              f"{p(service, q):.2f} ms | {p(raw, q):.2f} ms (plain sqlite3, one durable transaction each) | "
              f"{ratio:.2f} | {result} |")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
