"""`cashdesk close-day` and `cashdesk export-deposit`: a supervisor signs in with their password."""

import io
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.integration.test_deposit_export import CASHIER, FLOAT, PASSWORD, add_people, cash, close_my_drawer

NAMES = ("deposit-{d}.csv", "deposit-slip-{d}.pdf", "gl-journal-{d}.csv", "billing-payments-{d}.csv",
         "sales-tax-payments-{d}.csv")  # fmt: skip
MANIFEST = "deposit-manifest-{d}.json"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    # The command runs on the real clock, so the day is built on it too.
    from cashdesk.config import Settings

    context = ServiceContext.open(small_city, settings=Settings())
    add_people(context)
    yield context
    context.close()


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def events(db: Path, event_type: str) -> list[tuple[str, int]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT user, success FROM audit_events WHERE event_type = ? ORDER BY seq",
                           (event_type,)).fetchall()  # fmt: skip
    finally:
        con.close()


def test_close_day_refuses_an_open_drawer_then_closes_and_exports(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    day = ctx.today().isoformat()
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])
    base = ("--db", str(small_city))
    code, out, err = run(capsys, monkeypatch, *base, "close-day", "--date", day, "--user", "msuper",
                         "--password-stdin")  # fmt: skip
    assert code == 2 and out == ""
    assert err == (f"cashdesk: The business day {day} cannot close: this drawer is still open: station W01, "
                   "jcashier, drawer 1. Each cashier balances and closes their drawer first.\n")  # fmt: skip

    code, out, err = run(capsys, monkeypatch, *base, "export-deposit", "--date", day, "--out", str(tmp_path / "d"),
                         "--user", "msuper", "--password-stdin")  # fmt: skip
    assert code == 2 and f"The business day {day} is not closed yet" in err

    close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "B1": 4, "C25": 40, "C10": 9}))  # $0.00 over/short
    code, out, err = run(capsys, monkeypatch, *base, "close-day", "--date", day, "--user", "msuper",
                         "--password-stdin")  # fmt: skip
    assert code == 0 and err == ""
    assert out.startswith(f"The business day {day} is closed: 1 drawers, 1 receipts for $34.90, drawers: Balanced")
    assert events(small_city, "day_close") == [("msuper", 1)]

    out_dir = tmp_path / "deposit"
    code, out, err = run(capsys, monkeypatch, *base, "export-deposit", "--date", day, "--out", str(out_dir),
                         "--ticket", "T-1001", "--bag", "B-77", "--user", "msuper", "--password-stdin")  # fmt: skip
    assert code == 0 and err == ""
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(n.format(d=day) for n in (*NAMES, MANIFEST))
    assert f"Exported the deposit of {day}: $34.90 in the bag (0 checks)" in out
    assert events(small_city, "deposit_export") == [("msuper", 1)]

    # Again with another ticket number: the slip is replaced, as asked, and called out.
    code, out, err = run(capsys, monkeypatch, *base, "export-deposit", "--date", day, "--out", str(out_dir),
                         "--ticket", "T-1002", "--user", "msuper", "--password-stdin")  # fmt: skip
    assert code == 0 and err == ""
    assert f"deposit-slip-{day}.pdf" in out.splitlines()[1] and "CHANGED" in out.splitlines()[1]
    assert f"deposit-manifest-{day}.json  the manifest: the export is complete" in out.splitlines()[5]
    assert "these replace the ones exported before for this day (ticket T-1002, bag B-77): deposit-slip-" in out


def test_the_command_line_needs_a_supervisor_and_their_password(
    ctx: ServiceContext, small_city: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    day = ctx.today().isoformat()
    base = ("--db", str(small_city), "close-day", "--date", day)
    with pytest.raises(SystemExit) as exited:
        run(capsys, monkeypatch, *base)
    assert exited.value.code == 2
    assert "--user" in capsys.readouterr().err
    code, _, err = run(capsys, monkeypatch, *base, "--user", "msuper", "--password-stdin", stdin="wrong password\n")
    assert code == 2 and err.startswith("cashdesk: ")
    code, _, err = run(capsys, monkeypatch, *base, "--user", "jcashier", "--password-stdin")
    assert code == 2 and "jcashier (cashier) may not close the business day" in err
    code, _, err = run(capsys, monkeypatch, *base, "--user", "msuper", "--password-stdin", stdin="")
    assert code == 2 and err == "cashdesk: No password on standard input. Nothing was changed.\n"
    code, _, err = run(capsys, monkeypatch, *base, "--user", "msuper")  # no terminal to ask on
    assert code == 2 and "give it with --password-stdin" in err
    assert events(small_city, "day_close") == []
    assert events(small_city, "sign_in") == [("msuper", 0), ("jcashier", 1)]


def test_a_bad_date_is_refused_by_the_parser(small_city: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with pytest.raises(SystemExit) as exited:
        run(capsys, monkeypatch, "--db", str(small_city), "close-day", "--date", "26/11/2026", "--user", "msuper")
    assert exited.value.code == 2
    assert "'26/11/2026' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_close_day_says_the_close_then_waits_for_its_backup_and_says_how_it_ended(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import os

    day = ctx.today().isoformat()
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "B1": 4, "C25": 40, "C10": 9}))
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the backups folder should be")
    settings = Path(os.environ["CASHDESK_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[backup]\nfolder = {str(blocked)!r}\n", encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, "--db", str(small_city), "close-day", "--date", day, "--user", "msuper",
                         "--password-stdin")  # fmt: skip
    assert code == 0 and err == ""  # the day is closed all the same
    closed, backup = out.splitlines()
    assert closed.startswith(f"The business day {day} is closed") and closed.endswith("in the background.")
    assert backup.startswith("The automatic backup failed: Could not make the folder") and "by hand" in backup
