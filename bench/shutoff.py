#!/usr/bin/env python3
"""The shut-off list's preview on the 500,000-account city, beside the same query in plain sqlite3
(issue 16).

    .venv/bin/python bench/shutoff.py [--accounts 500000] [--seed 1] [--rounds 5]

The city is bench/all.py's (built once by run.city with `demo-data`, then reused). Measured, the two
sides interleaved round by round, each round on a cold statement cache:

- `services.shutoff.preview()` for the next weekday, as the supervisor's Preview and
  `cashdesk shutoff-list --date D` call it (a read transaction, the date rule, the account holds,
  the grouped scan of the open items, the lines built): ≤ 2 s at its slowest;
- plain sqlite3 running the same statements (store/service_orders.PAST_DUE_SQL and the holds' read)
  and fetching every row;
- `cashdesk shutoff-list --date D --json` as a whole process (start-up, sign-in of the OS
  administrator, the preview, the JSON written), beside `python3 -c` doing the raw read.

Prints a markdown table, writes it to bench/out/results-shutoff.md, exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import run
from run import OUT, ROOT, Figure, say

TARGET_S = 2.0
HOLDS_SQL = "SELECT account_id FROM account_holds WHERE starts <= ? AND (ends IS NULL OR ends >= ?)"


def next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 4:  # Friday is a no-shut-off day by default; the weekend is nobody's
        day += dt.timedelta(days=1)
    return day


def raw_preview(path: Path, on: dt.date, aging_days: int, minimum_cents: int) -> int:
    from cashdesk.store.service_orders import PAST_DUE_SQL

    cutoff = on - dt.timedelta(days=aging_days)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        held = {r[0] for r in con.execute(HOLDS_SQL, (on.isoformat(), on.isoformat()))}
        rows = con.execute(PAST_DUE_SQL, (cutoff.isoformat(), max(minimum_cents, 1))).fetchall()
        return sum(1 for r in rows if r[0] not in held)
    finally:
        con.close()


def measure(path: Path, on: dt.date, rounds: int) -> tuple[Figure, int]:
    from cashdesk.config import Settings
    from cashdesk.domain.security import Role
    from cashdesk.domain.service_orders import aged_cutoff
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.shutoff import preview, rule_of

    settings = Settings()
    who = Operator("bench.super", Role.SUPERVISOR)
    ctx = ServiceContext.open(path, settings=settings, quick_check=False)
    rule = rule_of(ctx)
    aging = (on - aged_cutoff(on, rule.aging_days)).days
    ours, theirs, lines = [], [], 0
    try:
        for i in range(rounds + 1):  # the first round of each only warms the disk cache
            started = time.perf_counter()
            shown = preview(ctx, who, on)
            mine = time.perf_counter() - started
            started = time.perf_counter()
            count = raw_preview(path, on, aging, rule.minimum_cents)
            base = time.perf_counter() - started
            if count != len(shown.lines):
                sys.exit(f"the raw query found {count} accounts, the preview {len(shown.lines)}")
            lines = count
            if i:
                ours.append(mine)
                theirs.append(base)
    finally:
        ctx.close()
    mine, base = max(ours), max(theirs)
    figure = Figure(
        f"shut-off preview for {on} ({lines:,} accounts listed; slowest of {rounds}, "
        f"median {sorted(ours)[len(ours) // 2]:.2f} s)",
        f"≤ {TARGET_S:.0f} s",
        f"{mine:.2f} s",
        f"{base:.2f} s (sqlite3, the same statements, every row fetched)",
        mine / base if base else None,
        mine <= TARGET_S,
    )
    return figure, lines


RAW_PROCESS = """
import sqlite3, sys
path, on, cutoff, minimum, sql, holds = sys.argv[1:]
con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
held = {r[0] for r in con.execute(holds, (on, on))}
rows = [r for r in con.execute(sql, (cutoff, int(minimum))).fetchall() if r[0] not in held]
print(len(rows))
"""


def measure_command(path: Path, on: dt.date, rounds: int, lines: int) -> Figure:
    from cashdesk.config import Settings
    from cashdesk.store.service_orders import PAST_DUE_SQL

    s = Settings().orders
    cutoff = on - dt.timedelta(days=s.shutoff_aging_days)
    command = [*run.cashdesk_command(), "--db", str(path), "shutoff-list", "--date", on.isoformat(), "--json"]
    raw = [sys.executable, "-c", RAW_PROCESS, str(path), on.isoformat(), cutoff.isoformat()]
    raw += [str(max(s.shutoff_minimum_cents, 1)), PAST_DUE_SQL, HOLDS_SQL]
    ours, theirs = [], []
    for i in range(rounds + 1):
        started = time.perf_counter()
        done = subprocess.run(command, env=run.quiet_env(), capture_output=True, text=True)
        mine = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"shutoff-list failed ({done.returncode}): {done.stderr}")
        printed = len(json.loads(done.stdout))
        if printed != lines:
            sys.exit(f"shutoff-list printed {printed} accounts, the preview {lines}")
        started = time.perf_counter()
        counted = subprocess.run(raw, check=True, capture_output=True, text=True).stdout.strip()
        if counted != str(lines):
            sys.exit(f"the raw process found {counted} accounts, the preview {lines}")
        base = time.perf_counter() - started
        if i:
            ours.append(mine)
            theirs.append(base)
    mine, base = max(ours), max(theirs)
    return Figure(
        f"`cashdesk shutoff-list --date {on} --json` as a whole process (slowest of {rounds})",
        f"≤ {TARGET_S:.0f} s",
        f"{mine:.2f} s",
        f"{base:.2f} s (python3 -c, the same statements)",
        mine / base if base else None,
        mine <= TARGET_S,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    load_before = os.getloadavg()
    path, built = run.city(args.accounts, args.seed, None, False)
    on = next_weekday(dt.date.today())  # the city was built on this clock: its bills are aged from it
    say(f"previewing the shut-off list for {on}")
    figure, lines = measure(path, on, args.rounds)
    figures = [figure, measure_command(path, on, args.rounds, lines)]
    facts = [f"- city: {path.name}; {built.get('describe', '')}"]
    return run.report(".venv/bin/python bench/shutoff.py", load_before, facts, figures, "results-shutoff.md")


if __name__ == "__main__":
    sys.exit(main())
