"""A closed day stays as it was closed: its files print the names and GL codes of the close, and
an export refuses, every time it is asked, rows or files that are not what was closed and exported."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext
from cashdesk.services.day_close import close_day
from cashdesk.services.deposit import ExportDiffers, export_deposit
from tests.integration.test_deposit_export import (
    DAY,
    NAMES,
    PASSWORD,
    SUPERVISOR,
    a_full_day,
    add_people,
    make_ctx,
    pdf_text,
    read_csv,
)

D = DAY.isoformat()
MANIFEST = f"deposit-manifest-{D}.json"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = make_ctx(small_city)
    add_people(context)
    a_full_day(context)
    close_day(context, SUPERVISOR, DAY)
    yield context
    context.close()


def cashdesk(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             *args: str) -> tuple[int, str, str]:  # fmt: skip
    """The command, as a supervisor types it (the password on standard input)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def export_command(folder: Path, *more: str) -> tuple[str, ...]:
    return ("export-deposit", "--date", D, "--out", str(folder), "--user", "msuper", "--password-stdin", *more)


def sql(db: Path, *statements: str) -> list[tuple]:  # type: ignore[type-arg]
    with closing(sqlite3.connect(db)) as con:
        found = [row for statement in statements for row in con.execute(statement).fetchall()]
        con.commit()
        return found


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder: its bytes and the time it was last written."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def change_under_the_closed_day(db: Path, *statements: str) -> None:
    """What someone does with sqlite3 on the file: first drops any trigger that guards the money rows."""
    triggers = sql(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                       "('receipts', 'receipt_lines', 'tenders', 'allocations', 'day_close_records')")  # fmt: skip
    sql(db, *(f"DROP TRIGGER {name}" for (name,) in triggers), *statements)


# -- §4: what the files print is what it was at the close -------------------------------------------


def test_a_closed_day_exports_the_same_bytes_after_an_import_renames_its_payer(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "first", ticket_number="T-1001", bag_number="B-77")
    exported = {name: (tmp_path / "first" / name).read_bytes() for name in NAMES}

    # The next morning's import from billing, as the administrator runs it: the bakery (the payer of
    # check 5001) has a new name, and Ana Garcia, whose credit was refunded, is billed for water.
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "account,kind,name,item_id,revenue_code,due_date,amount\n"
        "2000000019,sales_tax,MAIN STREET BAKERY AND CAFE INC,,,,\n"
        '1000000033,utility,"GARCIA, ANA",B-2026-12-W,WATER,2026-12-20,41.00\n'
    )  # fmt: skip
    code, out, err = cashdesk(small_city, capsys, monkeypatch, "import-accounts", str(accounts), "--no-progress")
    assert code == 0, err
    assert sql(small_city, "SELECT name FROM accounts WHERE number = '2000000019'") == [
        ("MAIN STREET BAKERY AND CAFE INC",)]  # fmt: skip
    # The administrator renames a revenue code and moves it to another GL account; the bank, the
    # department and the over/short account change in the settings.
    sql(small_city, "UPDATE revenue_codes SET description = 'Building and fence permits', "
                    "gl_account = '100-310-322900' WHERE code = 'BLDGPRMT'")  # fmt: skip
    ctx.settings = ctx.settings.with_values(bank__name="Second Bank of Aurelia", city__department="Treasury",
                                            gl__over_short_account="100-150-369900")  # fmt: skip

    again = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "again")
    for name in NAMES:
        assert (tmp_path / "again" / name).read_bytes() == exported[name], name
    assert [f.sha256 for f in again.files] == [f.sha256 for f in first.files] and again.changed == ()
    deposit = read_csv(tmp_path / "again" / f"deposit-{D}.csv")
    assert [deposit[6][3], deposit[6][6], deposit[6][7]] == ["check", "5001", "MAIN STREET BAKERY LLC"]
    slip = pdf_text(tmp_path / "again" / f"deposit-slip-{D}.pdf")
    assert "MAIN STREET BAKERY LLC" in slip and "First National Bank of Aurelia" in slip
    journal = (tmp_path / "again" / f"gl-journal-{D}.csv").read_text()
    assert "100-310-322100" in journal and "Fence" not in journal and "100-000-220500" in journal

    # And the command, into the first folder: the same files, exit 0.
    code, out, err = cashdesk(small_city, capsys, monkeypatch, *export_command(tmp_path / "first"))
    assert (code, err) == (0, ""), err
    assert all((tmp_path / "first" / name).read_bytes() == exported[name] for name in NAMES)
    assert "MAIN STREET BAKERY AND CAFE INC" not in slip


# -- §4: a closed day's rows changed under it ---------------------------------------------------------


def test_an_export_refuses_rows_changed_after_the_close_every_time_and_leaves_the_files(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    folder = tmp_path / "deposits"
    code, _, err = cashdesk(small_city, capsys, monkeypatch, *export_command(folder, "--ticket", "T-1001"))
    assert code == 0, err
    before = snapshot(folder)
    registrations = sql(small_city, "SELECT count(*) FROM exported_files")

    # Someone raises check 5001 by $100.00 in the file, with sqlite3.
    change_under_the_closed_day(small_city, "UPDATE tenders SET amount_cents = 147500 WHERE reference = '5001'")

    for attempt in (1, 2):
        code, out, err = cashdesk(small_city, capsys, monkeypatch, *export_command(folder))
        assert (code, out) == (1, ""), (attempt, code, out, err)
        assert err.startswith(f"cashdesk: The deposit of {D} was not exported: its money rows are not what they "
                              "were when the day was closed.\n"), err  # fmt: skip
        assert "  - checks: 1 for $1,375.00 at the close, 1 for $1,475.00 now\n" in err
        # The rows of the registered file that differ, beside what they would be now.
        assert (f"  - deposit-{D}.csv: not the file registered 2026-11-26 17:00 UTC by msuper (in {folder.resolve()}):"
                in err)  # fmt: skip
        assert "line 7, registered: D,2026-11-26,6,check,,,5001,MAIN STREET BAKERY LLC,W01-2026-000003,1375.00" in err
        assert "line 7, now:        D,2026-11-26,6,check,,,5001,MAIN STREET BAKERY LLC,W01-2026-000003,1475.00" in err
        assert (
            "line 10, registered: T,2026-11-26,8,1603.65," in err
            and "line 10, now:        T,2026-11-26,8,1703.65," in err
        )
        assert f"  - deposit-slip-{D}.pdf: not the file registered" in err
        assert f"Files that differ: deposit-{D}.csv, deposit-slip-{D}.pdf.\n" in err
        assert "Nothing was written to" in err and "the registered files were left as they are" in err
        assert "restore the backup taken at the day's close" in err
        assert snapshot(folder) == before  # not a byte, not a time stamp
        assert sql(small_city, "SELECT count(*) FROM exported_files") == registrations

    # Another folder, another ticket: refused the same way, and nothing is made there.
    code, _, err = cashdesk(small_city, capsys, monkeypatch, *export_command(tmp_path / "elsewhere", "--ticket", "T-9"))
    assert code == 1 and "checks: 1 for $1,375.00 at the close, 1 for $1,475.00 now" in err
    assert not (tmp_path / "elsewhere").exists()
    refusals = sql(small_city, "SELECT success, details FROM audit_events WHERE event_type = 'deposit_export' "
                               "ORDER BY seq")  # fmt: skip
    assert [success for success, _ in refusals] == [1, 0, 0, 0]
    assert json.loads(refusals[1][1])["refused"] == "rows changed since the close"


def test_the_first_export_after_a_change_is_refused_by_the_figures_kept_at_the_close(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:  # fmt: skip
    # A misc line's amount and its receipt's total changed together: the receipt still balances.
    change_under_the_closed_day(
        small_city,
        "UPDATE receipt_lines SET amount_cents = 2500 WHERE revenue_code = 'BLDGPRMT'",
        "UPDATE receipts SET total_cents = 2500, tendered_cents = 2500 WHERE id = "
        "(SELECT receipt_id FROM receipt_lines WHERE revenue_code = 'BLDGPRMT')",
    )  # fmt: skip
    for _ in range(2):
        with pytest.raises(ExportDiffers) as refused:
            export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "deposits")
        message = str(refused.value)
        assert "  - posted receipts: 5 for $1,614.90 at the close, 5 for $1,514.90 now\n" in message
        assert "  - GL journal, 100-000-101000: $1,488.75 debit at the close, $1,388.75 debit now\n" in message
        assert "  - GL journal, 100-310-322100: $125.00 credit at the close, $25.00 credit now\n" in message
        assert f"Files that differ: gl-journal-{D}.csv.\nNothing was written to {tmp_path / 'deposits'}.\n" in message
    assert not (tmp_path / "deposits").exists()


def test_a_day_closed_before_its_figures_were_kept_is_checked_by_its_deposit_total(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:  # fmt: skip
    change_under_the_closed_day(small_city,
                                f"DELETE FROM day_close_records WHERE business_date = '{D}'",  # as a day closed before
                                "UPDATE tenders SET amount_cents = 147500 WHERE reference = '5001'")  # fmt: skip
    with pytest.raises(ExportDiffers, match=r"  - deposit total: \$1,603.65 at the close, \$1,703.65 now\n"):
        export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "deposits")


def test_a_day_exported_before_anchors_keeps_its_five_value_trailer(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "first")
    written = (tmp_path / "first" / f"deposit-{D}.csv").read_bytes()
    *rows, trailer = written.splitlines(keepends=True)
    assert len(trailer.split(b",")) == 7  # today's: with the day close's anchor
    older = b"".join(rows) + b",".join(trailer.split(b",")[:5]) + b"\n"
    # What an older cashdesk closed and registered: no frozen record, a five-value trailer.
    change_under_the_closed_day(
        small_city, f"DELETE FROM day_close_records WHERE business_date = '{D}'",
        f"UPDATE exported_files SET sha256 = '{hashlib.sha256(older).hexdigest()}', size = {len(older)} "
        f"WHERE name = 'deposit-{D}.csv'",
    )  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "again")
    assert (tmp_path / "again" / f"deposit-{D}.csv").read_bytes() == older


def test_a_changed_file_in_a_complete_export_is_not_overwritten(ctx: ServiceContext, tmp_path: Path) -> None:
    folder = tmp_path / "deposits"
    export_deposit(ctx, SUPERVISOR, DAY, folder)
    deposit = folder / f"deposit-{D}.csv"
    deposit.write_bytes(deposit.read_bytes().replace(b"1375.00", b"1357.00"))
    before = snapshot(folder)
    for _ in range(2):
        with pytest.raises(ExportDiffers, match=f"deposit-{D}.csv is not the file deposit-manifest-{D}.json lists "
                                                r"\(changed after the export\)"):  # fmt: skip
            export_deposit(ctx, SUPERVISOR, DAY, folder)
        assert snapshot(folder) == before


# -- §5: all or nothing, and the manifest ------------------------------------------------------------


def test_the_manifest_lists_each_file_and_an_unfinished_export_is_finished(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:  # fmt: skip
    folder = tmp_path / "deposits"
    result = export_deposit(ctx, SUPERVISOR, DAY, folder, ticket_number="T-1001")
    manifest = json.loads((folder / MANIFEST).read_bytes())
    assert manifest["format"] == "cashdesk deposit manifest 1" and manifest["business_date"] == D
    assert [f["name"] for f in manifest["files"]] == list(NAMES)
    registered = dict(sql(small_city, "SELECT name, sha256 FROM exported_files"))
    for entry in manifest["files"]:
        data = (folder / entry["name"]).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert registered[entry["name"]] == entry["sha256"]
    assert result.manifest == folder / MANIFEST and not result.finished

    # What a run stopped midway leaves: no manifest, a file missing, a temporary file.
    (folder / MANIFEST).unlink()
    (folder / f"gl-journal-{D}.csv").unlink()
    (folder / f".deposit-slip-{D}.pdf.k3j9x.tmp").write_bytes(b"%PDF-1.4 half")
    again = export_deposit(ctx, SUPERVISOR, DAY, folder)
    assert again.finished and "An unfinished export of the day found there" in again.describe()
    assert sorted(p.name for p in folder.iterdir()) == sorted((*NAMES, MANIFEST))
    assert json.loads((folder / MANIFEST).read_bytes()) == manifest
