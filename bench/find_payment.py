#!/usr/bin/env python3
"""Payment research and a year's report on the year city, each beside plain sqlite3 (issue 18).

    .venv/bin/python bench/find_payment.py [--accounts 500000] [--days 250] [--queries 300]

The city and its year are bench/all.py's (built once by run.city and all.year_city, then reused).
Measured, interleaved one by one with the same statement text through bare sqlite3:

- find_payments(): criteria sampled from the year's receipts as a customer remembers them (a check
  number, a money-order number, a card's last four and the day, an amount exactly or ±$5, a payer's
  name, an account with a date range, a receipt number, a week of a channel); p95 ≤ 50 ms;
- a year's cash receipts by revenue code (run_report) against its two aggregate statements and the
  credit kept through sqlite3; ≤ 2 s.

Prints a markdown table, writes it to bench/out/results-find-payment.md, exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import run
from run import OUT, ROOT, Figure, say

FIND_TARGET_MS = 50.0
REPORT_TARGET_S = 2.0


def sample_criteria(path: Path, count: int, seed: int) -> list[tuple[str, object]]:
    """(kind, PaymentCriteria) drawn from the year's receipts."""
    from cashdesk.domain.money import Money
    from cashdesk.domain.research import PaymentCriteria

    rng = random.Random(seed)
    con = sqlite3.connect(path)
    try:
        receipts = con.execute(
            "SELECT r.id, r.number, r.business_date, r.total_cents, r.channel, "
            "(SELECT a.number FROM receipt_lines l JOIN accounts a ON a.id = l.account_id "
            "WHERE l.receipt_id = r.id LIMIT 1), (SELECT a.name FROM receipt_lines l JOIN accounts "
            "a ON a.id = l.account_id WHERE l.receipt_id = r.id LIMIT 1) FROM receipts r "
            "ORDER BY random() LIMIT ?",
            (count,),
        ).fetchall()
        tenders = con.execute(
            "SELECT t.kind, t.reference, t.card_last4, r.business_date FROM tenders t JOIN receipts "
            "r ON r.id = t.receipt_id WHERE t.kind <> 'cash' ORDER BY random() LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        con.close()
    out: list[tuple[str, object]] = []
    for i, (_id, number, day, total, channel, account, name) in enumerate(receipts):
        on = dt.date.fromisoformat(str(day)[:10])
        kind, reference, last4, tday = tenders[i % len(tenders)]
        tender_day = dt.date.fromisoformat(str(tday)[:10])
        choices: list[tuple[str, object]] = [
            ("receipt number", PaymentCriteria(receipt=number)),
            ("amount exactly", PaymentCriteria(amount_from=Money(total), amount_to=Money(total))),
            (
                "amount ±$5, 30 days",
                PaymentCriteria(
                    amount_from=Money(max(0, total - 500)),
                    amount_to=Money(total + 500),
                    date_from=on - dt.timedelta(days=30),
                    date_to=on,
                ),
            ),
            ("channel, a week", PaymentCriteria(channel=channel, date_from=on - dt.timedelta(days=7), date_to=on)),
        ]
        if account:
            choices.append(
                ("account, 90 days", PaymentCriteria(account=account, date_from=on - dt.timedelta(days=90), date_to=on))
            )
        if name:
            choices.append(("payer name", PaymentCriteria(payer=str(name).replace(",", " ").split()[0])))
        if kind == "card":
            choices.append(
                ("card last four + day", PaymentCriteria(card_last4=last4, date_from=tender_day, date_to=tender_day))
            )
        elif reference:
            key = "check" if kind == "check" else "money_order"
            choices.append((f"{key.replace('_', ' ')} number", PaymentCriteria(**{key: reference})))
        out.append(rng.choice(choices))
    return out


def measure_find(path: Path, criteria: list[tuple[str, object]]) -> list[Figure]:
    from cashdesk.config import Settings
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.research import MOST_HITS, find_payments
    from cashdesk.store.research import find_sql

    ctx = ServiceContext.open(path, settings=Settings(), quick_check=False)
    raw = sqlite3.connect(path)
    who = Operator("bench.cashier", Role.CASHIER)
    ours: dict[str, list[float]] = {}
    theirs: dict[str, list[float]] = {}
    try:
        for _kind, c in criteria[:20]:  # warm both caches
            find_payments(ctx, who, c)  # type: ignore[arg-type]
        for kind, c in criteria:
            started = time.perf_counter()
            find_payments(ctx, who, c)  # type: ignore[arg-type]
            ours.setdefault(kind, []).append(time.perf_counter() - started)
            sql, params = find_sql(c, MOST_HITS + 1)  # type: ignore[arg-type]
            started = time.perf_counter()
            raw.execute(sql, params).fetchall()
            theirs.setdefault(kind, []).append(time.perf_counter() - started)
    finally:
        raw.close()
        ctx.close()
    figures = []
    every_ours = [x for xs in ours.values() for x in xs]
    every_theirs = [x for xs in theirs.values() for x in xs]
    for kind in sorted(ours):
        mine, base = run.p95(ours[kind]) * 1000, run.p95(theirs[kind]) * 1000
        figures.append(
            Figure(
                f"find payment p95: {kind} ({len(ours[kind])})",
                f"≤ {FIND_TARGET_MS:.0f} ms",
                f"{mine:.1f} ms",
                f"{base:.1f} ms",
                mine / base if base else None,
                mine <= FIND_TARGET_MS,
            )
        )
    mine, base = run.p95(every_ours) * 1000, run.p95(every_theirs) * 1000
    figures.append(
        Figure(
            f"find payment p95, all {len(every_ours)} searches (median {statistics.median(every_ours) * 1000:.1f} ms)",
            f"≤ {FIND_TARGET_MS:.0f} ms",
            f"{mine:.1f} ms",
            f"{base:.1f} ms (sqlite3, same SQL)",
            mine / base if base else None,
            mine <= FIND_TARGET_MS,
        )
    )
    return figures


def measure_report(path: Path, first: dt.date, last: dt.date, rounds: int = 3) -> Figure:
    from cashdesk.config import Settings
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.report_rows import POSTED
    from cashdesk.services.reports import run_report

    ctx = ServiceContext.open(path, settings=Settings(), quick_check=False)
    raw = sqlite3.connect(path)
    who = Operator("bench.super", Role.SUPERVISOR)
    days = (first.isoformat(), last.isoformat())
    ours, theirs = [], []
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            report = run_report(ctx, who, "receipts-by-revenue-code", first, last)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            raw.execute(
                "SELECT o.revenue_code, count(*), sum(a.amount_cents) FROM allocations a JOIN open_items o ON "
                "o.id = a.open_item_id JOIN receipt_lines l ON l.id = a.receipt_line_id JOIN receipts r ON "
                f"r.id = l.receipt_id WHERE {POSTED} AND a.reverses_id IS NULL GROUP BY o.revenue_code",
                days,
            ).fetchall()
            raw.execute(
                "SELECT l.revenue_code, count(*), sum(l.amount_cents) FROM receipt_lines l JOIN receipts r ON "
                f"r.id = l.receipt_id WHERE {POSTED} AND (l.kind = 'misc' OR l.account_id IS NULL) "
                "GROUP BY l.revenue_code",
                days,
            ).fetchall()
            raw.execute(
                "SELECT count(*), coalesce(sum(l.credit_cents), 0) FROM receipt_lines l JOIN receipts r ON "
                f"r.id = l.receipt_id WHERE {POSTED} AND l.kind <> 'misc' AND l.account_id IS NOT NULL AND "
                "l.credit_cents <> 0",
                days,
            ).fetchall()
            theirs.append(time.perf_counter() - started)
    finally:
        raw.close()
        ctx.close()
    mine, base = max(ours), max(theirs)
    return Figure(
        f"a year's cash receipts by revenue code ({first} to {last}, {len(report.rows)} codes; slowest of {rounds})",
        f"≤ {REPORT_TARGET_S:.0f} s",
        f"{mine:.2f} s",
        f"{base:.2f} s (sqlite3, same SQL)",
        mine / base if base else None,
        mine <= REPORT_TARGET_S,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=500_000)
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    import all as whole  # bench/all.py: the year city

    load_before = os.getloadavg()
    base, _built = run.city(args.accounts, args.seed, None, False)
    year, made = whole.year_city(base, args.days, args.seed, False)
    say("sampling what customers remember")
    criteria = sample_criteria(year, args.queries, args.seed)
    figures = measure_find(year, criteria)
    figures.append(
        measure_report(year, dt.date.fromisoformat(str(made["first"])), dt.date.fromisoformat(str(made["last"])))
    )
    lines = [
        "Command: `.venv/bin/python bench/find_payment.py`",
        "",
        *run.machine()[:3],
        f"- load average at the start: {', '.join(f'{x:.2f}' for x in load_before)}; at the end: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- year: {year.name}; {made.get('describe', '')}",
        "",
        "| figure | target | measured | baseline | ratio | result |",
        "| --- | --- | --- | --- | --- | --- |",
        *(f.row() for f in figures),
    ]
    text = "\n".join(lines)
    print(text)
    (OUT / "results-find-payment.md").write_text(text + "\n")
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
