"""A full disk, a file the station may not write, a damaged file, a file from a newer version:
each is said in words, nothing is half-written, and the station posts again once the fault is gone.

Each fault is made for real in a separate process (docs/testing.md, "Disk faults"): a small
tmpfs filled to the last byte (in a user and mount namespace), a file-size limit
(RLIMIT_FSIZE with SIGXFSZ ignored), SQLite's own page limit, and a file without write
permission (as root, with the capability that overrides permissions dropped by setpriv).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cashdesk.domain.cash import CashCount
from cashdesk.domain.security import Role
from cashdesk.services.context import DatabaseError, Operator, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.store.db import DISK_FULL, READ_ONLY, WRITE_FAILED, SchemaTooNew

ROOT = Path(__file__).resolve().parents[2]

#: Opens the station, opens a drawer, then FAULT_ON() / post / FAULT_OFF() / post again; prints JSON.
STATION = textwrap.dedent("""
    import hashlib, json, os, sqlite3, sys
    from cashdesk.config import Settings
    from cashdesk.domain.cash import CashCount
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.domain.tenders import Tender, TenderKind
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import current_drawer, open_drawer
    from cashdesk.services.payments import AccountPayment, Cart, post_receipt

    DB = sys.argv[1]
    CASHIER = Operator("jcashier", Role.CASHIER)
    report = {}

    def contents():
        con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
        try:
            dump = "\\n".join(con.iterdump())
            return hashlib.sha256(dump.encode()).hexdigest(), con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()

    def pay():
        if globals().get("BIG"):  # a receipt of 50 misc lines, more than the free room in any page
            from cashdesk.services.payments import MiscItem
            cart = Cart(tuple(MiscItem("COPIES", Money(100), memo="certified copy " * 13) for _ in range(50)))
            return post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(5000))]).number
        cart = Cart((AccountPayment("1000000017", Money(500)),))
        return post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(1000))]).number

    ctx = ServiceContext.open(DB, settings=Settings({"printer.spec": "none"}))
    from cashdesk.devices.receipt import preload
    preload()  # as the window does at start: python-escpos writes its own cache file when first loaded
    if OPEN_DRAWER and current_drawer(ctx, CASHIER) is None:
        open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    report["before"] = contents()
    FAULT_ON()
    try:
        report["first"] = ["posted", pay()]
    except Exception as exc:
        report["first"] = [type(exc).__name__, str(exc)]
    FAULT_OFF()
    report["after_fault"] = contents()
    try:
        report["again"] = ["posted", pay()]
    except Exception as exc:
        report["again"] = [type(exc).__name__, str(exc)]
    report["after"] = contents()
    print("REPORT " + json.dumps(report))
""")


def run_station(db: Path, fault_on: str, fault_off: str, *, open_drawer: bool = True,
                prefix: list[str] | None = None, scripts: Path | None = None) -> dict:  # type: ignore[type-arg]  # fmt: skip
    source = (f"OPEN_DRAWER = {open_drawer}\n" + textwrap.dedent(fault_on) + "\n" + textwrap.dedent(fault_off) + "\n"
              + STATION)  # fmt: skip
    script = (scripts or db.parent) / "station.py"
    script.write_text(source)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([*(prefix or []), sys.executable, str(script), str(db)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    return json.loads(lines[-1][len("REPORT ") :])  # type: ignore[no-any-return]


def receipts(db: Path) -> list[tuple[str, int]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT number, total_cents FROM receipts ORDER BY id").fetchall()
    finally:
        con.close()


def assert_refused_then_posted(report: dict, message: str) -> None:  # type: ignore[type-arg]
    assert report["first"][:2] == ["WriteRefused", message]
    assert report["after_fault"] == report["before"], "the refused payment left something behind"
    assert report["before"][1] == [["ok"]] and report["after"][1] == [["ok"]]
    assert report["again"][0] == "posted", report["again"]
    assert report["after"] != report["before"]


# -- a full disk ---------------------------------------------------------------------------------


def _can_mount_tmpfs(where: Path) -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    where.mkdir(exist_ok=True)
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs '{where}'"],
                           capture_output=True, timeout=30)  # fmt: skip
    return probe.returncode == 0


def test_a_full_disk_is_said_in_words_nothing_is_written_and_the_station_posts_once_space_returns(
    small_city: Path, tmp_path: Path
) -> None:
    """A real full filesystem: a 16 MB tmpfs holding the database, filled to the last byte."""
    disk = tmp_path / "disk"
    if not _can_mount_tmpfs(disk):
        pytest.skip("no user+mount namespace here to make a small filesystem (see docs/testing.md)")
    db = disk / "cashdesk.sqlite3"
    script = tmp_path / "on_small_disk.sh"
    script.write_text(
        textwrap.dedent(f"""
        set -e
        mount -t tmpfs -o size=16m tmpfs '{disk}'
        cp '{small_city}' '{db}'
        exec "$@"
    """)
    )
    fill = f"""
        def FAULT_ON():
            with open({str(disk / "filler")!r}, "wb", buffering=0) as f:  # every free byte, unbuffered
                try:
                    while True:
                        f.write(b"\\0" * 65536)
                        f.flush()
                except OSError:
                    pass
    """
    free = f"""
        def FAULT_OFF():
            os.remove({str(disk / "filler")!r})
    """
    report = run_station(db, fill, free, prefix=["unshare", "-rm", "sh", str(script)],
                         scripts=tmp_path)  # fmt: skip
    assert_refused_then_posted(report, DISK_FULL)


def test_a_database_at_its_size_limit_is_full_in_words_too(small_city: Path) -> None:
    """SQLite's own "database or disk is full" (its page limit reached), through the same words."""
    limit = """
        BIG = True
        def FAULT_ON():
            from sqlalchemy import event
            pages = sqlite3.connect(DB).execute("PRAGMA page_count").fetchone()[0]
            global LIMIT
            def at_limit(dbapi, _record):
                dbapi.execute(f"PRAGMA max_page_count = {pages}")
            LIMIT = at_limit
            event.listen(ctx.db.engine, "connect", at_limit)
            ctx.db.engine.dispose()
    """
    lift = """
        def FAULT_OFF():
            from sqlalchemy import event
            event.remove(ctx.db.engine, "connect", LIMIT)
            ctx.db.engine.dispose()
    """
    # Every page packed full, so that the posting needs new ones: a long history, then VACUUM.
    con = sqlite3.connect(small_city)
    con.executemany("INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
                    "VALUES (1, '2026-01-01', 'note', ?, 0, '')", [("x" * 200,)] * 50)  # fmt: skip
    con.commit()
    con.execute("VACUUM")
    con.close()
    report = run_station(small_city, limit, lift)
    assert_refused_then_posted(report, DISK_FULL)


def test_a_file_size_limit_refuses_the_write_in_words_and_the_station_posts_once_it_is_lifted(
    small_city: Path,
) -> None:
    """RLIMIT_FSIZE just above the write-ahead log's size: the operating system refuses the write."""
    on = """
        import resource, signal
        def FAULT_ON():
            with ctx.db.read() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write() instead of a dead process
            global SAVED
            SAVED = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize(DB + "-wal") + 1024, SAVED[1]))
    """
    off = """
        def FAULT_OFF():
            resource.setrlimit(resource.RLIMIT_FSIZE, SAVED)
    """
    report = run_station(small_city, on, off)
    assert_refused_then_posted(report, WRITE_FAILED)
    assert [n for n, _ in receipts(small_city)] == ["W01-2026-000001"]  # the refused one burnt no number


# -- a read-only file -------------------------------------------------------------------------------


def _without_write_override() -> list[str] | None:
    """Run as the same user but unable to write what its permissions forbid: nothing for a
    normal user; as root, setpriv drops CAP_DAC_OVERRIDE (root ignores permissions otherwise)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def test_a_read_only_database_file_refuses_the_first_write_in_words_and_changes_nothing(small_city: Path) -> None:
    prefix = _without_write_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: file permissions cannot stop root's writes")
    ctx = ServiceContext.open(small_city)  # a drawer first, while the file is writable
    try:
        open_drawer(ctx, Operator("jcashier", Role.CASHIER), CashCount({"B20": 5}))
    finally:
        ctx.close()
    digest = hashlib.sha256(small_city.read_bytes()).hexdigest()
    small_city.chmod(0o444)
    try:
        report = run_station(small_city, "def FAULT_ON(): pass", "def FAULT_OFF(): pass", open_drawer=False,
                             prefix=prefix)  # fmt: skip
    finally:
        small_city.chmod(0o644)
    assert report["first"][:2] == ["DatabaseReadOnly", READ_ONLY]  # a WriteRefused
    assert report["again"][:2] == ["DatabaseReadOnly", READ_ONLY]
    assert report["after"] == report["before"] and report["before"][1] == [["ok"]]
    assert hashlib.sha256(small_city.read_bytes()).hexdigest() == digest
    assert receipts(small_city) == []


# -- files that are refused at start ------------------------------------------------------------------


def _files(folder: Path) -> dict[str, str]:
    """The database and its write-ahead log by content. SQLite's read-only look at a WAL file
    may leave an empty -wal and its -shm index beside it: no data, so not counted."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)
    }


def test_a_damaged_database_is_refused_at_start_and_left_byte_for_byte(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.executemany("INSERT INTO account_history VALUES (?, 1, '2026-01-01', 'note', ?, 0, '')",
                    [(i, "x" * 300) for i in range(1, 400)])  # fmt: skip
    con.commit()
    con.close()
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    last = len(data) // page - 1
    data[last * page + 8 : last * page + 200] = b"\x07" * 192
    db_path.write_bytes(bytes(data))
    before = _files(db_path.parent)
    with pytest.raises(DatabaseError, match="damaged|not a cashdesk database") as refused:
        ServiceContext.open(db_path)
    assert "untouched" in str(refused.value) or "Restore" in str(refused.value)
    assert _files(db_path.parent) == before  # no -wal or -shm made, not a byte changed


def test_a_database_from_a_newer_version_is_refused_at_start_and_left_byte_for_byte(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _files(db_path.parent)
    with pytest.raises(SchemaTooNew, match="newer version of cashdesk.*left untouched"):
        ServiceContext.open(db_path)
    assert _files(db_path.parent) == before
