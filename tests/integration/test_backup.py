"""Backups: taken online and checked, kept by retention at day close, restored with the old file kept."""

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.backup import BackupError, automatic_backup, backup, check_backup
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import Cart, MiscItem, post_receipt
from cashdesk.services.restore import restore

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
CASHIER = Operator("jcashier", Role.CASHIER)
ADMIN = command_line_operator()


@pytest.fixture
def ctx(small_city: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city, settings=Settings({"backup.folder": str(tmp_path / "backups")}))
    context.clock = lambda: NOW
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()


def pay(ctx: ServiceContext, cents: int) -> str:
    return post_receipt(
        ctx, CASHIER, Cart((MiscItem("COPIES", Money(cents)),)), [Tender(TenderKind.CASH, Money(cents))]
    ).number


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_a_backup_restores_exactly_and_keeps_the_replaced_file(ctx: ServiceContext, small_city: Path,
                                                                tmp_path: Path) -> None:  # fmt: skip
    pay(ctx, 250)
    result = backup(ctx, ADMIN)
    assert result.path.parent == tmp_path / "backups" and result.path.name == "cashdesk-20261126T170000.sqlite3"
    assert result.check.ok and result.check.revision and result.check.audit_events > 0
    assert not result.path.with_name(result.path.name + "-wal").exists()  # one self-contained file
    snapshot = dump(result.path)
    later = pay(ctx, 300)  # the database moves on after the backup
    ctx.close()
    restored = restore(result.path, small_city, user=ADMIN.user_id, now=NOW)
    assert restored.replaced is not None and restored.replaced.name.startswith(small_city.name + ".replaced-")
    # The replaced database is kept whole, with the later payment in it.
    con = sqlite3.connect(restored.replaced)
    assert con.execute("SELECT count(*) FROM receipts WHERE number = ?", (later,)).fetchone() == (1,)
    con.close()
    now_there = dump(small_city)
    # The restored database is the backup, plus the audit event of the restore itself.
    assert [line for line in now_there if "'restore'" not in line] == snapshot
    assert any("'restore'" in line for line in now_there)
    assert check_backup(small_city).ok  # the audit chain still verifies after the restore's event


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(ctx: ServiceContext, small_city: Path,
                                                                    tmp_path: Path) -> None:  # fmt: skip
    good = backup(ctx, ADMIN).path
    ctx.close()
    before = small_city.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # scribble over a page
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "notes.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.commit()
    con.close()
    text = tmp_path / "readme.txt"
    text.write_text("not a database")
    for bad, says in ((damaged, "damaged|not a database"), (foreign, "not a cashdesk database"),
                      (text, "not a database"), (tmp_path / "missing.sqlite3", "There is no file")):  # fmt: skip
        with pytest.raises(BackupError, match=says):
            restore(bad, small_city, user=ADMIN.user_id)
    assert small_city.read_bytes() == before
    assert not list(small_city.parent.glob("*.replaced-*"))


def test_a_backup_whose_audit_trail_was_changed_is_refused(ctx: ServiceContext, tmp_path: Path) -> None:
    copy = backup(ctx, ADMIN).path
    con = sqlite3.connect(copy)
    con.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("UPDATE audit_events SET details = '{}' WHERE seq = 1")
    con.commit()
    con.close()
    check = check_backup(copy)
    assert not check.ok and "audit trail does not verify" in check.problem


@pytest.mark.parametrize("cell", ["'{not json'", "'[1, 2]'", "x'00ff'"])
def test_a_backup_whose_audit_details_cannot_be_read_is_refused_in_words(ctx: ServiceContext, cell: str) -> None:
    copy = backup(ctx, ADMIN).path
    con = sqlite3.connect(copy)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute(f"UPDATE audit_events SET details = {cell} WHERE seq = 1")
    con.commit()
    con.close()
    check = check_backup(copy)
    assert not check.ok
    assert "the audit trail cannot be read (event 1: its details are not" in check.problem


def test_only_an_administrator_backs_up_and_a_full_disk_leaves_nothing_behind(ctx: ServiceContext,
                                                                             tmp_path: Path) -> None:  # fmt: skip
    with pytest.raises(PermissionDenied):
        backup(ctx, CASHIER)
    with pytest.raises(BackupError, match="over the database itself"):
        backup(ctx, ADMIN, ctx.db.path)
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    with pytest.raises(BackupError, match="Could not"):
        backup(ctx, ADMIN, blocked / "inside" / "b.sqlite3")
    assert not list(tmp_path.rglob("*.part"))


def test_day_close_backups_keep_the_newest(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx.settings = ctx.settings.with_values(backup__keep=2)
    made = [automatic_backup(ctx, "super1", dt.date(2026, 11, day)) for day in (23, 24, 25)]
    folder = tmp_path / "backups"
    assert sorted(p.name for p in folder.iterdir()) == ["cashdesk-day-2026-11-24.sqlite3",
                                                        "cashdesk-day-2026-11-25.sqlite3"]  # fmt: skip
    assert made[-1].removed == (folder / "cashdesk-day-2026-11-23.sqlite3",)
    manual = backup(ctx, ADMIN)  # a backup taken by hand is never removed by the retention
    automatic_backup(ctx, "super1", dt.date(2026, 11, 26))
    assert manual.path.exists()


def test_the_commands_back_up_and_restore(small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from cashdesk.cli import main

    monkeypatch.setenv("CASHDESK_CONFIG", str(tmp_path / "none.toml"))
    target = tmp_path / "copy.sqlite3"
    assert main(["--db", str(small_city), "backup", "--to", str(target)]) == 0
    assert "the copy checks out" in capsys.readouterr().out
    assert main(["--db", str(small_city), "restore", str(target)]) == 0
    assert "The database it replaced is kept at" in capsys.readouterr().out
    (tmp_path / "junk.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert main(["--db", str(small_city), "restore", str(tmp_path / "junk.sqlite3")]) == 2
    assert "Not restored" in capsys.readouterr().err


def test_closing_the_day_backs_up_and_a_failed_backup_does_not_reopen_it(small_city: Path, tmp_path: Path) -> None:
    from cashdesk.services.day_close import close_day, day_status

    supervisor = Operator("msuper", Role.SUPERVISOR)
    ctx = ServiceContext.open(small_city, settings=Settings({"backup.folder": str(tmp_path / "backups")}))
    ctx.clock = lambda: NOW
    try:
        closed = close_day(ctx, supervisor, NOW.date() - dt.timedelta(days=1))
        assert closed.backup is not None and "in the background" in closed.describe()
        taken = closed.backup.wait()  # the close returned first; the backup follows on its own thread
        assert taken is not None and taken.path == tmp_path / "backups" / "cashdesk-day-2026-11-25.sqlite3"
        assert check_backup(taken.path).ok and "Backed up to" in taken.describe()
        (tmp_path / "blocked").write_text("a file where the folder should be")
        ctx.settings = ctx.settings.with_values(backup__folder=str(tmp_path / "blocked"))
        second = close_day(ctx, supervisor, NOW.date())
        assert second.backup is not None
        failed = second.backup.wait()
        assert failed is not None and failed.path is None and "automatic backup failed" in failed.describe()
        assert day_status(ctx, NOW.date()).closed
        with sqlite3.connect(small_city) as con:  # the failure is in the audit trail, for whoever looks later
            (success, details) = con.execute("SELECT success, details FROM audit_events WHERE event_type = 'backup' "
                                              "ORDER BY seq DESC LIMIT 1").fetchone()  # fmt: skip
        assert success == 0 and "blocked" in details
    finally:
        ctx.close()


def test_names_and_folders_that_read_as_card_numbers_never_stop_a_backup(ctx: ServiceContext, tmp_path: Path) -> None:
    """Times in names once formed a Luhn-valid 14-digit run (20261126-134604) and the audit refused them."""
    from cashdesk.domain.cards import contains_card_number

    folder = tmp_path / "4111 1111 1111 1111"  # a person may name a folder anything
    folder.mkdir()
    for second in range(12):  # times whose digits, run together, would pass the Luhn check
        ctx.clock = lambda s=second: NOW + dt.timedelta(seconds=s)
        made = backup(ctx, ADMIN, folder)
        assert made.check.ok and not contains_card_number(made.path.name)
    con = sqlite3.connect(ctx.db.path)
    try:
        details = " ".join(
            d for (d,) in con.execute("SELECT details || object FROM audit_events WHERE event_type = 'backup'")
        )
    finally:
        con.close()
    assert not contains_card_number(details) and "[digits removed]" in details


# -- issue 11 §5: restore checks before anything moves, backups refuse companion names -------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def older_backup(tmp_path: Path, revision: str) -> Path:
    """A backup written by an earlier release: the first one (schema 0001, a real file), or one brought
    up to `revision` by that release's own migrations."""
    from cashdesk.store.db import Database
    from cashdesk.store.schema import upgrade

    path = tmp_path / "older" / f"schema-{revision}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(FIXTURES / "schema-0001.sqlite3", path)
    if revision != "0001":
        database = Database.open(path, require_current=False, quick_check=False)
        upgrade(database.engine, revision)
        database.dispose()
    return path


@pytest.mark.parametrize("revision", ["0001", "0006"])
def test_an_older_backup_is_brought_up_to_date_on_a_copy_and_restored(
    small_city: Path, tmp_path: Path, revision: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Today it stopped with "older schema" (0006) or a traceback (0001) after the database had been replaced."""
    from cashdesk.cli import main
    from cashdesk.services.accounts import account_detail
    from cashdesk.store.db import HEAD_REVISION

    old = older_backup(tmp_path, revision)
    before = old.read_bytes()
    assert main(["--db", str(small_city), "restore", str(old)]) == 0
    out = capsys.readouterr().out
    assert f"schema {revision}, brought up to schema {HEAD_REVISION}" in out and "kept at" in out
    assert old.read_bytes() == before  # the upgrade ran on the copy, never on the backup
    check = check_backup(small_city)
    assert check.ok and check.revision == HEAD_REVISION
    ctx = ServiceContext.open(small_city)  # the station opens it as it is: no `init` needed
    try:
        assert account_detail(ctx, "1000000017").balance == Money(4710)  # the first release's account
    finally:
        ctx.close()
    kept = next(small_city.parent.glob(small_city.name + ".replaced-*"))
    con = sqlite3.connect(kept)
    try:  # the replaced database, whole: the small city's accounts
        assert con.execute("SELECT name FROM accounts WHERE number = '1000000041'").fetchone() == ("NGUYỄN, THỊ",)
    finally:
        con.close()


def test_an_older_backup_that_cannot_be_brought_up_to_date_is_refused_before_anything_moves(
        small_city: Path, tmp_path: Path) -> None:  # fmt: skip
    old = older_backup(tmp_path, "0001")
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE users (id INTEGER)")  # a table the 0003 migration wants to create
    con.commit()
    con.close()
    folder = small_city.parent
    before = files(folder)
    with pytest.raises(BackupError, match=r"older schema \(0001\) and could not be brought up.*left as it was"):
        restore(old, small_city, user=ADMIN.user_id)
    assert files(folder) == before  # the database byte for byte, nothing kept, nothing left over


def test_the_restore_is_in_the_trail_of_the_restored_database(ctx: ServiceContext, small_city: Path) -> None:
    from cashdesk.services.audit import verify_audit

    made = backup(ctx, ADMIN)
    pay(ctx, 300)
    with ctx.db.read() as conn:
        last_seq, last_hash = conn.exec_driver_sql("SELECT seq, hash FROM audit_events ORDER BY seq DESC").first()
    ctx.close()
    restored = restore(made.path, small_city, user="os:clerk", now=NOW)
    con = sqlite3.connect(small_city)
    try:
        events = con.execute("SELECT seq, event_type, user, object, details FROM audit_events ORDER BY seq").fetchall()
    finally:
        con.close()
    seq, event_type, user, obj, details = events[-1]
    assert (event_type, user, obj) == ("restore", "os:clerk", made.path.name)
    assert seq == made.check.audit_events + 1  # it follows the backup's own trail
    said = json.loads(details)
    assert said["sha256"] == made.sha256[:12] and said["schema"] == made.check.revision and said["upgraded_to"] == ""
    assert said["replaced"] == str(restored.replaced)
    # What was set aside: the last event of the replaced trail, to find it in the kept file.
    assert (said["replaced_last_event"], said["replaced_last_hash"]) == (last_seq, last_hash[:12])
    again = ServiceContext.open(small_city)
    try:
        assert verify_audit(again).ok
    finally:
        again.close()


def test_a_window_left_open_is_noticed_and_nothing_moves(ctx: ServiceContext, small_city: Path) -> None:
    """An idle window holds a connection; today the restore went ahead under it."""
    from cashdesk.services.accounts import account_detail

    made = backup(ctx, ADMIN)
    account_detail(ctx, "1000000017")  # the window looked something up and sits idle
    before = files(small_city.parent)
    with pytest.raises(BackupError, match="is in use .* Close every cashdesk window"):
        restore(made.path, small_city, user=ADMIN.user_id)
    assert files(small_city.parent) == before


def test_no_database_but_its_log_beside_the_path_is_refused(small_city: Path, tmp_path: Path) -> None:
    target = tmp_path / "new-station" / "cashdesk.sqlite3"
    target.parent.mkdir()
    (target.parent / "cashdesk.sqlite3-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)
    with pytest.raises(BackupError, match="there is cashdesk.sqlite3-wal beside it"):
        restore(small_city, target, user=ADMIN.user_id)
    assert sorted(p.name for p in target.parent.iterdir()) == ["cashdesk.sqlite3-wal"]
    (target.parent / "cashdesk.sqlite3-wal").unlink()
    assert restore(small_city, target, user=ADMIN.user_id).replaced is None and check_backup(target).ok


@pytest.mark.parametrize("name", ["cashdesk.sqlite3-wal", "cashdesk.sqlite3-shm", "cashdesk.sqlite3-journal",
                                  "ledger.db-WAL", "copy-journal"])  # fmt: skip
def test_a_backup_is_never_written_under_a_companion_name(small_city: Path, tmp_path: Path, name: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """SQLite deletes or rewrites a file of that name by itself: today `backup --to DB-wal` said it was kept."""
    from cashdesk.cli import main

    usb = tmp_path / "usb"
    usb.mkdir()
    database = small_city.read_bytes()
    for folder in (small_city.parent, usb):
        assert main(["--db", str(small_city), "backup", "--to", str(folder / name)]) == 2
        said = capsys.readouterr()
        assert "Not backed up" in said.err and "the name SQLite gives a file it keeps beside a database" in said.err
        assert "Traceback" not in said.err and "Backed up" not in said.out
    assert not list(usb.iterdir()) and small_city.read_bytes() == database
    beside = small_city.parent / name  # the live database's own companion, if SQLite keeps one: not a copy
    assert not beside.exists() or not beside.read_bytes().startswith(b"SQLite format 3")
    assert not list(small_city.parent.glob("*.part"))


def test_a_killed_backup_leaves_no_part_file_after_the_next_run(small_city: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "download.part").write_text("someone else's half-downloaded file")
    env = {**os.environ, "CASHDESK_CONFIG": str(tmp_path / "none.toml")}
    killed = subprocess.run([sys.executable, "-m", "tests.support.kill_at", str(folder), "~os.rename cashdesk-",
                             "--", "--db", str(small_city), "backup", "--to", str(folder)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert killed.returncode == -9, killed.stderr
    # Named by the station's clock, which starts at 17:00:00 and runs on (a loaded machine may be a second in).
    leftovers = [p.name for p in folder.glob("cashdesk-*")]
    assert len(leftovers) == 1 and re.fullmatch(r"cashdesk-20261126T1700\d\d\.sqlite3\.part", leftovers[0]), leftovers
    # A backup being written right now by another process is not a leftover: it holds its lock.
    busy = folder / "cashdesk-being-written.sqlite3.part"
    writer = sqlite3.connect(busy, isolation_level=None)
    writer.execute("PRAGMA locking_mode=EXCLUSIVE")
    writer.execute("CREATE TABLE t (x)")
    try:
        later = {**env, "CASHDESK_CLOCK": "2026-11-26T17:05:00Z"}
        done = subprocess.run(
            [sys.executable, "-m", "cashdesk", "--db", str(small_city), "backup", "--to", str(folder)],
            cwd=ROOT,
            env=later,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    finally:
        writer.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names[1:] == ["cashdesk-being-written.sqlite3.part", "download.part"], names
    assert re.fullmatch(r"cashdesk-20261126T1705\d\d\.sqlite3", names[0]), names
    assert check_backup(folder / names[0]).ok


def test_a_damaged_database_is_replaced_and_kept_with_its_log(ctx: ServiceContext, small_city: Path) -> None:
    """The usual reason to restore: SQLite cannot open what is at the path, so it cannot be locked;
    its -wal goes with it, never left beside the restored database."""
    made = backup(ctx, ADMIN)
    ctx.close()
    garbage = b"SQLite format 3\x00" + b"\xff" * 8000
    small_city.write_bytes(garbage)
    wal = small_city.with_name(small_city.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x01" * 4000)
    log = wal.read_bytes()
    restored = restore(made.path, small_city, user=ADMIN.user_id, now=NOW)
    assert restored.replaced is not None and restored.replaced.read_bytes() == garbage
    assert restored.replaced.with_name(restored.replaced.name + "-wal").read_bytes() == log  # kept with it
    assert not wal.exists() and check_backup(small_city).ok
