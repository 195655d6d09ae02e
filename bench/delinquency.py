#!/usr/bin/env python3
"""The delinquency run's preview on the 500,000-account city, beside the same statements in plain
sqlite3 (issue 17).

    .venv/bin/python bench/delinquency.py [--accounts 500000] [--seed 1] [--db PATH] [--date D] [--rounds 5]

The city is bench/all.py's (built once by run.city with `demo-data`, then reused; a city built by an
earlier schema is brought up to date once with `cashdesk init`). Measured, the two sides interleaved round
by round:

- `services.delinquency.preview()` for the date, as `cashdesk delinquency run --date D` calls it (a read
  transaction, the settings' steps, the shut-off date rule, the holds, the grouped scans of the open items
  for utility and sales tax accounts, the unpaid tax by period, the steps taken before, the open door tags
  and disconnects, each account's steps and fees worked out): ≤ 5 s at its slowest;
- plain sqlite3 running the same statements (store/delinquency.py's UTILITY_SQL, TAX_SQL,
  TAX_PERIODS_SQL, DONE_SQL, OPEN_ORDERS_SQL and the holds' read) and fetching every row.

Prints a markdown table, writes it to bench/out/results-delinquency.md, exits 1 if the target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import run
from run import OUT, ROOT, Figure, say

TARGET_S = 5.0
HOLDS_SQL = "SELECT account_id FROM account_holds WHERE starts <= ? AND (ends IS NULL OR ends >= ?)"


def raw_preview(path: Path, on: dt.date) -> int:
    """The same statements with the same parameters, every row fetched: the rows of the two scans."""
    from cashdesk.config import Settings
    from cashdesk.services.delinquency import rules_of_settings
    from cashdesk.store import delinquency as sql

    rules = rules_of_settings(Settings())
    utility = [(on - dt.timedelta(days=r.days)).isoformat() for r in rules.utility]
    tax = [(on - dt.timedelta(days=r.days)).isoformat() for r in rules.tax]
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        con.execute(HOLDS_SQL, (on.isoformat(), on.isoformat())).fetchall()
        found = con.execute(sql.UTILITY_SQL, (*utility, utility[1], max(utility))).fetchall()
        found += con.execute(sql.TAX_SQL, (*tax, max(tax))).fetchall()
        con.execute(sql.TAX_PERIODS_SQL, (tax[1],)).fetchall()
        oldest = min((r[5] for r in found), default=on.isoformat())
        con.execute(sql.DONE_SQL, (oldest,)).fetchall()
        con.execute(sql.OPEN_ORDERS_SQL).fetchall()
        return len(found)
    finally:
        con.close()


def measure(path: Path, on: dt.date, rounds: int) -> Figure:
    from cashdesk.config import Settings
    from cashdesk.domain.delinquency import Step
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.delinquency import preview

    who = Operator("bench.super", Role.SUPERVISOR)
    ctx = ServiceContext.open(path, settings=Settings(), quick_check=False)
    ours, theirs = [], []
    try:
        for i in range(rounds + 1):  # the first round of each only warms the disk cache
            started = time.perf_counter()
            shown = preview(ctx, who, on)
            mine = time.perf_counter() - started
            started = time.perf_counter()
            scanned = raw_preview(path, on)
            base = time.perf_counter() - started
            if i:
                ours.append(mine)
                theirs.append(base)
    finally:
        ctx.close()
    counts = ", ".join(f"{shown.count(s):,} {s.value}" for s in Step)
    say(f"{len(shown.accounts):,} accounts with a step of {scanned:,} owing; {counts}; {shown.fees.display()} in fees")
    mine, base = max(ours), max(theirs)
    return Figure(
        f"delinquency preview for {on} ({len(shown.accounts):,} accounts with a step: {counts}; "
        f"{shown.fees.display()} in fees; slowest of {rounds}, median {sorted(ours)[len(ours) // 2]:.2f} s)",
        f"≤ {TARGET_S:.0f} s",
        f"{mine:.2f} s",
        f"{base:.2f} s (sqlite3, the same statements, every row fetched)",
        mine / base if base else None,
        mine <= TARGET_S,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="a city already built (brought to the current schema first)")
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, help="the run's date (default: the day after it was built)"
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    load_before = os.getloadavg()
    path, built = run.city(args.accounts, args.seed, args.db, False)
    from cashdesk.store.db import Database

    db = Database.open(path)
    try:
        before, after = db.upgrade()
        if before != after:
            say(f"brought {path.name} from schema {before} to {after}")
    finally:
        db.dispose()
    on = args.date or dt.date.fromisoformat(str(built.get("built", dt.date.today().isoformat()))[:10])
    say(f"previewing the delinquency run for {on}")
    figures = [measure(path, on, args.rounds)]
    facts = [f"- city: {path.name}; {built.get('describe', '')}"]
    return run.report(".venv/bin/python bench/delinquency.py", load_before, facts, figures, "results-delinquency.md")


if __name__ == "__main__":
    sys.exit(main())
