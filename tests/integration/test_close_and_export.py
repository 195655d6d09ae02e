"""The supervisor's one Enter: the day closed and its deposit written from one reading of the day
(services/day_close.py `close_and_export`), byte for byte what a close and a later export write."""

from __future__ import annotations

import io
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.services import auth
from cashdesk.services.day_close import close_and_export, close_day, day_status
from cashdesk.services.deposit import ExportRefused, export_deposit
from tests.integration.test_deposit_export import DAY, NAMES, PASSWORD, SUPERVISOR, a_full_day, add_people, make_ctx

D = DAY.isoformat()
MANIFEST = f"deposit-manifest-{D}.json"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def full_day(small_city: Path) -> Path:
    """The small city with a whole day taken and every drawer closed, not yet closed itself."""
    ctx = make_ctx(small_city)
    try:
        add_people(ctx)
        a_full_day(ctx)
    finally:
        ctx.close()
    return small_city


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def registered(db: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute("SELECT name, sha256 FROM exported_files ORDER BY id").fetchall()


def test_one_enter_writes_the_bytes_a_close_and_a_later_export_write(full_day: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    shutil.copy(full_day, other)  # the same day, closed the other way

    ctx = make_ctx(full_day)
    try:
        both = close_and_export(ctx, SUPERVISOR, DAY, tmp_path / "one", ticket_number="T-1001", bag_number="B-77")
        assert both.export_refused == "" and both.exported is not None
        assert day_status(ctx, DAY).closed
        # A later export of the day finds its rows and files as they were: the same bytes again.
        again = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "again")
    finally:
        ctx.close()
    two = make_ctx(other)
    try:
        close_day(two, SUPERVISOR, DAY)
        export_deposit(two, SUPERVISOR, DAY, tmp_path / "two", ticket_number="T-1001", bag_number="B-77")
    finally:
        two.close()

    written = files(tmp_path / "one")
    assert sorted(written) == sorted([*NAMES, MANIFEST])
    assert written == files(tmp_path / "two") == files(tmp_path / "again")
    assert both.exported.bank_total == again.bank_total and both.exported.check_count == again.check_count == 1
    assert [sha for _, sha in registered(full_day)][:5] == [sha for _, sha in registered(other)]
    assert "ticket 1001" not in both.closed.describe()  # the close says the close; the export says its files
    assert both.exported.describe().startswith(f"Exported the deposit of {D}: ")


def test_a_ticket_number_refused_closes_nothing(full_day: Path, tmp_path: Path) -> None:
    ctx = make_ctx(full_day)
    try:
        with pytest.raises(ExportRefused, match="The deposit ticket number is up to 20 letters"):
            close_and_export(ctx, SUPERVISOR, DAY, tmp_path / "out", ticket_number="T 1001!")
        assert not day_status(ctx, DAY).closed
    finally:
        ctx.close()
    assert not (tmp_path / "out").exists()


def test_a_folder_that_refuses_the_files_leaves_the_day_closed_and_the_export_to_do_again(
    full_day: Path, tmp_path: Path
) -> None:  # fmt: skip
    taken = tmp_path / "taken"
    taken.write_text("a file where the folder should be\n")
    ctx = make_ctx(full_day)
    try:
        both = close_and_export(ctx, SUPERVISOR, DAY, taken, ticket_number="T-1001")
        assert both.exported is None
        assert both.export_refused.startswith(f"The deposit files could not be written to {taken}:")
        assert day_status(ctx, DAY).closed and registered(full_day) == []
        # Once there is a folder, export-deposit writes the day, with the ticket given then.
        later = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "deposits", ticket_number="T-1001")
        assert later.ticket_number == "T-1001" and len(registered(full_day)) == 5
    finally:
        ctx.close()


def test_close_day_with_out_closes_and_exports_on_the_command_line(
    full_day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    deposits = str(tmp_path / "deposits")
    code = main(["--db", str(full_day), "close-day", "--date", D, "--out", deposits, "--ticket", "T-1001",
                 "--bag", "B-77", "--user", "msuper", "--password-stdin", "--no-progress"])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    lines = out.splitlines()
    assert lines[0].startswith(f"The business day {D} is closed: ")
    assert f"{tmp_path / 'deposits' / MANIFEST}  the manifest: the export is complete" in lines
    assert any(line.startswith(f"Exported the deposit of {D}: ") for line in lines)
    assert sorted(files(tmp_path / "deposits")) == sorted([*NAMES, MANIFEST])

    # The day is closed: asked again, the close is refused in words and nothing is written.
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--db", str(full_day), "close-day", "--date", D, "--out", str(tmp_path / "again"),
                 "--user", "msuper", "--password-stdin", "--no-progress"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code != 0 and out == "" and f"The business day {D} is already closed" in err
    assert not (tmp_path / "again").exists()
