"""Backups: taken online and checked, kept by retention at day close, restored with the old file kept."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.backup import BackupError, automatic_backup, backup, check_backup, restore
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import Cart, MiscItem, post_receipt

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
    return post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(cents)),)), [Tender(TenderKind.CASH, Money(cents))]).number


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
    data[4096 * 3: 4096 * 3 + 200] = b"\xff" * 200  # scribble over a page
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
        assert closed.backup == tmp_path / "backups" / "cashdesk-day-2026-11-25.sqlite3"
        assert check_backup(closed.backup).ok and "Backed up to" in closed.describe()
        (tmp_path / "blocked").write_text("a file where the folder should be")
        ctx.settings = ctx.settings.with_values(backup__folder=str(tmp_path / "blocked"))
        second = close_day(ctx, supervisor, NOW.date())
        assert second.backup is None and "automatic backup failed" in second.describe()
        assert day_status(ctx, NOW.date()).closed
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
        details = " ".join(d for (d,) in con.execute("SELECT details || object FROM audit_events WHERE event_type = 'backup'"))
    finally:
        con.close()
    assert not contains_card_number(details) and "[digits removed]" in details
