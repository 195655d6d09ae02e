"""`cashdesk shutoff-list` and `cashdesk work-orders`: preview, commit by a supervisor, the crew
sheet, and the completions file taken all or nothing."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext
from tests.integration import orders_city
from tests.integration.test_deposit_export import PASSWORD, add_people

KEYS = {"number", "account", "type", "status", "reason", "scheduled", "fee_cents"}


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setenv("CASHDESK_CLOCK", "2026-12-07T17:00:00Z")  # a Monday, 10:00 in Denver


@pytest.fixture
def db(db_path: Path) -> Path:
    orders_city.build(db_path)
    ctx = ServiceContext.open(db_path, settings=Settings())
    try:
        add_people(ctx)
    finally:
        ctx.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def statuses(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT number, status FROM work_orders ORDER BY id").fetchall()
    finally:
        con.close()


def test_preview_commit_list_export_and_complete(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-08", "--json")
    assert code == 0
    preview = json.loads(out)
    assert [row["account"] for row in preview] == ["3000000011", "3000000037"]
    assert set(preview[0]) == KEYS and preview[0]["fee_cents"] == 3000
    assert statuses(db) == []
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-08", "--commit")
    assert code == 2 and "--user" in err
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-08", "--commit",
                       "--user", "jcashier", "--password-stdin")  # fmt: skip
    assert code == 2 and "may not commit the shut-off list" in err
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-08", "--commit",
                       "--user", "msuper", "--password-stdin")  # fmt: skip
    assert code == 0 and "2 door tag(s)" in out
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "work-orders", "list", "--type", "door_tag", "--json")
    listed = json.loads(out)
    assert [(o["number"], o["status"], o["scheduled"], o["fee_cents"]) for o in listed] == [
        ("WO-2026-00003", "pending", "2026-12-08", 3000), ("WO-2026-00001", "pending", "2026-12-08", 3000)]  # fmt: skip
    sheet = tmp_path / "crew.csv"
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "work-orders", "export", "--date", "2026-12-08",
                       "--out", str(sheet), "--crew", "north")  # fmt: skip
    assert code == 0 and "2 order(s)" in out
    lines = sheet.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "number,type,account,name,service_address,scheduled,priority,depends_on,fee_cents,notes"
    assert lines[1].startswith("WO-2026-00001,Door tag,3000000011,")
    bad = tmp_path / "bad.csv"
    bad.write_text("number,outcome,meter_reading,remarks\nWO-2026-00001,completed,,hung\n"
                   "WO-2026-00003,not done,,\nWO-2026-00099,completed,,\n", encoding="utf-8")  # fmt: skip
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "work-orders", "complete", str(bad))
    assert code == 2 and "nothing was changed" in err
    assert "line 3: Say why work order WO-2026-00003" in err and "line 4: No work order WO-2026-00099" in err
    assert ("WO-2026-00001", "dispatched") in statuses(db)  # the good row was not kept either
    good = tmp_path / "good.csv"
    good.write_text("number,outcome,meter_reading,remarks\nWO-2026-00001,completed,,hung\n"
                    "WO-2026-00003,not done,,dog\n", encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "work-orders", "complete", str(good))
    assert code == 0 and "1 completed, 1 not done" in out
    assert statuses(db) == [("WO-2026-00001", "completed"), ("WO-2026-00002", "pending"),
                            ("WO-2026-00003", "not_done"), ("WO-2026-00004", "pending")]  # fmt: skip


def test_a_forbidden_day_is_said_and_a_commit_on_it_refused(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-11")
    assert code == 0 and "No shut-offs on a Friday" in out
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "shutoff-list", "--date", "2026-12-11", "--commit",
                       "--user", "msuper", "--password-stdin")  # fmt: skip
    assert code == 2 and "No shut-offs on a Friday" in err and statuses(db) == []
