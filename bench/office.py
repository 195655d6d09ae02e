"""The office (issue 15): counter posting at a window with its office up, down and with no office
at all, and how fast a window's rows go into the office beside raw psycopg.

    .venv/bin/python bench/office.py [--accounts 20000] [--payments 1000] [--day 3000]

Starts a throwaway PostgreSQL 15 cluster of its own (tests/support/pg_cluster.py: Debian's
postgresql package, as the `postgres` user, fsync on as a real server has it), builds a demo city
(`cashdesk demo-data`) once under bench/out/, and works on copies of it.

1. Posting. Three copies of the city, each one window: one alone, one joined to an office that
   answers, one joined to an office that does not (its address points at a closed port, so every
   try is refused at once and the sender keeps trying). Each joined window has a sender thread in
   the same process, as the window has: kicked after each payment, and every 5 s, running
   `sync_round`. The payments are interleaved window by window (alone, up, down, then the next
   account), the same account at each, post_receipt() timed as the window calls it. Target: the
   office moves posting by at most a quarter (p50 and p95 each ≤ 1.25× the window alone).
2. Sync throughput. A copy that took `--day` payments alone joins an office (every row it holds
   goes into its outbox) and `sync_once` sends the outbox; rows per second beside the same rows
   written by plain psycopg into tables of the same shape: one COPY in one transaction, and
   INSERT … ON CONFLICT DO NOTHING in batches of 500 rows, one transaction each (what the sender
   does, without reading the outbox or the bookkeeping). Reported, no target in the issue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import posting  # noqa: E402  (bench/posting.py: the service poster, the picks, the percentiles)
import run  # noqa: E402  (bench/run.py: the command, a quiet environment)

#: Posting with an office, up or down, against posting alone: p50 and p95 each.
MOVE_TARGET = 1.25
CLOSED_PORT_URL = "postgresql://cashdesk@127.0.0.1:9/office"  # discard: nothing listens there


def say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def demo_city(accounts: int) -> Path:
    path = OUT / f"office-city-{accounts}.sqlite3"
    if path.exists():
        say(f"reusing {path.name}")
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    run.remove_database(partial)
    say(f"building a demo city of {accounts:,} accounts")
    for command in (["init"], ["demo-data", "--accounts", str(accounts), "--seed", "1"]):
        subprocess.run([*run.cashdesk_command(), "--db", str(partial), *command], env=run.quiet_env(), check=True,
                       capture_output=True)  # fmt: skip
    partial.rename(path)
    return path


class Sender(threading.Thread):
    """The window's sender: a sync round after each payment (kick) and every 5 s, one at a time."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        from cashdesk.services.context import ServiceContext

        self.ctx = ServiceContext.open(path, quick_check=False)
        self.kicked = threading.Event()
        self.idle = threading.Event()
        self.idle.set()
        self.stopped = False
        self.rounds = 0

    def run(self) -> None:
        from cashdesk.services.office import sync_round

        while not self.stopped:
            self.kicked.wait(5)
            self.idle.clear()
            self.kicked.clear()
            if self.stopped:
                break
            sync_round(self.ctx)
            self.rounds += 1
            self.idle.set()

    def settled(self) -> None:
        """Wait (at most 10 s) until no round is asked for or running: the customer's gap."""
        for _ in range(10_000):
            if not self.kicked.is_set() and self.idle.is_set():
                return
            time.sleep(0.001)

    def stop(self) -> None:
        self.stopped = True
        self.kicked.set()
        self.join()
        self.ctx.close()


def join(path: Path, url: str) -> None:
    from cashdesk.services.context import ServiceContext, command_line_operator
    from cashdesk.services.office import join_office

    ctx = ServiceContext.open(path, quick_check=False)
    try:
        join_office(ctx, command_line_operator(), url)
    finally:
        ctx.close()


def measure_posting(city: Path, cluster: Any, payments: int, senders_run: bool = True,
                    back_to_back: bool = False) -> list[tuple[str, list[float]]]:  # fmt: skip
    from cashdesk.services.context import command_line_operator
    from cashdesk.services.office import init_office

    names = ("alone", "office up", "office down")
    paths = [OUT / f"office-{n.replace(' ', '-')}.sqlite3" for n in names]
    for path in paths:
        posting.copy_city(city, path)
    senders = []
    for path, name in zip(paths[1:], ("up", "down"), strict=True):
        url = cluster.create_database(f"bench_{name}_{os.getpid()}")
        init_office(command_line_operator(), url)
        say(f"joining the '{name}' window (its accounts go to the office)")
        join(path, url)
        if name == "down":
            con = sqlite3.connect(path)
            con.execute("UPDATE office_link SET url = ?", (CLOSED_PORT_URL,))
            con.commit()
            con.close()
        senders.append(Sender(path))
    accounts = posting.pick_accounts(paths[0], payments, seed=7)
    posters = [posting.ServicePoster(path) for path in paths]
    for sender in senders if senders_run else ():
        sender.start()
    times: list[list[float]] = [[], [], []]
    say(f"posting {payments:,} payments at each window, interleaved")
    try:
        for n, account in enumerate(accounts):
            for i in (0, 1, 2) if n % 2 else (2, 1, 0):
                times[i].append(posters[i].post(n, account))
                if i:
                    senders[i - 1].kicked.set()
            if not back_to_back:  # the next customer comes after the round the payment started
                for sender in senders:
                    sender.settled()
    finally:
        for sender in senders:
            sender.stop() if senders_run else sender.ctx.close()
        for poster in posters:
            poster.close()
    check_office_has_them(paths[1], payments)
    for path in paths:
        run.remove_database(path)
    return list(zip(names, times, strict=True))


def check_office_has_them(path: Path, payments: int) -> None:
    """The 'up' window's receipts all reached the office (a bench that lost them would flatter)."""
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.office import sync_once

    ctx = ServiceContext.open(path, quick_check=False)
    try:
        left = sync_once(ctx)
        if left.waiting or left.problem:
            sys.exit(f"the office did not take everything: {left.describe()}")
    finally:
        ctx.close()


# -- 2. throughput ---------------------------------------------------------------------------------


def shared_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    from cashdesk.store.synced import UPLINK

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = {}
        for shared in UPLINK:
            cursor = con.execute(f"SELECT * FROM {shared.table}")
            columns = [d[0] for d in cursor.description]
            found[shared.table] = (columns, [tuple(None if v is None else str(v) for v in r) for r in cursor])
        return found
    finally:
        con.close()


def raw_tables(url: str) -> None:
    """The office's tables with every column as text (what the raw writers write)."""
    import psycopg

    from cashdesk.store.synced import UPLINK, WINDOW_STATION, office_metadata

    tables = office_metadata().tables
    with psycopg.connect(url, autocommit=True) as con:
        for shared in UPLINK:
            columns = ", ".join(f'"{c.name}" text' for c in tables[shared.table].columns if c.name != WINDOW_STATION)
            con.execute(f'CREATE TABLE "{shared.table}" ("{WINDOW_STATION}" text NOT NULL, {columns}, '
                        f'PRIMARY KEY ("{WINDOW_STATION}", "{shared.key}"))')  # fmt: skip


def raw_copy(url: str, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(url) as con, con.cursor() as cur:
        for table, (columns, values) in rows.items():
            names = ", ".join(f'"{c}"' for c in ("window_station", *columns))
            with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(("W01", *row))
    return time.perf_counter() - started


def raw_insert(url: str, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(url) as con:
        for table, (columns, values) in rows.items():
            names = ", ".join(f'"{c}"' for c in ("window_station", *columns))
            marks = ", ".join(["%s"] * (len(columns) + 1))
            sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING'
            for start in range(0, len(values), 500):
                with con.transaction(), con.cursor() as cur:
                    cur.executemany(sql, [("W01", *row) for row in values[start : start + 500]])
    return time.perf_counter() - started


def measure_throughput(city: Path, cluster: Any, day: int) -> list[tuple[str, int, float]]:
    from cashdesk.services.context import ServiceContext, command_line_operator
    from cashdesk.services.office import init_office, sync_once

    path = OUT / "office-throughput.sqlite3"
    posting.copy_city(city, path)
    poster = posting.ServicePoster(path, mixed=True)
    say(f"taking {day:,} payments at a window standing alone")
    for n, account in enumerate(posting.pick_accounts(path, day, seed=11)):
        poster.post(n, account)
    poster.close()
    rows = shared_rows(path)
    count = sum(len(values) for _, values in rows.values())
    url = cluster.create_database(f"bench_sync_{os.getpid()}")
    init_office(command_line_operator(), url)
    join(path, url)
    ctx = ServiceContext.open(path, quick_check=False)
    try:
        say(f"sending {count:,} rows to the office (sync_once)")
        started = time.perf_counter()
        synced = sync_once(ctx)
        took = time.perf_counter() - started
    finally:
        ctx.close()
    if synced.waiting or synced.problem:
        sys.exit(f"the sync did not finish: {synced.describe()}")
    results = [("sync_once (outbox → office, batches of 500)", synced.sent, took)]
    for name, writer in (("raw COPY, one transaction", raw_copy), ("raw INSERT, 500 rows a transaction", raw_insert)):
        target = cluster.create_database(f"bench_raw_{name.split()[1].lower()}_{os.getpid()}")
        raw_tables(target)
        results.append((name, count, writer(target, rows)))
    run.remove_database(path)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--payments", type=int, default=1_000)
    parser.add_argument("--no-sender", action="store_true", help="posting with the triggers only, no sender thread")
    parser.add_argument(
        "--back-to-back",
        action="store_true",
        help="the next payment at once, while the sender's round runs (a worst case)",
    )
    parser.add_argument("--day", type=int, default=3_000, help="payments whose rows the throughput run sends")
    args = parser.parse_args(argv)
    from tests.support.pg_cluster import running_cluster

    city = demo_city(args.accounts)
    ok = True
    with running_cluster(fsync=True) as cluster:
        posted = measure_posting(city, cluster, args.payments, not args.no_sender, args.back_to_back)
        sent = measure_throughput(city, cluster, args.day)
    load = os.getloadavg()
    print(
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print("\n| figure | target | p50 | p95 | against alone | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    alone = posted[0][1]
    for name, times in posted:
        ratios = [posting.p(times, q) / posting.p(alone, q) for q in (50, 95)]
        good = all(r <= MOVE_TARGET for r in ratios)
        ok = ok and good
        print(f"| counter posting, {name}, {len(times):,} payments | ≤ {MOVE_TARGET:g}× alone | "
              f"{posting.p(times, 50):.2f} ms | {posting.p(times, 95):.2f} ms | "
              f"{ratios[0]:.2f}× / {ratios[1]:.2f}× | {'pass' if good else '**FAIL**'} |")  # fmt: skip
    print("\n| sending a window's rows to the office | rows | seconds | rows per second |")
    print("| --- | --- | --- | --- |")
    for name, count, seconds in sent:
        print(f"| {name} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
