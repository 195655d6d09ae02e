#!/usr/bin/env python3
"""City-scale benchmarks: each figure beside a raw baseline measured in the same run.

    .venv/bin/python bench/run.py [--accounts 500000] [--seed 1] [--db PATH] [--rebuild]

Builds a demo city under bench/out/ (or reuses the one built before for the same accounts
and seed), then measures

- demo-data: building the city, against copying the same rows, indexes and search index
  into an empty file with plain sqlite3;
- search p95 for account numbers, names and addresses typed at the window, sampled from the
  city: `search_accounts()` against the same SQL statements through plain sqlite3;
- start-up: `cashdesk --db CITY --quit-after MS` until the window says `cashdesk-ready`
  (shown, the sign-in user id focused), against a bare PySide6 window started the same way.

Prints a markdown table, writes it to bench/out/results.md, and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

SEARCH_TARGET_MS = 15.0
SEARCH_RATIO = 2.0
START_RATIO = 4.0
BUILD_TARGET_S = 120.0
QUIT_AFTER_MS = 200
READY = "cashdesk-ready"

BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
window.show()
field.setFocus()

def ready():
    print("{READY}", flush=True)
    QTimer.singleShot({QUIT_AFTER_MS}, app.quit)

QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


@dataclass
class Figure:
    name: str
    target: str
    measured: str
    baseline: str
    ratio: float | None
    ok: bool | None  # None: not measured
    note: str = ""

    def row(self) -> str:
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "–"
        result = {True: "pass", False: "**FAIL**", None: "not measured"}[self.ok]
        note = f" ({self.note})" if self.note else ""
        return f"| {self.name}{note} | {self.target} | {self.measured} | {self.baseline} | {ratio} | {result} |"


def say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def cashdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("cashdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cashdesk"]


def quiet_env(**extra: str) -> dict[str, str]:
    """Default settings and logs under bench/out, so the user's own files change nothing."""
    env = dict(os.environ)
    env.update(CASHDESK_CONFIG=str(OUT / "no-settings.toml"), CASHDESK_LOG_DIR=str(OUT / "logs"), **extra)
    env.pop("CASHDESK_DB", None)
    return env


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# -- the city ----------------------------------------------------------------------------------


def city(accounts: int, seed: int, db: Path | None, rebuild: bool) -> tuple[Path, dict[str, object]]:
    """The city database and how it was built: {"seconds", "built", "describe", "reused"}."""
    path = db or OUT / f"city-{accounts}-seed{seed}.sqlite3"
    meta_path = path.with_name(path.name + ".json")
    if path.exists() and not rebuild:
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        say(f"reusing {path}")
        return path, {**meta, "reused": True}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    remove_database(partial)
    say(f"building a city of {accounts:,} accounts (seed {seed}) in {path}")
    started = time.perf_counter()
    done = subprocess.run(
        [*cashdesk_command(), "--db", str(partial), "demo-data", "--accounts", str(accounts), "--seed", str(seed)],
        env=quiet_env(),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"demo-data failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    remove_database(path)
    partial.rename(path)
    described = done.stdout.strip().replace(str(partial.resolve()), str(path.resolve()))
    meta = {"seconds": seconds, "built": dt.datetime.now().isoformat(timespec="seconds"), "describe": described}
    meta_path.write_text(json.dumps(meta, indent=2))
    say(described)
    return path, {**meta, "reused": False}


def copy_with_sqlite(source: Path) -> float:
    """Seconds to write the city's rows, indexes and search index into an empty file with sqlite3."""
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        target = Path(folder) / "copy.sqlite3"
        con = sqlite3.connect(target, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")
            con.execute("PRAGMA cache_size=-262144")
            started = time.perf_counter()
            con.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
            schema = con.execute(
                "SELECT type, name, sql FROM src.sqlite_master "
                "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            ).fetchall()
            virtual = [name for kind, name, sql in schema if sql.upper().startswith("CREATE VIRTUAL TABLE")]
            shadow = {name for _, name, _ in schema for v in virtual if name.startswith(f"{v}_")}
            tables = [
                name for kind, name, sql in schema if kind == "table" and name not in shadow and name not in virtual
            ]
            con.execute("BEGIN")
            for kind, name, sql in schema:
                if kind == "table" and name not in shadow:
                    con.execute(sql)
            for name in tables:
                con.execute(f"INSERT INTO main.{name} SELECT * FROM src.{name}")
            for kind, _name, sql in schema:
                if kind in ("index", "trigger"):
                    con.execute(sql)
            for name in virtual:
                con.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
                con.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
            con.execute("COMMIT")
            con.execute("DETACH DATABASE src")
        finally:
            con.close()
        return time.perf_counter() - started


# -- search ----------------------------------------------------------------------------------


def sample_queries(path: Path, count: int, seed: int) -> dict[str, list[str]]:
    """What cashiers type: numbers from stubs, names as customers say them, service addresses."""
    rng = random.Random(f"bench:{seed}")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (top,) = con.execute("SELECT max(id) FROM accounts").fetchone()
        ids = rng.sample(range(1, top + 1), min(top, 3 * count))
        rows = con.execute(
            f"SELECT id, number, kind, name, service_address FROM accounts WHERE id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
    finally:
        con.close()
    order = {account_id: i for i, account_id in enumerate(ids)}
    rows.sort(key=lambda r: order[r[0]])
    numbers, names, addresses = [], [], []
    for i, (_, number, kind, name, address) in enumerate(rows):
        part = i % 3
        if part == 0:  # a stub's full number, or the first digits of it
            numbers.append(number if rng.random() < 0.5 else number[: rng.randrange(5, 10)])
        elif part == 1:
            if kind == "utility":
                last, rest = name.split(", ", 1)
                first = rest.split()[0]
                r = rng.random()
                names.append(
                    last if r < 0.4 else f"{last} {first}" if r < 0.7 else f"{first} {last}" if r < 0.85 else last[:4]
                )
            else:
                words = name.replace("&", " ").split()
                names.append(" ".join(words[: rng.choice((1, 2, 2))]))
        else:
            words = address.split(" Apt ")[0].split()
            house, street = words[0], words[1:]
            if street[0] in ("N", "S", "E", "W") and len(street) > 2:
                street = street[1:]
            r = rng.random()
            addresses.append(f"{house} {street[0]}" if r < 0.45 else " ".join(words) if r < 0.8 else " ".join(street))
    return {"account number": numbers[:count], "name": names[:count], "address": addresses[:count]}


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]  # nearest rank


def measure_search(path: Path, queries: dict[str, list[str]], rounds: int, ratio_target: float | None = SEARCH_RATIO,
                   target_ms: float = SEARCH_TARGET_MS, where: str = "") -> list[Figure]:  # fmt: skip
    """p95 of search_accounts() and of the same statements through plain sqlite3, for each kind of
    query; the target is `target_ms`, and the ratio ≤ `ratio_target` unless it is None. `where`
    names the city in the figure ("at 2,000,000 accounts")."""
    from cashdesk.config import Settings
    from cashdesk.services.accounts import search_accounts
    from cashdesk.services.context import ServiceContext
    from cashdesk.store.search import plan

    settings = Settings()
    limit = settings.search.limit
    ctx = ServiceContext.open(path, settings=settings, quick_check=False)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def through_sqlite(query: str) -> None:
        # As store.search.search does: the statements in order, until `limit` different accounts are found.
        found: set[int] = set()
        for sql, params in plan(query, limit):
            if len(found) >= limit:
                break
            found.update(row[0] for row in raw.execute(sql, params).fetchall())

    def through_service(query: str) -> None:
        search_accounts(ctx, query)

    def timed(run: Callable[[str], None], query: str) -> float:
        started = time.perf_counter()
        run(query)
        return (time.perf_counter() - started) * 1000

    figures = []
    try:
        for every in queries.values():  # warm up: the pages these searches touch are in memory
            for query in every:
                through_service(query)
                through_sqlite(query)
        for kind, every in queries.items():
            service: list[float] = []
            bare: list[float] = []
            for _ in range(rounds):
                for query in every:
                    service.append(timed(through_service, query))
                    bare.append(timed(through_sqlite, query))
            measured, baseline = p95(service), p95(bare)
            ratio = measured / baseline if baseline else None
            figures.append(
                Figure(
                    f"search p95{where and ' ' + where}, {kind} ({len(every)} queries × {rounds})",
                    f"≤ {target_ms:g} ms" + (f", ratio ≤ {ratio_target:g}" if ratio_target else ""),
                    f"{measured:.2f} ms (median {statistics.median(service):.2f})",
                    f"{baseline:.2f} ms (median {statistics.median(bare):.2f})",
                    ratio,
                    measured <= target_ms and (ratio_target is None or (ratio is not None and ratio <= ratio_target)),
                )
            )
            say(f"{kind}: slowest {sorted(zip(service, every * rounds, strict=True))[-3:]}")
    finally:
        raw.close()
        ctx.close()
    return figures


# -- start-up ----------------------------------------------------------------------------------


def seconds_to_ready(command: list[str], env: dict[str, str]) -> tuple[float | None, str]:
    """Wall time from starting the process to its `cashdesk-ready` line; (None, why) if it never came."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env)
        assert process.stdout is not None
        seconds = None
        for line in process.stdout:
            if line.strip() == READY:
                seconds = time.perf_counter() - started
                break
        try:
            process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return None, "did not quit within 60 s after --quit-after"
        if seconds is None or process.returncode != 0:
            errors.seek(0)
            tail = errors.read().strip().splitlines()[-3:]
            return None, f"exit {process.returncode}: " + " / ".join(tail)
        return seconds, ""


def measure_start(path: Path, runs: int) -> Figure:
    env = quiet_env(QT_QPA_PLATFORM="offscreen")
    window = [*cashdesk_command(), "--db", str(path), "--quit-after", str(QUIT_AFTER_MS)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    name = f"window start to a usable field, the sign-in user id (median of {runs})"
    target = f"ratio ≤ {START_RATIO:g}"
    app_times: list[float] = []
    bare_times: list[float] = []
    for attempt in range(runs + 1):  # the first of each only warms the disk cache
        app, why = seconds_to_ready(window, env)
        if app is None:
            say(f"cashdesk did not report {READY}: {why}")
            return Figure(name, target, "–", "–", None, None, f"cashdesk did not report {READY}: {why}")
        plain, why = seconds_to_ready(bare, env)
        if plain is None:
            sys.exit(f"the bare PySide6 window did not start: {why}")
        if attempt:
            app_times.append(app)
            bare_times.append(plain)
    measured, baseline = statistics.median(app_times), statistics.median(bare_times)
    ratio = measured / baseline
    return Figure(
        name,
        target,
        f"{measured * 1000:.0f} ms",
        f"{baseline * 1000:.0f} ms (bare PySide6 window)",
        ratio,
        ratio <= START_RATIO,
    )


# -- the report --------------------------------------------------------------------------------


def machine() -> list[str]:
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, IndexError, ValueError):
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "not installed"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        f"- date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs{memory}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PySide6 {qt}",
        f"- load average at the end (1, 5, 15 min): {load}",
    ]


def report(command: str, load_before: Sequence[float], facts: Sequence[str], figures: Sequence[Figure],
           out_name: str) -> int:  # fmt: skip
    """A benchmark's table: the command, the machine and its load before and after, what it ran on
    (`facts`, "- …" lines), the figures; printed and written to bench/out/`out_name`. The exit status:
    1 when a target is missed."""
    text = "\n".join(
        [
            f"Command: `{command}`",
            "",
            *machine()[:3],
            f"- load average at the start: {', '.join(f'{x:.2f}' for x in load_before)}; at the end: "
            f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}",
            *facts,
            "",
            "| figure | target | measured | baseline | ratio | result |",
            "| --- | --- | --- | --- | --- | --- |",
            *(f.row() for f in figures),
        ]
    )
    print(text)
    (OUT / out_name).write_text(text + "\n")
    return 0 if all(f.ok is not False for f in figures) else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=500_000, help="city size (default 500000)")
    parser.add_argument("--seed", type=int, default=1, help="demo-data seed (default 1)")
    parser.add_argument("--db", type=Path, help="use (or build) this city file instead of bench/out/")
    parser.add_argument("--rebuild", action="store_true", help="build the city again even if it is there")
    parser.add_argument("--queries", type=int, default=200, help="sampled queries of each kind (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is timed (default 3)")
    parser.add_argument("--runs", type=int, default=5, help="window starts to time (default 5)")
    parser.add_argument("--skip-window", action="store_true", help="no start-up figure")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))

    path, built = city(args.accounts, args.seed, args.db, args.rebuild)
    figures: list[Figure] = []

    say("copying the city with plain sqlite3 (baseline for demo-data)")
    copy = copy_with_sqlite(path)
    if "seconds" in built:
        seconds = float(built["seconds"])  # type: ignore[arg-type]
        note = f"reused the build of {built['built']}" if built.get("reused") else ""
        figures.append(
            Figure(
                f"demo-data, {args.accounts:,} accounts",
                f"< {BUILD_TARGET_S:g} s",
                f"{seconds:.1f} s",
                f"{copy:.1f} s (same rows copied by sqlite3)",
                seconds / copy,
                seconds < BUILD_TARGET_S,
                note,
            )
        )
    else:
        figures.append(
            Figure(
                "demo-data",
                f"< {BUILD_TARGET_S:g} s",
                "–",
                f"{copy:.1f} s",
                None,
                None,
                "city not built by this script",
            )
        )

    say("search")
    queries = sample_queries(path, args.queries, args.seed)
    figures.extend(measure_search(path, queries, args.rounds))

    if not args.skip_window:
        say("window start")
        figures.append(measure_start(path, args.runs))

    size = path.stat().st_size / 1024**3
    lines = [
        f"Command: `.venv/bin/python bench/run.py {' '.join(argv if argv is not None else sys.argv[1:])}`",
        "",
        *machine(),
        f"- city: {path.name}, {size:.2f} GiB; {built.get('describe', '')}",
        "",
        "| figure | target | measured | raw baseline | ratio | result |",
        "| --- | --- | --- | --- | --- | --- |",
        *(f.row() for f in figures),
    ]
    report = "\n".join(lines) + "\n"
    (OUT / "results.md").write_text(report)
    print(report)
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
