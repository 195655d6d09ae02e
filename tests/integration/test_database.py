"""The database file: SQLite settings, schema checks, refusals that leave the file untouched."""

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from cashdesk.domain.money import Money
from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.context import ServiceContext
from cashdesk.services.setup import init_database
from cashdesk.store.db import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    Database,
    DatabaseError,
    NotInitialised,
    SchemaTooNew,
    SchemaTooOld,
    resolve_url,
)
from cashdesk.store.models import RevenueCodeRow
from cashdesk.store.schema import script_revisions


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(KNOWN_REVISIONS) == script_revisions()


def test_init_creates_then_reports_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "new" / "cashdesk.sqlite3"
    first = init_database(path)
    assert "Created the database" in first.describe()
    assert first.revenue_codes_added > 10
    second = init_database(path)
    assert "up to date" in second.describe()
    assert second.revenue_codes_added == 0


def test_connections_use_wal_full_sync_foreign_keys_and_a_busy_timeout(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    finally:
        db.dispose()


def test_a_missing_file_is_not_created_by_mistake(tmp_path: Path) -> None:
    path = tmp_path / "typo.sqlite3"
    with pytest.raises(NotInitialised, match="cashdesk init"):
        Database.open(path)
    assert not path.exists()


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    before = digest(db_path)
    with pytest.raises(SchemaTooNew, match="newer version of cashdesk"):
        Database.open(db_path)
    with pytest.raises(SchemaTooNew):
        init_database(db_path)
    assert digest(db_path) == before


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_database_of_an_earlier_release_is_upgraded_with_a_copy_kept(tmp_path: Path) -> None:
    """tests/fixtures/schema-0001.sqlite3 was written by the first release (schema 0001)."""
    path = tmp_path / "cashdesk.sqlite3"
    shutil.copy(FIXTURES / "schema-0001.sqlite3", path)
    original = digest(path)
    with pytest.raises(SchemaTooOld, match="Run `cashdesk init` to upgrade"):
        Database.open(path)
    assert digest(path) == original

    result = init_database(path)
    assert result.describe().startswith(f"Upgraded the database at {path} from schema 0001 to {HEAD_REVISION}.")
    assert result.backup is not None and digest(result.backup) == original

    ctx = ServiceContext.open(path)
    try:
        # Accounts and what they owe came through; the rebuilt search index finds them,
        # one-letter words included.
        assert [r.account for r in search_accounts(ctx, "garcia m")] == ["1000000017"]
        assert account_detail(ctx, "1000000017").balance == Money(4710)
    finally:
        ctx.close()


@pytest.mark.parametrize(
    "content",
    [b"this is a text file, not a database\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "damaged-header"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cashdesk.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="left untouched"):
        Database.open(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "cashdesk.sqlite3-wal").exists()


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE recipes (name TEXT)")
    con.close()
    with pytest.raises(DatabaseError, match="not a cashdesk database"):
        Database.open(path)


def damage_a_page(db_path: Path) -> None:
    with sqlite3.connect(db_path) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        con.executemany(
            "INSERT INTO account_history VALUES (?, 1, '2026-01-01', 'note', ?, 0, '')",
            [(i, "x" * 300) for i in range(1, 400)],
        )
    con.close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over an index page deep in the file, leaving the header alone.
    last = len(data) // page_size - 1
    data[last * page_size + 8 : last * page_size + 200] = b"\x07" * 192
    db_path.write_bytes(bytes(data))


def test_a_damaged_page_fails_the_quick_check(db_path: Path) -> None:
    damage_a_page(db_path)
    with pytest.raises(DatabaseError, match="damaged|not a cashdesk database"):
        Database.open(db_path)


def test_the_command_checks_the_file_where_it_matters_not_on_every_lookup(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cashdesk.cli import main

    assert main(["--db", str(db_path), "check"]) == 0
    assert "is sound" in capsys.readouterr().out
    damage_a_page(db_path)
    # A lookup reads only what it needs (the whole-file check took 2 s of `search` on a big city) …
    assert main(["--db", str(db_path), "search", "smith"]) == 1  # it answers: nobody of that name here
    assert "No account matches 'smith'." in capsys.readouterr().out
    # … while `check` and a backup read the whole file and say what is wrong.
    assert main(["--db", str(db_path), "check"]) == 1
    assert "is damaged:" in capsys.readouterr().out
    assert main(["--db", str(db_path), "backup", "--to", str(db_path.parent / "copy.sqlite3")]) == 2
    assert "damaged" in capsys.readouterr().err
    assert not (db_path.parent / "copy.sqlite3").exists()


def test_the_unit_of_work_rolls_back_unless_committed(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(RevenueCodeRow(code="TEMP", description="x", gl_account="1-2-3", category="fee"))
        with db.unit_of_work() as uow:
            assert uow.session.get(RevenueCodeRow, "TEMP") is None
            uow.session.add(RevenueCodeRow(code="TEMP", description="x", gl_account="1-2-3", category="fee"))
            uow.commit()
        with db.unit_of_work(write=False) as uow:
            assert uow.session.get(RevenueCodeRow, "TEMP") is not None
    finally:
        db.dispose()


def test_location_from_flag_then_environment_then_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASHDESK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url(tmp_path / "flag.sqlite3") == f"sqlite:///{tmp_path / 'flag.sqlite3'}"
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert resolve_url("postgresql+psycopg://u@localhost/city") == "postgresql+psycopg://u@localhost/city"
    monkeypatch.delenv("CASHDESK_DB")
    user_data = Path(os.environ["XDG_DATA_HOME"])  # set per test by tests/conftest.py
    assert resolve_url() == f"sqlite:///{user_data / 'cashdesk' / 'cashdesk.sqlite3'}"
