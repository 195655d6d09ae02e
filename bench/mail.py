"""Mail at city scale: posting a batch and importing a lockbox file, each beside plain sqlite3.

    .venv/bin/python bench/mail.py [--db bench/out/city-500000-seed1.sqlite3] [--remittances 1000] [--rows 10000]
    .venv/bin/python bench/mail.py --full        # the issue's sizes: 1,000 remittances, 10,000 rows

Works on a copy of the city (posting changes it). Figures:

- posting a balanced batch (post_batch: one unit of work; per remittance a gapless receipt
  number, the receipt, its line, allocations over the account's open items, credit, history,
  the tender; the items marked posted; one audit event; one durable commit). Baseline: the same
  rows through plain sqlite3 in one durable transaction. Target ≤ 2 s for 1,000.
- importing a lockbox file (import_payments: read, parse and check every row, look up every
  account, look for duplicates, write the batch and its items, one audit event). Baseline:
  plain sqlite3 reading the CSV with the csv module, one account look-up per row, the same
  rows inserted in one durable transaction. Target ≤ 10 s for 10,000.
- keyed entry: add_remittance into a batch of 100 (p50/p95 per remittance, with the window's
  refreshed view of the batch).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from posting import copy_city, pick_accounts

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
POST_TARGET_S = 2.0  # for 1,000 remittances
IMPORT_TARGET_S = 10.0  # for 10,000 rows
#: The business date of the raw baseline's rows (bench/all.py sets the database's open business day).
BUSINESS_DATE = dt.date.today().isoformat()


def lockbox(path: Path, accounts: list[tuple[int, str, int]], check_base: int) -> int:
    """A lockbox file paying half of what each account owes; returns its total in cents."""
    total = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lockbox", "account", "payer", "check_number", "amount", "image"])
        for n, (_, number, owed) in enumerate(accounts):
            cents = max(1, owed // 2)
            total += cents
            writer.writerow(["77", number, f"PAYER {n}", str(check_base + n), f"{cents // 100}.{cents % 100:02d}",
                             f"IMG{n:06d}"])  # fmt: skip
    return total


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def context(path: Path):  # type: ignore[no-untyped-def]
    from cashdesk.config import Settings
    from cashdesk.services.context import ServiceContext

    return ServiceContext.open(path, settings=Settings(), quick_check=False)


def service_import(path: Path, file: Path, count: int, total: int) -> tuple[float, int]:
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator
    from cashdesk.services.payment_imports import import_payments

    ctx = context(path)
    started = time.perf_counter()
    result = import_payments(ctx, Operator("benchcashier", Role.CASHIER), file, control_count=count,
                             control_total=Money(total))  # fmt: skip
    seconds = time.perf_counter() - started
    ctx.close()
    assert result.balanced, result.describe()
    return seconds, result.view.id


def service_post(path: Path, batch_id: int) -> tuple[float, int]:
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator
    from cashdesk.services.mail_batches import post_batch

    ctx = context(path)
    started = time.perf_counter()
    posted = post_batch(ctx, Operator("benchcashier", Role.CASHIER), batch_id)
    seconds = time.perf_counter() - started
    ctx.close()
    return seconds, len(posted.receipts)


def service_keyed(path: Path, accounts: list[tuple[int, str, int]]) -> list[float]:
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator
    from cashdesk.services.mail_batches import add_remittance, open_batch

    ctx = context(path)
    cashier = Operator("benchcashier", Role.CASHIER)
    batch = open_batch(ctx, cashier, control_count=len(accounts), control_total=Money(1))
    times = []
    for n, (_, number, owed) in enumerate(accounts):
        started = time.perf_counter()
        add_remittance(ctx, cashier, batch.id, account=number, amount=Money(max(1, owed // 2)),
                       check_number=str(700000 + n), payer="KEYED")  # fmt: skip
        times.append((time.perf_counter() - started) * 1000)
    ctx.close()
    return times


def _raw(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    return con


def raw_import(path: Path, file: Path, number: str) -> tuple[float, int]:
    """The same batch and items through plain sqlite3: one look-up per row, one transaction."""
    con = _raw(path)
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    batch = con.execute(
        "INSERT INTO mail_batches (number, business_date, station, owner, control_count, control_total_cents, status, "
        "source, source_file, source_sha256, created_at, posted_by, reject_reason) VALUES (?, ?, 'B99', "
        "'raw', 0, 0, 'open', 'lockbox', ?, '', ?, '', '')",
        (number, BUSINESS_DATE, file.name, f"{BUSINESS_DATE} 10:00:00"),
    ).lastrowid  # fmt: skip
    items = []
    with file.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = {name: header.index(name) for name in ("account", "amount", "check_number", "payer")}
        for seq, row in enumerate(reader, start=1):
            account_id = con.execute("SELECT id FROM accounts WHERE number = ?", (row[at["account"]],)).fetchone()[0]
            dollars, cents = row[at["amount"]].split(".")
            items.append((batch, seq, account_id, row[at["account"]], int(dollars) * 100 + int(cents),
                          row[at["check_number"]], row[at["payer"]], seq + 1))  # fmt: skip
    con.executemany(
        "INSERT INTO mail_items (batch_id, seq, account_id, account_typed, amount_cents, tender, check_number, payer, "
        "routing, bank_account, scan_line, source_line, status, reversed_by, reverse_reason) VALUES "
        "(?, ?, ?, ?, ?, 'check', ?, ?, '', '', '', ?, 'entered', '', '')", items)  # fmt: skip
    con.execute("UPDATE mail_batches SET control_count = ?, control_total_cents = ?, status = 'balanced' WHERE id = ?",
                (len(items), sum(i[4] for i in items), batch))  # fmt: skip
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds, int(batch)  # type: ignore[arg-type]


def raw_post(path: Path, batch_id: int) -> tuple[float, int]:
    """The same receipts, lines, allocations, credit, history, tenders and item updates through plain sqlite3."""
    con = _raw(path)
    year = int(BUSINESS_DATE[:4])
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    items = con.execute("SELECT id, account_id, amount_cents, check_number, payer FROM mail_items WHERE batch_id = ? "
                        "ORDER BY seq", (batch_id,)).fetchall()  # fmt: skip
    for item_id, account_id, amount, check, payer in items:
        con.execute(
            "INSERT INTO receipt_sequences (station, year, last_number) VALUES ('B99', ?, 1) "
            "ON CONFLICT (station, year) DO UPDATE SET last_number = last_number + 1",
            (year,),
        )
        seq = con.execute("SELECT last_number FROM receipt_sequences WHERE station = 'B99' AND year = ?",
                          (year,)).fetchone()[0]  # fmt: skip
        receipt = con.execute(
            "INSERT INTO receipts (number, station, drawer_id, cashier, channel, business_date, posted_at, payer, "
            "total_cents, tendered_cents, change_cents, status, void_reason, voided_by, reprints) VALUES "
            "(?, 'B99', NULL, 'raw', 'mail', ?, ?, ?, ?, ?, 0, 'posted', '', '', 0)",
            (f"B99-{year}-{seq:06d}", BUSINESS_DATE, f"{BUSINESS_DATE} 10:00:00", payer, amount, amount),
        ).lastrowid
        left = amount
        paid = []
        for open_id, open_cents in con.execute(
            "SELECT id, amount_cents - paid_cents FROM open_items WHERE account_id = ? AND amount_cents > paid_cents "
            "ORDER BY due_date", (account_id,)).fetchall():  # fmt: skip
            if left == 0:
                break
            take = min(left, open_cents)
            paid.append((open_id, take))
            left -= take
        line = con.execute(
            "INSERT INTO receipt_lines (receipt_id, line_no, kind, account_id, memo, amount_cents, credit_cents) "
            "VALUES (?, 1, 'account', ?, '', ?, ?)", (receipt, account_id, amount, left)).lastrowid  # fmt: skip
        con.executemany("INSERT INTO allocations (receipt_line_id, open_item_id, amount_cents) VALUES (?, ?, ?)",
                        [(line, open_id, take) for open_id, take in paid])  # fmt: skip
        con.executemany("UPDATE open_items SET paid_cents = paid_cents + ? WHERE id = ?",
                        [(take, open_id) for open_id, take in paid])  # fmt: skip
        if left:
            con.execute("UPDATE accounts SET credit_cents = credit_cents + ? WHERE id = ?", (left, account_id))
        con.execute(
            "INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
            "VALUES (?, ?, 'payment', 'Payment by mail', ?, ?)",
            (account_id, BUSINESS_DATE, -amount, str(seq)),
        )
        con.execute(
            "INSERT INTO tenders (receipt_id, kind, amount_cents, reference, card_brand, card_last4, routing, "
            "bank_account) VALUES (?, 'check', ?, ?, '', '', '', '')",
            (receipt, amount, check),
        )
        con.execute("UPDATE mail_items SET status = 'posted', receipt_id = ? WHERE id = ?", (receipt, item_id))
    con.execute("UPDATE mail_batches SET status = 'posted' WHERE id = ?", (batch_id,))
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds, len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "city-500000-seed1.sqlite3")
    parser.add_argument("--remittances", type=int, default=200, help="the batch posted (default 200)")
    parser.add_argument("--rows", type=int, default=2000, help="the lockbox file imported (default 2,000)")
    parser.add_argument("--keyed", type=int, default=100, help="remittances keyed one by one (default 100)")
    parser.add_argument("--full", action="store_true", help="the issue's sizes: 1,000 remittances, 10,000 rows")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.full:
        args.remittances, args.rows = 1000, 10_000
    sys.path.insert(0, str(ROOT / "src"))
    if not args.db.exists():
        sys.exit(f"no city at {args.db}: run bench/run.py first")
    work = OUT / "mail-copy.sqlite3"
    copy_city(args.db, work)
    try:
        accounts = pick_accounts(work, 2 * args.rows + 2 * args.remittances + args.keyed, args.seed)
        post_mine = accounts[: args.remittances]
        post_raw = accounts[args.remittances : 2 * args.remittances]
        import_mine = accounts[2 * args.remittances : 2 * args.remittances + args.rows]
        import_raw = accounts[2 * args.remittances + args.rows : 2 * args.remittances + 2 * args.rows]
        keyed = accounts[2 * args.remittances + 2 * args.rows :]
        files = {}
        for name, chosen, base in (
            ("post-mine", post_mine, 100000),
            ("post-raw", post_raw, 200000),
            ("import-mine", import_mine, 300000),
            ("import-raw", import_raw, 400000),
        ):
            files[name] = (OUT / f"mail-{name}.csv", len(chosen))
            total = lockbox(files[name][0], chosen, base)
            files[name] = (files[name][0], len(chosen), total)  # type: ignore[assignment]

        print(f"[bench] importing {args.rows:,} rows", file=sys.stderr)
        f, n, total = files["import-mine"]  # type: ignore[misc]
        import_s, _ = service_import(work, f, n, total)
        raw_import_s, _ = raw_import(work, files["import-raw"][0], "RAW-IMPORT")
        print(f"[bench] posting {args.remittances:,} remittances", file=sys.stderr)
        f, n, total = files["post-mine"]  # type: ignore[misc]
        _, batch = service_import(work, f, n, total)
        post_s, posted = service_post(work, batch)
        _, raw_batch = raw_import(work, files["post-raw"][0], "RAW-POST")
        raw_post_s, _ = raw_post(work, raw_batch)
        print(f"[bench] keying {len(keyed):,} remittances one by one", file=sys.stderr)
        keyed_ms = service_keyed(work, keyed) if keyed else [0.0]
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        for f, *_ in files.values() if "files" in locals() else ():
            f.unlink(missing_ok=True)

    post_target = POST_TARGET_S * args.remittances / 1000
    import_target = IMPORT_TARGET_S * args.rows / 10_000
    ok_post = post_s <= post_target
    ok_import = import_s <= import_target
    print(f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print("| figure | target | measured | raw baseline | ratio | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| mail batch posting, {posted:,} remittances | ≤ {post_target:g} s | {post_s:.2f} s | {raw_post_s:.2f} s "
        f"(plain sqlite3, one durable transaction) | {post_s / raw_post_s:.2f} | {'pass' if ok_post else '**FAIL**'} |"
    )
    print(
        f"| lockbox import, {args.rows:,} rows | ≤ {import_target:g} s | {import_s:.2f} s | {raw_import_s:.2f} s "
        f"(csv module + plain sqlite3, one durable transaction) | {import_s / raw_import_s:.2f} | "
        f"{'pass' if ok_import else '**FAIL**'} |"
    )
    print(
        f"| keyed remittance into a batch of {len(keyed_ms)} | — | p50 {p(keyed_ms, 50):.1f} ms, "
        f"p95 {p(keyed_ms, 95):.1f} ms | — | — | — |"
    )
    return 0 if ok_post and ok_import else 1


if __name__ == "__main__":
    sys.exit(main())
